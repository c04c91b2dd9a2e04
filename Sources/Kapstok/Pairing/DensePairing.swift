import LinearModel

/// Solves each step with mixed-integer programs over every allowed pair: the general path, used
/// when loads differ from 1 (so the LP relaxation is not integral) or when the solver cannot keep a
/// model loaded between solves (the exhaustive test solver).
///
/// Scores are normalised, so that the solver's objective tolerance means the same at every score
/// scale: `s' = (s − lo)/unit`, with `unit` the spread `hi − lo` (so `s' ∈ [0, 1]`, see
/// ``ScoreScale``), or 1 when every score is a whole number — then `s'` stays integral, and GLPK
/// rounds its node bounds to whole numbers (the pruning that makes generalised assignment
/// instances fast: the OR-Library gap1–12 take minutes with `s' ∈ [0, 1]`, seconds this way).
/// GLPK's `tol_obj` is set explicitly (see ``objectiveTolerance(maximum:integral:)``); its pruning
/// margin `tol_obj·(1 + |Σ s'|)` is the margin of the bound it proves, converted back to score
/// units as `bound'·unit + K·lo`.
struct DensePairing: PairingBackend {
    let problem: PairingProblem
    let solver: any Solver
    private(set) var candidateCount = 0
    let pricingRounds = 0
    var method: String { "mixed-integer program over all \(candidateCount) allowed pairs" }
    /// GLPK's `tol_obj` for a normalised objective whose value is at most `maximum`: 1e-9 (GLPK's
    /// default 1e-7 is looser than needed), and for whole-number objectives small enough that the
    /// pruning margin `tol_obj·(1 + maximum)` stays below half a unit, so that pruning is exact.
    static func objectiveTolerance(maximum: Double, integral: Bool) -> Double {
        integral ? min(1e-9, 0.5 / (1 + maximum)) : 1e-9
    }

    init(problem: PairingProblem, solver: any Solver) {
        self.problem = problem
        self.solver = solver
    }

    /// A pair entering a model: mentee, mentor, raw score, normalised score, load.
    private struct Pair {
        var mentee: Int
        var mentor: Int
        var score: Double
        var value: Double
        var load: Double
    }

    /// The scale of the objective: `s' = (s − low)/unit`.
    private struct Units {
        var low: Double
        var unit: Double
        var integral: Bool

        func raw(_ total: Double, matched: Int) -> Double { total * unit + Double(matched) * low }
    }

    /// The pairs entering a model at this threshold, and their units.
    private func pairs(threshold: Double) -> ([Pair], Units) {
        var result: [Pair] = []
        for i in 0..<problem.menteeCount {
            let pinned = problem.required[i]
            problem.table.forEachAllowed(mentee: i) { j, score, load in
                if score >= threshold || pinned == j {
                    result.append(Pair(mentee: i, mentor: j, score: score, value: 0, load: load))
                }
            }
        }
        let low = problem.scale.low
        let integral = result.allSatisfy { $0.score == $0.score.rounded() } && low == low.rounded()
        let units = Units(low: low, unit: integral || problem.scale.spread == 0 ? 1 : problem.scale.spread, integral: integral)
        for index in result.indices {
            result[index].value = integral ? result[index].score - low : problem.scale.normalised(result[index].score)
        }
        return (result, units)
    }

    /// What a model maximises.
    private enum Goal {
        /// `Σ s'` with every mentee that has a candidate matched.
        case scoreMatchingEveryone
        /// The number matched.
        case mostMatched
        /// `Σ s'` with exactly this many matched.
        case scoreMatching(Int)
    }

    /// The lexicographic step in at most three mixed-integer programs.
    ///
    /// First, if every mentee with a candidate could be matched, `Σ_j x_ij = 1` for each of them
    /// with the objective `Σ s'`: feasible means the most matches possible are reached, and its
    /// optimum is the answer. This tighter model is the one branch-and-cut handles best
    /// (generalised assignment problems are of this kind). Otherwise the most matches `K*` (an
    /// objective of 1 per pair, whose bound below `K* + 1` proves it), then `Σ s'` with
    /// `Σ x = K*`.
    mutating func solve(threshold: Double, deadline: ContinuousClock.Instant?) throws -> PairingStep {
        let (pairs, units) = pairs(threshold: threshold)
        candidateCount = max(candidateCount, pairs.count)
        if let step = try solveWithRelaxation(pairs: pairs, units: units, deadline: deadline) { return step }
        let full = try solve(pairs: pairs, units: units, goal: .scoreMatchingEveryone, deadline: deadline)
        switch full.termination.reason {
        case .infeasible, .infeasibleOrUnbounded:
            break
        default:
            return full
        }
        let count = try solve(pairs: pairs, units: units, goal: .mostMatched, deadline: deadline)
        guard count.termination.reason == .optimal, let counted = count.assignment else { return count }
        let matched = counted.compactMap { $0 }.count
        let best = try solve(pairs: pairs, units: units, goal: .scoreMatching(matched), deadline: deadline)
        if best.assignment == nil && best.termination.limit != nil {
            // Stopped before a pairing with K* matches was found again: the count's one stands.
            return PairingStep(termination: best.termination, assignment: counted, bound: best.bound ?? count.bound)
        }
        return best
    }

