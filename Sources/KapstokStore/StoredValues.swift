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

    /// Reads `YYYY-MM-DD` without Foundation or copying (the report reads ~100,000 dates).
    static func date(_ text: String) -> CalendarDate? {
        var text = text
        return text.withUTF8 { bytes in date(bytes) }
    }

    /// Reads `YYYY-MM-DDTHH:MM`.
    static func localTime(_ text: String) -> LocalDateTime? {
        var text = text
        return text.withUTF8 { bytes -> LocalDateTime? in
            guard bytes.count >= 16, let date = date(bytes), bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
                let hours = number(bytes, 11, 2), let minutes = number(bytes, 14, 2)
            else { return nil }
            return LocalDateTime(date: date, time: ClockTime(hours: hours, minutes: minutes))
        }
    }

    private static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2)
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let byte = bytes[index]
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    // MARK: Lists

    static func text(_ list: [String]) -> String { list.joined(separator: String(unit)) }

    /// Splits on the unit separator, byte-wise (splitting a `String` on a `Character` walks
    /// grapheme clusters, ten times slower on 5,000 people).
    static func list(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        return text.utf8.split(separator: unitByte, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    static let unitByte: UInt8 = 0x1F
    static let recordByte: UInt8 = 0x1E

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

    /// The `(item id, value)` pairs of a per-item text, in stored order.
    static func pairs(_ text: String) -> [(id: String, value: Int?)] {
        var result: [(id: String, value: Int?)] = []
        for part in text.utf8.split(separator: unitByte, omittingEmptySubsequences: true) {
            guard let separator = part.firstIndex(of: recordByte) else { continue }
            let id = String(decoding: part[part.startIndex..<separator], as: UTF8.self)
            var value: Int?
            for byte in part[part.index(after: separator)...] {
                guard (48...57).contains(byte) else { value = nil; break }
                value = (value ?? 0) * 10 + Int(byte - 48)
            }
            result.append((id, value))
        }
        return result
    }

    static func map(_ text: String) -> [String: Int?] {
        var result: [String: Int?] = [:]
        for (id, value) in pairs(text) { result[id] = value }
        return result
    }

    /// The stored values aligned with `items`; an item without a stored value gets `missing`.
    /// When the stored ids are the items in order (the usual case), ids are compared byte-wise
    /// and nothing but the values is built.
    static func values(_ text: String, items: [FrameworkItem], missing: Int?) -> [Int?] {
        if text.isEmpty { return [] }
        var result: [Int?] = []
        result.reserveCapacity(items.count)
        var aligned = true
        var contiguous = text
        contiguous.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                // One `id<record>value` part, up to the next unit separator.
                var end = index
                while end < bytes.count && bytes[end] != unitByte { end += 1 }
                defer { index = end + 1 }
                if end == index { continue }
                var separator = index
                while separator < end && bytes[separator] != recordByte { separator += 1 }
                guard result.count < items.count, separator < end,
                    items[result.count].id.utf8.elementsEqual(UnsafeBufferPointer(rebasing: bytes[index..<separator]))
                else {
                    aligned = false
                    return
                }
                var value: Int?
                for byte in bytes[(separator + 1)..<end] {
                    guard (48...57).contains(byte) else { value = nil; break }
                    value = (value ?? 0) * 10 + Int(byte - 48)
                }
                result.append(value)
            }
        }
        if aligned && result.count == items.count { return result }
        var byID: [String: Int?] = [:]
        for (id, value) in pairs(text) { byID[id] = value }
        return items.map { item in byID[item.id] ?? missing }
    }
}

extension Optional where Wrapped == String {
    /// The text of an optional cell in field-change reports: empty for nil.
    var shown: String { self ?? "" }
}
