/// One open goal on a mentee's agenda, with its score and the reason in words.
public struct AgendaItem: Sendable, Hashable {
    public var goal: Goal
    /// The latest assessed level (or the baseline), as in the progress report.
    public var currentLevel: Int
    /// Weighted levels still to close: weight × max(0, target − current).
    public var remainingGap: Double
    /// The last held session that discussed it, nil when none.
    public var lastDiscussed: CalendarDate?
    /// Days since it was last discussed (since the goal's start when never); 0 before the start.
    public var daysSinceDiscussed: Int
    /// Days from the agenda's date to the due date (negative when overdue).
    public var daysToDue: Int
    /// The ranking score, 0–1 (see ``Agenda``).
    public var score: Double
    /// "2 of 3 levels still to close on …; not discussed for 5 weeks; due in 3 weeks".
    public var reason: String

    public init(
        goal: Goal, currentLevel: Int, remainingGap: Double, lastDiscussed: CalendarDate?, daysSinceDiscussed: Int,
        daysToDue: Int, score: Double, reason: String
    ) {
        self.goal = goal
        self.currentLevel = currentLevel
        self.remainingGap = remainingGap
        self.lastDiscussed = lastDiscussed
        self.daysSinceDiscussed = daysSinceDiscussed
        self.daysToDue = daysToDue
        self.score = score
        self.reason = reason
    }
}

/// What a mentee's next session should cover: open goals ranked, milestones coming due, and the
/// open points left by the last session.
///
/// **Ranking.** Each open (draft or active) goal of the mentee scores
/// `0.5 · gap + 0.25 · quiet + 0.25 · pressure`, each term 0–1:
///
/// - gap = weight × (target − current) / (5 × the framework's largest weight), clamped: the
///   remaining weighted gap, 1 for a 5-level gap on the heaviest item;
/// - quiet = days since last discussed (since the goal's start when never) / (7 ×
///   `not_discussed_weeks`), at most 1;
/// - pressure = the elapsed share of the goal's time (start…due), 1 when overdue.
///
/// Higher scores come first; equal scores in goal id order.
///
/// **Milestones**: the open milestones of the mentee's open goals due on or before the next
/// planned session's date (a session planned today counts: agendas are printed on the day); with no
/// planned session ahead, those due within ``horizonDays`` (4 weeks) of the agenda's date. Overdue
/// open milestones are included. Ordered by due date, then id.
///
/// **Open points**: the lines of the last held session's notes (held on or before the agenda's
/// date; the latest, then the latest planned start, then the highest id) that start, after
/// leading blanks, with `- [ ]`, `TODO` (followed by a blank, `:` or the line's end) or `?`; the
/// marker is removed (see ``openPoints(in:)``).
public struct Agenda: Sendable, Hashable {
    public var menteeID: String
    public var asOf: CalendarDate
    /// The mentee's next planned session on or after the agenda's date, nil when none.
    public var nextSession: Session?
    /// Milestones due on or before this day are listed: the next session's date, or 4 weeks ahead.
    public var horizon: CalendarDate
    public var items: [AgendaItem]
    public var milestones: [Milestone]
    /// The last held session whose notes gave the open points, nil when none was held.
    public var lastSession: SessionLog?
    public var openPoints: [String]

    /// Days ahead for milestones when no session is planned.
    public static let horizonDays = 28

    public init(
        menteeID: String, asOf: CalendarDate, nextSession: Session?, horizon: CalendarDate, items: [AgendaItem],
        milestones: [Milestone], lastSession: SessionLog?, openPoints: [String]
    ) {
        self.menteeID = menteeID
        self.asOf = asOf
        self.nextSession = nextSession
        self.horizon = horizon
        self.items = items
        self.milestones = milestones
        self.lastSession = lastSession
        self.openPoints = openPoints
    }

