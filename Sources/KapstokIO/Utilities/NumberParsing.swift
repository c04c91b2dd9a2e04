/// Strict number parsing for CSV cells and configuration values.
///
/// Only plain decimal notation is accepted — `[+-]digits[.digits][e[+-]digits]` — so `inf`,
/// `nan` and hexadecimal floats, which `Double(_:)` would take, are rejected.
enum NumberParsing {
    /// Whether the text is a plain decimal number, e.g. `3`, `-3.5`, `.5`, `1e-3`.
    static func isPlainDecimal(_ text: some StringProtocol) -> Bool {
        var bytes = text.utf8.makeIterator()
        var byte = bytes.next()
        if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { byte = bytes.next() }
        var mantissaDigits = 0
        while let digit = byte, isDigit(digit) {
            mantissaDigits += 1
            byte = bytes.next()
        }
        if byte == UInt8(ascii: ".") {
            byte = bytes.next()
            while let digit = byte, isDigit(digit) {
                mantissaDigits += 1
                byte = bytes.next()
            }
        }
        guard mantissaDigits > 0 else { return false }
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            byte = bytes.next()
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { byte = bytes.next() }
            var exponentDigits = 0
            while let digit = byte, isDigit(digit) {
                exponentDigits += 1
                byte = bytes.next()
            }
            guard exponentDigits > 0 else { return false }
        }
        return byte == nil
    }

    /// A finite number in plain decimal notation.
    ///
    /// - Parameter allowsDecimalComma: also accept one `,` as the decimal mark (`3,5`), as
    ///   semicolon-separated exports from European Excel write numbers.
    static func finiteDouble(_ text: String, allowsDecimalComma: Bool = false) -> Double? {
        decimal(text, allowsDecimalComma: allowsDecimalComma).flatMap { $0.isFinite ? $0 : nil }
    }

    /// A number in plain decimal notation, possibly too large for a finite `Double` (`1e400`
    /// gives infinity), so that the caller can say it is out of range rather than not a number.
    ///
    /// - Parameter allowsDecimalComma: as in ``finiteDouble(_:allowsDecimalComma:)``.
    static func decimal(_ text: String, allowsDecimalComma: Bool = false) -> Double? {
        var text = text
        if allowsDecimalComma, !text.contains("."), text.utf8.count(where: { $0 == UInt8(ascii: ",") }) == 1 {
            text = text.replacingComma()
        }
        guard isPlainDecimal(text), let value = Double(text), !value.isNaN else { return nil }
        return value
    }

    /// What an integer cell holds.
    enum IntegerReading: Equatable {
        /// An integer that fits an `Int`: `3`, `03`, `+3`, `-12`.
        case integer(Int)
        /// Only digits (with a sign), but too many for an `Int`: out of any range Kapstok uses.
        case tooLarge(negative: Bool)
        /// A number with a fraction or exponent, `3.0`, `3,5`, `1e3`: not an integer.
        case decimal
        /// Not a number.
        case invalid
    }

    /// Reads an integer cell, telling an overflowing integer and a decimal apart from text.
    static func readInteger(_ text: String) -> IntegerReading {
        var digits = text.utf8[...]
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        if !digits.isEmpty, digits.allSatisfy(isDigit) {
            if let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .integer(value) }
            return .tooLarge(negative: negative)
        }
        if isPlainDecimal(text) { return .decimal }
        let commas = text.utf8.count(where: { $0 == UInt8(ascii: ",") })
        if commas == 1, !text.contains("."), isPlainDecimal(text.replacingComma()) { return .decimal }
        return .invalid
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}

extension String {
    /// The string with its commas replaced by periods.
    fileprivate func replacingComma() -> String {
        String(decoding: utf8.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
    }
}
