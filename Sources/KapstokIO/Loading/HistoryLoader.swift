import Kapstok

/// Reads `history.csv` (`mentee_id,mentor_id[,round]`): pairs from earlier rounds.
///
/// Unknown ids are warnings, not errors — people leave between rounds — and their entries are
/// kept (they cannot affect the round). An empty `round` is `nil`. Repeated pairs are fine.
public enum HistoryLoader {
    /// Reads a history file; `nil` when it cannot be read or has no header.
    public static func load(_ source: InputSource, people: KnownPeople, diagnostics: inout DiagnosticCollector) -> [HistoryEntry]? {
        guard let table = CSVReader.read(source, headerNames: ["mentee_id", "mentor_id", "round"], diagnostics: &diagnostics) else { return nil }
        return load(table, people: people, diagnostics: &diagnostics)
    }

    /// Builds the entries of a parsed `history.csv`, in file order.
    public static func load(_ table: CSVTable, people: KnownPeople, diagnostics: inout DiagnosticCollector) -> [HistoryEntry] {
        let layout = ColumnLayout(
            table: table, required: ["mentee_id", "mentor_id"], optional: ["round"], diagnostics: &diagnostics)
        let pairs = PairReader(layout: layout, people: people, unknownSeverity: .warning)
        let roundColumn = layout.index(of: "round")
        var entries: [HistoryEntry] = []
        for record in table.records {
            let cells = RecordCells(table: table, record: record)
            guard let pair = pairs.read(cells, diagnostics: &diagnostics) else { continue }
            entries.append(HistoryEntry(menteeID: pair.mentee, mentorID: pair.mentor, round: cells.optionalText(roundColumn)))
        }
        return entries
    }
}
