import Foundation
import Testing

@Suite("kapstok explain") struct ExplainCommandTests {
    /// Every mentee of the valid round: between them they show each exclusion reason
    /// (forbidden E1, paired before E3, manager chain E4, required elsewhere E5, language E6).
    @Test(arguments: ["E1", "E2", "E3", "E4", "E5", "E6"])
    func menteeGivesGoldenRanking(_ mentee: String) throws {
        let result = try CLI.run(["explain"] + ValidRound.arguments + ["--mentee", mentee])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        assertSnapshot(result.stdout, named: "explain-\(mentee).stdout.txt")
    }

    @Test func topLimitsTheList() throws {
        let result = try CLI.run(["explain"] + ValidRound.arguments + ["--mentee", "E2", "--top", "1"])
        #expect(result.exitCode == 0)
        assertSnapshot(result.stdout, named: "explain-E2-top-1.stdout.txt")
    }

    /// One pair, every term: M2 is E2's third choice, and the header still counts all of E2's mentors.
    @Test func menteeAndMentorGiveEveryTerm() throws {
        let result = try CLI.run(["explain"] + ValidRound.arguments + ["--mentee", "E2", "--mentor", "M2"])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        assertSnapshot(result.stdout, named: "explain-E2-M2.stdout.txt")
    }

    @Test func excludedMentorShowsTheRule() throws {
        let result = try CLI.run(["explain"] + ValidRound.arguments + ["--mentee", "E1", "--mentor", "M1"])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        assertSnapshot(result.stdout, named: "explain-E1-M1.stdout.txt")
    }

    @Test func unknownMenteeFails() throws {
        let result = try CLI.run(["explain"] + ValidRound.arguments + ["--mentee", "E9"])
        #expect(result.exitCode == 64)
        #expect(result.stdout == "")
        #expect(result.stderr == "error: unknown mentee 'E9' in valid/mentees.csv\n")
    }

    @Test func unknownMentorFails() throws {
        let result = try CLI.run(["explain"] + ValidRound.arguments + ["--mentee", "E1", "--mentor", "M7"])
        #expect(result.exitCode == 64)
        #expect(result.stdout == "")
        #expect(result.stderr == "error: unknown mentor 'M7' in valid/mentors.csv\n")
    }
}
