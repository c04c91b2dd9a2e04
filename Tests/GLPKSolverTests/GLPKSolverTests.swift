import GLPKSolver
import LinearModel
import Testing

/// SplitMix64, for reproducible random models.
struct TestRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct GLPKSolverTests {
    @Test func solvesAnLPWithDuals() throws {
        // max 3x + 2y  s.t. x + y ≤ 4, x + 3y ≤ 10, x ≤ 3  →  x = 3, y = 1, objective 11; only
        // the first row binds, so its dual is y's objective coefficient, 2.
        var model = Model()
        let x = model.addVariable(named: "x", upper: 3, objective: 3)
        let y = model.addVariable(named: "y", objective: 2)
        let first = model.addConstraint(named: "first", [(x, 1), (y, 1)], upper: 4)
        model.addConstraint(named: "second", [(x, 1), (y, 3)], upper: 10)
        let result = try GLPKSolver().solve(model, parameters: SolveParameters())
        #expect(result.termination.reason == .optimal)
        #expect(abs((result.objectiveValue ?? 0) - 11) < 1e-9)
        #expect(abs((result.value(of: x) ?? 0) - 3) < 1e-9)
        #expect(abs(result.duals[first.index] - 2) < 1e-9)
        #expect(result.relativeGap == 0)
    }

    @Test func reportsInfeasibleAndUnboundedAsOutcomes() throws {
        var infeasible = Model()
        let a = infeasible.addVariable(upper: 1, kind: .binary)
        infeasible.addConstraint([(a, 1)], lower: 2)
        #expect(try GLPKSolver().solve(infeasible, parameters: SolveParameters()).termination.reason == .infeasible)

        var infeasibleLP = Model()
        let b = infeasibleLP.addVariable(upper: 1)
        infeasibleLP.addConstraint([(b, 1)], lower: 2)
        #expect(try GLPKSolver().solve(infeasibleLP, parameters: SolveParameters()).termination.reason == .infeasible)

        var unbounded = Model()
        unbounded.addVariable(objective: 1)
        #expect(try GLPKSolver().solve(unbounded, parameters: SolveParameters()).termination.reason == .unbounded)
    }

    @Test func badModelsThrowBeforeReachingC() {
        var model = Model()
        let x = model.addVariable(upper: 1)
        model.addConstraint([(x, 1), (x, 1)], upper: 1)
        #expect(throws: ModelError.self) { try GLPKSolver().solve(model, parameters: SolveParameters()) }
        var named = Model()
        named.addVariable(named: String(repeating: "x", count: 300), upper: 1)
        #expect(throws: ModelError.self) { try GLPKSolver().solve(named, parameters: SolveParameters()) }
    }

    @Test func emptyModelsNeverReachGLPK() throws {
        var model = Model()
        model.objectiveOffset = 3
        model.addConstraint([], upper: 1)
        let result = try GLPKSolver().solve(model, parameters: SolveParameters())
        #expect(result.termination.reason == .optimal)
        #expect(result.objectiveValue == 3)
        model.addConstraint([], lower: 1)
        #expect(try GLPKSolver().solve(model, parameters: SolveParameters()).termination.reason == .infeasible)
    }

    @Test func logOutputGoesToTheHandlerNotTheTerminal() throws {
        var model = Model()
        let x = model.addVariable(upper: 2, kind: .integer, objective: 1)
        model.addConstraint([(x, 2)], upper: 3)
        final class Lines: @unchecked Sendable { var text: [String] = [] }
        let lines = Lines()
        let result = try GLPKSolver().solve(model, parameters: SolveParameters(logHandler: { lines.text.append($0) }))
        #expect(result.objectiveValue == 1)
        #expect(!lines.text.isEmpty)
    }

