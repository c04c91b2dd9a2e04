import LinearModel

/// Solves ``Model``s with GLPK 5.0: the simplex method for LPs, branch-and-cut for MIPs.
///
/// Each call validates the model first (GLPK aborts the process on bad input), loads it into a
/// fresh problem on the calling thread, solves, copies the result into Swift values and frees
/// the problem. GLPK's terminal output goes to ``SolveParameters/logHandler`` or nowhere.
public struct GLPKSolver: IncrementalSolver {
    public init() {}

    public func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult {
        try model.validate()
        let problem = GLPKProblem()
        problem.load(model)
        if model.hasIntegerVariables {
            return try problem.branchAndCut(parameters: parameters, columns: model.variables.count)
        }
        return try problem.simplex(
            parameters: parameters, columns: model.variables.count, rows: model.constraints.count)
    }

    public func makeSession(for model: Model) throws -> any SolverSession {
        try GLPKSession(model: model)
    }
}

/// A model kept loaded in GLPK between solves, so that columns and rows can be added and the LP
/// re-solved from the previous basis (GLPK keeps the basis when columns or rows are added: new
/// columns enter non-basic at a bound, new rows basic).
///
/// Not thread-safe: use it on the thread that created it.
final class GLPKSession: SolverSession {
    private(set) var model: Model
    private let problem = GLPKProblem()

    init(model: Model) throws {
        try model.validate()
        self.model = model
        problem.load(model)
    }

    func addVariables(_ variables: [Variable], columns: [[(ConstraintID, Double)]]) throws -> [VariableID] {
        precondition(variables.count == columns.count, "one column per variable")
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
        try model.validate(constraint: constraint)
        let id = model.addConstraint(constraint)
        problem.addRow(constraint, index: id.index)
        return id
    }

    func setObjective(_ coefficients: [Double], sense: ObjectiveSense) throws {
        var changed = model
        changed.setObjective(coefficients, sense: sense)
        try changed.validate()
        model = changed
        problem.setSense(sense)
        problem.setObjective(coefficients)
    }

    func setBounds(of variable: VariableID, lower: Double, upper: Double) throws {
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
        try problem.simplex(parameters: parameters, columns: model.variables.count, rows: model.constraints.count)
    }

    func solve(parameters: SolveParameters) throws -> SolveResult {
        if model.hasIntegerVariables {
            return try problem.branchAndCut(parameters: parameters, columns: model.variables.count)
        }
        return try solveRelaxation(parameters: parameters)
    }
}
