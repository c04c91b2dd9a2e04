import Diagnostics

/// Reads one worksheet part (`xl/worksheets/sheetN.xml`) into rows of cell texts.
///
/// Rows and cells may be sparse (`r="D7"`); a row or cell without `r` follows the previous one.
/// Cells with no value are left out, so styled but empty trailing cells do not widen a row.
final class XLSXSheetParser: XLSXXML.Handler {
    /// The largest row number Excel has: 1,048,576.
    static let maximumRow = 1_048_576
    /// The largest column number Excel has: 16,384 (`XFD`).
    static let maximumColumn = 16_384
    /// The most cells a sheet's rows may span, counting the empty cells between values and the
    /// cells merged ranges fill in: 16,777,216 (2^24; a 10,000-row × 30-column sheet has 300,000).
    static let maximumCells = 1 << 24

    /// One cell's text.
    struct Cell {
        var column: Int
        var text: String
    }

    /// One row: its number, its cells by increasing column, and whether a cell in it could not be read.
    struct Row {
        var number: Int
        var cells: [Cell]
        var isRejected = false
    }

    private(set) var rows: [Row] = []
    /// Merged ranges: first row, first column, last row, last column.
    private(set) var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []

    private let sharedStrings: [String]
    private let dateKinds: [XLSXDates.Kind?]
    private let uses1904: Bool
    private let location: (Int, Int) -> Diagnostic.Location
    var diagnostics: DiagnosticCollector

    // The cell being read.
    private var rowNumber = 0, columnNumber = 0
    private var cellType = "", cellStyle = 0
    private var value = "", hasValue = false, hasFormula = false, formula = ""
    private var isInValue = false, isInFormula = false, isInInline = false, isInInlineText = false
    private var phoneticDepth = 0
    private var isInCell = false
    /// Why the parse stopped (over a guard); the reader reports it.
    private(set) var stopReason: String?
    private var spannedCells = 0

    init(
        sharedStrings: [String], dateKinds: [XLSXDates.Kind?], uses1904: Bool, limitPerFile: Int,
        location: @escaping (Int, Int) -> Diagnostic.Location
    ) {
        self.sharedStrings = sharedStrings
        self.dateKinds = dateKinds
        self.uses1904 = uses1904
        self.location = location
        diagnostics = DiagnosticCollector(limitPerFile: limitPerFile)
    }

    func start(_ name: String, attributes: XLSXXML.Attributes) -> Bool {
        switch name {
        case "row":
            if let reference = attributes["r"] {
                guard let number = Int(reference), number >= 1, number <= Self.maximumRow else {
                    return stop("row number \(Diagnostic.quoted(reference)) is not one of Excel's rows 1–\(Self.maximumRow)")
                }
                rowNumber = number
            } else {
                rowNumber += 1
                if rowNumber > Self.maximumRow { return stop("the sheet has more than \(Self.maximumRow) rows") }
            }
            columnNumber = 0
            rows.append(Row(number: rowNumber, cells: []))
        case "c":
            if rows.isEmpty {
                rowNumber = max(rowNumber, 1)
                rows.append(Row(number: rowNumber, cells: []))
            }
            isInCell = true
            cellType = attributes["t"] ?? ""
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            value = ""; formula = ""
            hasValue = false; hasFormula = false
            if let reference = attributes["r"] {
                guard let (column, row) = Self.parseReference(reference) else {
                    let here = location(rowNumber, columnNumber + 1)
                    diagnostics.error(
                        .invalidCell,
                        "cell reference \(Diagnostic.quoted(reference)) is not a cell within Excel's "
                            + "\(Self.maximumRow) rows and \(Self.maximumColumn) columns", at: here)
                    rows[rows.count - 1].isRejected = true
                    isInCell = false
                    return true
                }
                if row != rowNumber {
                    // A cell filed under another row: start that row.
                    rowNumber = row
                    rows.append(Row(number: row, cells: []))
                }
                columnNumber = column
            } else {
                columnNumber += 1
                if columnNumber > Self.maximumColumn {
                    return stop("row \(rowNumber) has more than \(Self.maximumColumn) columns")
                }
            }
        case "v" where isInCell: isInValue = true; hasValue = true
        case "f" where isInCell: isInFormula = true; hasFormula = true
        case "is" where isInCell: isInInline = true; hasValue = true
        case "t" where isInInline: isInInlineText = phoneticDepth == 0
        case "rPh" where isInInline: phoneticDepth += 1
        case "mergeCell":
            if let reference = attributes["ref"] { addMerge(reference) }
        default: break
        }
        return true
    }

