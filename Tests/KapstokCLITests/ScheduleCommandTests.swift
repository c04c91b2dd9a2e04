import Foundation
import Testing

/// The program in `Fixtures/schedule/`: 4 sessions per pair between 2027-03-01 and 2027-05-28,
/// 1–5 weeks apart, in Europe/Brussels (summer time from Sunday 2027-03-28, so sessions before
/// it are `+01:00` and after it `+02:00`). Pairs E1–M1 and E2–M1 share a mentor, E3–M2 has its
/// own, E4–M3 cannot meet (M3 is away for the whole program). Paths are relative to `Fixtures/`.
enum ScheduleFixture {
    static let inputs = [
        "--pairings", "schedule/pairings.csv", "--availability", "schedule/availability.csv",
        "--absences", "schedule/absences.csv", "--config", "schedule/kapstok.toml",
        "--mentors", "schedule/mentors.csv", "--mentees", "schedule/mentees.csv",
    ]
    /// `schedule` on the fixture, stamped 2027-02-15.
    static func schedule(out: String) -> [String] { ["schedule"] + inputs + ["--today", "2027-02-15", "--out", out] }

    /// `replan` of the schedule in `out`, on 2027-03-15, with `inputs` replaced where given.
    static func replan(out: String, replacing: [String: String] = [:], extra: [String] = []) -> [String] {
        (["replan", "--sessions", out + "/sessions.csv"] + inputs + ["--today", "2027-03-15", "--out", out]).replacing(replacing)
            + extra
    }

    /// Runs `schedule` into a new folder `round` of `temporary`; fails the test unless it exits 0.
    static func scheduled(in temporary: TemporaryFolder, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let out = temporary.path("round")
        let result = try CLI.run(schedule(out: out), sourceLocation: sourceLocation)
        #expect(result.exitCode == 0, "schedule failed: \(result.stderr)", sourceLocation: sourceLocation)
        return out
    }

    /// The fixture's absences plus M1 away for four weeks (Monday 2027-04-05 to Sunday 2027-05-02).
    static func absencesWithMentorAway(in temporary: TemporaryFolder) throws -> String {
        let path = temporary.path("absences-m1-away.csv")
        let text = try contents(Paths.fixtures.appendingPathComponent("schedule/absences.csv").path)
            + "M1,2027-04-05,2027-05-02,sick leave\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// One row of a `sessions.csv`.
struct SessionRow: Equatable {
    var id, mentee, mentor: String
    var number: Int
    var start, end, status: String
    var sequence: Int
    var line: String

    static func parse(_ text: String) -> [SessionRow] {
        lines(text).dropFirst().filter { !$0.isEmpty }.map { line in
            let f = csvFields(line)
            return SessionRow(
                id: f[0], mentee: f[1], mentor: f[2], number: Int(f[3]) ?? -1, start: f[4], end: f[5], status: f[6],
                sequence: Int(f[7]) ?? -1, line: line)
        }
    }

    static func read(_ path: String) throws -> [SessionRow] { parse(try contents(path)) }
}

/// One row of a `changes.csv`.
struct ChangeRow: Equatable {
    var id, oldStart, newStart, why, change, mentee, mentor: String
    var number: Int

    static func read(_ path: String) throws -> [ChangeRow] {
        lines(try contents(path)).dropFirst().filter { !$0.isEmpty }.map { line in
            let f = csvFields(line)
            return ChangeRow(
                id: f[0], oldStart: f[1], newStart: f[2], why: f[3], change: f[4], mentee: f[5], mentor: f[6],
                number: Int(f[7]) ?? -1)
        }
    }
}

extension Normalise {
    /// `(0.03 s)` after the group counts of the schedule summary → `(<SECONDS> s)`.
    static func scheduleTerminal(_ text: String) -> String {
        text.replacing(/\(([0-9]+\.[0-9]+) s\)/, with: "(<SECONDS> s)")
    }
}

/// Everything in an output folder, links not followed: each entry's kind, link target or bytes.
/// Equal before and after a run means the run changed nothing.
func folderState(_ out: String) -> [String: String] {
    var state: [String: String] = [:]
    let manager = FileManager.default
    guard let entries = try? manager.subpathsOfDirectory(atPath: out) else { return state }
    for entry in entries {
        let path = out + "/" + entry
        if let target = try? manager.destinationOfSymbolicLink(atPath: path) {
            state[entry] = "link → " + target
            continue
        }
        var isDirectory: ObjCBool = false
        _ = manager.fileExists(atPath: path, isDirectory: &isDirectory)
        state[entry] = isDirectory.boolValue
            ? "folder" : "file " + ((manager.contents(atPath: path)?.base64EncodedString()) ?? "<unreadable>")
    }
    return state
}

/// The output files as a reader sees them through the folder's links (hidden entries skipped),
/// by path (`calendars/people/E1.ics`), as text; `schedule.json` without its solve time.
func visibleOutputs(_ out: String) -> [String: String] {
    var result: [String: String] = [:]
    let manager = FileManager.default
    for name in (try? manager.contentsOfDirectory(atPath: out)) ?? [] where !name.hasPrefix(".") {
        let resolved = URL(fileURLWithPath: out + "/" + name).resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: resolved.path, isDirectory: &isDirectory) else { continue }
        if isDirectory.boolValue {
            for (inner, data) in folderContents(resolved) {
                result[name + "/" + inner] = String(decoding: data, as: UTF8.self)
            }
        } else if let data = manager.contents(atPath: resolved.path) {
            result[name] = Normalise.summaryJSON(String(decoding: data, as: UTF8.self))
        }
    }
    return result
}

/// The `METHOD` of a calendar file.
func calendarMethod(_ text: String) -> String? {
    lines(text).first { $0.hasPrefix("METHOD:") }.map { String($0.dropFirst("METHOD:".count)).trimmingCharacters(in: .whitespacesAndNewlines) }
}

@Suite("kapstok schedule") struct ScheduleCommandTests {
    @Test func fixtureGivesGoldenOutputs() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("round")
        let result = try CLI.run(ScheduleFixture.schedule(out: out))
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        assertSnapshot(Normalise.scheduleTerminal(temporary.normalise(result.stdout)), named: "schedule.stdout.txt")
        let sessions = try contents(out + "/sessions.csv")
        assertSnapshot(sessions, named: "schedule.sessions.csv")
        assertSnapshot(try contents(out + "/unscheduled.csv"), named: "schedule.unscheduled.csv")
        assertSnapshot(Normalise.summaryJSON(try contents(out + "/schedule.json")), named: "schedule.schedule.json")
        assertSnapshot(try contents(out + "/calendars/people/E1.ics"), named: "schedule.people-E1.ics")
        assertSnapshot(try contents(out + "/calendars/program.ics"), named: "schedule.program.ics")

