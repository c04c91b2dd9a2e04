/// Settings every solver understands.
public struct SolveParameters: Sendable {
    /// Wall-clock limit in seconds; `nil` means none.
    public var timeLimit: Double?
    /// Relative MIP gap at which a solve may stop and still report `optimal` (default 0: proven).
    public var relativeGap: Double
    /// Relative objective tolerance of a MIP search: a branch is pruned when its bound exceeds the
    /// incumbent by at most `objectiveTolerance·(1 + |incumbent|)`, which is then also the margin
    /// of the proven bound (``SolveResult/bestBound``). `nil`: the solver's default (GLPK: 1e-7).
    /// Choose it for the objective's scale: a loose tolerance on a large objective proves little.
    public var objectiveTolerance: Double?
    /// Tolerance on reduced costs at which the simplex method accepts a basis as optimal (GLPK's
    /// `tol_dj`); `nil`: the solver's default (GLPK: 1e-7). A column-generation proof that prices
    /// with a finer tolerance needs the simplex to be as strict.
    public var reducedCostTolerance: Double?
    /// A feasible solution of the model (one value per variable, in ``Model/variables`` order)
    /// that a MIP search may take as its first incumbent, so that it prunes against it from the
    /// start; `nil`: none. Solvers check it against the model and ignore it when it is not
    /// feasible; solvers without such a hook ignore it.
    public var startingSolution: [Double]?
    /// Receives the solver's log lines; `nil` keeps the solver silent.
    public var logHandler: (@Sendable (String) -> Void)?

    public init(
        timeLimit: Double? = nil, relativeGap: Double = 0, objectiveTolerance: Double? = nil,
        logHandler: (@Sendable (String) -> Void)? = nil
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.objectiveTolerance = objectiveTolerance
        reducedCostTolerance = nil
        startingSolution = nil
        self.logHandler = logHandler
    }
}

/// Anything that solves a ``Model``.
///
/// Infeasible, unbounded and limit-stopped solves are outcomes, reported in
/// ``SolveResult/termination``; only an invalid model or an internal failure throws.
public protocol Solver: Sendable {
    func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult
}

/// A solver that keeps a model loaded between solves, so that a column-generation loop can add
/// columns and rows and re-solve from the previous basis.
///
/// Use sessions through ``withSession(for:_:)``: the session is created on the calling thread,
/// lives for the closure and is closed (its solver memory freed on that thread) when the closure
/// returns. Several threads may each run their own session at once; a session used from another
/// thread, or after its closure returned, throws ``SessionError`` instead of touching the solver.
public protocol IncrementalSolver: Solver {
    /// Loads `model` into a new session bound to the calling thread; prefer
    /// ``withSession(for:_:)``, which also closes it.
    func makeSession(for model: Model) throws -> any SolverSession
}

extension IncrementalSolver {
    /// Runs `body` with a new session for `model`, on the calling thread, and closes the session
    /// when `body` returns or throws.
    public func withSession<Result>(for model: Model, _ body: (any SolverSession) throws -> Result) throws -> Result {
        let session = try makeSession(for: model)
        defer { session.close() }
        return try body(session)
    }
}

/// A session used where it may not be: from another thread than the one that created it, or
/// after it was closed.
public struct SessionError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case wrongThread
        case closed
    }

    public let reason: Reason

    public init(reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .wrongThread: "a solver session was used from another thread than the one that created it"
        case .closed: "a solver session was used after it was closed"
        }
    }
}

/// A model loaded in a solver, changed in place and re-solved warm.
///
/// A session belongs to the thread that created it: every call checks that (in release builds
/// too) and throws ``SessionError`` otherwise, since the solver's memory is per thread.
public protocol SolverSession: AnyObject {
    /// Frees the solver's copy of the model; later calls throw ``SessionError``. Idempotent.
    /// Must run on the creating thread (``IncrementalSolver/withSession(for:_:)`` makes sure).
    func close()
    /// The model as it now stands in the session.
    var model: Model { get }
    /// Appends variables; `columns[k]` lists the existing constraints the k-th variable enters.
    @discardableResult
    func addVariables(_ variables: [Variable], columns: [[(ConstraintID, Double)]]) throws -> [VariableID]
    /// Appends a constraint over existing variables.
    @discardableResult
    func addConstraint(_ constraint: Constraint) throws -> ConstraintID
    /// Replaces the objective coefficients of all variables (one per variable) and the sense.
    func setObjective(_ coefficients: [Double], sense: ObjectiveSense) throws
    /// Changes the bounds of a variable.
    func setBounds(of variable: VariableID, lower: Double, upper: Double) throws
    /// Sets a starting basis: one status per variable and per constraint, with exactly as many
    /// `basic` entries as there are constraints. A singular basis is repaired by the solver.
    func setBasis(variables: [BasisStatus], constraints: [BasisStatus]) throws
    /// Solves the LP relaxation, warm from the last basis; fills ``SolveResult/duals``.
    func solveRelaxation(parameters: SolveParameters) throws -> SolveResult
    /// Solves the model with its integrality requirements.
    func solve(parameters: SolveParameters) throws -> SolveResult
}

/// Where a variable or constraint stands in a simplex basis.
public enum BasisStatus: Sendable, Hashable {
    case basic
    /// Non-basic at its lower bound.
    case atLower
    /// Non-basic at its upper bound.
    case atUpper
}
