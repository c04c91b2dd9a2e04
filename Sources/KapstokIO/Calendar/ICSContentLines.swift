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
        Self.fold(line, into: &bytes)
    }

    /// Folds one content line: at most 75 octets per line, each continuation line starting with
    /// one space, never inside a UTF-8 sequence; every line ends with CRLF.
    static func folded(_ line: String) -> [UInt8] {
        var output: [UInt8] = []
        fold(line, into: &output)
        return output
    }

    /// ``folded(_:)`` appended to `output`, byte by byte (a UTF-8 sequence is never split: a fold
    /// goes before a lead byte whose sequence would not fit).
    static func fold(_ line: String, into output: inout [UInt8]) {
        var lineOctets = 0
        let utf8 = line.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let lead = utf8[index]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            if lineOctets + length > maximumLineOctets {
                output.append(contentsOf: [13, 10, 32])
                lineOctets = 1
            }
            for _ in 0..<length where index != utf8.endIndex {
                output.append(utf8[index])
                index = utf8.index(after: index)
            }
            lineOctets += length
        }
        output.append(contentsOf: [13, 10])
    }

    /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks
    /// (CRLF, CR or LF) as `\n`, other control characters except tab removed.
    static func text(_ value: String) -> String {
        // Every character that changes is ASCII, so the UTF-8 bytes are rewritten one by one.
        let utf8 = Array(value.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\\"): output += [0x5C, 0x5C]
            case UInt8(ascii: ";"): output += [0x5C, UInt8(ascii: ";")]
            case UInt8(ascii: ","): output += [0x5C, UInt8(ascii: ",")]
            case 0x0A: output += [0x5C, UInt8(ascii: "n")]
            case 0x0D:
                output += [0x5C, UInt8(ascii: "n")]
                if index + 1 < utf8.count, utf8[index + 1] == 0x0A { index += 1 }
            case 0x09: output.append(byte)
            default: if byte >= 0x20 && byte != 0x7F { output.append(byte) }
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
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
        // Most values hold no control character: return them as they are.
        if !value.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) { return value }
        var cleaned = String.UnicodeScalarView()
        for scalar in value.unicodeScalars where !isControl(scalar) || scalar == "\t" { cleaned.append(scalar) }
        return String(cleaned)
    }

    /// CONTROL of RFC 5545 §3.1: U+0000–U+001F and U+007F.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || scalar.value == 0x7F }
}
