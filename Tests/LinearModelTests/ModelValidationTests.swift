import LinearModel
import Testing

@Suite struct ModelValidationTests {
    @Test func acceptsAWellFormedModel() throws {
        var model = Model()
        let x = model.addVariable(named: "x", upper: 4, kind: .integer, objective: 1)
        let y = model.addVariable(named: "y", kind: .continuous, objective: 2)
        model.addConstraint(named: "c", [(x, 1), (y, 1)], upper: 10)
        try model.validate()
    }

    @Test(arguments: [
        (Double.nan, 1.0), (2.0, 1.0), (Double.infinity, Double.infinity), (-Double.infinity, -Double.infinity),
    ])
    func rejectsBadBounds(lower: Double, upper: Double) {
        var model = Model()
        model.addVariable(lower: lower, upper: upper)
        #expect(throws: ModelError.self) { try model.validate() }
    }

    @Test func rejectsBinaryOutsideUnitInterval() {
        var model = Model()
        model.addVariable(upper: 2, kind: .binary)
        #expect { try model.validate() } throws: { ($0 as? ModelError)?.reason == .invalidBinaryBounds }
    }

    @Test func rejectsUnknownVariableInConstraint() {
        var model = Model()
        model.addVariable(upper: 1)
        model.addConstraint([(VariableID(3), 1)], upper: 1)
        #expect { try model.validate() } throws: { ($0 as? ModelError)?.reason == .unknownVariable }
    }

    @Test func rejectsDuplicateVariableInConstraint() {
        var model = Model()
        let x = model.addVariable(upper: 1)
        model.addConstraint([(x, 1), (x, 2)], upper: 1)
        #expect { try model.validate() } throws: { ($0 as? ModelError)?.reason == .duplicateVariableInConstraint }
    }

    @Test func rejectsNonFiniteCoefficients() {
        var model = Model()
        let x = model.addVariable(upper: 1)
        model.addConstraint([(x, .infinity)], upper: 1)
        #expect { try model.validate() } throws: { ($0 as? ModelError)?.reason == .nonFiniteCoefficient }
    }

    @Test(arguments: [String(repeating: "n", count: 256), "tab\there", "line\nbreak"])
    func rejectsNamesGLPKWouldAbortOn(name: String) {
        var model = Model()
        model.addVariable(named: name, upper: 1)
        #expect { try model.validate() } throws: { ($0 as? ModelError)?.reason == .invalidName }
    }

    @Test func feasibilityCheckSeesEveryRule() {
        var model = Model()
        let x = model.addVariable(upper: 1, kind: .binary)
        let y = model.addVariable(upper: 1, kind: .binary)
        model.addConstraint([(x, 1), (y, 1)], upper: 1)
        #expect(model.isFeasible([1, 0]))
        #expect(!model.isFeasible([1, 1]))
        #expect(!model.isFeasible([0.5, 0]))
        #expect(!model.isFeasible([0]))
    }
}
