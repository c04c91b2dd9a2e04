import Kapstok

/// How domain values are written in the database's TEXT columns, and read back.
///
/// Dates are `YYYY-MM-DD` and local times `YYYY-MM-DDTHH:MM` (so text order is time order and
/// `sqlite3` shows them as they are); lists and per-item maps use the ASCII unit and record
/// separators, which no id, name or language from a loaded file contains (the loaders refuse
/// control characters).
enum StoredValues {
    static let unit: Character = "\u{1F}"
    static let record: Character = "\u{1E}"

    // MARK: Dates and times

    static func text(_ date: CalendarDate) -> String { date.description }

    static func text(_ time: LocalDateTime) -> String { "\(time.date)T\(time.time)" }

    /// Reads `YYYY-MM-DD` without Foundation (the report reads ~100,000 dates).
    static func date(_ text: String) -> CalendarDate? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2)
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// Reads `YYYY-MM-DDTHH:MM`.
    static func localTime(_ text: String) -> LocalDateTime? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 16, let date = date(text), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), let hours = number(bytes, 11, 2), let minutes = number(bytes, 14, 2)
        else { return nil }
        return LocalDateTime(date: date, time: ClockTime(hours: hours, minutes: minutes))
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    // MARK: Lists

    static func text(_ list: [String]) -> String { list.joined(separator: String(unit)) }

    static func list(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: unit, omittingEmptySubsequences: false).map(String.init)
    }

    // MARK: Per-item values

    /// Values aligned with `items` (a framework's competencies or domains) as `id␞value␟…`,
    /// keyed by item id so that a later framework (items added, removed or reordered) still
    /// finds each person's levels.
    static func text(_ values: [Int?], items: [FrameworkItem]) -> String {
        var parts: [String] = []
        for (item, value) in zip(items, values) {
            parts.append(item.id + String(record) + (value.map(String.init) ?? ""))
        }
        return parts.joined(separator: String(unit))
    }

    static func map(_ text: String) -> [String: Int?] {
        var result: [String: Int?] = [:]
        for part in list(text) {
            let halves = part.split(separator: record, maxSplits: 1, omittingEmptySubsequences: false)
            guard halves.count == 2 else { continue }
            result[String(halves[0])] = Int(halves[1])
        }
        return result
    }

    /// The stored values aligned with `items`; an item without a stored value gets `missing`.
    static func values(_ text: String, items: [FrameworkItem], missing: Int?) -> [Int?] {
        if text.isEmpty { return [] }
        let stored = map(text)
        return items.map { item in stored[item.id] ?? missing }
    }
}

extension Optional where Wrapped == String {
    /// The text of an optional cell in field-change reports: empty for nil.
    var shown: String { self ?? "" }
}
