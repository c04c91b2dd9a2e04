import Foundation
import Testing

@testable import KapstokIO

@Suite struct CSVReaderTests {
    private func read(_ text: String) -> (table: CSVTable?, diagnostics: [String]) {
        var diagnostics = DiagnosticCollector()
        let table = CSVReader.read(text: text, file: "in.csv", diagnostics: &diagnostics)
        return (table, diagnostics.diagnostics.map(\.description))
    }

    private func values(_ table: CSVTable?) -> [[String]] {
        table?.records.map { $0.fields.map(\.text) } ?? []
    }

    @Test func readsHeaderRecordsAndLocations() throws {
        let table = try #require(parsedTable("id,name\nM1,Ann\nM2,Bob\n"))
        #expect(table.header.map(\.text) == ["id", "name"])
        #expect(values(table) == [["M1", "Ann"], ["M2", "Bob"]])
        #expect(table.records.map(\.line) == [2, 3])
        #expect(table.records[1].fields[1].column == 4)
        #expect(table.separator == ",")
        #expect(table.encoding == .utf8)
    }

    @Test func sniffsSemicolon() throws {
        let table = try #require(parsedTable("id;name;note\nM1;Ann, B.;x\n"))
        #expect(table.separator == ";")
        #expect(values(table) == [["M1", "Ann, B.", "x"]])
    }

    @Test func sniffsTab() throws {
        let table = try #require(parsedTable("id\tname\nM1\tAnn\n"))
        #expect(table.separator == "\t")
        #expect(values(table) == [["M1", "Ann"]])
    }

    @Test func sniffingIgnoresSeparatorsInsideQuotes() throws {
        let table = try #require(parsedTable("\"a;b;c\",d\n1,2\n"))
        #expect(table.separator == ",")
        #expect(table.header.map(\.text) == ["a;b;c", "d"])
    }

    @Test func handlesCRLFAndCRLineEndings() throws {
        let crlf = try #require(parsedTable("id,name\r\nM1,Ann\r\nM2,Bob\r\n"))
        #expect(values(crlf) == [["M1", "Ann"], ["M2", "Bob"]])
        #expect(crlf.records.map(\.line) == [2, 3])
        let cr = try #require(parsedTable("id,name\rM1,Ann\rM2,Bob"))
        #expect(values(cr) == [["M1", "Ann"], ["M2", "Bob"]])
        #expect(cr.records.map(\.line) == [2, 3])
    }

    @Test func quotedFieldWithCommaAndNewlineKeepsLaterLineNumbers() throws {
        let text = "id,name,note\nM1,\"Smith, Ann\",\"line one\nline two\"\nM2,Bob,x\n"
        let table = try #require(parsedTable(text))
        #expect(values(table) == [["M1", "Smith, Ann", "line one\nline two"], ["M2", "Bob", "x"]])
        #expect(table.records[0].fields[1].isQuoted)
        #expect(table.records[1].line == 4)
        #expect(table.records[1].fields[2].line == 4)
        #expect(table.records[1].fields[2].column == 8)
    }

    @Test func fieldAfterEmbeddedNewlineIsLocatedOnItsPhysicalLine() throws {
        let table = try #require(parsedTable("a,b,c\n\"x\ny\",after,z\n"))
        let record = table.records[0]
        #expect(record.line == 2)
        #expect(record.fields[1].line == 3 && record.fields[1].column == 4)
        #expect(record.fields[2].line == 3 && record.fields[2].column == 10)
    }

    @Test func doubledQuotesAndBlanksAroundQuotedFields() throws {
        let table = try #require(parsedTable("a,b\n\"say \"\"hi\"\"\",  \"x, y\"  \n"))
        #expect(values(table) == [["say \"hi\"", "x, y"]])
    }

    @Test func quoteInsideAnUnquotedFieldIsLiteral() throws {
        let table = try #require(parsedTable("a,b\n5'11\",x\n"))
        #expect(values(table) == [["5'11\"", "x"]])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let table = try #require(parsedTable("name,x\nZoë,here\n"))
        #expect(table.records[0].fields[1].column == 5)
    }

    @Test func headerNamesAreTrimmed() throws {
        let table = try #require(parsedTable(" id ;\tname \nM1;Ann\n"))
        #expect(table.header.map(\.text) == ["id", "name"])
    }

    @Test func blankLinesAreSkipped() throws {
        let table = try #require(parsedTable("\n\nid;name\n\nM1;Ann\n;\n  \nM2;Bob\n\n\n"))
        #expect(values(table) == [["M1", "Ann"], ["M2", "Bob"]])
        #expect(table.header.first?.line == 3)
        #expect(table.records.map(\.line) == [5, 8])
    }

