import Foundation
import GLPKSolver
import Kapstok
import LinearModel
import Testing

/// Every metric of every strategy on two tiny rounds, against values computed by hand.
@Suite struct BenchMetricsTests {
    /// Scores mode, capacities 1 (so at most 2 of 3 mentees are matched):
    ///
    ///          M1   M2
    ///     E1   10    8
    ///     E2    9    2
    ///     E3    7    –   (not in scores.csv)
    ///
    /// Ranks by score: E1: M1 1, M2 2; E2: M1 1, M2 2; E3: M1 1.
    /// Mentor ranks: M1: E1 1, E2 2, E3 3; M2: E1 1, E2 2.
    static func scoresRound() throws -> PreparedRound {
        let mentors = ["M1", "M2"].map { Mentor(id: $0, name: $0, capacity: 1) }
        let mentees = ["E1", "E2", "E3"].map { Mentee(id: $0, name: $0) }
        let scores = [
            ScoreEntry(menteeID: "E1", mentorID: "M1", score: 10), ScoreEntry(menteeID: "E1", mentorID: "M2", score: 8),
            ScoreEntry(menteeID: "E2", mentorID: "M1", score: 9), ScoreEntry(menteeID: "E2", mentorID: "M2", score: 2),
            ScoreEntry(menteeID: "E3", mentorID: "M1", score: 7),
        ]
        return try PreparedRound(round: Round(mentors: mentors, mentees: mentees, scores: scores))
    }

    static func ids(_ prepared: PreparedRound, _ result: StrategyResult) -> [String] {
        result.assignment.enumerated().map { i, j in
            prepared.round.mentees[i].id + "-" + (j.map { prepared.round.mentors[$0].id } ?? "none")
        }
    }

    @Test func greedyAndStable() throws {
        let prepared = try Self.scoresRound()
        // Greedy: pairs by score 10 (E1M1, taken: M1 full), 9 (E2M1, M1 full), 8 (E1M2, E1 done),
        // 7 (E3M1, M1 full), 2 (E2M2, taken).
        let greedy = try GreedyStrategy().pair(prepared, options: StrategyOptions())
        #expect(Self.ids(prepared, greedy) == ["E1-M1", "E2-M2", "E3-none"])
        // Deferred acceptance: E1→M1 held; E2→M1 rejected (M1 prefers E1), E2→M2 held; E3→M1
        // rejected. The same pairing.
        let stable = try StableStrategy().pair(prepared, options: StrategyOptions())
        #expect(stable.assignment == greedy.assignment)
        let metrics = prepared.metrics(of: greedy)
        #expect(metrics.strategy == "greedy")
        #expect(metrics.matched == 2)
        #expect(metrics.totalScore == 12)  // 10 + 2
        #expect(metrics.meanScore == 6)
        #expect(metrics.minScore == 2)
        #expect(metrics.p10Score == 2)  // ⌈2/10⌉ = 1st smallest
        #expect(abs((metrics.nashWelfare ?? 0) - log(20)) < 1e-12)  // ln 10 + ln 2
        #expect(metrics.nashExcluded == 0)
        #expect(metrics.gapCovered == nil)  // scores mode: no competency levels
        #expect(metrics.loadMin == 1 && metrics.loadMax == 1 && metrics.loadGini == 0)
        // E2 prefers M1, but M1 ranks E2 (2) below E1 (1); E3 prefers M1, ranked 3: none block.
        #expect(metrics.blockingPairs == 0)
        #expect(metrics.rankCounts == [1, 1])  // E1 its 1st, E2 its 2nd
        #expect(metrics.meanRank == 1.5 && metrics.worstRank == 2)
        #expect(metrics.envy == 2)  // E2 and E3 envy E1 (M1)
        #expect(metrics.violations == 0)
    }

