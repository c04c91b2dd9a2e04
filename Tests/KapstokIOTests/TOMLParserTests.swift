import Kapstok
import Testing

@testable import KapstokIO

@Suite struct TOMLParserTests {
    private func parse(_ text: String) -> (document: TOMLDocument, diagnostics: [String]) {
        var diagnostics = DiagnosticCollector()
        let document = TOMLParser.parse(text: text, file: "k.toml", diagnostics: &diagnostics)
        return (document, diagnostics.diagnostics.map(\.description))
    }

    @Test func readsEveryValueType() throws {
        let (document, diagnostics) = parse("""
            # a comment
            title = "basic \\"quoted\\" \\u00e9\\t\\\\"   # trailing comment
            path = 'C:\\no\\escapes'

            [numbers]
            answer = 42
            negative = -17
            big = 1_000_000
            ratio = 0.75
            exponent = 5e-3
            signed = +1.5
            yes = true
            no = false
            day = 2027-02-01
            "quoted key" = 1
            """)
        #expect(diagnostics.isEmpty)
        let root = try #require(document.table(""))
        #expect(root.entry("title")?.value == .string("basic \"quoted\" é\t\\"))
        #expect(root.entry("path")?.value == .string("C:\\no\\escapes"))
        let numbers = try #require(document.table("numbers"))
        #expect(numbers.entry("answer")?.value == .integer(42))
        #expect(numbers.entry("negative")?.value == .integer(-17))
        #expect(numbers.entry("big")?.value == .integer(1_000_000))
        #expect(numbers.entry("ratio")?.value == .float(0.75))
        #expect(numbers.entry("exponent")?.value == .float(0.005))
        #expect(numbers.entry("signed")?.value == .float(1.5))
        #expect(numbers.entry("yes")?.value == .boolean(true))
        #expect(numbers.entry("no")?.value == .boolean(false))
        #expect(numbers.entry("day")?.value == .date(CalendarDate(year: 2027, month: 2, day: 1)))
        #expect(numbers.entry("quoted key")?.value == .integer(1))
        #expect(numbers.location == Diagnostic.Location(file: "k.toml", line: 5, column: 1))
        #expect(numbers.entry("ratio")?.valueLocation == Diagnostic.Location(file: "k.toml", line: 9, column: 9))
    }

    @Test func acceptsCRLFAndBOMAndBlanksInHeaders() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("[ rules ]\r\nshared_language = false\r\n".utf8)
        var diagnostics = DiagnosticCollector()
        let document = TOMLParser.parse(bytes: bytes, file: "k.toml", diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.isEmpty)
        #expect(document.table("rules")?.entry("shared_language")?.value == .boolean(false))
    }

    @Test func reportsUnsupportedConstructsWithLocations() {
        let (_, diagnostics) = parse("""
            a = [1, 2]
            b = { x = 1 }
            [[people.x]]
            c.d = 1
            e = \"\"\"long\"\"\"
            f = 2027-02-01T10:00:00
            g = 09:00
            h = 0x1F
            [x.y]
            i = 2027-02-01 10:00
            """)
        #expect(diagnostics == [
            "k.toml:1:5: error: arrays are not supported",
            "k.toml:2:5: error: inline tables are not supported",
            "k.toml:3:9: error: dotted table names are not supported",
            "k.toml:4:2: error: dotted keys are not supported; use a table header like '[c]'",
            "k.toml:5:5: error: multi-line strings are not supported",
            "k.toml:6:5: error: date-times are not supported; use a date like '2027-02-01'",
            "k.toml:7:5: error: times are not supported; write times as a string like \"09:00-17:00\"",
            "k.toml:8:5: error: hexadecimal, octal and binary integers are not supported",
            "k.toml:9:3: error: dotted table names are not supported",
            "k.toml:10:5: error: date-times are not supported; use a date like '2027-02-01'",
        ])
    }

    @Test func reportsSyntaxErrorsAndKeepsGoing() {
        let (document, diagnostics) = parse("""
            objective = total
            sessions 6
            name = "open
            weight = 1.
            lead = 007
            bad = "\\q"
            day = 2027-02-30
            x = 1 y
            [rules
            ok = 1
            """)
        #expect(diagnostics == [
            "k.toml:1:13: error: invalid value 'total'; strings need quotes, as in \"total\"",
            "k.toml:2:10: error: expected '=' after key 'sessions', found '6'",
            "k.toml:3:8: error: unterminated string (the closing '\"' is missing)",
            "k.toml:4:10: error: invalid value '1.'",
            "k.toml:5:8: error: invalid value '007'",
            "k.toml:6:8: error: invalid escape '\\q' in a string",
            "k.toml:7:7: error: invalid date '2027-02-30'",
            "k.toml:8:7: error: unexpected text 'y' after the value; put comments after '#'",
            "k.toml:9:7: error: expected ']' to close the table header, found the end of the line",
        ])
        #expect(document.table("")?.entry("ok")?.value == .integer(1))
    }

    @Test func duplicateKeysAndTablesAreErrors() {
        let (document, diagnostics) = parse("""
            [program]
            sessions = 6
            sessions = 7
            [scoring]
            [program]
            sessions = 8
            """)
        #expect(diagnostics == [
            "k.toml:3:1: error: duplicate key 'sessions' (first on line 2)",
            "k.toml:5:1: error: duplicate table '[program]' (first on line 1)",
            "k.toml:6:1: error: duplicate key 'sessions' (first on line 2)",
        ])
        #expect(document.table("program")?.entry("sessions")?.value == .integer(6))
    }

    @Test func invalidUTF8IsOneClearError() {
        var diagnostics = DiagnosticCollector()
        _ = TOMLParser.parse(bytes: Array("a = \"caf".utf8) + [0xE9, 0x22], file: "k.toml", diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.map(\.description) == ["k.toml:1:1: error: file is not valid UTF-8 (save it as UTF-8)"])
    }

    @Test func leapDays() {
        #expect(parse("d = 2028-02-29").diagnostics.isEmpty)
        #expect(parse("d = 2027-02-29").diagnostics == ["k.toml:1:5: error: invalid date '2027-02-29'"])
    }
}
