import Kapstok

/// One cell of an output table, typed so that each format can write it as it should: a CSV
/// file as text in its dialect (``CSVDialect``: `3.5` or `3,5`), a workbook as a number, a date
/// or a string (``XLSXWriter``).
public enum OutputCell: Sendable, Hashable {
    /// Text, written as is (CSV neutralises formula-like text; a workbook stores it as a string).
    case text(String)
    /// A number; `text` is how an RFC 4180 CSV file writes it (`83.33`, `2`), `style` how a
    /// workbook shows it.
    case number(Double, text: String, style: NumberStyle)
    /// A calendar day: `YYYY-MM-DD` in CSV, a date cell in a workbook.
    case date(CalendarDate)
    /// A wall-clock date and time; `text` is the CSV form (`2027-01-18T09:00:00+01:00`), the
    /// workbook gets the local date and time (a workbook has no time zones).
    case dateTime(LocalDateTime, text: String)
    /// Nothing: an empty CSV field, no cell in a workbook.
    case empty

    /// How a workbook shows a number.
    public enum NumberStyle: Sendable, Hashable {
        /// As stored (Excel's `General`).
        case general
        /// A whole number (`0`).
        case integer
        /// Two decimals (`0.00`): scores.
        case twoDecimals
    }

    /// A whole number.
    public static func integer(_ value: Int) -> OutputCell {
        .number(Double(value), text: String(value), style: .integer)
    }

    /// A score: written as ``Format/number(_:decimals:)`` gives it (at most two decimals) in
    /// CSV, shown with two decimals in a workbook, whose cell holds that same rounded value (a
    /// score computed in single precision, 63.345455…, is 63.35 in both).
    public static func score(_ value: Double) -> OutputCell {
        let text = Format.number(value)
        guard value.isFinite else { return .text(text) }
        return .number(Double(text) ?? value, text: text, style: .twoDecimals)
    }

    /// A number written by ``NumberFormatting/decimal(_:)`` (shortest round-trip text).
    public static func decimal(_ value: Double) -> OutputCell {
        value.isFinite ? .number(value, text: NumberFormatting.decimal(value), style: .general) : .text(NumberFormatting.decimal(value))
    }

    /// An optional cell: `.empty` for `nil`.
    public static func optional<Value>(_ value: Value?, _ cell: (Value) -> OutputCell) -> OutputCell {
        value.map(cell) ?? .empty
    }

    /// The cell as an RFC 4180 CSV file writes it, before quoting and neutralisation.
    public var csvText: String {
        switch self {
        case .text(let text): text
        case .number(_, let text, _): text
        case .date(let date): date.description
        case .dateTime(_, let text): text
        case .empty: ""
        }
    }
}

/// A table an output file holds: a header and typed rows. ``CSVWriter`` writes it in a
/// ``CSVDialect``; ``XLSXWriter`` writes it as a sheet.
public struct OutputTable: Sendable, Hashable {
    /// The column names, in order.
    public var header: [String]
    /// The rows; each has at most as many cells as the header (missing cells are empty).
    public var rows: [[OutputCell]]

    /// Creates a table.
    public init(header: [String], rows: [[OutputCell]] = []) {
        self.header = header
        self.rows = rows
    }

    /// Appends a row.
    public mutating func append(_ row: [OutputCell]) {
        rows.append(row)
    }
}
