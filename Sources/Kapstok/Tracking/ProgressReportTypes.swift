// The progress report's figures: computed by `ProgressReport.make(from:)` (Tracking), rendered
// as Markdown, CSV, JSON and HTML by KapstokIO. Every figure is computed from the snapshot.

/// How an open goal is doing against its trajectory (expected progress = elapsed share of the
/// goal's time, from `start` to `due`).
public enum GoalTrack: String, Sendable, Hashable, CaseIterable {
    /// Shortfall below `[tracking] on_track_shortfall` points.
    case onTrack = "on_track"
    /// Shortfall from `on_track_shortfall` to `at_risk_shortfall` points.
    case behind
    /// Shortfall above `at_risk_shortfall` points, or overdue and not achieved.
    case atRisk = "at_risk"
    /// Closed goals: not judged.
    case achieved
    case dropped
}

/// How much of a gap is closed over some items (a role, the domains, one domain, one item, all).
/// Levels are weighted by the framework item's weight; an item counts once per goal.
public struct GapFigures: Sendable, Hashable {
    /// Σ weight × (target − baseline) over the goals in scope.
    public var gap: Double
    /// Σ weight × clamp(current − baseline, 0, target − baseline).
    public var closed: Double
    /// Number of goals in scope.
    public var goals: Int

    public init(gap: Double = 0, closed: Double = 0, goals: Int = 0) {
        self.gap = gap
        self.closed = closed
        self.goals = goals
    }

    /// closed / gap, nil when there is no gap.
    public var share: Double? { gap > 0 ? closed / gap : nil }
}

/// A gap figure labelled with its area: a role (`leader`), a domain item id, or `all`.
public struct AreaGap: Sendable, Hashable {
    /// `leader`, `manager`, `coach` (the framework's roles), a domain item id, or `all`.
    public var area: String
    /// Human-readable: "Leader", "Finance", "All".
    public var label: String
    public var figures: GapFigures

    public init(area: String, label: String, figures: GapFigures) {
        self.area = area
        self.label = label
        self.figures = figures
    }
}

/// One goal in the report.
public struct GoalProgress: Sendable, Hashable {
    public var goal: Goal
    /// The latest assessed level of the goal's item for the mentee (check-ins on or before the
    /// report date), or the baseline when none.
    public var currentLevel: Int
    /// Share of (target − baseline) closed, 0–1.
    public var progress: Double
    /// Elapsed share of the goal's time, 0–1.
    public var expected: Double
    /// (expected − progress) × 100, in percentage points (negative when ahead).
    public var shortfallPoints: Double
    public var track: GoalTrack
    /// Open and past its due date.
    public var overdue: Bool
    /// The last held session that discussed it, nil when none.
    public var lastDiscussed: CalendarDate?
    /// Open and not discussed for `[tracking] not_discussed_weeks` weeks (counted from the goal's
    /// start when never discussed).
    public var notDiscussed: Bool

    public init(
        goal: Goal, currentLevel: Int, progress: Double, expected: Double, shortfallPoints: Double, track: GoalTrack,
        overdue: Bool, lastDiscussed: CalendarDate?, notDiscussed: Bool
    ) {
        self.goal = goal
        self.currentLevel = currentLevel
        self.progress = progress
        self.expected = expected
        self.shortfallPoints = shortfallPoints
        self.track = track
        self.overdue = overdue
        self.lastDiscussed = lastDiscussed
        self.notDiscussed = notDiscussed
    }
}

/// Session counts: of a pair, or of the whole program.
public struct SessionFigures: Sendable, Hashable {
    /// Every session of the schedule (any status).
    public var planned: Int = 0
    /// Sessions whose planned start is on or before the report date, and sessions held by then
    /// (ahead of their planned day).
    public var dueByNow: Int = 0
    public var held: Int = 0
    public var cancelled: Int = 0
    public var noShow: Int = 0
    /// Ratings given, and their sums (averages are sum / count).
    public var menteeRatings: Int = 0
    public var menteeRatingSum: Int = 0
    public var mentorRatings: Int = 0
    public var mentorRatingSum: Int = 0

    public init() {}

    /// held / planned, nil when nothing is planned.
    public var heldShare: Double? { planned > 0 ? Double(held) / Double(planned) : nil }
    /// held / dueByNow, nil when nothing is due yet.
    public var heldShareToDate: Double? { dueByNow > 0 ? Double(held) / Double(dueByNow) : nil }
    public var menteeAverage: Double? { menteeRatings > 0 ? Double(menteeRatingSum) / Double(menteeRatings) : nil }
    public var mentorAverage: Double? { mentorRatings > 0 ? Double(mentorRatingSum) / Double(mentorRatings) : nil }
    /// Both sides together.
    public var averageRating: Double? {
        let count = menteeRatings + mentorRatings
        return count > 0 ? Double(menteeRatingSum + mentorRatingSum) / Double(count) : nil
    }
}

