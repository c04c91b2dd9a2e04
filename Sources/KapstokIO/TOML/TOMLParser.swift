import Kapstok

/// Parses the subset of TOML that `kapstok.toml` uses, with line and column diagnostics.
///
/// Supported: `[table]` headers with a bare or quoted name; `[[name]]` headers (arrays of
/// tables: each starts a new element, ``TOMLTable/isArrayElement``); `key = value` with bare or quoted
/// keys; basic strings `"…"` with the TOML escapes (`\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`),
/// literal strings `'…'`; decimal integers and floats (with `_` between digits, `inf`, `nan`);
/// `true`/`false`; local dates `2027-02-01`; `#` comments; blank lines; LF and CRLF.
///
/// Valid TOML outside this subset — arrays, inline tables, dotted keys and dotted table names,
/// multi-line strings, date-times and times, hexadecimal/octal/binary integers — is reported as
/// `toml-unsupported` with a message naming the construct; anything else that does not parse is
/// `toml-syntax`. After an error the parser skips to the next line, so every bad line is
/// reported. Duplicate keys in one table or array element (`duplicate-key`) and tables
/// (`duplicate-table`, also `[name]` and `[[name]]` with one name) are errors; the first
/// occurrence wins.
public enum TOMLParser {
    /// Parses TOML text, e.g. a fixture in a test.
    public static func parse(text: String, file: String, diagnostics: inout DiagnosticCollector) -> TOMLDocument {
        parse(bytes: Array(text.utf8), file: file, diagnostics: &diagnostics)
    }

    /// Parses the bytes of a TOML file, which must be UTF-8 (a byte order mark is allowed).
    ///
    /// - Returns: the document; tables and entries with errors are left out.
    public static func parse(bytes: [UInt8], file: String, diagnostics: inout DiagnosticCollector) -> TOMLDocument {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let root = TOMLTable(name: "", location: Diagnostic.Location(file: file, line: 1, column: 1))
        guard TextDecoding.isValidUTF8(bytes) else {
            diagnostics.error(
                .invalidEncoding, "file is not valid UTF-8 (save it as UTF-8)",
                at: Diagnostic.Location(file: file, line: 1, column: 1))
            return TOMLDocument(file: file, tables: [root])
        }
        var builder = DocumentBuilder(file: file, tables: [root])
        var lineNumber = 1
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != ASCII.lineFeed, bytes[end] != ASCII.carriageReturn { end += 1 }
            var line = TOMLLine(bytes: bytes[start..<end], number: lineNumber, file: file)
            do {
                try line.parse(into: &builder, diagnostics: &diagnostics)
            } catch {
                diagnostics.collect(error)
            }
            if end < bytes.count, bytes[end] == ASCII.carriageReturn, end + 1 < bytes.count, bytes[end + 1] == ASCII.lineFeed {
                end += 1
            }
            start = end + 1
            lineNumber += 1
        }
        return TOMLDocument(file: file, tables: builder.tables)
    }
}

/// The tables built so far and the one that receives new keys.
private struct DocumentBuilder {
    let file: String
    var tables: [TOMLTable]
    var currentTable = 0

    init(file: String, tables: [TOMLTable]) {
        self.file = file
        self.tables = tables
    }

    /// Names of the `[[name]]` arrays seen so far, and of the plain tables, for the checks.
    var arrayNames: [String: Int] = [:]
    var tableNames: [String: Int] = [:]

    mutating func openTable(
        named name: String, isArrayElement: Bool, at location: Diagnostic.Location, diagnostics: inout DiagnosticCollector
    ) {
        if isArrayElement {
            if let existing = tableNames[name] {
                diagnostics.error(
                    .duplicateTable,
                    "'[[\(name)]]' clashes with the table '[\(name)]' on line \(tables[existing].location.line)",
                    at: location)
                currentTable = existing
                return
            }
            tables.append(TOMLTable(name: name, location: location, isArrayElement: true))
            currentTable = tables.count - 1
            if arrayNames[name] == nil { arrayNames[name] = currentTable }
            return
        }
        if let existing = tableNames[name] ?? (name.isEmpty ? nil : arrayNames[name]) {
            let first = tables[existing]
            let message = first.isArrayElement
                ? "'[\(name)]' clashes with the array of tables '[[\(name)]]' on line \(first.location.line)"
                : "duplicate table '[\(name)]' (first on line \(first.location.line))"
            diagnostics.error(.duplicateTable, message, at: location)
            currentTable = existing
            return
        }
        tables.append(TOMLTable(name: name, location: location))
        currentTable = tables.count - 1
        tableNames[name] = currentTable
    }

