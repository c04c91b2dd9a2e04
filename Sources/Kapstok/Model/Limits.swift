/// The accepted range of every number Kapstok reads, in one place.
///
/// The loaders check each value against these ranges and report a located error
/// (`file:line:column`) when one is outside; the CLI and the README cite them. The bounds are
/// chosen so that no arithmetic on accepted input can overflow or allocate absurd memory:
/// `grade + min_grade_gap` stays within ±2000, a capacity bounds the mentor's rows in the
/// optimiser, and a score times the largest round stays far inside `Double`.
public enum Limits {
    /// Competency levels, target levels, domain expertise and interest: integers 0–5.
    /// `03` and `+3` read as 3; decimals such as `3.0` or `3,5` are errors.
    public static let level: ClosedRange<Int> = 0...5
    /// `grade` in mentors.csv and mentees.csv: integers −1000…1000.
    public static let grade: ClosedRange<Int> = -1000...1000
    /// `[rules] min_grade_gap`: integers −1000…1000 (or `false`, which switches the rule off).
    public static let minGradeGap: ClosedRange<Int> = -1000...1000
    /// `capacity` in mentors.csv and `[pairing] default_capacity`: 0 < c ≤ 1000.
    public static let capacity = NumberRange(above: 0, atMost: 1000)
    /// `score` in scores.csv: finite, −1e9 ≤ s ≤ 1e9.
    public static let score = NumberRange(atLeast: -1e9, atMost: 1e9)
    /// `load` in scores.csv: 0 < load ≤ 1000.
    public static let load = NumberRange(above: 0, atMost: 1000)
    /// Framework item `weight`: 0 < w ≤ 1000.
    public static let frameworkWeight = NumberRange(above: 0, atMost: 1000)
    /// `[scoring] competency_weight` and `domain_weight`: 0 ≤ w ≤ 1000 (their sum > 0).
    public static let scoringWeight = NumberRange(atLeast: 0, atMost: 1000)
    /// `[scoring] preference_weight`: the score points a mentee's first stated choice gains,
    /// 0 ≤ w ≤ 100 (0, the default, switches the bonus off).
    public static let preferenceWeight = NumberRange(atLeast: 0, atMost: 100)
    /// `rank` in preferences.csv: integers 1…1000 (1 = first choice), each rank once per person,
    /// so a person states at most 1000 choices.
    public static let preferenceRank: ClosedRange<Int> = 1...1000
    /// `[pairing] time_limit_seconds` and the CLI's `--time-limit`: 0 < t ≤ 604800 (one week).
    public static let timeLimitSeconds = NumberRange(above: 0, atMost: 604_800)
    /// `[program] start` and `end`: dates 2000-01-01…2099-12-31.
    public static let programDate = CalendarDate(year: 2000, month: 1, day: 1)...CalendarDate(year: 2099, month: 12, day: 31)
    /// The longest program: `end` at most this many years after `start`.
    public static let programYears = 3
    /// `[program] sessions` per pair: 1…52.
    public static let sessions: ClosedRange<Int> = 1...52
    /// `[program] min_gap_weeks` and `max_gap_weeks`: 1…52.
    public static let gapWeeks: ClosedRange<Int> = 1...52
    /// `[program] session_minutes` and `slot_minutes`: 5…720.
    public static let minutes: ClosedRange<Int> = 5...720
    /// `[program] mentor_max_per_week` and `mentee_max_per_week`: 1…20.
    public static let perWeek: ClosedRange<Int> = 1...20
    /// `[program] freeze_hours`: 0…8784 (a leap year).
    public static let freezeHours: ClosedRange<Int> = 0...8784
    /// `[program] name` and `organizer`, and the e-mail addresses of calendar attendees: 1…200
    /// characters, no control characters.
    public static let programTextLength: ClosedRange<Int> = 1...200
    /// Rows of `availability.csv` per person: at most 500 (windows merge per weekday).
    public static let availabilityRowsPerPerson = 500
    /// Pairs one schedule takes: at most 100,000 (each has up to ``sessions`` sessions).
    public static let schedulePairs = 100_000
    /// Sessions one schedule asks for (pairs × `sessions`): at most 1,000,000, so that the
    /// calendar files (each session in three of them) stay within a few GB.
    public static let scheduleSessions = 1_000_000
    /// `sequence` in sessions.csv (the calendar `SEQUENCE`): integers 0…1,000,000.
    public static let sessionSequence: ClosedRange<Int> = 0...1_000_000
    /// Session ratings (by mentee and by mentor): integers 1–5.
    public static let rating: ClosedRange<Int> = 1...5
    /// Goal and milestone titles: 1…200 characters, no control characters.
    public static let titleLength: ClosedRange<Int> = 1...200
    /// Free text of notes, evidence and reasons: at most 10,000 characters (tabs and line breaks allowed).
    public static let noteLength = 10_000
    /// `[tracking] on_track_shortfall` and `at_risk_shortfall`, in percentage points: 0–100.
    public static let shortfallPoints = NumberRange(atLeast: 0, atMost: 100)
    /// `[tracking] not_discussed_weeks` and `no_session_weeks`: 1…156 (three years).
    public static let trackingWeeks: ClosedRange<Int> = 1...156
    /// `[tracking] draft_goals`: draft goals per pair when a round is recorded, 1…10.
    public static let draftGoals: ClosedRange<Int> = 1...10
    /// `[[objectives]]` tables in kapstok.toml: at most 100.
    public static let objectives = 100
    /// `target` of a share objective (every metric but `average_rating`): 0 < t ≤ 1 (or a
    /// percentage string `"80 %"`, 0 < p ≤ 100).
    public static let objectiveShare = NumberRange(above: 0, atMost: 1)
    /// `target` of an `average_rating` objective: 1 ≤ t ≤ 5.
    public static let objectiveRating = NumberRange(atLeast: 1, atMost: 5)
    /// `levels` of a `mentees_closing` objective: 1…5.
    public static let objectiveLevels: ClosedRange<Int> = 1...5
    /// `items` of a `mentees_closing` objective: 1…50.
    public static let objectiveItems: ClosedRange<Int> = 1...50
    /// The largest round: mentees × mentors at most 1,000,000,000 pairs (the dense score table
    /// takes 4 bytes per pair, so 4 GB).
    public static let maxPairs = 1_000_000_000

