/// Content lines of RFC 5545 §3.1: escaping of TEXT values, quoting of parameter values, and
/// folding at 75 octets, collected into CRLF-terminated bytes.
struct ICSContentLines {
    /// The longest content line, in octets, without its CRLF (RFC 5545 §3.1).
    static let maximumLineOctets = 75

    private(set) var bytes: [UInt8] = []

    /// Appends `name[;parameters]:value`, folded; `value` is written as given (escape TEXT
    /// values with ``text(_:)`` first). Control characters are removed from every part so no
    /// value can end a line early.
    mutating func append(_ name: String, _ value: String) { append(name, [], value) }

    /// Appends `name;parameter=value…:value`; parameter values as given (quote them with
    /// ``parameterValue(_:)``).
    mutating func append(_ name: String, _ parameters: [(String, String)], _ value: String) {
        var line = name
        for (parameter, parameterValue) in parameters {
            line += ";" + parameter + "=" + parameterValue
        }
        line += ":" + Self.removingControls(value)
        bytes += Self.folded(line)
    }

    /// Folds one content line: at most 75 octets per line, each continuation line starting with
    /// one space, never inside a UTF-8 sequence; every line ends with CRLF.
    static func folded(_ line: String) -> [UInt8] {
        var output: [UInt8] = []
        var lineOctets = 0
        for scalar in line.unicodeScalars {
            let encoded = Array(String(scalar).utf8)
            if lineOctets + encoded.count > maximumLineOctets {
                output += [13, 10, 32]
                lineOctets = 1
            }
            output += encoded
            lineOctets += encoded.count
        }
        return output + [13, 10]
    }

    /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks
    /// (CRLF, CR or LF) as `\n`, other control characters except tab removed.
    static func text(_ value: String) -> String {
        var output = ""
        var scalars = value.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\\": output += "\\\\"
            case ";": output += "\\;"
            case ",": output += "\\,"
            case "\n": output += "\\n"
            case "\r":
                output += "\\n"
                if pending == "\n" { pending = scalars.next() }
            case "\t": output.unicodeScalars.append(scalar)
            default: if !isControl(scalar) { output.unicodeScalars.append(scalar) }
            }
        }
        return output
    }

    /// A parameter value (RFC 5545 §3.2): DQUOTE and control characters removed (neither may
    /// appear in one), the rest in DQUOTEs when it holds `:`, `;` or `,`.
    static func parameterValue(_ value: String) -> String {
        var cleaned = String.UnicodeScalarView()
        for scalar in value.unicodeScalars where scalar != "\"" && !isControl(scalar) { cleaned.append(scalar) }
        let text = String(cleaned)
        return text.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"" + text + "\"" : text
    }

    static func removingControls(_ value: String) -> String {
        var cleaned = String.UnicodeScalarView()
        for scalar in value.unicodeScalars where !isControl(scalar) || scalar == "\t" { cleaned.append(scalar) }
        return String(cleaned)
    }

    /// CONTROL of RFC 5545 §3.1: U+0000–U+001F and U+007F.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || scalar.value == 0x7F }
}
