/// Reads CSV files as HR tools export them: any common encoding, `,` or `;`, any line ending.
///
/// The reader follows RFC 4180 and is lenient where exports differ from it:
/// - **Binary files** (an `.xlsx` picked instead of its CSV, a PDF, NUL bytes): one
///   `binary-file` error saying what the file is (see ``BinaryDetection``), and no table.
/// - **Encoding**: see ``TextDecoding`` (UTF-8 with or without BOM, UTF-16 with BOM, else
///   Windows-1252). Invalid bytes in a file that is UTF-8 elsewhere are one `invalid-encoding`
///   error at the first of them (with how many more), not silent mojibake.
/// - **Separator**: Excel's `sep=;` first line (also `sep=,`, `sep=|` and `sep=` + tab) is
///   honoured and skipped. Otherwise sniffed from the first line that has any of `,`, `;` or tab
///   outside quotes (so a title line above the header does not decide): the most frequent,
///   preferring `,` then `;` on ties; no separator anywhere gives `,`.
/// - **Line endings**: CRLF, LF and CR, also mixed.
/// - **Quoting**: a field that starts with `"` (after optional spaces) is quoted; it may hold
///   separators, newlines and doubled quotes `""`. Spaces after the closing quote are ignored.
///   A quote inside an unquoted field is kept as a literal character.
/// - **Unclosed quotes**: a quoted field that spans lines and (a) is followed by text after its
///   closing quote, (b) runs to the end of the file, or (c) holds a whole line with as many
///   separators as a record has, has almost certainly lost its closing quote and swallowed the
///   records after it. That is one `unclosed-quote` error where the quote opened, naming the line
///   it runs to; the field is then read as the rest of its own line, its record is rejected,
///   and the swallowed lines are read as the records they are.
/// - **Header**: the first non-blank record; names are trimmed. A first record with one single
///   non-empty cell followed, within ten records, by one with several is a title above the
///   header: the later record is the header and the lines above it are kept in
///   ``CSVTable/titleRecords`` (``ColumnLayout`` reports them, once, as `title-row`).
/// - **Blank lines** (empty, or only separators and spaces) are skipped anywhere.
/// - **Short records**: missing trailing fields read as empty (see ``CSVRecord/field(at:)``);
///   whoever reads the table decides whether an empty cell is acceptable.
/// - **Long records**: extra *empty* fields (trailing separators) are dropped silently; an extra
///   non-empty field is an error, `too-many-fields`.
/// - **Rows saved with another separator** (a `;` row in a `,` file): a record with at most half
///   the header's fields whose cells hold another separator often enough to make up a whole
///   record is one `wrong-separator` error, and the record is rejected.
///
/// Rejected records are left out of ``CSVTable/records`` (and kept in ``CSVTable/rejected``),
/// so loaders report nothing more for them.
///
/// Each record keeps its physical line and each field its column, so records after a quoted
/// field that spans lines are still located right.
///
/// Errors: `binary-file`, `invalid-encoding`, `unclosed-quote`, `unterminated-quote` (at the
/// opening quote), `text-after-quote`, `too-many-fields`, `wrong-separator`, `empty-file`. The
/// reader keeps going after an error.
public enum CSVReader {
    /// Reads a CSV file or a workbook's sheet from disk or memory: the one seam every loader
    /// reads through. A source is read as a workbook by ``XLSXReader`` when its path ends in
    /// `.xlsx` or `.xlsm` (any case), names a sheet (`file.xlsx#Sheet`, see ``InputSource/sheet``)
    /// or its bytes are a zip holding `xl/workbook.xml` whatever the name.
    ///
    /// - Returns: the table, or `nil` (after adding a diagnostic) when the file cannot be read or
    ///   has no header row.
    public static func read(
        _ source: InputSource, headerNames: Set<String>? = nil, diagnostics: inout DiagnosticCollector
    ) -> CSVTable? {
        guard let bytes = source.bytes(diagnostics: &diagnostics) else { return nil }
        if source.sheet != nil || XLSXReader.hasWorkbookExtension(source.path) || XLSXReader.isWorkbook(bytes) {
            return XLSXReader.read(
                bytes: bytes, file: source.path, sheet: source.sheet, headerNames: headerNames, diagnostics: &diagnostics)
        }
        return read(bytes: bytes, file: source.path, headerNames: headerNames, diagnostics: &diagnostics)
    }

