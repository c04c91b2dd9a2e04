import Foundation
import Testing

/// An independent reader of the calendar files the CLI writes: Python's `icalendar` parses every
/// `calendars/**/*.ics` and resolves each event's DTSTART/DTEND through the file's own VTIMEZONE
/// (`Scripts/check_ics.py`); the instants must be those of `sessions.csv`'s `start` and `end`
/// with their UTC offsets, on both sides of the change to summer time.
///
/// Needs `python3` with `icalendar` (`.ci/run` installs it): the test fails when either is missing.
@Suite("calendar files of schedule and replan, read by Python icalendar") struct ScheduleICSPythonCheckTests {
    static let script = Paths.packageRoot.appendingPathComponent("Scripts/check_ics.py")

    /// `2027-03-29T10:00:00+02:00` → `2027-03-29T08:00:00Z`.
    static func utc(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let parser = ISO8601DateFormatter()
        let date = try #require(parser.date(from: text), "not a time with offset: \(text)", sourceLocation: sourceLocation)
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func expectedEvent(_ row: SessionRow, shift: Bool = false) throws -> [String: Any] {
        var start = try utc(row.start)
        if shift { start = try utc(row.start.replacingOccurrences(of: "+02:00", with: "+01:00")) }
        return [
            "uid": row.id + "@kapstok", "sequence": row.sequence, "start_utc": start, "end_utc": try utc(row.end),
            "status": row.status == "cancelled" ? "CANCELLED" : "CONFIRMED",
        ]
    }

    /// What program.ics and each person's file must hold: every session of sessions.csv except
    /// no-shows, exactly once. `shiftSession` breaks one expected instant (by an hour).
    static func manifest(out: String, shiftSession: String? = nil) throws -> [[String: Any]] {
        let rows = try SessionRow.read(out + "/sessions.csv").filter { $0.status != "no_show" }
        let events = try rows.map { try expectedEvent($0, shift: $0.id == shiftSession) }
        var manifest: [[String: Any]] = [["file": out + "/calendars/program.ics", "method": "PUBLISH", "events": events]]
        let people = Set(rows.flatMap { [$0.mentee, $0.mentor] }).sorted()
        for person in people {
            let own = zip(rows, events).filter { $0.0.mentee == person || $0.0.mentor == person }.map(\.1)
            manifest.append(["file": out + "/calendars/people/\(person).ics", "method": "PUBLISH", "events": own])
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: out + "/calendars/people")
        #expect(files.sorted() == people.map { $0 + ".ics" }, "a calendar file per person with a session")
        return manifest
    }

    /// Runs the checker on a manifest; its exit status and both outputs.
    static func check(_ manifest: [[String: Any]], in temporary: TemporaryFolder) throws -> (status: Int32, output: String) {
        let path = temporary.path("manifest-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func scheduleCalendarsHoldEverySessionAtItsInstant() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = try ScheduleFixture.scheduled(in: temporary)
        let rows = try SessionRow.read(out + "/sessions.csv")
        #expect(rows.contains { $0.start.hasSuffix("+01:00") } && rows.contains { $0.start.hasSuffix("+02:00") })
        let manifest = try Self.manifest(out: out)
        let result = try Self.check(manifest, in: temporary)
        #expect(result.status == 0, "check_ics.py failed (exit 3: install icalendar, see .ci/run):\n\(result.output)")
        // 12 sessions in program.ics and twice 12 in the people's files.
        #expect(result.output.contains("\(manifest.count) files, \(3 * rows.count) events, 0 problems"), "\(result.output)")

        // The check can fail: a summer-time session expected an hour off is caught.
        let summer = try #require(rows.first { $0.start.hasSuffix("+02:00") })
        let broken = try Self.check(try Self.manifest(out: out, shiftSession: summer.id), in: temporary)
        #expect(broken.status == 1, "\(broken.output)")
        #expect(broken.output.contains(summer.id), "\(broken.output)")
    }

    @Test func replanCalendarsHoldTheNewTimesAndCancellations() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = try ScheduleFixture.scheduled(in: temporary)
        let old = Dictionary(uniqueKeysWithValues: try SessionRow.read(out + "/sessions.csv").map { ($0.id, $0) })
        let absences = try ScheduleFixture.absencesWithMentorAway(in: temporary)
        let replan = try CLI.run(ScheduleFixture.replan(out: out, replacing: ["--absences": absences], extra: ["--leave", "E2"]))
        #expect(replan.exitCode == 0, "\(replan.stderr)")

        let rows = Dictionary(uniqueKeysWithValues: try SessionRow.read(out + "/sessions.csv").map { ($0.id, $0) })
        let changes = try ChangeRow.read(out + "/changes.csv")
        #expect(changes.contains { $0.change == "moved" } && changes.contains { $0.change == "cancelled" }, "\(changes)")
        var manifest = try Self.manifest(out: out)
        for change in changes {
            let row = try #require(rows[change.id])
            let before = try #require(old[change.id])
            #expect(row.sequence > before.sequence, "\(change.id): SEQUENCE must grow")
            switch change.change {
            case "moved":
                #expect(row.start == change.newStart && row.start != before.start)
                #expect(row.status == "planned")
            case "cancelled":
                #expect(row.status == "cancelled" && row.start == before.start)
            default:
                Issue.record("unexpected change \(change)")
            }
            manifest.append([
                "file": out + "/calendars/changes/\(change.id).ics",
                "method": change.change == "cancelled" ? "CANCEL" : "REQUEST",
                "events": [try Self.expectedEvent(row)],
            ])
        }
        let result = try Self.check(manifest, in: temporary)
        #expect(result.status == 0, "check_ics.py failed (exit 3: install icalendar, see .ci/run):\n\(result.output)")
        #expect(result.output.contains("\(manifest.count) files,") && result.output.contains(" 0 problems"), "\(result.output)")
    }
}
