import Kapstok

extension ProgressReportRenderer {
    /// The JSON layout's version: raised when a field changes meaning or goes away (adding a
    /// field does not raise it).
    public static let jsonVersion = 1

    /// The report as JSON with stable snake_case fields (reference in the README).
    ///
    /// Numbers are rounded to 6 decimals, shares are 0–1, dates `YYYY-MM-DD`; a figure that does
    /// not exist (no share without a gap, never held) is `null`. Arrays keep the report's order.
    public static func json(_ report: ProgressReport, names: ReportNames) -> String {
        document(report, names: names).rendered()
    }

    /// The JSON document itself.
    public static func document(_ report: ProgressReport, names: ReportNames) -> JSONValue {
        .object(
            [JSONMember("report_version", .integer(jsonVersion))] + programMembers(report) + [
                JSONMember("sessions", .object(sessionMembers(report.sessions))),
                JSONMember("goal_counts", .object(countMembers(report.goalCounts))),
                JSONMember("areas", .array(report.areas.map { .object([JSONMember("area", .string($0.area))] + areaMembers($0)) })),
                JSONMember("objectives", .array(report.objectives.map { .object(objectiveMembers($0)) })),
                JSONMember("mentees", .array(report.mentees.map { mentee in
                    .object(
                        [JSONMember("mentee_id", .string(mentee.menteeID)), JSONMember("name", .string(menteeName(mentee, names: names)))]
                            + gapMembers(mentee.overall) + [
                                JSONMember("goal_counts", .object(countMembers(mentee.goals))),
                                JSONMember("areas", .array(mentee.areas.map { .object([JSONMember("area", .string($0.area))] + areaMembers($0)) })),
                            ])
                })),
                JSONMember("pairs", .array(report.pairs.map { pair in
                    .object(
                        [JSONMember("mentee_id", .string(pair.pair.menteeID)), JSONMember("mentor_id", .string(pair.pair.mentorID))]
                            + pairMembers(pair, names: names) + [
                                JSONMember("sessions", .object(sessionMembers(pair.sessions))),
                                JSONMember("goal_counts", .object(countMembers(pair.goals))),
                            ])
                })),
                JSONMember("goals", .array(report.goals.map { progress in
                    .object(
                        [
                            JSONMember("goal_id", .string(progress.goal.id)), JSONMember("mentee_id", .string(progress.goal.menteeID)),
                            JSONMember("mentor_id", .string(progress.goal.mentorID)),
                        ] + goalMembers(progress, names: names))
                })),
                JSONMember("weeks", .array(report.weeks.map { week in
                    ["week_start": .string(week.weekStart.description), "planned": .integer(week.planned), "held": .integer(week.held)]
                })),
            ])
    }

    // MARK: Members shared by JSON and CSV

    /// A figure rounded to 6 decimals; nil becomes null.
    static func figure(_ value: Double?) -> JSONValue {
        guard let value else { return .null }
        return .number((value * 1_000_000).rounded() / 1_000_000)
    }

    static func day(_ date: CalendarDate?) -> JSONValue { date.map { .string($0.description) } ?? .null }

    static func programMembers(_ report: ProgressReport) -> [JSONMember] {
        [
            JSONMember("as_of", day(report.asOf)), JSONMember("program_start", day(report.programStart)),
            JSONMember("program_end", day(report.programEnd)), JSONMember("elapsed", figure(report.elapsed)),
        ]
    }

