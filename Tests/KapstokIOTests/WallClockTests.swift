import Kapstok
import Testing

@testable import KapstokIO

@Suite struct FoundationWallClockTests {
    private func at(_ text: String) -> LocalDateTime {
        let parts = text.split(separator: " ")
        return LocalDateTime(date: LocalTimeFormat.date(String(parts[0]))!, time: ClockTime(parts[1])!)
    }

    private func clock(_ name: String) throws -> FoundationWallClock {
        try #require(FoundationWallClock(identifier: name))
    }

    @Test func unknownZoneGivesNil() {
        #expect(FoundationWallClock(identifier: "Europe/Brusels") == nil)
        #expect(FoundationWallClock(identifier: "") == nil)
    }

    @Test func brusselsAroundBothChanges() throws {
        let brussels = try clock("Europe/Brussels")
        // Spring: 02:00–02:59 on 2027-03-28 does not exist.
        #expect(brussels.exists(at("2027-03-28 01:59")))
        #expect(brussels.utcOffsetSeconds(at: at("2027-03-28 01:59")) == 3600)
        #expect(!brussels.exists(at("2027-03-28 02:00")))
        #expect(!brussels.exists(at("2027-03-28 02:59")))
        #expect(brussels.utcOffsetSeconds(at: at("2027-03-28 02:30")) == 3600)
        #expect(brussels.exists(at("2027-03-28 03:00")))
        #expect(brussels.utcOffsetSeconds(at: at("2027-03-28 03:00")) == 7200)
        // Autumn: 02:00–02:59 on 2027-10-31 occurs twice; the first (daylight) offset.
        #expect(brussels.utcOffsetSeconds(at: at("2027-10-31 01:59")) == 7200)
        #expect(brussels.exists(at("2027-10-31 02:30")))
        #expect(brussels.utcOffsetSeconds(at: at("2027-10-31 02:00")) == 7200)
        #expect(brussels.utcOffsetSeconds(at: at("2027-10-31 02:59")) == 7200)
        #expect(brussels.utcOffsetSeconds(at: at("2027-10-31 03:00")) == 3600)
        // Ordinary days of summer and winter.
        #expect(brussels.utcOffsetSeconds(at: at("2027-04-06 10:00")) == 7200)
        #expect(brussels.utcOffsetSeconds(at: at("2027-01-15 23:59")) == 3600)
        #expect(brussels.utcOffsetSeconds(at: LocalDateTime(date: CalendarDate(year: 2027, month: 6, day: 1), time: ClockTime(minutes: 1440))) == 7200)
    }

    @Test func newYorkAroundBothChanges() throws {
        let newYork = try clock("America/New_York")
        #expect(newYork.utcOffsetSeconds(at: at("2027-03-14 01:59")) == -5 * 3600)
        #expect(!newYork.exists(at("2027-03-14 02:30")))
        #expect(newYork.utcOffsetSeconds(at: at("2027-03-14 03:00")) == -4 * 3600)
        #expect(newYork.exists(at("2027-11-07 01:30")))
        #expect(newYork.utcOffsetSeconds(at: at("2027-11-07 01:30")) == -4 * 3600)
        #expect(newYork.utcOffsetSeconds(at: at("2027-11-07 02:00")) == -5 * 3600)
    }

    @Test func kolkataAndUTCHaveNoChanges() throws {
        let kolkata = try clock("Asia/Kolkata"), utc = try clock("UTC")
        for text in ["2027-03-28 02:30", "2027-10-31 02:30", "2027-07-01 00:00", "2099-12-31 23:59", "2000-01-01 00:00"] {
            #expect(kolkata.exists(at(text)) && utc.exists(at(text)))
            #expect(kolkata.utcOffsetSeconds(at: at(text)) == 5 * 3600 + 1800)
            #expect(utc.utcOffsetSeconds(at: at(text)) == 0)
        }
    }

