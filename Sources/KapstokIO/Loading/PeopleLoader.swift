import Kapstok

/// Reads `mentors.csv` and `mentees.csv` against a framework.
///
/// Columns: `id` and `name` are required; `email`, `department`, `grade`, `location`,
/// `languages`, `manager_id` (and `capacity` for mentors) are optional. Then, per framework
/// item, a level column named after its id: for mentors the level (competency) or expertise
/// (domain); for mentees the current level (competency), an optional `<id>.target` column with
/// the target level, and the interest (domain). Levels are integers 0–5.
///
/// Cell rules: `id` and `name` non-empty, ids unique per file (case-sensitive); `grade` an
/// integer in ``Limits/grade`` (−1000…1000); `capacity` a number in ``Limits/capacity``
/// (0 < c ≤ 1000; without scores.csv a capacity below 1 holds no mentee, a warning);
/// `languages` split on `|`, `,`, `;` and `/`, trimmed, empty items dropped, duplicates dropped
/// ignoring case (the first spelling stays); `manager_id` not the person's own id. Empty optional
/// cells give `nil` (or `[]`); empty `capacity` and `<id>.target` stay `nil`, so scoring applies
/// the configured defaults. Levels are integers in ``Limits/level`` (0–5; `03` and `+3` read as 3,
/// a decimal such as `3.0` is an error that says so); an empty level cell is an error. A file with
/// a header but no rows is an error (`no-records`): it would give an empty round.
///
/// The same id in mentors.csv and mentees.csv is one person (tiered programs); the round loader
/// checks them across the files.
///
/// Framework columns: without scores mode every framework id needs its column (one
/// `missing-framework-columns` error names all missing ones). In scores mode they are
/// optional: if the file has none of them (and no `.target` column) the level arrays are empty;
/// if it has any, all are needed as without scores mode, and the present ones are validated.
public struct PeopleLoader: Sendable {
    /// The framework whose ids name the level columns.
    public var framework: Framework
    /// Whether `scores.csv` is given, which makes framework columns optional.
    public var usesScores: Bool

    /// Creates a loader.
    public init(framework: Framework, usesScores: Bool = false) {
        self.framework = framework
        self.usesScores = usesScores
    }

    // MARK: Mentors

    /// Reads a mentors file; `nil` when it cannot be read or has no header.
    public func loadMentors(_ source: InputSource, diagnostics: inout DiagnosticCollector) -> [Mentor]? {
        guard let table = CSVReader.read(source, headerNames: ["id", "name"], diagnostics: &diagnostics) else { return nil }
        return loadMentors(table, diagnostics: &diagnostics)
    }

    /// Builds the mentors of a parsed `mentors.csv`.
    public func loadMentors(_ table: CSVTable, diagnostics: inout DiagnosticCollector) -> [Mentor] {
        mentorsFile(table, diagnostics: &diagnostics).people
    }

    /// The mentors with the locations the round loader needs for cross-file checks.
    func mentorsFile(_ table: CSVTable, diagnostics: inout DiagnosticCollector) -> PeopleFile<Mentor> {
        var columns = FrameworkColumns(table: table, framework: framework, role: .mentor, usesScores: usesScores)
        let layout = ColumnLayout(
            table: table, required: ["id", "name"], optional: Self.optionalColumns + ["capacity"] + columns.names,
            diagnostics: &diagnostics)
        columns.reportMissing(in: layout, table: table, diagnostics: &diagnostics)
        columns.bind(to: layout)
        let capacityColumn = layout.index(of: "capacity")
        Self.reportNoRecords(table, role: .mentor, diagnostics: &diagnostics)
        var reader = PersonReader(role: .mentor, layout: layout)
        var file = PeopleFile<Mentor>()
        for record in table.records {
            let cells = RecordCells(table: table, record: record)
            let person = reader.read(cells, diagnostics: &diagnostics)
            var capacity: Double?
            let capacityText = cells.text(capacityColumn)
            if !capacityText.isEmpty {
                capacity = NumberCells.number(
                    capacityText, what: "capacity", range: Limits.capacity, allowsDecimalComma: cells.allowsDecimalComma,
                    at: cells.location(capacityColumn), diagnostics: &diagnostics)
                if let capacity, capacity < 1, !usesScores {
                    diagnostics.warning(
                        .capacityHoldsNoMentee,
                        "capacity \(Diagnostic.quoted(capacityText)) is below 1 and holds no mentee (without scores.csv each mentee takes 1)",
                        at: cells.location(capacityColumn))
                }
            }
            let levels = columns.levels(of: cells, diagnostics: &diagnostics)
            guard let person else { continue }
            file.append(
                Mentor(
                    id: person.id, name: person.name, email: person.email, department: person.department,
                    grade: person.grade, location: person.location, languages: person.languages, capacity: capacity,
                    managerID: person.managerID, competencyLevels: levels.competencies, domainExpertise: levels.domains),
                managerLocation: person.managerLocation)
        }
        return file
    }

