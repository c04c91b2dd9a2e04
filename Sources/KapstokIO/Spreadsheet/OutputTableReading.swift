import Diagnostics
import Foundation
import Kapstok

/// Typed tables back from the output files an earlier command left in a folder, for the
/// folder's workbook (``ResultWorkbook``): `pairings.csv` written by `match` becomes a sheet
/// again when `schedule` later writes its files into the same folder.
///
/// A CSV file is read with ``CSVReader`` (any dialect). A column becomes:
/// - numbers, when every non-empty cell is a plain decimal number (with `,` as the decimal mark
///   in a `;`-separated file) and the column is not an identifier (`id`, `…_id`) and no cell has
///   a leading zero (`007` stays text): whole numbers show as `0`, a `score` column with two
///   decimals, others as stored;
/// - date-times, when every non-empty cell is `YYYY-MM-DDTHH:MM:SS±HH:MM` (the sessions' form);
/// - dates, when every non-empty cell is `YYYY-MM-DD`;
/// - text otherwise, with the `'` the CSV writer put before formula-like text taken off.
///
/// A JSON file (a summary) becomes a two-column table `key,value`: nested keys joined with `.`
/// (`groups.1.status`, 1-based for arrays), sorted by key, numbers as numbers, `true`/`false` and
/// strings as text, `null` as an empty cell.
public enum OutputTableReading {
    /// The table of a CSV output file; `nil` when it cannot be read as one.
    public static func table(csv data: Data, file: String) -> OutputTable? {
        var diagnostics = DiagnosticCollector()
        guard let table = CSVReader.read(bytes: Array(data), file: file, diagnostics: &diagnostics) else { return nil }
        let decimalComma = table.separator != ","
        let header = table.header.map(\.text)
        let columns = header.indices.map { index in
            kind(of: table.records.map { $0.field(at: index).text }, column: header[index], decimalComma: decimalComma)
        }
        var output = OutputTable(header: header)
        output.rows.reserveCapacity(table.records.count)
        for record in table.records {
            output.append(header.indices.map { index in cell(record.field(at: index).text, kind: columns[index], decimalComma: decimalComma) })
        }
        return output
    }

    /// The `key,value` table of a JSON output file; `nil` when it is not JSON.
    public static func table(json data: Data) -> OutputTable? {
        guard let tree = try? JSONDecoder().decode(Tree.self, from: data) else { return nil }
        var output = OutputTable(header: ["key", "value"])
        func add(_ tree: Tree, key: String) {
            switch tree {
            case .object(let members):
                for name in members.keys.sorted() { add(members[name]!, key: key.isEmpty ? name : key + "." + name) }
            case .array(let items):
                for (index, item) in items.enumerated() { add(item, key: key + "." + String(index + 1)) }
            case .number(let value): output.append([.text(key), .decimal(value)])
            case .boolean(let value): output.append([.text(key), .text(value ? "true" : "false")])
            case .string(let value): output.append([.text(key), .text(value)])
            case .null: output.append([.text(key), .empty])
            }
        }
        add(tree, key: "")
        return output
    }

    /// What a column holds.
    enum Kind {
        case text, integer, score, decimal, date, dateTime
    }

    static func kind(of cells: [String], column: String, decimalComma: Bool) -> Kind {
        let values = cells.filter { !$0.isEmpty }
        guard !values.isEmpty else { return .text }
        let lowered = column.lowercased()
        let isIdentifier = lowered == "id" || lowered.hasSuffix("_id")
        if !isIdentifier, values.allSatisfy({ number($0, decimalComma: decimalComma) != nil && !hasLeadingZero($0) }) {
            if lowered == "score" || lowered.hasSuffix("_score") { return .score }
            return values.allSatisfy { number($0, decimalComma: decimalComma)!.rounded() == number($0, decimalComma: decimalComma)! }
                ? .integer : .decimal
        }
        if values.allSatisfy({ LocalTimeFormat.dateTime($0) != nil }) { return .dateTime }
        if values.allSatisfy({ LocalTimeFormat.date($0) != nil }) { return .date }
        return .text
    }

    static func cell(_ text: String, kind: Kind, decimalComma: Bool) -> OutputCell {
        guard !text.isEmpty else { return .empty }
        switch kind {
        case .text: return .text(CSVWriter.restored(text))
        case .integer, .score, .decimal:
            let value = number(text, decimalComma: decimalComma)!
            let plain = decimalComma ? String(text.map { $0 == "," ? "." : $0 }) : text
            let style: OutputCell.NumberStyle = kind == .integer ? .integer : kind == .score ? .twoDecimals : .general
            return .number(value, text: plain, style: style)
        case .date: return .date(LocalTimeFormat.date(text)!)
        case .dateTime: return .dateTime(LocalTimeFormat.dateTime(text)!.local, text: text)
        }
    }

    private static func number(_ text: String, decimalComma: Bool) -> Double? {
        NumberParsing.finiteDouble(text, allowsDecimalComma: decimalComma)
    }

    /// `007`, `-01`: a code, not a number (but `0`, `0.5` and `-0.25` are numbers).
    private static func hasLeadingZero(_ text: String) -> Bool {
        let digits = text.drop { $0 == "-" || $0 == "+" }
        guard digits.first == "0", let second = digits.dropFirst().first else { return false }
        return second.isNumber
    }

    /// A JSON value, decoded without Foundation's number/boolean ambiguity.
    indirect enum Tree: Decodable {
        case object([String: Tree])
        case array([Tree])
        case number(Double)
        case boolean(Bool)
        case string(String)
        case null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .boolean(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([String: Tree].self) {
                self = .object(value)
            } else {
                self = .array(try container.decode([Tree].self))
            }
        }
    }
}
