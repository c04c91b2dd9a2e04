import Foundation
import Testing

/// `--preferences` on the bundled sample round (datasets/sample/preferences.csv: 14 mentees
/// and 3 mentors state 42 choices).
@Suite("kapstok --preferences") struct PreferencesCommandTests {
    static func sample(_ name: String) -> String { Paths.packageRoot.appendingPathComponent("datasets/sample/" + name).path }
    static let round = [
        "--mentors", sample("mentors.csv"), "--mentees", sample("mentees.csv"), "--constraints", sample("constraints.csv"),
        "--history", sample("history.csv"), "--config", sample("kapstok.toml"),
    ]

    @Test func validateCountsTheLists() throws {
        let result = try CLI.run(["validate"] + Self.round + ["--preferences", Self.sample("preferences.csv")])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.contains("\nstated preferences: 14 mentees and 3 mentors with a list, 42 choices in all\n"))
    }

    /// With `preference_weight` 0 (the default) the lists change no output byte.
    @Test func weightZeroLeavesTheMatchUnchanged() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let plain = try CLI.run(["match"] + Self.round + ["--out", temporary.path("plain")])
        let stated = try CLI.run(["match"] + Self.round + ["--preferences", Self.sample("preferences.csv"), "--out", temporary.path("stated")])
        #expect(plain.exitCode == 0 && stated.exitCode == 0)
        for name in ["pairings.csv", "unmatched.csv"] {
            let a = try Data(contentsOf: temporary.url.appendingPathComponent("plain/" + name))
            let b = try Data(contentsOf: temporary.url.appendingPathComponent("stated/" + name))
            #expect(a == b, "\(name)")
        }
    }

    /// Weight 10: E03 states M14, M03, M06 (L = 3): bonuses 10, 6.67, 3.33 in explain's breakdown.
    @Test func explainShowsTheBonus() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let config = temporary.path("kapstok.toml")
        try Data("[scoring]\npreference_weight = 10\n".utf8).write(to: URL(fileURLWithPath: config))
        var arguments = Self.round
        arguments[arguments.count - 1] = config
        let result = try CLI.run(["explain"] + arguments + ["--preferences", Self.sample("preferences.csv"), "--mentee", "E03", "--top", "3"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("        +10  the mentee's 1st of 3 stated choices\n"))
        #expect(result.stdout.contains("        +6.67  the mentee's 2nd of 3 stated choices\n"))
        #expect(result.stdout.contains("        +3.33  the mentee's 3rd of 3 stated choices\n"))
    }

    @Test func badPreferencesExit65AtTheirCells() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let file = temporary.path("preferences.csv")
        try Data("person_id,choice,rank\nE03,E05,1\nE03,M14,x\n".utf8).write(to: URL(fileURLWithPath: file))
        let result = try CLI.run(["match"] + Self.round + ["--preferences", file, "--out", temporary.path("out")])
        #expect(result.exitCode == 65)
        #expect(temporary.normalise(result.stderr) == """
            $TMP/preferences.csv:2:5: error: mentee 'E03' chooses 'E05', also a mentee; a mentee's choices are mentors
            $TMP/preferences.csv:3:9: error: invalid rank 'x' (expected an integer 1–1000)
            2 errors; nothing was written

            """)
        #expect(!FileManager.default.fileExists(atPath: temporary.path("out")))
    }
}
