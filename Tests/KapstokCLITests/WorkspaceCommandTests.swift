import Foundation
import Testing

/// A program workspace on the bundled sample dataset, driven through the CLI as a coordinator
/// would: init, import, match, schedule, goals, log, check-in, agenda, report, export, import.
enum WorkspaceFixture {
    static let sample = Paths.packageRoot.appendingPathComponent("datasets/sample")
    /// Every change is stamped 2027-07-01T08:00:00Z ("today" for the commands), so histories are reproducible.
    static let environment = ["SOURCE_DATE_EPOCH": "1814428800", "USER": "hr.tester"]

    static func file(_ name: String) -> String { sample.appendingPathComponent(name).path }

    static let importArguments = [
        "import", "--mentors", file("mentors.csv"), "--mentees", file("mentees.csv"), "--constraints", file("constraints.csv"),
        "--history", file("history.csv"), "--availability", file("availability.csv"), "--absences", file("absences.csv"),
    ]

    /// Runs `kapstok` in `folder` with the fixed environment; fails the test on an unexpected exit code.
    @discardableResult
    static func run(
        _ arguments: [String], in folder: URL, expect code: Int32 = 0, environment extra: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CommandResult {
        let result = try CLI.run(
            arguments, in: folder, environment: environment.merging(extra) { _, new in new }, sourceLocation: sourceLocation)
        #expect(
            result.exitCode == code, "kapstok \(arguments.joined(separator: " ")) exited \(result.exitCode): \(result.stderr)",
            sourceLocation: sourceLocation)
        return result
    }

    /// A workspace in `temporary/ws` with the sample imported, matched (2027-01-25) and scheduled.
    static func scheduled(in temporary: TemporaryFolder, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        let folder = temporary.url.appendingPathComponent("ws")
        try run(["init", folder.path, "--name", "HIPO 2027", "--config", file("kapstok.toml")], in: temporary.url, sourceLocation: sourceLocation)
        try run(importArguments, in: folder, sourceLocation: sourceLocation)
        try run(["match", "--today", "2027-01-25"], in: folder, sourceLocation: sourceLocation)
        try run(["schedule", "--today", "2027-01-25"], in: folder, sourceLocation: sourceLocation)
        return folder
    }

    /// The first session of a mentee, from `session list`.
    static func firstSession(of mentee: String, in folder: URL) throws -> String {
        let list = try run(["session", "list", "--mentee", mentee], in: folder)
        let line = try #require(lines(list.stdout).dropFirst().first)
        return String(line.prefix { $0 != " " })
    }

    /// Everything the workspace holds that a user can see, for before/after comparisons.
    static func state(of folder: URL) throws -> String {
        var text = ""
        for kind in ["goals", "checkins", "sessions"] { text += try run(["export", kind], in: folder).stdout }
        text += try run(["goal", "list"], in: folder).stdout
        text += try run(["milestone", "list"], in: folder).stdout
        return text
    }
}

@Suite("kapstok workspace")
struct WorkspaceCommandTests {
    @Test("a coordinator's program: every step's output is golden")
    func walkthrough() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = temporary.url.appendingPathComponent("ws")
        var transcript = ""
        func step(_ arguments: [String], expect code: Int32 = 0) throws {
            let result = try WorkspaceFixture.run(arguments, in: folder, expect: code)
            let shown = arguments.map { $0.hasPrefix(WorkspaceFixture.sample.path) ? URL(fileURLWithPath: $0).lastPathComponent : $0 }
            transcript += "$ kapstok \(shown.joined(separator: " "))\n\(result.stdout)\(result.stderr)"
        }
        try WorkspaceFixture.run(
            ["init", folder.path, "--name", "HIPO 2027", "--config", WorkspaceFixture.file("kapstok.toml")], in: temporary.url)
        try step(WorkspaceFixture.importArguments)
        try step(["match", "--today", "2027-01-25"])
        try step(["schedule", "--today", "2027-01-25"])
        try step(["goal", "list", "--mentee", "E01"])
        try step(["goal", "activate", "G0001", "--by", "Hilde (HR)"])
        try step(["goal", "achieve", "G0002"], expect: 65)
        try step(["milestone", "add", "--goal", "G0001", "--title", "Present the unit's 2028 vision", "--due", "4 weeks after the match"])
        let session = try WorkspaceFixture.firstSession(of: "E01", in: folder)
        try step([
            "session", "log", session, "--held", "--goals", "G0001,G0003", "--mentee-rating", "5", "--mentor-rating", "4",
            "--notes", "Vision draft discussed.\n- [ ] Rewrite the vision on one page",
        ])
        try step(["checkin", "--mentee", "E01", "--item", "leader.vision", "--level", "3", "--assessor", "mentor", "--evidence", "led the vision workshop", "--date", "2027-02-20"])
        try step(["agenda", "--mentee", "E01", "--today", "2027-02-22"])
        try step(["goal", "show", "G0001"])
        try step(["report", "--format", "md", "--today", "2027-02-22"])
        let normalised = Normalise.terminal(transcript.replacingOccurrences(of: session, with: "<session>"))
            .replacing(/optimal \([0-9.]+ s\)/, with: "optimal (<SECONDS> s)")
        assertSnapshot(normalised, named: "workspace-walkthrough.txt")

