import Foundation
import Synchronization
import GLPKSolver
import LinearModel
import Testing

/// GLPK's environment is per thread: sessions are scoped to the thread that created them, may run
/// on several threads at once, and refuse (with an error, not a crash) any other use — checked in
/// release builds too.
@Suite struct GLPKSessionThreadTests {
    /// max Σ c_k x_k, Σ x_k ≤ cap, 0 ≤ x_k ≤ 1: the optimum takes the `cap` largest c_k.
    private func model(costs: [Double], cap: Double) -> Model {
        var model = Model()
        let variables = costs.map { model.addVariable(lower: 0, upper: 1, objective: $0) }
        model.addConstraint(variables.map { ($0, 1.0) }, upper: cap)
        return model
    }

    @Test func sessionsSolveInParallelEachOnItsOwnThread() throws {
        let count = 32
        let results = Mutex<[Int: Double]>([:])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: count) { index in
            do {
                let costs = (0..<40).map { Double(($0 * 7 + index * 13) % 41) }
                let value = try GLPKSolver().withSession(for: model(costs: costs, cap: Double(index % 5 + 1))) { session in
                    // Warm re-solves inside one session, as column generation does.
                    _ = try session.solveRelaxation(parameters: SolveParameters())
                    try session.addVariables(
                        [Variable(lower: 0, upper: 1, kind: .continuous, objective: 100)], columns: [[(ConstraintID(0), 1)]])
                    return try session.solveRelaxation(parameters: SolveParameters()).objectiveValue ?? .nan
                }
                results.withLock { $0[index] = value }
            } catch {
                failures.withLock { $0.append("\(index): \(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        for index in 0..<count {
            let costs = (0..<40).map { Double(($0 * 7 + index * 13) % 41) } + [100]
            let cap = index % 5 + 1
            let expected = costs.sorted(by: >).prefix(cap).reduce(0, +)
            #expect(results.withLock { $0[index] } == expected, "session \(index)")
        }
    }

    /// Smuggles a session past the compiler's Sendable check, as careless code (or C callbacks)
    /// might: the runtime check must still refuse it.
    private final class Smuggled: @unchecked Sendable {
        let session: any SolverSession
        var outcome: Result<SolveResult, any Error>?
        init(_ session: any SolverSession) { self.session = session }
    }

    @Test func aSessionUsedFromAnotherThreadThrows() throws {
        var escaped: (any SolverSession)?
        try GLPKSolver().withSession(for: model(costs: [1, 2], cap: 1)) { session throws in
            escaped = session
            let box = Smuggled(session)
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                box.outcome = Result { try box.session.solveRelaxation(parameters: SolveParameters()) }
                done.signal()
            }
            thread.start()
            done.wait()
            switch box.outcome {
            case .failure(let error as SessionError): #expect(error.reason == .wrongThread)
            default: Issue.record("a session used from another thread must throw SessionError.wrongThread")
            }
            // On its own thread it still works.
            #expect(try session.solveRelaxation(parameters: SolveParameters()).objectiveValue == 2)
        }
        // After the closure the session is closed.
        let session = try #require(escaped)
        #expect(throws: SessionError(reason: .closed)) {
            _ = try session.solveRelaxation(parameters: SolveParameters())
        }
        session.close()  // idempotent
    }
}
