import Testing

@testable import KapstokIO

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhenNeeded() {
        var writer = CSVWriter(header: ["id", "note"])
        writer.appendRow(["M1", "plain"])
        writer.appendRow(["M2", "a, b"])
        writer.appendRow(["M3", "say \"hi\""])
        writer.appendRow(["M4", "two\nlines"])
        writer.appendRow(["M5", ""])
        #expect(writer.text == "id,note\nM1,plain\nM2,\"a, b\"\nM3,\"say \"\"hi\"\"\"\nM4,\"two\nlines\"\nM5,\n")
    }

    @Test func neutralisesFormulasButNotNumbers() {
        #expect(CSVWriter.field("=SUM(A1:A9)") == "'=SUM(A1:A9)")
        #expect(CSVWriter.field("+31 6 1234") == "'+31 6 1234")
        #expect(CSVWriter.field("-2+3") == "'-2+3")
        #expect(CSVWriter.field("@cmd") == "'@cmd")
        #expect(CSVWriter.field("\tx") == "'\tx")
        #expect(CSVWriter.field("\rx") == "\"'\rx\"")
        #expect(CSVWriter.field("=1,2") == "\"'=1,2\"")
        #expect(CSVWriter.field("-3.5") == "-3.5")
        #expect(CSVWriter.field("+2") == "+2")
        #expect(CSVWriter.field("-1e-3") == "-1e-3")
        #expect(CSVWriter.field("a=b") == "a=b")
        #expect(CSVWriter.field("") == "")
    }

    @Test func writtenTextReadsBack() throws {
        let rows = [["M1", "Smith, Ann", "say \"hi\"", "multi\r\nline"], ["M2", "Zoë", "", "x"]]
        var writer = CSVWriter(header: ["a", "b", "c", "d"])
        for row in rows { writer.appendRow(row) }
        let table = try #require(parsedTable(writer.text))
        #expect(table.records.map { $0.fields.map(\.text) } == rows)
    }
}