        // Determinism: the same report twice, byte for byte, in every format.
        for format in ["md", "csv", "json", "html"] {
            let first = try WorkspaceFixture.run(["report", "--format", format, "--today", "2027-02-22"], in: folder).stdout
            let second = try WorkspaceFixture.run(["report", "--format", format, "--today", "2027-02-22"], in: folder).stdout
            #expect(first == second, "report --format \(format) differs between two runs")
            #expect(!first.isEmpty)
        }
    }

    @Test("export then import of goals, check-ins and sessions changes nothing; an edited file updates")
    func exchangeRoundTrip() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = try WorkspaceFixture.scheduled(in: temporary)
        let session = try WorkspaceFixture.firstSession(of: "E02", in: folder)
        try WorkspaceFixture.run(["session", "log", session, "--held", "--goals", "G0004", "--notes", "line one\nline \"two\", =SUM(A1)"], in: folder)
        try WorkspaceFixture.run(["checkin", "--mentee", "E02", "--item", "coach.develop", "--level", "2", "--assessor", "self", "--date", "2027-02-18"], in: folder)
        // Logged sessions stay where they are: a new schedule is refused, a re-plan is the way.
        let refused = try WorkspaceFixture.run(["schedule", "--today", "2027-02-20"], in: folder, expect: 65)
        #expect(refused.stderr.contains("use 'kapstok replan --today DATE' instead"), "\(refused.stderr)")
        let before = try WorkspaceFixture.state(of: folder)
        for kind in ["goals", "checkins", "sessions"] {
            let path = temporary.path("\(kind).csv")
            try WorkspaceFixture.run(["export", kind, "--out", path], in: folder)
            let result = try WorkspaceFixture.run(["import", kind, path], in: folder)
            #expect(result.stdout.contains(" 0 added, 0 updated"), "\(kind): \(result.stdout)")
        }
        #expect(try WorkspaceFixture.state(of: folder) == before)

        // HR edits a title in the goals file: one goal updated, its history says so.
        let goals = temporary.path("goals.csv")
        let edited = try contents(goals).replacingOccurrences(of: "Developing employees: 1 → 4", with: "Coach two team leads")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: goals))
        let result = try WorkspaceFixture.run(["import", "goals", goals], in: folder)
        #expect(result.stdout.contains("0 added, 1 updated"), "\(result.stdout)")
        let shown = try WorkspaceFixture.run(["goal", "show", "G0004"], in: folder).stdout
        #expect(shown.contains("title: Developing employees: 1 → 4 → Coach two team leads"), "\(shown)")

        // A dropped goal cannot be edited through a file either.
        try WorkspaceFixture.run(["goal", "drop", "G0005"], in: folder)
        try WorkspaceFixture.run(["export", "goals", "--out", goals], in: folder)
        let closed = try contents(goals).replacingOccurrences(of: "Giving and receiving feedback: 2 → 4", with: "Reopened by a file")
        try Data(closed.utf8).write(to: URL(fileURLWithPath: goals))
        let closedImport = try WorkspaceFixture.run(["import", "goals", goals], in: folder, expect: 65)
        #expect(closedImport.stderr.contains("goal 'G0005' is dropped and cannot be edited"), "\(closedImport.stderr)")
    }

    @Test("bad input changes nothing: located errors, exit 65")
    func badInputChangesNothing() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = try WorkspaceFixture.scheduled(in: temporary)
        let before = try WorkspaceFixture.state(of: folder)

        // An exchange file with several problems: every one located, nothing imported.
        let checkins = temporary.path("bad-checkins.csv")
        try Data("mentee_id,item,level,date,assessor,evidence\nE01,leader.vision,3,2027-02-20,mentor,ok\nE99,leader.vison,7,2027-02-30,boss,x\n".utf8)
            .write(to: URL(fileURLWithPath: checkins))
        let result = try WorkspaceFixture.run(["import", "checkins", checkins], in: folder, expect: 65)
        for fragment in [
            "bad-checkins.csv:3:1: error: unknown mentee 'E99'", "bad-checkins.csv:3:5: error: unknown framework item 'leader.vison'",
            "bad-checkins.csv:3:18: error: level '7'", "bad-checkins.csv:3:20: error: invalid date '2027-02-30'",
            "bad-checkins.csv:3:31: error: invalid assessor 'boss'", "5 errors; nothing was changed",
        ] {
            #expect(result.stderr.contains(fragment), "missing \(fragment) in \(result.stderr)")
        }
        // A people file with an error: the import stops before any write.
        let mentors = temporary.path("mentors.csv")
        let text = try contents(WorkspaceFixture.file("mentors.csv"))
        try Data(text.replacingOccurrences(of: ",5,", with: ",9,").utf8).write(to: URL(fileURLWithPath: mentors))
        let people = try WorkspaceFixture.run(["import", "--mentors", mentors, "--mentees", WorkspaceFixture.file("mentees.csv")], in: folder, expect: 65)
        #expect(people.stderr.contains("mentors.csv:"), "\(people.stderr)")
        // Refused moves and unknown ids.
        try WorkspaceFixture.run(["goal", "achieve", "G0001"], in: folder, expect: 65)
        try WorkspaceFixture.run(["goal", "activate", "G9999"], in: folder, expect: 65)
        try WorkspaceFixture.run(["session", "log", "S000000000000", "--cancelled"], in: folder, expect: 65)
        try WorkspaceFixture.run(["checkin", "--mentee", "E01", "--item", "leader.vision", "--level", "6", "--assessor", "mentor"], in: folder, expect: 64)
        try WorkspaceFixture.run(["milestone", "add", "--goal", "G0001", "--title", "x", "--due", "next tuesday"], in: folder, expect: 64)
        // Dates and people a hostile user could give (today is 2027-07-01 in these tests).
        let session = try WorkspaceFixture.firstSession(of: "E01", in: folder)
        let refusals: [([String], String)] = [
            (["milestone", "add", "--goal", "G0001", "--title", "x", "--due", "2 weeks before the match"], "before the goal's start"),
            (["milestone", "add", "--goal", "G0001", "--title", "x", "--due", "+300w"], "after the program's end"),
            (["session", "log", session, "--held", "--on", "2027-07-20"], "after today"),
            (["session", "log", session, "--held", "--goals", "G0001,G0001"], "names a goal twice"),
            (["session", "log", session, "--moved", "--to", "2099-12-31 10:00"], "outside the program"),
            (["session", "log", session, "--moved", "--to", "2027-04-16 23:30"], "would end the next day"),
            (["checkin", "--mentee", "E01", "--item", "leader.vision", "--level", "3", "--assessor", "hr", "--date", "2027-07-02"], "after today"),
            (["goal", "edit", "G0003", "--mentor", "M01"], "is not the mentor of 'E01'"),
            (["goal", "add", "--mentee", "E01", "--item", "leader.vision", "--target", "5", "--due", "+300w"], "within the program"),
            (["match", "--today", "2099-12-31"], "after the program's end"),
        ]
        for (arguments, message) in refusals {
            let refused = try WorkspaceFixture.run(arguments, in: folder, expect: 65)
            #expect(refused.stderr.contains(message), "\(arguments.joined(separator: " ")): \(refused.stderr)")
        }
        // Outputs never land on the workspace's own files.
        for arguments in [["report", "--out", "kapstok.sqlite"], ["export", "goals", "--out", "./kapstok.toml"], ["backup", "kapstok.sqlite-wal"]] {
            let refused = try WorkspaceFixture.run(arguments, in: folder, expect: 73)
            #expect(refused.stderr.contains("is one of the workspace's own files"), "\(refused.stderr)")
        }
        #expect(try WorkspaceFixture.state(of: folder) == before)
    }

    @Test("re-importing says who was added, what changed field by field, and who is no longer in the file")
    func reimportReportsChanges() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = try WorkspaceFixture.scheduled(in: temporary)
        var rows = lines(try contents(WorkspaceFixture.file("mentors.csv"))).filter { !$0.isEmpty }
        let header = csvFields(rows[0])
        let capacity = try #require(header.firstIndex(of: "capacity"))
        var first = csvFields(rows[1])
        let old = first[capacity]
        first[capacity] = "5"
        rows[1] = first.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",")
        let dropped = csvFields(rows.removeLast())[0]
        let mentors = temporary.path("mentors.csv")
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: mentors))
        let result = try WorkspaceFixture.run(["import", "--mentors", mentors, "--mentees", WorkspaceFixture.file("mentees.csv")], in: folder)
        #expect(result.stdout.contains("mentors: 0 added, 1 updated, 13 unchanged, 1 no longer in the file"), "\(result.stdout)")
        #expect(result.stdout.contains("\(first[0]): capacity \(old) → 5"), "\(result.stdout)")
        #expect(result.stdout.contains("not in the file: \(dropped)"), "\(result.stdout)")
        #expect(result.stdout.contains("mentees: 0 added, 0 updated, 40 unchanged"), "\(result.stdout)")
    }

    @Test("a second match adds no draft goal a pair already has; draft goals start from assessed domain levels")
    func matchAgainAddsOnlyNewGoals() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = try WorkspaceFixture.scheduled(in: temporary)
        let goals = try WorkspaceFixture.run(["export", "goals"], in: folder).stdout
        let again = try WorkspaceFixture.run(["match", "--today", "2027-01-26"], in: folder)
        #expect(again.stdout.contains("with 0 draft goals (90 more were already there)"), "\(again.stdout)")
        #expect(try WorkspaceFixture.run(["export", "goals"], in: folder).stdout == goals)

        // A fresh workspace where E01 was assessed at 2 on Change before the match: the domain
        // goal starts there (1 without a check-in).
        let other = temporary.url.appendingPathComponent("ws2")
        try WorkspaceFixture.run(["init", other.path, "--name", "P", "--config", WorkspaceFixture.file("kapstok.toml")], in: temporary.url)
        try WorkspaceFixture.run(WorkspaceFixture.importArguments, in: other)
        try WorkspaceFixture.run(["checkin", "--mentee", "E01", "--item", "domain.change", "--level", "2", "--assessor", "hr", "--date", "2027-01-20"], in: other)
        try WorkspaceFixture.run(["match", "--today", "2027-01-25"], in: other)
        let list = try WorkspaceFixture.run(["goal", "list", "--mentee", "E01"], in: other).stdout
        #expect(list.contains("domain.change    2 → 4"), "\(list)")
    }

    @Test("a workspace from a newer Kapstok is refused; a folder without one is named")
    func newerSchemaRefused() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = temporary.url.appendingPathComponent("ws")
        try WorkspaceFixture.run(["init", folder.path, "--name", "P"], in: temporary.url)
        let database = folder.appendingPathComponent("kapstok.sqlite").path
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version=99'); c.commit()", database]
        try python.run()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
        let result = try WorkspaceFixture.run(["goal", "list"], in: folder, expect: 66)
        #expect(result.stderr.contains("was written by a newer Kapstok (schema 99"), "\(result.stderr)")
        let none = try WorkspaceFixture.run(["goal", "list"], in: temporary.url, expect: 66)
        #expect(none.stderr.contains("the current folder holds no workspace"), "\(none.stderr)")
        try WorkspaceFixture.run(["init", folder.path, "--name", "P"], in: temporary.url, expect: 73)
    }
}