    /// Reads CSV text, e.g. a fixture in a test.
    public static func read(
        text: String, file: String, headerNames: Set<String>? = nil, diagnostics: inout DiagnosticCollector
    ) -> CSVTable? {
        read(bytes: Array(text.utf8), file: file, headerNames: headerNames, diagnostics: &diagnostics)
    }

    /// How many records after the first one may hold the header when the first is a title.
    static let titleSearchDepth = 10

    /// Reads the bytes of a CSV file.
    ///
    /// - Parameters:
    ///   - bytes: the file contents, in any encoding ``TextDecoding`` detects.
    ///   - file: the path shown in diagnostics.
    ///   - headerNames: when a loader reads the file through `ColumnLayout`, the column names it
    ///     knows. A first record whose single non-empty cell is one of them (any case: `id,,,,`)
    ///     is the header, not a title. And `too-many-fields` problems are not reported here but
    ///     kept in ``CSVTable/fieldCountProblems``: `ColumnLayout` reports them, or drops them
    ///     when it finds the real header lower down (a title with several cells), where they
    ///     would only repeat that one problem for every record.
    ///   - diagnostics: receives every problem found.
    /// - Returns: the table, or `nil` (after adding `binary-file` or `empty-file`) when the file
    ///   is not text or has no header row.
    /// - Complexity: O(n) in the number of bytes.
    public static func read(
        bytes: [UInt8], file: String, headerNames: Set<String>? = nil, diagnostics: inout DiagnosticCollector
    ) -> CSVTable? {
        let start = Diagnostic.Location(file: file, line: 1, column: 1)
        if XLSXReader.isWorkbook(bytes) {
            return XLSXReader.read(bytes: bytes, file: file, headerNames: headerNames, diagnostics: &diagnostics)
        }
        if let problem = BinaryDetection.problem(in: bytes) {
            diagnostics.error(.binaryFile, problem, at: start)
            return nil
        }
        let decoded = TextDecoding.decode(bytes)
        if let invalid = decoded.invalidUTF8 {
            let more = invalid.count > 1 ? " (and \(invalid.count - 1) more further on)" : ""
            diagnostics.error(
                .invalidEncoding,
                "invalid UTF-8 byte 0x\(String(invalid.byte, radix: 16, uppercase: true))\(more); "
                    + "the file is UTF-8 elsewhere: re-save it as UTF-8 (in Excel: CSV UTF-8)",
                at: Diagnostic.Location(file: file, line: invalid.line, column: invalid.column))
        }
        return decoded.bytes.withUnsafeBufferPointer { buffer in
            let excelSeparator = excelSeparatorLine(buffer)
            let separator = excelSeparator?.separator ?? sniffSeparator(buffer)
            var parser = CSVParser(buffer: buffer, separator: separator, file: file)
            if let excelSeparator {
                parser.index = excelSeparator.length
                parser.line = 2
            }
            var parsed: [CSVRecord] = []
            while let record = parser.nextRecord(diagnostics: &diagnostics) {
                if isBlank(record) { continue }
                parsed.append(record)
                // The header is known once a record with several cells is; from then on the
                // parser can tell a swallowed record inside a quoted field.
                if parser.expectedFields == 0, nonEmptyCount(record) >= 2 { parser.expectedFields = record.fields.count }
            }
            return table(
                parsed, file: file, sheet: nil, encoding: decoded.encoding, separator: separator,
                headerNames: headerNames, diagnostics: &diagnostics)
        }
    }

