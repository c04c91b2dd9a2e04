// SPDX-License-Identifier: GPL-3.0-or-later
import Benchmark
import GLPKSolver
import Kapstok

/// The analyst bench's cost on one round: every strategy (`optimal`, `fair`, `greedy`,
/// `stable`, `random` with one seed, `manual` with the greedy pairing as the given one) and every
/// metric, through `PreparedRound.bench`, on a generated 2,000 × 700 round scored in setup
/// (issue 8's target: at most 5 s in all).
let strategySize = Size(mentees: 2_000, mentors: 700, maxIterations: 5, maxSeconds: 30, warmup: 0)

/// Milliseconds per strategy (its own pairing and its metrics), in `PreparedRound.bench` order.
let strategyNames = ["optimal", "fair", "greedy", "stable", "random", "manual"]

func strategyBenchmarks() {
    let prepared = Input<PreparedRound>()
    let perStrategy = strategyNames.map {
        BenchmarkMetric.custom("\($0) (ms)", polarity: .prefersSmaller, useScalingFactor: false)
    }
    Benchmark(
        "Bench strategies \(strategySize.label)",
        configuration: .init(
            metrics: commonMetrics + perStrategy,
            warmupIterations: strategySize.warmup,
            maxDuration: .seconds(strategySize.maxSeconds),
            maxIterations: strategySize.maxIterations,
            setup: {
                let round = RoundGenerator(mentees: strategySize.mentees, mentors: strategySize.mentors, seed: seed).makeRound()
                prepared.value = try PreparedRound(round: round)
            },
            teardown: { prepared.clear(); Failures.report() }
        )
    ) { benchmark in
        let input = prepared.value
        let given = try GreedyStrategy().pair(input, options: StrategyOptions()).assignment
        let manual = given.enumerated().compactMap { i, j in j.map { (mentee: i, mentor: $0) } }
        let strategies: [any PairingStrategy] = [
            OptimalStrategy(solver: GLPKSolver(), objective: .total), OptimalStrategy(solver: GLPKSolver(), objective: .fair),
            GreedyStrategy(), StableStrategy(), RandomStrategy(seed: seed), ManualStrategy(pairs: manual),
        ]
        for _ in benchmark.scaledIterations {
            var lapStart = ContinuousClock.now
            var laps: [Int] = []
            for strategy in strategies {
                let runs = try input.bench([strategy], options: StrategyOptions(timeLimit: timeLimit))
                let now = ContinuousClock.now
                laps.append(milliseconds(now - lapStart))
                lapStart = now
                if let run = runs.first, run.result.strategy == "optimal" || run.result.strategy == "fair", run.result.status != .optimal {
                    Failures.record(benchmark, "\(run.result.strategy): status \(run.result.status.rawValue), not optimal")
                }
                blackHole(runs)
            }
            for (metric, value) in zip(perStrategy, laps) { benchmark.measurement(metric, value) }
        }
    }
}
