import Kapstok

/// Cell readers shared by the scheduling loaders (availability, absences, sessions, pairs,
/// contacts), with one wording for every file.
struct ScheduleCells {
    /// The people the file may name (the mentees and mentors of the pairs); `nil` skips the check.
    private var people: KnownIDs

    init(people: Set<String>?) {
        self.people = KnownIDs(people, noun: "person", context: "(not in the pairs)")
    }

    /// The person id in a column, or `nil` after an `empty-value` or `unknown-person` error.
    mutating func person(
        _ cells: RecordCells, column: Int?, what: String = "person_id", diagnostics: inout DiagnosticCollector
    ) -> String? {
        people.read(cells, column: column, what: what, diagnostics: &diagnostics)
    }

    /// A non-empty cell, or `nil` after an `empty-value` error.
    static func required(_ cells: RecordCells, column: Int?, what: String, diagnostics: inout DiagnosticCollector) -> String? {
        guard let column else { return nil }
        let text = cells.text(column)
        guard !text.isEmpty else {
            diagnostics.error(.emptyValue, "empty \(what)", at: cells.location(column))
            return nil
        }
        return text
    }

    /// A date `YYYY-MM-DD` within ``Limits/programDate``, or `nil` after an `invalid-date` error.
    static func date(_ cells: RecordCells, column: Int?, what: String, diagnostics: inout DiagnosticCollector) -> CalendarDate? {
        guard let column else { return nil }
        let text = cells.text(column)
        let range = Limits.programDate
        let expected = "expected a date like 2027-04-06 (YYYY-MM-DD)"
        guard let date = LocalTimeFormat.date(text) else {
            let shown = text.isEmpty ? "empty \(what)" : "invalid \(what) \(Diagnostic.quoted(text))"
            diagnostics.error(.invalidDate, "\(shown) (\(expected))", at: cells.location(column))
            return nil
        }
        guard range.contains(date) else {
            diagnostics.error(
                .invalidDate,
                "\(what) \(Diagnostic.quoted(text)) out of range (expected a date from \(range.lowerBound) to \(range.upperBound))",
                at: cells.location(column))
            return nil
        }
        return date
    }

    /// A time `HH:MM` (`24:00` only when `isEnd`), or `nil` after an `invalid-time` error.
    static func time(
        _ cells: RecordCells, column: Int?, what: String, isEnd: Bool, diagnostics: inout DiagnosticCollector
    ) -> ClockTime? {
        guard let column else { return nil }
        let text = cells.text(column)
        if let time = ClockTime(text), isEnd || time.minutes < 1440 { return time }
        let message: String
        if text.isEmpty {
            message = "empty \(what) (expected a time like 09:30 (HH:MM))"
        } else if ClockTime(text) != nil {
            message = "\(what) \(Diagnostic.quoted(text)) is not a start time (24:00 is an end only)"
        } else {
            message = "invalid \(what) \(Diagnostic.quoted(text)) (expected a time like 09:30 (HH:MM), 00:00 to \(isEnd ? "24:00" : "23:59"))"
        }
        diagnostics.error(.invalidTime, message, at: cells.location(column))
        return nil
    }

    /// A name from a fixed list (any case), or `nil` after an error with a "did you mean".
    static func choice<Value>(
        _ cells: RecordCells, column: Int?, what: String, names: [String], expected: String? = nil,
        id: Diagnostic.MessageID, diagnostics: inout DiagnosticCollector, value: (String) -> Value?
    ) -> Value? {
        guard let column else { return nil }
        let text = cells.text(column)
        if let value = value(text) { return value }
        var message = text.isEmpty ? "empty \(what)" : "invalid \(what) \(Diagnostic.quoted(text))"
        if !text.isEmpty, let suggestion = Suggestion.closest(to: text, among: names) {
            message += "; did you mean \(Diagnostic.quoted(suggestion))?"
        } else {
            message += " (expected " + (expected ?? names.map { Diagnostic.quoted($0) }.joined(separator: ", ")) + ")"
        }
        diagnostics.error(id, message, at: cells.location(column))
        return nil
    }

    /// `no-records` for a file with a header and no rows.
    static func reportNoRecords(_ table: CSVTable, what: String, diagnostics: inout DiagnosticCollector) {
        guard table.records.isEmpty else { return }
        let name = table.file.split(separator: "/").last.map(String.init) ?? table.file
        diagnostics.error(.noRecords, "\(name) has a header but no \(what)", at: table.startLocation)
    }
}
