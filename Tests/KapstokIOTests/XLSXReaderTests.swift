import Diagnostics
import Foundation
import Kapstok
import Testing

@testable import KapstokIO

/// Workbooks made by real writers (openpyxl, LibreOffice: `Scripts/make_xlsx_fixtures.py`) read
/// through the one seam every loader uses, ``CSVReader/read(_:headerNames:diagnostics:)``.
@Suite struct XLSXReaderTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/KapstokCLITests/Fixtures/xlsx")
    static let sample = repository.appendingPathComponent("datasets/sample")

    static func table(_ name: String, headerNames: Set<String>? = nil) -> (CSVTable?, [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        let table = CSVReader.read(
            .file(fixtures.appendingPathComponent(name)), headerNames: headerNames, diagnostics: &diagnostics)
        return (table, diagnostics.diagnostics)
    }

    @Test func cellsReadAsExcelShowsThem() throws {
        let (table, diagnostics) = Self.table("cells.xlsx#People")
        let read = try #require(table)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(read.sheet == "People")
        #expect(read.file.hasSuffix("cells.xlsx"))
        #expect(read.titleRecords.count == 1)
        #expect(read.header.map(\.text) == ["id", "name", "level", "ratio", "active", "start", "time", "department", "", ""])
        #expect(read.header[0].line == 3)
        let rows = read.records.map { record in record.fields.map(\.text) }
        #expect(rows[0] == ["E01", "Ann", "3", "0.30000000000000004", "true", "2027-01-15", "09:30", "Sales"])
        #expect(rows[1] == ["E02", "Bob", "5", "2.5", "false", "2027-03-01T14:45", "17:00", "Sales"])
        #expect(rows[2] == ["E09", "Zoë", "2027-01-15", "", "", "", "", "", "", "stray"])
        #expect(read.records[2].line == 9)
        #expect(read.records[2].fields[9].column == 10)
        #expect(read.lineWord == "row")
    }

    @Test func firstSheetByDefaultAnd1904Dates() throws {
        let (notes, _) = Self.table("cells.xlsx")
        #expect(notes?.sheet == "Notes")
        let (dates, diagnostics) = Self.table("dates-1904.xlsx")
        #expect(diagnostics.isEmpty)
        #expect(dates?.records.first?.fields.map(\.text) == ["E01", "2027-01-15"])
    }

    @Test func formulasByTheirSavedValue() throws {
        let (cached, diagnostics) = Self.table("formula-cached.xlsx")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(cached?.records.first?.fields.map(\.text) == ["E01", "3"])
        let (_, uncached) = Self.table("formula-uncached.xlsx")
        #expect(uncached.map(\.description) == [
            "\(Self.fixtures.path)/formula-uncached.xlsx:Sheet1!B2: error: formula '=1+2' has no saved value: open the file in Excel and save it"
        ])
    }

    @Test func unknownSheetListsTheSheets() {
        let (table, diagnostics) = Self.table("cells.xlsx#Peple")
        #expect(table == nil)
        #expect(diagnostics.map(\.id) == [.unknownSheet])
        #expect(diagnostics.first?.message.contains("'Notes', 'People'") == true)
        #expect(diagnostics.first?.message.contains("did you mean 'People'?") == true)
        #expect(diagnostics.first?.location.file.hasSuffix("cells.xlsx") == true)
    }

    @Test(arguments: [
        // An .xls or .ods under its own name is a binary file to the CSV reader, which names it.
        ("old.xls", Diagnostic.MessageID.binaryFile), ("spreadsheet.ods", .binaryFile), ("renamed-csv.xlsx", .notAWorkbook),
        ("document.xlsx", .notAWorkbook), ("truncated.xlsx", .corruptWorkbook), ("doctype.xlsx#People", .workbookDTD),
        ("oversize.xlsx#People", .workbookTooLarge),
    ])
    func hostileFilesGiveOneError(name: String, id: Diagnostic.MessageID) {
        let (table, diagnostics) = Self.table(name)
        #expect(table == nil)
        #expect(diagnostics.map(\.id) == [id], "\(diagnostics)")
    }

    /// Under a workbook's name, an .xls or .ods is named by the workbook reader.
    @Test func oldAndOpenDocumentFilesUnderAWorkbookName() throws {
        for name in ["old.xls", "spreadsheet.ods"] {
            let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
            var diagnostics = DiagnosticCollector()
            #expect(CSVReader.read(.contents(bytes, path: "in.xlsx"), diagnostics: &diagnostics) == nil)
            #expect(diagnostics.diagnostics.map(\.id) == [.notAWorkbook])
            #expect(diagnostics.diagnostics.first?.message.contains("save it as .xlsx (Excel Workbook) or CSV") == true)
        }
    }

    @Test func badValuesAreLocatedAtTheCell() throws {
        let mentees = InputSource.file(Self.fixtures.appendingPathComponent("bad-mentees.xlsx#Mentees"))
        let mentors = InputSource.file(Self.sample.appendingPathComponent("mentors.csv"))
        #expect(throws: (any Error).self) {
            try RoundLoader().loadRound(RoundSources(mentors: mentors, mentees: mentees))
        }
        var diagnostics = DiagnosticCollector()
        _ = CSVReader.read(mentees, diagnostics: &diagnostics)
        #expect(mentees.path.hasSuffix("bad-mentees.xlsx"))
        #expect(mentees.sheet == "Mentees")
    }

    /// Each sample CSV converted by openpyxl (typed cells) and by LibreOffice reads to the same
    /// cell texts as the CSV itself.
    @Test(arguments: ["mentors", "mentees", "constraints", "history", "availability", "absences", "preferences"])
    func twinsReadLikeTheirCSV(name: String) throws {
        var diagnostics = DiagnosticCollector()
        let csv = try #require(CSVReader.read(.file(Self.sample.appendingPathComponent("\(name).csv")), diagnostics: &diagnostics))
        for writer in ["openpyxl", "soffice"] {
            let (sheet, problems) = Self.table("\(writer)-\(name).xlsx")
            let read = try #require(sheet)
            #expect(problems.isEmpty, "\(writer): \(problems)")
            #expect(read.header.map(\.text) == csv.header.map(\.text), "\(writer)")
            let sheetRows = read.records.map { $0.fields.map(\.text) + Array(repeating: "", count: max(0, csv.header.count - $0.fields.count)) }
            let csvRows = csv.records.map { $0.fields.map(\.text) + Array(repeating: "", count: max(0, csv.header.count - $0.fields.count)) }
            #expect(sheetRows == csvRows, "\(writer)-\(name)")
        }
    }

    @Test func sampleWorkbookLoadsTheSameRound() throws {
        func csv(_ name: String) -> InputSource { .file(Self.sample.appendingPathComponent(name)) }
        func sheet(_ name: String) -> InputSource {
            .file(Self.repository.appendingPathComponent("datasets/sample-xlsx/program.xlsx#\(name)"))
        }
        let fromCSV = try RoundLoader().loadRound(
            RoundSources(mentors: csv("mentors.csv"), mentees: csv("mentees.csv"), constraints: csv("constraints.csv"), history: csv("history.csv")))
        let fromSheets = try RoundLoader().loadRound(
            RoundSources(mentors: sheet("Mentors"), mentees: sheet("Mentees"), constraints: sheet("Constraints"), history: sheet("History")))
        #expect(fromSheets.round == fromCSV.round)
    }

    @Test func datesAndSerials() {
        let date = XLSXDates.Kind(hasDate: true, hasTime: false)
        #expect(XLSXDates.text(serial: 1, kind: date, uses1904: false) == "1900-01-01")
        #expect(XLSXDates.text(serial: 59, kind: date, uses1904: false) == "1900-02-28")
        #expect(XLSXDates.text(serial: 60, kind: date, uses1904: false) == nil)
        #expect(XLSXDates.text(serial: 61, kind: date, uses1904: false) == "1900-03-01")
        #expect(XLSXDates.text(serial: 0, kind: date, uses1904: true) == "1904-01-01")
        #expect(XLSXDates.kind(ofFormat: "\"days\" 0") == nil)
        #expect(XLSXDates.kind(ofFormat: "[h]:mm") == XLSXDates.Kind(hasDate: false, hasTime: true))
        #expect(XLSXDates.kind(ofFormat: "dd/mm/yyyy") == XLSXDates.Kind(hasDate: true, hasTime: false))
        #expect(XLSXSheetParser.parseReference("XFD1048576")! == (16_384, 1_048_576))
        #expect(XLSXSheetParser.parseReference("XFE1") == nil)
        #expect(XLSXSheetParser.parseReference("A0") == nil)
    }

    @Test func dtdScanFindsDeclarationsInEveryEncodingAndNothingElse() {
        func utf16(_ text: String, bigEndian: Bool) -> Data {
            Data(text.utf16.flatMap { unit in bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] })
        }
        let hostile = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>"
        #expect(XLSXXML.declaresDTD(Data(hostile.utf8)))
        #expect(XLSXXML.declaresDTD(utf16(hostile, bigEndian: false)))
        #expect(XLSXXML.declaresDTD(utf16(hostile, bigEndian: true)))
        #expect(XLSXXML.declaresDTD(Data("<a/><!ENTITY".utf8)))
        let harmless = "<x><!-- <!DOCTYP --><![CDATA[ENTITY]]><y a=\"<\"/><!</x><"
        #expect(!XLSXXML.declaresDTD(Data(harmless.utf8)))
        #expect(!XLSXXML.declaresDTD(utf16(harmless, bigEndian: false)))
        #expect(!XLSXXML.declaresDTD(Data()))
    }

    /// The bounds check in front of ZIPFoundation (whose in-memory reads trap past the end):
    /// real workbooks pass; a directory pointing past the end, or ZIP64 fields, are refused.
    @Test func zipDirectoryPointingPastTheEndIsRefusedNotATrap() throws {
        let good = try Data(contentsOf: Self.fixtures.appendingPathComponent("cells.xlsx"))
        #expect(XLSXArchive.outOfBounds(good) == nil)
        let bytes = [UInt8](good)
        let signature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
        let found: Int? = (0...(bytes.count - 22)).last { index in Array(bytes[index..<(index + 4)]) == signature }
        let end = try #require(found)
        func patched(_ offset: Int, _ value: [UInt8]) -> Data {
            var data = good
            for (index, byte) in value.enumerated() { data[end + offset + index] = byte }
            return data
        }
        #expect(XLSXArchive.outOfBounds(patched(16, [0xFF, 0xFF, 0xFF, 0xFF]))?.contains("ZIP64") == true)
        #expect(XLSXArchive.outOfBounds(patched(16, [0x00, 0x00, 0x00, 0x7F]))?.contains("past the end") == true)
        #expect(XLSXArchive.outOfBounds(patched(10, [0xFF, 0xFF]))?.contains("ZIP64") == true)
        let crash = try Data(contentsOf: Self.fixtures.appendingPathComponent("past-end.xlsx"))
        #expect(XLSXArchive.outOfBounds(crash)?.contains("past the end") == true)
        var diagnostics = DiagnosticCollector()
        #expect(XLSXReader.read(bytes: [UInt8](patched(16, [0x00, 0x00, 0x00, 0x7F])), file: "x.xlsx", diagnostics: &diagnostics) == nil)
        #expect(diagnostics.diagnostics.map(\.id) == [.corruptWorkbook])
    }
}
