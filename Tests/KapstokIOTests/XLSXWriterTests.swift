import Foundation
import Kapstok
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import KapstokIO

/// The workbook writer: parts, styles, escaping and determinism read back with ZIPFoundation and
/// XMLParser; then two independent readers, openpyxl (`Scripts/check_xlsx.py`) and LibreOffice
/// (`soffice --convert-to csv`). Those two fail, saying what to install, when missing.
@Suite struct XLSXWriterTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let long = String(repeating: "abcdefghij", count: 4_000)
    static let hostile = [
        "=SUM(A1)", "+1", "@x", "-a", "tab\there", "cr\rlf\nend", "bell\u{07}nul\u{00}", "_x0041_", "_X00e9_ and _x12_ _xABCDE_ _x_",
        "a & b < c > d \"q\" 'z'", "Zoë 😀👩‍👩‍👧", "مرحبا بالعالم", " leading", "trailing ", "\u{FFFE}\u{FFFF}", long,
    ]

    static let dateTime = LocalDateTime(date: CalendarDate(year: 2027, month: 1, day: 18), time: ClockTime(hours: 9, minutes: 7))

    static var pairings: OutputTable {
        var table = OutputTable(header: ["id", "name", "score", "rank", "ratio", "day", "start"])
        for (index, text) in hostile.enumerated() {
            table.append([
                .text("E\(index)"), .text(text), .score(Double(index) * 1.337), .integer(index - 3), .decimal(1.0 / Double(index + 1)),
                .date(CalendarDate(year: 2027, month: 1 + index % 12, day: 1 + index)),
                .dateTime(dateTime, text: "2027-01-18T09:07:00+01:00"),
            ])
        }
        table.append([.text("E99"), .empty, .score(.nan), .integer(0), .number(-0.0, text: "0", style: .general), .date(CalendarDate(year: 1900, month: 1, day: 1)), .empty])
        table.append([.text("E98"), .text(""), .empty, .empty, .number(1e20, text: "1e+20", style: .general), .date(CalendarDate(year: 1900, month: 3, day: 1))])
        return table
    }

    static var sheets: [XLSXSheet] {
        [XLSXSheet(name: "Pairings", table: pairings),
         XLSXSheet(name: "Un & <matched>", table: OutputTable(header: ["id", "reason"], rows: [[.text("E1"), .text("=HYPERLINK(\"x\")")]])),
         XLSXSheet(name: "Empty", table: OutputTable(header: ["only"]))]
    }

    /// The entries of a workbook, uncompressed.
    static func parts(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        return parts
    }

    /// Elements with their attributes and text, from XMLParser.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var texts: [String] = []
        private var current: String?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append((name, attributes))
            if name == "t" { current = "" }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "t", let current { texts.append(current) }
            if name == "t" { current = nil }
        }
    }

    static func parse(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> Collector {
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))", sourceLocation: sourceLocation)
        return collector
    }

    /// OOXML `_xHHHH_` decoding, as a reader does it.
    static func unescaped(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            output += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                output.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                output += "_x"
                rest = after
            }
        }
        return output + rest
    }

    @Test func partsAndContentTypes() throws {
        let parts = try Self.parts(XLSXWriter.workbook(Self.sheets))
        #expect(Set(parts.keys) == [
            "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
            "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
        ])
        for (_, data) in parts { _ = Self.parse(data) }
        let types = Self.parse(try #require(parts["[Content_Types].xml"]))
        let overrides = Dictionary(uniqueKeysWithValues: types.elements.filter { $0.name == "Override" }.map { ($0.attributes["PartName"]!, $0.attributes["ContentType"]!) })
        for path in parts.keys where path != "[Content_Types].xml" && !path.hasSuffix(".rels") {
            #expect(overrides["/" + path] != nil, "no content type for \(path)")
        }
        #expect(overrides["/xl/worksheets/sheet2.xml"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")
        #expect(overrides["/xl/workbook.xml"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
        let workbook = Self.parse(try #require(parts["xl/workbook.xml"]))
        #expect(workbook.elements.filter { $0.name == "sheet" }.map { $0.attributes["name"] } == ["Pairings", "Un & <matched>", "Empty"])
        for (_, data) in parts { #expect(!String(decoding: data, as: UTF8.self).contains("<f>") && !String(decoding: data, as: UTF8.self).contains("<f ")) }
    }

    @Test func frozenBoldHeaderAndNumberFormats() throws {
        let parts = try Self.parts(XLSXWriter.workbook(Self.sheets))
        let styles = Self.parse(try #require(parts["xl/styles.xml"]))
        let fonts = styles.elements.split { $0.name == "font" }.dropFirst().map { $0.contains { $0.name == "b" } }
        let cellXfs = Array(styles.elements.drop { $0.name != "cellXfs" }.filter { $0.name == "xf" })
        let formats = Dictionary(uniqueKeysWithValues: styles.elements.filter { $0.name == "numFmt" }.map { ($0.attributes["numFmtId"]!, $0.attributes["formatCode"]!) })
        func format(_ style: String?) -> String {
            let id = cellXfs[Int(style ?? "0")!].attributes["numFmtId"]!
            return ["0": "General", "1": "0", "2": "0.00"][id] ?? formats[id] ?? "?"
        }
        func bold(_ style: String?) -> Bool { fonts[Int(cellXfs[Int(style ?? "0")!].attributes["fontId"]!)!] }

        let sheet = Self.parse(try #require(parts["xl/worksheets/sheet1.xml"]))
        let pane = try #require(sheet.elements.first { $0.name == "pane" })
        #expect(pane.attributes == ["ySplit": "1", "topLeftCell": "A2", "activePane": "bottomLeft", "state": "frozen"])
        #expect(sheet.elements.first { $0.name == "autoFilter" }?.attributes["ref"] == "A1:G\(Self.pairings.rows.count + 1)")
        let cells = Dictionary(uniqueKeysWithValues: sheet.elements.filter { $0.name == "c" }.map { ($0.attributes["r"]!, $0.attributes) })
        for column in "ABCDEFG" {
            let header = try #require(cells["\(column)1"])
            #expect(header["t"] == "s" && bold(header["s"]))
        }
        #expect(format(cells["C3"]?["s"]) == "0.00" && cells["C3"]?["t"] == nil)
        #expect(format(cells["D3"]?["s"]) == "0" && !bold(cells["D3"]?["s"]))
        #expect(format(cells["E3"]?["s"]) == "General" && cells["E3"]?["t"] == nil)
        #expect(format(cells["F3"]?["s"]) == "yyyy-mm-dd")
        #expect(format(cells["G3"]?["s"]) == "yyyy-mm-dd hh:mm")
        let nanRow = Self.pairings.rows.count  // E99 is the second to last row
        #expect(cells["C\(nanRow)"]?["t"] == "s", "a NaN score is text")
        #expect(cells["F\(nanRow)"]?["t"] == "s", "1900-01-01 is text (readers disagree on serials before 1900-03-01)")
        #expect(format(cells["F\(nanRow + 1)"]?["s"]) == "yyyy-mm-dd", "1900-03-01 is a date")
        #expect(cells["B\(nanRow)"] == nil && cells["G\(nanRow)"] == nil, "empty cells are left out")
        let widths = sheet.elements.filter { $0.name == "col" }.map { Double($0.attributes["width"]!)! }
        #expect(widths.count == 7 && widths.allSatisfy { (8...60).contains($0) })
        #expect(widths[1] == 60 && widths[0] == 8)

        let empty = Self.parse(try #require(parts["xl/worksheets/sheet3.xml"]))
        #expect(empty.elements.first { $0.name == "autoFilter" }?.attributes["ref"] == "A1:A1")
    }

    @Test func hostileTextRoundTrips() throws {
        let parts = try Self.parts(XLSXWriter.workbook(Self.sheets))
        let strings = Self.parse(try #require(parts["xl/sharedStrings.xml"]))
        let texts = strings.texts.map(Self.unescaped)
        #expect(texts.count == Set(texts).count, "shared strings are deduplicated")
        for text in Self.hostile {
            let expected = text.utf16.count > 32_767 ? String(text.prefix(32_767)) : text
            #expect(texts.contains(expected), "lost: \(text.debugDescription.prefix(80))")
        }
        #expect(!texts.contains { $0.hasPrefix("'") }, "no CSV-style leading quote")
        let raw = String(decoding: try #require(parts["xl/sharedStrings.xml"]), as: UTF8.self)
        #expect(raw.contains("<t>_x005F_x0041_</t>") && raw.contains("bell_x0007_nul_x0000_") && raw.contains("cr_x000D_lf"))
        #expect(raw.contains("<t xml:space=\"preserve\"> leading</t>") && raw.contains("_xFFFE__xFFFF_"))
        let sheet = String(decoding: try #require(parts["xl/worksheets/sheet1.xml"]), as: UTF8.self)
        #expect(!sheet.contains("<f>") && !sheet.contains("t=\"str\"") && !sheet.contains("inlineStr"))
    }

    @Test func sameInputSameBytes() throws {
        let first = try XLSXWriter.workbook(Self.sheets)
        let second = try XLSXWriter.workbook(Self.sheets)
        #expect(first == second)
        var changed = Self.sheets
        changed[1].table.rows[0][0] = .text("E2")
        #expect(try XLSXWriter.workbook(changed) != first)
    }

    @Test func errors() {
        #expect(throws: XLSXWriteError(sheet: nil, reason: .noSheets)) { try XLSXWriter.workbook([]) }
        let table = OutputTable(header: ["a"])
        #expect(throws: XLSXWriteError(sheet: "a/b", reason: .invalidSheetName)) { try XLSXWriter.workbook([XLSXSheet(name: "a/b", table: table)]) }
        #expect(throws: XLSXWriteError(sheet: "history", reason: .invalidSheetName)) { try XLSXWriter.workbook([XLSXSheet(name: "history", table: table)]) }
        #expect(throws: XLSXWriteError(sheet: "PAIRS", reason: .duplicateSheetName)) {
            try XLSXWriter.workbook([XLSXSheet(name: "Pairs", table: table), XLSXSheet(name: "PAIRS", table: table)])
        }
        let wide = OutputTable(header: (0...16_384).map { "c\($0)" })
        #expect(throws: XLSXWriteError(sheet: "Wide", reason: .tooManyColumns(16_385))) { try XLSXWriter.workbook([XLSXSheet(name: "Wide", table: wide)]) }
        let tall = OutputTable(header: ["a"], rows: Array(repeating: [.empty], count: 1_048_576))
        #expect(throws: XLSXWriteError(sheet: "Tall", reason: .tooManyRows(1_048_577))) { try XLSXWriter.workbook([XLSXSheet(name: "Tall", table: tall)]) }
        #expect(XLSXWriteError(sheet: "Tall", reason: .tooManyRows(1_048_577)).description.contains("1,048,576"))
    }

    @Test func sheetNames() {
        #expect(XLSXWriter.sheetName("Pairings", taken: []) == "Pairings")
        #expect(XLSXWriter.sheetName("a[b]:c*d?e/f\\g", taken: []) == "a_b__c_d_e_f_g")
        #expect(XLSXWriter.sheetName("   ", taken: []) == "Sheet")
        #expect(XLSXWriter.sheetName("'quoted'", taken: []) == "quoted")
        #expect(XLSXWriter.sheetName("History", taken: []) == "History (2)")
        #expect(XLSXWriter.sheetName("pairings", taken: ["Pairings", "PAIRINGS (2)"]) == "pairings (3)")
        let long = String(repeating: "x", count: 40)
        #expect(XLSXWriter.sheetName(long, taken: []) == String(repeating: "x", count: 31))
        #expect(XLSXWriter.sheetName(long, taken: [String(repeating: "x", count: 31)]) == String(repeating: "x", count: 27) + " (2)")
        #expect(XLSXWriter.sheetName(String(repeating: "😀", count: 20), taken: []).utf16.count == 30)
        for wanted in ["a:b", "", "History", long, "x\u{07}y"] {
            let name = XLSXWriter.sheetName(wanted, taken: ["a_b"])
            #expect(XLSXWriter.sheetName(name, taken: []) == name, "\(name) is stable")
        }
    }

    // MARK: - Independent readers

    /// What openpyxl should give for a cell (`check_xlsx.py`'s JSON form).
    static func expected(_ cell: OutputCell) -> [AnyHashable]? {
        switch cell {
        case .empty: return nil
        case .text(let text): return text.isEmpty ? nil : ["s", openpyxlText(text.utf16.count > 32_767 ? String(text.prefix(32_767)) : text)]
        case .number(let value, let text, let style):
            guard value.isFinite else { return ["s", text] }
            return ["n", value, style == .integer ? "0" : style == .twoDecimals ? "0.00" : "General"]
        case .date(let date): return date < CalendarDate(year: 1900, month: 3, day: 1) ? ["s", date.description] : ["d", date.description + "T00:00", "yyyy-mm-dd"]
        case .dateTime(let dateTime, _): return ["d", "\(dateTime.date)T\(dateTime.time)", "yyyy-mm-dd hh:mm"]
        }
    }

    /// Text as openpyxl gives it back: it leaves the `_xHHHH_` escapes of the characters XML
    /// cannot hold (controls, carriage return, U+FFFE, U+FFFF) undecoded.
    static func openpyxlText(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            if (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    static func normalised(_ value: Any) -> [AnyHashable]? {
        guard let array = value as? [Any] else { return nil }
        return array.map { item -> AnyHashable in
            let text = item as! String
            return text == array.first as? String ? text : (array.first as? String == "n" && array.firstIndex { ($0 as? String) == text } == 1 ? AnyHashable(Double(text) ?? .nan) : text)
        }
    }

    @Test func openpyxlReadsTheWorkbook() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.xlsx")
        try XLSXWriter.workbook(Self.sheets).write(to: file)
        let result = try runTool(["python3", Self.repository.appendingPathComponent("Scripts/check_xlsx.py").path, file.path])
        try #require(result.status == 0, "check_xlsx.py failed (needs python3 and openpyxl: pip install openpyxl): \(result.errors)")
        let sheets = try #require(try JSONSerialization.jsonObject(with: result.output) as? [[String: Any]])
        #expect(sheets.map { $0["name"] as? String } == Self.sheets.map(\.name))
        for (sheet, read) in zip(Self.sheets, sheets) {
            let rows = try #require(read["rows"] as? [[Any]])
            let width = XLSXWriter.columnCount(sheet.table)
            let expectedRows = [sheet.table.header.map { OutputCell.text($0) }] + sheet.table.rows
            #expect(rows.count == expectedRows.count, "\(sheet.name)")
            for (number, (row, expectedRow)) in zip(rows, expectedRows).enumerated() {
                let cells = (0..<width).map { $0 < expectedRow.count ? Self.expected(expectedRow[$0]) : nil }
                let got = (0..<width).map { $0 < row.count ? Self.normalised(row[$0]) : nil }
                #expect(got == cells, "\(sheet.name) row \(number + 1)")
            }
        }
    }

    /// The text without CR and LF (LibreOffice exports a CR as a line break, the CSV reader
    /// drops a lone CR).
    static func withoutBreaks(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
    }

    /// LibreOffice Calc opens the workbook and exports every sheet as CSV (one launch); each must
    /// hold what ``CSVWriter/text(_:dialect:)`` writes for the table, with these normalisations:
    /// the CSV writer's `'` before formula-like text is taken off (the workbook has none), numbers
    /// compare as values (LibreOffice writes 15 significant digits), date-times as
    /// `YYYY-MM-DD HH:MM:00` (a workbook holds the wall time, no offset), texts over 32,767
    /// characters cut there, line breaks left out, NUL shown as U+2400 on both sides.
    @Test func libreOfficeReadsTheWorkbook() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.xlsx")
        try XLSXWriter.workbook(Self.sheets).write(to: file)
        let out = folder.appendingPathComponent("out")
        let result = try runTool([
            "soffice", "--headless", "-env:UserInstallation=file://" + folder.appendingPathComponent("profile").path,
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out.path, file.path,
        ])
        try #require(result.status == 0, "soffice failed (needs LibreOffice Calc: apt-get install libreoffice-calc-nogui): \(result.errors)")
        for sheet in Self.sheets {
            let exported = out.appendingPathComponent("book-\(sheet.name).csv")
            let data = try #require(try? Data(contentsOf: exported), "no \(exported.lastPathComponent): \(result.errors)")
            // The CSV reader refuses NUL (LibreOffice decodes `_x0000_` to it): both sides show it as U+2400.
            let read = try #require(parsedTable(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{0}", with: "\u{2400}"), file: exported.lastPathComponent))
            let written = try #require(parsedTable(CSVWriter.text(sheet.table).replacingOccurrences(of: "\u{0}", with: "\u{2400}")))
            #expect(read.header.map(\.text) == written.header.map(\.text), "\(sheet.name) header")
            #expect(read.records.count == sheet.table.rows.count, "\(sheet.name) rows")
            for (number, (record, row)) in zip(read.records, zip(written.records, sheet.table.rows)).enumerated() {
                for (column, cell) in row.1.enumerated() {
                    let got = record.field(at: column).text
                    let csv = CSVWriter.restored(row.0.field(at: column).text)
                    let place = "\(sheet.name) row \(number + 2) column \(column + 1)"
                    switch cell {
                    case .number(let value, _, _) where value.isFinite:
                        let parsed = try #require(Double(got), "\(place): \(got)")
                        #expect(abs(parsed - value) <= abs(value) * 1e-14, "\(place): \(got) for \(csv)")
                    case .dateTime(let dateTime, _):
                        #expect(got == "\(dateTime.date) \(dateTime.time):00", "\(place)")
                    default:
                        let expected = csv.utf16.count > 32_767 ? String(csv.prefix(32_767)) : csv
                        #expect(Self.withoutBreaks(got) == Self.withoutBreaks(expected), "\(place): \(got.debugDescription.prefix(60))")
                    }
                }
            }
        }
    }
}
