import Foundation
import Testing

/// The valid round in `Fixtures/valid/`: 6 mentees, 3 mentors (capacity 2 + 2 + 1), one forbid
/// rule (E1–M1), one require rule (E5–M3) and one earlier pair (E3–M1); E4's manager is M2 and
/// E6 shares no language with M1. Paths are relative to `Fixtures/`, the working directory.
enum ValidRound {
    static let arguments = [
        "--mentors", "valid/mentors.csv", "--mentees", "valid/mentees.csv",
        "--constraints", "valid/constraints.csv", "--history", "valid/history.csv",
    ]
}

@Suite("kapstok match") struct MatchCommandTests {
    @Test func validRoundGivesGoldenOutputs() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("round")
        let result = try CLI.run(["match"] + ValidRound.arguments + ["--out", out])

        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        assertSnapshot(Normalise.terminal(temporary.normalise(result.stdout)), named: "match-valid.stdout.txt")
        assertSnapshot(try contents(out + "/pairings.csv"), named: "match-valid.pairings.csv")
        assertSnapshot(try contents(out + "/unmatched.csv"), named: "match-valid.unmatched.csv")
        assertSnapshot(Normalise.summaryJSON(try contents(out + "/summary.json")), named: "match-valid.summary.json")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out))
                == ["pairings.csv", "unmatched.csv", "summary.json", ".kapstok"])
        for name in ["pairings.csv", "unmatched.csv", "summary.json"] {
            // Each output is a link into the folder's current generation (see OutputFolder).
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out + "/" + name) == ".kapstok/current/" + name)
            let resolved = URL(fileURLWithPath: out + "/" + name).resolvingSymlinksInPath().path
            let attributes = try FileManager.default.attributesOfItem(atPath: resolved)
            let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue
            #expect(permissions == 0o600, "\(name) must be readable by its owner only (personal data)")
        }
        let state = try FileManager.default.attributesOfItem(atPath: out + "/.kapstok")
        #expect((state[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }

    @Test func sameInputGivesByteIdenticalFiles() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let first = try CLI.run(["match"] + ValidRound.arguments + ["--out", temporary.path("first")])
        let second = try CLI.run(["match"] + ValidRound.arguments + ["--out", temporary.path("second")])
        #expect(first.exitCode == 0)
        #expect(second.exitCode == 0)
        for name in ["pairings.csv", "unmatched.csv"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: temporary.path("first/" + name)))
            let b = try Data(contentsOf: URL(fileURLWithPath: temporary.path("second/" + name)))
            #expect(a == b, "\(name) differs between two runs on the same input")
        }
        let summaries = try ["first", "second"].map { Normalise.summaryJSON(try contents(temporary.path($0 + "/summary.json"))) }
        #expect(summaries[0] == summaries[1], "summary.json differs (beyond solve_seconds) between two runs")
    }

    @Test func pairingsKeepTheRulesAndHistory() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("round")
        let result = try CLI.run(["match"] + ValidRound.arguments + ["--out", out])
        #expect(result.exitCode == 0)
        let pairs = pairs(inPairingsCSV: try contents(out + "/pairings.csv"))
        let mentorOf = Dictionary(uniqueKeysWithValues: pairs.map { ($0.mentee, $0.mentor) })
        #expect(mentorOf["E5"] == "M3", "constraints.csv requires E5–M3")
        #expect(mentorOf["E1"] != "M1", "constraints.csv forbids E1–M1")
        #expect(mentorOf["E3"] != "M1", "history.csv has E3–M1 and avoid_repeat is on")
        #expect(mentorOf["E4"] != "M2", "M2 is E4's manager")
        #expect(mentorOf["E6"] != "M1", "E6 (fr) and M1 (nl, en) share no language")
        let load = Dictionary(grouping: pairs, by: \.mentor).mapValues(\.count)
        #expect(load["M1", default: 0] <= 2 && load["M2", default: 0] <= 2 && load["M3", default: 0] <= 1)
    }

    @Test func fairObjectiveIsRecordedInTheSummary() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("round")
        let result = try CLI.run(["match"] + ValidRound.arguments + ["--objective", "fair", "--out", out])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        let summary = try contents(out + "/summary.json")
        #expect(summary.contains("\"objective\": \"fair\""))
        #expect(summary.contains("\"status\": \"optimal\""))
        assertSnapshot(Normalise.summaryJSON(summary), named: "match-valid-fair.summary.json")
        assertSnapshot(try contents(out + "/pairings.csv"), named: "match-valid-fair.pairings.csv")
    }

    @Test func zeroTimeLimitIsAUsageError() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("round")
        let result = try CLI.run(["match"] + ValidRound.arguments + ["--time-limit", "0", "--out", out])
        #expect(result.exitCode == 64)
        #expect(result.stdout == "")
        assertSnapshot(result.stderr, named: "match-time-limit-0.stderr.txt")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func windows1252SemicolonCRLFExportLoads() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("round")
        let result = try CLI.run([
            "match", "--mentors", "valid/mentors.csv", "--mentees", "windows/mentees.csv", "--csv-dialect", "rfc4180", "--out", out,
        ])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        // The names with é and ë come out as UTF-8; "Operations; Antwerpen" was one quoted field.
        assertSnapshot(try contents(out + "/pairings.csv"), named: "match-windows.pairings.csv")
        assertSnapshot(try contents(out + "/unmatched.csv"), named: "match-windows.unmatched.csv")
    }
}

