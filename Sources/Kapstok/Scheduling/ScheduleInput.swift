import Diagnostics

/// One row of `availability.csv`: a recurring weekly window in the program's time zone.
///
/// A person without rows is available in `[program] working_hours` on Monday to Friday.
/// Windows may be split (morning and afternoon rows) and may overlap; they are merged.
public struct AvailabilityWindow: Sendable, Hashable {
    public var personID: String
    public var weekday: Weekday
    public var window: TimeWindow
    /// Where the row is, for messages about it (`nil` when built in code).
    public var location: Diagnostic.Location?

    public init(personID: String, weekday: Weekday, window: TimeWindow, location: Diagnostic.Location? = nil) {
        self.personID = personID
        self.weekday = weekday
        self.window = window
        self.location = location
    }
}

/// One row of `absences.csv`: a person away from `from` to `to`, both inclusive (whole days).
public struct Absence: Sendable, Hashable {
    public var personID: String
    public var from: CalendarDate
    public var to: CalendarDate
    /// Free text (may be empty); never used in calendar files, which others receive.
    public var reason: String
    public var location: Diagnostic.Location?

    public init(personID: String, from: CalendarDate, to: CalendarDate, reason: String = "", location: Diagnostic.Location? = nil) {
        self.personID = personID
        self.from = from
        self.to = to
        self.reason = reason
        self.location = location
    }
}

/// A mentee and their mentor, from `pairings.csv` (only `mentee_id` and `mentor_id` are read)
/// or `--add-pairs`; names are kept for calendar texts when the file has them.
public struct SchedulePair: Sendable, Hashable {
    public var menteeID: String
    public var mentorID: String
    public var menteeName: String
    public var mentorName: String
    public var location: Diagnostic.Location?

    public init(
        menteeID: String, mentorID: String, menteeName: String = "", mentorName: String = "",
        location: Diagnostic.Location? = nil
    ) {
        self.menteeID = menteeID
        self.mentorID = mentorID
        self.menteeName = menteeName
        self.mentorName = mentorName
        self.location = location
    }

    /// `mentee_id` and `mentor_id`, the pair's identity.
    public var key: PairID { PairID(menteeID: menteeID, mentorID: mentorID) }
}

/// The identity of a pair.
public struct PairID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var menteeID: String
    public var mentorID: String

    public init(menteeID: String, mentorID: String) {
        self.menteeID = menteeID
        self.mentorID = mentorID
    }

    public static func < (lhs: PairID, rhs: PairID) -> Bool { (lhs.menteeID, lhs.mentorID) < (rhs.menteeID, rhs.mentorID) }

    public var description: String { "'\(menteeID)' and '\(mentorID)'" }
}

/// The state of one session in `sessions.csv`.
public enum SessionStatus: String, Sendable, Hashable, CaseIterable {
    case planned
    case held
    case cancelled
    case noShow = "no_show"
}

/// One session of a pair: a row of `sessions.csv`.
public struct Session: Sendable, Hashable {
    /// Stable and unique: derived from the program, the pair and ``number`` (see ``SessionIdentity``).
    public var id: String
    public var menteeID: String
    public var mentorID: String
    /// 1…`sessions`: the session's place in the pair's series.
    public var number: Int
    public var start: LocalDateTime
    public var end: LocalDateTime
    public var status: SessionStatus
    /// The calendar `SEQUENCE`: 0 when first planned, raised by one each time the session moves
    /// or is cancelled (the optional last column of `sessions.csv`; absent means 0).
    public var sequence: Int
    public var location: Diagnostic.Location?

    public init(
        id: String, menteeID: String, mentorID: String, number: Int, start: LocalDateTime, end: LocalDateTime,
        status: SessionStatus = .planned, sequence: Int = 0, location: Diagnostic.Location? = nil
    ) {
        self.sequence = sequence
        self.id = id
        self.menteeID = menteeID
        self.mentorID = mentorID
        self.number = number
        self.start = start
        self.end = end
        self.status = status
        self.location = location
    }

    public var pair: PairID { PairID(menteeID: menteeID, mentorID: mentorID) }
}