    // MARK: Mentees

    /// Reads a mentees file; `nil` when it cannot be read or has no header.
    public func loadMentees(_ source: InputSource, diagnostics: inout DiagnosticCollector) -> [Mentee]? {
        guard let table = CSVReader.read(source, headerNames: ["id", "name"], diagnostics: &diagnostics) else { return nil }
        return loadMentees(table, diagnostics: &diagnostics)
    }

    /// Builds the mentees of a parsed `mentees.csv`.
    public func loadMentees(_ table: CSVTable, diagnostics: inout DiagnosticCollector) -> [Mentee] {
        menteesFile(table, diagnostics: &diagnostics).people
    }

    /// The mentees with the locations the round loader needs for cross-file checks.
    func menteesFile(_ table: CSVTable, diagnostics: inout DiagnosticCollector) -> PeopleFile<Mentee> {
        var columns = FrameworkColumns(table: table, framework: framework, role: .mentee, usesScores: usesScores)
        let layout = ColumnLayout(
            table: table, required: ["id", "name"], optional: Self.optionalColumns + columns.names,
            diagnostics: &diagnostics)
        columns.reportMissing(in: layout, table: table, diagnostics: &diagnostics)
        columns.bind(to: layout)
        Self.reportNoRecords(table, role: .mentee, diagnostics: &diagnostics)
        var reader = PersonReader(role: .mentee, layout: layout)
        var file = PeopleFile<Mentee>()
        for record in table.records {
            let cells = RecordCells(table: table, record: record)
            let person = reader.read(cells, diagnostics: &diagnostics)
            let levels = columns.levels(of: cells, diagnostics: &diagnostics)
            guard let person else { continue }
            file.append(
                Mentee(
                    id: person.id, name: person.name, email: person.email, department: person.department,
                    grade: person.grade, location: person.location, languages: person.languages,
                    managerID: person.managerID, currentLevels: levels.competencies, targetLevels: levels.targets,
                    domainInterest: levels.domains),
                managerLocation: person.managerLocation)
        }
        return file
    }

    /// A file with a header but no data rows would give an empty round (and replace the last
    /// round's outputs with nothing), so it is an error.
    private static func reportNoRecords(_ table: CSVTable, role: PersonRole, diagnostics: inout DiagnosticCollector) {
        ScheduleCells.reportNoRecords(table, what: "\(role)s", diagnostics: &diagnostics)
    }

    /// Optional columns both files share.
    static let optionalColumns = ["email", "department", "grade", "location", "languages", "manager_id"]
}

/// Whether a file holds mentors or mentees; names the people in messages.
enum PersonRole: String {
    case mentor
    case mentee
}

/// The people of one file in file order, with where each one's `manager_id` cell is.
struct PeopleFile<Person> {
    var people: [Person] = []
    /// Aligned with `people`; `nil` where the manager cell is empty.
    var managerLocations: [Diagnostic.Location?] = []

    mutating func append(_ person: Person, managerLocation: Diagnostic.Location?) {
        people.append(person)
        managerLocations.append(managerLocation)
    }
}

/// The fields every person has, read from one record.
private struct PersonFields {
    var id: String
    var name: String
    var email: String?
    var department: String?
    var grade: Int?
    var location: String?
    var languages: [String]
    var managerID: String?
    var managerLocation: Diagnostic.Location?
}