    mutating func add(_ entry: TOMLEntry, diagnostics: inout DiagnosticCollector) {
        if let first = tables[currentTable].entry(entry.key) {
            diagnostics.error(
                .duplicateKey, "duplicate key '\(entry.key)' (first on line \(first.keyLocation.line))",
                at: entry.keyLocation)
            return
        }
        tables[currentTable].entries.append(entry)
    }
}

/// One physical line being parsed; errors are thrown as diagnostics and end the line.
private struct TOMLLine {
    let bytes: ArraySlice<UInt8>
    let number: Int
    let file: String
    var position: Int

    init(bytes: ArraySlice<UInt8>, number: Int, file: String) {
        self.bytes = bytes
        self.number = number
        self.file = file
        self.position = bytes.startIndex
    }

    // MARK: Lines

    mutating func parse(into builder: inout DocumentBuilder, diagnostics: inout DiagnosticCollector) throws(Diagnostic) {
        skipBlanks()
        guard let byte = peek(), byte != UInt8(ascii: "#") else { return }
        if byte == UInt8(ascii: "[") {
            let location = here
            let (name, isArrayElement) = try tableHeader()
            try expectLineEnd()
            builder.openTable(named: name, isArrayElement: isArrayElement, at: location, diagnostics: &diagnostics)
            return
        }
        let keyLocation = here
        let key = try key(context: "a key or a table header")
        skipBlanks()
        if peek() == UInt8(ascii: ".") {
            throw unsupported("dotted keys are not supported; use a table header like '[\(key)]'")
        }
        guard peek() == UInt8(ascii: "=") else {
            throw syntax("expected '=' after key '\(key)'\(foundSuffix)")
        }
        position += 1
        skipBlanks()
        let valueLocation = here
        let (value, text) = try value()
        try expectLineEnd()
        builder.add(
            TOMLEntry(key: key, value: value, valueText: text, keyLocation: keyLocation, valueLocation: valueLocation),
            diagnostics: &diagnostics)
    }

    /// Parses `[name]` or `[[name]]` starting at `[`; `true` for the second.
    private mutating func tableHeader() throws(Diagnostic) -> (String, Bool) {
        position += 1
        let isArrayElement = peek() == UInt8(ascii: "[")
        if isArrayElement { position += 1 }
        skipBlanks()
        let name = try key(context: "a table name")
        skipBlanks()
        if peek() == UInt8(ascii: ".") {
            throw unsupported("dotted table names are not supported")
        }
        let closing = isArrayElement ? "]]" : "]"
        guard startsWith(closing) else {
            throw syntax("expected '\(closing)' to close the table header\(foundSuffix)")
        }
        position += closing.utf8.count
        return (name, isArrayElement)
    }

