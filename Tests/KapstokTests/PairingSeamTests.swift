@testable import Kapstok
import GLPKSolver
import LinearModel
import Testing

/// The seam the pairing core and the bench share: the optimiser's greedy start is
/// ``GreedyStrategy``'s fill, and the formulation is one named decision.
@Suite("PairingSeam")
struct PairingSeamTests {
    /// Three mentees, two mentors with one place each:
    ///
    ///     mentee 0: mentor 0 → 90, mentor 1 → 80
    ///     mentee 1: mentor 0 → 70
    ///     mentee 2: mentor 0 → 60, mentor 1 → 50
    ///
    /// Scarcest first: mentee 1 (one option) takes mentor 0; mentee 0 then finds mentor 0 full and
    /// takes mentor 1; mentee 2 finds both full: [1, 0, nil]. Highest score first: 0–0 (90), then
    /// 1–0 and 2–0 find mentor 0 full, 2–1 (50): [0, nil, 1].
    static let fixture = PairingProblem(
        table: PairTable(menteeCount: 3, mentorCount: 2, pairs: [
            (0, 0, 90, 1), (0, 1, 80, 1), (1, 0, 70, 1), (2, 0, 60, 1), (2, 1, 50, 1),
        ]),
        capacity: [1, 1])

    @Test func greedyStartOnAFixture() {
        #expect(GreedyStrategy(order: .scarcestMentee).startPairing(Self.fixture) == [1, 0, nil])
        #expect(GreedyStrategy().startPairing(Self.fixture) == [0, nil, 1])
    }

    /// The start the column-generation core used before it went through the strategy (its
    /// former private `greedyPairing`, kept here as the reference): pins first, then mentees with
    /// the fewest allowed mentors, each taking its best mentor with a place left.
    static func formerGreedyStart(_ problem: PairingProblem) -> [Int?] {
        let n = problem.menteeCount
        var (result, remaining) = problem.pinnedStart()
        var options = [Int](repeating: 0, count: n)
        for i in 0..<n where result[i] == nil {
            problem.table.forEachAllowed(mentee: i) { _, _, _ in options[i] += 1 }
        }
        let order = (0..<n).filter { result[$0] == nil && options[$0] > 0 }.sorted { (options[$0], $0) < (options[$1], $1) }
        for i in order {
            var best: (score: Double, mentor: Int)?
            problem.table.forEachAllowed(mentee: i) { j, score, _ in
                if remaining[j] >= 1 && score > (best?.score ?? -.infinity) { best = (score, j) }
            }
            if let best {
                result[i] = best.mentor
                remaining[best.mentor] -= 1
            }
        }
        return result
    }

    @Test func greedyStartIsTheFormerStart() {
        #expect(Self.formerGreedyStart(Self.fixture) == [1, 0, nil])
    }

    @Test("the strategy's start equals the former start on random unit-load problems", arguments: 0..<200)
    func sameStartOnRandomProblems(seed: UInt64) {
        let problem = randomProblem(seed: 7_000 + seed, unitLoads: true)
        #expect(GreedyStrategy(order: .scarcestMentee).startPairing(problem) == Self.formerGreedyStart(problem))
    }

    @Test func formulationIsChosenFromProblemAndSolver() throws {
        let unit = Self.fixture
        let loads = PairingProblem(
            table: PairTable(menteeCount: 2, mentorCount: 1, pairs: [(0, 0, 5, 2), (1, 0, 4, 1)]), capacity: [3])
        #expect(PairingFormulation.choose(for: unit, solver: GLPKSolver()) == .columnGeneration)
        #expect(PairingFormulation.choose(for: unit, solver: ExhaustiveSolver()) == .denseMIP)
        #expect(PairingFormulation.choose(for: loads, solver: GLPKSolver()) == .denseMIP)
        // Reported in the outcome. Two places, so at most two matched; of the pairings matching
        // two (0–0 + 2–1 = 140, 0–1 + 1–0 = 150, 0–1 + 2–0 = 140, 1–0 + 2–1 = 120) the best is 150.
        let outcome = try PairingSolver(solver: GLPKSolver()).solve(unit)
        #expect(outcome.formulation == .columnGeneration)
        #expect(outcome.matched == 2 && outcome.totalScore == 150)
        let dense = try PairingSolver(solver: GLPKSolver()).solve(loads)
        #expect(dense.formulation == .denseMIP)
    }
}