    @Test func shortRecordsReadMissingFieldsAsEmptyAtTheRecordEnd() throws {
        let table = try #require(parsedTable("id,name,email\nM1\n"))
        let missing = table.records[0].field(at: 2)
        #expect(missing.text == "")
        #expect(missing.line == 2 && missing.column == 3)
    }

    @Test func extraEmptyTrailingFieldsAreDropped() throws {
        let table = try #require(parsedTable("id,name\nM1,Ann,,\n"))
        #expect(values(table) == [["M1", "Ann"]])
    }

    @Test func extraNonEmptyFieldIsAnError() {
        let (table, diagnostics) = read("id,name\nM1,Ann,,surprise\n")
        #expect(diagnostics == ["in.csv:2:9: error: too many fields: the header has 2 columns, this record has 4"])
        #expect(values(table) == [["M1", "Ann"]])
    }

    @Test func unterminatedQuoteIsReportedAtTheOpeningQuote() {
        let (table, diagnostics) = read("id,name\nM1,\"Ann")
        #expect(diagnostics == ["in.csv:2:4: error: unterminated quoted field (the closing quote is missing)"])
        #expect(table?.records.count == 1)
    }

    /// A quote that runs over line breaks to the end of the file swallowed the records after it:
    /// reported where it opened, its record skipped, the records after it read.
    @Test func unterminatedQuoteOverLinesIsAnUnclosedQuote() {
        let (table, diagnostics) = read("id,name\nM1,\"Ann\nM2,Bob\n")
        #expect(diagnostics == [
            "in.csv:2:4: error: the quoted field that opens here is never closed and runs to the end of the file "
                + "(line 3); a closing quote is probably missing (record skipped)"
        ])
        #expect(values(table) == [["M2", "Bob"]])
        #expect(table?.rejected.map(\.line) == [2])
    }

    @Test func textAfterClosingQuoteIsAnErrorAndKept() {
        let (table, diagnostics) = read("id,name,x\nM1,\"Ann\"ie,x\n")
        #expect(diagnostics == ["in.csv:2:9: error: unexpected text after the closing quote of a quoted field"])
        #expect(values(table) == [["M1", "Annie", "x"]])
    }

    @Test func emptyFileHasNoHeader() {
        #expect(read("").diagnostics == ["in.csv:1:1: error: file is empty (a header row is required)"])
        #expect(read("\r\n \n").diagnostics == ["in.csv:1:1: error: file is empty (a header row is required)"])
        #expect(read("").table == nil)
    }

    @Test func windows1252WithSemicolons() throws {
        // Excel "CSV (semicolon)" export on Windows: "id;name;city\r\nE1;René;Liège € 5\r\n".
        var bytes = Array("id;name;city\r\nE1;Ren".utf8) + [0xE9] + Array(";Li".utf8) + [0xE8]
        bytes += Array("ge ".utf8) + [0x80] + Array(" 5\r\n".utf8)
        var diagnostics = DiagnosticCollector()
        let table = try #require(CSVReader.read(bytes: bytes, file: "x.csv", diagnostics: &diagnostics))
        #expect(diagnostics.diagnostics.isEmpty)
        #expect(table.encoding == .windows1252)
        #expect(table.separator == ";")
        #expect(values(table) == [["E1", "René", "Liège € 5"]])
    }

    @Test func byteOrderMarkIsNotPartOfTheFirstColumnName() throws {
        var diagnostics = DiagnosticCollector()
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,name\nM1,Zoë\n".utf8)
        let table = try #require(CSVReader.read(bytes: bytes, file: "x.csv", diagnostics: &diagnostics))
        #expect(table.header.map(\.text) == ["id", "name"])
        #expect(table.header[0].column == 1)
        #expect(table.encoding == .utf8WithBOM)
        #expect(values(table) == [["M1", "Zoë"]])
    }

    @Test func readsTenThousandRowsQuickly() throws {
        var text = "id,name,email," + Fixture.frameworkIDs.joined(separator: ",") + "\n"
        for index in 0..<10_000 {
            text += "M\(index),\"Person \(index)\",p\(index)@example.com,"
            text += Fixture.frameworkIDs.indices.map { String(($0 + index) % 6) }.joined(separator: ",") + "\n"
        }
        let bytes = Array(text.utf8)
        let clock = ContinuousClock()
        var diagnostics = DiagnosticCollector()
        var table: CSVTable?
        let elapsed = clock.measure {
            table = CSVReader.read(bytes: bytes, file: "big.csv", diagnostics: &diagnostics)
        }
        #expect(table?.records.count == 10_000)
        #expect(table?.records.last?.line == 10_001)
        // Generous for debug builds; a release build reads this in a few milliseconds.
        #expect(elapsed < .seconds(3))
    }
}
