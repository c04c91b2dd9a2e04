import Foundation
import Kapstok
import Testing

@testable import KapstokIO

/// The CSV reader on input that is broken in the ways HR exports break: Excel's `sep=` line,
/// a title above the header, a row saved with another separator, a lost closing quote.
@Suite struct CSVHostileInputTests {
    private func read(_ text: String) -> (table: CSVTable?, diagnostics: [String]) {
        read(bytes: Array(text.utf8))
    }

    private func read(bytes: [UInt8]) -> (table: CSVTable?, diagnostics: [String]) {
        var diagnostics = DiagnosticCollector()
        let table = CSVReader.read(bytes: bytes, file: "in.csv", diagnostics: &diagnostics)
        return (table, diagnostics.diagnostics.map(\.description))
    }

    private func values(_ table: CSVTable?) -> [[String]] {
        table?.records.map { $0.fields.map(\.text) } ?? []
    }

    // MARK: sep= and sniffing

    @Test(arguments: [("sep=;\r\n", ";"), ("sep=,\n", ","), ("sep=\t\n", "\t"), ("SEP=|\n", "|")])
    func excelSeparatorLineIsHonouredAndSkipped(_ line: String, _ separator: String) throws {
        let text = line + ["id", "name", "note"].joined(separator: separator) + "\n"
            + ["M1", "Ann", "\"a,b;c|d\""].joined(separator: separator) + "\n"
        let (table, diagnostics) = read(text)
        #expect(diagnostics == [])
        let parsed = try #require(table)
        #expect(parsed.separator == Character(separator))
        #expect(parsed.header.map(\.text) == ["id", "name", "note"])
        #expect(parsed.header.first?.line == 2)
        #expect(parsed.records.map(\.line) == [3])
        #expect(parsed.records.first?.fields.last?.text == "a,b;c|d")
    }

    @Test func aFirstLineMerelyStartingWithSepIsData() throws {
        let table = try #require(parsedTable("sep=;x,name\nM1,Ann\n"))
        #expect(table.header.map(\.text) == ["sep=;x", "name"])
    }

    @Test func tabSeparatedExportReadsWithCommasAndSemicolonsInCells() throws {
        let table = try #require(parsedTable("id\tname\tnote\nM1\tSmith, Ann\ta;b\n"))
        #expect(table.separator == "\t")
        #expect(values(table) == [["M1", "Smith, Ann", "a;b"]])
    }