    /// Subgradient steps of the relaxation per solve (see ``AssignmentRelaxation``).
    static let relaxationIterations = 600
    /// Most nodes of the branch-and-bound over the Lagrangian bound before GLPK takes over.
    static let branchNodeLimit = 20_000

    /// The step with every mentee matched, when the Lagrangian relaxation of the assignment rows
    /// applies (whole-number loads and capacities) and its heuristic finds such a pairing; `nil`
    /// otherwise (then the plain models decide).
    ///
    /// When the relaxation's bound proves its pairing, no model is solved. Otherwise the model
    /// keeps only the pairs that some pairing better than the heuristic's could use, starts
    /// from that pairing, and its proven bound (or the Lagrangian one, whichever is lower, never
    /// below the pairing found) is the step's.
    private func solveWithRelaxation(pairs: [Pair], units: Units, deadline: ContinuousClock.Instant?) throws -> PairingStep? {
        var pins: [Int: Int] = [:]
        for (index, pair) in pairs.enumerated() where problem.required[pair.mentee] == pair.mentor { pins[pair.mentee] = index }
        guard pins.count == problem.required.count,
              var relaxation = AssignmentRelaxation(
                jobs: problem.menteeCount, capacities: problem.capacity,
                items: pairs.map { ($0.mentee, $0.mentor, $0.value, $0.load) }, pinned: pins, integral: units.integral)
        else { return nil }
        relaxation.run(iterationLimit: Self.relaxationIterations, deadline: deadline)
        guard let incumbent = relaxation.incumbent else { return nil }
        func assignment(_ chosen: [Int?]) -> [Int?] {
            var result = [Int?](repeating: nil, count: problem.menteeCount)
            for case let index? in chosen { result[pairs[index].mentee] = pairs[index].mentor }
            return result
        }
        let matched = incumbent.compactMap { $0 }.count
        if relaxation.isProven {
            return PairingStep(
                termination: Termination(reason: .optimal, detail: "the Lagrangian bound proves the heuristic pairing"),
                assignment: assignment(incumbent), bound: units.raw(relaxation.provenBound, matched: matched))
        }
        // Branch-and-bound over the Lagrangian bound: exhaustive unless stopped.
        var tree = AssignmentBranchAndBound(
            jobs: problem.menteeCount, capacities: problem.capacity,
            items: pairs.map { ($0.mentee, $0.mentor, $0.value, $0.load) }, pinned: pins, integral: units.integral)
        // Two thirds of the time left go to the tree, the rest to GLPK from the tree's best pairing.
        let now = ContinuousClock.now
        let treeDeadline = deadline.map { $0 > now ? now + ($0 - now) * 2 / 3 : $0 }
        tree.search(root: relaxation, nodeLimit: Self.branchNodeLimit, deadline: treeDeadline)
        if tree.isProven, let best = tree.incumbent {
            let value = units.raw(tree.incumbentValue, matched: matched)
            return PairingStep(
                termination: Termination(
                    reason: .optimal, detail: "branch-and-bound over the Lagrangian bound (\(tree.nodes) nodes) proves the pairing"),
                assignment: assignment(best), bound: value)
        }
        // Not proven in time: the model starts from the tree's best pairing (every pair it uses
        // stays in the model; fixing against the older, lower incumbent stays valid).
        let best = tree.incumbent ?? incumbent
        let heuristic = assignment(best)
        var inBest = [Bool](repeating: false, count: pairs.count)
        for case let index? in best { inBest[index] = true }
        let kept = pairs.indices.filter { relaxation.isKept($0) || inBest[$0] }
        var start = [Double](repeating: 0, count: kept.count)
        var position = [Int](repeating: -1, count: pairs.count)
        for (offset, index) in kept.enumerated() { position[index] = offset }
        for case let index? in best { start[position[index]] = 1 }
        let step = try solve(
            pairs: kept.map { pairs[$0] }, units: units, goal: .scoreMatchingEveryone, deadline: deadline, start: start)
        let lagrangian = units.raw(relaxation.provenBound, matched: matched)
        let heuristicTotal = units.raw(max(tree.incumbentValue, relaxation.incumbentValue), matched: matched)
        guard let found = step.assignment, step.termination.hasPrimalFeasibleSolution else {
            // Stopped (or failed) before the model reported a pairing: the heuristic's stands.
            let detail = step.termination.limit != nil
                ? "stopped before the model improved on the heuristic pairing"
                : "the model over the remaining pairs ended without a pairing (\(step.termination.detail))"
            return PairingStep(
                termination: Termination(reason: .feasible, limit: step.termination.limit, detail: detail),
                assignment: heuristic, bound: min(step.bound ?? lagrangian, lagrangian))
        }
        var total = 0.0
        for (i, mentor) in found.enumerated() {
            if let j = mentor, let entry = problem.table.entry(mentee: i, mentor: j) { total += entry.score }
        }
        let better = total >= heuristicTotal - 1e-9 * (1 + abs(heuristicTotal))
        return PairingStep(
            termination: step.termination, assignment: better ? found : heuristic,
            bound: min(step.bound ?? lagrangian, lagrangian))
    }

