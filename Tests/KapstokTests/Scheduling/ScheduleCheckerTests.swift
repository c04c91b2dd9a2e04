import Testing

@testable import Kapstok

/// A program for hand-made schedules: from Monday 2027-02-01 to 2027-07-30, 3 sessions of 60
/// minutes on a 30-minute grid, 3 to 6 weeks apart, mentors at most 2 a week, mentees 1.
func checkerProgram(_ edit: (inout Configuration.Program) -> Void = { _ in }) -> ProgramCalendar {
    var program = Configuration.Program()
    program.name = "Checker test"
    program.sessions = 3
    edit(&program)
    return ProgramCalendar(program)
}

/// A wall clock on which the given local minutes do not exist.
struct GapClock: WallClock {
    var missing: ClosedRange<Int>
    func utcOffsetSeconds(at local: LocalDateTime) -> Int { 3600 }
    func exists(_ local: LocalDateTime) -> Bool { !missing.contains(local.minuteNumber) }
}

func date(_ text: String) -> CalendarDate {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
}

func at(_ day: String, _ time: String) -> LocalDateTime {
    LocalDateTime(date: date(day), time: ClockTime(time) ?? ClockTime(minutes: -1))
}

@Suite("ScheduleChecker")
struct ScheduleCheckerTests {
    /// E1 and E2 share the mentor M1. E2 has windows on Tuesday (two overlapping rows,
    /// 09:00–13:00 together) and Thursday afternoon; the others have working hours. M1 is away
    /// 2027-03-15 to 2027-03-19.
    static func input(program: ProgramCalendar = checkerProgram(), extraPairs: [SchedulePair] = [], clock: any WallClock = FixedOffsetClock()) -> ScheduleInput {
        let window = { (text: String) in TimeWindow(text) ?? TimeWindow(start: ClockTime(minutes: 0), end: ClockTime(minutes: 1)) }
        return ScheduleInput(
            program: program,
            pairs: [SchedulePair(menteeID: "E1", mentorID: "M1"), SchedulePair(menteeID: "E2", mentorID: "M1")] + extraPairs,
            availability: [
                AvailabilityWindow(personID: "E2", weekday: .tuesday, window: window("09:00-12:00")),
                AvailabilityWindow(personID: "E2", weekday: .tuesday, window: window("11:00-13:00")),
                AvailabilityWindow(personID: "E2", weekday: .thursday, window: window("14:00-16:00")),
            ],
            absences: [Absence(personID: "M1", from: date("2027-03-15"), to: date("2027-03-19"), reason: "holiday")],
            clock: clock)
    }

    static func session(_ mentee: String, _ mentor: String, _ number: Int, _ day: String, _ start: String, _ end: String) -> Session {
        Session(
            id: SessionIdentity.id(program: "Checker test", menteeID: mentee, mentorID: mentor, number: number),
            menteeID: mentee, mentorID: mentor, number: number, start: at(day, start), end: at(day, end))
    }

    /// A schedule that keeps every rule: E2's first session spans both overlapping Tuesday rows,
    /// E1's third waits for M1 to be back, and M1 has two sessions in the week of 2027-03-22.
    static let correct: [Session] = [
        session("E1", "M1", 1, "2027-02-01", "10:00", "11:00"),
        session("E1", "M1", 2, "2027-02-22", "10:00", "11:00"),
        session("E1", "M1", 3, "2027-03-22", "10:00", "11:00"),
        session("E2", "M1", 1, "2027-02-02", "12:00", "13:00"),
        session("E2", "M1", 2, "2027-02-25", "14:00", "15:00"),
        session("E2", "M1", 3, "2027-03-23", "09:00", "10:00"),
    ]

    /// `correct` with the session of `mentee` and `number` replaced.
    static func replacing(_ mentee: String, _ number: Int, with change: (inout Session) -> Void) -> [Session] {
        correct.map { session in
            var copy = session
            if session.menteeID == mentee && session.number == number { change(&copy) }
            return copy
        }
    }

    @Test func aCorrectScheduleHasNoViolation() {
        #expect(ScheduleChecker.violations(Self.correct, for: Self.input()) == [])
        #expect(ScheduleChecker.violations([], for: Self.input()) == [])
    }

