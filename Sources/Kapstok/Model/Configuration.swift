/// The settings of `kapstok.toml`; every key has a default.
public struct Configuration: Sendable, Equatable {
    public var scoring = Scoring()
    public var rules = Rules()
    public var pairing = Pairing()
    public var program = Program()
    /// `[tracking]`: thresholds of the progress report.
    public var tracking = TrackingSettings()
    /// `[[objectives]]`: the program's measurable objectives, in file order.
    public var objectives: [ProgramObjective] = []

    public init() {}

    /// `[scoring]`: the weights α and β of the score formula, and the stated-preference bonus.
    public struct Scoring: Sendable, Equatable {
        /// α, weight of competency fit (≥ 0).
        public var competencyWeight: Double = 0.7
        /// β, weight of domain fit (≥ 0); α + β > 0.
        public var domainWeight: Double = 0.3
        /// w, the score points a mentee's first stated choice gains (``Limits/preferenceWeight``,
        /// 0…100); 0 switches the bonus off. See ``PreferenceBonus`` for the formula.
        public var preferenceWeight: Double = 0
        public init() {}
    }

    /// `[rules]`: the hard rules; each can be switched off.
    public struct Rules: Sendable, Equatable {
        /// Never the mentee's manager or anyone above them in the `manager_id` chain.
        public var managerChain = true
        /// Mentor grade ≥ mentee grade + this, where both have grades; `nil` switches the rule off.
        public var minGradeGap: Int? = 1
        /// At least one shared language where both list languages.
        public var sharedLanguage = true
        /// Pairs in `history.csv` are excluded.
        public var avoidRepeat = true
        public init() {}
    }

    /// `[pairing]`.
    public struct Pairing: Sendable, Equatable {
        public var objective: PairingObjective = .total
        public var defaultCapacity: Double = 2
        public var defaultTarget: Int = 4
        public var timeLimitSeconds: Double = 60
        public init() {}
    }

    /// `[program]`: the program calendar, used by scheduling.
    public struct Program: Sendable, Equatable {
        public var start = CalendarDate(year: 2027, month: 2, day: 1)
        public var end = CalendarDate(year: 2027, month: 7, day: 30)
        public var sessions = 6
        public var minGapWeeks = 3
        public var maxGapWeeks = 6
        public var sessionMinutes = 60
        public var slotMinutes = 30
        public var mentorMaxPerWeek = 2
        public var menteeMaxPerWeek = 1
        /// Working hours as `HH:MM-HH:MM`, for people without availability rows.
        public var workingHours = "09:00-17:00"
        public var timezone = "Europe/Brussels"
        /// The program's name: in calendar texts and, with the pair and the session number, in
        /// every session id and calendar UID (renaming the program makes every invitation new).
        public var name = "Mentoring program"
        /// A soft preference as `HH:MM-HH:MM`: sessions inside it are preferred; `nil`: none.
        public var preferredHours: String? = nil
        /// `replan` never moves a session that starts less than this many hours after the start
        /// of `--today` (``Limits/freezeHours``).
        public var freezeHours = 48
        /// The coordinator's e-mail address, `ORGANIZER` of calendar requests; `nil`: none given.
        public var organizer: String? = nil
        public init() {}
    }
}

/// The lexicographic objective of a pairing round.
public enum PairingObjective: String, Sendable, CaseIterable {
    /// Most mentees matched, then the highest total score.
    case total
    /// Most mentees matched, then the highest minimum score, then the highest total.
    case fair
}

/// A date without time or zone (`YYYY-MM-DD`).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

extension CalendarDate {
    /// The number of days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The same day `years` years later; 29 February becomes 28 February in a common year.
    public func adding(years: Int) -> CalendarDate {
        let year = self.year + years
        return CalendarDate(year: year, month: month, day: min(day, Self.daysIn(month: month, year: year)))
    }
}