    func end(_ name: String) {
        switch name {
        case "v": isInValue = false
        case "f": isInFormula = false
        case "is": isInInline = false
        case "t": isInInlineText = false
        case "rPh" where isInInline: phoneticDepth -= 1
        case "c" where isInCell:
            isInCell = false
            finishCell()
        default: break
        }
    }

    func text(_ text: String) {
        if isInValue || isInInlineText {
            value += text
        } else if isInFormula {
            formula += text
        }
    }

    private func stop(_ reason: String) -> Bool {
        stopReason = reason
        return false
    }

    private func finishCell() {
        let here = location(rowNumber, columnNumber)
        func reject(_ id: Diagnostic.MessageID, _ message: String) {
            diagnostics.error(id, message, at: here)
            rows[rows.count - 1].isRejected = true
        }
        // openpyxl writes a formula it did not calculate with an empty `<v/>`.
        if hasFormula, !hasValue || (value.isEmpty && cellType != "str" && cellType != "inlineStr") {
            let shown = formula.count > 60 ? String(formula.prefix(57)) + "…" : formula
            reject(
                .formulaWithoutValue,
                "formula \(Diagnostic.quoted("=" + shown)) has no saved value: open the file in Excel and save it")
            return
        }
        guard hasValue else { return }
        let text: String
        switch cellType {
        case "s":
            guard let index = Int(value.trimmingBlanks), index >= 0, index < sharedStrings.count else {
                reject(
                    .invalidCell,
                    "shared string \(Diagnostic.quoted(value)) is not one of the workbook's "
                        + "\(sharedStrings.count) shared strings: the file is damaged")
                return
            }
            text = sharedStrings[index]
        case "inlineStr", "str": text = value
        case "b":
            switch value.trimmingBlanks {
            case "1", "true": text = "true"
            case "0", "false": text = "false"
            default:
                reject(.invalidCell, "boolean cell holds \(Diagnostic.quoted(value)), not 0 or 1: the file is damaged")
                return
            }
        case "e":
            reject(.cellError, "cell holds the error \(value.trimmingBlanks): correct it in the sheet (row skipped)")
            return
        case "d":
            text = Self.isoDateText(value.trimmingBlanks)
        default:
            let trimmed = value.trimmingBlanks
            if trimmed.isEmpty { return }
            guard let number = Double(trimmed), number.isFinite else {
                reject(.invalidCell, "number cell holds \(Diagnostic.quoted(value)): the file is damaged")
                return
            }
            if cellStyle >= 0, cellStyle < dateKinds.count, let kind = dateKinds[cellStyle] {
                guard let date = XLSXDates.text(serial: number, kind: kind, uses1904: uses1904) else {
                    reject(
                        .invalidCell,
                        "date cell holds \(NumberFormatting.decimal(number)), which is not a date Excel can show"
                            + (number == 60 && !uses1904 ? " (1900-02-29 never was)" : ""))
                    return
                }
                text = date
            } else {
                text = NumberFormatting.decimal(number)
            }
        }
        if text.isEmpty { return }
        spannedCells += 1
        rows[rows.count - 1].cells.append(Cell(column: columnNumber, text: text))
    }

    /// An ISO 8601 date cell (`t="d"`) as the reader's date text: midnight drops its time,
    /// seconds of zero and fractions drop.
    static func isoDateText(_ text: String) -> String {
        var result = text
        if let dot = result.firstIndex(of: ".") { result = String(result[..<dot]) }
        if result.hasSuffix("T00:00:00") { return String(result.dropLast(9)) }
        if result.hasSuffix(":00"), result.count == 19 { return String(result.dropLast(3)) }
        return result
    }

    private func addMerge(_ reference: String) {
        let corners = reference.split(separator: ":", omittingEmptySubsequences: false)
        guard corners.count == 2, let (left, top) = Self.parseReference(corners[0]),
            let (right, bottom) = Self.parseReference(corners[1])
        else { return }
        merges.append((min(top, bottom), min(left, right), max(top, bottom), max(left, right)))
    }

    /// A cell reference `D7` as (column, row), within Excel's limits; `$` signs allowed.
    static func parseReference(_ reference: some StringProtocol) -> (column: Int, row: Int)? {
        var column = 0, row = 0
        var sawLetters = false, sawDigits = false
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !sawDigits else { return nil }
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
                if column > maximumColumn { return nil }
                sawLetters = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard sawLetters else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                if row > maximumRow { return nil }
                sawDigits = true
            default: return nil
            }
        }
        guard sawLetters, sawDigits, row >= 1 else { return nil }
        return (column, row)
    }
}
