import Testing

@testable import Kapstok

@Suite("GreedyScheduler")
struct GreedySchedulerTests {
    /// 26 weeks from Monday 2027-02-01, 8 sessions 3 to 6 weeks apart, mentors 2 a week, mentees 1.
    static func benchmarkProgram(_ edit: (inout Configuration.Program) -> Void = { _ in }) -> ProgramCalendar {
        var program = Configuration.Program()
        program.name = "Greedy test"
        program.start = date("2027-02-01")
        program.end = date("2027-02-01").adding(days: 26 * 7 - 1)
        program.sessions = 8
        edit(&program)
        return ProgramCalendar(program)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6])
    func outputPassesTheCheckerOnGeneratedInputs(seed: UInt64) {
        let programs = [
            Self.benchmarkProgram(),
            Self.benchmarkProgram { $0.sessions = 6; $0.slotMinutes = 15; $0.sessionMinutes = 45; $0.minGapWeeks = 2; $0.maxGapWeeks = 3 },
            Self.benchmarkProgram { $0.sessionMinutes = 90; $0.mentorMaxPerWeek = 1; $0.workingHours = "08:30-12:30" },
        ]
        let program = programs[Int(seed) % programs.count]
        var input = ScheduleGenerator(pairs: 150, menteesPerMentor: 1 ... 4, seed: seed, program: program).makeInput()
        // Tiered: a few mentors are also mentees of other mentors; and a few mentees have a
        // second mentor, so that the mentees' weekly maximum binds.
        input.pairs += [SchedulePair(menteeID: "M00002", mentorID: "M00001"), SchedulePair(menteeID: "M00004", mentorID: "M00003")]
        input.pairs += (1 ... 20).map { SchedulePair(menteeID: input.pairs[$0].menteeID, mentorID: input.pairs[$0 + 60].mentorID) }
        // A clock change inside working hours (fictitious, so that it bites): Tuesday 2027-02-02
        // 10:00–11:00 does not exist.
        input.clock = GapClock(missing: at("2027-02-02", "10:00").minuteNumber ... at("2027-02-02", "10:59").minuteNumber)
        let sessions = GreedyScheduler.schedule(input)
        #expect(ScheduleChecker.violations(sessions, for: input) == [])
        #expect(sessions.count > input.pairs.count, "most pairs get more than one session")
        #expect(!sessions.contains { $0.start.date == date("2027-02-02") && (600 ..< 660).contains($0.start.time.minutes) })
    }

    @Test func sessionsGoToTheFirstFreeSlots() {
        let program = checkerProgram()
        let input = ScheduleInput(
            program: program,
            pairs: [SchedulePair(menteeID: "E1", mentorID: "M1"), SchedulePair(menteeID: "E2", mentorID: "M1"), SchedulePair(menteeID: "E3", mentorID: "M1")])
        let sessions = GreedyScheduler.schedule(input)
        let start = program.start
        let nine = program.workingHours.start.minutes
        func slot(_ mentee: String, _ number: Int) -> LocalDateTime? {
            sessions.first { $0.menteeID == mentee && $0.number == number }?.start
        }
        // E1 and E2 on the first day, back to back; E3 waits for the next week (M1 at 2 a week).
        #expect(slot("E1", 1) == LocalDateTime(date: start, time: ClockTime(minutes: nine)))
        #expect(slot("E2", 1) == LocalDateTime(date: start, time: ClockTime(minutes: nine + program.sessionMinutes)))
        #expect(slot("E3", 1) == LocalDateTime(date: start.adding(days: 7), time: ClockTime(minutes: nine)))
        #expect(slot("E1", 2) == LocalDateTime(date: start.adding(days: 7 * program.minGapWeeks), time: ClockTime(minutes: nine)))
        #expect(sessions.count == 3 * program.sessions)
        #expect(sessions.allSatisfy { $0.status == .planned && $0.sequence == 0 })
        #expect(sessions.allSatisfy { $0.id == SessionIdentity.id(program: program.name, menteeID: $0.menteeID, mentorID: $0.mentorID, number: $0.number) })
        #expect(ScheduleChecker.violations(sessions, for: input) == [])
    }

    @Test func aPairStopsWhenTheNextSessionFindsNoSlotInTheMaximumGap() {
        let program = checkerProgram()
        // E1 is away from the earliest date of session 2 to beyond the latest.
        let away = Absence(
            personID: "E1", from: program.start.adding(days: 7 * program.minGapWeeks),
            to: program.start.adding(days: 7 * program.maxGapWeeks + 3))
        let input = ScheduleInput(program: program, pairs: [SchedulePair(menteeID: "E1", mentorID: "M1")], absences: [away])
        let sessions = GreedyScheduler.schedule(input)
        #expect(sessions.map(\.number) == [1])
        #expect(ScheduleChecker.violations(sessions, for: input) == [])
    }

    @Test func pairsWithoutACommonHourGetNothing() {
        let morning = TimeWindow(start: ClockTime(hours: 8, minutes: 0), end: ClockTime(hours: 12, minutes: 0))
        let input = ScheduleInput(
            program: checkerProgram { $0.workingHours = "13:00-17:00" },
            pairs: [SchedulePair(menteeID: "E1", mentorID: "M1"), SchedulePair(menteeID: "E2", mentorID: "M1")],
            availability: [AvailabilityWindow(personID: "E1", weekday: .monday, window: morning)])
        let sessions = GreedyScheduler.schedule(input)
        #expect(!sessions.contains { $0.menteeID == "E1" })
        #expect(sessions.filter { $0.menteeID == "E2" }.count == 3)
    }

    @Test func aPairListedTwiceIsScheduledOnce() {
        let pair = SchedulePair(menteeID: "E1", mentorID: "M1")
        let input = ScheduleInput(program: checkerProgram(), pairs: [pair, pair])
        let sessions = GreedyScheduler.schedule(input)
        #expect(sessions.count == 3)
        #expect(ScheduleChecker.violations(sessions, for: input) == [])
    }

    @Test func isDeterministicAndFastOnTenThousandPairs() {
        let input = ScheduleGenerator(pairs: 10_000, seed: 11, program: Self.benchmarkProgram()).makeInput()
        let clock = ContinuousClock()
        var sessions: [Session] = []
        let elapsed = clock.measure { sessions = GreedyScheduler.schedule(input) }
        // Debug builds are several times slower than release; the bound leaves room for a loaded machine.
        #expect(elapsed < .seconds(30), "\(elapsed)")
        #expect(sessions.count > 10_000 * 4)
        #expect(GreedyScheduler.schedule(input) == sessions)
    }
}
