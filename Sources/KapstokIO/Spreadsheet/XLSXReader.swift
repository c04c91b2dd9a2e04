import Diagnostics
import Foundation

/// Reads one sheet of an Excel workbook (`.xlsx`, `.xlsm`) into the same ``CSVTable`` the CSV
/// reader gives, so every loader takes a workbook where it takes a CSV file: a field's `line`
/// is its row number and its `column` its column number, the table's ``CSVTable/sheet`` names
/// the sheet, and diagnostics read `mentees.xlsx:Mentees!D7: error: …`.
///
/// Cells read as Excel stores them: shared and inline strings (rich-text runs joined, phonetic
/// runs left out), formula results by their saved value, numbers as the shortest decimal text
/// (``NumberFormatting/decimal(_:)``: `3.0` → `3`), booleans as `true`/`false`, numbers with a
/// date or time format as `YYYY-MM-DD`, `HH:MM` or `YYYY-MM-DDTHH:MM` (``XLSXDates``; 1900 and
/// 1904 systems). A range merged over several rows repeats its value in the first column of each
/// row it covers (a merged department cell reads as the sheet shows it); a merge within one row
/// keeps its value in its first cell only. Then the rows go through the CSV reader's own table
/// building (blank rows skipped, a title above the header, header names trimmed), with the
/// header padded by unnamed columns to the widest row, as Excel's CSV export would.
///
/// Errors at the cell, the row then skipped: `cell-error` (`#N/A`), `formula-without-value`,
/// `invalid-cell` (bad reference, shared-string index out of range, bad number or date). Errors
/// for the whole file: `encrypted-workbook`, `not-a-workbook` (`.xls`, `.ods`, another zip,
/// text), `corrupt-workbook`, `workbook-too-large`, `workbook-dtd`, `no-sheets`, `unknown-sheet`.
///
/// Guards: the file itself at most ``InputFile/maximumSize`` (256 MiB); the zip's guards in
/// ``XLSXArchive`` (10,000 entries, 256 MiB per inflated part, 512 MiB in all, checked as
/// inflated); no DTD or entities (``XLSXXML``); rows 1–1,048,576 and columns 1–16,384 (Excel's
/// limits); at most 2^24 cells spanned (``XLSXSheetParser/maximumCells``).
public enum XLSXReader {
    /// Whether bytes are a workbook: a zip holding `xl/workbook.xml`.
    public static func isWorkbook(_ bytes: [UInt8]) -> Bool {
        guard isZip(bytes) else { return false }
        return contains(bytes, Array("xl/workbook.xml".utf8))
    }

    /// Whether bytes are for this reader rather than the CSV reader: a workbook, or another
    /// spreadsheet or Office file (an OLE2 `.xls`, a zip such as `.ods`), which it names in one
    /// error with what to do ("save it as .xlsx (Excel Workbook) or CSV").
    public static func isSpreadsheet(_ bytes: [UInt8]) -> Bool {
        isZip(bytes) || starts(bytes, with: ole2Signature)
    }

