import Kapstok

/// Renders a ``ProgressReport`` as Markdown, CSV, JSON or one self-contained HTML page.
///
/// The report holds ids; people's and items' names come from the ``ReportNames`` the caller
/// passes. Every output is deterministic: the same report and names give the same bytes. Shares
/// print as percentages with one decimal (`78.9 %`), ratings with two decimals, shortfalls in
/// points with one decimal; CSV and JSON carry the raw figures rounded to 6 decimals.
public enum ProgressReportRenderer {
    /// The most pairs the "goal status per pair" chart shows: those with the most goals at risk,
    /// then behind (every pair is in the pair table).
    public static let chartPairLimit = 25

    // MARK: Words and numbers shared by the text formats

    /// `on track`, `behind`, `at risk`, `achieved`, `dropped`.
    public static func word(_ track: GoalTrack) -> String {
        switch track {
        case .onTrack: "on track"
        case .behind: "behind"
        case .atRisk: "at risk"
        case .achieved: "achieved"
        case .dropped: "dropped"
        }
    }

    /// `realised`, `on track`, `at risk`.
    public static func word(_ status: ObjectiveStatus) -> String {
        switch status {
        case .realised: "realised"
        case .onTrack: "on track"
        case .atRisk: "at risk"
        }
    }

    /// `78.9 %`, or `–` when there is nothing to divide.
    static func percent(_ share: Double?) -> String { share.map { FixedDecimal.percent($0) } ?? "–" }

    /// A rating average with two decimals, or `–`.
    static func rating(_ average: Double?) -> String { average.map { FixedDecimal.text($0, decimals: 2) } ?? "–" }

    /// A weighted level sum with at most two decimals.
    static func amount(_ value: Double) -> String { Format.number(value, decimals: 2) }

    static func date(_ date: CalendarDate?) -> String { date?.description ?? "never" }

    /// An objective's value or target as its metric reads: a percentage, or a rating.
    static func objectiveFigure(_ value: Double?, metric: ObjectiveMetric) -> String {
        guard let value else { return "–" }
        return metric == .averageRating ? FixedDecimal.text(value, decimals: 2) : FixedDecimal.percent(value)
    }

    /// A count of goals by track in words: `2 on track, 1 behind, 0 at risk, 1 achieved, 0 dropped`.
    static func counts(_ counts: TrackCounts) -> String {
        "\(counts.onTrack) on track, \(counts.behind) behind, \(counts.atRisk) at risk, \(counts.achieved) achieved, \(counts.dropped) dropped"
    }

