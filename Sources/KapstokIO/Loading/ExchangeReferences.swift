import Foundation
import Kapstok

/// What the exchange files (goals, check-ins, sessions) are checked against: the ids a workspace
/// knows. Each set is optional; `nil` skips that check (the loaders then read any id).
public struct ExchangeReferences: Sendable {
    public var menteeIDs: Set<String>?
    public var mentorIDs: Set<String>?
    /// Framework item ids (`leader.vision`, `domain.finance`).
    public var itemIDs: Set<String>?
    /// Goal ids with the pair each belongs to: `goals_discussed` must name goals of the
    /// session's pair; a goals file's non-empty `goal_id` must be one of them.
    public var goals: [String: PairID]?
    /// Session ids: every row of a sessions file must name one.
    public var sessionIDs: Set<String>?

    public init(
        menteeIDs: Set<String>? = nil, mentorIDs: Set<String>? = nil, itemIDs: Set<String>? = nil,
        goals: [String: PairID]? = nil, sessionIDs: Set<String>? = nil
    ) {
        self.menteeIDs = menteeIDs
        self.mentorIDs = mentorIDs
        self.itemIDs = itemIDs
        self.goals = goals
        self.sessionIDs = sessionIDs
    }

    /// Item ids of a framework.
    public init(
        menteeIDs: Set<String>?, mentorIDs: Set<String>?, framework: Framework, goals: [String: PairID]? = nil,
        sessionIDs: Set<String>? = nil
    ) {
        self.init(
            menteeIDs: menteeIDs, mentorIDs: mentorIDs, itemIDs: Set(framework.items.map(\.id)), goals: goals,
            sessionIDs: sessionIDs)
    }
}

/// Cell readers of the exchange loaders: ids, levels, ratings and free text, one wording for
/// every file.
struct TrackingCells {
    var mentees: KnownIDs
    var mentors: KnownIDs
    var items: KnownIDs
    var goals: KnownIDs
    var sessions: KnownIDs
    let goalPairs: [String: PairID]?

    init(_ references: ExchangeReferences) {
        mentees = KnownIDs(references.menteeIDs, noun: "mentee", rejectsControlCharacters: true)
        mentors = KnownIDs(references.mentorIDs, noun: "mentor", rejectsControlCharacters: true)
        items = KnownIDs(references.itemIDs, noun: "framework item", id: .unknownItem, rejectsControlCharacters: true)
        goals = KnownIDs(
            references.goals.map { Set($0.keys) }, noun: "goal", id: .unknownGoal, rejectsControlCharacters: true)
        sessions = KnownIDs(references.sessionIDs, noun: "session", id: .unknownSession, rejectsControlCharacters: true)
        goalPairs = references.goals
    }

    /// A level 0–5 (``Limits/level``), or `nil` after an error.
    static func level(_ cells: RecordCells, column: Int?, what: String, diagnostics: inout DiagnosticCollector) -> Int? {
        guard let column else { return nil }
        return NumberCells.integer(
            cells.text(column), what: what, range: Limits.level, at: cells.location(column), diagnostics: &diagnostics)
    }

    /// A rating 1–5 (``Limits/rating``): `.some(nil)` when empty or absent, `nil` after an error.
    static func rating(_ cells: RecordCells, column: Int?, what: String, diagnostics: inout DiagnosticCollector) -> Int?? {
        guard let column, !cells.text(column).isEmpty else { return .some(nil) }
        guard let rating = NumberCells.integer(
            cells.text(column), what: what, range: Limits.rating, at: cells.location(column), diagnostics: &diagnostics)
        else { return nil }
        return .some(rating)
    }

    /// Free text (notes, evidence, reason): `""` when empty or absent, `nil` after an error.
    ///
    /// The cell as written by ``TrackingExport`` (a formula-neutralising `'` undone, see
    /// ``CSVWriter/restored(_:)``), CRLF and CR line breaks turned into LF, surrounding blanks
    /// trimmed; at most ``Limits/noteLength`` characters; tabs and line breaks are the only
    /// control characters allowed.
    static func note(_ cells: RecordCells, column: Int?, what: String, diagnostics: inout DiagnosticCollector) -> String? {
        guard let column else { return "" }
        var text = cells.record.field(at: column).text
        if text.utf8.contains(ASCII.carriageReturn) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        text = CSVWriter.restored(text.trimmingBlanks)
        let limit = Limits.noteLength
        if text.utf8.count > limit, text.count > limit {
            diagnostics.error(
                .textTooLong, "\(what) has \(text.count) characters (at most \(limit))", at: cells.location(column))
            return nil
        }
        let badControl = text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
        }
        if badControl {
            diagnostics.error(
                .invalidText, "\(what) contains a control character (only tabs and line breaks are allowed)",
                at: cells.location(column))
            return nil
        }
        return text
    }

    /// A title of ``Limits/titleLength`` characters without control characters, or `nil`
    /// after an error (cells read with ``RecordCells/restoresNeutralized``).
    static func title(_ cells: RecordCells, column: Int?, diagnostics: inout DiagnosticCollector) -> String? {
        guard let column else { return nil }
        let text = cells.text(column)
        let range = Limits.titleLength
        if text.isEmpty {
            diagnostics.error(.invalidText, "empty title (expected \(range.lowerBound)–\(range.upperBound) characters)", at: cells.location(column))
            return nil
        }
        if text.utf8.count > range.upperBound, text.count > range.upperBound {
            diagnostics.error(
                .textTooLong, "title has \(text.count) characters (at most \(range.upperBound))", at: cells.location(column))
            return nil
        }
        if TextChecks.containsControlCharacter(text) {
            diagnostics.error(.invalidText, "title contains a control character", at: cells.location(column))
            return nil
        }
        return text
    }
}