/// A round with one broken input file: the arguments (relative to `Fixtures/`) and the name of
/// its golden standard error.
struct BrokenRound: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var testDescription: String { name }

    static let mentees = ["--mentees", "valid/mentees.csv"]
    static let validMentors = ["--mentors", "valid/mentors.csv"]

    static let all: [BrokenRound] = [
        BrokenRound(name: "mentors-duplicate-id",
                    arguments: ["--mentors", "broken/mentors-duplicate-id.csv"] + mentees),
        BrokenRound(name: "mentors-level-out-of-range",
                    arguments: ["--mentors", "broken/mentors-level-out-of-range.csv"] + mentees),
        BrokenRound(name: "mentors-misspelt-column",
                    arguments: ["--mentors", "broken/mentors-misspelt-column.csv"] + mentees),
        BrokenRound(name: "scores-unknown-mentor",
                    arguments: validMentors + mentees + ["--scores", "broken/scores-unknown-mentor.csv"]),
        BrokenRound(name: "constraints-unknown-mentee",
                    arguments: validMentors + mentees + ["--constraints", "broken/constraints-unknown-mentee.csv"]),
        BrokenRound(name: "kapstok-unknown-key",
                    arguments: validMentors + mentees + ["--config", "broken/kapstok-unknown-key.toml"]),
        // Rules that load but cannot hold: a required pair the manager chain forbids, and two
        // required pairs for a mentor with capacity 1.
        BrokenRound(name: "constraints-impossible-require",
                    arguments: validMentors + mentees + ["--constraints", "broken/constraints-impossible-require.csv"]),
        // Errors in three files at once: every one is reported, not only the first.
        BrokenRound(name: "several-files",
                    arguments: ["--mentors", "broken/mentors-several-errors.csv"] + mentees + [
                        "--constraints", "broken/constraints-unknown-mentee.csv",
                        "--history", "valid/history.csv", "--config", "broken/kapstok-unknown-key.toml",
                    ]),
    ]
}

@Suite("kapstok match on broken input") struct MatchBrokenInputTests {
    @Test(arguments: BrokenRound.all)
    func reportsEveryErrorAndCreatesNoFolder(_ round: BrokenRound) throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("round")
        let result = try CLI.run(["match"] + round.arguments + ["--out", out])
        #expect(result.exitCode == 65)
        #expect(result.stdout == "")
        assertSnapshot(result.stderr, named: "broken-\(round.name).stderr.txt")
        #expect(!FileManager.default.fileExists(atPath: out), "the output folder must not be created")
    }

    @Test(arguments: BrokenRound.all)
    func leavesExistingOutputsUntouched(_ round: BrokenRound) throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.url.appendingPathComponent("round", isDirectory: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let sentinel = Data("mentee_id,mentee_name,mentor_id,mentor_name,score,rank,reason\nE0,sentinel,M0,sentinel,1,1,kept\n".utf8)
        try sentinel.write(to: out.appendingPathComponent("pairings.csv"))
        let before = folderContents(out)

        let result = try CLI.run(["match"] + round.arguments + ["--out", out.path])
        #expect(result.exitCode == 65)
        #expect(folderContents(out) == before, "a failed run changed the output folder")
    }
}
