import Foundation
import Kapstok

/// One output file: its name and its text.
public struct ExportedFile: Sendable, Equatable {
    /// The file name, without a folder, e.g. `mentors.csv`.
    public var name: String
    /// The file contents.
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// The contents as UTF-8 bytes, for ``AtomicFileWriter``.
    public var data: Data { Data(text.utf8) }
}

/// Renders a ``Round`` as the CSV files the loaders read, e.g. for `kapstok generate`.
///
/// Files, in order: `framework.csv` (only when the framework is not the built-in one),
/// `mentors.csv`, `mentees.csv`, `constraints.csv`, `history.csv` (both with just a header when
/// empty), `scores.csv` (when the round has scores), `preferences.csv` (when the round has stated
/// preferences) and `kapstok.toml` (only when the
/// configuration differs from the defaults, see ``ConfigurationWriter``). Output is deterministic: columns in a
/// fixed order (required, then every optional column, then framework columns in framework
/// order, mentees' `<id>.target` right after its level), rows in the round's order, numbers via
/// ``NumberFormatting``, cells through ``CSVWriter`` (so formula-like text gets a leading `'`).
///
/// Level columns are left out only in scores mode when no person has levels, matching what the
/// loader then produces. Loading the exported files gives back an equal round, provided text
/// values have no surrounding blanks, no `|` in languages, do not start like a formula, and
/// mentees' `targetLevels` have one entry per competency (as the loader makes them).
public enum RoundExporter {
    /// The files a generated round owns in an output folder (see ``OutputFolder``).
    public static let ownership = OutputFolder.Ownership(names: [
        "framework.csv", "mentors.csv", "mentees.csv", "constraints.csv", "history.csv", "scores.csv", "preferences.csv", "kapstok.toml",
    ])

    /// The CSV files of a round, in the order listed above.
    public static func files(for round: Round) -> [ExportedFile] {
        var files: [ExportedFile] = []
        if round.framework != .builtIn {
            files.append(ExportedFile(name: "framework.csv", text: frameworkCSV(round.framework)))
        }
        let hasLevels = round.scores == nil
            || round.mentors.contains { !$0.competencyLevels.isEmpty || !$0.domainExpertise.isEmpty }
            || round.mentees.contains { !$0.currentLevels.isEmpty || !$0.domainInterest.isEmpty || !$0.targetLevels.isEmpty }
        files.append(ExportedFile(name: "mentors.csv", text: mentorsCSV(round.mentors, framework: round.framework, includesLevels: hasLevels)))
        files.append(ExportedFile(name: "mentees.csv", text: menteesCSV(round.mentees, framework: round.framework, includesLevels: hasLevels)))
        files.append(ExportedFile(name: "constraints.csv", text: constraintsCSV(round.rules)))
        files.append(ExportedFile(name: "history.csv", text: historyCSV(round.history)))
        if let scores = round.scores {
            files.append(ExportedFile(name: "scores.csv", text: scoresCSV(scores)))
        }
        if round.preferences != StatedPreferences() {
            files.append(ExportedFile(name: "preferences.csv", text: preferencesCSV(round.preferences)))
        }
        if round.configuration != Configuration() {
            files.append(ExportedFile(name: "kapstok.toml", text: ConfigurationWriter.toml(round.configuration)))
        }
        return files
    }

    /// `framework.csv`: `id,name,kind,group,weight`.
    public static func frameworkCSV(_ framework: Framework) -> String {
        var writer = CSVWriter(header: ["id", "name", "kind", "group", "weight"])
        for item in framework.items {
            writer.appendRow([item.id, item.name, item.kind.rawValue, item.group, NumberFormatting.decimal(item.weight)])
        }
        return writer.text
    }

