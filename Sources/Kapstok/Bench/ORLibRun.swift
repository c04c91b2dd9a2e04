import LinearModel

extension ORLibResult {
    /// Solves one OR-Library GAP instance, given as a scores-mode round (agents are mentors, jobs
    /// mentees, each pair scored by its cost or, when minimising, by minus its cost), through the
    /// normal pipeline: ``PreparedRound`` and ``OptimalStrategy`` (objective `total`).
    ///
    /// A GAP assigns every job, Kapstok first matches as many mentees as it can: the value is the
    /// objective of an assignment only when every job is matched, and the bound (the optimiser's
    /// bound on pairings matching as many) is a bound on every assignment only then. So:
    /// - every job matched: `value` = ±total score, `bound` = ±the optimiser's bound (upper when
    ///   maximising, lower when minimising), its `gap` and status;
    /// - fewer matched, proven: no assignment exists, status `infeasible`, no value or bound;
    /// - fewer matched, not proven (a time limit): no assignment found, no value or bound.
    ///
    /// - Parameters:
    ///   - maximise: the instance's sense; `false` scores pairs by −cost and reports the cost.
    ///   - timeLimit: seconds for the optimiser on this instance; `nil` for none.
    ///   - known: the published value in the same sense, and whether it is a proven optimum.
    /// - Returns: the result; `seconds` is preparing the round and solving it.
    /// - Throws: what preparing or the solver throws (internal failures only).
    public static func solving(
        _ round: Round, instance: String, maximise: Bool, solver: any Solver, timeLimit: Double?,
        known: (value: Double, isOptimal: Bool)? = nil
    ) throws -> ORLibResult {
        let started = ContinuousClock.now
        let prepared = try PreparedRound(round: round)
        let outcome = try OptimalStrategy(solver: solver, objective: .total)
            .outcome(prepared, options: StrategyOptions(timeLimit: timeLimit))
        let seconds = PairingSolver.seconds(since: started)
        let sign = maximise ? 1.0 : -1.0
        let complete = outcome.matched == round.mentees.count
        var status = outcome.status
        if !complete && status == .optimal { status = .infeasible }
        return ORLibResult(
            instance: instance, agents: round.mentors.count, jobs: round.mentees.count,
            value: complete ? sign * outcome.totalScore : nil,
            bound: complete ? outcome.bound.map { sign * $0 } : nil,
            gap: complete ? outcome.gap : nil,
            status: status, seconds: seconds, known: known?.value, knownIsOptimal: known?.isOptimal ?? false)
    }

    /// Whether the value found equals the known one (within 10⁻⁶ relative); `nil` without a
    /// known value.
    public var matchesKnown: Bool? {
        guard let known else { return nil }
        guard let value else { return false }
        return abs(value - known) <= 1e-6 * max(1, abs(known))
    }
}
