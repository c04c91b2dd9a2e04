/// Why a solve stopped.
public enum TerminationReason: String, Sendable, Hashable {
    /// A solution was found and proven optimal (within the requested gap, 0 by default).
    case optimal
    /// No solution exists.
    case infeasible
    /// The objective can grow without limit.
    case unbounded
    case infeasibleOrUnbounded
    /// A limit stopped the solve with a feasible solution in hand, not proven optimal.
    case feasible
    /// A limit stopped the solve before any feasible solution was found.
    case noSolutionFound
    case numericalError
    case otherError
}

/// The limit that stopped a solve early.
public enum Limit: String, Sendable, Hashable {
    case time
    case iteration
    case node
}

/// Why a solve stopped, with the limit that stopped it and a short detail from the solver.
public struct Termination: Sendable, Hashable {
    public var reason: TerminationReason
    public var limit: Limit?
    public var detail: String

    public init(reason: TerminationReason, limit: Limit? = nil, detail: String = "") {
        self.reason = reason
        self.limit = limit
        self.detail = detail
    }

    /// Whether a feasible solution comes with the result.
    public var hasPrimalFeasibleSolution: Bool { reason == .optimal || reason == .feasible }
}

/// How long a solve took and how much work it did.
public struct SolveStats: Sendable, Hashable {
    /// Wall-clock seconds spent in the solver.
    public var solveTime: Double
    public var simplexIterations: Int
    public var nodes: Int

    public init(solveTime: Double = 0, simplexIterations: Int = 0, nodes: Int = 0) {
        self.solveTime = solveTime
        self.simplexIterations = simplexIterations
        self.nodes = nodes
    }
}

/// What a ``Solver`` returns: why it stopped and what it has. Detached from the model.
public struct SolveResult: Sendable, Hashable {
    public var termination: Termination
    /// Objective value of the returned solution, if any.
    public var objectiveValue: Double?
    /// Best proven bound on the optimal objective (an upper bound when maximising), if known.
    public var bestBound: Double?
    /// One value per variable, in ``VariableID`` order; empty without a solution.
    public var values: [Double]
    /// One dual value per constraint (LP solves only); empty otherwise.
    public var duals: [Double]
    public var stats: SolveStats

    public init(
        termination: Termination, objectiveValue: Double? = nil, bestBound: Double? = nil,
        values: [Double] = [], duals: [Double] = [], stats: SolveStats = SolveStats()
    ) {
        self.termination = termination
        self.objectiveValue = objectiveValue
        self.bestBound = bestBound
        self.values = values
        self.duals = duals
        self.stats = stats
    }

    /// The value of one variable in the returned solution.
    public func value(of variable: VariableID) -> Double? {
        values.indices.contains(variable.index) ? values[variable.index] : nil
    }

    /// Relative gap between solution and bound, as GLPK defines it:
    /// `|objective − bound| / (|objective| + ε)`; 0 when proven optimal.
    public var relativeGap: Double? {
        if termination.reason == .optimal { return 0 }
        guard let objectiveValue, let bestBound else { return nil }
        return Self.relativeGap(objective: objectiveValue, bound: bestBound)
    }

    /// `|objective − bound| / (|objective| + ε)`, with ε the double machine epsilon.
    public static func relativeGap(objective: Double, bound: Double) -> Double {
        abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
    }
}
