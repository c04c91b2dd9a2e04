import Foundation
import Kapstok

/// Value formats of RFC 5545 §3.3: DATE-TIME (local and UTC) and UTC-OFFSET.
enum ICSFormat {
    /// `YYYYMMDDTHHMMSS`, a local time (written with a `TZID` parameter). `24:00` (a
    /// ``ClockTime`` end of day) is written as `000000` of the next day: RFC 5545 hours are 00–23.
    static func local(_ time: LocalDateTime, seconds: Int = 0) -> String {
        let day = time.date.adding(days: time.time.minutes / 1440)
        let minutes = time.time.minutes % 1440
        return date(day) + "T" + pad(minutes / 60, 2) + pad(minutes % 60, 2) + pad(seconds, 2)
    }

    /// `YYYYMMDDTHHMMSSZ`: the UTC time of a `Date`, to the second (rounded down).
    static func utc(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let day = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let rest = seconds - day * 86400
        return date(CalendarDate(dayNumber: day)) + "T" + pad(rest / 3600, 2) + pad(rest / 60 % 60, 2) + pad(rest % 60, 2) + "Z"
    }

    /// `+HHMM` or `-HHMM` (`+HHMMSS` when there are seconds); zero is `+0000`.
    static func offset(_ seconds: Int) -> String {
        let magnitude = abs(seconds)
        let text = pad(magnitude / 3600, 2) + pad(magnitude / 60 % 60, 2) + (magnitude % 60 == 0 ? "" : pad(magnitude % 60, 2))
        return (seconds < 0 ? "-" : "+") + text
    }

    /// `GMT`, `GMT+1`, `GMT-4`, `GMT+5:30`.
    static func offsetName(_ seconds: Int) -> String {
        guard seconds != 0 else { return "GMT" }
        let magnitude = abs(seconds)
        let minutes = magnitude / 60 % 60
        return "GMT" + (seconds < 0 ? "-" : "+") + String(magnitude / 3600) + (minutes == 0 ? "" : ":" + pad(minutes, 2))
    }

    private static func date(_ date: CalendarDate) -> String { pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2) }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