    private func solve(
        pairs: [Pair], units: Units, goal: Goal, deadline: ContinuousClock.Instant?, start: [Double]? = nil
    ) throws -> PairingStep {
        let n = problem.menteeCount
        let m = problem.mentorCount
        var model = Model(sense: .maximize)
        let variables = pairs.map { pair in
            let objective: Double
            switch goal {
            case .mostMatched: objective = 1
            case .scoreMatchingEveryone, .scoreMatching: objective = pair.value
            }
            return model.addVariable(
                lower: problem.required[pair.mentee] == pair.mentor ? 1 : 0, upper: 1, kind: .binary,
                objective: objective)
        }
        var menteeTerms = [[(VariableID, Double)]](repeating: [], count: n)
        var mentorTerms = [[(VariableID, Double)]](repeating: [], count: m)
        for (pair, variable) in zip(pairs, variables) {
            menteeTerms[pair.mentee].append((variable, 1))
            mentorTerms[pair.mentor].append((variable, pair.load))
        }
        let everyone: Bool
        if case .scoreMatchingEveryone = goal { everyone = true } else { everyone = false }
        for terms in menteeTerms where !terms.isEmpty {
            model.addConstraint(terms, lower: everyone ? 1 : -.infinity, upper: 1)
        }
        for (j, terms) in mentorTerms.enumerated() where !terms.isEmpty {
            model.addConstraint(terms, upper: problem.capacity[j])
        }
        if case .scoreMatching(let k) = goal {
            model.addConstraint(variables.map { ($0, 1.0) }, lower: Double(k), upper: Double(k))
        }
        var parameters = deadline.parameters
        parameters.startingSolution = start
        switch goal {
        case .mostMatched:
            parameters.objectiveTolerance = Self.objectiveTolerance(maximum: Double(n), integral: true)
        case .scoreMatchingEveryone, .scoreMatching:
            var best = [Double](repeating: 0, count: n)
            for pair in pairs { best[pair.mentee] = max(best[pair.mentee], pair.value) }
            parameters.objectiveTolerance = Self.objectiveTolerance(maximum: best.reduce(0, +), integral: units.integral)
        }
        let result = try solver.solve(model, parameters: parameters)
        guard result.termination.hasPrimalFeasibleSolution else {
            // Stopped before any solution: the crude bound still holds for every pairing.
            let stopped = result.termination.limit != nil
            return PairingStep(termination: result.termination, assignment: nil, bound: stopped ? bestScoreBound(pairs) : nil)
        }
        var chosen = [Int?](repeating: nil, count: n)
        var matched = 0
        for (pair, variable) in zip(pairs, variables) where (result.value(of: variable) ?? 0) > 0.5 {
            chosen[pair.mentee] = pair.mentor
            matched += 1
        }
        let bound: Double?
        switch goal {
        case .scoreMatchingEveryone, .scoreMatching:
            // Every pairing of this model matches `matched`: its normalised bound converts back.
            bound = result.bestBound.map { units.raw($0, matched: matched) }
        case .mostMatched:
            // No proof on the score yet; unless the count is proven below `matched + 1` the
            // most matched is open too, and only the crude bound holds.
            bound = bestScoreBound(pairs)
        }
        var termination = result.termination
        if case .mostMatched = goal, termination.reason == .optimal, (result.bestBound ?? .infinity) >= Double(matched) + 0.5 {
            termination = Termination(reason: .feasible, detail: "the count of matches is not proven")
        }
        return PairingStep(termination: termination, assignment: chosen, bound: bound)
    }

    /// `Σ_i max(0, max_j s_ij)` over the model's pairs (pins count as their own score): no
    /// pairing scores more.
    private func bestScoreBound(_ pairs: [Pair]) -> Double {
        var best = [Double](repeating: 0, count: problem.menteeCount)
        var pinned = [Bool](repeating: false, count: problem.menteeCount)
        for pair in pairs {
            if problem.required[pair.mentee] == pair.mentor {
                best[pair.mentee] = pair.score
                pinned[pair.mentee] = true
            } else if !pinned[pair.mentee] {
                best[pair.mentee] = max(best[pair.mentee], pair.score)
            }
        }
        return best.reduce(0, +)
    }
}
