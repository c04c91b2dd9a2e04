import GLPKSolver
import Kapstok
import LinearModel
import Testing

/// Brute force over every pairing of a tiny problem: the reference for the optimiser.
struct BruteForcePairing {
    let problem: PairingProblem

    struct Best {
        var matched = -1
        var minimum = -Double.infinity
        var total = -Double.infinity
    }

    func best(_ objective: PairingObjective) -> Best {
        var best = Best()
        var used = [Double](repeating: 0, count: problem.mentorCount)
        var choice = [Int?](repeating: nil, count: problem.menteeCount)
        func visit(_ i: Int) {
            if i == problem.menteeCount {
                var matched = 0
                var total = 0.0
                var minimum = Double.infinity
                for (mentee, mentor) in choice.enumerated() {
                    guard let j = mentor, let entry = problem.table.entry(mentee: mentee, mentor: j) else { continue }
                    matched += 1
                    total += entry.score
                    minimum = min(minimum, entry.score)
                }
                let better: Bool
                switch objective {
                case .total: better = (matched, total) > (best.matched, best.total + 1e-9)
                case .fair:
                    better = matched > best.matched
                        || (matched == best.matched && minimum > best.minimum + 1e-9)
                        || (matched == best.matched && abs(minimum - best.minimum) <= 1e-9 && total > best.total + 1e-9)
                }
                if better { best = Best(matched: matched, minimum: minimum, total: total) }
                return
            }
            if let pinned = problem.required[i] {
                let load = problem.table.entry(mentee: i, mentor: pinned)?.load ?? 1
                guard used[pinned] + load <= problem.capacity[pinned] + 1e-9 else { return }
                used[pinned] += load
                choice[i] = pinned
                visit(i + 1)
                used[pinned] -= load
                choice[i] = nil
                return
            }
            visit(i + 1)
            problem.table.forEachAllowed(mentee: i) { j, _, load in
                guard used[j] + load <= problem.capacity[j] + 1e-9 else { return }
                used[j] += load
                choice[i] = j
                visit(i + 1)
                used[j] -= load
                choice[i] = nil
            }
        }
        visit(0)
        return best
    }
}

/// Random tiny problems; seeded so every run checks the same cases.
func randomProblem(seed: UInt64, unitLoads: Bool) -> PairingProblem {
    var random = SplitMix64(seed: seed)
    let n = random.uniform(in: 2...6)
    let m = random.uniform(in: 1...3)
    let capacity = (0..<m).map { _ in Double(random.uniform(in: unitLoads ? 1...2 : 2...5)) }
    var pairs: [(mentee: Int, mentor: Int, score: Double, load: Double)] = []
    for i in 0..<n {
        for j in 0..<m where random.chance(perMille: 750) {
            // Scores on a coarse grid so that ties (the hard case for lexicographic objectives) occur.
            let score = Double(random.uniform(in: 0...20)) * 5
            let load = unitLoads ? 1 : Double(random.uniform(in: 1...3))
            pairs.append((i, j, score, load))
        }
    }
    var required: [Int: Int] = [:]
    if random.chance(perMille: 400), let pin = pairs.first, pin.load <= capacity[pin.mentor] {
        required[pin.mentee] = pin.mentor
    }
    let table = PairTable(menteeCount: n, mentorCount: m, pairs: pairs)
    return PairingProblem(table: table, capacity: capacity, required: required)
}

/// Checks every hard constraint of a pairing outcome.
func expectRespectsConstraints(_ outcome: PairingOutcome, _ problem: PairingProblem, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    var used = [Double](repeating: 0, count: problem.mentorCount)
    var total = 0.0
    for (i, mentor) in outcome.assignment.enumerated() {
        guard let j = mentor else { continue }
        let entry = problem.table.entry(mentee: i, mentor: j)
        #expect(entry != nil, "pair \(i)–\(j) is not allowed", sourceLocation: sourceLocation)
        used[j] += entry?.load ?? 0
        total += entry?.score ?? 0
    }
    for j in 0..<problem.mentorCount {
        #expect(used[j] <= problem.capacity[j] + 1e-9, "mentor \(j) over capacity", sourceLocation: sourceLocation)
    }
    for (i, j) in problem.required {
        #expect(outcome.assignment[i] == j, "pin \(i)–\(j) not kept", sourceLocation: sourceLocation)
    }
    #expect(abs(total - outcome.totalScore) < 1e-6, "objective is not the sum of pair scores", sourceLocation: sourceLocation)
}

@Suite struct PairingSolverTests {
    /// GLPK (column generation over the LP) equals brute force on small random rounds.
    @Test(arguments: 0..<60)
    func columnGenerationMatchesBruteForce(seed: UInt64) throws {
        let problem = randomProblem(seed: seed, unitLoads: true)
        for objective in PairingObjective.allCases {
            let outcome = try PairingSolver(solver: GLPKSolver()).solve(problem, options: PairingOptions(objective: objective))
            let reference = BruteForcePairing(problem: problem).best(objective)
            #expect(outcome.status == .optimal)
            #expect(outcome.matched == reference.matched)
            #expect(abs(outcome.totalScore - reference.total) < 1e-6 || reference.matched == 0)
            if objective == .fair && reference.matched > 0 {
                #expect(abs((outcome.minimumScore ?? .nan) - reference.minimum) < 1e-6)
            }
            #expect(outcome.bound.map { abs($0 - outcome.totalScore) < 1e-6 } ?? false)
            expectRespectsConstraints(outcome, problem)
        }
    }