    /// Parses a bare key (`A–Z a–z 0–9 _ -`) or a quoted one.
    private mutating func key(context: String) throws(Diagnostic) -> String {
        switch peek() {
        case UInt8(ascii: "\""):
            return try basicString()
        case UInt8(ascii: "'"):
            return try literalString()
        default:
            let start = position
            while let byte = peek(), Self.isBareKeyByte(byte) { position += 1 }
            guard position > start else { throw syntax("expected \(context)\(foundSuffix)") }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
    }

    /// After a value or header: blanks, then a comment or the end of the line.
    private mutating func expectLineEnd() throws(Diagnostic) {
        skipBlanks()
        guard let byte = peek(), byte != UInt8(ascii: "#") else { return }
        throw syntax("unexpected text '\(restOfLine)' after the value; put comments after '#'")
    }

    // MARK: Values

    /// Parses a value and returns it with its text for messages.
    private mutating func value() throws(Diagnostic) -> (TOMLValue, String) {
        guard let byte = peek() else { throw syntax("expected a value after '='") }
        switch byte {
        case UInt8(ascii: "\""):
            if startsWith("\"\"\"") { throw unsupported("multi-line strings are not supported") }
            let text = try basicString()
            return (.string(text), text)
        case UInt8(ascii: "'"):
            if startsWith("'''") { throw unsupported("multi-line strings are not supported") }
            let text = try literalString()
            return (.string(text), text)
        case UInt8(ascii: "["):
            throw unsupported("arrays are not supported")
        case UInt8(ascii: "{"):
            throw unsupported("inline tables are not supported")
        default:
            return try bareValue()
        }
    }

    /// Parses a boolean, number or date: a run of `A–Z a–z 0–9 _ + - . :`.
    private mutating func bareValue() throws(Diagnostic) -> (TOMLValue, String) {
        let start = position
        while let byte = peek(), Self.isBareValueByte(byte) { position += 1 }
        let token = String(decoding: bytes[start..<position], as: UTF8.self)
        guard !token.isEmpty else { throw syntax("expected a value\(foundSuffix)") }
        let tokenLocation = Diagnostic.Location(file: file, line: number, column: column(of: start))
        func fail(_ diagnostic: Diagnostic) -> Diagnostic {
            var located = diagnostic
            located.location = tokenLocation
            return located
        }
        switch token {
        case "true": return (.boolean(true), token)
        case "false": return (.boolean(false), token)
        case "inf", "+inf": return (.float(.infinity), token)
        case "-inf": return (.float(-.infinity), token)
        case "nan", "+nan", "-nan": return (.float(.nan), token)
        default: break
        }
        if let date = try dateValue(token, at: tokenLocation) { return (.date(date), token) }
        if token.contains(":") {
            throw fail(unsupported("times are not supported; write times as a string like \"09:00-17:00\""))
        }
        let lowered = token.lowercased()
        if lowered.hasPrefix("0x") || lowered.hasPrefix("0o") || lowered.hasPrefix("0b") {
            throw fail(unsupported("hexadecimal, octal and binary integers are not supported"))
        }
        if let integerText = Self.decimalDigits(token, allowsFraction: false) {
            guard let integer = Int(integerText) else { throw fail(syntax("integer '\(token)' is out of range")) }
            return (.integer(integer), token)
        }
        if let floatText = Self.decimalDigits(token, allowsFraction: true), let float = Double(floatText) {
            return (.float(float), token)
        }
        if token.utf8.allSatisfy({ Self.isBareKeyByte($0) }), token.utf8.contains(where: { Self.isLetter($0) }) {
            throw fail(syntax("invalid value '\(token)'; strings need quotes, as in \"\(token)\""))
        }
        throw fail(syntax("invalid value '\(token)'"))
    }

    /// A local date `YYYY-MM-DD`, `nil` when the token is not shaped like one.
    private func dateValue(_ token: String, at location: Diagnostic.Location) throws(Diagnostic) -> CalendarDate? {
        let utf8 = Array(token.utf8)
        // `9999999999-01-01`: shaped like a date with a year too long for the calendar.
        let parts = token.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count > 4, parts[1].count == 2, parts[2].utf8.count >= 2,
            parts[0].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), parts[1].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
        {
            throw Diagnostic.error(.tomlSyntax, "invalid date '\(token)' (the year has more than 4 digits)", at: location)
        }
        guard utf8.count >= 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
            [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ utf8[$0] >= 48 && utf8[$0] <= 57 })
        else { return nil }
        let isSpaceTime = utf8.count == 10 && peek() == ASCII.space
            && position + 1 < bytes.endIndex && (48...57).contains(bytes[position + 1])
        if utf8.count > 10 || isSpaceTime {
            throw Diagnostic.error(.tomlUnsupported, "date-times are not supported; use a date like '2027-02-01'", at: location)
        }
        func number(_ range: Range<Int>) -> Int { utf8[range].reduce(0) { $0 * 10 + Int($1 - 48) } }
        let year = number(0..<4), month = number(5..<7), day = number(8..<10)
        guard (1...12).contains(month), (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else {
            throw Diagnostic.error(.tomlSyntax, "invalid date '\(token)'", at: location)
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The digits of a TOML decimal integer or float without underscores, or `nil` if the token
    /// is not one. Underscores must sit between digits; leading zeros are not allowed.
    private static func decimalDigits(_ token: String, allowsFraction: Bool) -> String? {
        let utf8 = Array(token.utf8)
        var index = 0
        var output: [UInt8] = []
        func digitRun() -> Bool {
            let start = index
            while index < utf8.count {
                let byte = utf8[index]
                if byte >= 48 && byte <= 57 {
                    output.append(byte)
                } else if byte == UInt8(ascii: "_"), index > start, index + 1 < utf8.count,
                    utf8[index + 1] >= 48 && utf8[index + 1] <= 57, utf8[index - 1] != UInt8(ascii: "_")
                {
                    // separator between digits: dropped
                } else {
                    break
                }
                index += 1
            }
            return index > start
        }
        if index < utf8.count, utf8[index] == UInt8(ascii: "+") || utf8[index] == UInt8(ascii: "-") {
            output.append(utf8[index])
            index += 1
        }
        let integerStart = index
        guard digitRun() else { return nil }
        if utf8[integerStart] == UInt8(ascii: "0"), index - integerStart > 1 { return nil }
        var isFloat = false
        if allowsFraction, index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            output.append(UInt8(ascii: "."))
            index += 1
            guard digitRun() else { return nil }
            isFloat = true
        }
        if allowsFraction, index < utf8.count, utf8[index] == UInt8(ascii: "e") || utf8[index] == UInt8(ascii: "E") {
            output.append(UInt8(ascii: "e"))
            index += 1
            if index < utf8.count, utf8[index] == UInt8(ascii: "+") || utf8[index] == UInt8(ascii: "-") {
                output.append(utf8[index])
                index += 1
            }
            guard digitRun() else { return nil }
            isFloat = true
        }
        guard index == utf8.count, isFloat == allowsFraction else { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: Strings

    /// Parses `"…"` starting at the opening quote, resolving escapes.
    private mutating func basicString() throws(Diagnostic) -> String {
        let openingColumn = column(of: position)
        position += 1
        var output: [UInt8] = []
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &output)
            case 0x00..<0x09, 0x0A..<0x20, 0x7F:
                throw syntax("control character in a string; use an escape like '\\t'")
            default:
                output.append(byte)
                position += 1
            }
        }
        throw Diagnostic.error(
            .tomlSyntax, "unterminated string (the closing '\"' is missing)",
            at: Diagnostic.Location(file: file, line: number, column: openingColumn))
    }

