import Testing
@testable import Kapstok

@Suite("Program simulation")
struct ProgramSimulationTests {
    static let start = CalendarDate(year: 2027, month: 2, day: 1)
    static let end = CalendarDate(year: 2027, month: 7, day: 30)

    /// Three pairs, two goals each, a session every three weeks from 2027-02-08.
    static func fixture() -> (goals: [Goal], sessions: [Session]) {
        var goals: [Goal] = []
        var sessions: [Session] = []
        for (p, mentee) in ["E1", "E2", "E3"].enumerated() {
            let mentor = "M\(p + 1)"
            for (g, item) in ["leader.vision", "coach.feedback"].enumerated() {
                goals.append(
                    Goal(
                        id: "G\(p * 2 + g + 1)", menteeID: mentee, mentorID: mentor, itemID: item, baseline: 1, target: 3,
                        start: start, due: end, title: "\(item): 1 → 3", reason: "test"))
            }
            for n in 1...8 {
                let day = CalendarDate(year: 2027, month: 2, day: 8).adding(days: 21 * (n - 1))
                sessions.append(
                    Session(
                        id: "S\(p)\(n)", menteeID: mentee, mentorID: mentor, number: n,
                        start: LocalDateTime(date: day, time: ClockTime(hours: 10, minutes: 0)),
                        end: LocalDateTime(date: day, time: ClockTime(hours: 11, minutes: 0))))
            }
        }
        return (goals, sessions)
    }

    @Test("the same seed gives the same program; only sessions before the date are logged")
    func deterministicAndBounded() {
        let (goals, sessions) = Self.fixture()
        let today = CalendarDate(year: 2027, month: 5, day: 1)
        let a = ProgramSimulation(seed: 7).run(goals: goals, sessions: sessions, today: today)
        let b = ProgramSimulation(seed: 7).run(goals: goals, sessions: sessions, today: today)
        #expect(a.sessions == b.sessions)
        #expect(a.checkIns == b.checkIns)
        // Sessions on 02-08 + 21k days before 05-01: 02-08, 03-01, 03-22, 04-12 → 4 per pair.
        #expect(a.sessions.count == 12)
        #expect(a.sessions.allSatisfy { $0.session.start.date < today && $0.session.status != .planned })
        #expect(a.activated.count == 6)
    }

    @Test("held sessions carry ratings and goals of their own pair; levels stay within baseline and target")
    func consistentRecords() {
        let (goals, sessions) = Self.fixture()
        let outcome = ProgramSimulation(seed: 3).run(goals: goals, sessions: sessions, today: Self.end)
        let byID = Dictionary(uniqueKeysWithValues: goals.map { ($0.id, $0) })
        for log in outcome.sessions {
            if log.session.status == .held {
                #expect(log.heldOn == log.session.start.date)
                #expect((3...5).contains(log.menteeRating ?? 0) && (3...5).contains(log.mentorRating ?? 0))
                // Once every goal of the pair is achieved there is nothing left to discuss.
                #expect(log.goalsDiscussed.allSatisfy { byID[$0]?.pair == log.session.pair })
            } else {
                #expect(log.heldOn == nil && log.menteeRating == nil && log.goalsDiscussed.isEmpty)
            }
        }
        #expect(outcome.checkIns.allSatisfy { (1...3).contains($0.level) })
        for (id, day) in outcome.achieved {
            let goal = byID[id]!
            #expect(outcome.checkIns.contains { $0.menteeID == goal.menteeID && $0.itemID == goal.itemID && $0.level == goal.target && $0.date == day })
        }
        // The statuses are a mix over a whole program (85 % held on average), and held sessions
        // discuss goals while some are open.
        #expect(outcome.sessions.contains { $0.session.status == .held && !$0.goalsDiscussed.isEmpty })
    }
}
