import Foundation

/// Builds CSV text the way Kapstok writes every output file: deterministic and safe to open in a
/// spreadsheet.
///
/// Format: RFC 4180 with `,` separators and `\n` line endings (also after the last row); a
/// field is quoted when it holds `,`, `"`, `\n` or `\r`, with quotes doubled. No byte order mark.
///
/// Formula neutralisation: a cell starting with `=`, `+`, `-`, `@`, tab or carriage return would
/// be run as a formula by Excel or LibreOffice (CSV injection), so it gets a leading `'`
/// (`=SUM(A1)` → `'=SUM(A1)`). Plain decimal numbers are left alone — `-3.5`, `+2`, `-1e-3`
/// cannot start a formula — so negative scores stay numbers.
public struct CSVWriter: Sendable {
    /// The CSV text so far.
    public private(set) var text = ""

    /// Creates a writer, writing the header row if one is given.
    public init(header: [String]? = nil) {
        if let header { appendRow(header) }
    }

    /// Appends one row; cells are neutralised and quoted as needed.
    public mutating func appendRow(_ cells: [String]) {
        var first = true
        for cell in cells {
            if !first { text.append(",") }
            first = false
            text.append(Self.field(cell))
        }
        text.append("\n")
    }

    /// The text as UTF-8 bytes.
    public var data: Data { Data(text.utf8) }

    /// One cell as written: neutralised, then quoted if needed.
    public static func field(_ cell: String) -> String {
        let safe = neutralized(cell)
        guard safe.utf8.contains(where: { $0 == ASCII.comma || $0 == ASCII.quote || $0 == ASCII.lineFeed || $0 == ASCII.carriageReturn })
        else { return safe }
        var quoted = "\""
        for character in safe.unicodeScalars {
            if character == "\"" { quoted.append("\"") }
            quoted.unicodeScalars.append(character)
        }
        quoted.append("\"")
        return quoted
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
