import Kapstok

/// Reads `scores.csv` (`mentee_id,mentor_id,score[,load]`): analyst-supplied pair scores.
///
/// Rules: ids must be known (`unknown-person` error); `score` is a finite number; `load` is a
/// finite number > 0, empty meaning 1; a pair may appear once (`duplicate-pair`). In files
/// separated by `;` or tab, a decimal comma (`0,5`) is accepted.
public enum ScoresLoader {
    /// Reads a scores file; `nil` when it cannot be read or has no header.
    public static func load(_ source: InputSource, people: KnownPeople, diagnostics: inout DiagnosticCollector) -> [ScoreEntry]? {
        guard let table = CSVReader.read(source, diagnostics: &diagnostics) else { return nil }
        return load(table, people: people, diagnostics: &diagnostics)
    }

    /// Builds the score entries of a parsed `scores.csv`, in file order.
    public static func load(_ table: CSVTable, people: KnownPeople, diagnostics: inout DiagnosticCollector) -> [ScoreEntry] {
        let layout = ColumnLayout(
            table: table, required: ["mentee_id", "mentor_id", "score"], optional: ["load"], diagnostics: &diagnostics)
        let pairs = PairReader(layout: layout, people: people)
        let scoreColumn = layout.index(of: "score"), loadColumn = layout.index(of: "load")
        var entries: [ScoreEntry] = []
        var firstLine: [PairKey: Int] = [:]
        for record in table.records {
            let cells = RecordCells(table: table, record: record)
            let pair = pairs.read(cells, diagnostics: &diagnostics)
            var score: Double?
            if scoreColumn != nil {
                let text = cells.text(scoreColumn)
                score = NumberParsing.finiteDouble(text, allowsDecimalComma: cells.allowsDecimalComma)
                if score == nil {
                    diagnostics.error(
                        .invalidNumber,
                        text.isEmpty ? "empty score (expected a finite number)" : "invalid score '\(text)' (expected a finite number)",
                        at: cells.location(scoreColumn))
                }
            }
            var load = 1.0
            let loadText = cells.text(loadColumn)
            if !loadText.isEmpty {
                if let value = NumberParsing.finiteDouble(loadText, allowsDecimalComma: cells.allowsDecimalComma), value > 0 {
                    load = value
                } else {
                    diagnostics.error(
                        .invalidNumber, "invalid load '\(loadText)' (expected a number > 0)", at: cells.location(loadColumn))
                }
            }
            guard let pair, let score else { continue }
            let key = PairKey(mentee: pair.mentee, mentor: pair.mentor)
            if let line = firstLine[key] {
                diagnostics.error(
                    .duplicatePair,
                    "duplicate pair of mentee '\(pair.mentee)' and mentor '\(pair.mentor)' (first on line \(line))",
                    at: cells.location(pairs.mentee))
                continue
            }
            firstLine[key] = record.line
            entries.append(ScoreEntry(menteeID: pair.mentee, mentorID: pair.mentor, score: score, load: load))
        }
        return entries
    }
}