    /// GLPK agrees with exhaustive search on random small MIPs (fixed seeds).
    @Test(arguments: 0..<40)
    func matchesExhaustiveSearch(seed: UInt64) throws {
        var random = TestRandom(seed: seed)
        var model = Model(sense: seed % 2 == 0 ? .maximize : .minimize)
        let count = Int.random(in: 3...8, using: &random)
        let ids = (0..<count).map { _ in
            model.addVariable(
                upper: Double(Int.random(in: 1...2, using: &random)), kind: .integer,
                objective: Double(Int.random(in: -9...9, using: &random)))
        }
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let terms = ids.filter { _ in Bool.random(using: &random) }.map {
                ($0, Double(Int.random(in: -3...5, using: &random)))
            }
            model.addConstraint(terms, lower: Double(Int.random(in: -4...1, using: &random)),
                                upper: Double(Int.random(in: 2...8, using: &random)))
        }
        let exact = try ExhaustiveSolver().solve(model, parameters: SolveParameters())
        let glpk = try GLPKSolver().solve(model, parameters: SolveParameters())
        #expect(glpk.termination.reason == exact.termination.reason)
        if exact.termination.reason == .optimal {
            #expect(abs((glpk.objectiveValue ?? .nan) - (exact.objectiveValue ?? .nan)) < 1e-6)
            #expect(model.isFeasible(glpk.values))
            // The bound GLPK proves: the optimum plus its pruning margin tol_obj·(1 + |optimum|).
            let objective = exact.objectiveValue ?? .nan
            let bound = glpk.bestBound ?? .nan
            #expect(model.sense == .maximize ? bound >= objective - 1e-9 : bound <= objective + 1e-9)
            #expect(abs(bound - objective) <= 1e-7 * (1 + abs(objective)) + 1e-9)
        }
    }

    @Test func sessionAddsColumnsAndRowsAndResolvesWarm() throws {
        // Two rows x + y ≤ 1 and a capacity; then a better column arrives.
        var model = Model()
        let row = model.addConstraint(named: "one", [], upper: 1)
        let session = try GLPKSolver().makeSession(for: model)
        try session.addVariables(
            [Variable(lower: 0, upper: 5, kind: .continuous, objective: 2)], columns: [[(row, 1)]])
        let first = try session.solveRelaxation(parameters: SolveParameters())
        #expect(first.objectiveValue == 2)
        #expect(abs(first.duals[row.index] - 2) < 1e-9)
        try session.addVariables(
            [Variable(lower: 0, upper: 5, kind: .continuous, objective: 5)], columns: [[(row, 1)]])
        let second = try session.solveRelaxation(parameters: SolveParameters())
        #expect(second.objectiveValue == 5)
        #expect(second.values == [0, 1])
        let cap = try session.addConstraint(
            Constraint(variables: [VariableID(1)], coefficients: [1], lower: -.infinity, upper: 0.5))
        let third = try session.solveRelaxation(parameters: SolveParameters())
        #expect(abs((third.objectiveValue ?? 0) - 3.5) < 1e-9)
        #expect(third.duals.count == 2)
        #expect(cap.index == 1)
        try session.setObjective([1, 1], sense: .minimize)
        #expect(try session.solveRelaxation(parameters: SolveParameters()).objectiveValue == 0)
        #expect(throws: ModelError.self) {
            try session.addVariables([Variable(lower: 0, upper: 1, kind: .continuous)], columns: [[(ConstraintID(9), 1)]])
        }
    }

    @Test func timeLimitIsReportedWithABound() throws {
        // A knapsack-like MIP that GLPK cannot finish in 1 ms, usually; accept an early finish.
        var random = TestRandom(seed: 7)
        var model = Model()
        var terms: [(VariableID, Double)] = []
        for _ in 0..<300 {
            let weight = Double(Int.random(in: 1000...2000, using: &random))
            let id = model.addVariable(upper: 1, kind: .binary, objective: weight + Double(Int.random(in: 0...9, using: &random)))
            terms.append((id, weight))
        }
        model.addConstraint(terms, upper: 100_000.5)
        let result = try GLPKSolver().solve(model, parameters: SolveParameters(timeLimit: 0.001))
        if result.termination.reason == .feasible {
            #expect(result.termination.limit == .time)
            #expect((result.bestBound ?? 0) >= (result.objectiveValue ?? .infinity) - 1e-6)
        } else {
            #expect(result.termination.reason == .optimal || result.termination.reason == .noSolutionFound)
        }
    }
}
