import Foundation
import Kapstok

/// One output file: its name and its contents, kept typed until it is written, so that a CSV
/// table can be written in any ``CSVDialect`` and a workbook can make a sheet from the same
/// table (or a Summary sheet from a JSON file's value).
public struct ExportedFile: Sendable, Equatable {
    /// The file name, without a folder, e.g. `mentors.csv`.
    public var name: String
    /// What the file holds.
    public var contents: Contents

    /// What a file holds.
    public enum Contents: Sendable, Equatable {
        /// A CSV table: written by ``CSVWriter`` in the dialect asked for.
        case table(OutputTable)
        /// A JSON document: rendered by ``JSONValue/rendered()``; no dialect.
        case json(JSONValue)
        /// Any other text (TOML, Markdown, HTML): written as is, whatever the dialect.
        case text(String)
        /// Bytes written as they are (a workbook, `round.xlsx`).
        case binary(Data)
    }

    /// A text file (no dialect applies).
    public init(name: String, text: String) {
        self.init(name: name, contents: .text(text))
    }

    /// A CSV file of `table`.
    public init(name: String, table: OutputTable) {
        self.init(name: name, contents: .table(table))
    }

    /// A JSON file of `json`.
    public init(name: String, json: JSONValue) {
        self.init(name: name, contents: .json(json))
    }

    public init(name: String, contents: Contents) {
        self.name = name
        self.contents = contents
    }

    /// The table of a CSV file, `nil` for other files.
    public var table: OutputTable? {
        if case .table(let table) = contents { return table }
        return nil
    }

    /// The value of a JSON file, `nil` for other files.
    public var json: JSONValue? {
        if case .json(let value) = contents { return value }
        return nil
    }

    /// The contents as text in `dialect` (only CSV tables depend on it).
    public func text(dialect: CSVDialect) -> String {
        switch contents {
        case .table(let table): CSVWriter.text(table, dialect: dialect)
        case .json(let value): value.rendered()
        case .text(let text): text
        case .binary(let data): String(decoding: data, as: UTF8.self)
        }
    }

    /// The contents as RFC 4180 text.
    public var text: String { text(dialect: .rfc4180) }

    /// The contents as UTF-8 bytes in `dialect`, for ``AtomicFileWriter`` (a dialect with a byte
    /// order mark starts with `EF BB BF`).
    public func data(dialect: CSVDialect) -> Data {
        switch contents {
        case .table(let table):
            var writer = CSVWriter(header: table.header, dialect: dialect)
            for row in table.rows { writer.appendRow(row) }
            return writer.data
        case .binary(let data): return data
        case .json, .text: return Data(text(dialect: dialect).utf8)
        }
    }

    /// The contents as RFC 4180 UTF-8 bytes.
    public var data: Data { data(dialect: .rfc4180) }
}

