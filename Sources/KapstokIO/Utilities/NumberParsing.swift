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
        var text = text
        if allowsDecimalComma, !text.contains("."), text.utf8.count(where: { $0 == UInt8(ascii: ",") }) == 1 {
            text = text.replacingComma()
        }
        guard isPlainDecimal(text), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// An integer in plain decimal notation (`+` allowed), without a fraction or exponent.
    static func integer(_ text: String) -> Int? {
        Int(text)
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
