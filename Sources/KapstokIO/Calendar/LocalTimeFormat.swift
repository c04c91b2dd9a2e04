import Kapstok

/// The text forms of dates and times in Kapstok's CSV files.
///
/// - A date: `2027-04-06` (`YYYY-MM-DD`, a valid calendar date).
/// - A session time: `2027-04-06T10:00:00+02:00`, the wall-clock time of the program's time zone
///   followed by that zone's UTC offset at that time (RFC 3339 with a numeric offset). Seconds
///   are always `00`. `24:00` (a session ending at midnight) is written as `00:00` of the next
///   day; ``SessionsLoader`` reads it back as `24:00` of the session's day.
public enum LocalTimeFormat {
    /// `2027-04-06T10:00:00+02:00`: `local` with the UTC offset `offsetSeconds` (whole minutes).
    public static func string(_ local: LocalDateTime, offsetSeconds: Int) -> String {
        var date = local.date, minutes = local.time.minutes
        if minutes >= 1440 {
            date = date.adding(days: minutes / 1440)
            minutes %= 1440
        }
        return "\(date)T\(ClockTime(minutes: minutes)):00" + offsetText(offsetSeconds)
    }

    /// `local` with the offset that `clock` gives at that time.
    public static func string(_ local: LocalDateTime, clock: any WallClock) -> String {
        string(local, offsetSeconds: clock.utcOffsetSeconds(at: local))
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS±HH:MM` (or `…Z` for UTC) with seconds `00`: the local time as
    /// written (`00:00`…`23:59`) and the offset in seconds; `nil` for any other text or an invalid
    /// date, time or offset (beyond ±18:00).
    public static func dateTime(_ text: String) -> (local: LocalDateTime, offsetSeconds: Int)? {
        let utf8 = Array(text.utf8)
        guard utf8.count == 25 || utf8.count == 20, utf8[10] == UInt8(ascii: "T"),
            let date = date(bytes: utf8[0..<10]),
            let time = ClockTime(String(decoding: utf8[11..<16], as: UTF8.self)), time.minutes < 1440,
            utf8[16] == UInt8(ascii: ":"), utf8[17] == UInt8(ascii: "0"), utf8[18] == UInt8(ascii: "0")
        else { return nil }
        let local = LocalDateTime(date: date, time: time)
        if utf8.count == 20 { return utf8[19] == UInt8(ascii: "Z") ? (local, 0) : nil }
        let sign: Int
        switch utf8[19] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: return nil
        }
        guard let offset = ClockTime(String(decoding: utf8[20..<25], as: UTF8.self)), offset.minutes <= 18 * 60 else {
            return nil
        }
        return (local, sign * offset.minutes * 60)
    }

    /// Reads a date `YYYY-MM-DD` (exactly: four-digit year, two-digit month and day), a valid date
    /// of the calendar; `nil` otherwise.
    public static func date(_ text: String) -> CalendarDate? {
        date(bytes: Array(text.utf8)[...])
    }

    private static func date(bytes: ArraySlice<UInt8>) -> CalendarDate? {
        let b = Array(bytes)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ (48...57).contains(b[$0]) })
        else { return nil }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(b[$1] - 48) } }
        let date = CalendarDate(year: number(0..<4), month: number(5..<7), day: number(8..<10))
        return date.isValid ? date : nil
    }

    /// `+02:00`, `-04:00`, `+05:30`.
    public static func offsetText(_ offsetSeconds: Int) -> String {
        let minutes = abs(offsetSeconds) / 60
        return (offsetSeconds < 0 ? "-" : "+") + pad(minutes / 60) + ":" + pad(minutes % 60)
    }

    private static func pad(_ value: Int) -> String { (value < 10 ? "0" : "") + String(value) }
}