extension [ExportedFile] {
    /// `(name, data)` pairs for ``OutputFolder/commit(_:owning:command:waitSeconds:hook:derived:)``,
    /// CSV tables written in `dialect`.
    public func named(dialect: CSVDialect = .rfc4180) -> [(name: String, data: Data)] {
        map { ($0.name, $0.data(dialect: dialect)) }
    }
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
            files.append(ExportedFile(name: "framework.csv", table: frameworkTable(round.framework)))
        }
        let hasLevels = round.scores == nil
            || round.mentors.contains { !$0.competencyLevels.isEmpty || !$0.domainExpertise.isEmpty }
            || round.mentees.contains { !$0.currentLevels.isEmpty || !$0.domainInterest.isEmpty || !$0.targetLevels.isEmpty }
        files.append(ExportedFile(name: "mentors.csv", table: mentorsTable(round.mentors, framework: round.framework, includesLevels: hasLevels)))
        files.append(ExportedFile(name: "mentees.csv", table: menteesTable(round.mentees, framework: round.framework, includesLevels: hasLevels)))
        files.append(ExportedFile(name: "constraints.csv", table: constraintsTable(round.rules)))
        files.append(ExportedFile(name: "history.csv", table: historyTable(round.history)))
        if let scores = round.scores {
            files.append(ExportedFile(name: "scores.csv", table: scoresTable(scores)))
        }
        if round.preferences != StatedPreferences() {
            files.append(ExportedFile(name: "preferences.csv", table: preferencesTable(round.preferences)))
        }
        if round.configuration != Configuration() {
            files.append(ExportedFile(name: "kapstok.toml", text: ConfigurationWriter.toml(round.configuration)))
        }
        return files
    }

    /// `framework.csv`: `id,name,kind,group,weight`.
    public static func frameworkCSV(_ framework: Framework) -> String { CSVWriter.text(frameworkTable(framework)) }

    /// The table of ``frameworkCSV(_:)``.
    public static func frameworkTable(_ framework: Framework) -> OutputTable {
        var table = OutputTable(header: ["id", "name", "kind", "group", "weight"])
        for item in framework.items {
            table.append([.text(item.id), .text(item.name), .text(item.kind.rawValue), .text(item.group), .decimal(item.weight)])
        }
        return table
    }

    /// `mentors.csv`: person columns, `capacity`, then a level per framework item.
    public static func mentorsCSV(_ mentors: [Mentor], framework: Framework, includesLevels: Bool = true) -> String {
        CSVWriter.text(mentorsTable(mentors, framework: framework, includesLevels: includesLevels))
    }

    /// The table of ``mentorsCSV(_:framework:includesLevels:)``.
    public static func mentorsTable(_ mentors: [Mentor], framework: Framework, includesLevels: Bool = true) -> OutputTable {
        let levelColumns = includesLevels ? framework.competencies.map(\.id) + framework.domains.map(\.id) : []
        var table = OutputTable(
            header: ["id", "name", "email", "department", "grade", "location", "languages", "capacity", "manager_id"]
                + levelColumns)
        for mentor in mentors {
            var row: [OutputCell] = [
                .text(mentor.id), .text(mentor.name), .text(mentor.email ?? ""), .text(mentor.department ?? ""),
                .optional(mentor.grade, OutputCell.integer), .text(mentor.location ?? ""), .text(mentor.languages.joined(separator: "|")),
                .optional(mentor.capacity, OutputCell.decimal), .text(mentor.managerID ?? ""),
            ]
            if includesLevels {
                row += cells(mentor.competencyLevels, count: framework.competencies.count)
                row += cells(mentor.domainExpertise, count: framework.domains.count)
            }
            table.append(row)
        }
        return table
    }

    /// `mentees.csv`: person columns, then per competency its level and `<id>.target`, then
    /// the interest per domain.
    public static func menteesCSV(_ mentees: [Mentee], framework: Framework, includesLevels: Bool = true) -> String {
        CSVWriter.text(menteesTable(mentees, framework: framework, includesLevels: includesLevels))
    }

    /// The table of ``menteesCSV(_:framework:includesLevels:)``.
    public static func menteesTable(_ mentees: [Mentee], framework: Framework, includesLevels: Bool = true) -> OutputTable {
        var levelColumns: [String] = []
        if includesLevels {
            for item in framework.competencies { levelColumns += [item.id, item.id + ".target"] }
            levelColumns += framework.domains.map(\.id)
        }
        var table = OutputTable(
            header: ["id", "name", "email", "department", "grade", "location", "languages", "manager_id"] + levelColumns)
        for mentee in mentees {
            var row: [OutputCell] = [
                .text(mentee.id), .text(mentee.name), .text(mentee.email ?? ""), .text(mentee.department ?? ""),
                .optional(mentee.grade, OutputCell.integer), .text(mentee.location ?? ""), .text(mentee.languages.joined(separator: "|")),
                .text(mentee.managerID ?? ""),
            ]
            if includesLevels {
                for index in framework.competencies.indices {
                    row.append(index < mentee.currentLevels.count ? .integer(mentee.currentLevels[index]) : .empty)
                    let target = index < mentee.targetLevels.count ? mentee.targetLevels[index] : nil
                    row.append(.optional(target, OutputCell.integer))
                }
                row += cells(mentee.domainInterest, count: framework.domains.count)
            }
            table.append(row)
        }
        return table
    }

    /// `constraints.csv`: `mentee_id,mentor_id,rule,reason`.
    public static func constraintsCSV(_ rules: [PairRule]) -> String { CSVWriter.text(constraintsTable(rules)) }

    /// The table of ``constraintsCSV(_:)``.
    public static func constraintsTable(_ rules: [PairRule]) -> OutputTable {
        OutputTable(
            header: ["mentee_id", "mentor_id", "rule", "reason"],
            rows: rules.map { [.text($0.menteeID), .text($0.mentorID), .text($0.kind.rawValue), .text($0.reason ?? "")] })
    }

    /// `history.csv`: `mentee_id,mentor_id,round`.
    public static func historyCSV(_ history: [HistoryEntry]) -> String { CSVWriter.text(historyTable(history)) }

    /// The table of ``historyCSV(_:)`` (`round` is a label such as `2026-Q3`: text).
    public static func historyTable(_ history: [HistoryEntry]) -> OutputTable {
        OutputTable(
            header: ["mentee_id", "mentor_id", "round"],
            rows: history.map { [.text($0.menteeID), .text($0.mentorID), .text($0.round ?? "")] })
    }

    /// `preferences.csv`: `person_id,choice,rank`, mentees' lists then mentors', each person in
    /// id order (byte order) and their choices ranked 1, 2, … in list order.
    public static func preferencesCSV(_ preferences: StatedPreferences) -> String { CSVWriter.text(preferencesTable(preferences)) }

    /// The table of ``preferencesCSV(_:)``.
    public static func preferencesTable(_ preferences: StatedPreferences) -> OutputTable {
        var table = OutputTable(header: ["person_id", "choice", "rank"])
        for lists in [preferences.mentees, preferences.mentors] {
            for (person, choices) in lists.sorted(by: { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }) {
                for (position, choice) in choices.enumerated() { table.append([.text(person), .text(choice), .integer(position + 1)]) }
            }
        }
        return table
    }

    /// `scores.csv`: `mentee_id,mentor_id,score,load`.
    public static func scoresCSV(_ scores: [ScoreEntry]) -> String { CSVWriter.text(scoresTable(scores)) }

    /// The table of ``scoresCSV(_:)`` (the scores keep every digit: they are inputs).
    public static func scoresTable(_ scores: [ScoreEntry]) -> OutputTable {
        OutputTable(
            header: ["mentee_id", "mentor_id", "score", "load"],
            rows: scores.map { [.text($0.menteeID), .text($0.mentorID), .decimal($0.score), .decimal($0.load)] })
    }

    /// Levels as cells, padded with empty cells to the framework's count.
    private static func cells(_ levels: [Int], count: Int) -> [OutputCell] {
        (0..<count).map { $0 < levels.count ? .integer(levels[$0]) : .empty }
    }
}