    /// The non-zero counts only, for tables: `1 on track, 1 at risk`; `no goals` when none.
    static func shortCounts(_ counts: TrackCounts) -> String {
        let parts = [(counts.onTrack, "on track"), (counts.behind, "behind"), (counts.atRisk, "at risk"),
            (counts.achieved, "achieved"), (counts.dropped, "dropped")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return parts.isEmpty ? "no goals" : parts.joined(separator: ", ")
    }

    // MARK: Content shared by Markdown and HTML

    /// The headline figures, as term and value.
    static func summary(_ report: ProgressReport) -> [(term: String, value: String)] {
        let sessions = report.sessions
        let goals = report.goalCounts
        return [
            ("As of", report.asOf.description),
            ("Program", "\(report.programStart) to \(report.programEnd)"),
            ("Program elapsed", percent(report.elapsed)),
            ("Mentees", String(report.mentees.count)),
            ("Pairs", String(report.pairs.count)),
            ("Goals", "\(goals.total): " + counts(goals)),
            ("Goals overdue", String(goals.overdue)),
            ("Goals not discussed recently", String(goals.notDiscussed)),
            ("Gap closed", percent(report.areas.first { $0.area == "all" }?.figures.share)),
            ("Sessions held of planned", "\(sessions.held) of \(sessions.planned) (\(percent(sessions.heldShare)))"),
            ("Sessions held of due by now", "\(sessions.held) of \(sessions.dueByNow) (\(percent(sessions.heldShareToDate)))"),
            ("Sessions cancelled, no-show", "\(sessions.cancelled) cancelled, \(sessions.noShow) no-show"),
            ("Average rating", "\(rating(sessions.averageRating)) (mentees \(rating(sessions.menteeAverage)) of \(sessions.menteeRatings), "
                + "mentors \(rating(sessions.mentorAverage)) of \(sessions.mentorRatings))"),
        ]
    }

    static func objectivesTable(_ report: ProgressReport) -> HTMLTable {
        HTMLTable(
            caption: "Objectives",
            columns: [.init("Objective"), .init("Status"), .init("Value", numeric: true), .init("Target", numeric: true), .init("Numbers")],
            rows: report.objectives.map { result in
                [
                    result.objective.statement, word(result.status), objectiveFigure(result.value, metric: result.objective.metric),
                    objectiveFigure(result.objective.target, metric: result.objective.metric), result.detail,
                ]
            })
    }

    static func areaRow(_ area: AreaGap) -> [String] {
        [area.label, String(area.figures.goals), amount(area.figures.gap), amount(area.figures.closed), percent(area.figures.share)]
    }

    static let areaColumns: [HTMLTable.Column] = [
        .init("Goals", numeric: true), .init("Weighted gap", numeric: true), .init("Closed", numeric: true),
        .init("Gap closed", numeric: true),
    ]

    static func areasTable(_ report: ProgressReport) -> HTMLTable {
        HTMLTable(caption: "Gap closed by role and domain", columns: [.init("Area")] + areaColumns, rows: report.areas.map(areaRow))
    }

    static func menteesTable(_ report: ProgressReport, names: ReportNames) -> HTMLTable {
        HTMLTable(
            caption: "Mentees",
            columns: [
                .init("Mentee"), .init("Id"), .init("Goals", numeric: true), .init("On track", numeric: true),
                .init("Behind", numeric: true), .init("At risk", numeric: true), .init("Achieved", numeric: true),
                .init("Dropped", numeric: true), .init("Overdue", numeric: true), .init("Not discussed", numeric: true),
                .init("Gap closed", numeric: true),
            ],
            rows: report.mentees.map { mentee in
                let goals = mentee.goals
                return [
                    menteeName(mentee, names: names), mentee.menteeID, String(goals.total), String(goals.onTrack),
                    String(goals.behind), String(goals.atRisk), String(goals.achieved), String(goals.dropped),
                    String(goals.overdue), String(goals.notDiscussed), percent(mentee.overall.share),
                ]
            })
    }

    /// The name lookup first, then the report's own name, then the id.
    static func menteeName(_ mentee: MenteeProgress, names: ReportNames) -> String {
        names.mentees[mentee.menteeID] ?? (mentee.name.isEmpty ? mentee.menteeID : mentee.name)
    }

    /// Each mentee's areas that have goals.
    static func menteeAreasTable(_ report: ProgressReport, names: ReportNames) -> HTMLTable {
        HTMLTable(
            caption: "Gap closed per mentee and area",
            columns: [.init("Mentee"), .init("Area")] + areaColumns,
            rows: report.mentees.flatMap { mentee in
                mentee.areas.filter { $0.figures.goals > 0 }.map { [menteeName(mentee, names: names)] + areaRow($0) }
            })
    }

    static func pairsTable(_ pairs: [PairProgress], caption: String, names: ReportNames) -> HTMLTable {
        HTMLTable(
            caption: caption,
            columns: [
                .init("Mentee"), .init("Mentor"), .init("Held", numeric: true), .init("Planned", numeric: true),
                .init("Due by now", numeric: true), .init("Held to date", numeric: true), .init("Cancelled", numeric: true),
                .init("No-show", numeric: true), .init("Last held", unbroken: true),
                .init("Rating mentee / mentor", numeric: true), .init("Goals"),
            ],
            rows: pairs.map { pair in
                let sessions = pair.sessions
                return [
                    names.mentee(pair.pair.menteeID), names.mentor(pair.pair.mentorID), String(sessions.held),
                    String(sessions.planned), String(sessions.dueByNow), percent(sessions.heldShareToDate),
                    String(sessions.cancelled), String(sessions.noShow), date(pair.lastHeld),
                    "\(rating(sessions.menteeAverage)) / \(rating(sessions.mentorAverage))", shortCounts(pair.goals),
                ]
            })
    }

    static func goalsTable(_ goals: [GoalProgress], caption: String, names: ReportNames) -> HTMLTable {
        HTMLTable(
            caption: caption,
            columns: [
                .init("Goal"), .init("Mentee"), .init("Mentor"), .init("Item"), .init("Title"), .init("Status"),
                .init("Level now (from → to)", numeric: true), .init("Progress / expected", numeric: true),
                .init("Shortfall (points)", numeric: true), .init("Due", unbroken: true), .init("Last discussed", unbroken: true),
            ],
            rows: goals.map { progress in
                let goal = progress.goal
                return [
                    goal.id, names.mentee(goal.menteeID), names.mentor(goal.mentorID), names.item(goal.itemID), goal.title,
                    word(progress.track) + (progress.overdue ? ", overdue" : ""),
                    "\(progress.currentLevel) (\(goal.baseline) → \(goal.target))",
                    "\(percent(progress.progress)) / \(percent(progress.expected))",
                    FixedDecimal.text(progress.shortfallPoints, decimals: 1), goal.due.description, date(progress.lastDiscussed),
                ]
            })
    }

    /// Weeks with the cumulative sums the chart draws; held only up to the report's date.
    static func cumulativeWeeks(_ report: ProgressReport) -> (points: [String], planned: [Double], held: [Double]) {
        var planned = 0
        var held = 0
        var result: (points: [String], planned: [Double], held: [Double]) = ([], [], [])
        for week in report.weeks {
            planned += week.planned
            held += week.held
            result.points.append(week.weekStart.description)
            result.planned.append(Double(planned))
            if week.weekStart <= report.asOf { result.held.append(Double(held)) }
        }
        return result
    }

    static func weeksTable(_ report: ProgressReport) -> HTMLTable {
        let cumulative = cumulativeWeeks(report)
        return HTMLTable(
            caption: "Sessions per week",
            columns: [
                .init("Week of", unbroken: true), .init("Planned", numeric: true), .init("Held", numeric: true),
                .init("Planned so far", numeric: true), .init("Held so far", numeric: true),
            ],
            rows: report.weeks.enumerated().map { index, week in
                [
                    week.weekStart.description, String(week.planned), String(week.held),
                    Format.number(cumulative.planned[index]),
                    index < cumulative.held.count ? Format.number(cumulative.held[index]) : "–",
                ]
            })
    }

    /// The flagged lists: goals at risk, overdue goals, goals not discussed, pairs without a recent session.
    static func atRisk(_ report: ProgressReport) -> [GoalProgress] { report.goals.filter { $0.track == .atRisk } }
    static func overdue(_ report: ProgressReport) -> [GoalProgress] { report.goals.filter(\.overdue) }
    static func notDiscussed(_ report: ProgressReport) -> [GoalProgress] { report.goals.filter(\.notDiscussed) }
    static func quietPairs(_ report: ProgressReport) -> [PairProgress] { report.pairs.filter(\.noRecentSession) }
}