@Suite("kapstok workspace under kills and concurrent commands")
struct WorkspaceCrashTests {
    @Test("kill -9 inside the transaction of import, match and session log leaves the workspace as it was")
    func killedBeforeCommit() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = try WorkspaceFixture.scheduled(in: temporary)
        let session = try WorkspaceFixture.firstSession(of: "E01", in: folder)
        let kill = ["KAPSTOK_TEST_KILL_AT": "commit"]
        let commands: [[String]] = [
            ["session", "log", session, "--held", "--goals", "G0001", "--notes", "killed"],
            ["match", "--today", "2027-01-26"],
            WorkspaceFixture.importArguments,
            ["checkin", "--mentee", "E01", "--item", "leader.vision", "--level", "4", "--assessor", "hr"],
            ["goal", "activate", "G0001"],
        ]
        for command in commands {
            let before = try WorkspaceFixture.state(of: folder)
            let rounds = try WorkspaceFixture.run(["goal", "list"], in: folder).stdout
            let result = try CLI.run(command, in: folder, environment: WorkspaceFixture.environment.merging(kill) { _, new in new })
            #expect(result.exitCode == SIGKILL, "\(command[0]) was not killed: \(result.exitCode) \(result.stderr)")
            #expect(try WorkspaceFixture.state(of: folder) == before, "\(command.joined(separator: " ")) left a change")
            #expect(try WorkspaceFixture.run(["goal", "list"], in: folder).stdout == rounds)
        }
        // The same commands without the kill do change it (so the comparison above can fail).
        let before = try WorkspaceFixture.state(of: folder)
        try WorkspaceFixture.run(commands[0], in: folder)
        #expect(try WorkspaceFixture.state(of: folder) != before)
    }

    @Test("kill -9 at a random moment of an import: the workspace is as before or as after, never between")
    func killedAtRandomMoments() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = try WorkspaceFixture.scheduled(in: temporary)
        // A larger people file: 3,000 mentees (the sample's 40 and generated ones).
        let generated = temporary.url.appendingPathComponent("generated")
        try WorkspaceFixture.run(["generate", "--mentees", "3000", "--mentors", "900", "--seed", "3", "--out", generated.path], in: temporary.url)
        let arguments = ["import", "--mentors", generated.appendingPathComponent("mentors.csv").path, "--mentees", generated.appendingPathComponent("mentees.csv").path]
        let binary = try #require(CLI.binary)
        var outcomes: Set<String> = []
        for delay in [0.05, 0.15, 0.3, 0.5, 0.8] {
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Every mentee of the file or none: the report counts 40 mentees (before) or 3,040
            // (after: the sample's 40 are kept, inactive), never a number in between.
            let report = try WorkspaceFixture.run(["report", "--format", "md", "--today", "2027-02-01"], in: folder).stdout
            let count = lines(report).first { $0.hasPrefix("- Mentees: ") }.map { String($0.dropFirst(11)) }
            outcomes.insert(process.terminationReason == .uncaughtSignal ? "killed" : "finished")
            #expect(count == "40" || count == "3040", "mentees after a kill at \(delay) s: \(count ?? "none")")
        }
        #expect(!outcomes.isEmpty)
    }

    @Test("commands at the same time all succeed: writes wait for each other")
    func concurrentCommands() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let folder = try WorkspaceFixture.scheduled(in: temporary)
        let binary = try #require(CLI.binary)
        var processes: [Process] = []
        // Eight check-ins and a backup at once; each write holds its transaction 200 ms.
        for index in 0..<8 {
            let process = Process()
            process.executableURL = binary
            process.arguments = [
                "checkin", "--mentee", "E0\(index + 1)", "--item", "leader.vision", "--level", "3", "--assessor", "mentor", "--date", "2027-03-0\(index + 1)",
            ]
            process.currentDirectoryURL = folder
            process.environment = ProcessInfo.processInfo.environment
                .merging(WorkspaceFixture.environment.merging(["KAPSTOK_TEST_COMMIT_DELAY_MS": "200"]) { _, new in new }) { _, new in new }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            processes.append(process)
        }
        let backup = Process()
        backup.executableURL = binary
        backup.arguments = ["backup", temporary.path("copy.sqlite")]
        backup.currentDirectoryURL = folder
        backup.standardOutput = FileHandle.nullDevice
        backup.standardError = FileHandle.nullDevice
        processes.append(backup)
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "\(processes.map(\.terminationStatus))")
        let checkins = try WorkspaceFixture.run(["export", "checkins"], in: folder).stdout
        #expect(lines(checkins).filter { $0.contains(",leader.vision,3,2027-03-0") }.count == 8)
        // The backup is a workspace of its own, consistent: it opens and exports.
        let copy = temporary.url.appendingPathComponent("copy")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: temporary.path("copy.sqlite"), toPath: copy.appendingPathComponent("kapstok.sqlite").path)
        let copied = try WorkspaceFixture.run(["export", "goals"], in: copy)
        #expect(lines(copied.stdout).count > 90)
    }
}
