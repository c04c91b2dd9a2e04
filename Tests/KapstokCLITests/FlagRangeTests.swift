import Foundation
import Testing

/// Every number a flag takes has a stated range; a value outside it is a usage error (exit 64)
/// that says what is wrong, never a trap, and nothing is written.
@Suite("flag ranges") struct FlagRangeTests {
    static let cases: [(arguments: [String], message: String)] = [
        (["match"] + ValidRound.arguments + ["--time-limit", "-1"],
         "Error: --time-limit must be positive and at most 604800 seconds (one week); got -1"),
        (["match"] + ValidRound.arguments + ["--time-limit", "1e16"],
         "Error: --time-limit must be positive and at most 604800 seconds (one week); got 1e16"),
        (["match"] + ValidRound.arguments + ["--time-limit", "nan"],
         "Error: --time-limit must be a number of seconds, not 'nan'"),
        (["match"] + ValidRound.arguments + ["--time-limit", "0x10"],
         "Error: --time-limit must be a number of seconds, not '0x10'"),
        (["match"] + ValidRound.arguments + ["--out", ""], "Error: --out must name a folder (it is empty)"),
        (["generate", "--mentees", "9223372036854775807", "--mentors", "3"],
         "Error: --mentees must be between 0 and 1000000; got 9223372036854775807"),
        (["generate", "--mentees", "-5", "--mentors", "3"], "Error: --mentees must be between 0 and 1000000; got -5"),
        (["generate", "--pairs", "100001"], "Error: --pairs must be between 0 and 100000; got 100001"),
        (["generate", "--pairs", "-1"], "Error: --pairs must be between 0 and 100000; got -1"),
        (["generate", "--pairs", "10", "--mentors", "3"],
         "Error: --pairs generates scheduling input; it cannot be combined with --mentees or --mentors"),
        (["generate", "--mentees", "10"],
         "Error: give --mentees and --mentors (a pairing round) or --pairs (scheduling input)"),
        (["explain"] + ValidRound.arguments + ["--mentee", "E1", "--top", "-1"],
         "Error: --top must be between 1 and 100000, got -1"),
    ]

    @Test(arguments: cases.indices)
    func outOfRangeIsAUsageError(_ index: Int) throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (arguments, message) = Self.cases[index]
        var full = arguments
        if !full.contains("--out"), full.first != "explain" { full += ["--out", temporary.path("out")] }
        let result = try CLI.run(full)
        #expect(result.exitCode == 64, "\(arguments)")
        #expect(result.stdout == "")
        #expect(lines(result.stderr).first == message)
        #expect(!FileManager.default.fileExists(atPath: temporary.path("out")))
    }

    @Test func aTimeLimitInRangeIsTaken() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let result = try CLI.run(["match"] + ValidRound.arguments + ["--time-limit", "604800", "--out", temporary.path("out")])
        #expect(result.exitCode == 0)
    }
}
