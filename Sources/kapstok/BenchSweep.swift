import ArgumentParser
import Foundation
import GLPKSolver
import Kapstok
import KapstokIO

/// `kapstok bench --sweep [--sizes 100x40,…] [--seeds N] [--strategies …] [--out DIR]`:
/// generated rounds of growing size, several seeds each, every strategy timed and its peak
/// memory measured (``ResidentMemoryProbe``), with a fitted growth exponent per strategy.
struct BenchSweepOptions: ParsableArguments {
    @Flag(help: "Run generated rounds of growing size and several seeds; report how time and memory grow.")
    var sweep = false

    @Option(
        help: "With --sweep: comma-separated sizes <mentees>x<mentors>, each \(Limits.describe(Limits.sweepPeople)), at most \(Limits.sweepPairs) pairs and \(Limits.sweepSizes.upperBound) sizes (default \(ScalingSweep.defaultSizes.map(\.description).joined(separator: ","))).")
    var sizes: String?

    var isGiven: Bool { sweep }

    func validate() throws {
        if !sweep, sizes != nil { throw ValidationError("--sizes is for --sweep") }
        _ = try parsedSizes()
    }

    /// The `--sizes` value, checked; the defaults when not given.
    func parsedSizes() throws -> [SweepSize] {
        guard let sizes else { return ScalingSweep.defaultSizes }
        let items = sizes.split(separator: ",", omittingEmptySubsequences: false)
        guard Limits.sweepSizes.contains(items.count) else {
            throw ValidationError("--sizes takes \(Limits.describe(Limits.sweepSizes)) sizes; got \(items.count)")
        }
        return try items.map { item in
            let parts = item.split(separator: "x", omittingEmptySubsequences: false)
            let quoted = "'\(TerminalText.escaped(String(item)))'"
            guard parts.count == 2, let mentees = Int(parts[0]), let mentors = Int(parts[1]) else {
                throw ValidationError("--sizes: \(quoted) is not <mentees>x<mentors>, e.g. 2000x700")
            }
            guard Limits.sweepPeople.contains(mentees), Limits.sweepPeople.contains(mentors) else {
                throw ValidationError("--sizes: \(quoted): mentees and mentors must each be \(Limits.describe(Limits.sweepPeople))")
            }
            guard mentees * mentors <= Limits.sweepPairs else {
                throw ValidationError("--sizes: \(quoted) has \(mentees * mentors) pairs; at most \(Limits.sweepPairs)")
            }
            return SweepSize(mentees: mentees, mentors: mentors)
        }
    }

    /// The `--strategies` value, checked: names of ``ScalingSweep/strategyNames``, each once.
    static func strategies(_ text: String?) throws -> [String] {
        guard let text else { return ScalingSweep.strategyNames }
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for name in names where !ScalingSweep.strategyNames.contains(name) {
            throw ValidationError(
                "--strategies: unknown strategy '\(TerminalText.escaped(name))' for --sweep; use \(ScalingSweep.strategyNames.joined(separator: ", "))")
        }
        if Set(names).count != names.count { throw ValidationError("--strategies names a strategy twice") }
        return names
    }

    func run(output: BenchOutputOptions, shared: BenchSharedOptions) throws -> BenchReport {
        if let out = output.out { try OutputOptions.check(out: out) }
        let seeds = shared.seeds ?? ScalingSweep.defaultSeeds
        let sweep = ScalingSweep(
            sizes: try parsedSizes(), seeds: Array(1...UInt64(seeds)), strategies: try Self.strategies(shared.strategies),
            timeLimit: try shared.seconds())
        let probe = ResidentMemoryProbe.make()
        let measurements = try sweep.run(solver: GLPKSolver(), memory: probe)
        let fits = GrowthFit.fits(of: measurements)
        if let out = output.out {
            try OutputOptions.commit(
                SweepExport.files(for: measurements, fits: fits), to: out,
                owning: SweepExport.ownership, command: "kapstok bench --sweep", settings: output.format.settings())
        }
        let sizesText = sweep.sizes.map { "\($0.mentees)×\($0.mentors)" }.joined(separator: ", ")
        var lines = [
            "Scaling sweep: \(sizesText); \(counted(seeds, "seed")) each; generated rounds (kapstok generate)",
            SweepExport.table(measurements, fits: fits),
            "  memory: " + (probe == nil ? "not measured (/proc/self/clear_refs is not available)" : SweepExport.memoryNote),
        ]
        if let out = output.out { lines.append("  written to \(TerminalText.escaped(out)): sweep.csv, sweep-fits.csv, sweep.json") }
        print(lines.joined(separator: "\n"))
        return BenchReport(
            title: "Scaling sweep", subtitle: "\(sizesText); \(counted(seeds, "seed")) each", sweep: measurements, fits: fits)
    }
}
