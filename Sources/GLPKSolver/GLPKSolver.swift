import LinearModel

/// Solves ``Model``s with GLPK 5.0: the simplex method for LPs, branch-and-cut for MIPs.
///
/// Each call validates the model first (GLPK aborts the process on bad input), loads it into a
/// fresh problem on the calling thread, solves, copies the result into Swift values and frees
/// the problem. GLPK's terminal output goes to ``SolveParameters/logHandler`` or nowhere.
public struct GLPKSolver: IncrementalSolver {
    /// GLPK-specific settings, applied on top of the generic ``SolveParameters``.
    public var options: GLPKParameters

    public init(options: GLPKParameters = GLPKParameters()) {
        self.options = options
    }

    public func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult {
        try model.validate()
        if let trivial = Self.solveWithoutVariables(model) { return trivial }
        let problem = GLPKProblem()
        problem.load(model)
        if model.hasIntegerVariables {
            var parameters = parameters
            parameters.startingSolution = Self.checkedStart(parameters.startingSolution, model: model)
            return try problem.branchAndCut(parameters: parameters, options: options, columns: model.variables.count)
        }
        return try problem.simplex(
            parameters: parameters, columns: model.variables.count, rows: model.constraints.count)
    }

    /// The result of a model without variables, which GLPK's MIP presolver cannot take (it calls
    /// `glp_add_cols` with 0 columns, which aborts the process); `nil` when there are variables.
    static func solveWithoutVariables(_ model: Model) -> SolveResult? {
        guard model.variables.isEmpty else { return nil }
        let feasible = model.constraints.allSatisfy { $0.lower <= 0 && $0.upper >= 0 }
        guard feasible else {
            return SolveResult(termination: Termination(reason: .infeasible, detail: "a constraint without variables excludes 0"))
        }
        return SolveResult(
            termination: Termination(reason: .optimal, detail: "no variables"), objectiveValue: model.objectiveOffset,
            bestBound: model.objectiveOffset, values: [],
            duals: [Double](repeating: 0, count: model.constraints.count))
    }

    /// A starting solution GLPK may be given: one value per variable, integral where the model
    /// asks, and feasible (GLPK's `glp_ios_heur_sol` checks integrality only, so an infeasible
    /// incumbent would prune the true optimum away); `nil` otherwise.
    static func checkedStart(_ start: [Double]?, model: Model) -> [Double]? {
        guard let start, model.isFeasible(start, tolerance: 1e-9) else { return nil }
        return start
    }

    public func makeSession(for model: Model) throws -> any SolverSession {
        try GLPKSession(model: model, options: options)
    }
}

/// A model kept loaded in GLPK between solves, so that columns and rows can be added and the LP
/// re-solved from the previous basis (GLPK keeps the basis when columns or rows are added: new
/// columns enter non-basic at a bound, new rows basic).
///
/// Bound to the thread that created it: GLPK's environment is thread-local, so every call checks
/// the thread (in release builds too) and throws ``SessionError`` from any other thread, or after
/// ``close()``, before GLPK is reached.
final class GLPKSession: SolverSession {
    private(set) var model: Model
    /// `nil` once closed.
    private var glpk: GLPKProblem?
    private let owner = GLPKEnvironment.currentThread
    private let options: GLPKParameters

    init(model: Model, options: GLPKParameters) throws {
        try model.validate()
        self.model = model
        self.options = options
        let problem = GLPKProblem()
        problem.load(model)
        glpk = problem
    }

    /// The loaded problem, if this thread may use it.
    private func problem() throws(SessionError) -> GLPKProblem {
        guard GLPKEnvironment.currentThread == owner else { throw SessionError(reason: .wrongThread) }
        guard let glpk else { throw SessionError(reason: .closed) }
        return glpk
    }

    func close() {
        // From another thread the problem cannot be freed safely; it is then left to the owner
        // thread's environment (see GLPKProblem's deinit).
        guard GLPKEnvironment.currentThread == owner else { return }
        glpk = nil
    }

    func addVariables(_ variables: [Variable], columns: [[(ConstraintID, Double)]]) throws -> [VariableID] {
        let problem = try problem()
        guard variables.count == columns.count else {
            throw ModelError(reason: .mismatchedTerms, detail: "one column per variable")
        }
        for (variable, column) in zip(variables, columns) {
            try model.validate(variable: variable, column: column)
        }
        let first = model.variables.count
        var ids: [VariableID] = []
        ids.reserveCapacity(variables.count)
        for (variable, column) in zip(variables, columns) {
            ids.append(model.addVariable(variable, column: column))
        }
        problem.addColumns(variables, columns: columns, firstIndex: first)
        return ids
    }

