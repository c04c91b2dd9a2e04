import Foundation
import Kapstok

/// The files of `kapstok bench --sweep --out DIR`: `sweep.csv` (one row per size, seed and
/// strategy), `sweep-fits.csv` (one row per strategy and quantity) and `sweep.json` (both, with
/// what the memory figure is). Deterministic except for the measured `seconds`, `memory_bytes`
/// and the fits computed from them.
///
/// `sweep.csv`: `strategy,mentees,mentors,pairs,seed,seconds,memory_bytes` (`pairs`: allowed
/// pairs of the round; `seconds`: 6 decimals; `memory_bytes`: empty when not measured).
/// `sweep-fits.csv`: `strategy,quantity,exponent,coefficient,points` (`quantity`: `seconds` or
/// `memory_bytes`; the power law `quantity ≈ coefficient · pairs^exponent`).
public enum SweepExport {
    /// What `memory_bytes` measures, as written into `sweep.json`.
    public static let memoryNote =
        "peak growth of the process's resident set while the strategy ran (VmHWM after, less VmRSS before, "
        + "with the peak reset and freed heap returned first), in bytes"

    public static func files(for measurements: [SweepMeasurement], fits: [GrowthFit]) -> [ExportedFile] {
        [
            ExportedFile(name: "sweep.csv", table: table(measurements)),
            ExportedFile(name: "sweep-fits.csv", table: fitsTable(fits)),
            ExportedFile(name: "sweep.json", json: json(measurements, fits: fits)),
        ]
    }

    public static let ownership = OutputFolder.Ownership(names: ["sweep.csv", "sweep-fits.csv", "sweep.json"])

    public static let header = ["strategy", "mentees", "mentors", "pairs", "seed", "seconds", "memory_bytes"]
    public static let fitsHeader = ["strategy", "quantity", "exponent", "coefficient", "points"]

    public static func csv(_ measurements: [SweepMeasurement]) -> String { CSVWriter.text(table(measurements)) }

    /// The table of ``csv(_:)`` (a seed is a label up to 2^64: text, so no digit is lost).
    public static func table(_ measurements: [SweepMeasurement]) -> OutputTable {
        OutputTable(header: header, rows: measurements.map { m in
            [
                .text(m.strategy), .integer(m.mentees), .integer(m.mentors), .integer(m.pairs), .text(String(m.seed)),
                rounded(m.seconds, decimals: 6), .optional(m.memoryBytes, OutputCell.integer),
            ]
        })
    }

    public static func fitsCSV(_ fits: [GrowthFit]) -> String { CSVWriter.text(fitsTable(fits)) }

    /// The table of ``fitsCSV(_:)``.
    public static func fitsTable(_ fits: [GrowthFit]) -> OutputTable {
        OutputTable(header: fitsHeader, rows: fits.map { fit in
            [.text(fit.strategy), .text(fit.quantity), rounded(fit.exponent, decimals: 4), .decimal(fit.coefficient), .integer(fit.points)]
        })
    }

    /// A number written with at most `decimals` decimals (``Format/number(_:decimals:)``).
    private static func rounded(_ value: Double, decimals: Int) -> OutputCell {
        value.isFinite ? .number(value, text: Format.number(value, decimals: decimals), style: .general) : .text(Format.number(value, decimals: decimals))
    }

    public static func json(_ measurements: [SweepMeasurement], fits: [GrowthFit]) -> JSONValue {
        .object([
            JSONMember("memory", .string(memoryNote)),
            JSONMember("measurements", .array(measurements.map { m in
                .object([
                    JSONMember("strategy", .string(m.strategy)), JSONMember("mentees", .integer(m.mentees)),
                    JSONMember("mentors", .integer(m.mentors)), JSONMember("pairs", .integer(m.pairs)),
                    JSONMember("seed", .integer(Int(clamping: m.seed))),
                    JSONMember("seconds", .number((m.seconds * 1e6).rounded() / 1e6)),
                    JSONMember("memory_bytes", m.memoryBytes.map { .integer($0) } ?? .null),
                ])
            })),
            JSONMember("fits", .array(fits.map { fit in
                .object([
                    JSONMember("strategy", .string(fit.strategy)), JSONMember("quantity", .string(fit.quantity)),
                    JSONMember("exponent", .number((fit.exponent * 1e4).rounded() / 1e4)),
                    JSONMember("coefficient", .number(fit.coefficient)), JSONMember("points", .integer(fit.points)),
                ])
            })),
        ])
    }

    /// The terminal table: per size and strategy, mean allowed pairs, mean seconds and mean peak
    /// memory (MiB) over the seeds; then per strategy the fitted exponents.
    public static func table(_ measurements: [SweepMeasurement], fits: [GrowthFit]) -> String {
        var rows: [[String]] = [["size", "pairs", "strategy", "seconds", "memory MiB", "seeds"]]
        var keys: [String] = []
        var groups: [String: [SweepMeasurement]] = [:]
        for m in measurements {
            let key = "\(m.mentees)×\(m.mentors)\u{0}\(m.strategy)"
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append(m)
        }
        for key in keys {
            let group = groups[key] ?? []
            guard let first = group.first else { continue }
            let count = Double(group.count)
            let pairs = group.reduce(0) { $0 + $1.pairs } / group.count
            let seconds = group.reduce(0.0) { $0 + $1.seconds } / count
            let memory = group.compactMap(\.memoryBytes)
            let mebibytes = memory.isEmpty ? "–" : Format.number(Double(memory.reduce(0, +)) / Double(memory.count) / 1_048_576, decimals: 1)
            rows.append([
                "\(first.mentees)×\(first.mentors)", String(pairs), first.strategy, Format.number(seconds, decimals: 4), mebibytes,
                String(group.count),
            ])
        }
        var fitRows: [[String]] = [["strategy", "time exponent", "memory exponent"]]
        var strategies: [String] = []
        for fit in fits where !strategies.contains(fit.strategy) { strategies.append(fit.strategy) }
        for strategy in strategies {
            func exponent(_ quantity: String) -> String {
                fits.first { $0.strategy == strategy && $0.quantity == quantity }.map { Format.number($0.exponent, decimals: 2) } ?? "–"
            }
            fitRows.append([strategy, exponent("seconds"), exponent("memory_bytes")])
        }
        return TextTable.render(rows, rightAligned: [1, 3, 4, 5])
            + "\n\n  growth with allowed pairs (least squares on log–log: y ≈ c · pairs^exponent)\n"
            + TextTable.render(fitRows, rightAligned: [1, 2])
    }
}
