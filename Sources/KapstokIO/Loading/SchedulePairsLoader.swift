import Kapstok

/// Reads the pairs to schedule: a `pairings.csv` as `match` writes it
/// (`mentee_id,mentee_name,mentor_id,mentor_name,score,rank,reason`), or the file of
/// `replan --add-pairs`.
///
/// Only `mentee_id` and `mentor_id` are required; `mentee_name` and `mentor_name` are kept when
/// present; other columns are ignored (no warning). Rules: ids not empty (`empty-value`); a
/// mentee listed twice with another mentor is an error (`duplicate-mentee`: a mentee has one
/// mentor), the same pair twice a warning (`duplicate-pair`, kept once); a mentee who is their
/// own mentor is an error (`self-pair`); at most ``Limits/schedulePairs`` pairs
/// (`too-many-rows`); a header without rows is an error (`no-records`). Each pair keeps the
/// location of its `mentee_id` cell.
public enum SchedulePairsLoader {
    static let columns = ["mentee_id", "mentee_name", "mentor_id", "mentor_name", "score", "rank", "reason"]

    /// Reads a pairs file; `nil` when it cannot be read or has no header.
    public static func load(_ source: InputSource, diagnostics: inout DiagnosticCollector) -> [SchedulePair]? {
        guard let table = CSVReader.read(source, headerNames: Set(columns), diagnostics: &diagnostics) else { return nil }
        return load(table, diagnostics: &diagnostics)
    }

    /// Builds the pairs of a parsed pairs file, in file order.
    public static func load(_ table: CSVTable, diagnostics: inout DiagnosticCollector) -> [SchedulePair] {
        let layout = ColumnLayout(
            table: table, required: ["mentee_id", "mentor_id"], optional: columns.filter { !$0.hasSuffix("_id") },
            warnsUnknownColumns: false, diagnostics: &diagnostics)
        let menteeColumn = layout.index(of: "mentee_id"), mentorColumn = layout.index(of: "mentor_id")
        let menteeNameColumn = layout.index(of: "mentee_name"), mentorNameColumn = layout.index(of: "mentor_name")
        ScheduleCells.reportNoRecords(table, what: "pairs", diagnostics: &diagnostics)
        var pairs: [SchedulePair] = []
        var firstPair: [String: (mentor: String, line: Int)] = [:]
        var reportedTooMany = false
        for record in table.records {
            let cells = RecordCells(table: table, record: record)
            let mentee = ScheduleCells.required(cells, column: menteeColumn, what: "mentee_id", diagnostics: &diagnostics)
            let mentor = ScheduleCells.required(cells, column: mentorColumn, what: "mentor_id", diagnostics: &diagnostics)
            guard let mentee, let mentor else { continue }
            let location = cells.location(menteeColumn)
            if mentee == mentor {
                diagnostics.error(.selfPair, "\(Diagnostic.quoted(mentee)) is both mentee and mentor of one pair", at: location)
                continue
            }
            if let first = firstPair[mentee] {
                if first.mentor == mentor {
                    diagnostics.warning(
                        .duplicatePair,
                        "duplicate pair of mentee \(Diagnostic.quoted(mentee)) and mentor \(Diagnostic.quoted(mentor)) (first on \(table.lineWord) \(first.line))",
                        at: location)
                } else {
                    diagnostics.error(
                        .duplicateMentee,
                        "mentee \(Diagnostic.quoted(mentee)) already has mentor \(Diagnostic.quoted(first.mentor)) (\(table.lineWord) \(first.line)); a mentee has one mentor",
                        at: location)
                }
                continue
            }
            firstPair[mentee] = (mentor, record.line)
            guard pairs.count < Limits.schedulePairs else {
                // Reported once; the rest is not kept.
                if !reportedTooMany {
                    diagnostics.error(.tooManyRows, "more than \(Limits.schedulePairs) pairs", at: location)
                    reportedTooMany = true
                }
                continue
            }
            pairs.append(SchedulePair(
                menteeID: mentee, mentorID: mentor, menteeName: cells.text(menteeNameColumn),
                mentorName: cells.text(mentorNameColumn), location: location))
        }
        return pairs
    }

    /// The ids of the pairs' mentees and mentors: the `people` of the availability and absences
    /// loaders.
    public static func personIDs(of pairs: [SchedulePair]) -> Set<String> {
        Set(pairs.flatMap { [$0.menteeID, $0.mentorID] })
    }
}
