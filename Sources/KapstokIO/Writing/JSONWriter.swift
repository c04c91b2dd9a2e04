/// Writes ``JSONValue`` documents as deterministic UTF-8 text.
///
/// Pretty output indents by two spaces, writes `"key": value`, puts empty arrays and objects
/// as `[]` and `{}`, and ends with a newline; compact output has no whitespace and no final
/// newline. Strings escape `"`, `\` and control characters (`\n`, `\t`, `\r`, `\b`, `\f`, else
/// `\u00XX`); other characters, `/` included, are written as they are. Numbers follow
/// ``NumberFormatting/decimal(_:)``; NaN and infinities become `null`.
public enum JSONWriter {
    /// Renders a document.
    public static func render(_ value: JSONValue, pretty: Bool = true) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        write(value, indent: pretty ? 0 : nil, to: &output)
        if pretty { output.append(UInt8(ascii: "\n")) }
        return String(decoding: output, as: UTF8.self)
    }

    private static func append(_ text: String, to output: inout [UInt8]) {
        output.append(contentsOf: text.utf8)
    }

    private static func write(_ value: JSONValue, indent: Int?, to output: inout [UInt8]) {
        switch value {
        case .null: append("null", to: &output)
        case .bool(let bool): append(bool ? "true" : "false", to: &output)
        case .integer(let integer): append(String(integer), to: &output)
        case .number(let number): append(number.isFinite ? NumberFormatting.decimal(number) : "null", to: &output)
        case .string(let string): writeString(string, to: &output)
        case .array(let elements):
            writeContainer(open: "[", close: "]", count: elements.count, indent: indent, to: &output) { index, inner, output in
                write(elements[index], indent: inner, to: &output)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, indent: indent, to: &output) { index, inner, output in
                writeString(members[index].key, to: &output)
                append(indent == nil ? ":" : ": ", to: &output)
                write(members[index].value, indent: inner, to: &output)
            }
        }
    }

    private static func writeContainer(
        open: Unicode.Scalar, close: Unicode.Scalar, count: Int, indent: Int?, to output: inout [UInt8],
        element: (Int, Int?, inout [UInt8]) -> Void
    ) {
        output.append(UInt8(ascii: open))
        guard count > 0 else {
            output.append(UInt8(ascii: close))
            return
        }
        let inner = indent.map { $0 + 2 }
        for index in 0..<count {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            if let inner { newline(indent: inner, to: &output) }
            element(index, inner, &output)
        }
        if let indent { newline(indent: indent, to: &output) }
        output.append(UInt8(ascii: close))
    }

    private static func newline(indent: Int, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// Escapes byte by byte: `"`, `\` and the control characters are the only bytes below 0x80
    /// that change, and no byte of a multi-byte UTF-8 sequence is below 0x80, so the others are
    /// copied as they are.
    private static func writeString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.append(contentsOf: bytes[start..<index])
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): append("\\\"", to: &output)
                case UInt8(ascii: "\\"): append("\\\\", to: &output)
                case UInt8(ascii: "\n"): append("\\n", to: &output)
                case UInt8(ascii: "\r"): append("\\r", to: &output)
                case UInt8(ascii: "\t"): append("\\t", to: &output)
                case 0x08: append("\\b", to: &output)
                case 0x0C: append("\\f", to: &output)
                default:
                    let hex = String(byte, radix: 16, uppercase: false)
                    append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, to: &output)
                }
            }
            output.append(contentsOf: bytes[start...])
        }
        output.append(UInt8(ascii: "\""))
    }
}