    /// The agenda of one mentee as of `snapshot.today`.
    ///
    /// - Complexity: O(records) to pick the mentee's records, then O(k log k) in the mentee's own.
    public static func make(snapshot: TrackingSnapshot, menteeID: String) -> Agenda {
        let today = snapshot.today
        let goals = snapshot.goals.filter { $0.menteeID == menteeID && $0.status.isOpen }
        let sessions = snapshot.sessions.filter { $0.session.menteeID == menteeID }
        let facts = TrackingFacts(
            checkIns: snapshot.checkIns.filter { $0.menteeID == menteeID }, sessions: sessions, today: today)
        var weights: [String: FrameworkItem] = [:]
        for item in snapshot.framework.items where weights[item.id] == nil { weights[item.id] = item }
        let heaviest = snapshot.framework.items.map(\.weight).max() ?? 1
        let quietLimit = 7 * snapshot.settings.notDiscussedWeeks

        let items = goals.map { goal -> AgendaItem in
            let item = weights[goal.itemID]
            let weight = item?.weight ?? 1
            let current = facts.currentLevel(of: goal)
            let remaining = max(0, goal.target - current)
            let gapTerm = min(1, weight * Double(remaining) / (5 * heaviest))
            let last = facts.lastDiscussed[goal.id]
            let quiet = max(0, (last ?? goal.start).days(to: today))
            let quietTerm = min(1, Double(quiet) / Double(quietLimit))
            let toDue = today.days(to: goal.due)
            let pressure = toDue < 0 ? 1 : goal.elapsedShare(on: today)
            let score = TrackingMath.settled(0.5 * gapTerm + 0.25 * quietTerm + 0.25 * pressure)
            let name = item?.name ?? goal.itemID
            var parts: [String] = []
            let span = goal.target - goal.baseline
            if remaining > 0 {
                parts.append("\(remaining) of \(span) \(span == 1 ? "level" : "levels") still to close on \(name) (level \(current), target \(goal.target), weight \(Format.number(weight)))")
            } else {
                parts.append("target \(goal.target) on \(name) reached (level \(current)); ready to be marked achieved")
            }
            if let last {
                parts.append(quiet == 0 ? "discussed today (\(last))" : quiet >= quietLimit
                    ? "not discussed for \(TrackingMath.span(days: quiet))" : "discussed \(TrackingMath.span(days: quiet)) ago")
            } else {
                parts.append(today < goal.start ? "starts \(goal.start)" : "never discussed since its start \(TrackingMath.span(days: quiet)) ago")
            }
            switch toDue {
            case ..<0: parts.append("overdue by \(TrackingMath.span(days: -toDue)) (due \(goal.due))")
            case 0: parts.append("due today")
            default: parts.append("due in \(TrackingMath.span(days: toDue)) (\(goal.due))")
            }
            if goal.status == .draft { parts.append("still a draft: activate or drop it") }
            return AgendaItem(
                goal: goal, currentLevel: current, remainingGap: weight * Double(remaining), lastDiscussed: last,
                daysSinceDiscussed: quiet, daysToDue: toDue, score: score, reason: parts.joined(separator: "; "))
        }.sorted { ($0.score, $1.goal.id) > ($1.score, $0.goal.id) }

        let next = sessions.lazy.map(\.session).filter { $0.status == .planned && $0.start.date >= today }
            .min { ($0.start, $0.id) < ($1.start, $1.id) }
        let horizon = next?.start.date ?? today.adding(days: horizonDays)
        let openGoalIDs = Set(goals.map(\.id))
        let milestones = snapshot.milestones.filter { $0.doneOn == nil && openGoalIDs.contains($0.goalID) && $0.due <= horizon }
            .sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        let last = sessions.filter { ($0.heldDay.map { $0 <= today }) ?? false }.max {
            ($0.heldDay ?? today, $0.session.start, $0.session.id) < ($1.heldDay ?? today, $1.session.start, $1.session.id)
        }
        return Agenda(
            menteeID: menteeID, asOf: today, nextSession: next, horizon: horizon, items: items, milestones: milestones,
            lastSession: last, openPoints: last.map { openPoints(in: $0.notes) } ?? [])
    }

    /// The open points of a session's notes: lines starting (after blanks) with `- [ ]`, `TODO`
    /// (then a blank, `:` or the end) or `?`, without the marker and the blanks around it; lines
    /// empty after the marker are skipped.
    public static func openPoints(in notes: String) -> [String] {
        var points: [String] = []
        for raw in notes.split(whereSeparator: \.isNewline) {
            let line = trimmed(raw)
            var rest: Substring?
            if line.hasPrefix("- [ ]") {
                rest = line.dropFirst(5)
            } else if line.hasPrefix("TODO") {
                let after = line.dropFirst(4)
                if after.isEmpty || after.first == ":" || after.first == " " || after.first == "\t" {
                    rest = after.first == ":" ? after.dropFirst() : after
                }
            } else if line.hasPrefix("?") {
                rest = line.dropFirst()
            }
            if let rest {
                let point = trimmed(rest)
                if !point.isEmpty { points.append(String(point)) }
            }
        }
        return points
    }

    private static func trimmed(_ text: Substring) -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else {
            return text[text.endIndex...]
        }
        return text[first...last]
    }
}
