import Diagnostics

/// The facts the agenda and the progress report both read from check-ins and session logs,
/// indexed once by id so that every look-up is a dictionary probe (never a nested scan).
///
/// - Current level: the latest check-in of a (mentee, item) on or before the report date. On the
///   same date, the assessor order ``Assessor/precedence`` decides (hr, then manager, then mentor,
///   then self); on the same date and assessor, the later check-in in input order wins.
/// - Last discussed: the latest held day (``SessionLog/heldOn``, else the planned start's date)
///   on or before the report date of a held session listing the goal in `goalsDiscussed`.
///
/// Check-ins and sessions held after the report date are ignored: a report as of an earlier day
/// shows what was known then.
struct TrackingFacts {
    struct MenteeItem: Hashable {
        var menteeID: String
        var itemID: String
    }

    private struct Assessment {
        var level: Int
        var date: CalendarDate
        var precedence: Int
    }

    private var assessments: [MenteeItem: Assessment] = [:]
    private(set) var lastDiscussed: [String: CalendarDate] = [:]

    /// - Complexity: O(check-ins + Σ goals discussed).
    init(checkIns: [CheckIn], sessions: [SessionLog], today: CalendarDate) {
        assessments.reserveCapacity(checkIns.count)
        for checkIn in checkIns where checkIn.date <= today {
            let key = MenteeItem(menteeID: checkIn.menteeID, itemID: checkIn.itemID)
            let candidate = Assessment(level: checkIn.level, date: checkIn.date, precedence: checkIn.assessor.precedence)
            if let known = assessments[key], (known.date, known.precedence) > (candidate.date, candidate.precedence) { continue }
            assessments[key] = candidate
        }
        lastDiscussed.reserveCapacity(sessions.count)
        for log in sessions {
            guard let day = log.heldDay, day <= today else { continue }
            for goalID in log.goalsDiscussed {
                if let known = lastDiscussed[goalID], known >= day { continue }
                lastDiscussed[goalID] = day
            }
        }
    }

    /// The assessed level of an item for a mentee, nil without a check-in.
    func assessedLevel(menteeID: String, itemID: String) -> Int? {
        assessments[MenteeItem(menteeID: menteeID, itemID: itemID)]?.level
    }

    /// The goal's current level: the assessed level, or the baseline without a check-in.
    func currentLevel(of goal: Goal) -> Int {
        assessedLevel(menteeID: goal.menteeID, itemID: goal.itemID) ?? goal.baseline
    }

    /// Every assessed level, by mentee id and then item id.
    var assessedLevels: [String: [String: Int]] {
        var levels: [String: [String: Int]] = [:]
        for (key, assessment) in assessments { levels[key.menteeID, default: [:]][key.itemID] = assessment.level }
        return levels
    }
}

extension Assessor {
    /// Which assessment wins among check-ins of the same day: hr 3, manager 2, mentor 1, self 0
    /// (the more independent view first).
    public var precedence: Int {
        switch self {
        case .hr: 3
        case .manager: 2
        case .mentor: 1
        case .selfAssessment: 0
        }
    }
}

extension SessionLog {
    /// The day a held session took place (``heldOn``, else its planned date); nil unless held.
    public var heldDay: CalendarDate? {
        session.status == .held ? (heldOn ?? session.start.date) : nil
    }
}

extension Goal {
    /// Elapsed share of the goal's time (`start`…`due`) on a day, clamped to 0–1; a goal whose
    /// due date is its start counts as fully elapsed from that day.
    public func elapsedShare(on day: CalendarDate) -> Double {
        TrackingMath.elapsedShare(from: start, to: due, on: day)
    }

    /// Share of (target − baseline) closed at a level, clamped to 0–1.
    public func progress(atLevel level: Int) -> Double {
        let span = target - baseline
        guard span > 0 else { return level >= target ? 1 : 0 }
        return min(1, max(0, Double(level - baseline) / Double(span)))
    }
}

/// Small arithmetic shared by the tracking computations.
enum TrackingMath {
    /// Elapsed share of `from`…`to` on `day`, clamped to 0–1.
    static func elapsedShare(from start: CalendarDate, to end: CalendarDate, on day: CalendarDate) -> Double {
        let length = start.days(to: end)
        guard length > 0 else { return day >= end ? 1 : 0 }
        return min(1, max(0, Double(start.days(to: day)) / Double(length)))
    }

    /// A value rounded to 1e-9, so that figures computed from dates meet thresholds written in
    /// decimals (0.665 − 0.5 gives 16.499999999999996 points before rounding, 16.5 after).
    static func settled(_ value: Double) -> Double {
        (value * 1e9).rounded() / 1e9
    }

    /// "3 days", "1 week", "5 weeks": whole weeks from 7 days on, days below.
    static func span(days: Int) -> String {
        if days >= 7 {
            let weeks = days / 7
            return weeks == 1 ? "1 week" : "\(weeks) weeks"
        }
        return days == 1 ? "1 day" : "\(days) days"
    }

    /// "42.5 %".
    static func percent(_ share: Double) -> String {
        Format.number(share * 100, decimals: 1) + " %"
    }

    /// The role's label: its first letter upper-cased (`leader` → "Leader").
    static func label(role: String) -> String {
        guard let first = role.first else { return role }
        return first.uppercased() + role.dropFirst()
    }
}

/// Checks on free text shared by the domain and the loaders.
public enum TextRules {
    /// Whether the text holds a control character (C0, DEL, C1) or a line or paragraph separator.
    public static func containsControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
        }
    }

    /// What is wrong with a goal or milestone title (``Limits/titleLength``, no control
    /// characters, not only blanks), or nil.
    public static func titleProblem(_ title: String) -> String? {
        let limit = Limits.titleLength
        if title.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return "the title is empty" }
        if !limit.contains(title.count) {
            return "the title has \(title.count) characters; at most \(limit.upperBound) are allowed"
        }
        if containsControlCharacter(title) { return "the title \(Diagnostic.quoted(title)) contains a control character" }
        return nil
    }
}