    /// Builds the table from the records a reader parsed (CSV lines or a sheet's rows), the one
    /// place both readers share: blank records skipped, a title above the header detected (see
    /// `headerNames` of ``read(bytes:file:headerNames:diagnostics:)``), header names trimmed,
    /// rows saved with another separator rejected (CSV only: `sheet == nil`) and extra
    /// non-empty fields reported. `padsHeader` (sheets) widens the header with unnamed columns
    /// to the widest record.
    ///
    /// - Returns: the table, or `nil` after `empty-file` when no record has content.
    static func table(
        _ records: [CSVRecord], file: String, sheet: String?, encoding: TextEncoding, separator: UInt8,
        headerNames: Set<String>?, diagnostics: inout DiagnosticCollector, padsHeader: Bool = false
    ) -> CSVTable? {
        let parsed = records.filter { !isBlank($0) }
        guard !parsed.isEmpty else {
            let what = sheet.map { "sheet \(Diagnostic.Location.sheetReference($0)) is empty" } ?? "file is empty"
            diagnostics.error(
                .emptyFile, "\(what) (a header row is required)",
                at: Diagnostic.Location(file: file, line: 1, column: 1, sheet: sheet))
            return nil
        }
        let headerIndex = titleCount(parsed, headerNames: headerNames ?? [])
        var fieldCountProblems = DiagnosticCollector(limitPerFile: diagnostics.limitPerFile)
        var header = parsed[headerIndex].fields.map { field in
            var trimmed = field
            trimmed.text = field.text.trimmingBlanks
            return trimmed
        }
        if padsHeader {
            // A sheet's header row ends at its last value; values to the right of it are in
            // unnamed columns, as in the CSV file Excel would export.
            let width = parsed[(headerIndex + 1)...].reduce(header.count) { max($0, $1.fields.count) }
            let line = parsed[headerIndex].line
            while header.count < width { header.append(CSVField(text: "", line: line, column: header.count + 1)) }
        }
        var kept: [CSVRecord] = []
        kept.reserveCapacity(parsed.count - headerIndex - 1)
        var rejected = parsed[..<headerIndex].filter(\.isRejected)
        let separatorCharacter = Character(Unicode.Scalar(separator))
        for record in parsed[(headerIndex + 1)...] {
            if record.isRejected {
                rejected.append(record)
                continue
            }
            if sheet == nil, let other = wrongSeparator(record, columnCount: header.count, separator: separator) {
                diagnostics.error(
                    .wrongSeparator,
                    "this record has \(record.fields.count) of the header's \(header.count) fields, but its "
                        + "\(record.fields.count == 1 ? "cell holds" : "cells hold") \(other.name) \(other.count) times: "
                        + "it looks saved with \(other.name) as separator where the file uses "
                        + "\(separatorName(separator)); re-save the file with one separator (record skipped)",
                    at: Diagnostic.Location(file: file, line: record.line, column: 1))
                var marked = record
                marked.isRejected = true
                rejected.append(marked)
                continue
            }
            if headerNames == nil {
                kept.append(fitted(record, to: header.count, file: file, sheet: sheet, diagnostics: &diagnostics))
            } else {
                kept.append(fitted(record, to: header.count, file: file, sheet: sheet, diagnostics: &fieldCountProblems))
            }
        }
        return CSVTable(
            file: file, encoding: encoding, separator: separatorCharacter, header: header,
            records: kept, titleRecords: Array(parsed[..<headerIndex]), rejected: rejected,
            fieldCountProblems: fieldCountProblems, sheet: sheet)
    }

    /// The separator an Excel `sep=X` first line names, and the length of that line with its
    /// line ending; `nil` when the first line is not one.
    static func excelSeparatorLine(_ buffer: UnsafeBufferPointer<UInt8>) -> (separator: UInt8, length: Int)? {
        let prefix = Array("sep=".utf8)
        guard buffer.count >= 5 else { return nil }
        for (offset, byte) in prefix.enumerated() where buffer[offset] | 0x20 != byte { return nil }
        let separator = buffer[4]
        guard [ASCII.comma, ASCII.semicolon, ASCII.tab, UInt8(ascii: "|")].contains(separator) else { return nil }
        var end = 5
        while end < buffer.count, buffer[end] == ASCII.space { end += 1 }
        if end < buffer.count {
            switch buffer[end] {
            case ASCII.carriageReturn:
                end += 1
                if end < buffer.count, buffer[end] == ASCII.lineFeed { end += 1 }
            case ASCII.lineFeed: end += 1
            default: return nil
            }
        }
        return (separator, end)
    }

