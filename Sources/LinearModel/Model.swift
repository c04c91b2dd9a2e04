/// A handle to a variable of a ``Model``; its `index` is 0-based and stable.
public struct VariableID: Hashable, Comparable, Sendable {
    /// 0-based position in ``Model/variables``.
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (lhs: VariableID, rhs: VariableID) -> Bool { lhs.index < rhs.index }
}

/// A handle to a constraint of a ``Model``; its `index` is 0-based and stable.
public struct ConstraintID: Hashable, Comparable, Sendable {
    /// 0-based position in ``Model/constraints``.
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (lhs: ConstraintID, rhs: ConstraintID) -> Bool { lhs.index < rhs.index }
}

/// The domain of a variable.
public enum VariableKind: Sendable, Hashable {
    case continuous
    case integer
    /// An integer variable with bounds within [0, 1].
    case binary
}

/// Whether the objective is maximised or minimised.
public enum ObjectiveSense: Sendable, Hashable {
    case maximize
    case minimize
}

/// A decision variable: bounds (infinite allowed), kind and objective coefficient.
public struct Variable: Sendable, Hashable {
    public var name: String?
    public var lower: Double
    public var upper: Double
    public var kind: VariableKind
    public var objective: Double

    public init(name: String? = nil, lower: Double, upper: Double, kind: VariableKind, objective: Double = 0) {
        self.name = name
        self.lower = lower
        self.upper = upper
        self.kind = kind
        self.objective = objective
    }
}

/// A linear constraint `lower ≤ Σ coefficient·variable ≤ upper`; either side may be infinite.
public struct Constraint: Sendable, Hashable {
    public var name: String?
    public var variables: [VariableID]
    public var coefficients: [Double]
    public var lower: Double
    public var upper: Double

    public init(name: String? = nil, variables: [VariableID], coefficients: [Double], lower: Double, upper: Double) {
        self.name = name
        self.variables = variables
        self.coefficients = coefficients
        self.lower = lower
        self.upper = upper
    }
}

/// A solver-neutral mixed-integer linear program: variables, linear constraints, one objective.
///
/// A plain value: build it, validate it, hand it to any ``Solver``. Results refer back to it by
/// ``VariableID`` and ``ConstraintID`` handles, never by a solver's own row or column numbers.
public struct Model: Sendable, Hashable {
    public internal(set) var variables: [Variable] = []
    public internal(set) var constraints: [Constraint] = []
    public var sense: ObjectiveSense
    /// Constant added to the objective value.
    public var objectiveOffset: Double = 0

    public init(sense: ObjectiveSense = .maximize) {
        self.sense = sense
    }

    /// Adds a variable and returns its handle.
    @discardableResult
    public mutating func addVariable(
        named name: String? = nil, lower: Double = 0, upper: Double = .infinity,
        kind: VariableKind = .continuous, objective: Double = 0
    ) -> VariableID {
        variables.append(Variable(name: name, lower: lower, upper: upper, kind: kind, objective: objective))
        return VariableID(variables.count - 1)
    }

    /// Adds the constraint `lower ≤ Σ terms ≤ upper` and returns its handle.
    @discardableResult
    public mutating func addConstraint(
        named name: String? = nil, _ terms: [(VariableID, Double)],
        lower: Double = -.infinity, upper: Double = .infinity
    ) -> ConstraintID {
        constraints.append(
            Constraint(
                name: name, variables: terms.map(\.0), coefficients: terms.map(\.1), lower: lower, upper: upper))
        return ConstraintID(constraints.count - 1)
    }

    /// Sets the objective coefficient of a variable.
    public mutating func setObjective(_ coefficient: Double, for variable: VariableID) {
        variables[variable.index].objective = coefficient
    }

    /// Changes a variable's bounds.
    public mutating func setBounds(of variable: VariableID, lower: Double, upper: Double) {
        variables[variable.index].lower = lower
        variables[variable.index].upper = upper
    }

    /// Whether any variable must take integer values.
    public var hasIntegerVariables: Bool {
        variables.contains { $0.kind != .continuous }
    }

    /// The objective value of an assignment of values to every variable (offset included).
    public func objectiveValue(of values: [Double]) -> Double {
        var total = objectiveOffset
        for (variable, value) in zip(variables, values) { total += variable.objective * value }
        return total
    }

    /// The activity `Σ coefficient·value` of a constraint for an assignment.
    public func activity(of constraint: ConstraintID, values: [Double]) -> Double {
        let row = constraints[constraint.index]
        var total = 0.0
        for (variable, coefficient) in zip(row.variables, row.coefficients) {
            total += coefficient * values[variable.index]
        }
        return total
    }

    /// Whether an assignment meets every bound, kind and constraint within `tolerance`.
    public func isFeasible(_ values: [Double], tolerance: Double = 1e-6) -> Bool {
        guard values.count == variables.count else { return false }
        for (variable, value) in zip(variables, values) {
            if value < variable.lower - tolerance || value > variable.upper + tolerance { return false }
            if variable.kind != .continuous && abs(value - value.rounded()) > tolerance { return false }
        }
        for index in constraints.indices {
            let activity = activity(of: ConstraintID(index), values: values)
            let row = constraints[index]
            if activity < row.lower - tolerance || activity > row.upper + tolerance { return false }
        }
        return true
    }
}

extension Model {
    /// Appends a constraint given as a value and returns its handle.
    @discardableResult
    public mutating func addConstraint(_ constraint: Constraint) -> ConstraintID {
        constraints.append(constraint)
        return ConstraintID(constraints.count - 1)
    }

    /// Appends a variable together with its column: the existing constraints it enters.
    @discardableResult
    public mutating func addVariable(_ variable: Variable, column: [(ConstraintID, Double)]) -> VariableID {
        variables.append(variable)
        let id = VariableID(variables.count - 1)
        for (row, coefficient) in column {
            constraints[row.index].variables.append(id)
            constraints[row.index].coefficients.append(coefficient)
        }
        return id
    }

    /// Replaces every objective coefficient (one per variable).
    public mutating func setObjective(_ coefficients: [Double], sense: ObjectiveSense) {
        precondition(coefficients.count == variables.count, "one objective coefficient per variable")
        self.sense = sense
        for index in variables.indices { variables[index].objective = coefficients[index] }
    }
}
