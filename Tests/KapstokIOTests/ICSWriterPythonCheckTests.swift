import Foundation
import Kapstok
import Testing

@testable import KapstokIO

/// An independent reader of the files: Python's `icalendar` parses them and resolves every
/// event's DTSTART/DTEND through the file's own VTIMEZONE (`Scripts/check_ics.py`), and the
/// UTC instants must be those Foundation's `Calendar` gives for the wall-clock times.
///
/// Needs `python3` with `icalendar` (`pip install icalendar`; `.ci/run` installs it): the test
/// fails, with that instruction, when either is missing.
@Suite struct ICSWriterPythonCheckTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    private static let script = repository.appendingPathComponent("Scripts/check_ics.py")

    /// Sessions on both sides of clock changes, per zone (local start times, one hour each).
    private static let cases: [(zone: String, starts: [LocalDateTime])] = [
        // Last Sunday of March 2027 is the 28th, of October the 31st.
        ("Europe/Brussels", [at(2027, 3, 23, 10), at(2027, 3, 30, 10), at(2027, 10, 26, 10), at(2027, 11, 2, 10), at(2028, 1, 11, 10)]),
        // 2nd Sunday of March 2027 is the 14th, 1st Sunday of November the 7th.
        ("America/New_York", [at(2027, 3, 9, 10), at(2027, 3, 16, 10), at(2027, 11, 2, 10), at(2027, 11, 9, 10)]),
        // 1st Sunday of April 2027 is the 4th (DST ends), of October the 3rd (DST starts).
        ("Australia/Sydney", [at(2027, 4, 1, 10), at(2027, 4, 8, 10), at(2027, 9, 28, 10), at(2027, 10, 5, 10)]),
        ("Asia/Kolkata", [at(2027, 3, 23, 10), at(2027, 10, 26, 16, 30)]),
        ("UTC", [at(2027, 3, 23, 10), at(2027, 3, 30, 23, 0)]),
        // No yearly rule over 2028–2030 (see ICSTimeZoneTests): one observance per transition.
        ("Asia/Jerusalem", [at(2029, 3, 20, 10), at(2029, 3, 27, 10), at(2030, 3, 26, 10), at(2030, 4, 2, 10)]),
        ("America/Santiago", [at(2029, 4, 3, 10), at(2029, 4, 10, 10), at(2029, 9, 4, 10), at(2029, 9, 11, 10)]),
    ]

    private static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> LocalDateTime {
        LocalDateTime(date: CalendarDate(year: year, month: month, day: day), time: ClockTime(hours: hour, minutes: minute))
    }

    /// The UTC instant of a wall-clock time, by Foundation's `Calendar` (not the writer's VTIMEZONE).
    private static func utc(_ local: LocalDateTime, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(
            year: local.date.year, month: local.date.month, day: local.date.day, hour: local.time.minutes / 60,
            minute: local.time.minutes % 60)
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: calendar.date(from: components)!)
    }

    private struct Written {
        var manifest: [[String: Any]] = []
        var events = 0
    }

    /// Writes a publish file per zone plus a request and a cancel of its first session, and the
    /// manifest of what each must hold; `shiftFirstExpectation` breaks one expected instant.
    private static func writeFiles(in folder: URL, shiftFirstExpectation: Bool = false) throws -> Written {
        var written = Written()
        let stamp = Date(timeIntervalSince1970: 1_800_000_000)
        let organizer = CalendarOrganizer(email: "hipo@example.org", name: "HIPO, Office")
        let people = [
            CalendarPerson(id: "E01", name: "Zoë Peeters", email: "zoe@example.org"),
            CalendarPerson(id: "M01", name: "Benoît \"Ben\" Dubois", email: "ben@example.org"),
        ]
        for (index, (identifier, starts)) in cases.enumerated() {
            let zone = try #require(TimeZone(identifier: identifier))
            let events = starts.enumerated().map { number, start in
                CalendarEvent(
                    uid: SessionIdentity.uid(sessionID: SessionIdentity.id(program: identifier, menteeID: "E01", mentorID: "M01", number: number + 1)),
                    sequence: number % 3, start: start,
                    end: LocalDateTime(date: start.date, time: ClockTime(minutes: start.time.minutes + 60)),
                    summary: "Mentoring: Zoë Peeters – Benoît Dubois (\(number + 1)/\(starts.count)) in \(identifier), long enough to fold 😀😀",
                    description: "Session \(number + 1); agenda: goals, plan\\review\nsecond line", attendees: people)
            }
            func expected(_ event: CalendarEvent, status: String) -> [String: Any] {
                var start = utc(event.start, in: zone)
                if shiftFirstExpectation, written.manifest.isEmpty {
                    start = utc(LocalDateTime(date: event.start.date, time: ClockTime(minutes: event.start.time.minutes + 60)), in: zone)
                }
                return [
                    "uid": event.uid, "sequence": event.sequence, "status": status, "start_utc": start,
                    "end_utc": utc(event.end, in: zone), "summary": event.summary, "description": event.description,
                ]
            }
            let files: [(String, String, Data, [[String: Any]])] = [
                ("publish-\(index).ics", "PUBLISH",
                 ICSWriter.publish(events: events.reversed(), calendarName: identifier, timeZone: zone, stamp: stamp, organizer: organizer),
                 events.map { expected($0, status: "CONFIRMED") }),
                ("request-\(index).ics", "REQUEST",
                 ICSWriter.request(event: events[1], timeZone: zone, stamp: stamp, organizer: organizer), [expected(events[1], status: "CONFIRMED")]),
                ("cancel-\(index).ics", "CANCEL",
                 ICSWriter.cancel(event: events[0], timeZone: zone, stamp: stamp, organizer: organizer), [expected(events[0], status: "CANCELLED")]),
            ]
            for (name, method, data, expectations) in files {
                let url = folder.appendingPathComponent(name)
                try data.write(to: url)
                written.manifest.append(["file": url.path, "method": method, "events": expectations])
                written.events += expectations.count
            }
        }
        let manifest = try JSONSerialization.data(withJSONObject: written.manifest, options: [.sortedKeys])
        try manifest.write(to: folder.appendingPathComponent("manifest.json"))
        return written
    }

    /// Runs the checker; exit status and both outputs.
    private static func runCheck(_ folder: URL) throws -> (status: Int32, output: String, errors: String) {
        let result = try runTool(["python3", script.path, folder.appendingPathComponent("manifest.json").path])
        return (result.status, String(decoding: result.output, as: UTF8.self), result.errors)
    }

    private static let installHint =
        "the ICS check needs python3 with the icalendar package: `pip install icalendar` (Debian's python3: `apt-get install python3-pip` and `pip install --break-system-packages icalendar`)"

    @Test func icalendarResolvesEveryEventThroughTheFilesOwnTimeZone() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try Self.writeFiles(in: folder)
        let result = try Self.runCheck(folder)
        #expect(result.status != 127, "python3 not found: \(Self.installHint)")
        #expect(result.status != 3, "\(result.errors) — \(Self.installHint)")
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.contains("\(written.manifest.count) files, \(written.events) events, 0 problems"), "\(result.output)")
        print(result.output, terminator: "")
    }

    /// The check can fail: one expectation an hour off is reported.
    @Test func icalendarCheckReportsAWrongInstant() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.writeFiles(in: folder, shiftFirstExpectation: true)
        let result = try Self.runCheck(folder)
        #expect(result.status == 1, "\(result.status): \(result.output)\(result.errors) — \(Self.installHint)")
        #expect(result.errors.contains("DTSTART is 2027-03-23T09:00:00+00:00, expected 2027-03-23T10:00:00+00:00"), "\(result.errors)")
    }

    /// The instants come from the file's VTIMEZONE, not from a zone database: moving the
    /// spring change in the Brussels file to April moves the 2027-03-30 session (and no other).
    @Test func icalendarReadsTheFilesOwnTimeZone() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.writeFiles(in: folder)
        let file = folder.appendingPathComponent("publish-0.ics")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"))
        try Data(text.replacingOccurrences(of: "BYMONTH=3;BYDAY=-1SU", with: "BYMONTH=4;BYDAY=-1SU").utf8).write(to: file)
        let result = try Self.runCheck(folder)
        #expect(result.status == 1, "\(result.status): \(result.output)\(result.errors) — \(Self.installHint)")
        let problems = result.errors.split(separator: "\n")
        #expect(problems.count == 2, "\(result.errors)")
        #expect(problems.allSatisfy { 
            $0.contains("publish-0.ics")
                && ($0.contains("DTSTART is 2027-03-30T09:00:00+00:00, expected 2027-03-30T08:00:00+00:00")
                    || $0.contains("DTEND is 2027-03-30T10:00:00+00:00, expected 2027-03-30T09:00:00+00:00"))
        }, "\(result.errors)")
    }

    /// The expectations come from Foundation; pin the known Brussels and New York instants so a
    /// wrong expectation source cannot hide a wrong file.
    @Test func expectedInstantsAreTheKnownOnes() throws {
        let brussels = try #require(TimeZone(identifier: "Europe/Brussels"))
        #expect(Self.utc(Self.at(2027, 3, 23, 10), in: brussels) == "2027-03-23T09:00:00Z")
        #expect(Self.utc(Self.at(2027, 3, 30, 10), in: brussels) == "2027-03-30T08:00:00Z")
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        #expect(Self.utc(Self.at(2027, 3, 9, 10), in: newYork) == "2027-03-09T15:00:00Z")
        #expect(Self.utc(Self.at(2027, 3, 16, 10), in: newYork) == "2027-03-16T14:00:00Z")
    }
}