    /// How many leading records are a title above the header: 0, or the index of the first
    /// record with several non-empty cells when the first record has one single cell that is
    /// not one of `headerNames` (compared in lower case).
    private static func titleCount(_ records: [CSVRecord], headerNames: Set<String>) -> Int {
        guard records.count > 1, records[0].fields.count >= 1, nonEmptyCount(records[0]) == 1,
            records[0].fields.dropFirst().allSatisfy({ !$0.isQuoted && $0.text.isBlank })
        else { return 0 }
        let cell = records[0].fields[0].text.trimmingBlanks.lowercased()
        if headerNames.contains(where: { $0.lowercased() == cell }) { return 0 }
        for index in 1...min(titleSearchDepth, records.count - 1) where nonEmptyCount(records[index]) >= 2 {
            return index
        }
        return 0
    }

    private static func nonEmptyCount(_ record: CSVRecord) -> Int {
        record.fields.count { $0.isQuoted || !$0.text.isBlank }
    }

    /// For a record with at most half the header's fields (and a header of at least three): the
    /// other separator its unquoted cells hold often enough to make up a whole record (fields
    /// plus those separators at least the header's column count).
    private static func wrongSeparator(
        _ record: CSVRecord, columnCount: Int, separator: UInt8
    ) -> (name: String, count: Int)? {
        guard columnCount >= 3, record.fields.count * 2 <= columnCount else { return nil }
        for other in [ASCII.comma, ASCII.semicolon, ASCII.tab] where other != separator {
            var count = 0
            for field in record.fields where !field.isQuoted {
                count += field.text.utf8.count { $0 == other }
            }
            if count >= 2, record.fields.count + count >= columnCount {
                return (separatorName(other), count)
            }
        }
        return nil
    }

    /// How a separator is named in messages: `','`, `';'`, `tab`.
    static func separatorName(_ separator: UInt8) -> String {
        separator == ASCII.tab ? "tab" : "'\(Character(Unicode.Scalar(separator)))'"
    }

    /// Picks the separator from the first line that has any of `,` `;` tab outside quotes: the
    /// most frequent there, preferring `,` then `;` on ties; `,` when no line has any.
    static func sniffSeparator(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var commas = 0, semicolons = 0, tabs = 0
        var isInQuotes = false, hasContent = false
        for byte in buffer {
            if byte == ASCII.quote {
                isInQuotes.toggle()
                hasContent = true
                continue
            }
            if isInQuotes { continue }
            switch byte {
            case ASCII.lineFeed, ASCII.carriageReturn:
                if hasContent, commas + semicolons + tabs > 0 {
                    return pick(commas: commas, semicolons: semicolons, tabs: tabs)
                }
                // A blank line or a title without separators: look at the next line.
                commas = 0; semicolons = 0; tabs = 0
                hasContent = false
            case ASCII.comma: commas += 1
            case ASCII.semicolon: semicolons += 1
            case ASCII.tab: tabs += 1
            case ASCII.space: break
            default: hasContent = true
            }
        }
        return pick(commas: commas, semicolons: semicolons, tabs: tabs)
    }

    private static func pick(commas: Int, semicolons: Int, tabs: Int) -> UInt8 {
        if commas >= semicolons && commas >= tabs { return ASCII.comma }
        return semicolons >= tabs ? ASCII.semicolon : ASCII.tab
    }

    /// Whether a record has no content: every field unquoted and blank.
    private static func isBlank(_ record: CSVRecord) -> Bool {
        record.fields.allSatisfy { !$0.isQuoted && $0.text.isBlank }
    }

    /// Drops extra trailing fields, reporting the first non-empty one.
    private static func fitted(
        _ record: CSVRecord, to columnCount: Int, file: String, sheet: String?, diagnostics: inout DiagnosticCollector
    ) -> CSVRecord {
        guard record.fields.count > columnCount else { return record }
        if let extra = record.fields[columnCount...].first(where: { $0.isQuoted || !$0.text.isBlank }) {
            diagnostics.error(
                .tooManyFields,
                "too many fields: the header has \(columnCount) columns, this record has \(record.fields.count)",
                at: Diagnostic.Location(file: file, line: extra.line, column: extra.column, sheet: sheet))
        }
        var trimmed = record
        trimmed.fields.removeSubrange(columnCount...)
        return trimmed
    }
}

