/// How an output CSV file is written, so that it opens right where its user opens it.
///
/// - ``rfc4180``: `,` separators, `\n` line endings, UTF-8 without a byte order mark, `.` as the
///   decimal mark: for scripts (pandas, Python's `csv`, R) and Unix tools. The default.
/// - ``excelComma``: `,` separators, `\r\n` line endings, UTF-8 with a byte order mark (so Excel
///   reads `Zoë` as UTF-8, not in the ANSI code page), `.` decimals: Excel with an English
///   regional setting.
/// - ``excelSemicolon``: as ``excelComma`` but `;` separators and `,` as the decimal mark
///   (`83,33`): Excel with a Dutch, French, German… regional setting (list separator `;`).
///
/// Unless `--csv-dialect` or `[output] csv_dialect` says otherwise, outputs follow the inputs
/// they came from (``inferred(separator:encoding:)``).
public enum CSVDialect: String, Sendable, Hashable, CaseIterable {
    case rfc4180 = "rfc4180"
    case excelComma = "excel-comma"
    case excelSemicolon = "excel-semicolon"

    /// The field separator.
    public var separator: UInt8 { self == .excelSemicolon ? ASCII.semicolon : ASCII.comma }

    /// Whether a file starts with the UTF-8 byte order mark `EF BB BF`.
    public var writesByteOrderMark: Bool { self != .rfc4180 }

    /// The line ending after every row.
    public var lineEnding: [UInt8] { self == .rfc4180 ? [ASCII.lineFeed] : [ASCII.carriageReturn, ASCII.lineFeed] }

    /// Whether numbers use `,` as the decimal mark.
    public var usesDecimalComma: Bool { self == .excelSemicolon }

    /// The dialect a round read from such an input is written in: `;`-separated (or tab)
    /// inputs give ``excelSemicolon``; `,`-separated inputs saved by Excel or Windows tools (a
    /// byte order mark, UTF-16 or Windows-1252) give ``excelComma``; plain UTF-8 with `,` gives
    /// ``rfc4180``.
    public static func inferred(separator: Character, encoding: TextEncoding) -> CSVDialect {
        if separator != "," { return .excelSemicolon }
        return encoding == .utf8 ? .rfc4180 : .excelComma
    }
}

extension CSVDialect {
    /// The dialect outputs made from this table are written in (see
    /// ``inferred(separator:encoding:)``): a table read from a workbook gives ``excelComma``.
    public static func inferred(from table: CSVTable) -> CSVDialect {
        table.sheet != nil ? .excelComma : inferred(separator: table.separator, encoding: table.encoding)
    }

    /// The valid names, for messages: `rfc4180, excel-comma, excel-semicolon`.
    public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// The `[output]` table of `kapstok.toml`: how a command writes its output files unless its
/// flags say otherwise. A file-format setting, so it lives here, beside the domain
/// ``Configuration`` rather than in it.
///
/// - `csv_dialect`: `"rfc4180"`, `"excel-comma"` or `"excel-semicolon"` (``CSVDialect``);
/// - `xlsx`: `true` to also write `round.xlsx`.
public struct OutputPreferences: Sendable, Hashable {
    /// `csv_dialect`; `nil`: not set.
    public var csvDialect: CSVDialect?
    /// `xlsx`; `nil`: not set.
    public var writesWorkbook: Bool?

    public init(csvDialect: CSVDialect? = nil, writesWorkbook: Bool? = nil) {
        self.csvDialect = csvDialect
        self.writesWorkbook = writesWorkbook
    }
}

/// How a command writes its output folder: the CSV dialect and whether `round.xlsx` is added.
public struct OutputSettings: Sendable, Hashable {
    public var dialect: CSVDialect
    public var writesWorkbook: Bool

    public init(dialect: CSVDialect = .rfc4180, writesWorkbook: Bool = false) {
        self.dialect = dialect
        self.writesWorkbook = writesWorkbook
    }

    /// The settings in order of precedence: the flag, else the configuration's `[output]`,
    /// else the dialect inferred from the inputs, else ``CSVDialect/rfc4180``; the workbook
    /// when the flag or `[output] xlsx` asks for it.
    public static func resolve(
        flag: CSVDialect?, workbookFlag: Bool, preferences: OutputPreferences, inferred: CSVDialect?
    ) -> OutputSettings {
        OutputSettings(
            dialect: flag ?? preferences.csvDialect ?? inferred ?? .rfc4180,
            writesWorkbook: workbookFlag || preferences.writesWorkbook == true)
    }
}