    @Test func optimalAndFair() throws {
        let prepared = try Self.scoresRound()
        // Two places: {E1M2, E2M1} 17, {E1M1, E2M2} 12, {E1M2, E3M1} 15, {E2M2, E3M1} 9. Fair's
        // minima are 8, 2, 7, 2: the same pairing wins both.
        for objective in PairingObjective.allCases {
            let result = try OptimalStrategy(solver: GLPKSolver(), objective: objective).pair(prepared, options: StrategyOptions())
            #expect(result.strategy == (objective == .total ? "optimal" : "fair"))
            #expect(result.status == .optimal)
            #expect(Self.ids(prepared, result) == ["E1-M2", "E2-M1", "E3-none"])
            let metrics = prepared.metrics(of: result)
            #expect(metrics.totalScore == 17 && metrics.meanScore == 8.5 && metrics.minScore == 8 && metrics.p10Score == 8)
            #expect(abs((metrics.nashWelfare ?? 0) - log(72)) < 1e-12)  // ln 8 + ln 9
            // E1 prefers M1 (rank 1 over 2) and M1 prefers E1 (1) to E2 (2): one blocking pair;
            // E3 → M1 does not block (M1 ranks E3 third).
            #expect(metrics.blockingPairs == 1)
            #expect(metrics.rankCounts == [1, 1])  // E2 its 1st, E1 its 2nd
            #expect(metrics.envy == 2)  // E1 and E3 envy E2 (M1)
        }
    }

