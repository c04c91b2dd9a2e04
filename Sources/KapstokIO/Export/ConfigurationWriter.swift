import Kapstok

/// Renders a ``Configuration`` as `kapstok.toml` text that ``ConfigurationLoader`` reads back
/// to an equal configuration.
///
/// Every key is written (`preference_weight` only when not 0, so files written before it existed
/// stay byte for byte the same; `preferred_hours` and `organizer` only when set; an objective's `scope`
/// only when set, its `levels` and `items` for `mentees_closing`), then one `[[objectives]]` per
/// objective in order, in the order of ``ConfigurationLoader/knownKeys``; numbers follow
/// ``NumberFormatting`` (so `default_capacity = 2`, which the loader accepts as a number);
/// `min_grade_gap = false` stands for a switched-off grade rule.
public enum ConfigurationWriter {
    /// The configuration as TOML text, ending with a newline.
    public static func toml(_ configuration: Configuration) -> String {
        let scoring = configuration.scoring, rules = configuration.rules
        let pairing = configuration.pairing, program = configuration.program
        var lines: [String] = []
        lines.append("[scoring]")
        lines.append("competency_weight = \(NumberFormatting.decimal(scoring.competencyWeight))")
        lines.append("domain_weight = \(NumberFormatting.decimal(scoring.domainWeight))")
        if scoring.preferenceWeight != 0 {
            lines.append("preference_weight = \(NumberFormatting.decimal(scoring.preferenceWeight))")
        }
        lines.append("")
        lines.append("[rules]")
        lines.append("manager_chain = \(rules.managerChain)")
        lines.append("min_grade_gap = \(rules.minGradeGap.map(String.init) ?? "false")")
        lines.append("shared_language = \(rules.sharedLanguage)")
        lines.append("avoid_repeat = \(rules.avoidRepeat)")
        lines.append("")
        lines.append("[pairing]")
        lines.append("objective = \(quoted(pairing.objective.rawValue))")
        lines.append("default_capacity = \(NumberFormatting.decimal(pairing.defaultCapacity))")
        lines.append("default_target = \(pairing.defaultTarget)")
        lines.append("time_limit_seconds = \(NumberFormatting.decimal(pairing.timeLimitSeconds))")
        lines.append("")
        lines.append("[program]")
        lines.append("name = \(quoted(program.name))")
        lines.append("start = \(program.start)")
        lines.append("end = \(program.end)")
        lines.append("sessions = \(program.sessions)")
        lines.append("min_gap_weeks = \(program.minGapWeeks)")
        lines.append("max_gap_weeks = \(program.maxGapWeeks)")
        lines.append("session_minutes = \(program.sessionMinutes)")
        lines.append("slot_minutes = \(program.slotMinutes)")
        lines.append("mentor_max_per_week = \(program.mentorMaxPerWeek)")
        lines.append("mentee_max_per_week = \(program.menteeMaxPerWeek)")
        lines.append("working_hours = \(quoted(program.workingHours))")
        if let preferredHours = program.preferredHours { lines.append("preferred_hours = \(quoted(preferredHours))") }
        lines.append("timezone = \(quoted(program.timezone))")
        lines.append("freeze_hours = \(program.freezeHours)")
        if let organizer = program.organizer { lines.append("organizer = \(quoted(organizer))") }
        let tracking = configuration.tracking
        lines.append("")
        lines.append("[tracking]")
        lines.append("on_track_shortfall = \(NumberFormatting.decimal(tracking.onTrackShortfall))")
        lines.append("at_risk_shortfall = \(NumberFormatting.decimal(tracking.atRiskShortfall))")
        lines.append("not_discussed_weeks = \(tracking.notDiscussedWeeks)")
        lines.append("no_session_weeks = \(tracking.noSessionWeeks)")
        lines.append("draft_goals = \(tracking.draftGoals)")
        for objective in configuration.objectives {
            lines.append("")
            lines.append("[[objectives]]")
            lines.append("statement = \(quoted(objective.statement))")
            lines.append("metric = \(quoted(objective.metric.rawValue))")
            lines.append("target = \(NumberFormatting.decimal(objective.target))")
            if let scope = objective.scope { lines.append("scope = \(quoted(scope))") }
            if objective.metric == .menteesClosing || objective.levels != 1 || objective.items != 1 {
                lines.append("levels = \(objective.levels)")
                lines.append("items = \(objective.items)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A TOML basic string with `"`, `\` and control characters escaped.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case let control where control.value < 0x20 || control.value == 0x7F:
                let hex = String(control.value, radix: 16, uppercase: true)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