/// Which wall-clock times exist in the program's time zone, and their UTC offsets.
///
/// The domain has no time-zone database; KapstokIO implements this with Foundation's
/// `TimeZone`. On the night clocks go forward some local times do not exist (02:00–03:00 in
/// Brussels on the last Sunday of March): no session may start or end in such a gap.
public protocol WallClock: Sendable {
    /// The offset from UTC in seconds at a local time; for a time that occurs twice (clocks going
    /// back), the first (daylight) one.
    func utcOffsetSeconds(at local: LocalDateTime) -> Int
    /// Whether the local time exists (is not skipped by a clock change).
    func exists(_ local: LocalDateTime) -> Bool
}

/// A wall clock without clock changes, at a fixed offset (UTC when 0): for tests and for
/// callers without a time zone.
public struct FixedOffsetClock: WallClock {
    public var offsetSeconds: Int
    public init(offsetSeconds: Int = 0) { self.offsetSeconds = offsetSeconds }
    public func utcOffsetSeconds(at local: LocalDateTime) -> Int { offsetSeconds }
    public func exists(_ local: LocalDateTime) -> Bool { true }
}

/// The program's rules of `[program]`, parsed for scheduling.
public struct ProgramCalendar: Sendable, Hashable {
    /// Also part of every session's id and calendar UID: change it and every invitation is new.
    public var name: String
    public var start: CalendarDate
    public var end: CalendarDate
    public var sessions: Int
    public var minGapWeeks: Int
    public var maxGapWeeks: Int
    public var sessionMinutes: Int
    public var slotMinutes: Int
    public var mentorMaxPerWeek: Int
    public var menteeMaxPerWeek: Int
    /// For people without availability rows, Monday to Friday.
    public var workingHours: TimeWindow
    /// A soft preference: sessions that start and end inside it are preferred.
    public var preferredHours: TimeWindow?
    /// Sessions starting less than this many hours after the start of `--today` never move.
    public var freezeHours: Int
    /// IANA name, e.g. `Europe/Brussels`.
    public var timezone: String
    /// The coordinator's e-mail address: `ORGANIZER` of calendar requests.
    public var organizer: String?

    public init(_ program: Configuration.Program) {
        name = program.name
        start = program.start
        end = program.end
        sessions = program.sessions
        minGapWeeks = program.minGapWeeks
        maxGapWeeks = program.maxGapWeeks
        sessionMinutes = program.sessionMinutes
        slotMinutes = program.slotMinutes
        mentorMaxPerWeek = program.mentorMaxPerWeek
        menteeMaxPerWeek = program.menteeMaxPerWeek
        workingHours = TimeWindow(program.workingHours) ?? TimeWindow(start: ClockTime(hours: 9, minutes: 0), end: ClockTime(hours: 17, minutes: 0))
        preferredHours = program.preferredHours.flatMap(TimeWindow.init)
        freezeHours = program.freezeHours
        timezone = program.timezone
        organizer = program.organizer
    }
}

/// Everything `schedule` needs.
public struct ScheduleInput: Sendable {
    public var program: ProgramCalendar
    public var pairs: [SchedulePair]
    public var availability: [AvailabilityWindow]
    public var absences: [Absence]
    public var clock: any WallClock

    public init(
        program: ProgramCalendar, pairs: [SchedulePair], availability: [AvailabilityWindow] = [],
        absences: [Absence] = [], clock: any WallClock = FixedOffsetClock()
    ) {
        self.program = program
        self.pairs = pairs
        self.availability = availability
        self.absences = absences
        self.clock = clock
    }
}

/// What changed for `replan`, beside the inputs as they stand now.
public struct ReplanRequest: Sendable {
    /// The current `sessions.csv`.
    public var sessions: [Session]
    /// The date of the re-plan: nothing before it moves.
    public var today: CalendarDate
    /// People leaving the program: their sessions after today are cancelled.
    public var leaving: [String]
    /// New pairs (`--add-pairs`), scheduled from today.
    public var addedPairs: [SchedulePair]
    /// `--session ID --not-before DATE`: one session a pair asks to move.
    public var moveRequests: [MoveRequest]

    public init(
        sessions: [Session], today: CalendarDate, leaving: [String] = [], addedPairs: [SchedulePair] = [],
        moveRequests: [MoveRequest] = []
    ) {
        self.sessions = sessions
        self.today = today
        self.leaving = leaving
        self.addedPairs = addedPairs
        self.moveRequests = moveRequests
    }

    public struct MoveRequest: Sendable, Hashable {
        public var sessionID: String
        public var notBefore: CalendarDate
        public init(sessionID: String, notBefore: CalendarDate) {
            self.sessionID = sessionID
            self.notBefore = notBefore
        }
    }
}
