import Kapstok
import Testing

@testable import KapstokIO

@Suite struct SessionsLoaderTests {
    private static let header = "session_id,mentee_id,mentor_id,number,start,end,status,sequence"

    private func load(_ text: String, zone: String = "Europe/Brussels") throws -> (sessions: [Session], diagnostics: [String]) {
        let clock = try #require(FoundationWallClock(identifier: zone))
        var diagnostics = DiagnosticCollector()
        let sessions = SessionsLoader.load(.text(text, path: "sessions.csv"), clock: clock, diagnostics: &diagnostics) ?? []
        return (sessions, diagnostics.diagnostics.map(\.description))
    }

    private func local(_ date: String, _ time: String) -> LocalDateTime {
        LocalDateTime(date: LocalTimeFormat.date(date)!, time: ClockTime(time)!)
    }

    @Test func readsWhatScheduleWrites() throws {
        let (sessions, diagnostics) = try load("""
            \(Self.header)
            s-1,E1,M1,1,2027-03-23T10:00:00+01:00,2027-03-23T11:00:00+01:00,held,0
            s-2,E1,M1,2,2027-04-13T10:00:00+02:00,2027-04-13T11:00:00+02:00,Planned,3
            s-3,E1,M1,3,2027-05-04T23:00:00+02:00,2027-05-05T00:00:00+02:00,no_show,
            s-4,E2,M1,1,2027-10-31T02:30:00+02:00,2027-10-31T03:30:00+01:00,cancelled,1000000
            """)
        #expect(diagnostics.isEmpty)
        #expect(sessions.map(\.id) == ["s-1", "s-2", "s-3", "s-4"])
        #expect(sessions.map(\.status) == [.held, .planned, .noShow, .cancelled])
        #expect(sessions.map(\.sequence) == [0, 3, 0, 1_000_000])
        #expect(sessions.map(\.number) == [1, 2, 3, 1])
        #expect(sessions[1].start == local("2027-04-13", "10:00"))
        #expect(sessions[1].end == local("2027-04-13", "11:00"))
        // Midnight at the end is 24:00 of the session's day.
        #expect(sessions[2].end == LocalDateTime(date: LocalTimeFormat.date("2027-05-04")!, time: ClockTime(minutes: 1440)))
        #expect(sessions[3].pair == PairID(menteeID: "E2", mentorID: "M1"))
        #expect(sessions.map { $0.location?.description } == (2...5).map { "sessions.csv:\($0):1" })
    }

    @Test func sequenceColumnIsOptional() throws {
        let (sessions, diagnostics) = try load("""
            session_id,mentee_id,mentor_id,number,start,end,status
            s-1,E1,M1,1,2027-04-06T10:00:00+05:30,2027-04-06T11:00:00+05:30,planned
            """, zone: "Asia/Kolkata")
        #expect(diagnostics.isEmpty)
        #expect(sessions.map(\.sequence) == [0])
    }

    @Test func writtenTimesReadBack() throws {
        for zone in ["Europe/Brussels", "America/New_York", "Asia/Kolkata", "UTC", "Australia/Lord_Howe"] {
            let clock = try #require(FoundationWallClock(identifier: zone))
            var rows = [Self.header]
            var expected: [LocalDateTime] = []
            var day = CalendarDate(year: 2027, month: 1, day: 1)
            for number in 1...52 {
                let start = LocalDateTime(date: day, time: ClockTime(hours: 1 + number % 20, minutes: number % 2 * 30))
                let end = LocalDateTime(date: day, time: ClockTime(minutes: start.time.minutes + 60))
                rows.append("s\(number),E1,M1,\(number),\(LocalTimeFormat.string(start, clock: clock)),\(LocalTimeFormat.string(end, clock: clock)),planned,0")
                if clock.exists(start) && clock.exists(end) { expected.append(start) } else { rows.removeLast() }
                day = day.adding(days: 7)
            }
            let (sessions, diagnostics) = try load(rows.joined(separator: "\n"), zone: zone)
            #expect(diagnostics.isEmpty, "\(zone)")
            #expect(sessions.map(\.start) == expected, "\(zone)")
        }
    }

