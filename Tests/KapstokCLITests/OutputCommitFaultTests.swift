import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

// Fault tests for the output commit (see OutputFolder): real processes, real SIGKILLs at every
// commit step and at random instants inside a slowed-down commit, and concurrent writers. After
// every fault the files seen through the output folder must be one complete set — the previous
// run's or the new run's, never a mix — and the next run must leave no temporary copy behind.
// `CommitRounds` drives the faults for any command; the suites below use it for `match` and
// `schedule`.

/// Runs `kapstok` in `Fixtures/` without waiting; returns the process and the file that receives its stderr.
func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (Process, URL) {
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
func leftovers(_ out: String) throws -> (state: [String], links: [String]) {
    let state = try FileManager.default.contentsOfDirectory(atPath: out + "/.kapstok").sorted()
    let links = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".kapstok-link") }
    return (state, links)
}

/// Two runs of a command into one folder whose output files all differ (so any mix of them is
/// detected), and the fault scenarios on them.
struct CommitRounds: Sendable {
    /// The arguments of each run, given the output folder.
    var first: @Sendable (String) -> [String]
    var second: @Sendable (String) -> [String]
    /// The files as a reader sees them through the folder, by name, without measured values.
    var visible: @Sendable (String) -> [String: String] = visibleOutputs
    /// A check that one set is internally consistent (e.g. same session ids everywhere).
    var consistent: @Sendable ([String: String]) -> Bool = { _ in true }

    /// The sets the two rounds write, from clean runs.
    func referenceSets() throws -> (first: [String: String], second: [String: String]) {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        #expect(try CLI.run(first(temporary.path("a"))).exitCode == 0)
        #expect(try CLI.run(second(temporary.path("b"))).exitCode == 0)
        let a = visible(temporary.path("a")), b = visible(temporary.path("b"))
        #expect(!a.isEmpty && consistent(a) && consistent(b))
        for name in Set(a.keys).intersection(b.keys).sorted() {
            #expect(a[name] != b[name], "\(name) must differ between the two rounds")
        }
        return (a, b)
    }

    func killedAt(step: String) throws {
        let (firstSet, secondSet) = try referenceSets()
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("round")
        #expect(try CLI.run(first(out)).exitCode == 0)

        let (process, _) = try start(second(out), environment: ["KAPSTOK_TEST_KILL_AT": step])
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)

        let seen = visible(out)
        let expected = ["switched", "cleaned"].contains(step) ? secondSet : firstSet
        #expect(seen == expected, "killed at '\(step)': the folder shows a mixed or wrong set")
        #expect(consistent(seen))

        // The next run on the folder removes what the killed one left, and commits normally.
        #expect(try CLI.run(first(out)).exitCode == 0)
        #expect(visible(out) == firstSet)
        let (state, links) = try leftovers(out)
        #expect(state.count == 3 && state.contains("lock") && state.contains("current"), "left over: \(state)")
        #expect(links.isEmpty)
    }

    func killedAtRandomInstants(attempts: Int) throws {
        let (firstSet, secondSet) = try referenceSets()
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("round")
        #expect(try CLI.run(first(out)).exitCode == 0)
        var generator = SystemRandomNumberGenerator()
        var stepsReached: [Int] = []
        // Each commit step sleeps 30 ms, so a commit takes about 150 ms after the solve; kill
        // times are spread over the whole run, most of them inside the commit.
        for attempt in 0..<attempts {
            let (process, stderr) = try start(second(out), environment: ["KAPSTOK_TEST_COMMIT_DELAY_MS": "30"])
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
            let seen = visible(out)
            #expect(seen == firstSet || seen == secondSet, "attempt \(attempt): a mixed set after SIGKILL")
            // Put the first set back for the next attempt (also cleans up what was left).
            #expect(try CLI.run(first(out)).exitCode == 0)
            #expect(visible(out) == firstSet)
            #expect(try leftovers(out).state.count == 3)
        }
        print("commit steps reached before SIGKILL, per attempt: \(stepsReached)")
        // The kills must really have fallen inside the commit, not only before or after it.
        #expect(stepsReached.contains { $0 >= 1 && $0 < 5 }, "no kill landed inside a commit: \(stepsReached)")
    }

    func concurrentWriters(attempts: Int) throws {
        let (firstSet, secondSet) = try referenceSets()
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        for attempt in 0..<attempts {
            let out = temporary.path("round-\(attempt)")
            // A slowed-down commit makes the two runs overlap inside their commits.
            let environment = ["KAPSTOK_TEST_COMMIT_DELAY_MS": "10"]
            let (a, _) = try start(first(out), environment: environment)
            let (b, _) = try start(second(out), environment: environment)
            a.waitUntilExit()
            b.waitUntilExit()
            #expect(a.terminationStatus == 0 && b.terminationStatus == 0, "the later writer waits for the lock")
            let seen = visible(out)
            #expect(seen == firstSet || seen == secondSet, "attempt \(attempt): two concurrent runs left a mixed set")
            #expect(try leftovers(out).state.count == 3)
        }
    }
}

/// `match`: two rounds whose three output files all differ.
private let matchRounds = CommitRounds(
    first: { ["match", "--mentors", "valid/mentors.csv", "--mentees", "valid/mentees.csv", "--out", $0] },
    second: { out in
        func sample(_ name: String) -> String { Paths.packageRoot.appendingPathComponent("datasets/sample/" + name).path }
        return [
            "match", "--mentors", sample("mentors.csv"), "--mentees", sample("mentees.csv"),
            "--constraints", sample("constraints.csv"), "--history", sample("history.csv"), "--out", out,
        ]
    },
    visible: { out in visibleOutputs(out) })

@Suite("output commit under faults", .serialized) struct OutputCommitFaultTests {
    @Test(arguments: ["locked", "generation-written", "linked", "switched", "cleaned"])
    func killedAtAStepLeavesOneCompleteSet(step: String) throws {
        try matchRounds.killedAt(step: step)
    }

    @Test func matchOutputsAreThreeFiles() throws {
        let (first, second) = try matchRounds.referenceSets()
        #expect(first.keys.sorted() == ["pairings.csv", "summary.json", "unmatched.csv"])
        #expect(second.keys.sorted() == first.keys.sorted())
    }

    @Test func killedAtRandomInstantsOfASlowCommitAlwaysLeavesOneCompleteSet() throws {
        try matchRounds.killedAtRandomInstants(attempts: 16)
    }

    @Test func concurrentWritersNeverMixTheirFiles() throws {
        try matchRounds.concurrentWriters(attempts: 15)
    }
}
