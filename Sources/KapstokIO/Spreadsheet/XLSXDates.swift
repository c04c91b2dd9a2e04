import Kapstok
/// Excel's date and time numbers: which number formats show them, and their text.
///
/// A date is a number of days (the *serial*) since the workbook's epoch, the time of day its
/// fraction. In the 1900 system serial 1 is 1900-01-01 and Excel counts a 1900-02-29 that never
/// was (serial 60), so serials from 61 on are one day later than the count suggests; in the
/// 1904 system (Mac Excel, `date1904`) serial 0 is 1904-01-01.
enum XLSXDates {
    /// What a date/time format shows.
    struct Kind: Equatable {
        var hasDate: Bool
        var hasTime: Bool
    }

    /// The kind of a built-in number format id; `nil` for a format that is not a date or time.
    /// Ids 14–17, 27–36 and 50–58 are dates, 18–21 and 45–47 times, 22 both.
    static func kind(ofBuiltIn id: Int) -> Kind? {
        switch id {
        case 14...17, 27...36, 50...58: Kind(hasDate: true, hasTime: false)
        case 18...21, 45...47: Kind(hasDate: false, hasTime: true)
        case 22: Kind(hasDate: true, hasTime: true)
        default: nil
        }
    }

    /// The kind of a custom format code: `d`, `y` (and `m` without `h` or `s`) outside quotes,
    /// brackets and escapes make a date; `h` or `s` a time. `nil` when it has none of them.
    static func kind(ofFormat code: String) -> Kind? {
        var letters = Set<Character>()
        var isQuoted = false, isBracketed = false, isEscaped = false
        var bracket = ""
        // Only the first section (positive numbers) decides.
        for character in code {
            if isEscaped { isEscaped = false; continue }
            if isQuoted { if character == "\"" { isQuoted = false }; continue }
            if isBracketed {
                if character == "]" {
                    isBracketed = false
                    // Elapsed time: [h], [mm], [ss].
                    let lowered = bracket.lowercased()
                    if !lowered.isEmpty, lowered.allSatisfy({ "hms".contains($0) }) { letters.insert("h") }
                } else {
                    bracket.append(character)
                }
                continue
            }
            switch character {
            case "\\", "_", "*": isEscaped = true
            case "\"": isQuoted = true
            case "[": isBracketed = true; bracket = ""
            case ";": return kind(of: letters)
            default: letters.insert(Character(character.lowercased()))
            }
        }
        return kind(of: letters)
    }

    private static func kind(of letters: Set<Character>) -> Kind? {
        let hasTime = letters.contains("h") || letters.contains("s")
        let hasDate = letters.contains("d") || letters.contains("y") || (letters.contains("m") && !hasTime)
        return hasDate || hasTime ? Kind(hasDate: hasDate, hasTime: hasTime) : nil
    }

    /// The largest serial read: 2958465, 9999-12-31 in the 1900 system (Excel's own limit).
    static let maximumSerial = 2_958_465.0

    /// The text of a date serial: `YYYY-MM-DD`, `HH:MM` (a time-only format, or a serial below
    /// one day in a date-and-time format) or `YYYY-MM-DDTHH:MM`; seconds are added (`:SS`) when
    /// not zero. `nil` for a serial Excel cannot show as a date: negative, over
    /// ``maximumSerial``, or 60 in the 1900 system (the 1900-02-29 that never was).
    static func text(serial: Double, kind: Kind, uses1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial <= maximumSerial else { return nil }
        var totalSeconds = Int((serial * 86_400).rounded())
        var days = totalSeconds / 86_400
        totalSeconds -= days * 86_400
        let time = timeText(seconds: totalSeconds)
        if !kind.hasDate { return time }
        if kind.hasTime, serial < 1 { return time }
        if !uses1904 {
            if days == 60 { return nil }
            if days < 60 { days += 1 }  // Excel's leap-day bug: serials before it are one day off.
        }
        // Days since 1970-01-01 of the epoch: 1899-12-30 (1900 system) or 1904-01-01.
        let unixDays = days + (uses1904 ? -24_107 : -25_569)
        let dateText = CalendarDate(dayNumber: unixDays).description
        return kind.hasTime && totalSeconds != 0 ? "\(dateText)T\(time)" : dateText
    }

    private static func timeText(seconds: Int) -> String {
        let hours = seconds / 3600, minutes = seconds / 60 % 60, rest = seconds % 60
        return "\(pad(hours, 2)):\(pad(minutes, 2))" + (rest == 0 ? "" : ":\(pad(rest, 2))")
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
