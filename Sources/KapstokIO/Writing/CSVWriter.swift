import Foundation

/// Builds CSV text the way Kapstok writes every output file: deterministic and safe to open in a
/// spreadsheet.
///
/// Format: by default RFC 4180 with `,` separators and `\n` line endings (also after the last
/// row); a field is quoted when it holds the separator, `"`, `\n` or `\r`, with quotes doubled.
/// No byte order mark. Another ``CSVDialect`` changes the separator, line ending, byte order mark
/// and, for typed rows (``appendRow(_:)-([OutputCell])``), the decimal mark of numbers.
///
/// Formula neutralisation: a cell starting with `=`, `+`, `-`, `@`, tab or carriage return would
/// be run as a formula by Excel or LibreOffice (CSV injection), so it gets a leading `'`
/// (`=SUM(A1)` → `'=SUM(A1)`). Plain decimal numbers are left alone — `-3.5`, `+2`, `-1e-3`
/// cannot start a formula — so negative scores stay numbers.
public struct CSVWriter: Sendable {
    /// The UTF-8 bytes so far.
    public private(set) var bytes: [UInt8] = []
    /// The dialect written.
    public let dialect: CSVDialect

    /// Creates a writer, writing the byte order mark if the dialect has one, then the header row
    /// if one is given.
    public init(header: [String]? = nil, dialect: CSVDialect = .rfc4180) {
        self.dialect = dialect
        bytes.reserveCapacity(1 << 16)
        if dialect.writesByteOrderMark { bytes += [0xEF, 0xBB, 0xBF] }
        if let header { appendRow(header) }
    }

    /// A whole table in a dialect.
    public static func text(_ table: OutputTable, dialect: CSVDialect = .rfc4180) -> String {
        var writer = CSVWriter(header: table.header, dialect: dialect)
        for row in table.rows { writer.appendRow(row) }
        return writer.text
    }

    /// Appends one row; cells are neutralised and quoted as needed.
    public mutating func appendRow(_ cells: [String]) {
        var first = true
        for cell in cells {
            if !first { bytes.append(dialect.separator) }
            first = false
            Self.append(cell, separator: dialect.separator, to: &bytes)
        }
        bytes += dialect.lineEnding
    }

    /// Appends one typed row: numbers with the dialect's decimal mark, the rest as
    /// ``OutputCell/csvText``.
    ///
    /// A number is neutralised on its RFC 4180 text (`-2.5` is a number, not a formula), then
    /// gets the decimal comma: `-2,5`, without a `'`.
    public mutating func appendRow(_ cells: [OutputCell]) {
        var first = true
        for cell in cells {
            if !first { bytes.append(dialect.separator) }
            first = false
            if dialect.usesDecimalComma, case .number(_, let text, _) = cell {
                let safe = Self.neutralized(text)
                let comma = safe == text ? String(decoding: text.utf8.map { $0 == UInt8(ascii: ".") ? ASCII.comma : $0 }, as: UTF8.self) : safe
                Self.append(comma, separator: dialect.separator, neutralizes: false, to: &bytes)
            } else {
                Self.append(cell.csvText, separator: dialect.separator, to: &bytes)
            }
        }
        bytes += dialect.lineEnding
    }

    /// The CSV text so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The text as UTF-8 bytes.
    public var data: Data { Data(bytes) }

    /// One cell as written: neutralised, then quoted if needed.
    public static func field(_ cell: String) -> String {
        var output: [UInt8] = []
        append(cell, separator: ASCII.comma, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes one cell's bytes: most cells (ids, numbers, names) need neither a `'` nor quotes
    /// and are copied whole.
    private static func append(_ cell: String, separator: UInt8, neutralizes: Bool = true, to output: inout [UInt8]) {
        var safe = neutralizes ? neutralized(cell) : cell
        safe.withUTF8 { bytes in
            let needsQuotes = bytes.contains { $0 == separator || $0 == ASCII.quote || $0 == ASCII.lineFeed || $0 == ASCII.carriageReturn }
            guard needsQuotes else {
                output.append(contentsOf: bytes)
                return
            }
            output.append(ASCII.quote)
            for byte in bytes {
                if byte == ASCII.quote { output.append(ASCII.quote) }
                output.append(byte)
            }
            output.append(ASCII.quote)
        }
    }

    /// The cell with a leading `'` if a spreadsheet would read it as a formula.
    ///
    /// A cell that already starts with `'` before such a start (`'=x`, `''-a`) gets one more, so
    /// that ``restored(_:)`` gives back exactly the cell that was written.
    public static func neutralized(_ cell: String) -> String {
        guard let first = cell.utf8.first else { return cell }
        if first == UInt8(ascii: "'") {
            return startsFormula(cell.drop { $0 == "'" }) ? "'" + cell : cell
        }
        return startsFormula(Substring(cell)) ? "'" + cell : cell
    }

    /// The inverse of ``neutralized(_:)``, for files Kapstok reads back (the exchange files):
    /// one leading `'` is dropped when the text after the leading `'`s would start a formula.
    /// Any other cell is returned unchanged.
    public static func restored(_ cell: String) -> String {
        guard cell.utf8.first == UInt8(ascii: "'"), startsFormula(cell.drop { $0 == "'" }) else { return cell }
        return String(cell.dropFirst())
    }

    /// Whether a spreadsheet would read text starting like this as a formula.
    private static func startsFormula(_ text: Substring) -> Bool {
        guard let first = text.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), ASCII.tab, ASCII.carriageReturn: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return !NumberParsing.isPlainDecimal(String(text))
        default: return false
        }
    }
}