    static let ole2Signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Whether a path names a workbook by its extension (`.xlsx`, `.xlsm`, any case).
    public static func hasWorkbookExtension(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".xlsx") || lowered.hasSuffix(".xlsm")
    }

    /// Splits `file.xlsx#Sheet name` into the file and the sheet: the part after the last `#`
    /// that follows a `.xlsx`/`.xlsm` name. A path that exists as a file as a whole is the file.
    public static func splitSheet(
        _ path: String, fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> (file: String, sheet: String?) {
        guard let hash = path.lastIndex(of: "#") else { return (path, nil) }
        let file = String(path[..<hash])
        guard hasWorkbookExtension(file), !fileExists(path) else { return (path, nil) }
        return (file, String(path[path.index(after: hash)...]))
    }

    /// Reads a sheet of a workbook.
    ///
    /// - Parameters:
    ///   - bytes: the file's bytes.
    ///   - file: the path shown in diagnostics (the file, without `#Sheet`).
    ///   - sheet: the sheet's name; `nil` for the first sheet in workbook order.
    ///   - headerNames: as for ``CSVReader/read(bytes:file:headerNames:diagnostics:)``.
    /// - Returns: the table, or `nil` after an error saying why there is none.
    public static func read(
        bytes: [UInt8], file: String, sheet: String? = nil, headerNames: Set<String>? = nil,
        diagnostics: inout DiagnosticCollector
    ) -> CSVTable? {
        let start = Diagnostic.Location(file: file, line: 1, column: 1)
        if let problem = notAWorkbook(bytes) {
            diagnostics.error(problem.id, problem.message, at: start)
            return nil
        }
        do throws(Failure) {
            var archive: XLSXArchive
            do {
                archive = try XLSXArchive(data: Data(bytes))
            } catch {
                throw .archive(error)
            }
            return try read(archive: &archive, file: file, sheet: sheet, headerNames: headerNames, diagnostics: &diagnostics)
        } catch {
            if let (id, message) = report(error) { diagnostics.error(id, message, at: start) }
            return nil
        }
    }

    /// The error for why reading stopped; `nil` when it was already reported.
    private static func report(_ error: Failure) -> (Diagnostic.MessageID, String)? {
        switch error {
        case .archive(.missing(let part)):
            return (.corruptWorkbook, "the workbook is damaged: its part \(part) is missing; open it in Excel and save it again")
        case .archive(.corrupt(let reason)):
            return (.corruptWorkbook, "the workbook is damaged or truncated (\(reason)); open it in Excel and save it again")
        case .archive(.tooLarge(let reason)), .tooLarge(let reason):
            return (.workbookTooLarge, "the workbook is too large to read: \(reason)")
        case .xml(let part, .declaresDTD):
            return (.workbookDTD, "part \(part) declares a DTD or entities, which no Excel workbook has: refused")
        case .xml(let part, .malformed(let line, let reason)):
            return (.corruptWorkbook, "the workbook is damaged: part \(part) is not well-formed XML (line \(line): \(reason))")
        case .xml(let part, .stopped):
            return (.corruptWorkbook, "the workbook is damaged: part \(part) could not be read")
        case .reported:
            return nil
        }
    }

    /// Why reading stopped.
    enum Failure: Error {
        case archive(XLSXArchive.Failure)
        case xml(part: String, XLSXXML.Failure)
        case tooLarge(String)
        /// Already reported.
        case reported
    }

    private static func read(
        archive: inout XLSXArchive, file: String, sheet wanted: String?, headerNames: Set<String>?,
        diagnostics: inout DiagnosticCollector
    ) throws(Failure) -> CSVTable? {
        let start = Diagnostic.Location(file: file, line: 1, column: 1)
        let workbook = XLSXParts.Workbook()
        try parse("xl/workbook.xml", in: &archive, handler: workbook)
        let relationships = XLSXParts.Relationships()
        if archive.contains("xl/_rels/workbook.xml.rels") {
            try parse("xl/_rels/workbook.xml.rels", in: &archive, handler: relationships)
        }
        // Sheets whose part exists (chart sheets and dialog sheets are not worksheets).
        let sheets = workbook.sheets.compactMap { sheet -> (name: String, part: String)? in
            let target = relationships.targets[sheet.relationship]
            guard let target, !target.type.hasSuffix("/chartsheet"), !target.type.hasSuffix("/dialogsheet") else {
                return nil
            }
            let part = partPath(target.target)
            return archive.contains(part) ? (sheet.name, part) : nil
        }
        guard let first = sheets.first else {
            diagnostics.error(.noSheets, "the workbook has no worksheets", at: start)
            throw .reported
        }
        var chosen = first
        if let wanted {
            guard let found = sheets.first(where: { $0.name == wanted }) ?? sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) else {
                let names = sheets.map { Diagnostic.quoted($0.name) }.joined(separator: ", ")
                let suggestion = Suggestion.closest(to: wanted, among: sheets.map(\.name)).map { "; did you mean \(Diagnostic.quoted($0))?" } ?? ""
                diagnostics.error(
                    .unknownSheet,
                    "the workbook has no sheet \(Diagnostic.quoted(wanted)) (its sheets: \(names))\(suggestion)", at: start)
                throw .reported
            }
            chosen = found
        }
        let sharedStrings = XLSXParts.SharedStrings()
        let stringsPart = relationships.targets.values.first { $0.type.hasSuffix("/sharedStrings") }.map { partPath($0.target) }
            ?? "xl/sharedStrings.xml"
        if archive.contains(stringsPart) { try parse(stringsPart, in: &archive, handler: sharedStrings) }
        let styles = XLSXParts.Styles()
        let stylesPart = relationships.targets.values.first { $0.type.hasSuffix("/styles") }.map { partPath($0.target) }
            ?? "xl/styles.xml"
        if archive.contains(stylesPart) { try parse(stylesPart, in: &archive, handler: styles) }

        let sheetName = chosen.name
        let reader = XLSXSheetParser(
            sharedStrings: sharedStrings.strings, dateKinds: styles.kinds, uses1904: workbook.uses1904,
            limitPerFile: diagnostics.limitPerFile
        ) { row, column in
            Diagnostic.Location(file: file, line: row, column: max(column, 1), sheet: sheetName)
        }
        do throws(Failure) {
            try parse(chosen.part, in: &archive, handler: reader)
        } catch {
            if case .xml(_, .stopped) = error, let reason = reader.stopReason {
                throw .tooLarge("sheet \(Diagnostic.Location.sheetReference(sheetName)): \(reason)")
            }
            throw error
        }
        diagnostics.collect(contentsOf: reader.diagnostics)
        let records = try records(of: reader)
        return CSVReader.table(
            records, file: file, sheet: sheetName, encoding: .utf8, separator: ASCII.comma, headerNames: headerNames,
            diagnostics: &diagnostics, padsHeader: true)
    }

    /// The sheet's rows as records: sorted by row, merged ranges filled in, gaps between cells
    /// as empty fields.
    private static func records(of reader: XLSXSheetParser) throws(Failure) -> [CSVRecord] {
        var rows = reader.rows.filter { !$0.cells.isEmpty || $0.isRejected }
        if !rows.isSorted(by: { $0.number <= $1.number }) {
            rows = stableSorted(rows)
        }
        // Rows repeated under one number (a cell filed under an earlier row) merge.
        var merged: [XLSXSheetParser.Row] = []
        merged.reserveCapacity(rows.count)
        for row in rows {
            if let last = merged.last, last.number == row.number {
                merged[merged.count - 1].cells += row.cells
                merged[merged.count - 1].isRejected = last.isRejected || row.isRejected
            } else {
                merged.append(row)
            }
        }
        var spanned = 0
        var fill: [Int: [XLSXSheetParser.Cell]] = [:]
        if !reader.merges.isEmpty {
            var index: [Int: Int] = [:]
            for (position, row) in merged.enumerated() { index[row.number] = position }
            for range in reader.merges where range.bottom > range.top {
                guard let position = index[range.top],
                    let cell = merged[position].cells.last(where: { $0.column == range.left })
                else { continue }
                spanned += range.bottom - range.top
                if spanned > XLSXSheetParser.maximumCells {
                    throw .tooLarge("its merged ranges cover more than \(XLSXSheetParser.maximumCells) cells")
                }
                for row in (range.top + 1)...range.bottom { fill[row, default: []].append(cell) }
            }
            for (row, cells) in fill where index[row] == nil {
                merged.append(XLSXSheetParser.Row(number: row, cells: []))
                _ = cells
            }
            if !fill.isEmpty { merged = stableSorted(merged) }
        }
        var records: [CSVRecord] = []
        records.reserveCapacity(merged.count)
        for row in merged {
            var cells = row.cells
            if let extra = fill[row.number] {
                // A merged range's own cells below its first row are empty in the file.
                for cell in extra where !cells.contains(where: { $0.column == cell.column }) { cells.append(cell) }
            }
            if !cells.isSorted(by: { $0.column <= $1.column }) { cells.sort { $0.column < $1.column } }
            let width = cells.last?.column ?? 0
            spanned += width
            if spanned > XLSXSheetParser.maximumCells {
                throw .tooLarge("its rows span more than \(XLSXSheetParser.maximumCells) cells")
            }
            var fields: [CSVField] = []
            fields.reserveCapacity(width)
            for cell in cells {
                while fields.count < cell.column - 1 {
                    fields.append(CSVField(text: "", line: row.number, column: fields.count + 1))
                }
                if fields.count == cell.column - 1 {
                    fields.append(CSVField(text: cell.text, line: row.number, column: cell.column))
                } else {
                    fields[cell.column - 1].text = cell.text  // A cell given twice: the later wins.
                }
            }
            records.append(
                CSVRecord(fields: fields, line: row.number, endLine: row.number, endColumn: width + 1, isRejected: row.isRejected))
        }
        return records
    }

    private static func stableSorted(_ rows: [XLSXSheetParser.Row]) -> [XLSXSheetParser.Row] {
        rows.enumerated().sorted { ($0.element.number, $0.offset) < ($1.element.number, $1.offset) }.map(\.element)
    }

    private static func parse(_ part: String, in archive: inout XLSXArchive, handler: some XLSXXML.Handler) throws(Failure) {
        let data: Data
        do {
            data = try archive.part(part)
        } catch {
            throw .archive(error)
        }
        if let failure = XLSXXML.parse(data, handler: handler) { throw .xml(part: part, failure) }
    }

    /// A relationship target as a zip path: relative to `xl/`, or absolute from the root.
    private static func partPath(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for component in target.split(separator: "/") {
            if component == ".." { _ = parts.popLast() } else if component != "." { parts.append(String(component)) }
        }
        return parts.joined(separator: "/")
    }

    /// Why bytes given as a workbook are not one: the message for an encrypted workbook, an
    /// `.xls`, an `.ods`, another zip, a text file; `nil` when they are a zip holding a workbook
    /// (or a damaged zip, which the archive reports).
    static func notAWorkbook(_ bytes: [UInt8]) -> (id: Diagnostic.MessageID, message: String)? {
        let saveAs = "save it as .xlsx (Excel Workbook) or CSV"
        if starts(bytes, with: ole2Signature) {
            if contains(bytes, Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })) {
                return (
                    .encryptedWorkbook,
                    "the workbook is password-protected: Kapstok cannot read it; in Excel remove the password "
                        + "(File > Info > Protect Workbook > Encrypt with Password) or save a copy as CSV"
                )
            }
            return (.notAWorkbook, "this is an Excel 97–2003 workbook (.xls) or another old Office document; \(saveAs)")
        }
        if isZip(bytes) {
            let head = Array(bytes.prefix(256))
            if contains(head, Array("application/vnd.oasis.opendocument".utf8)) {
                return (.notAWorkbook, "this is an OpenDocument spreadsheet (.ods), not an Excel workbook; \(saveAs)")
            }
            if contains(bytes, Array("xl/workbook.xml".utf8)) { return nil }
            if contains(bytes, Array("word/document.xml".utf8)) {
                return (.notAWorkbook, "this is a Word document (.docx), not an Excel workbook")
            }
            if contains(bytes, Array("ppt/presentation.xml".utf8)) {
                return (.notAWorkbook, "this is a PowerPoint presentation (.pptx), not an Excel workbook")
            }
            // Without a readable central directory the names may be missing: let the archive say.
            if contains(bytes, [0x50, 0x4B, 0x05, 0x06]) {
                return (.notAWorkbook, "this is a zip archive without an Excel workbook in it; \(saveAs)")
            }
            return nil
        }
        if bytes.isEmpty { return (.emptyFile, "file is empty (an Excel workbook was expected)") }
        if BinaryDetection.problem(in: bytes) == nil {
            return (.notAWorkbook, "this is a text file, not an Excel workbook; if it is CSV, name it .csv")
        }
        return (.notAWorkbook, "this is not an Excel workbook (.xlsx); \(saveAs)")
    }

    static func isZip(_ bytes: [UInt8]) -> Bool {
        starts(bytes, with: [0x50, 0x4B, 0x03, 0x04]) || starts(bytes, with: [0x50, 0x4B, 0x05, 0x06])
    }

    private static func starts(_ bytes: [UInt8], with prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && bytes[0..<prefix.count].elementsEqual(prefix)
    }

    /// Whether `needle` occurs in `haystack`.
    /// Whether `needle` occurs in `haystack`: `memchr` to each candidate first byte, then
    /// `memcmp` (Foundation's generic `firstRange(of:)` spent 0.1 s on a 1 MB workbook).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pattern in
                guard let base = hay.baseAddress, let patternBase = pattern.baseAddress else { return false }
                let last = hay.count - needle.count
                var offset = 0
                while offset <= last, let found = memchr(base + offset, Int32(first), last - offset + 1) {
                    let at = base.distance(to: UnsafeRawPointer(found))
                    if memcmp(base + at, patternBase, needle.count) == 0 { return true }
                    offset = at + 1
                }
                return false
            }
        }
    }
}

extension Array {
    fileprivate func isSorted(by areInOrder: (Element, Element) -> Bool) -> Bool {
        var index = 1
        while index < count {
            if !areInOrder(self[index - 1], self[index]) { return false }
            index += 1
        }
        return true
    }
}
