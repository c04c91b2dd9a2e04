import LinearModel

/// Solves each step as one mixed-integer program over every allowed pair: the general path,
/// used when loads differ from 1 (so the LP relaxation is not integral) or when the solver cannot
/// keep a model loaded between solves (the exhaustive test solver).
struct DensePairing: PairingBackend {
    let problem: PairingProblem
    let solver: any Solver
    private(set) var candidateCount = 0
    let pricingRounds = 0
    var method: String { "mixed-integer program over all \(candidateCount) allowed pairs" }

    init(problem: PairingProblem, solver: any Solver) {
        self.problem = problem
        self.solver = solver
    }

    /// The pairs entering a model at this threshold: (mentee, mentor, score, load).
    private func pairs(threshold: Double) -> [(Int, Int, Double, Double)] {
        var result: [(Int, Int, Double, Double)] = []
        for i in 0..<problem.menteeCount {
            let pinned = problem.required[i]
            problem.table.forEachAllowed(mentee: i) { j, score, load in
                if score >= threshold || pinned == j { result.append((i, j, score, load)) }
            }
        }
        return result
    }

    /// The weight `M` of one match in the single weighted objective `Σ (M + s_ij)·x_ij`.
    ///
    /// Any pairing with `k + 1` matches must outweigh any with `k ≤ n − 1`: with scores in
    /// `[lo, hi]`, `(k + 1)·M + (k + 1)·lo > k·M + k·hi` holds for `M > (n − 1)·(hi − lo) − lo`.
    private static func matchWeight(for pairs: [(Int, Int, Double, Double)], mentees: Int) -> Double {
        guard let low = pairs.map(\.2).min(), let high = pairs.map(\.2).max() else { return 1 }
        return Double(max(0, mentees - 1)) * (high - low) + max(0, -low) + 1
    }

    /// The lexicographic step in at most two mixed-integer programs.
    ///
    /// First, if every mentee with a candidate could be matched, `Σ_j x_ij = 1` for each of them
    /// with the plain score objective: feasible means the most matches possible are reached, and
    /// its optimum is the answer. This tighter model is the one branch-and-cut handles best
    /// (generalised assignment problems are of this kind). Otherwise, one program with the
    /// weighted objective `Σ (M + s_ij)·x_ij` (see ``matchWeight(for:mentees:)``).
    mutating func solve(threshold: Double, deadline: ContinuousClock.Instant?) throws -> PairingStep {
        let pairs = pairs(threshold: threshold)
        candidateCount = max(candidateCount, pairs.count)
        let full = try solve(pairs: pairs, matchEveryone: true, deadline: deadline)
        switch full.termination.reason {
        case .infeasible, .infeasibleOrUnbounded:
            return try solve(pairs: pairs, matchEveryone: false, deadline: deadline)
        default:
            return full
        }
    }

    private func solve(
        pairs: [(Int, Int, Double, Double)], matchEveryone: Bool, deadline: ContinuousClock.Instant?
    ) throws -> PairingStep {
        let n = problem.menteeCount
        let m = problem.mentorCount
        let weight = matchEveryone ? 0 : Self.matchWeight(for: pairs, mentees: n)
        var model = Model(sense: .maximize)
        let variables = pairs.map { pair in
            model.addVariable(
                lower: problem.required[pair.0] == pair.1 ? 1 : 0, upper: 1, kind: .binary, objective: weight + pair.2)
        }
        var menteeTerms = [[(VariableID, Double)]](repeating: [], count: n)
        var mentorTerms = [[(VariableID, Double)]](repeating: [], count: m)
        for (pair, variable) in zip(pairs, variables) {
            menteeTerms[pair.0].append((variable, 1))
            mentorTerms[pair.1].append((variable, pair.3))
        }
        for terms in menteeTerms where !terms.isEmpty {
            model.addConstraint(terms, lower: matchEveryone ? 1 : -.infinity, upper: 1)
        }
        for (j, terms) in mentorTerms.enumerated() where !terms.isEmpty {
            model.addConstraint(terms, upper: problem.capacity[j])
        }
        let result = try solver.solve(model, parameters: deadline.parameters)
        guard result.termination.hasPrimalFeasibleSolution else {
            return PairingStep(termination: result.termination, assignment: nil, bound: nil)
        }
        var chosen = [Int?](repeating: nil, count: n)
        var matched = 0
        for (pair, variable) in zip(pairs, variables) where (result.value(of: variable) ?? 0) > 0.5 {
            chosen[pair.0] = pair.1
            matched += 1
        }
        // A bound on the weighted objective bounds the score of pairings with as many matches.
        let bound = result.bestBound.map { $0 - Double(matched) * weight }
        return PairingStep(termination: result.termination, assignment: chosen, bound: bound)
    }
}
