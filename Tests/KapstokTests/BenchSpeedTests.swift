import GLPKSolver
import Kapstok
import Testing

/// Every strategy and every metric on a generated 2,000 × 700 round: within 5 s in a release
/// build (the bench's budget; a debug build is only checked to finish).
@Suite struct BenchSpeedTests {
    @Test func allStrategiesOnALargeRound() throws {
        let prepared = try PreparedRound(round: RoundGenerator(mentees: 2_000, mentors: 700, seed: 8).makeRound())
        let clock = ContinuousClock()
        let started = clock.now
        let strategies: [any PairingStrategy] = [
            OptimalStrategy(solver: GLPKSolver()), OptimalStrategy(solver: GLPKSolver(), objective: .fair), GreedyStrategy(),
            StableStrategy(), RandomStrategy(seed: 1), ManualStrategy(pairs: (0..<2_000).map { ($0, $0 % 700) }),
        ]
        let runs = try prepared.bench(strategies, options: StrategyOptions(timeLimit: 60))
        let elapsed = clock.now - started
        for run in runs {
            print("bench 2000×700 \(run.metrics.strategy): \(run.result.seconds) s, matched \(run.metrics.matched), total \(run.metrics.totalScore), blocking \(run.metrics.blockingPairs)")
        }
        print("bench 2000×700 all: \(elapsed)")
        #expect(runs.count == 6)
        #expect(runs[0].result.status == .optimal)
        #if !DEBUG
        #expect(elapsed < .seconds(5), "took \(elapsed)")
        #endif
    }
}
