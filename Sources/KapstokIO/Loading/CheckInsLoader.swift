import Kapstok

/// Reads the check-ins exchange file, as ``TrackingExport/checkInsCSV(_:)`` writes it:
/// `mentee_id,item,level,date,assessor,evidence`.
///
/// Rules: `mentee_id` and `item` known (`unknown-person`, `unknown-item`, with a "did you
/// mean"); `level` an integer 0–5 (``Limits/level``); `date` `YYYY-MM-DD` within
/// ``Limits/programDate``; `assessor` `self`, `mentor`, `manager` or `hr` in any case
/// (`invalid-assessor`, with a "did you mean"); `evidence` free text (``Limits/noteLength``),
/// may be empty. Two check-ins of the same mentee, item, date and assessor are both kept (the
/// file is a log).
public enum CheckInsLoader {
    /// The columns, in the order the export writes them (all required).
    public static let columns = ["mentee_id", "item", "level", "date", "assessor", "evidence"]

    /// Reads a check-ins file; `nil` when it cannot be read or has no header.
    public static func load(
        _ source: InputSource, references: ExchangeReferences, diagnostics: inout DiagnosticCollector
    ) -> [CheckIn]? {
        guard let table = CSVReader.read(source, headerNames: Set(columns), diagnostics: &diagnostics) else { return nil }
        return load(table, references: references, diagnostics: &diagnostics)
    }

    /// Builds the check-ins of a parsed check-ins file, in file order.
    public static func load(_ table: CSVTable, references: ExchangeReferences, diagnostics: inout DiagnosticCollector) -> [CheckIn] {
        let layout = ColumnLayout(table: table, required: columns, optional: [], diagnostics: &diagnostics)
        let menteeColumn = layout.index(of: "mentee_id"), itemColumn = layout.index(of: "item")
        let levelColumn = layout.index(of: "level"), dateColumn = layout.index(of: "date")
        let assessorColumn = layout.index(of: "assessor"), evidenceColumn = layout.index(of: "evidence")
        var check = TrackingCells(references)
        let assessorNames = Assessor.allCases.map(\.rawValue)
        var checkIns: [CheckIn] = []
        for record in table.records {
            let cells = RecordCells(table: table, record: record, restoresNeutralized: true)
            let mentee = check.mentees.read(cells, column: menteeColumn, what: "mentee_id", diagnostics: &diagnostics)
            let item = check.items.read(cells, column: itemColumn, what: "item", diagnostics: &diagnostics)
            let level = TrackingCells.level(cells, column: levelColumn, what: "level", diagnostics: &diagnostics)
            let date = ScheduleCells.date(cells, column: dateColumn, what: "date", diagnostics: &diagnostics)
            let assessor = ScheduleCells.choice(
                cells, column: assessorColumn, what: "assessor", names: assessorNames, id: .invalidAssessor,
                diagnostics: &diagnostics, value: { Assessor(rawValue: $0.lowercased()) })
            let evidence = TrackingCells.note(cells, column: evidenceColumn, what: "evidence", diagnostics: &diagnostics)
            guard let mentee, let item, let level, let date, let assessor, let evidence else { continue }
            checkIns.append(CheckIn(menteeID: mentee, itemID: item, level: level, date: date, assessor: assessor, evidence: evidence))
        }
        return checkIns
    }
}
