import Kapstok

/// Reads `sessions.csv` as `schedule` writes it
/// (`session_id,mentee_id,mentor_id,number,start,end,status[,sequence]`), for `replan`.
///
/// Rules: `session_id`, `mentee_id` and `mentor_id` not empty (`empty-value`); `session_id`
/// unique, and one row per pair and `number` (`duplicate-session`); `number` an integer in
/// ``Limits/sessions``; `start` and `end` like `2027-04-06T10:00:00+02:00` (`invalid-time`,
/// see ``LocalTimeFormat``) with dates in ``Limits/programDate``, each with the UTC offset the
/// program's time zone has at that local time, and not in the hour skipped when clocks go
/// forward (`wrong-utc-offset`: a file from another time zone, or edited by hand); `end` after
/// `start` on the same day (`00:00` of the next day is `24:00`; `invalid-span`); `status`
/// `planned`, `held`, `cancelled` or `no_show` in any case (`invalid-status`, with a "did you
/// mean"); `sequence` an integer in ``Limits/sessionSequence``, empty or absent = 0. Each session
/// keeps the location of its `session_id` cell.
public enum SessionsLoader {
    static let columns = ["session_id", "mentee_id", "mentor_id", "number", "start", "end", "status"]

    /// Reads a sessions file; `nil` when it cannot be read or has no header.
    ///
    /// - Parameter clock: the program's time zone, which every offset is checked against.
    public static func load(_ source: InputSource, clock: any WallClock, diagnostics: inout DiagnosticCollector) -> [Session]? {
        guard let table = CSVReader.read(source, headerNames: Set(columns + ["sequence"]), diagnostics: &diagnostics)
        else { return nil }
        return load(table, clock: clock, diagnostics: &diagnostics)
    }

    /// Builds the sessions of a parsed `sessions.csv`, in file order.
    public static func load(_ table: CSVTable, clock: any WallClock, diagnostics: inout DiagnosticCollector) -> [Session] {
        let layout = ColumnLayout(table: table, required: columns, optional: ["sequence"], diagnostics: &diagnostics)
        var reader = SessionRowReader(layout: layout, clock: clock)
        return table.records.compactMap { record in
            reader.read(RecordCells(table: table, record: record), diagnostics: &diagnostics)
        }
    }
}

/// Reads the session columns of one record of `sessions.csv` (or of the sessions exchange file,
/// which adds the log columns), with the rules of ``SessionsLoader``; remembers the ids and
/// pair numbers seen, for the duplicate checks.
struct SessionRowReader {
    private let idColumn, menteeColumn, mentorColumn, numberColumn: Int?
    private let startColumn, endColumn, statusColumn, sequenceColumn: Int?
    private let clock: any WallClock
    /// Checks the mentee and mentor ids (off by default, as for `replan`).
    private var mentees: KnownIDs, mentors: KnownIDs
    /// Session ids with a control character are errors (the exchange file).
    private var sessionIDs: KnownIDs
    private var firstID: [String: Int] = [:]
    private var firstNumber: [PairNumber: Int] = [:]
    private static let statusNames = SessionStatus.allCases.map(\.rawValue)

    /// - Parameter isExchange: the sessions exchange file: ids with control characters are errors.
    init(
        layout: ColumnLayout, clock: any WallClock, menteeIDs: Set<String>? = nil, mentorIDs: Set<String>? = nil,
        isExchange: Bool = false
    ) {
        idColumn = layout.index(of: "session_id")
        menteeColumn = layout.index(of: "mentee_id")
        mentorColumn = layout.index(of: "mentor_id")
        numberColumn = layout.index(of: "number")
        startColumn = layout.index(of: "start")
        endColumn = layout.index(of: "end")
        statusColumn = layout.index(of: "status")
        sequenceColumn = layout.index(of: "sequence")
        self.clock = clock
        mentees = KnownIDs(menteeIDs, noun: "mentee", rejectsControlCharacters: isExchange)
        mentors = KnownIDs(mentorIDs, noun: "mentor", rejectsControlCharacters: isExchange)
        sessionIDs = KnownIDs(nil, noun: "session", rejectsControlCharacters: isExchange)
    }

