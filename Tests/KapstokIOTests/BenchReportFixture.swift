import Foundation
import GLPKSolver
import Kapstok
import KapstokIO

/// A bench report of the bundled sample round (`datasets/sample`): optimal, greedy, stable and
/// random (first of five seeds, with the mean ± sd over them), plus hand-made what-if settings,
/// a sweep with fits and two OR-Library results. `hostile` puts markup into every user string
/// the page shows (title, subtitle, a strategy's name, a setting, a sweep strategy, an instance).
enum BenchReportFixture {
    static let hostile = "<script>&\"'"
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets/sample")

    static func prepared() throws -> PreparedRound {
        func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
        let (round, _) = try RoundLoader().loadRound(
            mentors: file("mentors.csv"), mentees: file("mentees.csv"), constraints: file("constraints.csv"),
            history: file("history.csv"), config: file("kapstok.toml"))
        return try PreparedRound(round: round)
    }

    /// The round's runs: optimal, greedy, stable, random seed 1; and random over seeds 1–5.
    static func runs(_ prepared: PreparedRound) throws -> (runs: [BenchRun], random: [BenchRun]) {
        let runs = try prepared.bench([OptimalStrategy(solver: GLPKSolver()), GreedyStrategy(), StableStrategy(), RandomStrategy(seed: 1)])
        let random = try prepared.bench((1...5).map { RandomStrategy(seed: UInt64($0)) })
        return (runs, random)
    }

    static func report(hostile: Bool = false) throws -> BenchReport {
        let prepared = try prepared()
        var (runs, random) = try runs(prepared)
        if hostile {
            // The stable run under a hostile name (the charts and tables show it everywhere).
            var result = runs[2].result
            result.strategy = Self.hostile
            var metrics = runs[2].metrics
            metrics.strategy = Self.hostile
            runs[2] = BenchRun(result: result, metrics: metrics)
        }
        let setting = hostile ? Self.hostile : "min_grade_gap"
        // Stand-ins for re-runs on changed rounds: the greedy run for value 0, none for 2.
        let whatIf = [
            WhatIfRun(setting: setting, value: "1", isBaseline: true, run: runs[0], problem: nil),
            WhatIfRun(setting: setting, value: "0", isBaseline: false, run: runs[1], problem: nil),
            WhatIfRun(setting: setting, value: "2", isBaseline: false, run: nil, problem: "a require rule cannot hold"),
        ]
        // seconds = 1e-6 · pairs (greedy) and 1e-7 · pairs^1.5 (optimal), memory 100 · pairs bytes.
        let sweepStrategy = hostile ? Self.hostile : "optimal"
        var sweep: [SweepMeasurement] = []
        for (mentees, mentors, pairs) in [(40, 12, 100), (400, 120, 1_000), (4_000, 1_200, 10_000)] {
            for seed: UInt64 in [1, 2] {
                sweep.append(SweepMeasurement(strategy: sweepStrategy, mentees: mentees, mentors: mentors, pairs: pairs, seed: seed,
                    seconds: 1e-7 * pow(Double(pairs), 1.5), memoryBytes: 100 * pairs))
                sweep.append(SweepMeasurement(strategy: "greedy", mentees: mentees, mentors: mentors, pairs: pairs, seed: seed,
                    seconds: 1e-6 * Double(pairs), memoryBytes: nil))
            }
        }
        let fits = [
            GrowthFit(strategy: sweepStrategy, quantity: "seconds", exponent: 1.5, coefficient: 1e-7, points: 6),
            GrowthFit(strategy: "greedy", quantity: "seconds", exponent: 1, coefficient: 1e-6, points: 6),
            GrowthFit(strategy: sweepStrategy, quantity: "memory_bytes", exponent: 1, coefficient: 100, points: 6),
        ]
        let orlib = [
            ORLibResult(instance: hostile ? Self.hostile : "c515-1", agents: 5, jobs: 15, value: 336, bound: 336, gap: 0, status: .optimal,
                seconds: 0.04, known: 336, knownIsOptimal: true),
            ORLibResult(instance: "d05100", agents: 5, jobs: 100, value: 6357, bound: 6350, gap: 7.0 / 6357, status: .timeLimit,
                seconds: 30.2, known: 6353, knownIsOptimal: false),
        ]
        return BenchReport(
            title: hostile ? "Bench \(Self.hostile)" : "Bench: the sample round",
            subtitle: hostile ? Self.hostile : "sample round: \(prepared.round.mentees.count) mentees × \(prepared.round.mentors.count) mentors",
            prepared: prepared, runs: runs, randomSummary: BenchMetrics.summary(of: random.map(\.metrics)), randomSeeds: random.count,
            whatIf: whatIf, sweep: sweep, fits: fits, orlib: orlib)
    }
}