/// Goals counted by track.
public struct TrackCounts: Sendable, Hashable {
    public var onTrack = 0
    public var behind = 0
    public var atRisk = 0
    public var achieved = 0
    public var dropped = 0
    public var overdue = 0
    public var notDiscussed = 0

    public init() {}

    public var total: Int { onTrack + behind + atRisk + achieved + dropped }
}

/// One mentee in the report.
public struct MenteeProgress: Sendable, Hashable {
    public var menteeID: String
    public var name: String
    /// Per role (framework order), then `domains` (all domain items together), then per domain item.
    public var areas: [AreaGap]
    /// Over every goal of the mentee.
    public var overall: GapFigures
    public var goals: TrackCounts

    public init(menteeID: String, name: String, areas: [AreaGap], overall: GapFigures, goals: TrackCounts) {
        self.menteeID = menteeID
        self.name = name
        self.areas = areas
        self.overall = overall
        self.goals = goals
    }
}

/// One pair in the report.
public struct PairProgress: Sendable, Hashable {
    public var pair: PairID
    public var sessions: SessionFigures
    public var lastHeld: CalendarDate?
    /// No session held for `[tracking] no_session_weeks` weeks (counted from the program start
    /// when none was held).
    public var noRecentSession: Bool
    public var goals: TrackCounts

    public init(pair: PairID, sessions: SessionFigures, lastHeld: CalendarDate?, noRecentSession: Bool, goals: TrackCounts) {
        self.pair = pair
        self.sessions = sessions
        self.lastHeld = lastHeld
        self.noRecentSession = noRecentSession
        self.goals = goals
    }
}

/// Sessions per ISO week (Monday), for the "sessions held over time" chart.
public struct WeekSessions: Sendable, Hashable {
    public var weekStart: CalendarDate
    public var planned: Int
    public var held: Int

    public init(weekStart: CalendarDate, planned: Int, held: Int) {
        self.weekStart = weekStart
        self.planned = planned
        self.held = held
    }
}

/// Where an objective stands.
public enum ObjectiveStatus: String, Sendable, Hashable, CaseIterable {
    /// The target is reached.
    case realised
    /// Not reached, but at least the elapsed share of the way there.
    case onTrack = "on_track"
    /// Below the expected share of the way.
    case atRisk = "at_risk"
}

/// An objective with its value and status.
public struct ObjectiveResult: Sendable, Hashable {
    public var objective: ProgramObjective
    /// nil when there is nothing to measure yet (no sessions planned, no ratings…): at risk.
    public var value: Double?
    public var status: ObjectiveStatus
    /// The numbers behind it, in words: "142 of 180 planned sessions held (78.9 %); target 80 %".
    public var detail: String

    public init(objective: ProgramObjective, value: Double?, status: ObjectiveStatus, detail: String) {
        self.objective = objective
        self.value = value
        self.status = status
        self.detail = detail
    }
}

/// The whole progress report.
public struct ProgressReport: Sendable, Hashable {
    public var asOf: CalendarDate
    public var programStart: CalendarDate
    public var programEnd: CalendarDate
    /// Elapsed share of the program at `asOf`, 0–1.
    public var elapsed: Double
    /// Program-wide, per role, `domains`, per domain item, and `all` last.
    public var areas: [AreaGap]
    public var mentees: [MenteeProgress]
    public var pairs: [PairProgress]
    /// Every goal, ordered by mentee, then goal id.
    public var goals: [GoalProgress]
    public var goalCounts: TrackCounts
    public var sessions: SessionFigures
    public var weeks: [WeekSessions]
    public var objectives: [ObjectiveResult]

    public init(
        asOf: CalendarDate, programStart: CalendarDate, programEnd: CalendarDate, elapsed: Double, areas: [AreaGap],
        mentees: [MenteeProgress], pairs: [PairProgress], goals: [GoalProgress], goalCounts: TrackCounts,
        sessions: SessionFigures, weeks: [WeekSessions], objectives: [ObjectiveResult]
    ) {
        self.asOf = asOf
        self.programStart = programStart
        self.programEnd = programEnd
        self.elapsed = elapsed
        self.areas = areas
        self.mentees = mentees
        self.pairs = pairs
        self.goals = goals
        self.goalCounts = goalCounts
        self.sessions = sessions
        self.weeks = weeks
        self.objectives = objectives
    }
}
