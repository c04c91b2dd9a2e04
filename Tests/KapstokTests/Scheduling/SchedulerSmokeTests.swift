import GLPKSolver
import Kapstok
import LinearModel
import Testing

@Suite struct SchedulerSmokeTests {
    static func program(sessions: Int = 8, weeks: Int = 26) -> ProgramCalendar {
        var program = Configuration.Program()
        program.start = CalendarDate(year: 2027, month: 2, day: 1)
        program.end = program.start.adding(days: 7 * weeks - 1)
        program.sessions = sessions
        program.minGapWeeks = 2
        program.maxGapWeeks = 6
        return ProgramCalendar(program)
    }

    @Test func oneMentorThreeMentees() throws {
        let pairs = (1...3).map { SchedulePair(menteeID: "E\($0)", mentorID: "M1") }
        let input = ScheduleInput(program: Self.program(), pairs: pairs)
        let clock = ContinuousClock()
        var result: ScheduleResult?
        let elapsed = try clock.measure { result = try Scheduler.schedule(input, solver: GLPKSolver(), timeLimit: 30) }
        let r = try #require(result)
        print("elapsed", elapsed, "complete", r.completePairs, "sessions", r.sessionsPlaced, r.groups.map(\.status))
        #expect(r.completePairs == 3)
        #expect(r.sessionsPlaced == 24)
        for s in r.sessions.prefix(30) { print(s.id, s.menteeID, s.number, s.start, s.end) }
    }
}

@Suite struct ReplanSmokeTests {
    @Test func noChangeMovesNothingAndAbsenceMovesOnlyItsGroup() throws {
        let pairs = (1...3).map { SchedulePair(menteeID: "E\($0)", mentorID: "M1") } + [SchedulePair(menteeID: "E9", mentorID: "M2")]
        let input = ScheduleInput(program: SchedulerSmokeTests.program(), pairs: pairs)
        let first = try Scheduler.schedule(input, solver: GLPKSolver(), timeLimit: 30)
        let today = CalendarDate(year: 2027, month: 3, day: 8)
        let same = try Scheduler.replan(input, request: ReplanRequest(sessions: first.sessions, today: today), solver: GLPKSolver(), timeLimit: 30)
        #expect(same.changes.isEmpty)
        #expect(same.schedule.sessions == first.sessions)
        var absent = input
        absent.absences = [Absence(personID: "M1", from: today, to: today.adding(days: 27))]
        let moved = try Scheduler.replan(absent, request: ReplanRequest(sessions: first.sessions, today: today), solver: GLPKSolver(), timeLimit: 30)
        for c in moved.changes { print(c.sessionID, c.menteeID, c.number, c.kind, c.oldStart.map { "\($0)" } ?? "-", c.newStart.map { "\($0)" } ?? "-", c.why) }
        #expect(!moved.changes.isEmpty)
        #expect(moved.changes.allSatisfy { $0.mentorID == "M1" })
        print(moved.schedule.completePairs, moved.schedule.sessionsPlaced, moved.schedule.groups.map(\.status), moved.schedule.unscheduled)
    }
}