    /// With loads other than 1, the mixed-integer path equals brute force, with GLPK and with the
    /// exhaustive solver.
    @Test(arguments: 0..<40)
    func mixedIntegerPathMatchesBruteForce(seed: UInt64) throws {
        let problem = randomProblem(seed: 1000 + seed, unitLoads: false)
        for objective in PairingObjective.allCases {
            let reference = BruteForcePairing(problem: problem).best(objective)
            for solver in [GLPKSolver() as any Solver, ExhaustiveSolver()] {
                let outcome = try PairingSolver(solver: solver).solve(problem, options: PairingOptions(objective: objective))
                #expect(outcome.status == .optimal)
                #expect(outcome.matched == reference.matched)
                #expect(abs(outcome.totalScore - reference.total) < 1e-6 || reference.matched == 0)
                if objective == .fair && reference.matched > 0 {
                    #expect(abs((outcome.minimumScore ?? .nan) - reference.minimum) < 1e-6)
                }
                expectRespectsConstraints(outcome, problem)
            }
        }
    }

    /// On generated rounds: every pair respects every hard rule, capacities hold, pins are kept,
    /// and the fair objective's minimum is at least the total objective's.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func generatedRoundsRespectEveryRule(seed: UInt64) throws {
        let round = RoundGenerator(mentees: 120, mentors: 40, seed: seed).makeRound()
        let prepared = try PreparedRound(round: round)
        let total = try prepared.solve(using: GLPKSolver(), options: PairingOptions(objective: .total))
        let fair = try prepared.solve(using: GLPKSolver(), options: PairingOptions(objective: .fair))
        for result in [total, fair] {
            #expect(result.outcome.status == .optimal)
            expectRespectsConstraints(result.outcome, prepared.problem)
            for pair in result.pairs {
                #expect(prepared.eligibility.ruleViolations(mentee: pair.mentee, mentor: pair.mentor).isEmpty)
            }
            for rule in round.rules {
                guard let i = round.mentees.firstIndex(where: { $0.id == rule.menteeID }),
                    let j = round.mentors.firstIndex(where: { $0.id == rule.mentorID })
                else { continue }
                #expect((result.outcome.assignment[i] == j) == (rule.kind == .require))
            }
            #expect(result.pairs.count + result.unmatched.count == round.mentees.count)
        }
        #expect(fair.outcome.matched == total.outcome.matched)
        #expect((fair.outcome.minimumScore ?? 0) >= (total.outcome.minimumScore ?? 0) - 1e-9)
        #expect(fair.outcome.totalScore <= total.outcome.totalScore + 1e-6)
    }

    /// The column-generation path and the dense MIP path agree on a mid-size round.
    @Test func sparseAndDenseModelsAgree() throws {
        let round = RoundGenerator(mentees: 60, mentors: 20, seed: 11).makeRound()
        let prepared = try PreparedRound(round: round)
        let sparse = try PairingSolver(solver: GLPKSolver()).solve(prepared.problem)
        let dense = try PairingSolver(solver: DenseOnly()).solve(prepared.problem)
        #expect(sparse.matched == dense.matched)
        #expect(abs(sparse.totalScore - dense.totalScore) < 1e-6)
        #expect(sparse.candidates < dense.candidates)
    }

    /// Starting from a given pairing (the optimum, or one full of invalid entries) changes
    /// nothing about the result.
    @Test func initialPairingIsOnlyAStart() throws {
        let prepared = try PreparedRound(round: RoundGenerator(mentees: 80, mentors: 25, seed: 9).makeRound())
        let cold = try PairingSolver(solver: GLPKSolver()).solve(prepared.problem)
        for start in [cold.assignment, [Int?](repeating: 999, count: 80), [Int?](repeating: 0, count: 3)] {
            var options = PairingOptions()
            options.initialPairing = start
            let warm = try PairingSolver(solver: GLPKSolver()).solve(prepared.problem, options: options)
            #expect(warm.status == .optimal)
            #expect(warm.matched == cold.matched)
            #expect(abs(warm.totalScore - cold.totalScore) < 1e-6)
            expectRespectsConstraints(warm, prepared.problem)
        }
    }

    /// A run stopped by the time limit still returns a valid pairing with a bound above it.
    @Test(arguments: [PairingObjective.total, .fair])
    func timeLimitedRunsReturnAValidPairingAndBound(objective: PairingObjective) throws {
        let prepared = try PreparedRound(round: RoundGenerator(mentees: 1500, mentors: 500, seed: 4).makeRound())
        let outcome = try PairingSolver(solver: GLPKSolver())
            .solve(prepared.problem, options: PairingOptions(objective: objective, timeLimit: 0.05))
        #expect(outcome.status == .timeLimit || outcome.status == .optimal)
        expectRespectsConstraints(outcome, prepared.problem)
        if outcome.status == .timeLimit {
            let bound = try #require(outcome.bound)
            #expect(bound >= outcome.totalScore - 1e-6)
            #expect((outcome.gap ?? -1) >= 0)
        }
    }

    @Test func conflictingPinsAreInfeasibleNotAnError() throws {
        // Two pins on a mentor of capacity 1 with load 1 each: only reachable through the
        // optimiser's API (the round's validation rejects it earlier).
        let table = PairTable(menteeCount: 2, mentorCount: 1, pairs: [(0, 0, 10, 1), (1, 0, 20, 1)])
        let problem = PairingProblem(table: table, capacity: [1], required: [0: 0, 1: 0])
        let outcome = try PairingSolver(solver: GLPKSolver()).solve(problem)
        #expect(outcome.status == .infeasible)
        #expect(outcome.matched == 0)
    }
}

/// GLPK without its incremental sessions, to force the dense mixed-integer path.
struct DenseOnly: Solver {
    func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult {
        try GLPKSolver().solve(model, parameters: parameters)
    }
}