    func addConstraint(_ constraint: Constraint) throws -> ConstraintID {
        let problem = try problem()
        try model.validate(constraint: constraint)
        let id = model.addConstraint(constraint)
        problem.addRow(constraint, index: id.index)
        return id
    }

    func setObjective(_ coefficients: [Double], sense: ObjectiveSense) throws {
        let problem = try problem()
        guard coefficients.count == model.variables.count else {
            throw ModelError(reason: .mismatchedTerms, detail: "one objective coefficient per variable")
        }
        var changed = model
        changed.setObjective(coefficients, sense: sense)
        try changed.validate()
        model = changed
        problem.setSense(sense)
        problem.setObjective(coefficients)
    }

    func setBounds(of variable: VariableID, lower: Double, upper: Double) throws {
        let problem = try problem()
        guard model.variables.indices.contains(variable.index) else {
            throw ModelError(reason: .unknownVariable, detail: "no variable \(variable.index)")
        }
        var changed = model.variables[variable.index]
        changed.lower = lower
        changed.upper = upper
        try Model(sense: model.sense).validate(variable: changed, column: [])
        model.setBounds(of: variable, lower: lower, upper: upper)
        problem.setBounds(column: variable.index, lower: lower, upper: upper)
    }

    func setBasis(variables: [BasisStatus], constraints: [BasisStatus]) throws {
        let problem = try problem()
        guard variables.count == model.variables.count, constraints.count == model.constraints.count,
            variables.filter({ $0 == .basic }).count + constraints.filter({ $0 == .basic }).count
                == model.constraints.count
        else {
            throw ModelError(reason: .mismatchedTerms, detail: "a basis needs one status per variable and constraint, "
                + "with as many basic entries as constraints")
        }
        problem.setBasis(variables: variables, constraints: constraints)
    }

    func solveRelaxation(parameters: SolveParameters) throws -> SolveResult {
        let problem = try problem()
        if let trivial = GLPKSolver.solveWithoutVariables(model) { return trivial }
        return try problem.simplex(parameters: parameters, columns: model.variables.count, rows: model.constraints.count)
    }

    func solve(parameters: SolveParameters) throws -> SolveResult {
        let problem = try problem()
        if let trivial = GLPKSolver.solveWithoutVariables(model) { return trivial }
        if model.hasIntegerVariables {
            var parameters = parameters
            parameters.startingSolution = GLPKSolver.checkedStart(parameters.startingSolution, model: model)
            return try problem.branchAndCut(parameters: parameters, options: options, columns: model.variables.count)
        }
        return try solveRelaxation(parameters: parameters)
    }
}

/// Settings only GLPK understands.
public struct GLPKParameters: Sendable, Hashable {
    /// Generate Gomory mixed-integer, mixed-integer rounding, knapsack cover and clique cuts in
    /// branch-and-cut (GLPK leaves them off by default). On the OR-Library GAP instance c848-1
    /// this takes `glpsol` from 30 s to 1 s.
    public var cuttingPlanes: Bool
    /// With ``cuttingPlanes``: which families. Cover cuts are the family seen aborting GLPK 5.0
    /// (`glp_add_cols: ncs = 0`) in presolved models; clique cuts build a conflict graph whose
    /// cost dominates small models.
    public var gomoryCuts = true
    public var mirCuts = true
    public var coverCuts = true
    public var cliqueCuts = true

    /// With a starting solution (``SolveParameters/startingSolution``): seconds of GLPK's
    /// proximity search (`ps_heur`), which looks for better solutions near the incumbent by
    /// solving sub-MIPs, at the root; `nil` (the default) or 0: off. With 5 s the OR-Library
    /// instance c05200 was proven within 30 s and b05200 no longer was (measured under load);
    /// on small models it costs more than it saves (gap1–gap12 in the tests: 13.5 s against 9.5 s).
    public var proximitySearchSeconds: Double?

    public init(cuttingPlanes: Bool = true) {
        self.cuttingPlanes = cuttingPlanes
    }

    /// For the scheduler's week models: mixed-integer rounding cuts only (the cumulative
    /// precedence rows are what they strengthen), no cover or clique cuts.
    public static var scheduling: GLPKParameters {
        var parameters = GLPKParameters()
        parameters.gomoryCuts = false
        parameters.coverCuts = false
        parameters.cliqueCuts = false
        return parameters
    }
}
