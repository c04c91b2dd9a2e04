import Kapstok

/// Reads `availability.csv` (`person_id,weekday,start,end`): weekly windows in the program's
/// time zone.
///
/// Rules: `person_id` one of the people of the pairs (`unknown-person`, with a "did you mean");
/// `weekday` `mon`…`sun` or `monday`…`sunday` in any case (`invalid-weekday`); `start` and
/// `end` `HH:MM`, `24:00` as an end only (`invalid-time`); `start` before `end`
/// (`invalid-span`); at most ``Limits/availabilityRowsPerPerson`` rows per person
/// (`too-many-rows`, once per person). A person's windows may be split and may overlap. Each
/// window keeps the location of its `person_id` cell.
public enum AvailabilityLoader {
    static let columns = ["person_id", "weekday", "start", "end"]

    /// Reads an availability file; `nil` when it cannot be read or has no header.
    ///
    /// - Parameter people: the ids of the pairs' mentees and mentors; `nil` skips the check.
    public static func load(
        _ source: InputSource, people: Set<String>?, diagnostics: inout DiagnosticCollector
    ) -> [AvailabilityWindow]? {
        guard let table = CSVReader.read(source, headerNames: Set(columns), diagnostics: &diagnostics) else { return nil }
        return load(table, people: people, diagnostics: &diagnostics)
    }

    /// Builds the windows of a parsed `availability.csv`, in file order.
    public static func load(
        _ table: CSVTable, people: Set<String>?, diagnostics: inout DiagnosticCollector
    ) -> [AvailabilityWindow] {
        let layout = ColumnLayout(table: table, required: columns, optional: [], diagnostics: &diagnostics)
        let personColumn = layout.index(of: "person_id"), weekdayColumn = layout.index(of: "weekday")
        let startColumn = layout.index(of: "start"), endColumn = layout.index(of: "end")
        var check = ScheduleCells(people: people)
        let names = Weekday.allCases.map(\.name) + Weekday.allCases.map(\.shortName)
        var rowsPerPerson: [String: Int] = [:]
        var windows: [AvailabilityWindow] = []
        for record in table.records {
            let cells = RecordCells(table: table, record: record)
            let person = check.person(cells, column: personColumn, diagnostics: &diagnostics)
            let weekday = ScheduleCells.choice(
                cells, column: weekdayColumn, what: "weekday", names: names,
                expected: "mon, tue, wed, thu, fri, sat, sun or the full English names", id: .invalidWeekday,
                diagnostics: &diagnostics, value: Weekday.init(name:))
            let start = ScheduleCells.time(cells, column: startColumn, what: "start", isEnd: false, diagnostics: &diagnostics)
            let end = ScheduleCells.time(cells, column: endColumn, what: "end", isEnd: true, diagnostics: &diagnostics)
            if let start, let end, start >= end {
                diagnostics.error(
                    .invalidSpan, "start \(Diagnostic.quoted(start.description)) is not before end \(Diagnostic.quoted(end.description))",
                    at: cells.location(startColumn))
                continue
            }
            if let person {
                let count = rowsPerPerson[person, default: 0] + 1
                rowsPerPerson[person] = count
                if count == Limits.availabilityRowsPerPerson + 1 {
                    diagnostics.error(
                        .tooManyRows,
                        "more than \(Limits.availabilityRowsPerPerson) availability rows for \(Diagnostic.quoted(person))",
                        at: cells.location(personColumn))
                }
                if count > Limits.availabilityRowsPerPerson { continue }
            }
            guard let person, let weekday, let start, let end else { continue }
            windows.append(AvailabilityWindow(
                personID: person, weekday: weekday, window: TimeWindow(start: start, end: end),
                location: cells.location(personColumn)))
        }
        return windows
    }
}
