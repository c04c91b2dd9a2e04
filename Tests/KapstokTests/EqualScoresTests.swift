import GLPKSolver
import Kapstok
import Testing

/// Many equal scores and large capacities: the warm start's shortest-path searches take a free
/// column first among equal distances, and stay within a work budget (2 mentors × 1,000 places and
/// 2,000 identical mentees took 614 s, ten times the time limit, before).
@Suite struct EqualScoresTests {
    @Test func identicalMenteesAndLargeCapacitiesSolveQuickly() throws {
        let framework = Framework.builtIn
        let mentors = (0..<2).map { j in
            Mentor(
                id: "M\(j)", name: "Mentor \(j)", capacity: 1000,
                competencyLevels: Array(repeating: 5, count: framework.competencies.count),
                domainExpertise: Array(repeating: 5, count: framework.domains.count))
        }
        let mentees = (0..<2000).map { i in
            Mentee(
                id: "E\(i)", name: "Mentee \(i)",
                currentLevels: Array(repeating: 1, count: framework.competencies.count),
                targetLevels: Array(repeating: 4, count: framework.competencies.count),
                domainInterest: Array(repeating: 3, count: framework.domains.count))
        }
        let prepared = try PreparedRound(round: Round(mentors: mentors, mentees: mentees))
        let clock = ContinuousClock()
        let started = clock.now
        let outcome = try PairingSolver(solver: GLPKSolver()).solve(prepared.problem, options: PairingOptions(timeLimit: 60))
        let elapsed = clock.now - started
        #expect(outcome.status == .optimal)
        #expect(outcome.matched == 2000)
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }
}
