import Kapstok

/// Reads `absences.csv` (`person_id,from,to[,reason]`): whole days a person is away, both dates
/// inclusive.
///
/// Rules: `person_id` one of the people of the pairs (`unknown-person`, with a "did you mean");
/// `from` and `to` dates `YYYY-MM-DD` within ``Limits/programDate`` (`invalid-date`; Excel's
/// `12/04/2027` and the like name the expected form); `to` not before `from` (`invalid-span`).
/// An empty `reason` is `""`. Each absence keeps the location of its `person_id` cell.
public enum AbsencesLoader {
    /// Reads an absences file; `nil` when it cannot be read or has no header.
    ///
    /// - Parameter people: the ids of the pairs' mentees and mentors; `nil` skips the check.
    public static func load(_ source: InputSource, people: Set<String>?, diagnostics: inout DiagnosticCollector) -> [Absence]? {
        guard let table = CSVReader.read(source, headerNames: ["person_id", "from", "to", "reason"], diagnostics: &diagnostics)
        else { return nil }
        return load(table, people: people, diagnostics: &diagnostics)
    }

    /// Builds the absences of a parsed `absences.csv`, in file order.
    public static func load(_ table: CSVTable, people: Set<String>?, diagnostics: inout DiagnosticCollector) -> [Absence] {
        let layout = ColumnLayout(
            table: table, required: ["person_id", "from", "to"], optional: ["reason"], diagnostics: &diagnostics)
        let personColumn = layout.index(of: "person_id"), fromColumn = layout.index(of: "from")
        let toColumn = layout.index(of: "to"), reasonColumn = layout.index(of: "reason")
        var check = ScheduleCells(people: people)
        var absences: [Absence] = []
        for record in table.records {
            let cells = RecordCells(table: table, record: record)
            let person = check.person(cells, column: personColumn, diagnostics: &diagnostics)
            let from = ScheduleCells.date(cells, column: fromColumn, what: "from date", diagnostics: &diagnostics)
            let to = ScheduleCells.date(cells, column: toColumn, what: "to date", diagnostics: &diagnostics)
            guard let from, let to else { continue }
            guard from <= to else {
                diagnostics.error(
                    .invalidSpan, "to date \(Diagnostic.quoted(to.description)) is before from date \(Diagnostic.quoted(from.description))",
                    at: cells.location(toColumn))
                continue
            }
            guard let person else { continue }
            absences.append(Absence(
                personID: person, from: from, to: to, reason: cells.text(reasonColumn), location: cells.location(personColumn)))
        }
        return absences
    }
}
