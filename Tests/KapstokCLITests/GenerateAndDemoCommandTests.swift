import Foundation
import Testing

@Suite("kapstok generate") struct GenerateCommandTests {
    static let files = ["mentors.csv", "mentees.csv", "constraints.csv", "history.csv"]

    private func generate(seed: Int, into folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
        try CLI.run(["generate", "--mentees", "30", "--mentors", "10", "--seed", String(seed), "--out", folder],
                    sourceLocation: sourceLocation)
    }

    @Test func sameSeedGivesIdenticalFiles() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let first = try generate(seed: 3, into: temporary.path("a"))
        let second = try generate(seed: 3, into: temporary.path("b"))
        #expect(first.exitCode == 0)
        #expect(second.exitCode == 0)
        #expect(first.stderr == "")
        #expect(temporary.normalise(first.stdout)
                == "wrote mentors.csv, mentees.csv, constraints.csv, history.csv to $TMP/a\n")
        for name in Self.files {
            let a = FileManager.default.contents(atPath: temporary.path("a/" + name))
            let b = FileManager.default.contents(atPath: temporary.path("b/" + name))
            #expect(a != nil, "\(name) was not written")
            #expect(a == b, "\(name) differs between two runs with seed 3")
        }
        let mentees = try contents(temporary.path("a/mentees.csv"))
        let mentors = try contents(temporary.path("a/mentors.csv"))
        #expect(lines(mentees).filter { !$0.isEmpty }.count == 31, "a header and 30 mentees")
        #expect(lines(mentors).filter { !$0.isEmpty }.count == 11, "a header and 10 mentors")
    }

    @Test func otherSeedGivesOtherPeople() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        #expect(try generate(seed: 3, into: temporary.path("a")).exitCode == 0)
        #expect(try generate(seed: 4, into: temporary.path("b")).exitCode == 0)
        #expect(FileManager.default.contents(atPath: temporary.path("a/mentees.csv"))
                != FileManager.default.contents(atPath: temporary.path("b/mentees.csv")))
    }

    @Test func generatedRoundMatches() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = temporary.path("generated")
        #expect(try generate(seed: 3, into: folder).exitCode == 0)
        let out = temporary.path("round")
        let result = try CLI.run([
            "match", "--mentors", folder + "/mentors.csv", "--mentees", folder + "/mentees.csv",
            "--constraints", folder + "/constraints.csv", "--history", folder + "/history.csv", "--out", out,
        ])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.contains("status            optimal (proven by GLPK)"))
        let summary = try contents(out + "/summary.json")
        #expect(summary.contains("\"mentees\": 30,"))
        #expect(summary.contains("\"mentors\": 10,"))
        #expect(summary.contains("\"status\": \"optimal\""))
        let pairs = pairs(inPairingsCSV: try contents(out + "/pairings.csv"))
        #expect(!pairs.isEmpty)
        #expect(Set(pairs.map(\.mentee)).count == pairs.count, "a mentee appears twice in pairings.csv")
    }
}

@Suite("kapstok generate --pairs") struct GenerateScheduleCommandTests {
    static let files = ["pairings.csv", "availability.csv", "absences.csv", "kapstok.toml"]

    @Test func sameSeedGivesIdenticalFilesThatScheduleReads() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let first = try CLI.run(["generate", "--pairs", "40", "--seed", "3", "--out", temporary.path("a")])
        let second = try CLI.run(["generate", "--pairs", "40", "--seed", "3", "--out", temporary.path("b")])
        let other = try CLI.run(["generate", "--pairs", "40", "--seed", "4", "--out", temporary.path("c")])
        #expect(first.exitCode == 0 && second.exitCode == 0 && other.exitCode == 0)
        #expect(first.stderr == "")
        #expect(temporary.normalise(first.stdout) == "wrote \(Self.files.joined(separator: ", ")) to $TMP/a\n")
        for name in Self.files {
            let a = FileManager.default.contents(atPath: temporary.path("a/" + name))
            #expect(a != nil, "\(name) was not written")
            #expect(a == FileManager.default.contents(atPath: temporary.path("b/" + name)), "\(name) differs with seed 3")
        }
        #expect(FileManager.default.contents(atPath: temporary.path("a/availability.csv"))
                != FileManager.default.contents(atPath: temporary.path("c/availability.csv")))
        let pairings = lines(try contents(temporary.path("a/pairings.csv"))).filter { !$0.isEmpty }
        #expect(pairings.first == "mentee_id,mentee_name,mentor_id,mentor_name")
        #expect(pairings.count == 41, "a header and 40 pairs")
        #expect(try contents(temporary.path("a/kapstok.toml")).contains("\nsessions = 8\n"))

        let folder = temporary.path("a")
        let schedule = try CLI.run([
            "schedule", "--pairings", folder + "/pairings.csv", "--availability", folder + "/availability.csv",
            "--absences", folder + "/absences.csv", "--config", folder + "/kapstok.toml", "--today", "2027-01-15",
            "--out", temporary.path("out"),
        ])
        #expect(schedule.exitCode == 0, "\(schedule.stderr)")
        #expect(schedule.stderr == "")
        #expect(schedule.stdout.contains(" of 40 pairs complete"))
    }
}

@Suite("kapstok demo") struct DemoCommandTests {
    /// Runs from the package root, where the default `--dataset datasets/sample` resolves; the
    /// output goes to a temporary folder, never into the repository.
    @Test func runsTheSampleRoundToOptimality() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("demo")
        let workspace = temporary.path("workspace")
        let result = try CLI.run(["demo", "--out", out, "--workspace", workspace], in: Paths.packageRoot)
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.contains("status            optimal (proven by GLPK)"))
        #expect(try contents(out + "/summary.json").contains("\"status\": \"optimal\""))
        for name in ["pairings.csv", "unmatched.csv", "summary.json", "sessions.csv", "report.md", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name) was not written")
        }
        // Half a program simulated: sessions held, goals achieved and at risk, the objectives judged.
        #expect(result.stdout.contains("half the program simulated (as of 2027-05-01)"))
        let goals = try #require(lines(result.stdout).first { $0.hasPrefix("- Goals: ") })
        for track in [" on track", " at risk", " achieved"] {
            let count = goals.components(separatedBy: ", ").first { $0.hasSuffix(track) }.flatMap { Int($0.split(separator: " ").last { Int($0) != nil } ?? "") }
            #expect((count ?? 0) > 0, "no goal\(track) in '\(goals)'")
        }
        #expect(result.stdout.contains("| 80 % of planned sessions held |"))
        #expect(try contents(out + "/report.html").contains("<svg"))
        // The workspace is a real one: its report can be asked again, the same.
        let again = try CLI.run(["report", "--workspace", workspace, "--today", "2027-05-01"], in: temporary.url)
        #expect(again.exitCode == 0)
        #expect(again.stdout == (try contents(out + "/report.md")))
    }

    @Test func explainsHowToFindTheDataset() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let result = try CLI.run(["demo", "--out", temporary.path("demo")], in: temporary.url)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("run from the repository root or pass --dataset"))
        #expect(!FileManager.default.fileExists(atPath: temporary.path("demo")))
    }
}
