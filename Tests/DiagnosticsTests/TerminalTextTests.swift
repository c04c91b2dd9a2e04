import Testing

@testable import Diagnostics

@Suite struct TerminalTextTests {
    @Test func printableTextIsUnchanged() {
        #expect(TerminalText.escaped("leader.vision") == "leader.vision")
        #expect(TerminalText.escaped("Zoë Ångström 山田 €") == "Zoë Ångström 山田 €")
        #expect(TerminalText.escaped("a\\b") == "a\\b")
        #expect(TerminalText.escaped("") == "")
    }

    @Test(arguments: [
        ("\u{1B}[2J\u{1B}[Hok", "\\u{1B}[2J\\u{1B}[Hok"),
        ("a\u{0}b", "a\\u{0}b"),
        ("tab\there", "tab\\u{9}here"),
        ("line\nbreak\r", "line\\u{A}break\\u{D}"),
        ("del\u{7F}", "del\\u{7F}"),
        ("c1\u{9B}31m", "c1\\u{9B}31m"),
        ("M\u{202E}1", "M\\u{202E}1"),
        ("\u{2066}x\u{2069}", "\\u{2066}x\\u{2069}"),
        ("zero\u{200B}width", "zero\\u{200B}width"),
        ("\u{FEFF}id", "\\u{FEFF}id"),
        ("sep\u{2028}", "sep\\u{2028}"),
    ])
    func controlAndBidiCharactersAreEscaped(_ input: String, _ expected: String) {
        let output = TerminalText.escaped(input)
        #expect(output == expected)
        #expect(!output.unicodeScalars.contains { TerminalText.needsEscaping($0) })
    }

    @Test func everyC0AndC1ControlIsEscaped() {
        for value in Array(0x00...0x1F) + Array(0x7F...0x9F) {
            let scalar = Unicode.Scalar(UInt32(value))!
            #expect(TerminalText.escaped(String(Character(scalar))) == "\\u{\(String(value, radix: 16, uppercase: true))}")
        }
    }

    @Test func shortenedCutsAtTheLimitInScalars() {
        #expect(TerminalText.shortened("abc", to: 3) == "abc")
        #expect(TerminalText.shortened("abcd", to: 3) == "abc…")
        #expect(TerminalText.shortened("ééé", to: 3) == "ééé")
        #expect(TerminalText.shortened("éééé", to: 3) == "ééé…")
        #expect(TerminalText.shortened("abc", to: 0) == "…")
        #expect(TerminalText.shortened("", to: 0) == "")
    }

    @Test func quotedIsShortEscapedAndInQuotes() {
        #expect(Diagnostic.quoted("leader.vison") == "'leader.vison'")
        #expect(Diagnostic.quoted("\u{1B}[31mred") == "'\\u{1B}[31mred'")
        let long = String(repeating: "x", count: 5_000_000)
        let quoted = Diagnostic.quoted(long)
        #expect(quoted == "'" + String(repeating: "x", count: 40) + "…'")
        // Exactly 40 is not cut.
        #expect(Diagnostic.quoted(String(repeating: "y", count: 40)) == "'" + String(repeating: "y", count: 40) + "'")
    }

    @Test func renderedDiagnosticsEscapeMessageAndPath() {
        let diagnostic = Diagnostic.error(
            .unknownColumn, "unknown column '\u{1B}[2J\u{1B}[Hok'",
            at: Diagnostic.Location(file: "evil\u{1B}]0;title\u{7}.csv", line: 1, column: 3))
        #expect(diagnostic.description == "evil\\u{1B}]0;title\\u{7}.csv:1:3: error: unknown column '\\u{1B}[2J\\u{1B}[Hok'")
        #expect(!diagnostic.description.utf8.contains(0x1B))
    }

    @Test func renderedMessagesAreBounded() {
        let diagnostic = Diagnostic.error(
            .invalidLevel, "invalid level '" + String(repeating: "9", count: 1_000_000) + "'",
            at: Diagnostic.Location(file: "m.csv", line: 2, column: 8))
        #expect(diagnostic.description == "m.csv:2:8: error: invalid level '" + String(repeating: "9", count: 40) + "…'")
        let unquoted = Diagnostic.error(
            .invalidLevel, String(repeating: "z", count: 1_000_000), at: Diagnostic.Location(file: "m.csv", line: 2, column: 8))
        #expect(unquoted.description.unicodeScalars.count < 1_100)
        #expect(unquoted.description.hasSuffix("…"))
    }
}

@Suite struct RenderedMessageTests {
    @Test func longQuotedValueIsCutAndTheRestOfTheMessageKept() {
        let message = "invalid level '" + String(repeating: "9", count: 100_000) + "' (expected an integer 0–5)"
        #expect(TerminalText.renderedMessage(message) == "invalid level '" + String(repeating: "9", count: 40) + "…' (expected an integer 0–5)")
    }

    @Test func ordinaryQuotesAndApostrophesAreKept() {
        let message = "duplicate mentor id 'O'Brien' (first on line 3); " + String(repeating: "x", count: 300)
        #expect(TerminalText.renderedMessage(message) == TerminalText.rendered(message))
        #expect(TerminalText.renderedMessage("unknown column 'x'") == "unknown column 'x'")
    }

    @Test func unclosedLongQuoteIsBoundedByTheOverallLimit() {
        let message = "bad '" + String(repeating: "y", count: 50_000)
        #expect(TerminalText.renderedMessage(message).unicodeScalars.count == TerminalText.renderedTextLimit + 1)
    }
}
