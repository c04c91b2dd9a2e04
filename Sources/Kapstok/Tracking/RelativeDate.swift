import Diagnostics

/// A due date as a user writes it: a calendar date, or an offset from the match, the program's
/// start or its end.
///
/// The grammar (case-insensitive; words separated by any blanks):
///
/// ```
/// date      = YYYY-MM-DD                                  "2027-03-15"
///           | N unit ("after" | "before") anchor          "4 weeks after the match"
///           | anchor                                      "the end" (the anchor itself)
///           | "+" N ("d" | "w" | "m")                     "+4w" (after the match)
/// unit      = "day" | "days" | "week" | "weeks" | "month" | "months"
/// anchor    = ["the"] ["program"] ("match" | "start" | "end")
/// N         = 0…9999, decimal digits
/// ```
///
/// Days and weeks count calendar days (a week is 7 days). Months are calendar months: the same
/// day of the month `N` months later (or earlier), clamped to the month's last day
/// (31 January + 1 month = 28 or 29 February). A resolved date must lie within
/// ``Limits/programDate``.
public enum RelativeDate: Sendable, Hashable, CustomStringConvertible {
    case absolute(CalendarDate)
    /// `amount` units after the anchor (before when negative).
    case offset(amount: Int, unit: Unit, anchor: Anchor)

    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case days, weeks, months
    }

    public enum Anchor: String, Sendable, Hashable, CaseIterable {
        /// The round's match date (the goal's start).
        case match
        /// The program's start.
        case start
        /// The program's end.
        case end
    }

    /// The days the anchors stand for.
    public struct Anchors: Sendable, Hashable {
        public var match: CalendarDate
        public var programStart: CalendarDate
        public var programEnd: CalendarDate

        public init(match: CalendarDate, programStart: CalendarDate, programEnd: CalendarDate) {
            self.match = match
            self.programStart = programStart
            self.programEnd = programEnd
        }

        public func date(of anchor: Anchor) -> CalendarDate {
            switch anchor {
            case .match: match
            case .start: programStart
            case .end: programEnd
            }
        }
    }

    /// Why a text is not a date, as a lowercase message fragment with the text quoted.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// What the grammar accepts, for messages.
    public static let expected =
        "expected YYYY-MM-DD, 'N days|weeks|months after|before the match|start|end', or '+Nd', '+Nw', '+Nm' (after the match)"

    /// The largest `N`.
    public static let maximumAmount = 9999

    // MARK: - Parsing

    /// Reads a date of the grammar above.
    public static func parse(_ text: String) throws(ParseError) -> RelativeDate {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        func fail(_ why: String) -> ParseError { ParseError(message: "\(why) \(Diagnostic.quoted(text)); \(expected)") }
        guard let first = words.first else { throw ParseError(message: "empty date; \(expected)") }
        if words.count == 1, first.first?.isNumber == true, first.contains("-") {
            guard let date = isoDate(first) else { throw fail("invalid date") }
            guard date.isValid else { throw ParseError(message: "\(Diagnostic.quoted(text)) is not a calendar date") }
            guard Limits.programDate.contains(date) else { throw outOfRange(text, date) }
            return .absolute(date)
        }
        if words.count == 1, first.hasPrefix("+") {
            let body = first.dropFirst()
            guard let letter = body.last, let unit = Self.unit(String(letter)) else { throw fail("invalid date") }
            let amount = try self.amount(String(body.dropLast()), in: text)
            return .offset(amount: amount, unit: unit, anchor: .match)
        }
        if let anchor = anchor(words) { return .offset(amount: 0, unit: .days, anchor: anchor) }
        guard words.count >= 4 else { throw fail("invalid date") }
        let amount = try self.amount(words[0], in: text)
        guard let unit = unit(words[1]) else {
            throw ParseError(message: "unknown unit \(Diagnostic.quoted(words[1])) in \(Diagnostic.quoted(text)); expected days, weeks or months")
        }
        let sign: Int
        switch words[2] {
        case "after": sign = 1
        case "before": sign = -1
        default:
            throw ParseError(message: "expected 'after' or 'before' instead of \(Diagnostic.quoted(words[2])) in \(Diagnostic.quoted(text))")
        }
        guard let anchor = anchor(Array(words[3...])) else {
            let rest = words[3...].joined(separator: " ")
            throw ParseError(message: "unknown anchor \(Diagnostic.quoted(rest)) in \(Diagnostic.quoted(text)); expected the match, the start or the end")
        }
        return .offset(amount: sign * amount, unit: unit, anchor: anchor)
    }

    /// Reads and resolves a date in one step.
    public static func resolve(_ text: String, anchors: Anchors) throws(ParseError) -> CalendarDate {
        let date = try parse(text).resolved(anchors: anchors)
        guard Limits.programDate.contains(date) else { throw outOfRange(text, date) }
        return date
    }

    private static func outOfRange(_ text: String, _ date: CalendarDate) -> ParseError {
        ParseError(message: "\(Diagnostic.quoted(text)) falls on \(date), outside \(Limits.programDate.lowerBound) to \(Limits.programDate.upperBound)")
    }

    private static func amount(_ word: String, in text: String) throws(ParseError) -> Int {
        guard !word.isEmpty, word.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw ParseError(message: "expected a whole number of days, weeks or months instead of \(Diagnostic.quoted(word)) in \(Diagnostic.quoted(text))")
        }
        guard word.utf8.count <= 4, let value = Int(word), value <= maximumAmount else {
            throw ParseError(message: "\(Diagnostic.quoted(word)) in \(Diagnostic.quoted(text)) is too large; at most \(maximumAmount)")
        }
        return value
    }

    private static func unit(_ word: String) -> Unit? {
        switch word {
        case "d", "day", "days": .days
        case "w", "week", "weeks": .weeks
        case "m", "month", "months": .months
        default: nil
        }
    }

    private static func anchor(_ words: [String]) -> Anchor? {
        var rest = words[...]
        if rest.first == "the" { rest = rest.dropFirst() }
        if rest.first == "program" { rest = rest.dropFirst() }
        guard rest.count == 1, let word = rest.first else { return nil }
        return Anchor(rawValue: word)
    }

    /// `YYYY-MM-DD` with exactly these digit counts; nil otherwise (not checked as a calendar date).
    private static func isoDate(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    // MARK: - Resolving

    /// The day this date stands for (not range-checked; ``resolve(_:anchors:)`` checks).
    public func resolved(anchors: Anchors) -> CalendarDate {
        switch self {
        case .absolute(let date):
            return date
        case .offset(let amount, let unit, let anchor):
            let base = anchors.date(of: anchor)
            switch unit {
            case .days: return base.adding(days: amount)
            case .weeks: return base.adding(days: 7 * amount)
            case .months: return base.adding(months: amount)
            }
        }
    }

    /// The date in the grammar's words: `2027-03-15`, `4 weeks after the match`, `the end`.
    public var description: String {
        switch self {
        case .absolute(let date):
            return date.description
        case .offset(let amount, let unit, let anchor):
            if amount == 0 { return "the \(anchor.rawValue)" }
            let count = abs(amount)
            let word = count == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue
            return "\(count) \(word) \(amount > 0 ? "after" : "before") the \(anchor.rawValue)"
        }
    }
}

extension CalendarDate {
    /// The same day `months` calendar months later (earlier when negative), clamped to the last
    /// day of the month (2027-01-31 + 1 month = 2027-02-28).
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        return CalendarDate(year: newYear, month: newMonth, day: min(day, Self.daysIn(month: newMonth, year: newYear)))
    }
}