    /// `mentors.csv`: person columns, `capacity`, then a level per framework item.
    public static func mentorsCSV(_ mentors: [Mentor], framework: Framework, includesLevels: Bool = true) -> String {
        let levelColumns = includesLevels ? framework.competencies.map(\.id) + framework.domains.map(\.id) : []
        var writer = CSVWriter(
            header: ["id", "name", "email", "department", "grade", "location", "languages", "capacity", "manager_id"]
                + levelColumns)
        for mentor in mentors {
            var row = [
                mentor.id, mentor.name, mentor.email ?? "", mentor.department ?? "", mentor.grade.map(String.init) ?? "",
                mentor.location ?? "", mentor.languages.joined(separator: "|"),
                mentor.capacity.map(NumberFormatting.decimal) ?? "", mentor.managerID ?? "",
            ]
            if includesLevels {
                row += cells(mentor.competencyLevels, count: framework.competencies.count)
                row += cells(mentor.domainExpertise, count: framework.domains.count)
            }
            writer.appendRow(row)
        }
        return writer.text
    }

    /// `mentees.csv`: person columns, then per competency its level and `<id>.target`, then
    /// the interest per domain.
    public static func menteesCSV(_ mentees: [Mentee], framework: Framework, includesLevels: Bool = true) -> String {
        var levelColumns: [String] = []
        if includesLevels {
            for item in framework.competencies { levelColumns += [item.id, item.id + ".target"] }
            levelColumns += framework.domains.map(\.id)
        }
        var writer = CSVWriter(
            header: ["id", "name", "email", "department", "grade", "location", "languages", "manager_id"] + levelColumns)
        for mentee in mentees {
            var row = [
                mentee.id, mentee.name, mentee.email ?? "", mentee.department ?? "", mentee.grade.map(String.init) ?? "",
                mentee.location ?? "", mentee.languages.joined(separator: "|"), mentee.managerID ?? "",
            ]
            if includesLevels {
                for index in framework.competencies.indices {
                    row.append(index < mentee.currentLevels.count ? String(mentee.currentLevels[index]) : "")
                    let target = index < mentee.targetLevels.count ? mentee.targetLevels[index] : nil
                    row.append(target.map(String.init) ?? "")
                }
                row += cells(mentee.domainInterest, count: framework.domains.count)
            }
            writer.appendRow(row)
        }
        return writer.text
    }

    /// `constraints.csv`: `mentee_id,mentor_id,rule,reason`.
    public static func constraintsCSV(_ rules: [PairRule]) -> String {
        var writer = CSVWriter(header: ["mentee_id", "mentor_id", "rule", "reason"])
        for rule in rules { writer.appendRow([rule.menteeID, rule.mentorID, rule.kind.rawValue, rule.reason ?? ""]) }
        return writer.text
    }

    /// `history.csv`: `mentee_id,mentor_id,round`.
    public static func historyCSV(_ history: [HistoryEntry]) -> String {
        var writer = CSVWriter(header: ["mentee_id", "mentor_id", "round"])
        for entry in history { writer.appendRow([entry.menteeID, entry.mentorID, entry.round ?? ""]) }
        return writer.text
    }

    /// `preferences.csv`: `person_id,choice,rank`, mentees' lists then mentors', each person in
    /// id order (byte order) and their choices ranked 1, 2, … in list order.
    public static func preferencesCSV(_ preferences: StatedPreferences) -> String {
        var writer = CSVWriter(header: ["person_id", "choice", "rank"])
        for lists in [preferences.mentees, preferences.mentors] {
            for (person, choices) in lists.sorted(by: { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }) {
                for (position, choice) in choices.enumerated() { writer.appendRow([person, choice, String(position + 1)]) }
            }
        }
        return writer.text
    }

    /// `scores.csv`: `mentee_id,mentor_id,score,load`.
    public static func scoresCSV(_ scores: [ScoreEntry]) -> String {
        var writer = CSVWriter(header: ["mentee_id", "mentor_id", "score", "load"])
        for entry in scores {
            writer.appendRow([
                entry.menteeID, entry.mentorID, NumberFormatting.decimal(entry.score), NumberFormatting.decimal(entry.load),
            ])
        }
        return writer.text
    }

    /// Levels as cells, padded with empty cells to the framework's count.
    private static func cells(_ levels: [Int], count: Int) -> [String] {
        (0..<count).map { $0 < levels.count ? String(levels[$0]) : "" }
    }
}
