import LinearModel

/// What one step of the lexicographic solve returns.
struct PairingStep {
    /// Why the step stopped: `.optimal` (proven), `.feasible` (a limit stopped it with a
    /// solution), `.infeasible`, or `.noSolutionFound`.
    var termination: Termination
    /// The pairing found, one mentor index or `nil` per mentee; `nil` without a solution.
    var assignment: [Int?]?
    /// A proven upper bound on the total score of pairings that match as many mentees, when known.
    var bound: Double?
}

/// A way to solve one step of a lexicographic pairing objective.
protocol PairingBackend {
    /// Among pairings that use only pairs scoring at least `threshold` (pinned pairs always
    /// count), one that matches the most mentees and, among those, has the highest total score.
    mutating func solve(threshold: Double, deadline: ContinuousClock.Instant?) throws -> PairingStep
    /// Pairs in the model so far.
    var candidateCount: Int { get }
    /// Re-solves so far (pricing rounds); 0 for a model solved in one go.
    var pricingRounds: Int { get }
    var method: String { get }
}

extension ContinuousClock.Instant {
    /// Seconds left until this deadline (negative once past).
    var secondsLeft: Double {
        let left = self - ContinuousClock.now
        return Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18
    }
}

extension Optional where Wrapped == ContinuousClock.Instant {
    /// Solver parameters carrying the time left, or no limit.
    var parameters: SolveParameters {
        guard let deadline = self else { return SolveParameters() }
        return SolveParameters(timeLimit: max(0.001, deadline.secondsLeft))
    }

    var hasPassed: Bool { self.map { $0.secondsLeft <= 0 } ?? false }
}
