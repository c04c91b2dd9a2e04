import GLPKSolver
import Kapstok
import LinearModel
import Testing

/// Properties of the strategies on seeded generated rounds.
@Suite struct BenchStrategyTests {
    static let seeds: [UInt64] = Array(1...12)

    static func prepared(seed: UInt64, mentees: Int = 60, mentors: Int = 20) throws -> PreparedRound {
        try PreparedRound(round: RoundGenerator(mentees: mentees, mentors: mentors, seed: seed).makeRound())
    }

    /// Random stated lists: about half the people name 1–4 people of the other side (some not
    /// allowed, which are skipped).
    static func stated(_ round: Round, seed: UInt64) -> StatedPreferences {
        var random = SplitMix64(seed: seed &* 7919)
        var result = StatedPreferences()
        for mentee in round.mentees where random.chance(perMille: 500) {
            result.mentees[mentee.id] = (0..<random.uniform(in: 1...4)).map { _ in round.mentors[random.uniform(below: round.mentors.count)].id }
        }
        for mentor in round.mentors where random.chance(perMille: 500) {
            result.mentors[mentor.id] = (0..<random.uniform(in: 1...4)).map { _ in round.mentees[random.uniform(below: round.mentees.count)].id }
        }
        return result
    }

    /// Every pair allowed, every pin kept, no mentor above capacity.
    static func expectFeasible(_ prepared: PreparedRound, _ assignment: [Int?], _ label: String) {
        var load = [Double](repeating: 0, count: prepared.round.mentors.count)
        for (i, mentor) in assignment.enumerated() {
            if let pinned = prepared.eligibility.requiredMentor[i] { #expect(mentor == pinned, "\(label): pin of mentee \(i)") }
            guard let j = mentor else { continue }
            #expect(prepared.eligibility.isAllowed(mentee: i, mentor: j), "\(label): \(i)–\(j) breaks a rule")
            guard let entry = prepared.table.entry(mentee: i, mentor: j) else {
                Issue.record("\(label): \(i)–\(j) is not a candidate")
                continue
            }
            load[j] += entry.load
        }
        for j in load.indices { #expect(load[j] <= prepared.capacity[j] + 1e-9, "\(label): mentor \(j) over capacity") }
    }

    @Test func stableMatchingHasNoBlockingPair() throws {
        for seed in Self.seeds {
            let prepared = try Self.prepared(seed: seed)
            for stated in [StatedPreferences(), Self.stated(prepared.round, seed: seed)] {
                let result = try StableStrategy(stated: stated).pair(prepared, options: StrategyOptions())
                Self.expectFeasible(prepared, result.assignment, "stable seed \(seed)")
                let metrics = prepared.metrics(of: result, stated: stated)
                #expect(metrics.blockingPairs == 0, "seed \(seed), \(stated.mentees.count) stated lists")
                #expect(metrics.matched > 0)
            }
        }
    }

    @Test func greedyAndRandomRespectEveryRule() throws {
        for seed in Self.seeds {
            let prepared = try Self.prepared(seed: seed)
            let greedy = try GreedyStrategy().pair(prepared, options: StrategyOptions())
            Self.expectFeasible(prepared, greedy.assignment, "greedy seed \(seed)")
            let random = try RandomStrategy(seed: seed).pair(prepared, options: StrategyOptions())
            Self.expectFeasible(prepared, random.assignment, "random seed \(seed)")
            // Deterministic from the seed; another seed gives another pairing.
            #expect(try RandomStrategy(seed: seed).pair(prepared, options: StrategyOptions()).assignment == random.assignment)
            #expect(try RandomStrategy(seed: seed + 1000).pair(prepared, options: StrategyOptions()).assignment != random.assignment)
            // Both are maximal: no free mentee has an allowed mentor with room left.
            for result in [greedy, random] {
                var load = [Double](repeating: 0, count: prepared.round.mentors.count)
                for (i, j) in result.assignment.enumerated() { if let j { load[j] += prepared.table.entry(mentee: i, mentor: j)?.load ?? 0 } }
                for i in result.assignment.indices where result.assignment[i] == nil {
                    prepared.table.forEachAllowed(mentee: i) { j, _, pairLoad in
                        #expect(load[j] + pairLoad > prepared.capacity[j] + 1e-9, "\(result.strategy): \(i) could take \(j)")
                    }
                }
            }
        }
    }

    /// Scores mode with every allowed pair scored by a distinct number: both sides rank by the
    /// same score without ties, so the stable matching is unique and equals the greedy one.
    @Test func symmetricScoresWithoutTiesMakeStableEqualGreedy() throws {
        for seed in Self.seeds {
            var round = RoundGenerator(mentees: 60, mentors: 20, seed: seed).makeRound()
            let eligibility = Eligibility(round: round)
            var random = SplitMix64(seed: seed)
            var values = Array(0..<(round.mentees.count * round.mentors.count))
            random.shuffle(&values)
            var scores: [ScoreEntry] = []
            for i in round.mentees.indices {
                for j in round.mentors.indices where eligibility.isAllowed(mentee: i, mentor: j) {
                    scores.append(ScoreEntry(
                        menteeID: round.mentees[i].id, mentorID: round.mentors[j].id,
                        score: Double(values[i * round.mentors.count + j])))
                }
            }
            round.scores = scores
            let prepared = try PreparedRound(round: round)
            let greedy = try GreedyStrategy().pair(prepared, options: StrategyOptions())
            let stable = try StableStrategy().pair(prepared, options: StrategyOptions())
            #expect(stable.assignment == greedy.assignment, "seed \(seed)")
            #expect(prepared.metrics(of: greedy).blockingPairs == 0)
        }
    }

    /// The optimiser matches at least as many as every other strategy, and among pairings
    /// matching as many scores at least as much.
    @Test func optimalDominates() throws {
        for seed in Self.seeds.prefix(4) {
            let prepared = try Self.prepared(seed: seed)
            let optimal = prepared.metrics(of: try OptimalStrategy(solver: GLPKSolver()).pair(prepared, options: StrategyOptions()))
            let others: [any PairingStrategy] = [GreedyStrategy(), StableStrategy(), RandomStrategy(seed: seed)]
            for strategy in others {
                let metrics = prepared.metrics(of: try strategy.pair(prepared, options: StrategyOptions()))
                #expect(optimal.matched >= metrics.matched, "\(strategy.name) seed \(seed)")
                if optimal.matched == metrics.matched {
                    #expect(optimal.totalScore >= metrics.totalScore - 1e-6, "\(strategy.name) seed \(seed)")
                }
            }
        }
    }

    /// Blocking pairs and envy counted the slow way, straight from the definitions and the
    /// scores (no stated lists): for every mentee, every allowed mentor scoring strictly more
    /// than its own; blocking when that mentor has room or scores this mentee strictly above a
    /// mentee it holds that is not pinned; envy for every mentee that mentor holds.
    static func reference(_ prepared: PreparedRound, _ assignment: [Int?]) -> (blocking: Int, envy: Int) {
        let n = prepared.round.mentees.count
        let m = prepared.round.mentors.count
        var load = [Double](repeating: 0, count: m)
        for i in 0..<n { if let j = assignment[i] { load[j] += prepared.table.entry(mentee: i, mentor: j)?.load ?? 1 } }
        var blocking = 0
        var envy = 0
        for i in 0..<n {
            let own = assignment[i].flatMap { prepared.score(mentee: i, mentor: $0) } ?? -.infinity
            for j in 0..<m where j != assignment[i] {
                guard let score = prepared.score(mentee: i, mentor: j), score > own else { continue }
                let held = (0..<n).filter { assignment[$0] == j }
                envy += held.count
                let room = load[j] + (prepared.table.entry(mentee: i, mentor: j)?.load ?? 1) <= prepared.capacity[j] + 1e-9
                let displaces = held.contains { k in
                    prepared.eligibility.requiredMentor[k] != j && score > (prepared.score(mentee: k, mentor: j) ?? .infinity)
                }
                if room || displaces { blocking += 1 }
            }
        }
        return (blocking, envy)
    }

    @Test func blockingPairsAndEnvyMatchTheDefinition() throws {
        var nonzero = 0
        for seed in Self.seeds.prefix(6) {
            let prepared = try Self.prepared(seed: seed, mentees: 40, mentors: 12)
            let strategies: [any PairingStrategy] = [
                OptimalStrategy(solver: GLPKSolver()), GreedyStrategy(), RandomStrategy(seed: seed), StableStrategy(),
            ]
            for strategy in strategies {
                let result = try strategy.pair(prepared, options: StrategyOptions())
                let metrics = prepared.metrics(of: result)
                let expected = Self.reference(prepared, result.assignment)
                #expect(metrics.blockingPairs == expected.blocking, "\(strategy.name) seed \(seed)")
                #expect(metrics.envy == expected.envy, "\(strategy.name) seed \(seed)")
                if expected.blocking > 0 { nonzero += 1 }
            }
        }
        #expect(nonzero > 0, "some strategy has blocking pairs, so the comparison means something")
    }
}