        // The fixture crosses the change to summer time: both offsets occur.
        let rows = SessionRow.parse(sessions)
        #expect(rows.contains { $0.start.hasSuffix("+01:00") } && rows.contains { $0.start.hasSuffix("+02:00") })
        #expect(rows.allSatisfy { ($0.start < "2027-03-28") == $0.start.hasSuffix("+01:00") })
        // One calendar per person with a session (E4 and M3 have none), and no change files.
        let people = try FileManager.default.contentsOfDirectory(atPath: out + "/calendars/people").sorted()
        let expected = Set(rows.flatMap { [$0.mentee, $0.mentor] }).map { $0 + ".ics" }.sorted()
        #expect(people == expected)
        #expect(!FileManager.default.fileExists(atPath: out + "/calendars/changes"))
        #expect(!FileManager.default.fileExists(atPath: out + "/changes.csv"))
    }

    @Test func sameInputGivesByteIdenticalFiles() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let first = temporary.path("first"), second = temporary.path("second")
        #expect(try CLI.run(ScheduleFixture.schedule(out: first)).exitCode == 0)
        #expect(try CLI.run(ScheduleFixture.schedule(out: second)).exitCode == 0)
        let a = visibleOutputs(first), b = visibleOutputs(second)
        #expect(a.keys.contains("sessions.csv") && a.keys.contains("calendars/program.ics"))
        #expect(a == b, "two runs on the same input differ")
    }

    /// A schedule after a re-plan removes the re-plan's changes.csv and change files.
    @Test func scheduleAfterReplanRemovesStaleChanges() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = try ScheduleFixture.scheduled(in: temporary)
        let replan = try CLI.run(ScheduleFixture.replan(out: out, extra: ["--leave", "E2"]))
        #expect(replan.exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/changes.csv"))
        #expect(FileManager.default.fileExists(atPath: out + "/calendars/changes"))
        #expect(try CLI.run(ScheduleFixture.schedule(out: out)).exitCode == 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/changes.csv"))
        #expect(!FileManager.default.fileExists(atPath: out + "/calendars/changes"))
    }
}