/// Reads the shared person columns and tracks ids for duplicates.
private struct PersonReader {
    let role: PersonRole
    let id: Int?, name: Int?, email: Int?, department: Int?, grade: Int?, location: Int?, languages: Int?
    let manager: Int?
    /// The line of each id's first record.
    var firstLine: [String: Int] = [:]

    init(role: PersonRole, layout: ColumnLayout) {
        self.role = role
        id = layout.index(of: "id")
        name = layout.index(of: "name")
        email = layout.index(of: "email")
        department = layout.index(of: "department")
        grade = layout.index(of: "grade")
        location = layout.index(of: "location")
        languages = layout.index(of: "languages")
        manager = layout.index(of: "manager_id")
    }

    /// Reads one record; `nil` when the id is missing or duplicate (the record's other cells are
    /// still checked).
    mutating func read(_ cells: RecordCells, diagnostics: inout DiagnosticCollector) -> PersonFields? {
        let idText = cells.text(id)
        var isUsable = true
        if idText.isEmpty {
            if id != nil { diagnostics.error(.emptyValue, "empty \(role) id", at: cells.location(id)) }
            isUsable = false
        } else if let line = firstLine[idText] {
            diagnostics.error(
                .duplicateID, "duplicate \(role) id \(Diagnostic.quoted(idText)) (first on \(cells.table.lineWord) \(line))", at: cells.location(id))
            isUsable = false
        } else {
            firstLine[idText] = cells.record.line
        }
        let nameText = cells.text(name)
        if nameText.isEmpty, name != nil {
            let whose = idText.isEmpty ? "" : " \(Diagnostic.quoted(idText))"
            diagnostics.error(.emptyValue, "empty name for \(role)\(whose)", at: cells.location(name))
        }
        var gradeValue: Int?
        let gradeText = cells.text(grade)
        if !gradeText.isEmpty {
            gradeValue = NumberCells.integer(
                gradeText, what: "grade", range: Limits.grade, at: cells.location(grade), diagnostics: &diagnostics)
        }
        let managerID = cells.optionalText(manager)
        if let managerID, managerID == idText {
            diagnostics.error(.selfManager, "\(role) \(Diagnostic.quoted(idText)) is their own manager", at: cells.location(manager))
        }
        guard isUsable else { return nil }
        return PersonFields(
            id: idText, name: nameText, email: cells.optionalText(email), department: cells.optionalText(department),
            grade: gradeValue, location: cells.optionalText(location),
            languages: Self.languages(cells.text(languages)), managerID: managerID,
            managerLocation: managerID == nil ? nil : cells.location(manager))
    }

    /// Splits `nl | EN;fr, nl/de` on `|`, `,`, `;` and `/` into trimmed, non-empty items in
    /// order, dropping case-insensitive duplicates (the first spelling stays, for display).
    static func languages(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var result: [String] = []
        var seen = Set<String>()
        let separators: Set<Character> = ["|", ",", ";", "/"]
        for part in text.split(whereSeparator: { separators.contains($0) }) {
            let item = String(part).trimmingBlanks
            if !item.isEmpty && seen.insert(item.lowercased()).inserted { result.append(item) }
        }
        return result
    }
}

/// The framework level columns of one people file and how to read them.
private struct FrameworkColumns {
    let framework: Framework
    let role: PersonRole
    /// Whether the file carries levels at all (false only in scores mode without any column).
    let isEnabled: Bool

    /// Column index per competency, target and domain, aligned with the framework; set by
    /// ``bind(to:)`` so that reading a record does no name lookups.
    private var competencyColumns: [Int?] = []
    private var targetColumns: [Int?] = []
    private var domainColumns: [Int?] = []

    init(table: CSVTable, framework: Framework, role: PersonRole, usesScores: Bool) {
        self.framework = framework
        self.role = role
        let header = Set(table.header.map(\.text))
        let names = Self.names(framework: framework, role: role)
        isEnabled = !usesScores || names.contains { header.contains($0) }
    }

    /// Resolves the level columns against the file's header.
    mutating func bind(to layout: ColumnLayout) {
        competencyColumns = framework.competencies.map { layout.index(of: $0.id) }
        targetColumns = framework.competencies.map { layout.index(of: $0.id + ".target") }
        domainColumns = framework.domains.map { layout.index(of: $0.id) }
    }