    /// The session of a record, or `nil` after reporting every problem of its cells.
    mutating func read(_ cells: RecordCells, diagnostics: inout DiagnosticCollector) -> Session? {
        var id = sessionIDs.read(cells, column: idColumn, what: "session_id", diagnostics: &diagnostics)
        if let known = id, let line = firstID[known] {
            diagnostics.error(
                .duplicateSession, "duplicate session_id \(Diagnostic.quoted(known)) (first on \(cells.table.lineWord) \(line))",
                at: cells.location(idColumn))
            id = nil
        } else if let known = id {
            firstID[known] = cells.record.line
        }
        let mentee = mentees.read(cells, column: menteeColumn, what: "mentee_id", diagnostics: &diagnostics)
        let mentor = mentors.read(cells, column: mentorColumn, what: "mentor_id", diagnostics: &diagnostics)
        let number = numberColumn.flatMap {
            NumberCells.integer(
                cells.text($0), what: "number", range: Limits.sessions, at: cells.location($0), diagnostics: &diagnostics)
        }
        let start = SessionsLoader.time(cells, column: startColumn, what: "start", clock: clock, diagnostics: &diagnostics)
        var end = SessionsLoader.time(cells, column: endColumn, what: "end", clock: clock, diagnostics: &diagnostics)
        if let start, let written = end {
            if written.time.minutes == 0, written.date == start.date.adding(days: 1) {
                end = LocalDateTime(date: start.date, time: ClockTime(minutes: 1440))
            }
            let problem = end.map { $0.date != start.date ? "is not on the day of" : $0 <= start ? "is not after" : nil } ?? nil
            if let problem {
                diagnostics.error(
                    .invalidSpan,
                    "end \(Diagnostic.quoted(cells.text(endColumn))) \(problem) start \(Diagnostic.quoted(cells.text(startColumn)))",
                    at: cells.location(endColumn))
                end = nil
            }
        }
        let status = ScheduleCells.choice(
            cells, column: statusColumn, what: "status", names: Self.statusNames, id: .invalidStatus,
            diagnostics: &diagnostics, value: { SessionStatus(rawValue: $0.lowercased()) })
        var sequence: Int? = 0
        if let sequenceColumn, !cells.text(sequenceColumn).isEmpty {
            sequence = NumberCells.integer(
                cells.text(sequenceColumn), what: "sequence", range: Limits.sessionSequence,
                at: cells.location(sequenceColumn), diagnostics: &diagnostics)
        }
        guard let mentee, let mentor, let number else { return nil }
        let key = PairNumber(pair: PairID(menteeID: mentee, mentorID: mentor), number: number)
        if let line = firstNumber[key] {
            diagnostics.error(
                .duplicateSession, "session \(number) of mentee \(Diagnostic.quoted(mentee)) and mentor \(Diagnostic.quoted(mentor)) is listed twice (first on \(cells.table.lineWord) \(line))",
                at: cells.location(numberColumn))
            return nil
        }
        firstNumber[key] = cells.record.line
        guard let id, let start, let end, let status, let sequence else { return nil }
        return Session(
            id: id, menteeID: mentee, mentorID: mentor, number: number, start: start, end: end, status: status,
            sequence: sequence, location: cells.location(idColumn))
    }

    private struct PairNumber: Hashable {
        var pair: PairID
        var number: Int
    }
}

extension SessionsLoader {
    /// A local time with its offset checked against the clock; `nil` after an error.
    static func time(
        _ cells: RecordCells, column: Int?, what: String, clock: any WallClock, diagnostics: inout DiagnosticCollector
    ) -> LocalDateTime? {
        guard let column else { return nil }
        let text = cells.text(column)
        let location = cells.location(column)
        guard let (local, offset) = LocalTimeFormat.dateTime(text) else {
            let shown = text.isEmpty ? "empty \(what)" : "invalid \(what) \(Diagnostic.quoted(text))"
            diagnostics.error(
                .invalidTime, "\(shown) (expected a local time with its UTC offset like 2027-04-06T10:00:00+02:00)", at: location)
            return nil
        }
        let range = Limits.programDate
        guard range.contains(local.date) else {
            diagnostics.error(
                .invalidDate,
                "\(what) \(Diagnostic.quoted(text)) out of range (expected a date from \(range.lowerBound) to \(range.upperBound))",
                at: location)
            return nil
        }
        guard clock.exists(local) else {
            diagnostics.error(
                .wrongUTCOffset,
                "\(what) \(Diagnostic.quoted(text)): \(local.date) \(local.time) does not exist in the program's time zone (the clocks go forward then)",
                at: location)
            return nil
        }
        let expected = clock.utcOffsetSeconds(at: local)
        guard offset == expected else {
            diagnostics.error(
                .wrongUTCOffset,
                "\(what) \(Diagnostic.quoted(text)) has UTC offset \(LocalTimeFormat.offsetText(offset)); the program's time zone is at \(LocalTimeFormat.offsetText(expected)) then (a file from another time zone, or edited by hand?)",
                at: location)
            return nil
        }
        return local
    }
}
