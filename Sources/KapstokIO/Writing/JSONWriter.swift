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
        var output = ""
        write(value, indent: pretty ? 0 : nil, to: &output)
        if pretty { output.append("\n") }
        return output
    }

    private static func write(_ value: JSONValue, indent: Int?, to output: inout String) {
        switch value {
        case .null: output.append("null")
        case .bool(let bool): output.append(bool ? "true" : "false")
        case .integer(let integer): output.append(String(integer))
        case .number(let number): output.append(number.isFinite ? NumberFormatting.decimal(number) : "null")
        case .string(let string): writeString(string, to: &output)
        case .array(let elements):
            writeContainer(open: "[", close: "]", count: elements.count, indent: indent, to: &output) { index, inner, output in
                write(elements[index], indent: inner, to: &output)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, indent: indent, to: &output) { index, inner, output in
                writeString(members[index].key, to: &output)
                output.append(indent == nil ? ":" : ": ")
                write(members[index].value, indent: inner, to: &output)
            }
        }
    }

    private static func writeContainer(
        open: String, close: String, count: Int, indent: Int?, to output: inout String,
        element: (Int, Int?, inout String) -> Void
    ) {
        output.append(open)
        guard count > 0 else {
            output.append(close)
            return
        }
        let inner = indent.map { $0 + 2 }
        for index in 0..<count {
            if index > 0 { output.append(",") }
            if let inner { output.append("\n" + String(repeating: " ", count: inner)) }
            element(index, inner, &output)
        }
        if let indent { output.append("\n" + String(repeating: " ", count: indent)) }
        output.append(close)
    }

    private static func writeString(_ string: String, to output: inout String) {
        output.append("\"")
        // Most strings (ids, dates, names) need no escape: append them whole.
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            output.append(string)
            output.append("\"")
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{08}": output.append("\\b")
            case "\u{0C}": output.append("\\f")
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16, uppercase: false)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }
}