    /// Every column name the framework gives this file: ids, and `<id>.target` for mentees.
    var names: [String] { Self.names(framework: framework, role: role) }

    private static func names(framework: Framework, role: PersonRole) -> [String] {
        var names: [String] = []
        for item in framework.competencies {
            names.append(item.id)
            if role == .mentee { names.append(item.id + ".target") }
        }
        names.append(contentsOf: framework.domains.map(\.id))
        return names
    }

    /// Reports, in one error, the level columns the file lacks.
    func reportMissing(in layout: ColumnLayout, table: CSVTable, diagnostics: inout DiagnosticCollector) {
        guard isEnabled else { return }
        let missing = framework.items.map(\.id).filter { !layout.contains($0) && !layout.suggested.contains($0) }
        guard !missing.isEmpty else { return }
        let names = missing.map { Diagnostic.quoted($0) }.joined(separator: ", ")
        let noun = missing.count == 1 ? "column" : "columns"
        diagnostics.error(.missingFrameworkColumns, "missing framework \(noun) \(names)", at: table.startLocation)
    }

    /// The levels of one record; empty arrays when disabled, 0 where a cell is bad or missing.
    ///
    /// - Precondition: ``bind(to:)`` was called.
    func levels(of cells: RecordCells, diagnostics: inout DiagnosticCollector) -> (competencies: [Int], targets: [Int?], domains: [Int]) {
        guard isEnabled else { return ([], [], []) }
        let competencies = framework.competencies
        var levels: [Int] = [], targets: [Int?] = [], domains: [Int] = []
        levels.reserveCapacity(competencies.count)
        for index in competencies.indices {
            let id = competencies[index].id
            levels.append(level(cells, column: competencyColumns[index], what: "level", itemID: id, diagnostics: &diagnostics) ?? 0)
            if role == .mentee {
                let column = targetColumns[index]
                if cells.text(column).isEmpty {
                    targets.append(nil)
                } else {
                    targets.append(level(cells, column: column, what: "target level", itemID: id, diagnostics: &diagnostics))
                }
            }
        }
        let domainWord = role == .mentor ? "expertise" : "interest"
        domains.reserveCapacity(framework.domains.count)
        for (index, item) in framework.domains.enumerated() {
            domains.append(level(cells, column: domainColumns[index], what: domainWord, itemID: item.id, diagnostics: &diagnostics) ?? 0)
        }
        return (levels, targets, domains)
    }

    /// Reads one level cell 0–5; `nil` (after an error) when empty, not an integer or out of range.
    private func level(
        _ cells: RecordCells, column: Int?, what: String, itemID: String, diagnostics: inout DiagnosticCollector
    ) -> Int? {
        guard let column else { return nil }  // missing column: reported once for the file
        let text = cells.text(column)
        if let value = Self.smallInteger(text) { return value }
        let range = Limits.describe(Limits.level)
        guard !text.isEmpty else {
            diagnostics.error(.emptyLevel, "empty \(what) for \(Diagnostic.quoted(itemID)) (expected an integer \(range))", at: cells.location(column))
            return nil
        }
        switch NumberParsing.readInteger(text) {
        case .integer(let value) where Limits.level.contains(value):
            return value  // `03`, `+3`
        case .integer, .tooLarge:
            diagnostics.error(.levelOutOfRange, "\(what) \(Diagnostic.quoted(text)) out of range \(range) for \(Diagnostic.quoted(itemID))", at: cells.location(column))
        case .decimal:
            diagnostics.error(
                .invalidLevel, "invalid \(what) \(Diagnostic.quoted(text)) for \(Diagnostic.quoted(itemID)): a decimal (expected an integer \(range))",
                at: cells.location(column))
        case .invalid:
            diagnostics.error(
                .invalidLevel, "invalid \(what) \(Diagnostic.quoted(text)) for \(Diagnostic.quoted(itemID)) (expected an integer \(range))",
                at: cells.location(column))
        }
        return nil
    }

    /// The fast path: a single digit 0–5.
    @inline(__always)
    private static func smallInteger(_ text: String) -> Int? {
        var utf8 = text.utf8.makeIterator()
        guard let byte = utf8.next(), utf8.next() == nil, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "5") else { return nil }
        return Int(byte - UInt8(ascii: "0"))
    }
}
