import Kapstok

/// Checks identifiers in a column against the ids a file may name, with a "did you mean".
///
/// `unknown mentee 'E9'; did you mean 'E1'?` when a known id is close (see ``Suggestion``),
/// otherwise `unknown mentee 'E9'` plus the optional context (`(not in the pairs)`). An empty cell
/// is `empty-value` (`empty mentee_id`). Unknown ids get a "did you mean" up to
/// ``suggestionBudget`` times per file: each one compares the id with every known one, which a
/// hostile file of unknown ids would make quadratic.
struct KnownIDs {
    /// `nil` skips the check.
    private let known: Set<String>?
    /// Sorted, for deterministic suggestions.
    private let sorted: [String]
    /// The kind of id in messages: `person`, `mentee`, `goal`, `framework item`.
    let noun: String
    /// Appended to a message without a suggestion, e.g. `(not in the pairs)`; may be empty.
    let context: String
    let messageID: Diagnostic.MessageID
    /// Whether an id with a control character is an `invalid-text` error (the exchange files:
    /// such an id could not be written back as text).
    var rejectsControlCharacters = false
    static let suggestionBudget = 100
    private var suggestionsLeft = suggestionBudget

    init(
        _ known: Set<String>?, noun: String, context: String = "", id: Diagnostic.MessageID = .unknownPerson,
        rejectsControlCharacters: Bool = false
    ) {
        self.rejectsControlCharacters = rejectsControlCharacters
        self.known = known
        sorted = known.map { $0.sorted() } ?? []
        self.noun = noun
        self.context = context
        messageID = id
    }

    /// Whether the check is on (a set of known ids was given).
    var isChecking: Bool { known != nil }

    /// Whether an id is known (always true when the check is off).
    func contains(_ id: String) -> Bool { known?.contains(id) ?? true }

    /// The message for an id that is not known, with a "did you mean" while the budget lasts.
    mutating func unknownMessage(_ id: String) -> String {
        if suggestionsLeft > 0 {
            suggestionsLeft -= 1
            if let suggestion = Suggestion.closest(to: id, among: sorted) {
                return "unknown \(noun) \(Diagnostic.quoted(id)); did you mean \(Diagnostic.quoted(suggestion))?"
            }
        }
        return "unknown \(noun) \(Diagnostic.quoted(id))" + (context.isEmpty ? "" : " " + context)
    }

    /// Reports an unknown id at a location; `false` when it was unknown.
    mutating func check(_ id: String, at location: Diagnostic.Location, diagnostics: inout DiagnosticCollector) -> Bool {
        if rejectsControlCharacters, TextChecks.containsControlCharacter(id) {
            diagnostics.error(.invalidText, "\(noun) id \(Diagnostic.quoted(id)) contains a control character", at: location)
            return false
        }
        guard !contains(id) else { return true }
        diagnostics.error(messageID, unknownMessage(id), at: location)
        return false
    }

    /// The id in a column, or `nil` after an `empty-value` (`empty <what>`) or unknown-id error.
    mutating func read(
        _ cells: RecordCells, column: Int?, what: String, diagnostics: inout DiagnosticCollector
    ) -> String? {
        guard let id = ScheduleCells.required(cells, column: column, what: what, diagnostics: &diagnostics) else { return nil }
        return check(id, at: cells.location(column), diagnostics: &diagnostics) ? id : nil
    }
}
