/// One cell of a CSV file: its text and where it starts.
public struct CSVField: Sendable, Hashable {
    /// The cell text: quotes removed, doubled quotes undone, otherwise exactly as in the file
    /// (not trimmed, except header names, which the reader trims).
    public var text: String
    /// 1-based physical line where the field starts.
    public var line: Int
    /// 1-based column (in Unicode scalars) where the field starts in its physical line.
    public var column: Int
    /// Whether the field was quoted in the file.
    public var isQuoted: Bool

    /// Creates a field.
    public init(text: String, line: Int, column: Int, isQuoted: Bool = false) {
        self.text = text
        self.line = line
        self.column = column
        self.isQuoted = isQuoted
    }
}

/// One record (row) of a CSV file.
public struct CSVRecord: Sendable, Hashable {
    /// The fields in file order; never more than the header has columns.
    public var fields: [CSVField]
    /// 1-based physical line where the record starts.
    public var line: Int
    /// Line of the position just past the record's last character.
    public var endLine: Int
    /// Column of the position just past the record's last character.
    public var endColumn: Int
    /// Whether the reader rejected the record (an unclosed quote, another separator) after
    /// reporting why; rejected records are not in ``CSVTable/records``.
    public var isRejected: Bool

    /// Creates a record.
    public init(fields: [CSVField], line: Int, endLine: Int, endColumn: Int, isRejected: Bool = false) {
        self.fields = fields
        self.line = line
        self.endLine = endLine
        self.endColumn = endColumn
        self.isRejected = isRejected
    }

    /// The field in a column; a record with fewer fields than the header reads the missing ones
    /// as empty, located just past the end of the record.
    public func field(at index: Int) -> CSVField {
        if index < fields.count { return fields[index] }
        return CSVField(text: "", line: endLine, column: endColumn)
    }
}

/// A parsed CSV file: the header, the records and what the reader detected.
public struct CSVTable: Sendable {
    /// The file path as given, used in diagnostics.
    public var file: String
    /// The sheet a workbook's table was read from (``XLSXReader``), shown in diagnostics as
    /// `file:Sheet!D7`; `nil` for a CSV file.
    public var sheet: String?
    /// The encoding the bytes were found to be in.
    public var encoding: TextEncoding
    /// The separator sniffed from the header line: `,`, `;` or a tab.
    public var separator: Character
    /// The header cells, names trimmed of surrounding whitespace.
    public var header: [CSVField]
    /// The records after the header that loaders read; blank lines and rejected records are
    /// left out.
    public var records: [CSVRecord]
    /// Records above the header that look like a title (`Mentor export 2027-01-15`), raw; empty
    /// when the first non-blank record is the header. ``ColumnLayout`` reports them.
    public var titleRecords: [CSVRecord]
    /// Records the reader rejected after reporting why (``CSVRecord/isRejected``); nobody reads them.
    public var rejected: [CSVRecord]
    /// `too-many-fields` problems the reader left for ``ColumnLayout`` to report (see the
    /// `headerNames` of ``CSVReader/read(bytes:file:headerNames:diagnostics:)``); empty otherwise.
    public var fieldCountProblems: DiagnosticCollector

    /// Creates a table.
    public init(
        file: String, encoding: TextEncoding, separator: Character, header: [CSVField], records: [CSVRecord],
        titleRecords: [CSVRecord] = [], rejected: [CSVRecord] = [], fieldCountProblems: DiagnosticCollector = DiagnosticCollector(),
        sheet: String? = nil
    ) {
        self.sheet = sheet
        self.fieldCountProblems = fieldCountProblems
        self.file = file
        self.encoding = encoding
        self.separator = separator
        self.header = header
        self.records = records
        self.titleRecords = titleRecords
        self.rejected = rejected
    }

    /// The location of a field in this file.
    public func location(of field: CSVField) -> Diagnostic.Location {
        Diagnostic.Location(file: file, line: field.line, column: field.column, sheet: sheet)
    }

    /// The location of a record's first character.
    public func location(of record: CSVRecord) -> Diagnostic.Location {
        Diagnostic.Location(file: file, line: record.line, column: 1, sheet: sheet)
    }

    /// What a record is called in messages: `line` in a CSV file, `row` in a sheet.
    public var lineWord: String { sheet == nil ? "line" : "row" }

    /// The header's first character, where file-wide problems are reported.
    public var startLocation: Diagnostic.Location {
        Diagnostic.Location(file: file, line: header.first?.line ?? 1, column: 1, sheet: sheet)
    }
}
