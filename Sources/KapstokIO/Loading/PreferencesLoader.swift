import Kapstok

/// Reads `preferences.csv` (`person_id,choice,rank`): stated preference lists, 1 = first choice.
///
/// A mentee's row names a mentor (mentees pick their favourite mentors); a mentor's row names a
/// mentee. Someone in both people files (tiered programs) chooses as a mentee when the choice is
/// a mentor and as a mentor when it is a mentee only. Columns in any order; a header alone is an
/// empty set of preferences.
///
/// Rules, each a located error, all reported in one run (a bad row is skipped, the rest kept):
/// `person_id` and `choice` known in mentors.csv or mentees.csv (`unknown-person`, with a "did you
/// mean" like the other files); a choice on the chooser's own side (`same-side-choice`); a person
/// choosing themselves (`self-pair`); `rank` an integer in ``Limits/preferenceRank`` (1…1000,
/// `invalid-number` or `number-out-of-range`); the same person and choice twice
/// (`duplicate-choice`) and the same person and rank twice (`duplicate-rank`), each naming the
/// first line. Ranks need not be consecutive: a list is its choices sorted by rank.
public enum PreferencesLoader {
    /// The column names of `preferences.csv`.
    static let columns = ["person_id", "choice", "rank"]

    /// Reads a preferences file; `nil` when it cannot be read or has no header.
    public static func load(_ source: InputSource, people: KnownPeople, diagnostics: inout DiagnosticCollector) -> StatedPreferences? {
        guard let table = CSVReader.read(source, headerNames: Set(columns), diagnostics: &diagnostics) else { return nil }
        return load(table, people: people, diagnostics: &diagnostics)
    }

    /// Builds the stated lists of a parsed `preferences.csv`, each sorted by rank.
    ///
    /// Without both id sets (a people file could not be read) the ranks are still checked, but
    /// nobody's side is known: the result is empty.
    public static func load(_ table: CSVTable, people: KnownPeople, diagnostics: inout DiagnosticCollector) -> StatedPreferences {
        let layout = ColumnLayout(table: table, required: columns, optional: [], diagnostics: &diagnostics)
        let personColumn = layout.index(of: "person_id"), choiceColumn = layout.index(of: "choice")
        let rankColumn = layout.index(of: "rank")
        let mentees = people.menteeIDs, mentors = people.mentorIDs
        let everyone = mentees.flatMap { mentees in mentors.map { mentees.union($0) } }
        var personIDs = KnownIDs(everyone, noun: "person")
        var choiceIDs = KnownIDs(everyone, noun: "person")

        /// Who chooses (a side and an id), keyed for the duplicate checks.
        struct Chooser: Hashable {
            var isMentee: Bool
            var id: String
        }
        var lists: [Chooser: [(rank: Int, choice: String)]] = [:]
        var choiceLine: [Chooser: [String: Int]] = [:]
        var rankLine: [Chooser: [Int: (line: Int, choice: String)]] = [:]
        for record in table.records {
            let cells = RecordCells(table: table, record: record)
            let person = personIDs.read(cells, column: personColumn, what: "person_id", diagnostics: &diagnostics)
            let choice = choiceIDs.read(cells, column: choiceColumn, what: "choice", diagnostics: &diagnostics)
            let rank = ScheduleCells.required(cells, column: rankColumn, what: "rank", diagnostics: &diagnostics).flatMap {
                NumberCells.integer($0, what: "rank", range: Limits.preferenceRank, at: cells.location(rankColumn), diagnostics: &diagnostics)
            }
            guard let person, let choice, let rank, let mentees, let mentors else { continue }
            let choiceLocation = cells.location(choiceColumn)
            if person == choice {
                diagnostics.error(.selfPair, "\(Diagnostic.quoted(person)) chooses themselves", at: choiceLocation)
                continue
            }
            let isMentee: Bool
            if mentees.contains(person) && mentors.contains(choice) {
                isMentee = true
            } else if mentors.contains(person) && mentees.contains(choice) {
                isMentee = false
            } else {
                let side = mentees.contains(person) ? "mentee" : "mentor"
                let other = side == "mentee" ? "mentor" : "mentee"
                diagnostics.error(
                    .sameSideChoice,
                    "\(side) \(Diagnostic.quoted(person)) chooses \(Diagnostic.quoted(choice)), also a \(side); a \(side)'s choices are \(other)s",
                    at: choiceLocation)
                continue
            }
            let chooser = Chooser(isMentee: isMentee, id: person)
            if let line = choiceLine[chooser]?[choice] {
                diagnostics.error(
                    .duplicateChoice,
                    "duplicate choice \(Diagnostic.quoted(choice)) of \(Diagnostic.quoted(person)) (first on \(table.lineWord) \(line))",
                    at: choiceLocation)
                continue
            }
            if let first = rankLine[chooser]?[rank] {
                diagnostics.error(
                    .duplicateRank,
                    "duplicate rank \(rank) of \(Diagnostic.quoted(person)) (first on \(table.lineWord) \(first.line), for \(Diagnostic.quoted(first.choice)))",
                    at: cells.location(rankColumn))
                continue
            }
            choiceLine[chooser, default: [:]][choice] = record.line
            rankLine[chooser, default: [:]][rank] = (record.line, choice)
            lists[chooser, default: []].append((rank, choice))
        }
        var result = StatedPreferences()
        for (chooser, entries) in lists {
            let ordered = entries.sorted { $0.rank < $1.rank }.map(\.choice)
            if chooser.isMentee { result.mentees[chooser.id] = ordered } else { result.mentors[chooser.id] = ordered }
        }
        return result
    }
}