    struct Case: CustomTestStringConvertible {
        var name: String
        var input: ScheduleInput
        var sessions: [Session]
        /// Every violation must contain this text.
        var expected: String
        var count: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "before the program", input: input(),
            sessions: replacing("E1", 1) { $0.start = at("2027-01-29", "10:00"); $0.end = at("2027-01-29", "11:00") },
            expected: "outside the program", count: 1),
        Case(
            name: "too long", input: input(), sessions: replacing("E1", 1) { $0.end = at("2027-02-01", "11:30") },
            expected: "lasts 90 minutes", count: 1),
        Case(
            name: "off the grid", input: input(),
            sessions: replacing("E1", 1) { $0.start = at("2027-02-01", "10:15"); $0.end = at("2027-02-01", "11:15") },
            expected: "off the 30-minute grid", count: 1),
        Case(
            name: "over midnight", input: input(program: checkerProgram { $0.workingHours = "00:00-24:00" }),
            sessions: replacing("E1", 1) { $0.start = at("2027-02-01", "23:30"); $0.end = at("2027-02-02", "00:30") },
            expected: "ends on 2027-02-02", count: 1),
        Case(
            name: "outside own windows", input: input(),
            sessions: replacing("E2", 1) { $0.start = at("2027-02-02", "12:30"); $0.end = at("2027-02-02", "13:30") },
            expected: "E2 is not available at 2027-02-02T13:00:00", count: 1),
        Case(
            name: "outside working days", input: input(),
            sessions: replacing("E1", 3) { $0.start = at("2027-03-20", "10:00"); $0.end = at("2027-03-20", "11:00") },
            expected: "is not available at 2027-03-20T10:00:00", count: 2),
        Case(
            name: "absent", input: input(),
            sessions: replacing("E1", 3) { $0.start = at("2027-03-17", "10:00"); $0.end = at("2027-03-17", "11:00") },
            expected: "M1 is absent 2027-03-15 to 2027-03-19", count: 1),
        Case(
            name: "non-existent local time",
            input: input(clock: GapClock(missing: at("2027-02-01", "09:30").minuteNumber ... at("2027-02-01", "10:29").minuteNumber)),
            sessions: correct, expected: "local time 2027-02-01T10:00:00 does not exist", count: 1),
        Case(
            name: "double-booked mentor", input: input(),
            sessions: replacing("E1", 2) { $0.start = at("2027-02-25", "14:30"); $0.end = at("2027-02-25", "15:30") },
            expected: "M1 is double-booked", count: 1),
        Case(
            name: "mentor over the weekly maximum", input: input(program: checkerProgram { $0.mentorMaxPerWeek = 1 }),
            sessions: correct, expected: "M1 has 2 sessions as mentor in the week of 2027-0", count: 3),
        Case(
            name: "mentee over the weekly maximum", input: input(extraPairs: [SchedulePair(menteeID: "E1", mentorID: "M2")]),
            sessions: correct + [session("E1", "M2", 1, "2027-02-03", "10:00", "11:00")],
            expected: "E1 has 2 sessions as mentee in the week of 2027-02-01, more than 1", count: 1),
        Case(
            name: "gap too short", input: input(),
            sessions: replacing("E1", 2) { $0.start = at("2027-02-19", "10:00"); $0.end = at("2027-02-19", "11:00") },
            expected: "sessions #1 and #2 are 18 days apart, not 21–42", count: 1),
        Case(
            name: "gap too long", input: input(),
            sessions: replacing("E1", 3) { $0.start = at("2027-04-12", "10:00"); $0.end = at("2027-04-12", "11:00") },
            expected: "sessions #2 and #3 are 49 days apart", count: 1),
        Case(
            name: "a cancelled session leaves a gap", input: input(),
            sessions: replacing("E1", 2) { $0.status = .cancelled },
            expected: "sessions #1 and #3 are 49 days apart", count: 1),
        Case(
            name: "numbers with a hole", input: input(), sessions: replacing("E1", 3) { $0.number = 4 },
            expected: "numbers [1, 2, 4] are not 1…3", count: 1),
        Case(
            name: "more sessions than the program", input: input(program: checkerProgram { $0.sessions = 2 }),
            sessions: correct, expected: "3 sessions, more than 2", count: 2),
        Case(
            name: "an id twice", input: input(),
            sessions: replacing("E1", 2) { $0.id = correct[0].id },
            expected: "is used 2 times", count: 1),
        Case(
            name: "a pair not in the input", input: input(),
            sessions: correct + [session("E9", "M1", 1, "2027-02-10", "10:00", "11:00")],
            expected: "pair is not in the input", count: 1),
    ]

    @Test(arguments: cases)
    func eachBrokenRuleIsReported(_ broken: Case) {
        let found = ScheduleChecker.violations(broken.sessions, for: broken.input)
        #expect(found.count == broken.count, "\(found)")
        #expect(found.allSatisfy { $0.contains(broken.expected) }, "\(found)")
    }

    @Test func touchingSessionsAreNotDoubleBooked() {
        let touching = Self.replacing("E1", 2) { $0.start = at("2027-02-25", "15:00"); $0.end = at("2027-02-25", "16:00") }
        #expect(ScheduleChecker.violations(touching, for: Self.input()) == [])
    }

    @Test func cancelledSessionsNeitherBookNorCount() {
        // A cancelled fourth session in M1's absence, outside E2's windows, breaks nothing.
        var sessions = Self.correct
        var ghost = Self.session("E2", "M1", 4, "2027-03-17", "10:00", "11:00")
        ghost.status = .cancelled
        sessions.append(ghost)
        #expect(ScheduleChecker.violations(sessions, for: Self.input(program: checkerProgram { $0.sessions = 4 })) == [])
    }

    @Test func aPersonInBothRolesIsLimitedPerRole() {
        // M1 is mentor twice and mentee once in the week of 2027-02-22: 2 ≤ 2 as mentor and
        // 1 ≤ 1 as mentee, although 3 in all.
        let input = Self.input(extraPairs: [SchedulePair(menteeID: "M1", mentorID: "M0")])
        let sessions = Self.correct + [Self.session("M1", "M0", 1, "2027-02-24", "10:00", "11:00")]
        #expect(ScheduleChecker.violations(sessions, for: input) == [])
        let twice = sessions + [Self.session("M1", "M0", 2, "2027-02-26", "10:00", "11:00")]
        let found = ScheduleChecker.violations(twice, for: input)
        #expect(found.contains("M1 has 2 sessions as mentee in the week of 2027-02-22, more than 1"), "\(found)")
        #expect(!found.contains { $0.contains("as mentor") }, "\(found)")
    }
}
