@testable import Kapstok
import Testing

/// The Lagrangian relaxation behind ``DensePairing``'s generalised-assignment path, on an
/// instance small enough to enumerate by hand.
///
/// Two agents A (capacity 3) and B (capacity 2), three jobs; value / weight:
///
/// | job | A     | B     |
/// |-----|-------|-------|
/// | 0   | 5 / 2 | 3 / 1 |
/// | 1   | 4 / 2 | 4 / 2 |
/// | 2   | 3 / 1 | 1 / 1 |
///
/// The feasible assignments (A ≤ 3, B ≤ 2) are (0→A, 1→B, 2→A) = 12, (0→B, 1→A, 2→A) = 10 and
/// (0→B, 1→A, 2→B) = 8; every other one overfills an agent. The optimum 12 equals the sum of each
/// job's best value, so nothing scores more.
@Suite struct AssignmentRelaxationTests {
    /// Items in job-major order: index `2·job + agent`.
    static let items: [(job: Int, agent: Int, value: Double, weight: Double)] = [
        (0, 0, 5, 2), (0, 1, 3, 1),
        (1, 0, 4, 2), (1, 1, 4, 2),
        (2, 0, 3, 1), (2, 1, 1, 1),
    ]

    @Test("the bound proves the hand-computed optimum 12 and only the optimum's pairs are kept")
    func provesOptimum() throws {
        var relaxation = try #require(AssignmentRelaxation(
            jobs: 3, capacities: [3, 2], items: Self.items, pinned: [:], integral: true))
        relaxation.run(iterationLimit: 50, deadline: nil)
        #expect(relaxation.incumbentValue == 12)
        #expect(relaxation.incumbent == [0, 3, 4])  // 0→A, 1→B, 2→A
        #expect(relaxation.isProven)
        #expect(relaxation.provenBound == 12)
        // Proven: no assignment beats 12, so every other pair may go.
        #expect(Self.items.indices.filter { relaxation.isKept($0) } == [0, 3, 4])
    }

    @Test("a pin 2→B leaves the single assignment (0→B, 1→A, 2→B) = 8")
    func pinned() throws {
        var relaxation = try #require(AssignmentRelaxation(
            jobs: 3, capacities: [3, 2], items: Self.items, pinned: [2: 5], integral: true))
        relaxation.run(iterationLimit: 400, deadline: nil)
        #expect(relaxation.incumbentValue == 8)
        #expect(relaxation.incumbent == [1, 2, 5])
        #expect(relaxation.provenBound >= 8)
        for index in [1, 2, 5] { #expect(relaxation.isKept(index)) }
    }

    @Test("loads that are not whole numbers, or pins that overfill an agent, leave the relaxation out")
    func notApplicable() {
        var fractional = Self.items
        fractional[0].weight = 1.5
        #expect(AssignmentRelaxation(jobs: 3, capacities: [3, 2], items: fractional, pinned: [:], integral: true) == nil)
        // Pins 0→B and 1→B need 1 + 2 = 3 of B's 2.
        #expect(AssignmentRelaxation(jobs: 3, capacities: [3, 2], items: Self.items, pinned: [0: 1, 1: 3], integral: true) == nil)
    }
}
