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

    private mutating func solve(
        threshold: Double, scoreObjective: Bool, minimumMatched: Int, deadline: ContinuousClock.Instant?
    ) throws -> PairingStep {
        let pairs = pairs(threshold: threshold)
        candidateCount = max(candidateCount, pairs.count)
        let n = problem.menteeCount
        let m = problem.mentorCount
        var model = Model(sense: .maximize)
        let variables = pairs.map { pair in
            model.addVariable(
                lower: problem.required[pair.0] == pair.1 ? 1 : 0, upper: 1, kind: .binary,
                objective: scoreObjective ? pair.2 : 1)
        }
        var menteeTerms = [[(VariableID, Double)]](repeating: [], count: n)
        var mentorTerms = [[(VariableID, Double)]](repeating: [], count: m)
        for (pair, variable) in zip(pairs, variables) {
            menteeTerms[pair.0].append((variable, 1))
            mentorTerms[pair.1].append((variable, pair.3))
        }
        for terms in menteeTerms where !terms.isEmpty { model.addConstraint(terms, upper: 1) }
        for (j, terms) in mentorTerms.enumerated() where !terms.isEmpty {
            model.addConstraint(terms, upper: problem.capacity[j])
        }
        if minimumMatched > 0 {
            model.addConstraint(variables.map { ($0, 1) }, lower: Double(minimumMatched))
        }
        let result = try solver.solve(model, parameters: deadline.parameters)
        var assignment: [Int?]?
        if result.termination.hasPrimalFeasibleSolution {
            var chosen = [Int?](repeating: nil, count: n)
            for (pair, variable) in zip(pairs, variables) where (result.value(of: variable) ?? 0) > 0.5 {
                chosen[pair.0] = pair.1
            }
            assignment = chosen
        }
        return PairingStep(
            termination: result.termination, assignment: assignment, objective: result.objectiveValue ?? 0,
            bound: result.bestBound)
    }

    /// Two mixed-integer programs: the most mentees matched (`K`), then the highest total score
    /// subject to `Σ x ≥ K`.
    mutating func solve(threshold: Double, deadline: ContinuousClock.Instant?) throws -> PairingStep {
        let matching = try solve(threshold: threshold, scoreObjective: false, minimumMatched: 0, deadline: deadline)
        guard matching.termination.reason == .optimal, let found = matching.assignment else { return matching }
        let target = found.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        let scoring = try solve(threshold: threshold, scoreObjective: true, minimumMatched: target, deadline: deadline)
        guard scoring.assignment != nil else {
            // Out of time before a better pairing: the matching step's pairing stands.
            return PairingStep(termination: scoring.termination, assignment: found, objective: 0, bound: nil)
        }
        return scoring
    }
}
