import ArgumentParser
import Kapstok

/// Options more than one bench mode reads: the optimiser's time limit, seeds and strategies.
/// One group, so that no two modes declare the same flag (ArgumentParser refuses duplicates).
struct BenchSharedOptions: ParsableArguments {
    @Option(
        name: .customLong("time-limit"), parsing: .unconditional,
        help: "Seconds (0 < s ≤ \(Int(SolveOptions.maximumTimeLimit))) for the optimiser per run (a round: default the configuration's time_limit_seconds; --orlib: per instance, default 30).")
    var timeLimit: String?

    @Option(
        parsing: .unconditional,
        help: "Seeds (\(Limits.describe(Limits.benchSeeds))): of the random strategy on a round, reported as mean ± sd (default \(BenchRoundOptions.defaultSeeds)); generated rounds per size with --sweep (default 3).")
    var seeds: Int?

    @Option(help: "Comma-separated strategies from optimal, fair, greedy, stable, random, manual (a round; default all, manual with --manual) or the first five (--sweep).")
    var strategies: String?

    func validate() throws {
        _ = try SolveOptions.seconds(timeLimit)
        if let seeds, !Limits.benchSeeds.contains(seeds) {
            throw ValidationError("--seeds must be between \(Limits.benchSeeds.lowerBound) and \(Limits.benchSeeds.upperBound); got \(seeds)")
        }
    }

    /// The `--time-limit` value, checked; `nil` when not given.
    func seconds() throws -> Double? { try SolveOptions.seconds(timeLimit) }
}
