import Kapstok

extension ProgressReportRenderer {
    /// The CSV header: one figure per row (long format).
    public static let csvHeader = ["section", "mentee_id", "mentor_id", "goal_id", "key", "metric", "value"]

    /// The report as long-format CSV, `section,mentee_id,mentor_id,goal_id,key,metric,value`: one
    /// figure per row, so that any tool can filter and pivot it (layout in the README).
    ///
    /// Sections, in this order: `program`, `sessions`, `goals` (program-wide counts), `area`
    /// (`key` = area id), `objective` (`key` = 1-based number), then per mentee `mentee`,
    /// `mentee_goals`, `mentee_area` (`key` = area id); per pair `pair`, `pair_sessions`,
    /// `pair_goals`; per goal `goal`; per week `week` (`key` = the week's Monday). Numbers are
    /// rounded to 6 decimals, shares are 0–1, booleans `true`/`false`, dates `YYYY-MM-DD`, an
    /// absent value (no share without a gap, never discussed) is empty. Through ``CSVWriter``:
    /// no cell can start a spreadsheet formula.
    public static func csv(_ report: ProgressReport, names: ReportNames) -> String { CSVWriter.text(table(report, names: names)) }

    /// The table of ``csv(_:names:)``: `value` a number where the figure is one.
    public static func table(_ report: ProgressReport, names: ReportNames) -> OutputTable {
        var table = OutputTable(header: csvHeader)
        forEachFigureGroup(report, names: names) { section, mentee, mentor, goal, key, members in
            for member in members {
                table.append([.text(section), .text(mentee), .text(mentor), .text(goal), .text(key), .text(member.key), cell(member.value)])
            }
        }
        return table
    }

    /// A JSON value as a typed cell, with the text of ``csvText(_:)``.
    static func cell(_ value: JSONValue) -> OutputCell {
        switch value {
        case .integer(let number): .integer(number)
        case .number(let number): .decimal(number)
        case .null: .empty
        default: .text(csvText(value))
        }
    }

    /// A JSON value as a CSV cell: strings as they are, numbers as JSON writes them, null empty.
    static func csvText(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .number(let number): NumberFormatting.decimal(number)
        case .array, .object: JSONWriter.render(value, pretty: false)
        }
    }

    /// Calls `body` with each group of figures in CSV order: section, mentee id, mentor id, goal
    /// id, key, and the figures (the members of the matching JSON object).
    static func forEachFigureGroup(
        _ report: ProgressReport, names: ReportNames,
        _ body: (_ section: String, _ mentee: String, _ mentor: String, _ goal: String, _ key: String, _ members: [JSONMember]) -> Void
    ) {
        func add(_ section: String, _ members: [JSONMember], mentee: String = "", mentor: String = "", goal: String = "", key: String = "") {
            body(section, mentee, mentor, goal, key, members)
        }
        add("program", programMembers(report))
        add("sessions", sessionMembers(report.sessions))
        add("goals", countMembers(report.goalCounts))
        for area in report.areas { add("area", areaMembers(area), key: area.area) }
        for (index, result) in report.objectives.enumerated() { add("objective", objectiveMembers(result), key: String(index + 1)) }
        for mentee in report.mentees {
            add("mentee", [JSONMember("name", .string(menteeName(mentee, names: names)))] + gapMembers(mentee.overall), mentee: mentee.menteeID)
            add("mentee_goals", countMembers(mentee.goals), mentee: mentee.menteeID)
            for area in mentee.areas { add("mentee_area", areaMembers(area), mentee: mentee.menteeID, key: area.area) }
        }
        for pair in report.pairs {
            let (mentee, mentor) = (pair.pair.menteeID, pair.pair.mentorID)
            add("pair", pairMembers(pair, names: names), mentee: mentee, mentor: mentor)
            add("pair_sessions", sessionMembers(pair.sessions), mentee: mentee, mentor: mentor)
            add("pair_goals", countMembers(pair.goals), mentee: mentee, mentor: mentor)
        }
        for progress in report.goals {
            add("goal", goalMembers(progress, names: names), mentee: progress.goal.menteeID, mentor: progress.goal.mentorID, goal: progress.goal.id)
        }
        for week in report.weeks {
            add("week", [JSONMember("planned", .integer(week.planned)), JSONMember("held", .integer(week.held))], key: week.weekStart.description)
        }
    }
}
