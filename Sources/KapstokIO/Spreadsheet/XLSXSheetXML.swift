import Kapstok

/// An XML byte buffer for the workbook parts: text is appended as UTF-8, escaped for XML 1.0 and
/// OOXML (``appendText(_:)``).
struct XMLBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 1 << 12) { bytes.reserveCapacity(capacity) }

    /// Markup, as is.
    mutating func append(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A non-negative whole number in decimal.
    mutating func append(_ number: Int) {
        if number < 10 { bytes.append(UInt8(48 + number)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = number
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// Raw bytes (already valid XML).
    mutating func append(bytes other: [UInt8]) { bytes.append(contentsOf: other) }

    /// Text escaped for element content or a `"`-quoted attribute: `& < > "` as entities, the
    /// characters XML 1.0 forbids (C0 controls but tab and line feed, U+FFFE, U+FFFF) and carriage
    /// return (which XML parsers would turn into a line feed) as OOXML `_xHHHH_`, and a literal
    /// `_xHHHH_` (or `_xH_` … `_xHHH_`) as `_x005F_xHHHH_` so that a reader gives it back unchanged.
    mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { input in
            if !input.contains(where: Self.needsCare) {
                bytes.append(contentsOf: input)
                return
            }
            var index = 0
            while index < input.count {
                let byte = input[index]
                switch byte {
                case UInt8(ascii: "&"): append("&amp;")
                case UInt8(ascii: "<"): append("&lt;")
                case UInt8(ascii: ">"): append("&gt;")
                case UInt8(ascii: "\""): append("&quot;")
                case UInt8(ascii: "_"):
                    if Self.isEscapePattern(input, at: index) { append("_x005F_") } else { bytes.append(byte) }
                case 0x09, 0x0A: bytes.append(byte)
                case 0..<0x20: appendEscape(UInt32(byte))
                case 0xEF where index + 2 < input.count && input[index + 1] == 0xBF && (input[index + 2] == 0xBE || input[index + 2] == 0xBF):
                    appendEscape(input[index + 2] == 0xBE ? 0xFFFE : 0xFFFF)
                    index += 2
                default: bytes.append(byte)
                }
                index += 1
            }
        }
    }

    private static func needsCare(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "_") || byte == 0xEF
    }

    /// Whether `_x`, 1 to 4 hex digits and `_` start at `index` (OOXML escapes have 4 digits, but
    /// LibreOffice also decodes shorter ones, so those are protected too).
    private static func isEscapePattern(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 3 < input.count, input[index + 1] == UInt8(ascii: "x") || input[index + 1] == UInt8(ascii: "X") else { return false }
        var digits = 0
        var position = index + 2
        while position < input.count, digits < 4, hexValue(input[position]) != nil {
            digits += 1
            position += 1
        }
        return digits > 0 && position < input.count && input[position] == UInt8(ascii: "_")
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }

    private mutating func appendEscape(_ scalar: UInt32) {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        append("_x")
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int((scalar >> UInt32(shift)) & 0xF)]) }
        bytes.append(UInt8(ascii: "_"))
    }
}

/// The pieces of a worksheet part.
enum XLSXCells {
    /// Excel's limit on the text of one cell, in UTF-16 code units.
    static let maximumTextLength = 32_767
    /// The narrowest and widest column (in characters of the default font).
    static let columnWidths = 8...60

    /// `A`, `B`, …, `Z`, `AA`, … for a 0-based column.
    static func columnName(_ index: Int) -> [UInt8] {
        var name: [UInt8] = []
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name.insert(UInt8(65 + digit), at: 0)
            rest = (rest - 1) / 26
        }
        return name
    }

    /// The text cut to Excel's cell limit (at a character boundary).
    static func clipped(_ text: String) -> String {
        guard text.utf8.count > maximumTextLength, text.utf16.count > maximumTextLength else { return text }
        var length = 0
        var end = text.startIndex
        for character in text {
            let units = character.utf16.count
            if length + units > maximumTextLength { break }
            length += units
            end = text.index(after: end)
        }
        return String(text[..<end])
    }

    /// Unicode scalars in a text (the width measure; quick for ASCII).
    static func shownLength(_ text: String, atLeast current: Int) -> Int {
        let utf8 = text.utf8
        if utf8.count <= current { return 0 }
        var count = 0
        for byte in utf8 where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The length a number shows with in a workbook.
    static func shownLength(_ value: Double, text: String, style: OutputCell.NumberStyle) -> Int {
        switch style {
        case .general: return text.utf8.count
        case .integer, .twoDecimals:
            let magnitude = abs(value).rounded()
            let digits = magnitude < 1e15 ? String(Int64(magnitude)).utf8.count : 16
            return digits + (value < 0 ? 1 : 0) + (style == .twoDecimals ? 3 : 0)
        }
    }

    /// A number as the `<v>` element holds it: shortest text that reads back as the same
    /// `Double` (``NumberFormatting/decimal(_:)``).
    static func value(_ number: Double) -> String { NumberFormatting.decimal(number) }

    /// The serial day number of a date in the 1900 date system (1970-01-01 is 25,569); `nil`
    /// before 1900-03-01, after 9999-12-31 or for an invalid date. Before 1900-03-01 Excel counts
    /// its phantom 1900-02-29 and LibreOffice does not, so the same serial shows as different
    /// days: such dates are written as text.
    static func serial(_ date: CalendarDate) -> Int? {
        guard date.isValid, date >= CalendarDate(year: 1900, month: 3, day: 1), date.year <= 9999 else { return nil }
        return date.dayNumber + 25_569
    }
}
