import Kapstok

/// Reads the sessions exchange file, as ``TrackingExport/sessionsCSV(_:)`` writes it: the
/// columns of `sessions.csv` (``SessionsLoader``: `session_id,mentee_id,mentor_id,number,start,
/// end,status[,sequence]`, read by the same code with the same rules) plus
/// `held_on,mentee_rating,mentor_rating,goals_discussed,notes`.
///
/// Rules beyond those of ``SessionsLoader``: every session id known when
/// ``ExchangeReferences/sessionIDs`` is given (`unknown-session`, with a "did you mean");
/// `mentee_id` and `mentor_id` known when their sets are given; `held_on` a date `YYYY-MM-DD`
/// within ``Limits/programDate``; `mentee_rating` and `mentor_rating` integers 1–5
/// (``Limits/rating``) or empty; `goals_discussed` goal ids separated by `|` (blanks around
/// them ignored, a goal listed twice is a `duplicate-id` warning and counted once), each known
/// and of the session's pair when ``ExchangeReferences/goals`` is given (`unknown-goal`,
/// `goal-of-another-pair`); `notes` free text (``Limits/noteLength``, tabs and line breaks
/// allowed). A `held_on`, a rating or goals discussed on a session whose status is not `held`
/// are `not-held` errors (notes are fine on any session: "cancelled: ill"). A held session
/// with an empty `held_on` was held on its planned day (``SessionLog/heldOn`` is the start's date).
///
/// The five log columns are required: a plain `sessions.csv` is not a log (importing it would
/// clear what was logged).
public enum SessionLogsLoader {
    /// The log columns, after those of `sessions.csv`.
    public static let logColumns = ["held_on", "mentee_rating", "mentor_rating", "goals_discussed", "notes"]
    /// Every required column, in the order the export writes them (`sequence` after `status`).
    public static var columns: [String] { SessionsLoader.columns + logColumns }

    /// Reads a sessions exchange file; `nil` when it cannot be read or has no header.
    ///
    /// - Parameter clock: the program's time zone, which every UTC offset is checked against.
    public static func load(
        _ source: InputSource, clock: any WallClock, references: ExchangeReferences, diagnostics: inout DiagnosticCollector
    ) -> [SessionLog]? {
        guard let table = CSVReader.read(source, headerNames: Set(columns + ["sequence"]), diagnostics: &diagnostics)
        else { return nil }
        return load(table, clock: clock, references: references, diagnostics: &diagnostics)
    }

    /// Builds the session logs of a parsed file, in file order.
    public static func load(
        _ table: CSVTable, clock: any WallClock, references: ExchangeReferences, diagnostics: inout DiagnosticCollector
    ) -> [SessionLog] {
        let layout = ColumnLayout(table: table, required: columns, optional: ["sequence"], diagnostics: &diagnostics)
        var sessions = SessionRowReader(
            layout: layout, clock: clock, menteeIDs: references.menteeIDs, mentorIDs: references.mentorIDs,
            isExchange: true)
        var check = TrackingCells(references)
        let idColumn = layout.index(of: "session_id"), heldColumn = layout.index(of: "held_on")
        let menteeRatingColumn = layout.index(of: "mentee_rating"), mentorRatingColumn = layout.index(of: "mentor_rating")
        let goalsColumn = layout.index(of: "goals_discussed"), notesColumn = layout.index(of: "notes")
        var logs: [SessionLog] = []
        for record in table.records {
            let cells = RecordCells(table: table, record: record, restoresNeutralized: true)
            var session = sessions.read(cells, diagnostics: &diagnostics)
            if let id = session?.id, !check.sessions.check(id, at: cells.location(idColumn), diagnostics: &diagnostics) {
                session = nil
            }
            var heldOn: CalendarDate?? = .some(nil)
            if let heldColumn, !cells.text(heldColumn).isEmpty {
                let date = ScheduleCells.date(cells, column: heldColumn, what: "held_on", diagnostics: &diagnostics)
                heldOn = date.map { .some($0) } ?? nil
            }
            let menteeRating = TrackingCells.rating(cells, column: menteeRatingColumn, what: "mentee_rating", diagnostics: &diagnostics)
            let mentorRating = TrackingCells.rating(cells, column: mentorRatingColumn, what: "mentor_rating", diagnostics: &diagnostics)
            let goals = goalsDiscussed(cells, column: goalsColumn, pair: session?.pair, check: &check, diagnostics: &diagnostics)
            let notes = TrackingCells.note(cells, column: notesColumn, what: "notes", diagnostics: &diagnostics)
            guard var session, let heldOn, let menteeRating, let mentorRating, let goals, let notes else { continue }
            if session.status != .held {
                var given: [(String, Int?)] = []
                if heldOn != nil { given.append(("held_on", heldColumn)) }
                if menteeRating != nil { given.append(("mentee_rating", menteeRatingColumn)) }
                if mentorRating != nil { given.append(("mentor_rating", mentorRatingColumn)) }
                if !goals.isEmpty { given.append(("goals_discussed", goalsColumn)) }
                for (what, column) in given {
                    diagnostics.error(
                        .notHeld,
                        "\(what) \(Diagnostic.quoted(cells.text(column))) given for a session with status \(Diagnostic.quoted(session.status.rawValue)) (only held sessions have one)",
                        at: cells.location(column))
                }
                guard given.isEmpty else { continue }
            }
            session.location = cells.location(idColumn)
            logs.append(SessionLog(
                session: session, heldOn: heldOn ?? (session.status == .held ? session.start.date : nil),
                menteeRating: menteeRating, mentorRating: mentorRating, goalsDiscussed: goals, notes: notes))
        }
        return logs
    }

    /// The `|`-separated goal ids of a cell, in order, each once; `nil` after an error.
    private static func goalsDiscussed(
        _ cells: RecordCells, column: Int?, pair: PairID?, check: inout TrackingCells, diagnostics: inout DiagnosticCollector
    ) -> [String]? {
        guard let column else { return [] }
        let location = cells.location(column)
        var ids: [String] = []
        var seen: Set<String> = []
        var isValid = true
        for part in cells.text(column).split(separator: "|", omittingEmptySubsequences: false) {
            let id = String(part).trimmingBlanks
            guard !id.isEmpty else {
                if cells.text(column).contains("|") {
                    diagnostics.error(.emptyValue, "empty goal id in goals_discussed \(Diagnostic.quoted(cells.text(column)))", at: location)
                    isValid = false
                }
                continue
            }
            guard seen.insert(id).inserted else {
                diagnostics.warning(.duplicateID, "goal \(Diagnostic.quoted(id)) listed twice in goals_discussed", at: location)
                continue
            }
            guard check.goals.check(id, at: location, diagnostics: &diagnostics) else {
                isValid = false
                continue
            }
            if let pair, let owner = check.goalPairs?[id], owner != pair {
                diagnostics.error(
                    .goalOfAnotherPair,
                    "goal \(Diagnostic.quoted(id)) belongs to mentee \(Diagnostic.quoted(owner.menteeID)) and mentor \(Diagnostic.quoted(owner.mentorID)), not to this session's pair",
                    at: location)
                isValid = false
                continue
            }
            ids.append(id)
        }
        return isValid ? ids : nil
    }
}
