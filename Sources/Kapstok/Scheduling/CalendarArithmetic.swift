/// Day arithmetic on ``CalendarDate`` (proleptic Gregorian, no time zone), ISO weekdays and
/// ISO weeks, without Foundation: the scheduler counts calendar days between session dates and
/// caps sessions per ISO week (Monday to Sunday).
extension CalendarDate {
    /// Days since 1970-01-01 (negative before), by the days-from-civil algorithm.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a ``dayNumber``.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Calendar days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// The ISO weekday.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber % 7) + 7 + 3) % 7
        return Weekday.allCases[index]
    }

    /// The day number of the Monday that starts this date's ISO week: two dates are in the same
    /// ISO week exactly when their `weekStart` is equal.
    public var weekStart: Int { dayNumber - (weekday.rawValue - 1) }

    /// Whether the text is a valid date of this calendar.
    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= Self.daysIn(month: month, year: year)
    }
}

/// An ISO weekday, Monday = 1 … Sunday = 7.
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `mon` … `sun`.
    public var shortName: String { String(name.prefix(3)) }

    /// `monday` … `sunday`.
    public var name: String {
        switch self {
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        case .sunday: "sunday"
        }
    }

    public var description: String { shortName }

    /// Reads `mon`…`sun` or `monday`…`sunday`, in any case; `nil` otherwise.
    public init?(name text: String) {
        let lower = text.lowercased()
        guard let match = Weekday.allCases.first(where: { $0.shortName == lower || $0.name == lower }) else { return nil }
        self = match
    }
}

/// A time of day as minutes after midnight, 0…1440 (1440 is `24:00`, an end only).
public struct ClockTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    public init(hours: Int, minutes: Int) { self.minutes = hours * 60 + minutes }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }

    /// `HH:MM`.
    public var description: String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }

    /// Reads `HH:MM` (exactly five characters, `00:00`…`24:00`); `nil` otherwise.
    public init?(_ text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 5, utf8[2] == UInt8(ascii: ":"),
            [0, 1, 3, 4].allSatisfy({ (48...57).contains(utf8[$0]) })
        else { return nil }
        let hours = Int(utf8[0] - 48) * 10 + Int(utf8[1] - 48)
        let minutes = Int(utf8[3] - 48) * 10 + Int(utf8[4] - 48)
        guard minutes < 60, hours < 24 || (hours == 24 && minutes == 0) else { return nil }
        self.minutes = hours * 60 + minutes
    }
}

/// A span of a day, `start < end`, both ``ClockTime``s.
public struct TimeWindow: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var start: ClockTime
    public var end: ClockTime

    public init(start: ClockTime, end: ClockTime) {
        self.start = start
        self.end = end
    }

    public static func < (lhs: TimeWindow, rhs: TimeWindow) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }

    /// `HH:MM-HH:MM`.
    public var description: String { "\(start)-\(end)" }

    /// Reads `HH:MM-HH:MM` (blanks around either time allowed) with start < end; `nil` otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
            let start = ClockTime(parts[0].trimmingCharacters(in: " \t")),
            let end = ClockTime(parts[1].trimmingCharacters(in: " \t")), start < end
        else { return nil }
        self.start = start
        self.end = end
    }

    /// Minutes from start to end.
    public var minutes: Int { end.minutes - start.minutes }

    /// Whether a span of `minutes` from `start` (minutes after midnight) lies inside the window.
    public func holds(start: Int, minutes: Int) -> Bool {
        start >= self.start.minutes && start + minutes <= end.minutes
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in blanks: String) -> String {
        var text = self
        while let first = text.first, blanks.contains(first) { text.removeFirst() }
        while let last = text.last, blanks.contains(last) { text.removeLast() }
        return String(text)
    }
}

/// A wall-clock time of the program's time zone: a date and a time of day.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: CalendarDate
    public var time: ClockTime

    public init(date: CalendarDate, time: ClockTime) {
        self.date = date
        self.time = time
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool { (lhs.date, lhs.time) < (rhs.date, rhs.time) }

    /// Minutes since 1970-01-01 00:00 of the same wall clock (no zone).
    public var minuteNumber: Int { date.dayNumber * 1440 + time.minutes }

    /// The local time `minuteNumber` minutes after 0000-03-01 00:00 (the inverse of ``minuteNumber``).
    public init(minuteNumber: Int) {
        let (day, minute) = minuteNumber.quotientAndRemainder(dividingBy: 1440)
        let (date, time) = minute < 0 ? (day - 1, minute + 1440) : (day, minute)
        self.init(date: CalendarDate(dayNumber: date), time: ClockTime(minutes: time))
    }

    /// `YYYY-MM-DDTHH:MM:00` (no offset).
    public var description: String { "\(date)T\(time):00" }
}