    @Test func lordHoweHasHalfHourChanges() throws {
        let lordHowe = try clock("Australia/Lord_Howe")
        // April 2027: 02:00 back to 01:30, so 01:30–01:59 occurs twice.
        #expect(lordHowe.utcOffsetSeconds(at: at("2027-04-04 01:29")) == 11 * 3600)
        #expect(lordHowe.utcOffsetSeconds(at: at("2027-04-04 01:45")) == 11 * 3600)
        #expect(lordHowe.utcOffsetSeconds(at: at("2027-04-04 02:00")) == 10 * 3600 + 1800)
        // October 2027: 02:00 forward to 02:30, so 02:00–02:29 does not exist.
        #expect(lordHowe.exists(at("2027-10-03 01:59")))
        #expect(!lordHowe.exists(at("2027-10-03 02:00")))
        #expect(!lordHowe.exists(at("2027-10-03 02:29")))
        #expect(lordHowe.exists(at("2027-10-03 02:30")))
        #expect(lordHowe.utcOffsetSeconds(at: at("2027-10-03 02:30")) == 11 * 3600)
    }
}

@Suite struct LocalTimeFormatTests {
    private let tuesday = CalendarDate(year: 2027, month: 4, day: 6)

    @Test func formatsWithTheOffset() throws {
        let local = LocalDateTime(date: tuesday, time: ClockTime(hours: 10, minutes: 0))
        #expect(LocalTimeFormat.string(local, offsetSeconds: 7200) == "2027-04-06T10:00:00+02:00")
        #expect(LocalTimeFormat.string(local, offsetSeconds: -4 * 3600) == "2027-04-06T10:00:00-04:00")
        #expect(LocalTimeFormat.string(local, offsetSeconds: 19800) == "2027-04-06T10:00:00+05:30")
        #expect(LocalTimeFormat.string(local, offsetSeconds: 0) == "2027-04-06T10:00:00+00:00")
        let brussels = try #require(FoundationWallClock(identifier: "Europe/Brussels"))
        #expect(LocalTimeFormat.string(local, clock: brussels) == "2027-04-06T10:00:00+02:00")
        // 24:00 is the next day's 00:00.
        let midnight = LocalDateTime(date: tuesday, time: ClockTime(minutes: 1440))
        #expect(LocalTimeFormat.string(midnight, offsetSeconds: 7200) == "2027-04-07T00:00:00+02:00")
    }

    @Test func parsesWhatItFormats() {
        for offset in [7200, 3600, 0, -18000, 19800, -9000, 18 * 3600] {
            for minutes in [0, 1, 599, 1439] {
                let local = LocalDateTime(date: tuesday, time: ClockTime(minutes: minutes))
                let text = LocalTimeFormat.string(local, offsetSeconds: offset)
                let parsed = LocalTimeFormat.dateTime(text)
                #expect(parsed?.local == local && parsed?.offsetSeconds == offset, "\(text)")
            }
        }
        #expect(LocalTimeFormat.dateTime("2027-04-06T08:00:00Z")?.offsetSeconds == 0)
    }

    @Test func rejectsOtherForms() {
        for text in [
            "", "2027-04-06 10:00:00+02:00", "2027-04-06T10:00+02:00", "2027-04-06T10:00:30+02:00",
            "2027-04-06T24:00:00+02:00", "2027-02-30T10:00:00+02:00", "2027-04-06T10:00:00+0200",
            "2027-04-06T10:00:00+19:00", "2027-04-06T10:00:00*02:00", "2027-4-06T10:00:00+02:00",
            "2027-04-06T10:00:00z", "2027-04-06T1a:00:00+02:00", "２027-04-06T10:00:00+02:00",
        ] {
            #expect(LocalTimeFormat.dateTime(text) == nil, "\(text)")
        }
    }

    @Test func datesAreStrictlyISO() {
        #expect(LocalTimeFormat.date("2027-04-06") == tuesday)
        #expect(LocalTimeFormat.date("2028-02-29") == CalendarDate(year: 2028, month: 2, day: 29))
        for text in ["2027-02-29", "2027-4-6", "12/04/2027", "06.04.2027", "2027-13-01", "2027-00-10", "20270406", " 2027-04-06", "+027-04-06"] {
            #expect(LocalTimeFormat.date(text) == nil, "\(text)")
        }
    }
}