/// Byte values the readers look at.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let semicolon: UInt8 = 0x3B

    /// Whether a byte starts a Unicode scalar in UTF-8 (is not a continuation byte).
    @inline(__always)
    static func startsScalar(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }
}

/// The record-by-record state machine over UTF-8 bytes.
private struct CSVParser {
    let buffer: UnsafeBufferPointer<UInt8>
    let separator: UInt8
    let file: String
    /// Index of the next byte to read.
    var index = 0
    /// 1-based physical line of `index`.
    var line = 1
    /// 1-based column (in scalars) of `index`.
    var column = 1
    /// The header's field count once known (0 before): a line inside a quoted field with this
    /// many fields' worth of separators is a swallowed record.
    var expectedFields = 0
    /// Reused buffer for quoted fields.
    var scratch: [UInt8] = []
    /// Field count of the previous record, to reserve capacity.
    var lastFieldCount = 8
    /// Whether the record being parsed was rejected (an unclosed quote).
    var isRejectingRecord = false

    init(buffer: UnsafeBufferPointer<UInt8>, separator: UInt8, file: String) {
        self.buffer = buffer
        self.separator = separator
        self.file = file
    }

    /// Parses the next record, or returns `nil` at the end of input.
    mutating func nextRecord(diagnostics: inout DiagnosticCollector) -> CSVRecord? {
        guard index < buffer.count else { return nil }
        let recordLine = line
        var fields: [CSVField] = []
        fields.reserveCapacity(lastFieldCount)
        isRejectingRecord = false
        while true {
            fields.append(nextField(diagnostics: &diagnostics))
            if !isRejectingRecord, index < buffer.count, buffer[index] == separator {
                index += 1
                column += 1
                continue
            }
            break
        }
        var record = CSVRecord(fields: fields, line: recordLine, endLine: line, endColumn: column)
        record.isRejected = isRejectingRecord
        consumeLineEnd()
        lastFieldCount = fields.count
        return record
    }

    /// Skips one line ending (CRLF, LF or CR) if there is one.
    private mutating func consumeLineEnd() {
        guard index < buffer.count else { return }
        if buffer[index] == ASCII.carriageReturn {
            index += 1
            if index < buffer.count, buffer[index] == ASCII.lineFeed { index += 1 }
        } else if buffer[index] == ASCII.lineFeed {
            index += 1
        } else {
            return
        }
        line += 1
        column = 1
    }

    /// Whether a byte is a blank that may surround a quoted field (a tab only if it is not the separator).
    private func isBlank(_ byte: UInt8) -> Bool {
        byte == ASCII.space || (byte == ASCII.tab && separator != ASCII.tab)
    }

    /// Parses one field, leaving `index` at the separator, line ending or end of input.
    private mutating func nextField(diagnostics: inout DiagnosticCollector) -> CSVField {
        let fieldLine = line, fieldColumn = column
        var probe = index
        while probe < buffer.count, isBlank(buffer[probe]) { probe += 1 }
        if probe < buffer.count, buffer[probe] == ASCII.quote {
            let fieldStart = index
            column += probe - index + 1
            index = probe + 1
            let text = quotedField(line: fieldLine, column: fieldColumn, start: fieldStart, diagnostics: &diagnostics)
            return CSVField(text: text, line: fieldLine, column: fieldColumn, isQuoted: !isRejectingRecord)
        }
        let start = index
        while index < buffer.count {
            let byte = buffer[index]
            if byte == separator || byte == ASCII.lineFeed || byte == ASCII.carriageReturn { break }
            if ASCII.startsScalar(byte) { column += 1 }
            index += 1
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self)
        return CSVField(text: text, line: fieldLine, column: fieldColumn)
    }

