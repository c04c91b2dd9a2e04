/// The outcome of `schedule` or `replan`.
public struct ScheduleResult: Sendable {
    /// Every session, in order of start, then mentee, mentor and number; cancelled and past
    /// sessions of a re-plan included.
    public var sessions: [Session]
    /// Pairs with fewer sessions than the program asks, with the binding reason.
    public var unscheduled: [UnscheduledPair]
    /// One report per connected group of pairs (pairs that share a person), in order of their
    /// first pair.
    public var groups: [ScheduleGroupReport]
    /// The pairs scheduled (left people's pairs included).
    public var pairCount: Int
    /// Pairs with all their sessions.
    public var completePairs: Int
    /// Sessions placed (planned or held; cancelled and no-show not counted).
    public var sessionsPlaced: Int
    /// Sessions asked for but not placed.
    public var sessionsMissing: Int
    /// Wall-clock seconds of the whole computation.
    public var solveSeconds: Double

    public init(
        sessions: [Session], unscheduled: [UnscheduledPair], groups: [ScheduleGroupReport], pairCount: Int,
        completePairs: Int, sessionsPlaced: Int, sessionsMissing: Int, solveSeconds: Double
    ) {
        self.sessions = sessions
        self.unscheduled = unscheduled
        self.groups = groups
        self.pairCount = pairCount
        self.completePairs = completePairs
        self.sessionsPlaced = sessionsPlaced
        self.sessionsMissing = sessionsMissing
        self.solveSeconds = solveSeconds
    }

    /// `optimal` when every group is proven optimal, `time_limit` when some group stopped at the
    /// time limit with a feasible plan, `infeasible` never (an empty plan is always feasible).
    public var status: ScheduleGroupReport.Status {
        groups.contains { $0.status == .timeLimit } ? .timeLimit : .optimal
    }
}

/// A pair that did not get all its sessions.
public struct UnscheduledPair: Sendable, Hashable {
    public var menteeID: String
    public var mentorID: String
    /// Sessions asked for but not placed.
    public var missing: Int
    /// The binding reason, in words: "'E12' and 'M03' share no available hour on any weekday".
    public var reason: String

    public init(menteeID: String, mentorID: String, missing: Int, reason: String) {
        self.menteeID = menteeID
        self.mentorID = mentorID
        self.missing = missing
        self.reason = reason
    }
}

/// How one connected group was solved.
public struct ScheduleGroupReport: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// GLPK proved the plan optimal for the group's lexicographic objective.
        case optimal
        /// Stopped at the time limit: the best plan found, with its bound.
        case timeLimit = "time_limit"
        /// Not re-solved by `replan`: nothing in the group changed, so its plan stands.
        case unchanged
    }

    /// 1-based, in order of the group's first pair.
    public var number: Int
    /// The people of the group, sorted.
    public var people: [String]
    public var pairs: Int
    public var status: Status
    public var completePairs: Int
    public var sessions: Int
    /// The most complete pairs any plan could have (proven bound; equal to ``completePairs`` when optimal).
    public var completePairsBound: Int
    /// The most sessions any plan with ``completePairsBound`` complete pairs could have.
    public var sessionsBound: Int
    public var seconds: Double

    public init(
        number: Int, people: [String], pairs: Int, status: Status, completePairs: Int, sessions: Int,
        completePairsBound: Int, sessionsBound: Int, seconds: Double
    ) {
        self.number = number
        self.people = people
        self.pairs = pairs
        self.status = status
        self.completePairs = completePairs
        self.sessions = sessions
        self.completePairsBound = completePairsBound
        self.sessionsBound = sessionsBound
        self.seconds = seconds
    }
}

/// One line of `changes.csv`.
public struct SessionChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case moved
        case cancelled
        case added
    }

    public var sessionID: String
    public var menteeID: String
    public var mentorID: String
    public var number: Int
    public var kind: Kind
    /// `nil` for an added session.
    public var oldStart: LocalDateTime?
    /// `nil` for a cancelled session.
    public var newStart: LocalDateTime?
    /// In words: "'M07' is absent 2027-03-08 to 2027-04-04".
    public var why: String

    public init(
        sessionID: String, menteeID: String, mentorID: String, number: Int, kind: Kind, oldStart: LocalDateTime?,
        newStart: LocalDateTime?, why: String
    ) {
        self.sessionID = sessionID
        self.menteeID = menteeID
        self.mentorID = mentorID
        self.number = number
        self.kind = kind
        self.oldStart = oldStart
        self.newStart = newStart
        self.why = why
    }
}

/// The outcome of `replan`: the new schedule and what changed.
public struct ReplanResult: Sendable {
    public var schedule: ScheduleResult
    /// In order of old start (added sessions last, by new start).
    public var changes: [SessionChange]

    public init(schedule: ScheduleResult, changes: [SessionChange]) {
        self.schedule = schedule
        self.changes = changes
    }
}

/// Stable session ids: derived from the program name, the pair and the session number, so the
/// same input gives the same ids and a calendar UID never changes when a session moves.
public enum SessionIdentity {
    /// `S` and 12 hexadecimal digits of a 64-bit FNV-1a hash of the program name, mentee id,
    /// mentor id and number (separated by a byte no text contains).
    public static func id(program: String, menteeID: String, mentorID: String, number: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash ^= 0xff
            hash = hash &* 0x0000_0100_0000_01b3
        }
        mix(program)
        mix(menteeID)
        mix(mentorID)
        mix(String(number))
        let hex = String(hash >> 16, radix: 16)
        return "S" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// The calendar UID of a session: `<id>@kapstok`.
    public static func uid(sessionID: String) -> String { "\(sessionID)@kapstok" }
}
