// The goal-tracking records a workspace keeps: goals, milestones, check-ins, session logs and
// the program's objectives. Plain values: the store (KapstokStore) persists them, the CSV
// exchange (KapstokIO) reads and writes them, and the tracking logic (draft goals, agenda,
// progress report) computes on them. The domain never touches the database.

/// Where a goal is in its life: `draft → active → achieved` or `→ dropped` (from draft or active).
public enum GoalStatus: String, Sendable, Hashable, CaseIterable {
    case draft
    case active
    case achieved
    case dropped

    /// Whether a goal can move from this status to `next` (achieved and dropped are final; a
    /// draft can be dropped or activated, an active goal achieved or dropped).
    public func canMove(to next: GoalStatus) -> Bool {
        switch (self, next) {
        case (.draft, .active), (.draft, .dropped), (.active, .achieved), (.active, .dropped): true
        default: false
        }
    }

    /// Draft and active goals are still worked on; achieved and dropped are closed.
    public var isOpen: Bool { self == .draft || self == .active }
}

/// A mentee's development goal on one framework item, born from a gap that drove the match
/// (or added by hand).
public struct Goal: Sendable, Hashable {
    /// Stable and unique in a workspace, e.g. `G0001`; given by the store.
    public var id: String
    public var menteeID: String
    public var mentorID: String
    /// A framework item id (`leader.vision`, `domain.finance`).
    public var itemID: String
    /// The assessed level when the goal was set (``Limits/level``).
    public var baseline: Int
    /// The level the goal aims at (``Limits/level``, above ``baseline``).
    public var target: Int
    /// The day the goal's time starts (the round's match date); expected progress counts from here.
    public var start: CalendarDate
    /// The goal's deadline (by default the program's end).
    public var due: CalendarDate
    public var status: GoalStatus
    /// A short title, e.g. "Giving and receiving feedback: from 2 to 4".
    public var title: String
    /// Why the goal was chosen, in words (for draft goals: the gap, its weight and what the
    /// mentor brings).
    public var reason: String
    /// The round that made it (nil for a goal added by hand or imported).
    public var round: Int?

    public init(
        id: String, menteeID: String, mentorID: String, itemID: String, baseline: Int, target: Int,
        start: CalendarDate, due: CalendarDate, status: GoalStatus = .draft, title: String, reason: String,
        round: Int? = nil
    ) {
        self.id = id
        self.menteeID = menteeID
        self.mentorID = mentorID
        self.itemID = itemID
        self.baseline = baseline
        self.target = target
        self.start = start
        self.due = due
        self.status = status
        self.title = title
        self.reason = reason
        self.round = round
    }

    public var pair: PairID { PairID(menteeID: menteeID, mentorID: mentorID) }
}

/// One change to a goal, for its history: who changed what and when.
public struct GoalEvent: Sendable, Hashable {
    public var goalID: String
    /// UTC timestamp of the change, ISO 8601 (`2027-03-01T09:30:00Z`).
    public var at: String
    /// Who made the change (the `--by` option, or the user name of the process).
    public var actor: String
    /// The field that changed (`status`, `target`, `due`, `title`, …) or `created`.
    public var field: String
    public var oldValue: String
    public var newValue: String

    public init(goalID: String, at: String, actor: String, field: String, oldValue: String, newValue: String) {
        self.goalID = goalID
        self.at = at
        self.actor = actor
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }
}

/// A step towards a goal, with its own due date.
public struct Milestone: Sendable, Hashable {
    /// Stable and unique in a workspace, e.g. `M0001`; given by the store.
    public var id: String
    public var goalID: String
    public var title: String
    public var due: CalendarDate
    /// The day it was done, nil while open.
    public var doneOn: CalendarDate?

    public init(id: String, goalID: String, title: String, due: CalendarDate, doneOn: CalendarDate? = nil) {
        self.id = id
        self.goalID = goalID
        self.title = title
        self.due = due
        self.doneOn = doneOn
    }
}

/// Who assessed a level in a check-in.
public enum Assessor: String, Sendable, Hashable, CaseIterable {
    case selfAssessment = "self"
    case mentor
    case manager
    case hr
}

/// An assessed level (0–5) of a mentee's competency or domain, with evidence.
public struct CheckIn: Sendable, Hashable {
    public var menteeID: String
    /// A framework item id.
    public var itemID: String
    /// ``Limits/level``.
    public var level: Int
    public var date: CalendarDate
    public var assessor: Assessor
    /// What the level rests on, in words (may be empty).
    public var evidence: String

    public init(menteeID: String, itemID: String, level: Int, date: CalendarDate, assessor: Assessor, evidence: String = "") {
        self.menteeID = menteeID
        self.itemID = itemID
        self.level = level
        self.date = date
        self.assessor = assessor
        self.evidence = evidence
    }
}