    /// Parses the rest of a quoted field after its opening quote.
    ///
    /// - Parameter start: where the field (its leading blanks) starts, for the recovery from an
    ///   unclosed quote.
    private mutating func quotedField(
        line fieldLine: Int, column fieldColumn: Int, start: Int, diagnostics: inout DiagnosticCollector
    ) -> String {
        scratch.removeAll(keepingCapacity: true)
        var isTerminated = false
        // Separators on the current physical line inside the field, and whether a whole line
        // inside it had a record's worth of them.
        var lineSeparators = 0
        var swallowedRecord = false
        let recordSeparators = expectedFields >= 3 ? expectedFields - 1 : Int.max
        while index < buffer.count {
            let byte = buffer[index]
            switch byte {
            case ASCII.quote:
                if index + 1 < buffer.count, buffer[index + 1] == ASCII.quote {
                    scratch.append(ASCII.quote)
                    index += 2
                    column += 2
                    continue
                }
                index += 1
                column += 1
                isTerminated = true
            case ASCII.carriageReturn, ASCII.lineFeed:
                // A line inside the field ends; a full line (not the opening one) with a record's
                // worth of separators is a swallowed record.
                if line > fieldLine, lineSeparators >= recordSeparators { swallowedRecord = true }
                lineSeparators = 0
                scratch.append(byte)
                index += 1
                if byte == ASCII.carriageReturn, index < buffer.count, buffer[index] == ASCII.lineFeed {
                    scratch.append(ASCII.lineFeed)
                    index += 1
                }
                line += 1
                column = 1
                continue
            default:
                if byte == separator { lineSeparators += 1 }
                scratch.append(byte)
                index += 1
                if ASCII.startsScalar(byte) { column += 1 }
                continue
            }
            break
        }
        let spansLines = line > fieldLine
        guard isTerminated else {
            if spansLines {
                // The last line with text: a final line ending does not start another.
                let lastByte = buffer.last ?? 0
                let lastLine = lastByte == ASCII.lineFeed || lastByte == ASCII.carriageReturn ? line - 1 : line
                return recoverFromUnclosedQuote(
                    line: fieldLine, column: fieldColumn, start: start,
                    why: "is never closed and runs to the end of the file (line \(lastLine))", diagnostics: &diagnostics)
            }
            diagnostics.error(
                .unterminatedQuote, "unterminated quoted field (the closing quote is missing)",
                at: Diagnostic.Location(file: file, line: fieldLine, column: fieldColumn))
            return String(decoding: scratch, as: UTF8.self)
        }
        // Blanks after the closing quote are allowed; anything else is reported and kept.
        let afterQuote = index, afterQuoteColumn = column
        while index < buffer.count, isBlank(buffer[index]) {
            index += 1
            column += 1
        }
        var hasTextAfterQuote = false
        if index < buffer.count {
            let byte = buffer[index]
            hasTextAfterQuote = byte != separator && byte != ASCII.lineFeed && byte != ASCII.carriageReturn
        }
        if spansLines, hasTextAfterQuote || swallowedRecord {
            return recoverFromUnclosedQuote(
                line: fieldLine, column: fieldColumn, start: start,
                why: "runs to line \(line)" + (swallowedRecord ? " over lines that look like records" : ""),
                diagnostics: &diagnostics)
        }
        if hasTextAfterQuote {
            diagnostics.error(
                .textAfterQuote, "unexpected text after the closing quote of a quoted field",
                at: Diagnostic.Location(file: file, line: line, column: column))
            index = afterQuote
            column = afterQuoteColumn
            while index < buffer.count {
                let byte = buffer[index]
                if byte == separator || byte == ASCII.lineFeed || byte == ASCII.carriageReturn { break }
                scratch.append(byte)
                if ASCII.startsScalar(byte) { column += 1 }
                index += 1
            }
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Reports an unclosed quote once, at the opening quote, and reads the field as the rest of
    /// its own physical line (quote included), rejecting its record; parsing goes on at the
    /// next line, so the records the quote swallowed are read as records.
    private mutating func recoverFromUnclosedQuote(
        line fieldLine: Int, column fieldColumn: Int, start: Int, why: String, diagnostics: inout DiagnosticCollector
    ) -> String {
        diagnostics.error(
            .unclosedQuote,
            "the quoted field that opens here \(why); a closing quote is probably missing (record skipped)",
            at: Diagnostic.Location(file: file, line: fieldLine, column: fieldColumn))
        index = start
        line = fieldLine
        column = fieldColumn
        while index < buffer.count {
            let byte = buffer[index]
            if byte == ASCII.lineFeed || byte == ASCII.carriageReturn { break }
            if ASCII.startsScalar(byte) { column += 1 }
            index += 1
        }
        isRejectingRecord = true
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self)
    }
}