    @Test func titleWithoutSeparatorsDoesNotDecideTheSeparator() throws {
        var diagnostics = DiagnosticCollector()
        let table = try #require(CSVReader.read(
            text: "Mentor export 2027-01-15\n\nid;name;capacity\nM1;Ann;2\n", file: "in.csv", diagnostics: &diagnostics))
        #expect(diagnostics.diagnostics.isEmpty)
        #expect(table.separator == ";")
        #expect(table.header.map(\.text) == ["id", "name", "capacity"])
        #expect(table.titleRecords.map(\.line) == [1])
        #expect(values(table) == [["M1", "Ann", "2"]])
    }

    // MARK: Title rows

    @Test func titleRowIsOneErrorAtTheTitle() {
        let text = "Mentor export 2027-01-15\n\n" + Fixture.mentors(rows: ["M1,Ann,2", "M2,Bob,1"])
        let messages = rendered { diagnostics in
            let mentors = PeopleLoader(framework: .builtIn).loadMentors(.text(text, path: "m.csv"), diagnostics: &diagnostics)
            // The records under the real header are read.
            #expect(mentors?.map(\.id) == ["M1", "M2"])
        }
        #expect(messages == ["m.csv:1:1: error: line 1 looks like a title; the header row is line 3 (remove the lines above it)"])
    }

    /// A title with several cells is no single-cell title: `ColumnLayout`, which knows the
    /// required names, finds the header among the first records.
    @Test func titleWithSeveralCellsIsFoundByTheRequiredNames() {
        let text = "Mentor export,2027-01-15\nid,name\nM1,Ann\n"
        let messages = rendered { diagnostics in
            guard let table = CSVReader.read(text: text, file: "h.csv", diagnostics: &diagnostics) else { return }
            let layout = ColumnLayout(table: table, required: ["id", "name"], optional: ["round"], diagnostics: &diagnostics)
            #expect(layout.index(of: "id") == nil)
            #expect(layout.suggested == ["id", "name", "round"])
        }
        #expect(messages == ["h.csv:1:1: error: line 1 looks like a title; the header row is line 2 (remove the line above it)"])
    }

    /// A title with several cells above a wide header: one `title-row` error, not also one
    /// `too-many-fields` for every record read under the title as if it were the header.
    @Test func titleWithSeveralCellsAboveAWideHeaderIsOneError() {
        let text = "Mentor export,2027-01-15\n" + Fixture.mentors(rows: ["M1,Ann,2", "M2,Bob,1"])
        let messages = rendered { diagnostics in
            _ = PeopleLoader(framework: .builtIn).loadMentors(.text(text, path: "m.csv"), diagnostics: &diagnostics)
        }
        #expect(messages == ["m.csv:1:1: error: line 1 looks like a title; the header row is line 2 (remove the line above it)"])
    }

    /// Without a title, a loader still gets every `too-many-fields` error the reader found.
    @Test func tooManyFieldsStillReportedThroughALoader() {
        let text = "mentee_id,mentor_id,rule\nE1,M1,forbid,why,extra\n"
        let messages = rendered { diagnostics in
            let known = KnownPeople(menteeIDs: ["E1"], mentorIDs: ["M1"])
            _ = ConstraintsLoader.load(.text(text, path: "c.csv"), people: known, diagnostics: &diagnostics)
        }
        #expect(messages == ["c.csv:2:14: error: too many fields: the header has 3 columns, this record has 5"])
    }

    /// `id,,,,` is a header whose other names were lost, not a title: its records are data.
    @Test(arguments: ["id,,,,\nM1,Ann,x,y,z\n", "ID,,,\nM1,Ann,x,y\n", "mentee_id;;\nE1;M1;forbid\n"])
    func aKnownColumnNameAloneIsAHeaderNotATitle(_ text: String) throws {
        var diagnostics = DiagnosticCollector()
        let table = try #require(CSVReader.read(
            text: text, file: "in.csv", headerNames: ["id", "name", "mentee_id"], diagnostics: &diagnostics))
        #expect(table.titleRecords.isEmpty)
        #expect(table.header.first?.line == 1)
        #expect(table.records.map(\.line) == [2])
    }

    @Test func aOneCellFileIsNoTitle() throws {
        let table = try #require(parsedTable("id\nM1\nM2\n"))
        #expect(table.titleRecords.isEmpty)
        #expect(table.header.map(\.text) == ["id"])
        #expect(values(table) == [["M1"], ["M2"]])
    }

    // MARK: Rows saved with another separator

    @Test func rowSavedWithSemicolonsInACommaFileIsOneErrorAndRejected() {
        let (table, diagnostics) = read("id,name,a,b\nM1,Ann,1,2\nM2;Bob;3;4\nM3,Cy,5,6\n")
        #expect(diagnostics == [
            "in.csv:3:1: error: this record has 1 of the header's 4 fields, but its cell holds ';' 3 times: it looks "
                + "saved with ';' as separator where the file uses ','; re-save the file with one separator (record skipped)"
        ])
        #expect(values(table) == [["M1", "Ann", "1", "2"], ["M3", "Cy", "5", "6"]])
        #expect(table?.rejected.map(\.line) == [3])
        #expect(table?.rejected.first?.isRejected == true)
    }

    @Test func rowWithFarFewerFieldsAndTabsIsRejected() {
        let (table, diagnostics) = read("id;name;a;b;c;d\nM1;Ann;1;2;3;4\nM2\tBob\t3;4\t5\t6\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.contains("cells hold tab 4 times") == true)
        #expect(values(table) == [["M1", "Ann", "1", "2", "3", "4"]])
    }

    /// A short record is the loader's business unless another separator explains it.
    @Test func shortRecordWithoutOtherSeparatorsIsKept() {
        let (table, diagnostics) = read("id,name,a,b\nM1\nM2,Bob; Jr.\n")
        #expect(diagnostics == [])
        #expect(values(table) == [["M1"], ["M2", "Bob; Jr."]])
    }

    // MARK: Unclosed quotes

    /// The case from the issue: a quote opened on line 3 closes on line 12, where text follows
    /// the closing quote. One error where the quote opened; the mentors in between are read.
    @Test func quoteClosingFarLaterIsReportedWhereItOpened() {
        var lines = ["id,name,capacity", "M1,Ann,2", "M2,\"Bob,2"]
        for number in 3...10 { lines.append("M\(number),Person \(number),1") }
        lines.append("M11,\"Eve\",2")
        let (table, diagnostics) = read(lines.joined(separator: "\n") + "\n")
        #expect(diagnostics == [
            "in.csv:3:4: error: the quoted field that opens here runs to line 12 over lines that look like records; "
                + "a closing quote is probably missing (record skipped)"
        ])
        #expect(table?.records.map { $0.fields[0].text } == ["M1"] + (3...11).map { "M\($0)" })
        #expect(table?.records.last?.fields[1].text == "Eve")
        #expect(table?.rejected.map(\.line) == [3])
    }

    @Test func multiLineFieldFollowedByTextIsAnUnclosedQuote() {
        let (table, diagnostics) = read("id,note\nM1,\"first\nM2,x\"tail\nM3,y\n")
        #expect(diagnostics == [
            "in.csv:2:4: error: the quoted field that opens here runs to line 3; a closing quote is probably missing "
                + "(record skipped)"
        ])
        // M2's line is read as a record again (its stray quote kept as text).
        #expect(values(table) == [["M2", "x\"tail"], ["M3", "y"]])
    }

    @Test func closedQuoteThatSwallowedWholeRecordsIsAnUnclosedQuote() {
        let (table, diagnostics) = read("id,name,capacity\nM1,\"Ann,2\nM2,Bob,1\nM3,Cy\",1\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("in.csv:2:4: error: the quoted field that opens here runs to line 4 over lines") == true)
        #expect(values(table) == [["M2", "Bob", "1"], ["M3", "Cy\"", "1"]])
    }

    /// Real multi-line cells (an address, a note) are not unclosed quotes.
    @Test func legitimateMultiLineCellsAreKept() throws {
        let table = try #require(parsedTable("id,name,note\nM1,Ann,\"Street 1, Ghent\nBelgium\"\nM2,Bob,x\n"))
        #expect(values(table) == [["M1", "Ann", "Street 1, Ghent\nBelgium"], ["M2", "Bob", "x"]])
    }

    // MARK: Binary files

    /// A workbook given to a CSV input is read as one (``XLSXReader``); this one is only the
    /// first bytes of a zip, so it is one error saying it is damaged.
    @Test func excelWorkbookIsReadAsOne() {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00] + Array("[Content_Types].xml xl/workbook.xml".utf8) + [0, 0, 0]
        let (table, diagnostics) = read(bytes: zip)
        #expect(table == nil)
        #expect(diagnostics == [
            "in.csv:1:1: error: the workbook is damaged or truncated (missingEndOfCentralDirectoryRecord); open it in Excel and save it again"
        ])
    }

    @Test(arguments: [
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], "Excel 97–2003 workbook (.xls)"),
        (Array("%PDF-1.7\n".utf8), "PDF document"),
        ([0x1F, 0x8B, 0x08, 0x00], "gzip archive"),
        ([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], "zip archive"),
        (Array("id,name\nM1,A".utf8) + [0x00] + Array("nn\n".utf8), "NUL bytes (the first at byte 13)"),
        (Array("id,name\n".utf8.flatMap { [$0, 0] }), "UTF-16 without a byte order mark"),
        (Array(repeating: 0x01, count: 100) + Array("id,name\n".utf8), "mostly not text"),
    ] as [([UInt8], String)])
    func binaryFilesAreOneErrorNamingWhatTheyAre(_ bytes: [UInt8], _ expected: String) {
        let (table, diagnostics) = read(bytes: bytes)
        #expect(table == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.contains(expected) == true, "\(diagnostics)")
        #expect(diagnostics.first?.contains("binary") == false)
    }

    @Test func utf16WithByteOrderMarkIsStillText() throws {
        let text = "id,name\nM1,Zoë\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let (table, diagnostics) = read(bytes: bytes)
        #expect(diagnostics == [])
        #expect(values(table) == [["M1", "Zoë"]])
        #expect(table?.encoding == .utf16LittleEndian)
    }

    // MARK: Encoding

    @Test func invalidByteInAUTF8FileIsAnErrorAtItsPlace() {
        // "Zoë Ångström" in UTF-8 on line 2, then a Windows-1252 "é" (0xE9) on line 3, and two more.
        let bytes = Array("id,name\nM1,Zoë Ångström\nM2,Ren".utf8) + [0xE9] + Array("\nM3,Andr".utf8) + [0xE9, 0x0A, 0xE9]
        let (table, diagnostics) = read(bytes: bytes)
        #expect(diagnostics == [
            "in.csv:3:7: error: invalid UTF-8 byte 0xE9 (and 2 more further on); the file is UTF-8 elsewhere: "
                + "re-save it as UTF-8 (in Excel: CSV UTF-8)"
        ])
        #expect(table?.encoding == .utf8)
        #expect(values(table).prefix(2) == [["M1", "Zoë Ångström"], ["M2", "Ren\u{FFFD}"]])
        #expect(!values(table).joined().joined().contains("Ã"))
    }

    @Test func windows1252WithoutAnyUTF8IsConvertedSilently() {
        let bytes = Array("id,name\nM1,Ren".utf8) + [0xE9] + Array("\nM2,Andr".utf8) + [0xE9, 0x0A]
        let (table, diagnostics) = read(bytes: bytes)
        #expect(diagnostics == [])
        #expect(table?.encoding == .windows1252)
        #expect(values(table) == [["M1", "René"], ["M2", "André"]])
    }

    @Test func byteOrderMarkMakesAFileUTF8EvenWithoutMultiByteText() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,name\nM1,Ren".utf8) + [0xE9, 0x0A]
        let (_, diagnostics) = read(bytes: bytes)
        #expect(diagnostics == [
            "in.csv:2:7: error: invalid UTF-8 byte 0xE9; the file is UTF-8 elsewhere: re-save it as UTF-8 (in Excel: CSV UTF-8)"
        ])
    }

    @Test func crlfLinesAndMultiByteColumnsLocateTheBadByte() {
        let bytes = Array("id,name\r\nM1,Zoë Ång".utf8) + [0xC3, 0x28] + Array("\r\n".utf8)
        let decoded = TextDecoding.decode(bytes)
        #expect(decoded.invalidUTF8?.line == 2)
        #expect(decoded.invalidUTF8?.column == 11)
        #expect(decoded.invalidUTF8?.byte == 0xC3)
        #expect(decoded.invalidUTF8?.count == 1)
    }

    @Test func overlongAndSurrogateSequencesAreInvalid() {
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let decoded = TextDecoding.decode(Array("é,".utf8) + bad)
            #expect(decoded.invalidUTF8 != nil, "\(bad)")
        }
        #expect(TextDecoding.decode(Array("€𝄞é".utf8)).invalidUTF8 == nil)
    }
}
