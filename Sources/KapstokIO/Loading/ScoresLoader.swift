import Kapstok

/// Reads `scores.csv` (`mentee_id,mentor_id,score[,load]`): analyst-supplied pair scores.
///
/// Rules: ids must be known (`unknown-person` error); `score` is a number in ``Limits/score``
/// (−1e9…1e9); `load` is a number in ``Limits/load`` (0 < load ≤ 1000), empty meaning 1; a pair
/// may appear once (`duplicate-pair`). In files separated by `;` or tab, a decimal comma (`0,5`)
/// is accepted. The round loader adds a warning where a load exceeds its mentor's capacity.
public enum ScoresLoader {
    /// Reads a scores file; `nil` when it cannot be read or has no header.
    public static func load(_ source: InputSource, people: KnownPeople, diagnostics: inout DiagnosticCollector) -> [ScoreEntry]? {
        guard let table = CSVReader.read(source, headerNames: ["mentee_id", "mentor_id", "score", "load"], diagnostics: &diagnostics) else { return nil }
        return load(table, people: people, diagnostics: &diagnostics)
    }

    /// Builds the score entries of a parsed `scores.csv`, in file order.
    public static func load(_ table: CSVTable, people: KnownPeople, diagnostics: inout DiagnosticCollector) -> [ScoreEntry] {
        scoresFile(table, people: people, diagnostics: &diagnostics).entries
    }

    /// The entries with where each one's `load` cell is (`nil` where the load is the default).
    static func scoresFile(
        _ table: CSVTable, people: KnownPeople, diagnostics: inout DiagnosticCollector
    ) -> (entries: [ScoreEntry], loadLocations: [Diagnostic.Location?]) {
        let layout = ColumnLayout(
            table: table, required: ["mentee_id", "mentor_id", "score"], optional: ["load"], diagnostics: &diagnostics)
        let pairs = PairReader(layout: layout, people: people)
        let scoreColumn = layout.index(of: "score"), loadColumn = layout.index(of: "load")
        var entries: [ScoreEntry] = []
        var loadLocations: [Diagnostic.Location?] = []
        // Duplicates are found on interned ids: two small id tables and one integer key per pair
        // (hashing a pair of strings per row was most of the time on a 2-million-row file).
        var menteeNumber: [String: UInt64] = [:], mentorNumber: [String: UInt64] = [:]
        var firstLine: [UInt64: Int] = [:]
        firstLine.reserveCapacity(table.records.count)
        entries.reserveCapacity(table.records.count)
        loadLocations.reserveCapacity(table.records.count)
        func number(_ id: String, in numbers: inout [String: UInt64]) -> UInt64 {
            if let known = numbers[id] { return known }
            let next = UInt64(numbers.count)
            numbers[id] = next
            return next
        }
        for record in table.records {
            let cells = RecordCells(table: table, record: record)
            let pair = pairs.read(cells, diagnostics: &diagnostics)
            var score: Double?
            if scoreColumn != nil {
                score = NumberCells.number(
                    cells.text(scoreColumn), what: "score", range: Limits.score,
                    allowsDecimalComma: cells.allowsDecimalComma, at: cells.location(scoreColumn), diagnostics: &diagnostics)
            }
            var load = 1.0
            let loadText = cells.text(loadColumn)
            if !loadText.isEmpty {
                load = NumberCells.number(
                    loadText, what: "load", range: Limits.load, allowsDecimalComma: cells.allowsDecimalComma,
                    at: cells.location(loadColumn), diagnostics: &diagnostics) ?? 1
            }
            guard let pair, let score else { continue }
            let key = number(pair.mentee, in: &menteeNumber) << 32 | number(pair.mentor, in: &mentorNumber)
            if let line = firstLine[key] {
                diagnostics.error(
                    .duplicatePair,
                    "duplicate pair of mentee \(Diagnostic.quoted(pair.mentee)) and mentor \(Diagnostic.quoted(pair.mentor)) (first on \(table.lineWord) \(line))",
                    at: cells.location(pairs.mentee))
                continue
            }
            firstLine[key] = record.line
            entries.append(ScoreEntry(menteeID: pair.mentee, mentorID: pair.mentor, score: score, load: load))
            loadLocations.append(loadText.isEmpty ? nil : cells.location(loadColumn))
        }
        return (entries, loadLocations)
    }
}
