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
