/// The columns a loader reads, matched against a CSV header, with header problems reported.
///
/// First, a title above the header (`Mentor export 2027-01-15`, a blank line, then the header):
/// one `title-row` error at the title, `line 1 looks like a title; the header row is line 3
/// (remove the lines above it)`. The reader finds most titles (``CSVTable/titleRecords``); here,
/// with the required names at hand, also a title with several cells: when the header lacks
/// required columns that a record among the first ten holds, all of them. Such a file then gets
/// no other header diagnostics (every known column counts as ``suggested``), and its records,
/// read under the wrong header, give none either (their columns are all absent).
///
/// Then, in order: duplicate column names (`duplicate-column`, error); values under a column
/// without a name (`unnamed-column`, warning); missing required columns (one `missing-column`
/// error naming all of them, except those a misspelt column already points at); columns nobody
/// reads (`unknown-column`). An unknown column is a
/// warning, unless it looks like a misspelling (see `Suggestion`) of a known column that is
/// absent from the header — then it is an error with a "did you mean".
struct ColumnLayout {
    /// Column index by name; the first occurrence of a duplicated name wins.
    private(set) var indices: [String: Int] = [:]
    /// Known columns named in a "did you mean" for a misspelt header; not reported missing again.
    private(set) var suggested: Set<String> = []

    /// Matches the header against the known columns.
    ///
    /// - Parameters:
    ///   - table: the file.
    ///   - required: columns that must be present.
    ///   - optional: columns that may be present; with `required`, the names an unknown column
    ///     is compared with for a "did you mean".
    ///   - warnsUnknownColumns: `false` for files written for other readers (a pairings.csv, a
    ///     mentors.csv read for its contacts): columns nobody reads here are fine and get no
    ///     warning; a misspelling of an absent known column is still an error.
    init(
        table: CSVTable, required: [String], optional: [String], warnsUnknownColumns: Bool = true,
        diagnostics: inout DiagnosticCollector
    ) {
        if let title = table.titleRecords.first {
            Self.reportTitle(at: title, headerLine: table.header.first?.line ?? title.line, table: table, diagnostics: &diagnostics)
        } else if !required.isEmpty,
            !Set(required).isSubset(of: table.header.map(\.text)),
            let real = table.records.prefix(CSVReader.titleSearchDepth).first(where: { record in
                Set(required).isSubset(of: record.fields.map(\.text.trimmingBlanks))
            })
        {
            // The real header is a record: nothing in this file can be read under this header.
            Self.reportTitle(
                at: CSVRecord(fields: [], line: table.header.first?.line ?? 1, endLine: 1, endColumn: 1),
                headerLine: real.line, table: table, diagnostics: &diagnostics)
            suggested = Set(required).union(optional)
            return
        }
        diagnostics.collect(contentsOf: table.fieldCountProblems)
        // Which columns without a name hold values: one pass over the cells (checking each
        // unnamed column against every record was quadratic: 30,000 empty header cells over
        // 17,000 records timed out under the fuzzer).
        var unnamedHasValues = table.header.map { _ in false }
        if table.header.contains(where: { $0.text.isEmpty }) {
            for record in table.records {
                for (index, field) in record.fields.enumerated()
                where index < unnamedHasValues.count && table.header[index].text.isEmpty && !unnamedHasValues[index]
                    && !field.text.isBlank
                {
                    unnamedHasValues[index] = true
                }
            }
        }
        for (index, field) in table.header.enumerated() {
            if field.text.isEmpty {
                if unnamedHasValues[index] {
                    diagnostics.warning(
                        .unnamedColumn, "column \(index + 1) has no name; its values are ignored",
                        at: table.location(of: field))
                }
                continue
            }
            if let first = indices[field.text] {
                diagnostics.error(
                    .duplicateColumn,
                    "duplicate column \(Diagnostic.quoted(field.text)) (first at column \(table.header[first].column))",
                    at: table.location(of: field))
                continue
            }
            indices[field.text] = index
        }
        let known = Set(required).union(optional)
        let candidates = (required + optional).filter { indices[$0] == nil }
        var suggested = Set<String>()
        for (name, index) in indices.sorted(by: { $0.value < $1.value }) where !known.contains(name) {
            let location = table.location(of: table.header[index])
            if let suggestion = Suggestion.closest(to: name, among: candidates) {
                diagnostics.error(.unknownColumn, "unknown column \(Diagnostic.quoted(name)); did you mean \(Diagnostic.quoted(suggestion))?", at: location)
                suggested.insert(suggestion)
            } else if warnsUnknownColumns {
                diagnostics.warning(.unknownColumn, "unknown column \(Diagnostic.quoted(name)) (ignored)", at: location)
            }
        }
        self.suggested = suggested
        // A column already named in a "did you mean" is not reported missing a second time.
        let missing = required.filter { indices[$0] == nil && !suggested.contains($0) }
        if !missing.isEmpty {
            let names = missing.map { Diagnostic.quoted($0) }.joined(separator: ", ")
            diagnostics.error(
                .missingColumn, "missing \(missing.count == 1 ? "column" : "columns") \(names)", at: table.startLocation)
        }
    }

    /// One `title-row` error at the first title line.
    private static func reportTitle(
        at title: CSVRecord, headerLine: Int, table: CSVTable, diagnostics: inout DiagnosticCollector
    ) {
        let above = headerLine - title.line
        diagnostics.error(
            .titleRow,
            "\(table.lineWord) \(title.line) looks like a title; the header row is \(table.lineWord) \(headerLine) "
                + "(remove the \(above == 1 ? table.lineWord : table.lineWord + "s") above it)",
            at: Diagnostic.Location(file: table.file, line: title.line, column: 1, sheet: table.sheet))
    }

    /// The index of a column, if the header has it.
    func index(of name: String) -> Int? {
        indices[name]
    }

    /// Whether the header has a column.
    func contains(_ name: String) -> Bool {
        indices[name] != nil
    }
}

/// Reads cells of one record with locations and trimmed text.
struct RecordCells {
    let table: CSVTable
    let record: CSVRecord
    /// For files Kapstok wrote and reads back (the exchange files): undo the formula
    /// neutralisation of ``CSVWriter`` (``CSVWriter/restored(_:)``) in ``text(_:)``.
    var restoresNeutralized = false

    init(table: CSVTable, record: CSVRecord, restoresNeutralized: Bool = false) {
        self.table = table
        self.record = record
        self.restoresNeutralized = restoresNeutralized
    }

    /// The trimmed text of a column, or `""` when the column is absent or the record short.
    func text(_ column: Int?) -> String {
        guard let column else { return "" }
        let text = record.field(at: column).text.trimmingBlanks
        return restoresNeutralized ? CSVWriter.restored(text) : text
    }

    /// The trimmed text, or `nil` when empty or absent.
    func optionalText(_ column: Int?) -> String? {
        let value = text(column)
        return value.isEmpty ? nil : value
    }

    /// Where a column's cell starts; the record start when the column is absent.
    func location(_ column: Int?) -> Diagnostic.Location {
        guard let column else { return table.location(of: record) }
        return table.location(of: record.field(at: column))
    }

    /// Whether numbers in this file may use a decimal comma (`;`- or tab-separated files).
    var allowsDecimalComma: Bool { table.separator != "," }
}
