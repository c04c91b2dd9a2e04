/// Why a ``Model`` cannot be handed to a solver.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case nonFiniteCoefficient
        case invalidBounds
        case invalidBinaryBounds
        case unknownVariable
        case duplicateVariableInConstraint
        case mismatchedTerms
        case invalidName
    }

    public let reason: Reason
    public let detail: String

    public init(reason: Reason, detail: String) {
        self.reason = reason
        self.detail = detail
    }

    public var description: String { "invalid model: \(detail)" }
}

extension Model {
    /// The longest name a solver accepts; GLPK aborts the process on longer names.
    public static let maximumNameLength = 255

    /// Checks everything a solver backend relies on, so that no bad index, bound or name ever
    /// reaches a C library (GLPK aborts the whole process on such input).
    ///
    /// - Throws: ``ModelError`` describing the first problem found.
    /// - Complexity: O(variables + nonzeros).
    public func validate() throws(ModelError) {
        for (index, variable) in variables.enumerated() {
            try Self.check(name: variable.name, what: "variable \(index)")
            if variable.lower.isNaN || variable.upper.isNaN || variable.lower > variable.upper
                || variable.lower == .infinity || variable.upper == -.infinity
            {
                throw ModelError(
                    reason: .invalidBounds,
                    detail: "variable \(index) has bounds [\(variable.lower), \(variable.upper)]")
            }
            if variable.kind == .binary && (variable.lower < 0 || variable.upper > 1) {
                throw ModelError(
                    reason: .invalidBinaryBounds,
                    detail: "binary variable \(index) has bounds [\(variable.lower), \(variable.upper)]")
            }
            if !variable.objective.isFinite {
                throw ModelError(reason: .nonFiniteCoefficient, detail: "variable \(index) has objective \(variable.objective)")
            }
        }
        if !objectiveOffset.isFinite {
            throw ModelError(reason: .nonFiniteCoefficient, detail: "objective offset is \(objectiveOffset)")
        }
        var seen = [Int](repeating: -1, count: variables.count)
        for (index, row) in constraints.enumerated() {
            try Self.check(name: row.name, what: "constraint \(index)")
            guard row.variables.count == row.coefficients.count else {
                throw ModelError(reason: .mismatchedTerms, detail: "constraint \(index) has unpaired terms")
            }
            if row.lower.isNaN || row.upper.isNaN || row.lower > row.upper || row.lower == .infinity
                || row.upper == -.infinity
            {
                throw ModelError(
                    reason: .invalidBounds, detail: "constraint \(index) has bounds [\(row.lower), \(row.upper)]")
            }
            for (variable, coefficient) in zip(row.variables, row.coefficients) {
                guard variable.index >= 0 && variable.index < variables.count else {
                    throw ModelError(
                        reason: .unknownVariable, detail: "constraint \(index) refers to variable \(variable.index)")
                }
                guard coefficient.isFinite else {
                    throw ModelError(reason: .nonFiniteCoefficient, detail: "constraint \(index) has coefficient \(coefficient)")
                }
                guard seen[variable.index] != index else {
                    throw ModelError(
                        reason: .duplicateVariableInConstraint,
                        detail: "constraint \(index) lists variable \(variable.index) twice")
                }
                seen[variable.index] = index
            }
        }
    }

    static func check(name: String?, what: String) throws(ModelError) {
        guard let name else { return }
        if name.utf8.count > maximumNameLength {
            throw ModelError(reason: .invalidName, detail: "\(what) has a name longer than \(maximumNameLength) bytes")
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw ModelError(reason: .invalidName, detail: "\(what) has a name with a control character")
        }
    }
}

extension Model {
    /// Checks a variable and its column before ``addVariable(_:column:)`` appends them, with the
    /// same rules as ``validate()``.
    public func validate(variable: Variable, column: [(ConstraintID, Double)]) throws(ModelError) {
        var probe = Model(sense: sense)
        probe.variables = [variable]
        try probe.validate()
        var rows = Set<Int>()
        for (row, coefficient) in column {
            guard row.index >= 0 && row.index < constraints.count else {
                throw ModelError(reason: .unknownVariable, detail: "column refers to constraint \(row.index)")
            }
            guard coefficient.isFinite else {
                throw ModelError(reason: .nonFiniteCoefficient, detail: "column has coefficient \(coefficient)")
            }
            guard rows.insert(row.index).inserted else {
                throw ModelError(
                    reason: .duplicateVariableInConstraint, detail: "column lists constraint \(row.index) twice")
            }
        }
    }

    /// Checks a constraint before ``addConstraint(_:)`` appends it, with the same rules as ``validate()``.
    public func validate(constraint: Constraint) throws(ModelError) {
        var probe = Model(sense: sense)
        probe.variables = variables
        probe.constraints = [constraint]
        try probe.validate()
    }
}