/// A session of the schedule with what happened in it: the `sessions` exchange row.
public struct SessionLog: Sendable, Hashable {
    /// The planned session (id, pair, number, start, end, status, sequence), as `schedule` wrote it.
    public var session: Session
    /// The day it was held (set when the status is `held`).
    public var heldOn: CalendarDate?
    /// 1–5 (``Limits/rating``), nil when not given.
    public var menteeRating: Int?
    public var mentorRating: Int?
    /// Ids of the goals discussed (`|`-separated in CSV).
    public var goalsDiscussed: [String]
    /// Free text; lines starting with `- [ ]` or `TODO` are open points for the next agenda.
    public var notes: String

    public init(
        session: Session, heldOn: CalendarDate? = nil, menteeRating: Int? = nil, mentorRating: Int? = nil,
        goalsDiscussed: [String] = [], notes: String = ""
    ) {
        self.session = session
        self.heldOn = heldOn
        self.menteeRating = menteeRating
        self.mentorRating = mentorRating
        self.goalsDiscussed = goalsDiscussed
        self.notes = notes
    }
}

/// The thresholds of `[tracking]` in `kapstok.toml`.
public struct TrackingSettings: Sendable, Hashable {
    /// A goal whose shortfall (expected minus actual progress, in percentage points) is below
    /// this is on track (default 16.5).
    public var onTrackShortfall: Double = 16.5
    /// Above this it is at risk (default 33); in between, behind.
    public var atRiskShortfall: Double = 33
    /// An open goal not discussed in a held session for this many weeks is flagged (default 6).
    public var notDiscussedWeeks: Int = 6
    /// A pair with no session held for this many weeks is flagged (default 8).
    public var noSessionWeeks: Int = 8
    /// Draft goals a recorded round gives each pair: the mentee's largest weighted gaps that the
    /// mentor covers, at most this many (default 3, ``Limits/draftGoals``).
    public var draftGoals: Int = 3

    public init() {}
}

/// What an objective measures: one figure of the progress report.
public enum ObjectiveMetric: String, Sendable, Hashable, CaseIterable {
    /// Share of planned sessions that were held (0–1).
    case sessionsHeld = "sessions_held"
    /// Share of goals (not dropped) that are achieved (0–1).
    case goalsAchieved = "goals_achieved"
    /// Share of goals (open) on track (0–1).
    case goalsOnTrack = "goals_on_track"
    /// Share of the weighted gap closed (0–1), over all items or the objective's `scope`.
    case gapClosed = "gap_closed"
    /// Share of mentees (0–1) who closed at least `levels` levels on at least `items` items of
    /// the objective's `scope`.
    case menteesClosing = "mentees_closing"
    /// Average session rating (1–5), by mentees and mentors together.
    case averageRating = "average_rating"
}

/// One `[[objectives]]` table of `kapstok.toml`: a measurable statement over the report's figures.
public struct ProgramObjective: Sendable, Hashable {
    /// The statement in words, shown in reports ("80 % of planned sessions held").
    public var statement: String
    public var metric: ObjectiveMetric
    /// The value to reach: a share 0–1 for the share metrics, a rating 1–5 for `average_rating`.
    public var target: Double
    /// A role (`leader`), `domains`, or a framework item id; nil means every item.
    public var scope: String?
    /// For `mentees_closing`: levels closed per item (default 1) and items needed (default 1).
    public var levels: Int
    public var items: Int

    public init(statement: String, metric: ObjectiveMetric, target: Double, scope: String? = nil, levels: Int = 1, items: Int = 1) {
        self.statement = statement
        self.metric = metric
        self.target = target
        self.scope = scope
        self.levels = levels
        self.items = items
    }
}

/// Everything a progress report or an agenda reads, as the store loads it.
public struct TrackingSnapshot: Sendable {
    public var framework: Framework
    public var programStart: CalendarDate
    public var programEnd: CalendarDate
    /// The report's date ("as of"); expected progress and "not discussed for N weeks" count to it.
    public var today: CalendarDate
    public var mentees: [Mentee]
    public var mentors: [Mentor]
    /// The current pairs (of the last recorded round, plus pairs added since).
    public var pairs: [PairID]
    public var goals: [Goal]
    public var milestones: [Milestone]
    public var checkIns: [CheckIn]
    public var sessions: [SessionLog]
    public var settings: TrackingSettings
    public var objectives: [ProgramObjective]

    public init(
        framework: Framework, programStart: CalendarDate, programEnd: CalendarDate, today: CalendarDate,
        mentees: [Mentee], mentors: [Mentor], pairs: [PairID], goals: [Goal], milestones: [Milestone],
        checkIns: [CheckIn], sessions: [SessionLog], settings: TrackingSettings = TrackingSettings(),
        objectives: [ProgramObjective] = []
    ) {
        self.framework = framework
        self.programStart = programStart
        self.programEnd = programEnd
        self.today = today
        self.mentees = mentees
        self.mentors = mentors
        self.pairs = pairs
        self.goals = goals
        self.milestones = milestones
        self.checkIns = checkIns
        self.sessions = sessions
        self.settings = settings
        self.objectives = objectives
    }
}
