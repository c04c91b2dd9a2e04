import Foundation
import Testing

@Suite("kapstok validate") struct ValidateCommandTests {
    @Test func validRoundIsOK() throws {
        let result = try CLI.run(["validate"] + ValidRound.arguments)
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        assertSnapshot(result.stdout, named: "validate-valid.stdout.txt")
    }

    @Test func windows1252SemicolonCRLFExportIsOK() throws {
        let result = try CLI.run(["validate", "--mentors", "valid/mentors.csv", "--mentees", "windows/mentees.csv"])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        assertSnapshot(result.stdout, named: "validate-windows.stdout.txt")
    }

    /// An extra HR column that looks like no framework id is a warning, not an error.
    @Test func unknownExtraColumnIsAWarning() throws {
        let result = try CLI.run(["validate", "--mentors", "warnings/mentors-extra-column.csv", "--mentees", "valid/mentees.csv"])
        #expect(result.exitCode == 0)
        assertSnapshot(result.stdout, named: "validate-extra-column.stdout.txt")
        assertSnapshot(result.stderr, named: "validate-extra-column.stderr.txt")
    }

    @Test(arguments: BrokenRound.all)
    func brokenRoundExits65WithEveryError(_ round: BrokenRound) throws {
        let result = try CLI.run(["validate"] + round.arguments)
        #expect(result.exitCode == 65)
        #expect(result.stdout == "")
        // `validate` reports exactly what `match` reports on the same files.
        assertSnapshot(result.stderr, named: "broken-\(round.name).stderr.txt")
    }
}
