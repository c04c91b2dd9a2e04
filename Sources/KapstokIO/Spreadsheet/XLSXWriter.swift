import Foundation
import Kapstok
import ZIPFoundation

/// One sheet of a workbook: its tab name and its table.
public struct XLSXSheet: Sendable, Hashable {
    /// The tab name (see ``XLSXWriter/sheetName(_:taken:)`` for a valid one).
    public var name: String
    /// The header and rows.
    public var table: OutputTable

    public init(name: String, table: OutputTable) {
        self.name = name
        self.table = table
    }
}

/// Why a workbook cannot be written.
public struct XLSXWriteError: Error, CustomStringConvertible, Hashable {
    public enum Reason: Sendable, Hashable {
        /// A workbook needs at least one sheet.
        case noSheets
        /// The sheet name is not one ``XLSXWriter/sheetName(_:taken:)`` would give.
        case invalidSheetName
        /// Another sheet has the same name (case-insensitively).
        case duplicateSheetName
        /// More rows (header included) than Excel's 1,048,576.
        case tooManyRows(Int)
        /// More columns than Excel's 16,384.
        case tooManyColumns(Int)
        /// The ZIP archive could not be built.
        case archive(String)
    }

    /// The sheet concerned, if any.
    public var sheet: String?
    public var reason: Reason

    public var description: String {
        let prefix = sheet.map { "sheet '\($0)': " } ?? ""
        switch reason {
        case .noSheets: return "a workbook needs at least one sheet"
        case .invalidSheetName: return prefix + "invalid sheet name (at most 31 characters, none of []:*?/\\, not blank, not 'History')"
        case .duplicateSheetName: return prefix + "another sheet has the same name"
        case .tooManyRows(let count): return prefix + "\(count) rows with the header, over the 1,048,576 a sheet holds"
        case .tooManyColumns(let count): return prefix + "\(count) columns, over the 16,384 a sheet holds"
        case .archive(let message): return "cannot build the workbook archive: \(message)"
        }
    }
}

/// Writes ``OutputTable``s as an Office Open XML workbook (`.xlsx`): one sheet per table.
///
/// Each sheet has a bold header row, frozen (the pane below row 1) and with an autofilter, and
/// column widths from the longest shown text of the header and cells (8 to 60 characters).
/// Cells: ``OutputCell/text(_:)`` as shared strings (deduplicated; never a formula, so no
/// leading `'`), numbers as numbers (`.integer` shown `0`, `.twoDecimals` `0.00`, `.general`
/// General), dates as date serials of the 1900 system shown `yyyy-mm-dd`, date-times as the
/// local wall time shown `yyyy-mm-dd hh:mm`; empty cells are left out. Written as text instead:
/// a non-finite number, a date (or date-time) before 1900-03-01 (where Excel's and LibreOffice's
/// serials disagree) or after 9999-12-31. A text over Excel's
/// 32,767-character limit (UTF-16 units) is cut there, at a character boundary.
///
/// The bytes are deterministic: no timestamps in the document properties and a fixed
/// modification date (2000-01-01 00:00 local) on every ZIP entry.
public enum XLSXWriter {
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    /// Style indexes of `xl/styles.xml`'s `cellXfs`.
    enum Style: Int {
        case general = 0, header, integer, twoDecimals, date, dateTime
    }

