import Foundation
import GLPKSolver
import Kapstok
import LinearModel
import Testing

/// An exact reference for unit-load pairing at sizes brute force cannot reach: a min-cost flow
/// (source → mentee, capacity 1; mentee → mentor, cost `−(big + s_ij)`; mentor → sink, capacity
/// `places_j`) solved by successive shortest paths in integer arithmetic, stopping when the next
/// augmenting path no longer lowers the cost. `big` exceeds any total score, so the minimum cost is
/// "most matched, then highest total" exactly.
struct MinCostFlowReference {
    let mentees: Int
    let mentors: Int
    /// Allowed pairs with integer scores.
    let pairs: [(mentee: Int, mentor: Int, score: Int)]
    let places: [Int]

    func best() -> (matched: Int, total: Int) {
        let source = 0
        let sink = 1 + mentees + mentors
        let nodes = sink + 1
        var to: [Int] = []
        var capacity: [Int] = []
        var cost: [Int] = []
        var outgoing = [[Int]](repeating: [], count: nodes)
        func arc(_ a: Int, _ b: Int, _ c: Int, _ w: Int) {
            outgoing[a].append(to.count)
            to.append(b); capacity.append(c); cost.append(w)
            outgoing[b].append(to.count)
            to.append(a); capacity.append(0); cost.append(-w)
        }
        let big = (pairs.map(\.score).max() ?? 0) * mentees + 1
        for i in 0..<mentees { arc(source, 1 + i, 1, 0) }
        for pair in pairs { arc(1 + pair.mentee, 1 + mentees + pair.mentor, 1, -(big + pair.score)) }
        for j in 0..<mentors { arc(1 + mentees + j, sink, places[j], 0) }
        var matched = 0
        var totalCost = 0
        while true {
            // Shortest path by Bellman–Ford with a queue (the residual network has no negative cycle).
            var distance = [Int](repeating: .max, count: nodes)
            var via = [Int](repeating: -1, count: nodes)
            var queued = [Bool](repeating: false, count: nodes)
            var queue = [source]
            distance[source] = 0
            queued[source] = true
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                queued[node] = false
                for a in outgoing[node] where capacity[a] > 0 && distance[node] + cost[a] < distance[to[a]] {
                    distance[to[a]] = distance[node] + cost[a]
                    via[to[a]] = a
                    if !queued[to[a]] {
                        queued[to[a]] = true
                        queue.append(to[a])
                    }
                }
            }
            guard distance[sink] < 0 else { break }
            var node = sink
            while node != source {
                let a = via[node]
                capacity[a] -= 1
                capacity[a ^ 1] += 1
                node = to[a ^ 1]
            }
            matched += 1
            totalCost += distance[sink]
        }
        return (matched, -totalCost - matched * big)
    }
}

/// A random unit-load round of 20–80 mentees with integer base scores, mapped to raw scores
/// `base·scale + offset` (so spreads reach 1e9 and scores go negative), fractional capacities.
struct ScaledRound {
    let problem: PairingProblem
    let reference: MinCostFlowReference
    let scale: Int
    let offset: Int

    init(seed: UInt64, scale: Int, offset: Int) {
        var random = SplitMix64(seed: seed)
        let n = random.uniform(in: 20...80)
        let m = random.uniform(in: 5...20)
        // Capacity often scarce, some of it fractional: 2.5 and 2.75 hold 2.
        let capacity = (0..<m).map { _ in Double(random.uniform(in: 1...4)) / 2 + (random.chance(perMille: 300) ? 0.25 : 0) }
        // A third of the mentees are "stars" (600 points ahead): every mentor's own best
        // candidates are stars, so the seed (each mentee's best pair, each mentor's best few
        // mentees, a greedy pairing) misses pairs the optimum needs and pricing must find them.
        let star = (0..<n).map { _ in random.chance(perMille: 330) ? 600 : 0 }
        var pairs: [(mentee: Int, mentor: Int, score: Int)] = []
        for i in 0..<n {
            for j in 0..<m where random.chance(perMille: 450) { pairs.append((i, j, star[i] + random.uniform(in: 0...400))) }
        }
        let table = PairTable(
            menteeCount: n, mentorCount: m,
            pairs: pairs.map { pair -> (mentee: Int, mentor: Int, score: Double, load: Double) in
                (pair.mentee, pair.mentor, Double(pair.score * scale + offset), 1)
            })
        problem = PairingProblem(table: table, capacity: capacity)
        let places = capacity.map { Int(($0 + 1e-9).rounded(.down)) }
        reference = MinCostFlowReference(mentees: n, mentors: m, pairs: pairs, places: places)
        self.scale = scale
        self.offset = offset
    }

    /// The reference's optimum in raw score units (exact: every value is an integer below 2^53).
    var expected: (matched: Int, total: Double) {
        let best = reference.best()
        return (best.matched, Double(best.total * scale + best.matched * offset))
    }

    var spread: Double { Double(1000 * scale) }
}

