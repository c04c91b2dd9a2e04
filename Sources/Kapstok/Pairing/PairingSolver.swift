import LinearModel

/// Finds the best pairing of a round for a lexicographic objective, and proves it.
///
/// - `total`: first the most mentees matched (`K*`), then the highest total score among
///   pairings matching `K*`.
/// - `fair`: `K*`, then the highest minimum score `t*` among pairings matching `K*` (found by
///   bisection over the scores that occur: the largest `t` such that `K*` mentees can still be
///   matched with pairs scoring at least `t`), then the highest total with every pair ≥ `t*`.
///
/// Each step is solved exactly (see ``ColumnGenerationPairing`` and ``DensePairing``); the
/// result is `optimal` only when every step was proven optimal (`fair`'s bisection steps need only
/// the most-matched proof to decide; its last step needs the score bound too). The reported bound
/// is the one computed by the step that found the returned pairing, in score units.
public struct PairingSolver: Sendable {
    public let solver: any Solver

    public init(solver: any Solver) {
        self.solver = solver
    }

    /// Solves a pairing problem.
    ///
    /// - Throws: only when the solver fails internally; infeasible and time-limited runs are
    ///   outcomes in ``PairingOutcome/status``.
    public func solve(_ problem: PairingProblem, options: PairingOptions = PairingOptions()) throws -> PairingOutcome {
        let started = ContinuousClock.now
        let deadline = options.timeLimit.map { started + .milliseconds(Int64(($0 * 1000).rounded(.up))) }
        func run(_ backend: any PairingBackend, _ formulation: PairingFormulation) throws -> PairingOutcome {
            var backend = backend
            var run = LexicographicRun(problem: problem, objective: options.objective, deadline: deadline)
            try run.solve(with: &backend)
            var outcome = run.outcome(backend: backend, seconds: Self.seconds(since: started))
            outcome.formulation = formulation
            return outcome
        }
        switch PairingFormulation.choose(for: problem, solver: solver) {
        case .columnGeneration:
            if let incremental = solver as? any IncrementalSolver {
                // The session lives on this thread for this solve only, and is closed after it.
                return try incremental.withSession(for: ColumnGenerationPairing.masterModel(for: problem)) { session in
                    try run(
                        ColumnGenerationPairing(problem: problem, options: options, session: session, deadline: deadline),
                        .columnGeneration)
                }
            }
            return try run(DensePairing(problem: problem, solver: solver), .denseMIP)
        case .denseMIP:
            return try run(DensePairing(problem: problem, solver: solver), .denseMIP)
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}

/// The state of one lexicographic solve: steps taken, best pairing known, proof so far.
struct LexicographicRun {
    let problem: PairingProblem
    let objective: PairingObjective
    let deadline: ContinuousClock.Instant?
    var best: [Int?]?
    var proven = true
    var stoppedByTime = false
    var infeasible = false
    /// The bound computed by the step that found `best`.
    var bound: Double?

    init(problem: PairingProblem, objective: PairingObjective, deadline: ContinuousClock.Instant?) {
        self.problem = problem
        self.objective = objective
        self.deadline = deadline
    }

    /// Whether a step's outcome ends the run (and records why).
    private mutating func record(_ step: PairingStep) -> Bool {
        if let assignment = step.assignment {
            if consider(assignment) { bound = step.bound }
        } else if best == nil, let stepBound = step.bound {
            bound = stepBound  // no pairing yet: a bound on every pairing, reported with the pins alone
        }
        switch step.termination.reason {
        case .optimal:
            return false
        case .infeasible, .infeasibleOrUnbounded:
            infeasible = best == nil
            proven = false
            return true
        default:
            proven = false
            if step.termination.limit == .time { stoppedByTime = true }
            return true
        }
    }

    mutating func solve(with backend: inout any PairingBackend) throws {
        let first = try backend.solve(threshold: -.infinity, deadline: deadline)
        if record(first) || objective == .total { return }
        guard let found = first.assignment else { return }
        let target = metrics(found).matched
        // Fair: bisect for the largest threshold that still lets `target` mentees be matched.
        var low = metrics(found).minimum ?? -.infinity  // feasible
        var high = Double.infinity  // infeasible
        for (i, j) in problem.required {
            if let entry = problem.table.entry(mentee: i, mentor: j) { high = min(high, entry.score.nextUp) }
        }
        while let probe = nextProbe(above: low, below: high) {
            let step = try backend.solve(threshold: probe, deadline: deadline)
            if record(step) { return }
            guard let assignment = step.assignment else { return }
            let found = metrics(assignment)
            if found.matched >= target {
                low = max(probe, found.minimum ?? probe)
            } else {
                high = probe
            }
        }
    }

    /// A score strictly between `low` and `high` that occurs among allowed pairs, near the middle
    /// of that interval; `nil` when none does. Each call is one pass over the allowed pairs.
    private func nextProbe(above low: Double, below high: Double) -> Double? {
        var smallest = Double.infinity
        var largest = -Double.infinity
        for i in 0..<problem.menteeCount {
            problem.table.forEachAllowed(mentee: i) { _, score, _ in
                if score > low && score < high {
                    smallest = min(smallest, score)
                    largest = max(largest, score)
                }
            }
        }
        guard smallest <= largest else { return nil }
        let middle = smallest / 2 + largest / 2
        // Snap to the smallest occurring score at or above the middle.
        var snapped = Double.infinity
        for i in 0..<problem.menteeCount {
            problem.table.forEachAllowed(mentee: i) { _, score, _ in
                if score >= middle && score < high { snapped = min(snapped, score) }
            }
        }
        return snapped.isFinite ? snapped : largest
    }

    /// Keeps the lexicographically best pairing seen; whether it is the new best.
    private mutating func consider(_ assignment: [Int?]) -> Bool {
        guard let current = best else {
            best = assignment
            return true
        }
        let a = metrics(assignment)
        let b = metrics(current)
        let better: Bool
        switch objective {
        case .total:
            better = (a.matched, a.total) > (b.matched, b.total)
        case .fair:
            better = (a.matched, a.minimum ?? .infinity, a.total) > (b.matched, b.minimum ?? .infinity, b.total)
        }
        if better { best = assignment }
        return better
    }

    func metrics(_ assignment: [Int?]) -> (matched: Int, total: Double, minimum: Double?) {
        var matched = 0
        var total = 0.0
        var minimum: Double?
        for (i, mentor) in assignment.enumerated() {
            guard let j = mentor, let entry = problem.table.entry(mentee: i, mentor: j) else { continue }
            matched += 1
            total += entry.score
            minimum = min(minimum ?? entry.score, entry.score)
        }
        return (matched, total, minimum)
    }

    func outcome(backend: any PairingBackend, seconds: Double) -> PairingOutcome {
        // Without any solution (a time limit before the first one), the pins alone still form a
        // pairing that keeps every rule; with conflicting pins there is none (status infeasible).
        var pinsOnly = [Int?](repeating: nil, count: problem.menteeCount)
        if !infeasible { for (i, j) in problem.required { pinsOnly[i] = j } }
        let assignment = best ?? pinsOnly
        let (matched, total, minimum) = metrics(assignment)
        let status: PairingStatus
        if infeasible {
            status = .infeasible
        } else if proven {
            status = .optimal
        } else if stoppedByTime {
            status = .timeLimit
        } else {
            status = .feasible
        }
        // The bound is the one computed by the step that found the pairing (never inferred from
        // the status); a bound a rounding error below the pairing's own total is still a bound
        // when raised to it.
        let proof = status == .infeasible ? nil : bound.map { max($0, total) }
        let gap = proof.map { SolveResult.relativeGap(objective: total, bound: $0) }
        return PairingOutcome(
            status: status, assignment: assignment, matched: matched, totalScore: total, minimumScore: minimum,
            bound: proof, gap: gap,
            candidates: backend.candidateCount, solveSeconds: seconds, pricingRounds: backend.pricingRounds,
            method: backend.method)
    }
}
