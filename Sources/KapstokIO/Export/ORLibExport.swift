import Foundation
import Kapstok

/// The files of `kapstok bench --orlib FILE --out DIR`: `orlib.csv` (one row per instance) and
/// `orlib.json` (the same rows as objects, with the objective sense). Deterministic except for
/// `seconds`, the one measured field.
///
/// Fields: `instance`, `agents`, `jobs`, `value` (the objective of the best assignment found,
/// empty/`null` without one), `bound` (proven: upper when maximising, lower when minimising),
/// `gap` (relative, 6 decimals), `status` (`optimal`, `feasible`, `infeasible`, `time_limit`),
/// `seconds` (3 decimals); with `--known` also `known`, `known_is_optimal` and `matches_known`.
public enum ORLibExport {
    /// The files a run writes, in the order they are written.
    public static func files(for results: [ORLibResult], maximise: Bool, withKnown: Bool) -> [ExportedFile] {
        [
            ExportedFile(name: "orlib.csv", table: table(results, withKnown: withKnown)),
            ExportedFile(name: "orlib.json", json: json(results, maximise: maximise, withKnown: withKnown)),
        ]
    }

    /// The files an OR-Library run owns in a shared output folder.
    public static let ownership = OutputFolder.Ownership(names: ["orlib.csv", "orlib.json"])

    /// The column names, in order.
    public static func header(withKnown: Bool) -> [String] {
        ["instance", "agents", "jobs", "value", "bound", "gap", "status", "seconds"]
            + (withKnown ? ["known", "known_is_optimal", "matches_known"] : [])
    }

    public static func csv(_ results: [ORLibResult], withKnown: Bool) -> String { CSVWriter.text(table(results, withKnown: withKnown)) }

    /// The table of ``csv(_:withKnown:)``.
    public static func table(_ results: [ORLibResult], withKnown: Bool) -> OutputTable {
        OutputTable(header: header(withKnown: withKnown), rows: results.map { cells($0, withKnown: withKnown).map(\.outputCell) })
    }

    public static func json(_ results: [ORLibResult], maximise: Bool, withKnown: Bool) -> JSONValue {
        let names = header(withKnown: withKnown)
        return .object([
            JSONMember("sense", .string(maximise ? "maximise" : "minimise")),
            JSONMember("instances", .array(results.map { result in
                .object(zip(names, cells(result, withKnown: withKnown)).map { JSONMember($0, $1.json) })
            })),
        ])
    }

    /// One cell, kept typed until it is rendered for CSV or JSON.
    enum Cell {
        case text(String)
        case integer(Int)
        case number(Double?, decimals: Int)
        case flag(Bool?)

        /// The typed cell: numbers with the text ``csvText`` gives them.
        var outputCell: OutputCell {
            switch self {
            case .text(let text): .text(text)
            case .integer(let value): .integer(value)
            case .number(let value?, _) where value.isFinite: .number(value, text: csvText, style: .general)
            case .number, .flag: csvText.isEmpty ? .empty : .text(csvText)
            }
        }

        var csvText: String {
            switch self {
            case .text(let text): text
            case .integer(let value): String(value)
            case .number(let value, let decimals): value.map { Format.number($0, decimals: decimals) } ?? ""
            case .flag(let value): value.map { $0 ? "true" : "false" } ?? ""
            }
        }

        var json: JSONValue {
            switch self {
            case .text(let text): .string(text)
            case .integer(let value): .integer(value)
            case .number(let value, let decimals):
                value.map { .number(Self.rounded($0, decimals: decimals)) } ?? .null
            case .flag(let value): value.map { .bool($0) } ?? .null
            }
        }

        static func rounded(_ value: Double, decimals: Int) -> Double {
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            return (value * scale).rounded() / scale
        }
    }

    static func cells(_ result: ORLibResult, withKnown: Bool) -> [Cell] {
        var cells: [Cell] = [
            .text(result.instance), .integer(result.agents), .integer(result.jobs),
            .number(result.value, decimals: 4), .number(result.bound, decimals: 4), .number(result.gap, decimals: 6),
            .text(result.status.rawValue), .number(result.seconds, decimals: 3),
        ]
        if withKnown {
            cells += [
                .number(result.known, decimals: 4), .flag(result.known == nil ? nil : result.knownIsOptimal),
                .flag(result.matchesKnown),
            ]
        }
        return cells
    }
}

extension ORLibExport {
    /// The terminal table: instance, size, value, bound, gap (percent), status, seconds and, with
    /// known values, the known value with `✓` (equal), `✗` (not equal) and `*` for a best known
    /// value that is not a proven optimum.
    public static func table(_ results: [ORLibResult], withKnown: Bool) -> String {
        var rows: [[String]] = [
            ["instance", "agents×jobs", "value", "bound", "gap", "status", "seconds"] + (withKnown ? ["known", ""] : [])
        ]
        func number(_ value: Double?) -> String { value.map { Format.number($0, decimals: 2) } ?? "–" }
        for result in results {
            var row = [
                result.instance, "\(result.agents)×\(result.jobs)", number(result.value), number(result.bound),
                result.gap.map { Format.number($0 * 100, decimals: 3) + " %" } ?? "–", result.status.rawValue,
                Format.number(result.seconds, decimals: 3),
            ]
            if withKnown {
                row.append(result.known.map { number($0) + (result.knownIsOptimal ? "" : "*") } ?? "–")
                row.append(result.matchesKnown.map { $0 ? "✓" : "✗" } ?? "")
            }
            rows.append(row)
        }
        return TextTable.render(rows, rightAligned: [2, 3, 4, 6, 7])
    }
}