@Suite struct PairingProofTests {
    /// Column generation from one candidate per mentee: pricing has to add pairs, and the proven
    /// result equals the exact min-cost-flow reference, at score scales from 1 to 1e9, with a
    /// computed bound within the proof tolerance (1e-6 of the spread) of the total.
    ///
    /// The seeds are ones whose seed pairs miss the optimum (about half do; the others are proven
    /// in the first round). Normalised scores do not depend on `scale` and `offset`, so neither does
    /// the search: only the units of the answer change. `emptyStart` starts from an empty pairing
    /// instead of the greedy one (fewer seed pairs, and the other warm start: the pairing's basis).
    @Test(arguments: [
        (UInt64(3), 1, 0, false), (5, 1, -1000, false), (9, 1000, -777, false), (2, 1, -500, true),
        (4, 1_000_000, 0, true), (6, 7, 3, true), (10, 1_000_000, -123_456_789, true),
        (21, 1_000_000, -500_000_000, true), (22, 1, 0, true), (24, 1_000_000, -999_000_000, true),
    ])
    func columnGenerationMatchesMinCostFlow(seed: UInt64, scale: Int, offset: Int, emptyStart: Bool) throws {
        let round = ScaledRound(seed: seed, scale: scale, offset: offset)
        var options = PairingOptions(objective: .total, initialCandidatesPerMentee: 1)
        options.columnsPerMenteePerRound = 1
        if emptyStart { options.initialPairing = [Int?](repeating: nil, count: round.problem.menteeCount) }
        let outcome = try PairingSolver(solver: GLPKSolver()).solve(round.problem, options: options)
        let expected = round.expected
        #expect(outcome.status == .optimal)
        #expect(outcome.pricingRounds > 1, "pricing added pairs and re-solved")
        #expect(outcome.candidates < round.problem.table.allowedCount, "not every pair entered")
        #expect(outcome.method.contains("column generation"))
        #expect(outcome.matched == expected.matched)
        #expect(outcome.totalScore == expected.total, "total \(outcome.totalScore), reference \(expected.total)")
        let bound = try #require(outcome.bound)
        #expect(bound >= outcome.totalScore)
        #expect(bound - outcome.totalScore <= 1e-6 * round.spread, "bound \(bound), total \(outcome.totalScore)")
        expectRespectsConstraints(outcome, round.problem)
    }

    /// The reference itself equals brute force on tiny unit-load rounds without pins.
    @Test(arguments: 0..<60)
    func minCostFlowReferenceMatchesBruteForce(seed: UInt64) {
        let problem = randomProblem(seed: seed, unitLoads: true)
        guard problem.required.isEmpty else { return }
        var pairs: [(mentee: Int, mentor: Int, score: Int)] = []
        for i in 0..<problem.menteeCount {
            problem.table.forEachAllowed(mentee: i) { j, score, _ in pairs.append((i, j, Int(score))) }
        }
        let reference = MinCostFlowReference(
            mentees: problem.menteeCount, mentors: problem.mentorCount, pairs: pairs, places: problem.places
        ).best()
        let brute = BruteForcePairing(problem: problem).best(.total)
        #expect(reference.matched == brute.matched)
        #expect(Double(reference.total) == (brute.matched > 0 ? brute.total : 0))
    }

    /// The dense mixed-integer path (forced) on the same rounds equals the reference too.
    @Test(arguments: [(UInt64(11), 1_000_000, -500_000_000), (12, 1, -3), (13, 999, 17)])
    func mixedIntegerPathMatchesMinCostFlow(seed: UInt64, scale: Int, offset: Int) throws {
        let round = ScaledRound(seed: seed, scale: scale, offset: offset)
        let outcome = try PairingSolver(solver: DenseOnly()).solve(round.problem)
        let expected = round.expected
        #expect(outcome.status == .optimal)
        #expect(outcome.matched == expected.matched)
        #expect(outcome.totalScore == expected.total)
        let bound = try #require(outcome.bound)
        #expect(bound >= outcome.totalScore && bound - outcome.totalScore <= 1e-6 * round.spread)
    }