    /// Resolves one escape sequence starting at the backslash.
    private mutating func escape(into output: inout [UInt8]) throws(Diagnostic) {
        let escapeStart = position
        position += 1
        guard let letter = peek() else { throw syntax("unterminated string (the closing '\"' is missing)") }
        position += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "f"): 0x0C,
            UInt8(ascii: "r"): 0x0D, UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "e"): 0x1B,
        ]
        if let replacement = simple[letter] {
            output.append(replacement)
            return
        }
        let digitCount = letter == UInt8(ascii: "u") ? 4 : letter == UInt8(ascii: "U") ? 8 : 0
        let end = position + digitCount
        if digitCount > 0, end <= bytes.endIndex,
            let value = UInt32(String(decoding: bytes[position..<end], as: UTF8.self), radix: 16),
            let scalar = Unicode.Scalar(value)
        {
            output.append(contentsOf: String(Character(scalar)).utf8)
            position = end
            return
        }
        let shown = String(decoding: bytes[escapeStart..<min(max(end, position), bytes.endIndex)], as: UTF8.self)
        throw Diagnostic.error(
            .tomlSyntax, "invalid escape '\(shown)' in a string",
            at: Diagnostic.Location(file: file, line: number, column: column(of: escapeStart)))
    }

    /// Parses `'…'` starting at the opening quote; no escapes.
    private mutating func literalString() throws(Diagnostic) -> String {
        let openingColumn = column(of: position)
        position += 1
        let start = position
        while let byte = peek(), byte != UInt8(ascii: "'") { position += 1 }
        guard peek() != nil else {
            throw Diagnostic.error(
                .tomlSyntax, "unterminated string (the closing \"'\" is missing)",
                at: Diagnostic.Location(file: file, line: number, column: openingColumn))
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        position += 1
        return text
    }

    // MARK: Helpers

    private func peek() -> UInt8? {
        position < bytes.endIndex ? bytes[position] : nil
    }

    private func startsWith(_ prefix: String) -> Bool {
        bytes[position...].starts(with: prefix.utf8)
    }

    private mutating func skipBlanks() {
        while let byte = peek(), byte == ASCII.space || byte == ASCII.tab { position += 1 }
    }

    /// The 1-based column (in scalars) of a byte index of this line.
    private func column(of index: Int) -> Int {
        1 + bytes[bytes.startIndex..<index].count(where: ASCII.startsScalar)
    }

    private var here: Diagnostic.Location {
        Diagnostic.Location(file: file, line: number, column: column(of: position))
    }

    private var restOfLine: String {
        String(decoding: bytes[position...], as: UTF8.self).trimmingBlanks
    }

    /// `, found 'x'` naming the next character, or `, found the end of the line`.
    private var foundSuffix: String {
        guard position < bytes.endIndex else { return ", found the end of the line" }
        let rest = String(decoding: bytes[position...], as: UTF8.self)
        return rest.first.map { ", found '\($0)'" } ?? ""
    }

    private func syntax(_ message: String) -> Diagnostic {
        .error(.tomlSyntax, message, at: here)
    }

    private func unsupported(_ message: String) -> Diagnostic {
        .error(.tomlUnsupported, message, at: here)
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private static func isBareValueByte(_ byte: UInt8) -> Bool {
        isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
