/// A solver that enumerates every integer assignment: exact and slow, meant for tiny models in
/// tests, where it is the reference the real solver is checked against.
///
/// Ties are broken towards the assignment that comes first in enumeration order (variables in
/// index order, values from lower to upper bound), so the result is deterministic.
///
/// - Complexity: O(Π domain sizes · nonzeros) in the worst case; the search prunes a branch as
///   soon as a constraint can no longer be met.
public struct ExhaustiveSolver: Solver {
    /// The largest number of assignments the solver agrees to consider.
    public var maximumAssignments: Double

    public init(maximumAssignments: Double = 16_777_216) {
        self.maximumAssignments = maximumAssignments
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case continuousVariable(VariableID)
        case unboundedDomain(VariableID)
        case tooLarge(Double)

        public var description: String {
            switch self {
            case .continuousVariable(let id): "exhaustive search cannot handle continuous variable \(id.index)"
            case .unboundedDomain(let id): "exhaustive search needs finite bounds on variable \(id.index)"
            case .tooLarge(let count): "exhaustive search would consider \(count) assignments"
            }
        }
    }

    public func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult {
        try model.validate()
        var lows: [Int] = []
        var highs: [Int] = []
        var size = 1.0
        for (index, variable) in model.variables.enumerated() {
            guard variable.kind != .continuous else { throw Failure.continuousVariable(VariableID(index)) }
            guard variable.lower.isFinite && variable.upper.isFinite else {
                throw Failure.unboundedDomain(VariableID(index))
            }
            let low = Int(variable.lower.rounded(.up))
            let high = Int(variable.upper.rounded(.down))
            lows.append(low)
            highs.append(high)
            size *= Double(max(0, high - low + 1))
        }
        guard size <= maximumAssignments else { throw Failure.tooLarge(size) }
        var search = Search(model: model, lows: lows, highs: highs)
        search.run()
        guard let best = search.best else {
            return SolveResult(termination: Termination(reason: .infeasible, detail: "no assignment meets every constraint"))
        }
        let values = best.map(Double.init)
        let objective = model.objectiveValue(of: values)
        return SolveResult(
            termination: Termination(reason: .optimal, detail: "enumerated \(search.leaves) assignments"),
            objectiveValue: objective, bestBound: objective, values: values)
    }
}

/// Depth-first enumeration with interval pruning on every constraint.
private struct Search {
    let model: Model
    let lows: [Int]
    let highs: [Int]
    /// For each variable, the constraints it enters and its coefficient there.
    let occurrences: [[(row: Int, coefficient: Double)]]
    /// For each depth d and row, the least and greatest activity the variables from d on can add.
    let suffixMin: [[Double]]
    let suffixMax: [[Double]]
    var activity: [Double]
    var current: [Int]
    var best: [Int]?
    var bestObjective = 0.0
    var leaves = 0

    init(model: Model, lows: [Int], highs: [Int]) {
        self.model = model
        self.lows = lows
        self.highs = highs
        let count = model.variables.count
        let rows = model.constraints.count
        var occurrences = [[(row: Int, coefficient: Double)]](repeating: [], count: count)
        for (row, constraint) in model.constraints.enumerated() {
            for (variable, coefficient) in zip(constraint.variables, constraint.coefficients) {
                occurrences[variable.index].append((row, coefficient))
            }
        }
        var suffixMin = [[Double]](repeating: [Double](repeating: 0, count: rows), count: count + 1)
        var suffixMax = suffixMin
        for depth in stride(from: count - 1, through: 0, by: -1) {
            suffixMin[depth] = suffixMin[depth + 1]
            suffixMax[depth] = suffixMax[depth + 1]
            for (row, coefficient) in occurrences[depth] {
                let a = coefficient * Double(lows[depth])
                let b = coefficient * Double(highs[depth])
                suffixMin[depth][row] += min(a, b)
                suffixMax[depth][row] += max(a, b)
            }
        }
        self.occurrences = occurrences
        self.suffixMin = suffixMin
        self.suffixMax = suffixMax
        self.activity = [Double](repeating: 0, count: rows)
        self.current = lows
    }

    mutating func run() {
        guard lows.indices.allSatisfy({ lows[$0] <= highs[$0] }) else { return }
        descend(0)
    }

    private func canStillMeetRows(_ rows: [(row: Int, coefficient: Double)], depth: Int) -> Bool {
        let tolerance = 1e-9
        for (row, _) in rows {
            let constraint = model.constraints[row]
            if activity[row] + suffixMin[depth][row] > constraint.upper + tolerance { return false }
            if activity[row] + suffixMax[depth][row] < constraint.lower - tolerance { return false }
        }
        return true
    }

    private mutating func descend(_ depth: Int) {
        if depth == current.count {
            leaves += 1
            let tolerance = 1e-9
            for (row, constraint) in model.constraints.enumerated()
            where activity[row] < constraint.lower - tolerance || activity[row] > constraint.upper + tolerance {
                return
            }
            let objective = model.objectiveValue(of: current.map(Double.init))
            let improves: Bool
            switch model.sense {
            case .maximize: improves = objective > bestObjective + 1e-9
            case .minimize: improves = objective < bestObjective - 1e-9
            }
            if best == nil || improves {
                best = current
                bestObjective = objective
            }
            return
        }
        for value in lows[depth]...highs[depth] {
            current[depth] = value
            for (row, coefficient) in occurrences[depth] { activity[row] += coefficient * Double(value) }
            if canStillMeetRows(occurrences[depth], depth: depth + 1) { descend(depth + 1) }
            for (row, coefficient) in occurrences[depth] { activity[row] -= coefficient * Double(value) }
        }
        current[depth] = lows[depth]
    }
}
