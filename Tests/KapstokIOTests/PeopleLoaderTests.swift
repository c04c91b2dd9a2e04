import Kapstok
import Testing

@testable import KapstokIO

@Suite struct PeopleLoaderTests {
    private let loader = PeopleLoader(framework: .builtIn)

    private func mentors(_ text: String, loader: PeopleLoader? = nil) -> (mentors: [Mentor], diagnostics: [String]) {
        var diagnostics = DiagnosticCollector()
        let mentors = (loader ?? self.loader).loadMentors(.text(text, path: "mentors.csv"), diagnostics: &diagnostics) ?? []
        return (mentors, diagnostics.diagnostics.map(\.description))
    }

    private func mentees(_ text: String, loader: PeopleLoader? = nil) -> (mentees: [Mentee], diagnostics: [String]) {
        var diagnostics = DiagnosticCollector()
        let mentees = (loader ?? self.loader).loadMentees(.text(text, path: "mentees.csv"), diagnostics: &diagnostics) ?? []
        return (mentees, diagnostics.diagnostics.map(\.description))
    }

    // MARK: Mentors

    @Test func readsMentorsWithOptionalColumns() throws {
        let text = Fixture.mentors(
            columns: "id,name,email,department,grade,location,languages,capacity,manager_id",
            rows: [
                "M1,Ann Peeters,ann@example.com,Finance,12,Gent, nl | en ||fr,3,M9",
                "M2,Bob,,,,,,,",
            ])
        let (loaded, diagnostics) = mentors(text)
        #expect(diagnostics.isEmpty)
        #expect(loaded.count == 2)
        let ann = loaded[0]
        #expect(ann.id == "M1" && ann.name == "Ann Peeters" && ann.email == "ann@example.com")
        #expect(ann.department == "Finance" && ann.grade == 12 && ann.location == "Gent")
        #expect(ann.languages == ["nl", "en", "fr"])
        #expect(ann.capacity == 3 && ann.managerID == "M9")
        #expect(ann.competencyLevels == Array(repeating: 4, count: 9))
        #expect(ann.domainExpertise == Array(repeating: 4, count: 5))
        #expect(loaded[1] == Mentor(
            id: "M2", name: "Bob", competencyLevels: Array(repeating: 4, count: 9),
            domainExpertise: Array(repeating: 4, count: 5)))
    }

    @Test func levelsFollowFrameworkOrderWhateverTheColumnOrder() throws {
        let ids = Array(Fixture.frameworkIDs.reversed())
        let header = "name," + ids.joined(separator: ",") + ",id"
        let row = "Ann," + ids.indices.map { String($0 % 6) }.joined(separator: ",") + ",M1"
        let (loaded, diagnostics) = mentors(header + "\n" + row + "\n")
        #expect(diagnostics.isEmpty)
        // Column k (0-based, reversed order) holds k % 6; item i sits in column 13 - i.
        #expect(loaded.first?.competencyLevels == (0..<9).map { (13 - $0) % 6 })
        #expect(loaded.first?.domainExpertise == (9..<14).map { (13 - $0) % 6 })
    }

    @Test func decimalCommaCapacityInSemicolonFiles() {
        let text = "id;name;capacity;" + Fixture.frameworkIDs.joined(separator: ";") + "\nM1;Ann;1,5;"
            + Array(repeating: "3", count: 14).joined(separator: ";") + "\n"
        #expect(mentors(text).mentors.first?.capacity == 1.5)
    }

    @Test func duplicateIDNamesTheFirstLine() {
        let (loaded, diagnostics) = mentors(Fixture.mentors(rows: ["M1,Ann,2", "M2,Bob,2", "M1,Cleo,2"]))
        #expect(diagnostics == ["mentors.csv:4:1: error: duplicate mentor id 'M1' (first on line 2)"])
        #expect(loaded.map(\.name) == ["Ann", "Bob"])
    }

    @Test func levelProblemsNameTheItem() {
        let header = "id,name," + Fixture.frameworkIDs.joined(separator: ",")
        var cells = Array(repeating: "3", count: 14)
        cells[0] = "7"
        cells[1] = ""
        cells[2] = "high"
        cells[9] = "-1"
        let (_, diagnostics) = mentors(header + "\nM1,Ann," + cells.joined(separator: ",") + "\n")
        #expect(diagnostics == [
            "mentors.csv:2:8: error: level '7' out of range 0–5 for 'leader.vision'",
            "mentors.csv:2:10: error: empty level for 'leader.strategy' (expected an integer 0–5)",
            "mentors.csv:2:11: error: invalid level 'high' for 'leader.integrity' (expected an integer 0–5)",
            "mentors.csv:2:28: error: expertise '-1' out of range 0–5 for 'domain.customer'",
        ])
    }

    @Test func cellProblemsOfMentors() {
        let (_, diagnostics) = mentors(Fixture.mentors(
            columns: "id,name,grade,capacity,manager_id",
            rows: [",Nobody,1,1,", "M2,,x,0,M2", "M3,Cleo,3,two,"]))
        #expect(diagnostics == [
            "mentors.csv:2:1: error: empty mentor id",
            "mentors.csv:3:4: error: empty name for mentor 'M2'",
            "mentors.csv:3:5: error: invalid grade 'x' (expected an integer -1000 to 1000)",
            "mentors.csv:3:7: error: capacity '0' out of range (expected a number > 0 and ≤ 1000)",
            "mentors.csv:3:9: error: mentor 'M2' is their own manager",
            "mentors.csv:4:11: error: invalid capacity 'two' (expected a number > 0 and ≤ 1000)",
        ])
    }

    @Test func missingFrameworkColumnsAreOneError() {
        let ids = Fixture.frameworkIDs.filter { $0 != "leader.vision" && $0 != "domain.finance" }
        let text = "id,name," + ids.joined(separator: ",") + "\nM1,Ann," + ids.map { _ in "3" }.joined(separator: ",") + "\n"
        #expect(mentors(text).diagnostics == [
            "mentors.csv:1:1: error: missing framework columns 'leader.vision', 'domain.finance'"
        ])
        #expect(mentors("id,name\nM1,Ann\n").diagnostics == [
            "mentors.csv:1:1: error: missing framework columns " + Fixture.frameworkIDs.map { "'\($0)'" }.joined(separator: ", ")
        ])
    }

    @Test func missingRequiredColumns() {
        let text = "name," + Fixture.frameworkIDs.joined(separator: ",") + "\nAnn,"
            + Fixture.frameworkIDs.map { _ in "3" }.joined(separator: ",") + "\n"
        #expect(mentors(text).diagnostics == ["mentors.csv:1:1: error: missing column 'id'"])
    }

    /// One typo, one error: the column the suggestion names is not also reported missing.
    @Test func misspeltFrameworkColumnIsAnErrorWithSuggestion() {
        let ids = Fixture.frameworkIDs.map { $0 == "leader.vision" ? "leader.vison" : $0 }
        let text = "id,name,cost_center," + ids.joined(separator: ",") + "\nM1,Ann,42," + ids.map { _ in "3" }.joined(separator: ",") + "\n"
        #expect(mentors(text).diagnostics == [
            "mentors.csv:1:9: warning: unknown column 'cost_center' (ignored)",
            "mentors.csv:1:21: error: unknown column 'leader.vison'; did you mean 'leader.vision'?",
        ])
    }

    @Test func misspeltOptionalColumnIsAnErrorUnlessTheRealOneIsThere() {
        let withTypo = Fixture.mentors(columns: "id,name,emial", rows: ["M1,Ann,a@b.c"])
        #expect(mentors(withTypo).diagnostics == ["mentors.csv:1:9: error: unknown column 'emial'; did you mean 'email'?"])
        let withBoth = Fixture.mentors(columns: "id,name,email,emails", rows: ["M1,Ann,a@b.c,x"])
        #expect(mentors(withBoth).diagnostics == ["mentors.csv:1:15: warning: unknown column 'emails' (ignored)"])
    }

    @Test func duplicateAndUnnamedColumns() {
        let text = Fixture.mentors(columns: "id,name,name,", rows: ["M1,Ann,Anna,x"])
        #expect(mentors(text).diagnostics == [
            "mentors.csv:1:9: error: duplicate column 'name' (first at column 4)",
            "mentors.csv:1:14: warning: column 4 has no name; its values are ignored",
        ])
    }

    @Test func allProblemsOfAFileAtOnce() {
        let text = Fixture.mentors(
            columns: "id,name,capacity,grade",
            rows: ["M1,Ann,0,10", "M1,Bob,2,11", "M3,Cleo,2,senior"])
        #expect(mentors(text).diagnostics == [
            "mentors.csv:2:8: error: capacity '0' out of range (expected a number > 0 and ≤ 1000)",
            "mentors.csv:3:1: error: duplicate mentor id 'M1' (first on line 2)",
            "mentors.csv:4:11: error: invalid grade 'senior' (expected an integer -1000 to 1000)",
        ])
    }

    // MARK: Mentees

    @Test func readsMenteesWithTargets() throws {
        let competencies = Fixture.competencyIDs
        var header = ["id", "name", "languages"]
        var row = ["E1", "Eva", "nl"]
        for (index, id) in competencies.enumerated() {
            header += [id, id + ".target"]
            row += ["1", index == 0 ? "5" : ""]
        }
        header += Fixture.domainIDs
        row += ["0", "1", "2", "3", "4"]
        let text = header.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n"
        let (loaded, diagnostics) = mentees(text)
        #expect(diagnostics.isEmpty)
        let eva = try #require(loaded.first)
        #expect(eva.currentLevels == Array(repeating: 1, count: 9))
        #expect(eva.targetLevels == [5] + Array(repeating: nil, count: 8))
        #expect(eva.domainInterest == [0, 1, 2, 3, 4])
        #expect(eva.languages == ["nl"])
    }

    @Test func targetColumnsAreOptionalAndValidated() throws {
        let (loaded, diagnostics) = mentees(Fixture.mentees(rows: ["E1,Eva"]))
        #expect(diagnostics.isEmpty)
        #expect(loaded.first?.targetLevels == Array(repeating: nil, count: 9))
        let text = Fixture.mentees(columns: "id,name,coach.develop.target,leader.vision.targt", rows: ["E1,Eva,6,4"])
        #expect(mentees(text).diagnostics == [
            "mentees.csv:1:30: error: unknown column 'leader.vision.targt'; did you mean 'leader.vision.target'?",
            "mentees.csv:2:8: error: target level '6' out of range 0–5 for 'coach.develop'",
        ])
    }

    @Test func menteeDomainWordIsInterest() {
        let header = "id,name," + Fixture.frameworkIDs.joined(separator: ",")
        var cells = Array(repeating: "2", count: 14)
        cells[13] = ""
        let (_, diagnostics) = mentees(header + "\nE1,Eva," + cells.joined(separator: ",") + "\n")
        #expect(diagnostics == ["mentees.csv:2:34: error: empty interest for 'domain.communication' (expected an integer 0–5)"])
    }

    @Test func capacityIsNotAMenteeColumn() {
        let text = Fixture.mentees(columns: "id,name,capacity", rows: ["E1,Eva,2"])
        #expect(mentees(text).diagnostics == ["mentees.csv:1:9: warning: unknown column 'capacity' (ignored)"])
    }

    // MARK: Scores mode

    @Test func scoresModeMakesFrameworkColumnsOptional() throws {
        let scoring = PeopleLoader(framework: .builtIn, usesScores: true)
        let (loaded, diagnostics) = mentors("id,name,capacity\nM1,Ann,2\n", loader: scoring)
        #expect(diagnostics.isEmpty)
        #expect(loaded == [Mentor(id: "M1", name: "Ann", capacity: 2)])
        let (loadedMentees, menteeDiagnostics) = mentees("id,name\nE1,Eva\n", loader: scoring)
        #expect(menteeDiagnostics.isEmpty)
        #expect(loadedMentees == [Mentee(id: "E1", name: "Eva")])
    }

    @Test func scoresModeStillValidatesPresentColumns() {
        let scoring = PeopleLoader(framework: .builtIn, usesScores: true)
        let (_, diagnostics) = mentors("id,name,leader.vision\nM1,Ann,9\n", loader: scoring)
        #expect(diagnostics.first?.hasPrefix("mentors.csv:1:1: error: missing framework columns 'leader.strategy'") == true)
        #expect(diagnostics.last == "mentors.csv:2:8: error: level '9' out of range 0–5 for 'leader.vision'")
        #expect(mentors("id,name,leader.vison\nM1,Ann,3\n", loader: scoring).diagnostics == [
            "mentors.csv:1:9: error: unknown column 'leader.vison'; did you mean 'leader.vision'?"
        ])
        let full = Fixture.mentors(rows: ["M1,Ann,2"], level: 5)
        let (loaded, fullDiagnostics) = mentors(full, loader: scoring)
        #expect(fullDiagnostics.isEmpty)
        #expect(loaded.first?.competencyLevels == Array(repeating: 5, count: 9))
    }

    @Test func languagesAreSplitTrimmedAndDeduplicated() {
        #expect(PersonReaderProbe.languages(" nl | en ||nl| fr ") == ["nl", "en", "fr"])
        #expect(PersonReaderProbe.languages("") == [])
    }
}

/// Reaches the languages splitter through a mentors file.
private enum PersonReaderProbe {
    static func languages(_ cell: String) -> [String] {
        var diagnostics = DiagnosticCollector()
        let text = "id,name,languages\nM1,Ann,\"\(cell)\"\n"
        let mentors = PeopleLoader(framework: .builtIn, usesScores: true)
            .loadMentors(.text(text, path: "m.csv"), diagnostics: &diagnostics)
        return mentors?.first?.languages ?? ["<failed>"]
    }
}
