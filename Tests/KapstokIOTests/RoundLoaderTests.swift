import Foundation
import Kapstok
import Testing

@testable import KapstokIO

@Suite struct RoundLoaderTests {
    @Test func loadsARoundFromDisk() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, _ text: String) throws -> URL {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url
        }
        let mentors = try write("mentors.csv", Fixture.mentors(columns: "id,name,capacity,badge", rows: ["M1,Ann,2,x", "M2,Bob,,y"]))
        let mentees = try write("mentees.csv", Fixture.mentees(columns: "id;name;manager_id", rows: ["E1;Eva;M2"]).replacingOccurrences(of: ",", with: ";"))
        let constraints = try write("constraints.csv", "mentee_id,mentor_id,rule\nE1,M2,forbid\n")
        let history = try write("history.csv", "mentee_id,mentor_id,round\nE1,M1,2025\nE0,M1,2024\n")
        let config = try write("kapstok.toml", "[pairing]\ndefault_capacity = 3\n")

        let (round, warnings) = try RoundLoader().loadRound(
            mentors: mentors, mentees: mentees, constraints: constraints, history: history, config: config)

        #expect(round.framework == .builtIn)
        #expect(round.mentors.map(\.id) == ["M1", "M2"])
        #expect(round.mentors[1].capacity == nil)
        #expect(round.mentees.map(\.managerID) == ["M2"])
        #expect(round.rules == [PairRule(menteeID: "E1", mentorID: "M2", kind: .forbid)])
        #expect(round.history.count == 2)
        #expect(round.scores == nil)
        #expect(round.configuration.pairing.defaultCapacity == 3)
        #expect(warnings.map(\.description) == [
            "\(history.path):3:1: warning: unknown mentee 'E0'",
            "\(mentors.path):1:18: warning: unknown column 'badge' (ignored)",
        ])
    }

    @Test func unreadableFileIsADiagnostic() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("nope.csv")
        let sources = RoundSources(
            mentors: .file(missing), mentees: .text(Fixture.mentees(rows: ["E1,Eva"]), path: "mentees.csv"),
            framework: .file(folder))
        do {
            _ = try RoundLoader().loadRound(sources)
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map(\.description) == [
                "\(folder.path):1:1: error: cannot read file (is a directory)",
                "\(missing.path):1:1: error: cannot read file (no such file or directory)",
            ])
            // Without a framework the level columns are only unknown, not errors.
            #expect(error.warnings.allSatisfy { $0.id == .unknownColumn })
        }
    }

    @Test func relativePathsAreShownAsGiven() {
        var diagnostics = DiagnosticCollector()
        _ = InputSource.file(URL(fileURLWithPath: "no/such/dir/mentors.csv")).bytes(diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.map(\.description) == [
            "no/such/dir/mentors.csv:1:1: error: cannot read file (no such file or directory)"
        ])
    }

    @Test func everyProblemInEveryFileAtOnce() {
        let mentors = Fixture.mentors(
            columns: "id,name,capacity,grade",
            rows: ["M1,Ann,0,10", "M1,Bob,2,11", "M3,Cleo,2,senior"])
        let sources = RoundSources(
            mentors: .text(mentors, path: "mentors.csv"),
            mentees: .text(Fixture.mentees(columns: "id,name,manager_id", rows: ["E1,Eva,E1"]), path: "mentees.csv"),
            scores: .text("mentee_id,mentor_id,score\nE1,M1,90\nE1,M9,80\n", path: "scores.csv"),
            configuration: .text("[pairing]\nobjective = \"fastest\"\n", path: "kapstok.toml"))
        do {
            _ = try RoundLoader().loadRound(sources)
            Issue.record("expected errors")
        } catch {
            #expect(error.description == """
                kapstok.toml:2:13: error: invalid value 'fastest' for 'objective' (expected "total" or "fair")
                mentees.csv:2:8: error: mentee 'E1' is their own manager
                mentors.csv:2:8: error: capacity '0' out of range (expected a number > 0 and ≤ 1000)
                mentors.csv:3:1: error: duplicate mentor id 'M1' (first on line 2)
                mentors.csv:4:11: error: invalid grade 'senior' (expected an integer -1000 to 1000)
                scores.csv:3:4: error: unknown mentor 'M9'
                """)
        }
    }

    @Test func scoresModeRound() throws {
        let sources = RoundSources(
            mentors: .text("id,name,capacity\nM1,Ann,1\nM2,Bob,\n", path: "mentors.csv"),
            mentees: .text("id,name\nE1,Eva\nE2,Finn\n", path: "mentees.csv"),
            scores: .text("mentee_id,mentor_id,score\nE1,M1,90\nE2,M2,-4.5\n", path: "scores.csv"))
        let (round, warnings) = try RoundLoader().loadRound(sources)
        #expect(warnings.isEmpty)
        #expect(round.mentors == [Mentor(id: "M1", name: "Ann", capacity: 1), Mentor(id: "M2", name: "Bob")])
        #expect(round.scores == [
            ScoreEntry(menteeID: "E1", mentorID: "M1", score: 90), ScoreEntry(menteeID: "E2", mentorID: "M2", score: -4.5),
        ])
    }

    @Test func customFrameworkDrivesTheColumns() throws {
        let sources = RoundSources(
            mentors: .text("id,name,x.lead,x.money\nM1,Ann,5,4\n", path: "mentors.csv"),
            mentees: .text("id,name,x.lead,x.lead.target,x.money\nE1,Eva,1,3,5\n", path: "mentees.csv"),
            framework: .text("id,name,kind,group\nx.lead,Lead,competency,leader\nx.money,Money,domain,\n", path: "framework.csv"))
        let (round, _) = try RoundLoader().loadRound(sources)
        #expect(round.framework.items.map(\.id) == ["x.lead", "x.money"])
        #expect(round.mentors.first?.competencyLevels == [5])
        #expect(round.mentees.first?.targetLevels == [3])
        #expect(round.mentees.first?.domainInterest == [5])
    }

    @Test func managerLoopsAreWarnings() throws {
        let sources = RoundSources(
            mentors: .text(Fixture.mentors(columns: "id,name,manager_id", rows: ["M1,Ann,M2", "M2,Bob,M3", "M3,Cleo,M1", "M4,Dirk,M1"]), path: "mentors.csv"),
            mentees: .text(Fixture.mentees(columns: "id,name,manager_id", rows: ["E1,Eva,E2", "E2,Finn,E1", "E3,Gus,M4"]), path: "mentees.csv"))
        let (_, warnings) = try RoundLoader().loadRound(sources)
        #expect(warnings.map(\.description) == [
            "mentees.csv:2:8: warning: manager chain loops: 'E1' → 'E2' → 'E1'",
            "mentors.csv:2:8: warning: manager chain loops: 'M1' → 'M2' → 'M3' → 'M1'",
        ])
    }
}