    /// Tiny scores-mode rounds with negative scores, spreads up to 1e9, fractional capacities and
    /// (half of them) loads other than 1, for both objectives, against brute force.
    @Test(arguments: 0..<40)
    func extremeScoresMatchBruteForce(seed: UInt64) throws {
        var random = SplitMix64(seed: 5000 + seed)
        let n = random.uniform(in: 2...6)
        let m = random.uniform(in: 1...3)
        let unitLoads = seed % 2 == 0
        let spread = [1, 1000, 1_000_000, 1_000_000_000][Int(seed / 2) % 4]
        let capacity = (0..<m).map { _ in Double(random.uniform(in: 1...5)) / 2 }  // 0.5 … 2.5
        var pairs: [(mentee: Int, mentor: Int, score: Double, load: Double)] = []
        for i in 0..<n {
            for j in 0..<m where random.chance(perMille: 700) {
                // Coarse integer grid (ties), shifted negative: scores in [−spread/2, spread/2].
                let score = Double(random.uniform(in: 0...8) * (spread / 8) - spread / 2)
                pairs.append((i, j, score, unitLoads ? 1 : Double(random.uniform(in: 1...4)) / 2))
            }
        }
        let problem = PairingProblem(table: PairTable(menteeCount: n, mentorCount: m, pairs: pairs), capacity: capacity)
        for objective in PairingObjective.allCases {
            let reference = BruteForcePairing(problem: problem).best(objective)
            for solver in [GLPKSolver() as any Solver, DenseOnly()] {
                let outcome = try PairingSolver(solver: solver).solve(problem, options: PairingOptions(objective: objective))
                #expect(outcome.status == .optimal)
                #expect(outcome.matched == reference.matched)
                if reference.matched > 0 {
                    #expect(outcome.totalScore == reference.total, "\(objective): \(outcome.totalScore) vs \(reference.total)")
                    if objective == .fair { #expect(outcome.minimumScore == reference.minimum) }
                }
                let bound = try #require(outcome.bound)
                #expect(bound >= outcome.totalScore && bound - outcome.totalScore <= 1e-6 * Double(spread))
                expectRespectsConstraints(outcome, problem)
            }
        }
    }

    /// A run stopped by the time limit reports a proven bound at or above its total, on both paths,
    /// with scores spread over 2e9.
    @Test func timeLimitedRunsReportAComputedBound() throws {
        var random = SplitMix64(seed: 99)
        let n = 3000
        let m = 900
        var pairs: [(mentee: Int, mentor: Int, score: Double, load: Double)] = []
        for i in 0..<n {
            for j in 0..<m where random.chance(perMille: 40) {
                pairs.append((i, j, Double(random.uniform(in: -1_000_000...1_000_000)) * 1000, 1))
            }
        }
        let problem = PairingProblem(
            table: PairTable(menteeCount: n, mentorCount: m, pairs: pairs), capacity: [Double](repeating: 2, count: m))
        for objective in PairingObjective.allCases {
            let outcome = try PairingSolver(solver: GLPKSolver())
                .solve(problem, options: PairingOptions(objective: objective, timeLimit: 0.02))
            #expect(outcome.status == .timeLimit || outcome.status == .optimal)
            let bound = try #require(outcome.bound)
            #expect(bound >= outcome.totalScore)
            expectRespectsConstraints(outcome, problem)
        }
        // The dense path on a generalised assignment instance, stopped after 10 ms.
        let gap = try ORLibGAP.instances(file: "gap12.txt")[0]
        let prepared = try PreparedRound(round: gap.round(maximise: true))
        let dense = try PairingSolver(solver: GLPKSolver())
            .solve(prepared.problem, options: PairingOptions(objective: .total, timeLimit: 0.01))
        #expect(dense.status == .timeLimit || dense.status == .optimal)
        if let bound = dense.bound { #expect(bound >= dense.totalScore) }
        expectRespectsConstraints(dense, prepared.problem)
    }

    /// A capacity of 999,999,999 is as many places as the mentees who could use them: the run is
    /// fast and allocates nothing by capacity (48 GB and an abort before places were clamped).
    /// The second case has far more places than mentees, where the warm start is left to GLPK.
    @Test(arguments: [(400, 30, 100), (200, 400, 500)])
    func hugeCapacityIsClampedToTheTakers(n: Int, m: Int, perMille: Int) throws {
        var random = SplitMix64(seed: 3)
        var pairs: [(mentee: Int, mentor: Int, score: Double, load: Double)] = []
        for i in 0..<n {
            for j in 0..<m where random.chance(perMille: perMille) { pairs.append((i, j, Double(random.uniform(in: 0...100)), 1)) }
        }
        let table = PairTable(menteeCount: n, mentorCount: m, pairs: pairs)
        let problem = PairingProblem(table: table, capacity: [Double](repeating: 999_999_999, count: m))
        var takers = [Int](repeating: 0, count: m)
        for pair in pairs { takers[pair.mentor] += 1 }
        #expect(problem.places == takers)
        let started = ContinuousClock.now
        let outcome = try PairingSolver(solver: GLPKSolver()).solve(problem)
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(outcome.status == .optimal)
        // Unbounded capacity: every mentee with a candidate takes its best one.
        var best = 0.0
        var reachable = 0
        for i in 0..<n {
            var top: Double?
            table.forEachAllowed(mentee: i) { _, score, _ in top = max(top ?? score, score) }
            if let top {
                best += top
                reachable += 1
            }
        }
        #expect(outcome.matched == reachable)
        #expect(outcome.totalScore == best)
        // Pins count as takers of their mentor; a mentee pinned elsewhere does not.
        let pinned = PairingProblem(
            table: PairTable(menteeCount: 2, mentorCount: 2, pairs: [(0, 0, 1, 1), (0, 1, 1, 1), (1, 1, 1, 1)]),
            capacity: [1e9, 2.5], required: [0: 0])
        #expect(pinned.places == [1, 1])
    }
}