    /// A whole workbook, deterministic bytes.
    public static func workbook(_ sheets: [XLSXSheet]) throws(XLSXWriteError) -> Data {
        guard !sheets.isEmpty else { throw XLSXWriteError(sheet: nil, reason: .noSheets) }
        var taken = Set<String>()
        for sheet in sheets {
            if taken.contains(sheet.name.lowercased()) { throw XLSXWriteError(sheet: sheet.name, reason: .duplicateSheetName) }
            guard sheetName(sheet.name, taken: []) == sheet.name else { throw XLSXWriteError(sheet: sheet.name, reason: .invalidSheetName) }
            taken.insert(sheet.name.lowercased())
            let columns = columnCount(sheet.table)
            if columns > maximumColumns { throw XLSXWriteError(sheet: sheet.name, reason: .tooManyColumns(columns)) }
            if sheet.table.rows.count + 1 > maximumRows { throw XLSXWriteError(sheet: sheet.name, reason: .tooManyRows(sheet.table.rows.count + 1)) }
        }
        var strings = SharedStrings()
        var parts: [(String, [UInt8])] = []
        var worksheets: [(String, [UInt8])] = []
        for (index, sheet) in sheets.enumerated() {
            worksheets.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet.table, selected: index == 0, strings: &strings)))
        }
        parts.append(("[Content_Types].xml", contentTypes(sheetCount: sheets.count)))
        parts.append(("_rels/.rels", Array(Parts.rootRelationships.utf8)))
        parts.append(("docProps/app.xml", Array(Parts.app.utf8)))
        parts.append(("docProps/core.xml", Array(Parts.core.utf8)))
        parts.append(("xl/workbook.xml", workbookPart(sheets)))
        parts.append(("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)))
        parts.append(("xl/styles.xml", Array(Parts.styles.utf8)))
        parts.append(("xl/sharedStrings.xml", strings.part()))
        parts += worksheets
        do {
            return try zip(parts)
        } catch {
            throw XLSXWriteError(sheet: nil, reason: .archive(String(describing: error)))
        }
    }

    /// A valid sheet name for a wanted one: at most 31 characters (UTF-16 units, cut at a
    /// character boundary), each of `[]:*?/\` and control characters replaced by `_`, no
    /// leading or trailing `'` or blanks, `Sheet` for a blank name, and unique
    /// case-insensitively among `taken` and not `History` (Excel's reserved name): else
    /// ` (2)`, ` (3)`, … is added.
    public static func sheetName(_ wanted: String, taken: Set<String>) -> String {
        var name = String(String.UnicodeScalarView(wanted.unicodeScalars.map { scalar in
            "[]:*?/\\".unicodeScalars.contains(scalar) || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar.value == 0xFFFE || scalar.value == 0xFFFF ? "_" : scalar
        }))
        func trimmed(_ text: String) -> String {
            var text = Substring(text)
            while let first = text.first, first == "'" || first.isWhitespace { text.removeFirst() }
            while let last = text.last, last == "'" || last.isWhitespace { text.removeLast() }
            return String(text)
        }
        name = trimmed(name)
        if name.isEmpty { name = "Sheet" }
        func cut(_ text: String, to limit: Int) -> String {
            var length = 0
            var result = ""
            for character in text {
                length += character.utf16.count
                if length > limit { break }
                result.append(character)
            }
            return trimmed(result).isEmpty ? "Sheet" : trimmed(result)
        }
        name = cut(name, to: 31)
        let lowered = Set(taken.map { $0.lowercased() })
        func free(_ candidate: String) -> Bool { !lowered.contains(candidate.lowercased()) && candidate.lowercased() != "history" }
        if free(name) { return name }
        var number = 2
        while true {
            let suffix = " (\(number))"
            let candidate = cut(name, to: 31 - suffix.utf16.count) + suffix
            if free(candidate) { return candidate }
            number += 1
        }
    }

    static func columnCount(_ table: OutputTable) -> Int {
        table.rows.reduce(table.header.count) { max($0, $1.count) }
    }

    /// The shared strings table: each distinct text once, in order of first use.
    struct SharedStrings {
        var indexes: [String: Int] = [:]
        var texts: [String] = []
        var uses = 0

        mutating func index(_ text: String) -> Int {
            uses += 1
            if let index = indexes[text] { return index }
            let index = texts.count
            indexes[text] = index
            texts.append(text)
            return index
        }

        func part() -> [UInt8] {
            var xml = XMLBytes(capacity: texts.reduce(256) { $0 + $1.utf8.count + 24 })
            xml.append(Parts.declaration)
            xml.append("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"")
            xml.append(uses)
            xml.append("\" uniqueCount=\"")
            xml.append(texts.count)
            xml.append("\">")
            for text in texts {
                let blankEdges = text.first.map(isBlank) == true || text.last.map(isBlank) == true
                xml.append(blankEdges ? "<si><t xml:space=\"preserve\">" : "<si><t>")
                xml.appendText(text)
                xml.append("</t></si>")
            }
            xml.append("</sst>")
            return xml.bytes
        }

        private func isBlank(_ character: Character) -> Bool { character.isWhitespace }
    }

    /// One worksheet part.
    static func worksheet(_ table: OutputTable, selected: Bool, strings: inout SharedStrings) -> [UInt8] {
        let columnCount = columnCount(table)
        let names = (0..<columnCount).map(XLSXCells.columnName)
        let lastRow = table.rows.count + 1
        var widths = [Int](repeating: 0, count: columnCount)
        var data = XMLBytes(capacity: table.rows.count * columnCount * 24 + 1024)

        // Header.
        data.append("<row r=\"1\">")
        for (column, title) in table.header.enumerated() where !title.isEmpty {
            let text = XLSXCells.clipped(title)
            // Room for the autofilter button.
            widths[column] = max(widths[column], XLSXCells.shownLength(text, atLeast: 0) + 3)
            data.append("<c r=\"")
            data.append(bytes: names[column])
            data.append("1\" s=\"1\" t=\"s\"><v>")
            data.append(strings.index(text))
            data.append("</v></c>")
        }
        data.append("</row>")

        for (offset, row) in table.rows.enumerated() {
            let number = offset + 2
            data.append("<row r=\"")
            data.append(number)
            data.append("\">")
            for (column, cell) in row.enumerated() {
                func open(_ style: Style, type: StaticString?) {
                    data.append("<c r=\"")
                    data.append(bytes: names[column])
                    data.append(number)
                    if style != .general {
                        data.append("\" s=\"")
                        data.append(style.rawValue)
                    }
                    if let type {
                        data.append("\" t=\"")
                        data.append(type)
                    }
                    data.append("\"><v>")
                }
                func text(_ value: String) {
                    let value = XLSXCells.clipped(value)
                    widths[column] = max(widths[column], XLSXCells.shownLength(value, atLeast: widths[column]))
                    open(.general, type: "s")
                    data.append(strings.index(value))
                    data.append("</v></c>")
                }
                switch cell {
                case .empty: continue
                case .text(let value):
                    if value.isEmpty { continue }
                    text(value)
                case .number(let value, let shown, let style):
                    guard value.isFinite else { text(shown); continue }
                    widths[column] = max(widths[column], XLSXCells.shownLength(value, text: shown, style: style))
                    open(style == .integer ? .integer : style == .twoDecimals ? .twoDecimals : .general, type: nil)
                    data.appendText(XLSXCells.value(value))
                    data.append("</v></c>")
                case .date(let date):
                    guard let serial = XLSXCells.serial(date) else { text(date.description); continue }
                    widths[column] = max(widths[column], 10)
                    open(.date, type: nil)
                    data.append(serial)
                    data.append("</v></c>")
                case .dateTime(let dateTime, let shown):
                    guard let serial = XLSXCells.serial(dateTime.date) else { text(shown); continue }
                    widths[column] = max(widths[column], 16)
                    open(.dateTime, type: nil)
                    let minutes = serial * 1440 + dateTime.time.minutes
                    data.appendText(XLSXCells.value(Double(minutes) / 1440))
                    data.append("</v></c>")
                }
            }
            data.append("</row>")
        }

        var xml = XMLBytes(capacity: data.bytes.count + 2048)
        xml.append(Parts.declaration)
        xml.append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        let lastColumn = names.last ?? [UInt8(ascii: "A")]
        xml.append("<dimension ref=\"A1")
        if columnCount > 0 {
            xml.append(":")
            xml.append(bytes: lastColumn)
            xml.append(lastRow)
        }
        xml.append("\"/><sheetViews><sheetView ")
        if selected { xml.append("tabSelected=\"1\" ") }
        xml.append("workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>")
        if columnCount > 0 {
            xml.append("<cols>")
            for (column, width) in widths.enumerated() {
                let clamped = min(max(width + 2, XLSXCells.columnWidths.lowerBound), XLSXCells.columnWidths.upperBound)
                xml.append("<col min=\"")
                xml.append(column + 1)
                xml.append("\" max=\"")
                xml.append(column + 1)
                xml.append("\" width=\"")
                xml.append(clamped)
                xml.append("\" customWidth=\"1\"/>")
            }
            xml.append("</cols>")
        }
        xml.append("<sheetData>")
        xml.append(bytes: data.bytes)
        xml.append("</sheetData>")
        if columnCount > 0 {
            xml.append("<autoFilter ref=\"A1:")
            xml.append(bytes: lastColumn)
            xml.append(lastRow)
            xml.append("\"/>")
        }
        xml.append("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>")
        return xml.bytes
    }

    static func contentTypes(sheetCount: Int) -> [UInt8] {
        var xml = XMLBytes()
        xml.append(Parts.declaration)
        xml.append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
        for index in 1...sheetCount {
            xml.append("<Override PartName=\"/xl/worksheets/sheet")
            xml.append(index)
            xml.append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")
        }
        xml.append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>")
        return xml.bytes
    }

    static func workbookPart(_ sheets: [XLSXSheet]) -> [UInt8] {
        var xml = XMLBytes()
        xml.append(Parts.declaration)
        xml.append("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>")
        for (index, sheet) in sheets.enumerated() {
            xml.append("<sheet name=\"")
            xml.appendText(sheet.name)
            xml.append("\" sheetId=\"")
            xml.append(index + 1)
            xml.append("\" r:id=\"rId")
            xml.append(index + 1)
            xml.append("\"/>")
        }
        xml.append("</sheets><definedNames>")
        for (index, sheet) in sheets.enumerated() where columnCount(sheet.table) > 0 {
            xml.append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"")
            xml.append(index)
            xml.append("\" hidden=\"1\">'")
            xml.appendText(sheet.name.replacingOccurrences(of: "'", with: "''"))
            xml.append("'!$A$1:$")
            xml.append(bytes: XLSXCells.columnName(columnCount(sheet.table) - 1))
            xml.append("$")
            xml.append(sheet.table.rows.count + 1)
            xml.append("</definedName>")
        }
        xml.append("</definedNames></workbook>")
        return xml.bytes
    }

    static func workbookRelationships(sheetCount: Int) -> [UInt8] {
        var xml = XMLBytes()
        xml.append(Parts.declaration)
        xml.append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        for index in 1...sheetCount {
            xml.append("<Relationship Id=\"rId")
            xml.append(index)
            xml.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
            xml.append(index)
            xml.append(".xml\"/>")
        }
        xml.append("<Relationship Id=\"rId")
        xml.append(sheetCount + 1)
        xml.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId")
        xml.append(sheetCount + 2)
        xml.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>")
        return xml.bytes
    }

    /// The parts in a ZIP archive (deflated), in order, with a fixed modification date.
    static func zip(_ parts: [(String, [UInt8])]) throws -> Data {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let date = calendar.date(from: DateComponents(year: 2000, month: 1, day: 1, hour: 12)) ?? Date(timeIntervalSince1970: 946_728_000)
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date, compressionMethod: .deflate,
                provider: { position, size in
                    let start = Int(position)
                    return Data(bytes[start..<min(start + size, bytes.count)])
                })
        }
        guard let data = archive.data else { throw XLSXWriteError(sheet: nil, reason: .archive("no archive data")) }
        return data
    }
}

/// The fixed parts.
enum Parts {
    static let declaration: StaticString = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>
        """

    static let app = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Kapstok</Application></Properties>
        """

    /// No dates: the bytes must not depend on when the workbook was written.
    static let core = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Kapstok</dc:creator></cp:coreProperties>
        """

    /// `cellXfs` in ``XLSXWriter/Style`` order: General, bold header, `0`, `0.00`, `yyyy-mm-dd`,
    /// `yyyy-mm-dd hh:mm`.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """
}
