/// The mentee and mentor ids that pair files (`scores.csv`, `constraints.csv`, `history.csv`)
/// are checked against.
public struct KnownPeople: Sendable {
    /// The mentee ids, or `nil` to skip the check (the mentees file could not be read).
    public var menteeIDs: Set<String>?
    /// The mentor ids, or `nil` to skip the check (the mentors file could not be read).
    public var mentorIDs: Set<String>?

    /// Creates the id sets.
    public init(menteeIDs: Set<String>?, mentorIDs: Set<String>?) {
        self.menteeIDs = menteeIDs
        self.mentorIDs = mentorIDs
    }
}

/// Reads the `mentee_id` and `mentor_id` cells of pair files.
struct PairReader {
    let people: KnownPeople
    let mentee: Int?
    let mentor: Int?
    /// Unknown ids are errors in scores and constraints, warnings in history (people leave).
    let unknownSeverity: Diagnostic.Severity

    init(layout: ColumnLayout, people: KnownPeople, unknownSeverity: Diagnostic.Severity = .error) {
        self.people = people
        self.mentee = layout.index(of: "mentee_id")
        self.mentor = layout.index(of: "mentor_id")
        self.unknownSeverity = unknownSeverity
    }

    /// The pair of a record; `nil` when an id is empty (reported) or its column is missing.
    func read(_ cells: RecordCells, diagnostics: inout DiagnosticCollector) -> (mentee: String, mentor: String)? {
        let menteeID = id(cells, column: mentee, role: .mentee, known: people.menteeIDs, diagnostics: &diagnostics)
        let mentorID = id(cells, column: mentor, role: .mentor, known: people.mentorIDs, diagnostics: &diagnostics)
        guard let menteeID, let mentorID else { return nil }
        return (menteeID, mentorID)
    }

    private func id(
        _ cells: RecordCells, column: Int?, role: PersonRole, known: Set<String>?, diagnostics: inout DiagnosticCollector
    ) -> String? {
        guard let column else { return nil }
        let text = cells.text(column)
        guard !text.isEmpty else {
            diagnostics.error(.emptyValue, "empty \(role)_id", at: cells.location(column))
            return nil
        }
        if let known, !known.contains(text) {
            diagnostics.collect(
                Diagnostic(
                    severity: unknownSeverity, id: .unknownPerson, message: "unknown \(role) \(Diagnostic.quoted(text))",
                    location: cells.location(column)))
        }
        return text
    }
}

/// A mentee–mentor pair as a dictionary key.
struct PairKey: Hashable {
    var mentee: String
    var mentor: String
}
