import ArgumentParser
import Foundation
import GLPKSolver
import Kapstok
import KapstokIO

/// `kapstok bench --orlib FILE [--minimise] [--known] [--time-limit S] [--out DIR]`: every
/// instance of an OR-Library GAP file solved through the normal pipeline (scores mode, objective
/// `total`), with value, proven bound, gap, status and time per instance.
struct BenchORLibOptions: ParsableArguments {
    @Option(help: "An OR-Library GAP file (datasets/orlib-gap/README.md): solve every instance in it.")
    var orlib: String?

    @Flag(
        name: [.customLong("minimise"), .customLong("minimize")],
        help: "With --orlib: minimise the cost (gapa–gapd, e05100) instead of maximising it (gap1–gap12).")
    var minimise = false

    @Flag(help: "With --orlib: compare each value with the published optimum or best known value.")
    var known = false

    var isGiven: Bool { orlib != nil }

    /// The time limit per instance when `--time-limit` is not given, in seconds.
    static let defaultTimeLimit = 30.0

    func validate() throws {
        if !isGiven, minimise || known {
            throw ValidationError("\(minimise ? "--minimise" : "--known") is for --orlib FILE")
        }
    }

    func run(output: BenchOutputOptions, shared: BenchSharedOptions) throws -> BenchReport {
        let path = orlib ?? ""
        if let out = output.out { try OutputOptions.check(out: out) }
        if shared.seeds != nil || shared.strategies != nil {
            throw ValidationError("--orlib solves each instance with the optimiser; --seeds and --strategies are for --sweep or a round")
        }
        let instances: [GAPInstance]
        do {
            instances = try GAPFormat.read(.file(URL(fileURLWithPath: path)))
        } catch {
            throw Terminal.refuse(error)
        }
        let maximise = !minimise
        let timeLimit = try shared.seconds() ?? Self.defaultTimeLimit
        let names = GAPBenchmark.instanceNames(file: path, instances: instances)
        var results: [ORLibResult] = []
        for (instance, name) in zip(instances, names) {
            let value = known ? GAPBenchmark.known(instance: name, maximise: maximise) : nil
            results.append(try ORLibResult.solving(
                instance.round(maximise: maximise), instance: name, maximise: maximise, solver: GLPKSolver(),
                timeLimit: timeLimit, known: value.map { (Double($0.value), $0.isOptimal) }))
        }
        if let out = output.out {
            try OutputOptions.commit(
                ORLibExport.files(for: results, maximise: maximise, withKnown: known), to: out,
                owning: ORLibExport.ownership, command: "kapstok bench --orlib", settings: output.format.settings())
        }
        let file = TerminalText.escaped(path)
        let sense = maximise ? "maximisation" : "minimisation"
        var lines = [
            "OR-Library GAP: \(file), \(counted(results.count, "instance")), \(sense), time limit \(Format.number(timeLimit)) s each",
            ORLibExport.table(results, withKnown: known),
        ]
        if known {
            let matched = results.filter { $0.matchesKnown == true }.count
            let compared = results.filter { $0.known != nil }.count
            let bestKnown = results.contains { $0.known != nil && !$0.knownIsOptimal }
            lines.append("  \(matched) of \(compared) at the known value\(bestKnown ? " (* best known, not proven optimal)" : "")")
        }
        if let out = output.out { lines.append("  written to \(TerminalText.escaped(out)): orlib.csv, orlib.json") }
        print(lines.joined(separator: "\n"))
        return BenchReport(
            title: "OR-Library GAP instances", subtitle: "\(file): \(counted(results.count, "instance")), \(sense)",
            orlib: results)
    }
}
