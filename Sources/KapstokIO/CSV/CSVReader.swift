/// Reads CSV files as HR tools export them: any common encoding, `,` or `;`, any line ending.
///
/// The reader follows RFC 4180 and is lenient where exports differ from it:
/// - **Encoding**: see ``TextDecoding`` (UTF-8 with or without BOM, UTF-16 with BOM, else
///   Windows-1252).
/// - **Separator**: sniffed from the header line: the most frequent of `,`, `;` and tab outside
///   quotes; ties and a one-column header give `,`.
/// - **Line endings**: CRLF, LF and CR, also mixed.
/// - **Quoting**: a field that starts with `"` (after optional spaces) is quoted; it may hold
///   separators, newlines and doubled quotes `""`. Spaces after the closing quote are ignored.
///   A quote inside an unquoted field is kept as a literal character.
/// - **Header**: the first non-blank record; names are trimmed.
/// - **Blank lines** (empty, or only separators and spaces) are skipped anywhere.
/// - **Short records**: missing trailing fields read as empty (see ``CSVRecord/field(at:)``);
///   whoever reads the table decides whether an empty cell is acceptable.
/// - **Long records**: extra *empty* fields (trailing separators) are dropped silently; an extra
///   non-empty field is an error, `too-many-fields`.
///
/// Each record keeps its physical line and each field its column, so records after a quoted
/// field that spans lines are still located right.
///
/// Errors: `unterminated-quote` (at the opening quote), `text-after-quote`, `too-many-fields`,
/// `empty-file`. The reader keeps going after an error.
public enum CSVReader {
    /// Reads a CSV file from disk or memory.
    ///
    /// - Returns: the table, or `nil` (after adding a diagnostic) when the file cannot be read or
    ///   has no header row.
    public static func read(_ source: InputSource, diagnostics: inout DiagnosticCollector) -> CSVTable? {
        guard let bytes = source.bytes(diagnostics: &diagnostics) else { return nil }
        return read(bytes: bytes, file: source.path, diagnostics: &diagnostics)
    }

    /// Reads CSV text, e.g. a fixture in a test.
    public static func read(text: String, file: String, diagnostics: inout DiagnosticCollector) -> CSVTable? {
        read(bytes: Array(text.utf8), file: file, diagnostics: &diagnostics)
    }

    /// Reads the bytes of a CSV file.
    ///
    /// - Parameters:
    ///   - bytes: the file contents, in any encoding ``TextDecoding`` detects.
    ///   - file: the path shown in diagnostics.
    ///   - diagnostics: receives every problem found.
    /// - Returns: the table, or `nil` (after adding `empty-file`) when there is no header row.
    /// - Complexity: O(n) in the number of bytes.
    public static func read(bytes: [UInt8], file: String, diagnostics: inout DiagnosticCollector) -> CSVTable? {
        let (text, encoding) = TextDecoding.utf8Bytes(from: bytes)
        return text.withUnsafeBufferPointer { buffer in
            let separator = sniffSeparator(buffer)
            var parser = CSVParser(buffer: buffer, separator: separator, file: file)
            var header: [CSVField]?
            var records: [CSVRecord] = []
            while let record = parser.nextRecord(diagnostics: &diagnostics) {
                if isBlank(record) { continue }
                guard let columns = header else {
                    header = record.fields.map { field in
                        var trimmed = field
                        trimmed.text = field.text.trimmingBlanks
                        return trimmed
                    }
                    continue
                }
                records.append(fitted(record, to: columns.count, file: file, diagnostics: &diagnostics))
            }
            guard let header else {
                diagnostics.error(
                    .emptyFile, "file is empty (a header row is required)",
                    at: Diagnostic.Location(file: file, line: 1, column: 1))
                return nil
            }
            return CSVTable(
                file: file, encoding: encoding, separator: Character(Unicode.Scalar(separator)),
                header: header, records: records)
        }
    }

    /// Picks the separator from the first non-blank line: the most frequent of `,` `;` tab
    /// outside quotes, preferring `,` then `;` on ties.
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
                if hasContent { return pick(commas: commas, semicolons: semicolons, tabs: tabs) }
            case ASCII.comma: commas += 1; hasContent = true
            case ASCII.semicolon: semicolons += 1; hasContent = true
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
        _ record: CSVRecord, to columnCount: Int, file: String, diagnostics: inout DiagnosticCollector
    ) -> CSVRecord {
        guard record.fields.count > columnCount else { return record }
        if let extra = record.fields[columnCount...].first(where: { $0.isQuoted || !$0.text.isBlank }) {
            diagnostics.error(
                .tooManyFields,
                "too many fields: the header has \(columnCount) columns, this record has \(record.fields.count)",
                at: Diagnostic.Location(file: file, line: extra.line, column: extra.column))
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
    /// Reused buffer for quoted fields.
    var scratch: [UInt8] = []
    /// Field count of the previous record, to reserve capacity.
    var lastFieldCount = 8

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
        while true {
            fields.append(nextField(diagnostics: &diagnostics))
            if index < buffer.count, buffer[index] == separator {
                index += 1
                column += 1
                continue
            }
            break
        }
        let record = CSVRecord(fields: fields, line: recordLine, endLine: line, endColumn: column)
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
            column += probe - index + 1
            index = probe + 1
            let text = quotedField(line: fieldLine, column: fieldColumn, diagnostics: &diagnostics)
            return CSVField(text: text, line: fieldLine, column: fieldColumn, isQuoted: true)
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
    private mutating func quotedField(line fieldLine: Int, column fieldColumn: Int, diagnostics: inout DiagnosticCollector) -> String {
        scratch.removeAll(keepingCapacity: true)
        var isTerminated = false
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
            case ASCII.carriageReturn:
                scratch.append(byte)
                index += 1
                if index < buffer.count, buffer[index] == ASCII.lineFeed {
                    scratch.append(ASCII.lineFeed)
                    index += 1
                }
                line += 1
                column = 1
                continue
            case ASCII.lineFeed:
                scratch.append(byte)
                index += 1
                line += 1
                column = 1
                continue
            default:
                scratch.append(byte)
                index += 1
                if ASCII.startsScalar(byte) { column += 1 }
                continue
            }
            break
        }
        guard isTerminated else {
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
        if index < buffer.count {
            let byte = buffer[index]
            if byte != separator && byte != ASCII.lineFeed && byte != ASCII.carriageReturn {
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
        }
        return String(decoding: scratch, as: UTF8.self)
    }
}