    /// OR-Library GAP files (`kapstok bench --orlib`): instances per file 1…1,000.
    public static let gapInstances: ClosedRange<Int> = 1...1_000
    /// Agents of a GAP instance: 1…1,000.
    public static let gapAgents: ClosedRange<Int> = 1...1_000
    /// Jobs of a GAP instance: 1…100,000.
    public static let gapJobs: ClosedRange<Int> = 1...100_000
    /// Agents × jobs of a GAP instance: at most 10,000,000 (each pair is a candidate).
    public static let gapPairs = 10_000_000
    /// A GAP cost: an integer from −1,000,000,000 to 1,000,000,000 (the range of a score).
    public static let gapCost: ClosedRange<Int> = -1_000_000_000...1_000_000_000
    /// A GAP resource use (a pair's load): an integer 1…1,000 (the range of a load).
    public static let gapResource: ClosedRange<Int> = 1...1_000
    /// A GAP agent capacity: an integer 1…1,000,000.
    public static let gapCapacity: ClosedRange<Int> = 1...1_000_000

    /// `kapstok bench --sweep --sizes`: mentees and mentors of a generated round, each 1…100,000.
    public static let sweepPeople: ClosedRange<Int> = 1...100_000
    /// Mentees × mentors of a sweep's round: at most 20,000,000 pairs.
    public static let sweepPairs = 20_000_000
    /// Sizes of one sweep: 1…20.
    public static let sweepSizes: ClosedRange<Int> = 1...20
    /// `kapstok bench --seeds`: seeds of the random strategy on a round, or generated rounds per
    /// size in a sweep: 1…100.
    public static let benchSeeds: ClosedRange<Int> = 1...100

    /// `mentees × mentors`, or `nil` when that exceeds ``maxPairs`` (computed without overflow).
    public static func pairCount(mentees: Int, mentors: Int) -> Int? {
        let (product, overflow) = max(0, mentees).multipliedReportingOverflow(by: max(0, mentors))
        return overflow || product > maxPairs ? nil : product
    }

    /// `0–5` for ranges that start at 0 or above, `-1000 to 1000` otherwise.
    public static func describe(_ range: ClosedRange<Int>) -> String {
        range.lowerBound < 0 ? "\(range.lowerBound) to \(range.upperBound)" : "\(range.lowerBound)–\(range.upperBound)"
    }
}

/// An interval of finite numbers, closed at the top, open or closed at the bottom.
public struct NumberRange: Sendable, Hashable, CustomStringConvertible {
    public let lowerBound: Double
    /// Whether ``lowerBound`` itself is accepted.
    public let includesLowerBound: Bool
    public let upperBound: Double

    /// `lower < x ≤ upper`.
    public init(above lower: Double, atMost upper: Double) {
        lowerBound = lower
        includesLowerBound = false
        upperBound = upper
    }

    /// `lower ≤ x ≤ upper`.
    public init(atLeast lower: Double, atMost upper: Double) {
        lowerBound = lower
        includesLowerBound = true
        upperBound = upper
    }

    /// Whether a value is finite and inside the range.
    public func contains(_ value: Double) -> Bool {
        value.isFinite && (includesLowerBound ? value >= lowerBound : value > lowerBound) && value <= upperBound
    }

    /// `a number > 0 and ≤ 1000`, `a number from -1000000000 to 1000000000`.
    public var description: String {
        if includesLowerBound {
            return "a number from \(Self.text(lowerBound)) to \(Self.text(upperBound))"
        }
        return "a number > \(Self.text(lowerBound)) and ≤ \(Self.text(upperBound))"
    }

    /// Whole bounds without a fraction: `1000`, `-1000000000`.
    private static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