    static func sessionMembers(_ sessions: SessionFigures) -> [JSONMember] {
        [
            JSONMember("planned", .integer(sessions.planned)), JSONMember("due_by_now", .integer(sessions.dueByNow)),
            JSONMember("held", .integer(sessions.held)), JSONMember("cancelled", .integer(sessions.cancelled)),
            JSONMember("no_show", .integer(sessions.noShow)), JSONMember("held_share", figure(sessions.heldShare)),
            JSONMember("held_share_to_date", figure(sessions.heldShareToDate)),
            JSONMember("mentee_ratings", .integer(sessions.menteeRatings)), JSONMember("mentee_rating_sum", .integer(sessions.menteeRatingSum)),
            JSONMember("mentee_rating_average", figure(sessions.menteeAverage)),
            JSONMember("mentor_ratings", .integer(sessions.mentorRatings)), JSONMember("mentor_rating_sum", .integer(sessions.mentorRatingSum)),
            JSONMember("mentor_rating_average", figure(sessions.mentorAverage)),
            JSONMember("rating_average", figure(sessions.averageRating)),
        ]
    }

    static func countMembers(_ counts: TrackCounts) -> [JSONMember] {
        [
            JSONMember("on_track", .integer(counts.onTrack)), JSONMember("behind", .integer(counts.behind)),
            JSONMember("at_risk", .integer(counts.atRisk)), JSONMember("achieved", .integer(counts.achieved)),
            JSONMember("dropped", .integer(counts.dropped)), JSONMember("total", .integer(counts.total)),
            JSONMember("overdue", .integer(counts.overdue)), JSONMember("not_discussed", .integer(counts.notDiscussed)),
        ]
    }

    static func gapMembers(_ figures: GapFigures) -> [JSONMember] {
        [
            JSONMember("goals", .integer(figures.goals)), JSONMember("gap", figure(figures.gap)),
            JSONMember("closed", figure(figures.closed)), JSONMember("share", figure(figures.share)),
        ]
    }

    /// The label and figures (the area id is the CSV's `key`, and the JSON object's first member).
    static func areaMembers(_ area: AreaGap) -> [JSONMember] { [JSONMember("label", .string(area.label))] + gapMembers(area.figures) }

    static func objectiveMembers(_ result: ObjectiveResult) -> [JSONMember] {
        let objective = result.objective
        return [
            JSONMember("statement", .string(objective.statement)), JSONMember("metric", .string(objective.metric.rawValue)),
            JSONMember("scope", objective.scope.map { .string($0) } ?? .null), JSONMember("target", figure(objective.target)),
            JSONMember("levels", .integer(objective.levels)), JSONMember("items", .integer(objective.items)),
            JSONMember("value", figure(result.value)), JSONMember("status", .string(result.status.rawValue)),
            JSONMember("detail", .string(result.detail)),
        ]
    }

    static func pairMembers(_ pair: PairProgress, names: ReportNames) -> [JSONMember] {
        [
            JSONMember("mentee_name", .string(names.mentee(pair.pair.menteeID))),
            JSONMember("mentor_name", .string(names.mentor(pair.pair.mentorID))),
            JSONMember("last_held", day(pair.lastHeld)), JSONMember("no_recent_session", .bool(pair.noRecentSession)),
        ]
    }

    static func goalMembers(_ progress: GoalProgress, names: ReportNames) -> [JSONMember] {
        let goal = progress.goal
        return [
            JSONMember("item", .string(goal.itemID)), JSONMember("item_name", .string(names.item(goal.itemID))),
            JSONMember("title", .string(goal.title)), JSONMember("status", .string(goal.status.rawValue)),
            JSONMember("round", goal.round.map { .integer($0) } ?? .null),
            JSONMember("baseline", .integer(goal.baseline)), JSONMember("target", .integer(goal.target)),
            JSONMember("current_level", .integer(progress.currentLevel)), JSONMember("start", day(goal.start)),
            JSONMember("due", day(goal.due)), JSONMember("progress", figure(progress.progress)),
            JSONMember("expected", figure(progress.expected)), JSONMember("shortfall_points", figure(progress.shortfallPoints)),
            JSONMember("track", .string(progress.track.rawValue)), JSONMember("overdue", .bool(progress.overdue)),
            JSONMember("last_discussed", day(progress.lastDiscussed)), JSONMember("not_discussed", .bool(progress.notDiscussed)),
            JSONMember("reason", .string(goal.reason)),
        ]
    }
}
