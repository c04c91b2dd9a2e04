import Foundation
import Testing

@Suite("kapstok explain --top range") struct ExplainTopRangeTests {
    @Test(arguments: ["-1", "0", "100001", "9223372036854775807"])
    func outOfRangeTopIsAUsageError(_ top: String) throws {
        let result = try CLI.run(["explain"] + ValidRound.arguments + ["--mentee", "E2", "--top=\(top)"])
        #expect(result.exitCode == 64)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("--top must be between 1 and 100000, got \(top)"))
    }

    @Test func largestTopIsAccepted() throws {
        let result = try CLI.run(["explain"] + ValidRound.arguments + ["--mentee", "E2", "--top", "100000"])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("E2 "))
    }
}
