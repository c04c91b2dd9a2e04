import Kapstok

/// Reads the goals exchange file, as ``TrackingExport/goalsCSV(_:)`` writes it:
/// `goal_id,mentee_id,mentor_id,item,baseline,target,due,status,title[,start,reason]`.
///
/// Rules: `goal_id` unique in the file (`duplicate-id`); empty means a new goal (the store gives
/// it an id; ``Goal/id`` is then `""`); a non-empty one must be known when
/// ``ExchangeReferences/goals`` is given (`unknown-goal`, with a "did you mean"). `mentee_id`,
/// `mentor_id` and `item` known (`unknown-person`, `unknown-item`, with a "did you mean");
/// `baseline` and `target` integers 0–5 (``Limits/level``) with `target > baseline`
/// (`invalid-goal`); `start` and `due` dates `YYYY-MM-DD` within ``Limits/programDate``, `due`
/// not before `start` (`invalid-goal`); `status` `draft`, `active`, `achieved` or `dropped` in any
/// case (`invalid-status`, with a "did you mean"); `title` 1–200 characters without control
/// characters (``Limits/titleLength``); `reason` free text (``Limits/noteLength``).
///
/// The optional columns: without `start` (or with it empty), a goal the workspace already has
/// (`existing`, by id) keeps its start, and a new one starts on `defaultStart` (the CLI gives the
/// program's start); without a `reason` column an existing goal keeps its reason, a new one has `""`. ``Goal/round`` is not
/// exchanged (always `nil`). Whether a status change is allowed (``GoalStatus/canMove(to:)``) is
/// the store's business, not the file's.
public enum GoalsLoader {
    /// The required columns, in the order the export writes them.
    public static let columns = ["goal_id", "mentee_id", "mentor_id", "item", "baseline", "target", "due", "status", "title"]
    /// The optional columns, written after the required ones.
    public static let optionalColumns = ["start", "reason"]

    /// Reads a goals file; `nil` when it cannot be read or has no header.
    public static func load(
        _ source: InputSource, references: ExchangeReferences, defaultStart: CalendarDate, existing: [String: Goal] = [:],
        diagnostics: inout DiagnosticCollector
    ) -> [Goal]? {
        guard let table = CSVReader.read(source, headerNames: Set(columns + optionalColumns), diagnostics: &diagnostics)
        else { return nil }
        return load(table, references: references, defaultStart: defaultStart, existing: existing, diagnostics: &diagnostics)
    }

    /// Builds the goals of a parsed goals file, in file order.
    public static func load(
        _ table: CSVTable, references: ExchangeReferences, defaultStart: CalendarDate, existing: [String: Goal] = [:],
        diagnostics: inout DiagnosticCollector
    ) -> [Goal] {
        let layout = ColumnLayout(table: table, required: columns, optional: optionalColumns, diagnostics: &diagnostics)
        let column = { (name: String) in layout.index(of: name) }
        let idColumn = column("goal_id"), menteeColumn = column("mentee_id"), mentorColumn = column("mentor_id")
        let itemColumn = column("item"), baselineColumn = column("baseline"), targetColumn = column("target")
        let startColumn = column("start"), dueColumn = column("due"), statusColumn = column("status")
        let titleColumn = column("title"), reasonColumn = column("reason")
        var check = TrackingCells(references)
        let statusNames = GoalStatus.allCases.map(\.rawValue)
        var firstLine: [String: Int] = [:]
        var goals: [Goal] = []
        for record in table.records {
            let cells = RecordCells(table: table, record: record, restoresNeutralized: true)
            var id: String? = cells.text(idColumn)
            if let text = id, !text.isEmpty {
                if let line = firstLine[text] {
                    diagnostics.error(
                        .duplicateID, "duplicate goal_id \(Diagnostic.quoted(text)) (first on \(table.lineWord) \(line))",
                        at: cells.location(idColumn))
                    id = nil
                } else {
                    firstLine[text] = record.line
                    if !check.goals.check(text, at: cells.location(idColumn), diagnostics: &diagnostics) { id = nil }
                }
            }
            let mentee = check.mentees.read(cells, column: menteeColumn, what: "mentee_id", diagnostics: &diagnostics)
            let mentor = check.mentors.read(cells, column: mentorColumn, what: "mentor_id", diagnostics: &diagnostics)
            let item = check.items.read(cells, column: itemColumn, what: "item", diagnostics: &diagnostics)
            let baseline = TrackingCells.level(cells, column: baselineColumn, what: "baseline", diagnostics: &diagnostics)
            var target = TrackingCells.level(cells, column: targetColumn, what: "target", diagnostics: &diagnostics)
            if let baseline, let level = target, level <= baseline {
                diagnostics.error(
                    .invalidGoal, "target \(Diagnostic.quoted(String(level))) is not above baseline \(Diagnostic.quoted(String(baseline)))",
                    at: cells.location(targetColumn))
                target = nil
            }
            let known = id.flatMap { existing[$0] }
            var start: CalendarDate? = known?.start ?? defaultStart
            if let startColumn, !cells.text(startColumn).isEmpty {
                start = ScheduleCells.date(cells, column: startColumn, what: "start", diagnostics: &diagnostics)
            }
            var due = ScheduleCells.date(cells, column: dueColumn, what: "due", diagnostics: &diagnostics)
            if let start, let day = due, day < start {
                diagnostics.error(
                    .invalidGoal, "due \(Diagnostic.quoted(day.description)) is before start \(Diagnostic.quoted(start.description))",
                    at: cells.location(dueColumn))
                due = nil
            }
            let status = ScheduleCells.choice(
                cells, column: statusColumn, what: "status", names: statusNames, id: .invalidStatus,
                diagnostics: &diagnostics, value: { GoalStatus(rawValue: $0.lowercased()) })
            let title = TrackingCells.title(cells, column: titleColumn, diagnostics: &diagnostics)
            let reason = reasonColumn == nil
                ? known?.reason ?? "" : TrackingCells.note(cells, column: reasonColumn, what: "reason", diagnostics: &diagnostics)
            guard let id, let mentee, let mentor, let item, let baseline, let target, let start, let due, let status,
                let title, let reason
            else { continue }
            goals.append(Goal(
                id: id, menteeID: mentee, mentorID: mentor, itemID: item, baseline: baseline, target: target,
                start: start, due: due, status: status, title: title, reason: reason))
        }
        return goals
    }
}
