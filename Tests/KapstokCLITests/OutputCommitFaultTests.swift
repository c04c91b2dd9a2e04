import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

// Fault tests for the output commit (see OutputFolder): real processes, real SIGKILLs at every
// commit step and at random instants inside a slowed-down commit, and concurrent writers. After
// every fault the files seen through the output folder must be one complete set — the previous
// run's or the new run's, never a mix — and the next run must leave no temporary copy behind.

/// Two rounds whose three output files all differ, so that any mix of them is detected.
private enum Rounds {
    static let first = ["match", "--mentors", "valid/mentors.csv", "--mentees", "valid/mentees.csv"]
    static let second = [
        "match", "--mentors", sample("mentors.csv"), "--mentees", sample("mentees.csv"),
        "--constraints", sample("constraints.csv"), "--history", sample("history.csv"),
    ]
    static func sample(_ name: String) -> String {
        Paths.packageRoot.appendingPathComponent("datasets/sample/" + name).path
    }
    static let names = ["pairings.csv", "unmatched.csv", "summary.json"]
}

/// The three output files as seen through the folder (`nil` for a missing one), summary.json
/// without its measured solve time.
private func visibleSet(_ out: String) -> [String?] {
    Rounds.names.map { name in
        FileManager.default.contents(atPath: out + "/" + name).map {
            Normalise.summaryJSON(String(decoding: $0, as: UTF8.self))
        }
    }
}

/// Runs `kapstok` without waiting; returns the process and the file that receives its stderr.
private func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (Process, URL) {
    let binary = try #require(CLI.binary)
    let stderr = FileManager.default.temporaryDirectory.appendingPathComponent("kapstok-stderr-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: stderr.path, contents: nil)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = Paths.fixtures
    process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: stderr)
    try process.run()
    return (process, stderr)
}

/// The state folder's entries and the folder's hidden temporary links.
private func leftovers(_ out: String) throws -> (state: [String], links: [String]) {
    let state = try FileManager.default.contentsOfDirectory(atPath: out + "/.kapstok").sorted()
    let links = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".kapstok-link") }
    return (state, links)
}

@Suite("output commit under faults", .serialized) struct OutputCommitFaultTests {
    /// The sets the two rounds write, from clean runs.
    static func referenceSets() throws -> (first: [String?], second: [String?]) {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let a = try CLI.run(Rounds.first + ["--out", temporary.path("a")])
        let b = try CLI.run(Rounds.second + ["--out", temporary.path("b")])
        #expect(a.exitCode == 0 && b.exitCode == 0)
        let first = visibleSet(temporary.path("a"))
        let second = visibleSet(temporary.path("b"))
        for index in Rounds.names.indices {
            #expect(first[index] != second[index], "\(Rounds.names[index]) must differ between the two rounds")
        }
        return (first, second)
    }

    @Test(arguments: ["locked", "generation-written", "linked", "switched", "cleaned"])
    func killedAtAStepLeavesOneCompleteSet(step: String) throws {
        let (first, second) = try Self.referenceSets()
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("round")
        #expect(try CLI.run(Rounds.first + ["--out", out]).exitCode == 0)

        let (process, _) = try start(Rounds.second + ["--out", out], environment: ["KAPSTOK_TEST_KILL_AT": step])
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)

        let seen = visibleSet(out)
        let expected = ["switched", "cleaned"].contains(step) ? second : first
        #expect(seen == expected, "killed at '\(step)': the folder shows a mixed or wrong set")

        // The next run on the folder removes what the killed one left, and commits normally.
        #expect(try CLI.run(Rounds.first + ["--out", out]).exitCode == 0)
        #expect(visibleSet(out) == first)
        let (state, links) = try leftovers(out)
        #expect(state.count == 3 && state.contains("lock") && state.contains("current"), "left over: \(state)")
        #expect(links.isEmpty)
    }

    @Test func killedAtRandomInstantsOfASlowCommitAlwaysLeavesOneCompleteSet() throws {
        let (first, second) = try Self.referenceSets()
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("round")
        #expect(try CLI.run(Rounds.first + ["--out", out]).exitCode == 0)
        var generator = SystemRandomNumberGenerator()
        var stepsReached: [Int] = []
        // Each commit step sleeps 30 ms, so a commit takes about 150 ms after the solve; kill
        // times are spread over the whole run, most of them inside the commit.
        for attempt in 0..<16 {
            let (process, stderr) = try start(
                Rounds.second + ["--out", out], environment: ["KAPSTOK_TEST_COMMIT_DELAY_MS": "30"])
            // Wait until the commit has begun (its first step is named on stderr), then kill at a
            // random instant within the next 200 ms.
            let began = Date()
            while process.isRunning, (try? String(contentsOf: stderr, encoding: .utf8))?.contains("commit step") != true,
                Date().timeIntervalSince(began) < 30
            {
                usleep(1_000)
            }
            usleep(UInt32.random(in: 0...200_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let log = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: stderr)
            stepsReached.append(log.components(separatedBy: "commit step").count - 1)
            let seen = visibleSet(out)
            #expect(seen == first || seen == second, "attempt \(attempt): a mixed set after SIGKILL")
            // Put the first set back for the next attempt (also cleans up what was left).
            #expect(try CLI.run(Rounds.first + ["--out", out]).exitCode == 0)
            #expect(visibleSet(out) == first)
            #expect(try leftovers(out).state.count == 3)
        }
        print("commit steps reached before SIGKILL, per attempt: \(stepsReached)")
        // The kills must really have fallen inside the commit, not only before or after it.
        #expect(stepsReached.contains { $0 >= 1 && $0 < 5 }, "no kill landed inside a commit: \(stepsReached)")
    }

    @Test func concurrentWritersNeverMixTheirFiles() throws {
        let (first, second) = try Self.referenceSets()
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        for attempt in 0..<15 {
            let out = temporary.path("round-\(attempt)")
            // A slowed-down commit makes the two runs overlap inside their commits.
            let environment = ["KAPSTOK_TEST_COMMIT_DELAY_MS": "10"]
            let (a, _) = try start(Rounds.first + ["--out", out], environment: environment)
            let (b, _) = try start(Rounds.second + ["--out", out], environment: environment)
            a.waitUntilExit()
            b.waitUntilExit()
            #expect(a.terminationStatus == 0 && b.terminationStatus == 0, "the later writer waits for the lock")
            let seen = visibleSet(out)
            #expect(seen == first || seen == second, "attempt \(attempt): two concurrent runs left a mixed set")
            #expect(try leftovers(out).state.count == 3)
        }
    }
}