    @Test func reportsEveryProblemInOneRun() throws {
        let (sessions, diagnostics) = try load("""
            \(Self.header)
            s-1,E1,M1,1,2027-04-06T10:00:00+01:00,2027-04-06T11:00:00+02:00,planned,0
            s-2,E1,M1,2,2027-04-06 10:00,2027-04-06T11:00:00+02:00,planed,0
            s-3,E1,M1,3,2027-03-28T02:30:00+01:00,2027-03-28T03:30:00+02:00,held,x
            s-4,E1,M1,4,2027-04-06T11:00:00+02:00,2027-04-06T10:00:00+02:00,held,-1
            s-5,E1,M1,53,2027-04-06T11:00:00+02:00,2027-04-07T12:00:00+02:00,gone,1000001
            s-1,E1,M1,6,2027-04-06T10:00:00+02:00,2027-04-06T11:00:00+02:00,planned,0
            s-7,E1,M1,1,2027-04-06T10:00:00+02:00,2027-04-06T11:00:00+02:00,planned,0
            ,,,,,,,5
            """)
        #expect(diagnostics == [
            "sessions.csv:2:13: error: start '2027-04-06T10:00:00+01:00' has UTC offset +01:00; the program's time zone is at +02:00 then (a file from another time zone, or edited by hand?)",
            "sessions.csv:3:13: error: invalid start '2027-04-06 10:00' (expected a local time with its UTC offset like 2027-04-06T10:00:00+02:00)",
            "sessions.csv:3:56: error: invalid status 'planed'; did you mean 'planned'?",
            "sessions.csv:4:13: error: start '2027-03-28T02:30:00+01:00': 2027-03-28 02:30 does not exist in the program's time zone (the clocks go forward then)",
            "sessions.csv:4:70: error: invalid sequence 'x' (expected an integer 0–1000000)",
            "sessions.csv:5:39: error: end '2027-04-06T10:00:00+02:00' is not after start '2027-04-06T11:00:00+02:00'",
            "sessions.csv:5:70: error: sequence '-1' out of range (expected an integer 0–1000000)",
            "sessions.csv:6:11: error: number '53' out of range (expected an integer 1–52)",
            "sessions.csv:6:40: error: end '2027-04-07T12:00:00+02:00' is not on the day of start '2027-04-06T11:00:00+02:00'",
            "sessions.csv:6:66: error: invalid status 'gone' (expected 'planned', 'held', 'cancelled', 'no_show')",
            "sessions.csv:6:71: error: sequence '1000001' out of range (expected an integer 0–1000000)",
            "sessions.csv:7:1: error: duplicate session_id 's-1' (first on line 2)",
            "sessions.csv:8:11: error: session 1 of mentee 'E1' and mentor 'M1' is listed twice (first on line 2)",
            "sessions.csv:9:1: error: empty session_id",
            "sessions.csv:9:2: error: empty mentee_id",
            "sessions.csv:9:3: error: empty mentor_id",
            "sessions.csv:9:4: error: invalid number '' (expected an integer 1–52)",
            "sessions.csv:9:5: error: empty start (expected a local time with its UTC offset like 2027-04-06T10:00:00+02:00)",
            "sessions.csv:9:6: error: empty end (expected a local time with its UTC offset like 2027-04-06T10:00:00+02:00)",
            "sessions.csv:9:7: error: empty status (expected 'planned', 'held', 'cancelled', 'no_show')",
        ])
        #expect(sessions.isEmpty)
    }

    @Test func aFileFromAnotherZoneIsReported() throws {
        let text = "\(Self.header)\ns-1,E1,M1,1,2027-04-06T10:00:00-04:00,2027-04-06T11:00:00-04:00,planned,0\n"
        let (sessions, diagnostics) = try load(text)
        #expect(sessions.isEmpty)
        #expect(diagnostics.count == 2)
        #expect(diagnostics.allSatisfy { $0.contains("has UTC offset -04:00; the program's time zone is at +02:00 then") })
        let (inNewYork, none) = try load(text, zone: "America/New_York")
        #expect(none.isEmpty)
        #expect(inNewYork.count == 1)
    }

    @Test func survivesHostileCells() throws {
        let huge = String(repeating: "2027-04-06T10:00:00+02:00", count: 8_000)
        let text = "\u{FEFF}\(Self.header)\n\(huge),\(huge),\(huge),\(huge),\(huge),\(huge),\(huge),\(huge)\n"
            + "s\u{1}, E1 ,M1,99999999999999999999999,2027-04-06T10:00:00+02:00\u{7},2099-12-31T23:00:00+01:00,held\u{7},9e9\n"
        let (sessions, diagnostics) = try load(text)
        #expect(sessions.isEmpty)
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.hasPrefix("sessions.csv:") && $0.count < 500 })
    }
}