    @Test func manualViolationsAndLoads() throws {
        let prepared = try Self.scoresRound()
        // Given: E1-M1, E2-M1 (M1 now 2 > capacity 1), E3-M2 (not in scores.csv), E1-M2 (E1 again).
        let manual = ManualStrategy(pairs: [(0, 0), (1, 0), (2, 1), (0, 1)])
        let result = try manual.pair(prepared, options: StrategyOptions())
        #expect(Self.ids(prepared, result) == ["E1-M1", "E2-M1", "E3-M2"])
        #expect(result.violations == [
            PairViolation(mentee: 1, mentor: 0, rules: [], overCapacity: true, duplicateMentee: false),
            PairViolation(mentee: 2, mentor: 1, rules: [.notScored], overCapacity: false, duplicateMentee: false),
            PairViolation(mentee: 0, mentor: 1, rules: [], overCapacity: false, duplicateMentee: true),
        ])
        let metrics = prepared.metrics(of: result)
        #expect(metrics.matched == 3)
        #expect(metrics.totalScore == 19 && metrics.meanScore == 9.5 && metrics.minScore == 9)  // 10 + 9; E3-M2 has no score
        // Loads M1 2, M2 1 (a pair outside scores.csv loads 1): Gini Σ|xa − xb| / (2·m²·mean)
        // = (|2−1| + |1−2|) / (2·4·1.5) = 1/6.
        #expect(metrics.loadMin == 1 && metrics.loadMax == 2)
        #expect(abs((metrics.loadGini ?? 0) - 1.0 / 6) < 1e-12)
        #expect(metrics.rankCounts == [2])  // E1 and E2 have M1, their 1st; E3's pair is not allowed
        #expect(metrics.meanRank == 1 && metrics.worstRank == 1)
        // E3 counts as unmatched: prefers M1 (envies E1 and E2), M1 is over capacity and holds
        // E1 (1) and E2 (2), both preferred to E3 (3): envy 2, no blocking pair.
        #expect(metrics.envy == 2)
        #expect(metrics.blockingPairs == 0)
        #expect(metrics.violations == 3)
    }

    @Test func statedPreferencesChangeTheStableMatching() throws {
        let prepared = try Self.scoresRound()
        // E2 states [M2, M1]; M1 states [E3]. Mentee ranks: E2: M2 1, M1 2. M1: E3 1, E1 2, E2 3.
        // E1→M1 held; E2→M2 held; E3→M1: M1 prefers E3 to E1, E1 dropped; E1→M2: M2 prefers E1
        // (8) to E2 (2), E2 dropped; E2→M1: M1 prefers E3: rejected, E2 has no one left.
        let stated = StatedPreferences(mentees: ["E2": ["M2", "M1"]], mentors: ["M1": ["E3"]])
        let result = try StableStrategy(stated: stated).pair(prepared, options: StrategyOptions())
        #expect(Self.ids(prepared, result) == ["E1-M2", "E2-none", "E3-M1"])
        let metrics = prepared.metrics(of: result, stated: stated)
        #expect(metrics.blockingPairs == 0)
        #expect(metrics.rankCounts == [1, 1])  // E3 its 1st (M1), E1 its 2nd (M2)
        // Envy: E1 prefers M1 (held by E3); E2 prefers M2 (E1) and M1 (E3): 3.
        #expect(metrics.envy == 3)
        // Measured by scores alone, the same pairing has E1–M1 blocking (E1 prefers M1, M1
        // ranks E1 1st above E3 3rd) and E2–M1 (E2 unmatched, M1 ranks E2 2nd above E3).
        #expect(prepared.metrics(of: result).blockingPairs == 2)
    }

    /// Model mode: competencies `a.x` (role a, weight 2) and `b.y` (role b, weight 1), domain
    /// `d.z`; default target 4; α = 0.7, β = 0.3; capacity 1.
    ///
    ///     E1 current [1, 3] → gaps [3, 1], interest 5    M1 levels [3, 5], expertise 5
    ///     E2 current [2, 4] → gaps [2, 0], interest 0    M2 levels [5, 2], expertise 1
    ///
    /// E1: Σ w·g = 2·3 + 1 = 7, factors a 70·6/7 = 60, b 70·1/7 = 10, domain 30·5/25 = 6 a level.
    /// E1–M1 = 60·2/3 + 10·1 + 6·5 = 80; E1–M2 = 60·1 + 0 + 6 = 66.
    /// E2: Σ w·g = 4, factor a 70; E2–M1 = 70·1/2 = 35; E2–M2 = 70·1 = 70.
    static func modelRound() throws -> PreparedRound {
        let framework = Framework(items: [
            FrameworkItem(id: "a.x", name: "X", kind: .competency, group: "a", weight: 2),
            FrameworkItem(id: "b.y", name: "Y", kind: .competency, group: "b", weight: 1),
            FrameworkItem(id: "d.z", name: "Z", kind: .domain, group: ""),
        ])
        let mentors = [
            Mentor(id: "M1", name: "M1", capacity: 1, competencyLevels: [3, 5], domainExpertise: [5]),
            Mentor(id: "M2", name: "M2", capacity: 1, competencyLevels: [5, 2], domainExpertise: [1]),
        ]
        let mentees = [
            Mentee(id: "E1", name: "E1", currentLevels: [1, 3], targetLevels: [nil, nil], domainInterest: [5]),
            Mentee(id: "E2", name: "E2", currentLevels: [2, 4], targetLevels: [nil, nil], domainInterest: [0]),
        ]
        return try PreparedRound(round: Round(framework: framework, mentors: mentors, mentees: mentees))
    }

    @Test func gapCoverage() throws {
        let prepared = try Self.modelRound()
        #expect(abs((prepared.score(mentee: 0, mentor: 0) ?? 0) - 80) < 1e-4)
        #expect(abs((prepared.score(mentee: 1, mentor: 1) ?? 0) - 70) < 1e-4)
        // Greedy: 80 (E1M1), then 70 (E2M2).
        let greedy = try GreedyStrategy().pair(prepared, options: StrategyOptions())
        #expect(greedy.assignment == [0, 1])
        let metrics = prepared.metrics(of: greedy)
        // Role a: E1 covers min(3, 3−1) = 2 of 3 (×2: 4 of 6), E2 min(2, 5−2) = 2 of 2 (4 of 4): 8/10.
        // Role b: E1 min(1, 5−3) = 1 of 1: 1/1. Overall 9/11. Domain: E1 5·5/5 = 5 of 5: 1.
        #expect(abs((metrics.gapCovered ?? 0) - 9.0 / 11) < 1e-12)
        #expect(metrics.roleCoverage.map(\.role) == ["a", "b"])
        #expect(abs((metrics.roleCoverage[0].share ?? 0) - 0.8) < 1e-12)
        #expect(metrics.roleCoverage[1].share == 1)
        #expect(metrics.domainCoverage.map(\.domain) == ["d.z"])
        #expect(metrics.domainCoverage[0].share == 1)
        // Crossed: role a: E1 min(3, 4) = 3 (6 of 6), E2 min(2, 3−2) = 1 (2 of 4): 8/10; role b:
        // E1 max(0, 2−3) = 0 of 1; overall 8/11; domain 5·1/5 = 1 of 5 = 0.2.
        let crossed = prepared.metrics(of: try ManualStrategy(pairs: [(0, 1), (1, 0)]).pair(prepared, options: StrategyOptions()))
        #expect(abs((crossed.gapCovered ?? 0) - 8.0 / 11) < 1e-12)
        #expect(abs((crossed.roleCoverage[0].share ?? 0) - 0.8) < 1e-12)
        #expect(crossed.roleCoverage[1].share == 0)
        #expect(abs((crossed.domainCoverage[0].share ?? 0) - 0.2) < 1e-12)
        #expect(crossed.violations == 0)
    }

    @Test func percentileNashAndFieldNames() throws {
        // 30 pairs scoring 1…30 (one mentor of capacity 30): ⌈30/10⌉ = 3rd smallest = 3 (a
        // floating 0.1·30 would round up to 4). Nash = ln 30!.
        let mentors = [Mentor(id: "M", name: "M", capacity: 30)]
        let mentees = (1...30).map { Mentee(id: "E\($0)", name: "E\($0)") }
        let scores = (1...30).map { ScoreEntry(menteeID: "E\($0)", mentorID: "M", score: Double($0)) }
        let prepared = try PreparedRound(round: Round(mentors: mentors, mentees: mentees, scores: scores))
        let metrics = prepared.metrics(of: try GreedyStrategy().pair(prepared, options: StrategyOptions()))
        #expect(metrics.p10Score == 3)
        #expect(abs((metrics.nashWelfare ?? 0) - (1...30).reduce(0.0) { $0 + log(Double($1)) }) < 1e-10)
        #expect(metrics.fields.map(\.name) == [
            "matched", "total_score", "mean_score", "min_score", "p10_score", "nash_welfare", "gap_covered", "load_min",
            "load_max", "load_gini", "blocking_pairs", "mean_rank", "worst_rank", "envy", "violations", "seconds",
        ])
        // A zero score is left out of Nash welfare and counted.
        let zero = try PreparedRound(round: Round(
            mentors: mentors, mentees: Array(mentees.prefix(2)),
            scores: [ScoreEntry(menteeID: "E1", mentorID: "M", score: 0), ScoreEntry(menteeID: "E2", mentorID: "M", score: 5)]))
        let zeroMetrics = zero.metrics(of: try GreedyStrategy().pair(zero, options: StrategyOptions()))
        #expect(zeroMetrics.nashExcluded == 1)
        #expect(abs((zeroMetrics.nashWelfare ?? 0) - log(5)) < 1e-12)
    }

    @Test func summaryOverRuns() throws {
        let prepared = try Self.scoresRound()
        let runs = try prepared.bench([GreedyStrategy(), OptimalStrategy(solver: GLPKSolver())])
        #expect(runs.map(\.metrics.strategy) == ["greedy", "optimal"])
        let summary = BenchMetrics.summary(of: runs.map(\.metrics))
        #expect(summary.map(\.name) == runs[0].metrics.fields.map(\.name))
        // total_score 12 and 17: mean 14.5, sd √((2.5² + 2.5²)/1) = √12.5.
        let total = try #require(summary.first { $0.name == "total_score" })
        #expect(total.count == 2 && total.mean == 14.5)
        #expect(abs((total.standardDeviation ?? 0) - 12.5.squareRoot()) < 1e-12)
        // gap_covered has no value in scores mode.
        let gap = try #require(summary.first { $0.name == "gap_covered" })
        #expect(gap.count == 0 && gap.mean == nil && gap.standardDeviation == nil)
        // blocking_pairs 0 and 1: mean 0.5, sd √(0.5) .
        let blocking = try #require(summary.first { $0.name == "blocking_pairs" })
        #expect(blocking.mean == 0.5 && abs((blocking.standardDeviation ?? 0) - 0.5.squareRoot()) < 1e-12)
    }
}
