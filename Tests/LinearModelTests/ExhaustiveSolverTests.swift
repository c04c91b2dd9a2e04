import LinearModel
import Testing

@Suite struct ExhaustiveSolverTests {
    @Test func solvesASmallKnapsack() throws {
        // max 5a + 4b + 3c  s.t. 2a + 3b + c ≤ 5  → a = c = 1 (8) beats a = b = 1 (9)? 2+3 = 5 → 9.
        var model = Model()
        let a = model.addVariable(upper: 1, kind: .binary, objective: 5)
        let b = model.addVariable(upper: 1, kind: .binary, objective: 4)
        let c = model.addVariable(upper: 1, kind: .binary, objective: 3)
        model.addConstraint([(a, 2), (b, 3), (c, 1)], upper: 5)
        let result = try ExhaustiveSolver().solve(model, parameters: SolveParameters())
        #expect(result.termination.reason == .optimal)
        #expect(result.objectiveValue == 9)
        #expect(result.values == [1, 1, 0])
    }

    @Test func reportsInfeasible() throws {
        var model = Model()
        let a = model.addVariable(upper: 1, kind: .binary)
        model.addConstraint([(a, 1)], lower: 2)
        let result = try ExhaustiveSolver().solve(model, parameters: SolveParameters())
        #expect(result.termination.reason == .infeasible)
        #expect(result.values.isEmpty)
    }

    @Test func minimisesIntegers() throws {
        var model = Model(sense: .minimize)
        let a = model.addVariable(lower: 0, upper: 5, kind: .integer, objective: 3)
        let b = model.addVariable(lower: 0, upper: 5, kind: .integer, objective: 2)
        model.addConstraint([(a, 1), (b, 1)], lower: 4)
        model.addConstraint([(b, 1)], upper: 3)
        let result = try ExhaustiveSolver().solve(model, parameters: SolveParameters())
        #expect(result.objectiveValue == 9)
        #expect(result.values == [1, 3])
    }

    @Test func refusesContinuousAndHugeModels() {
        var continuous = Model()
        continuous.addVariable(upper: 1)
        #expect(throws: ExhaustiveSolver.Failure.self) {
            try ExhaustiveSolver().solve(continuous, parameters: SolveParameters())
        }
        var huge = Model()
        for _ in 0..<30 { huge.addVariable(upper: 1, kind: .binary) }
        #expect(throws: ExhaustiveSolver.Failure.self) {
            try ExhaustiveSolver().solve(huge, parameters: SolveParameters())
        }
    }
}
