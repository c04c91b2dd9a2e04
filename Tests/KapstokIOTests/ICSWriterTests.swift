import Foundation
import Kapstok
import Testing

@testable import KapstokIO

/// A local time of the program's zone.
private func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> LocalDateTime {
    LocalDateTime(date: CalendarDate(year: year, month: month, day: day), time: ClockTime(hours: hour, minutes: minute))
}

private func zone(_ identifier: String) -> TimeZone { TimeZone(identifier: identifier)! }

/// 2027-01-15T08:00:00Z.
private let stamp = Date(timeIntervalSince1970: 1_800_000_000)

private let zoe = CalendarPerson(id: "E01", name: "Zoë Peeters", email: "zoe.peeters@example.org")
private let benoit = CalendarPerson(id: "M01", name: "Benoît Dubois", email: "benoit.dubois@example.org")
private let coordinator = CalendarOrganizer(email: "hipo@example.org", name: "HIPO Office")

private func session(
    _ number: Int, _ start: LocalDateTime, minutes: Int = 60, sequence: Int = 0, status: CalendarEvent.Status = .confirmed,
    attendees: [CalendarPerson] = [zoe, benoit]
) -> CalendarEvent {
    let endMinutes = start.time.minutes + minutes
    return CalendarEvent(
        uid: SessionIdentity.uid(sessionID: SessionIdentity.id(program: "HIPO 2027", menteeID: "E01", mentorID: "M01", number: number)),
        sequence: sequence, start: start,
        end: LocalDateTime(date: start.date.adding(days: endMinutes / 1440), time: ClockTime(minutes: endMinutes % 1440)),
        summary: "Mentoring: Zoë Peeters – Benoît Dubois (\(number)/6)", description: "Session \(number) of 6.\nMentee: Zoë Peeters",
        status: status, attendees: attendees)
}

/// The file's text with CRLF shown as LF, for comparing with a golden literal.
private func lines(_ data: Data) -> [String] {
    let text = String(decoding: data, as: UTF8.self)
    return text.components(separatedBy: "\r\n")
}

/// Checks the exact bytes: every line ends with CRLF, and the lines are `golden`'s.
private func expectGolden(_ data: Data, _ golden: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let expected = Data(golden.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    #expect(data == expected, Comment(rawValue: "\n" + String(decoding: data, as: UTF8.self)), sourceLocation: sourceLocation)
}

private let brusselsTimeZone = """
    BEGIN:VTIMEZONE
    TZID:Europe/Brussels
    BEGIN:STANDARD
    DTSTART:19701025T030000
    TZOFFSETFROM:+0200
    TZOFFSETTO:+0100
    TZNAME:GMT+1
    RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
    END:STANDARD
    BEGIN:DAYLIGHT
    DTSTART:19700329T020000
    TZOFFSETFROM:+0100
    TZOFFSETTO:+0200
    TZNAME:GMT+2
    RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
    END:DAYLIGHT
    END:VTIMEZONE
    """

/// The lines before the events of a REQUEST or CANCEL in Brussels.
private func goldenHeader(_ method: String) -> String {
    """
    BEGIN:VCALENDAR
    VERSION:2.0
    PRODID:-//Kapstok//Kapstok//EN
    CALSCALE:GREGORIAN
    METHOD:\(method)
    \(brusselsTimeZone)

    """
}

@Suite struct ICSWriterGoldenTests {
    @Test func publishIsExactAndSortedByStart() {
        // Given in reverse order: written by start.
        let events = [session(2, at(2027, 3, 30, 10)), session(1, at(2027, 3, 23, 10), sequence: 1)]
        let data = ICSWriter.publish(
            events: events, calendarName: "Kapstok – Zoë Peeters", timeZone: zone("Europe/Brussels"), stamp: stamp,
            organizer: coordinator)
        expectGolden(
            data,
            """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Kapstok//Kapstok//EN
            CALSCALE:GREGORIAN
            METHOD:PUBLISH
            X-WR-CALNAME:Kapstok – Zoë Peeters
            X-WR-TIMEZONE:Europe/Brussels
            \(brusselsTimeZone)
            BEGIN:VEVENT
            UID:\(events[1].uid)
            DTSTAMP:20270115T080000Z
            SEQUENCE:1
            DTSTART;TZID=Europe/Brussels:20270323T100000
            DTEND;TZID=Europe/Brussels:20270323T110000
            SUMMARY:Mentoring: Zoë Peeters – Benoît Dubois (1/6)
            DESCRIPTION:Session 1 of 6.\\nMentee: Zoë Peeters
            STATUS:CONFIRMED
            TRANSP:OPAQUE
            ORGANIZER;CN=HIPO Office:mailto:hipo@example.org
            END:VEVENT
            BEGIN:VEVENT
            UID:\(events[0].uid)
            DTSTAMP:20270115T080000Z
            SEQUENCE:0
            DTSTART;TZID=Europe/Brussels:20270330T100000
            DTEND;TZID=Europe/Brussels:20270330T110000
            SUMMARY:Mentoring: Zoë Peeters – Benoît Dubois (2/6)
            DESCRIPTION:Session 2 of 6.\\nMentee: Zoë Peeters
            STATUS:CONFIRMED
            TRANSP:OPAQUE
            ORGANIZER;CN=HIPO Office:mailto:hipo@example.org
            END:VEVENT
            END:VCALENDAR

            """)
        #expect(events[0].uid.hasSuffix("@kapstok") && events[0].uid != events[1].uid)
    }

    @Test func requestIsExact() {
        let event = session(3, at(2027, 4, 6, 10), sequence: 2)
        let data = ICSWriter.request(event: event, timeZone: zone("Europe/Brussels"), stamp: stamp, organizer: coordinator)
        expectGolden(
            data,
            goldenHeader("REQUEST") + """
            BEGIN:VEVENT
            UID:\(event.uid)
            DTSTAMP:20270115T080000Z
            SEQUENCE:2
            DTSTART;TZID=Europe/Brussels:20270406T100000
            DTEND;TZID=Europe/Brussels:20270406T110000
            SUMMARY:Mentoring: Zoë Peeters – Benoît Dubois (3/6)
            DESCRIPTION:Session 3 of 6.\\nMentee: Zoë Peeters
            STATUS:CONFIRMED
            TRANSP:OPAQUE
            ORGANIZER;CN=HIPO Office:mailto:hipo@example.org
            ATTENDEE;CN=Zoë Peeters;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TR
             UE:mailto:zoe.peeters@example.org
            ATTENDEE;CN=Benoît Dubois;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
             TRUE:mailto:benoit.dubois@example.org
            END:VEVENT
            END:VCALENDAR

            """)
    }

    @Test func cancelIsExactAndAlwaysCancelled() {
        // The event still says confirmed: a CANCEL writes STATUS:CANCELLED regardless.
        let event = session(4, at(2027, 4, 20, 14, 30), minutes: 90, sequence: 3, attendees: [zoe, CalendarPerson(id: "M02", name: "No Mail")])
        let data = ICSWriter.cancel(event: event, timeZone: zone("Europe/Brussels"), stamp: stamp, organizer: CalendarOrganizer(email: "hipo@example.org"))
        expectGolden(
            data,
            goldenHeader("CANCEL") + """
            BEGIN:VEVENT
            UID:\(event.uid)
            DTSTAMP:20270115T080000Z
            SEQUENCE:3
            DTSTART;TZID=Europe/Brussels:20270420T143000
            DTEND;TZID=Europe/Brussels:20270420T160000
            SUMMARY:Mentoring: Zoë Peeters – Benoît Dubois (4/6)
            DESCRIPTION:Session 4 of 6.\\nMentee: Zoë Peeters
            STATUS:CANCELLED
            TRANSP:OPAQUE
            ORGANIZER:mailto:hipo@example.org
            ATTENDEE;CN=Zoë Peeters;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TR
             UE:mailto:zoe.peeters@example.org
            END:VEVENT
            END:VCALENDAR

            """)
    }

    @Test func emptyCalendarStillHasItsTimeZone() {
        let text = lines(ICSWriter.publish(events: [], calendarName: "Nobody", timeZone: zone("America/New_York"), stamp: stamp, organizer: nil))
        #expect(text.first == "BEGIN:VCALENDAR" && text.suffix(2) == ["END:VCALENDAR", ""])
        #expect(text.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"))
        #expect(!text.contains("BEGIN:VEVENT"))
    }

    @Test func sameInputGivesSameBytesAndOneEventPerUID() {
        let first = session(1, at(2027, 5, 4, 9))
        var moved = first
        moved.start = at(2027, 5, 6, 9)
        moved.end = at(2027, 5, 6, 10)
        moved.sequence = 1
        let other = session(2, at(2027, 5, 5, 9))
        let a = ICSWriter.publish(events: [first, moved, other], calendarName: "c", timeZone: zone("Europe/Brussels"), stamp: stamp, organizer: nil)
        let b = ICSWriter.publish(events: [other, moved, first], calendarName: "c", timeZone: zone("Europe/Brussels"), stamp: stamp, organizer: nil)
        #expect(a == b)
        let text = lines(a)
        #expect(text.filter { $0.hasPrefix("UID:") } == ["UID:" + other.uid, "UID:" + first.uid])
        // The moved one (highest SEQUENCE) is the one kept for its UID.
        #expect(text.contains("DTSTART;TZID=Europe/Brussels:20270506T090000"))
        #expect(!text.contains("DTSTART;TZID=Europe/Brussels:20270504T090000"))
        #expect(text.filter { $0.hasPrefix("SEQUENCE:") }.sorted() == ["SEQUENCE:0", "SEQUENCE:1"])
        #expect(!text.contains { $0.hasPrefix("ATTENDEE") || $0.hasPrefix("ORGANIZER") })
    }
}

@Suite struct ICSContentLineTests {
    /// Undoes folding: a CRLF followed by one space or tab is removed (RFC 5545 §3.1).
    private func unfolded(_ data: Data) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        return text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
            .components(separatedBy: "\r\n")
    }

    @Test func longUTF8SummaryFoldsAtCharacterBoundaries() {
        // 2-, 3- and 4-byte characters, so some fold points fall inside a character.
        let summary = "Mentoring: Zoë Peeters – Benoît Dubois – Ŝtefan Łukasiewicz – 李小龍 – 🧑‍🏫 coach 🎓 (2/6) "
            + String(repeating: "é€😀", count: 30)
        var event = session(2, at(2027, 3, 30, 10))
        event.summary = summary
        let data = ICSWriter.publish(events: [event], calendarName: "c", timeZone: zone("Europe/Brussels"), stamp: stamp, organizer: nil)
        let bytes = [UInt8](data)
        // Split on CRLF at the byte level; every line is at most 75 octets and valid UTF-8 on its own.
        var physical: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                physical.append([])
                index += 2
            } else {
                #expect(bytes[index] != 13 && bytes[index] != 10, "bare CR or LF at byte \(index)")
                physical[physical.count - 1].append(bytes[index])
                index += 1
            }
        }
        #expect(physical.last == [], "the file ends with CRLF")
        #expect(physical.allSatisfy { $0.count <= 75 })
        #expect(physical.allSatisfy { String(validating: $0, as: UTF8.self) != nil })
        let summaryLines = physical.drop { String(decoding: $0, as: UTF8.self).hasPrefix("SUMMARY:") == false }
            .prefix { line in line.first == 32 || String(decoding: line, as: UTF8.self).hasPrefix("SUMMARY:") }
        #expect(summaryLines.count > 4)
        // Lines filled up to where the next character would pass 75 octets.
        #expect(summaryLines.dropLast().contains { $0.count < 75 }, "a multibyte character was moved to the next line")
        #expect(unfolded(data).contains("SUMMARY:" + summary))
    }

    @Test func textValuesAreEscaped() {
        var event = session(1, at(2027, 3, 23, 10))
        event.summary = "Intro, goals; plan\\next"
        event.description = "Line one\r\nLine two\nLine three\rend\u{07}bell\ttab"
        let text = unfolded(ICSWriter.publish(events: [event], calendarName: "A; B, C", timeZone: zone("Europe/Brussels"), stamp: stamp, organizer: nil))
        #expect(text.contains("SUMMARY:Intro\\, goals\\; plan\\\\next"))
        #expect(text.contains("DESCRIPTION:Line one\\nLine two\\nLine three\\nendbell\ttab"))
        #expect(text.contains("X-WR-CALNAME:A\\; B\\, C"))
    }

    @Test func parameterValuesAreQuotedAndCleaned() {
        let people = [
            CalendarPerson(id: "a", name: "Dubois, Benoît", email: "a@example.org"),
            CalendarPerson(id: "b", name: "Zoë \"Zee\" Peeters", email: "b@example.org"),
            CalendarPerson(id: "c", name: "Line\r\nBreak:Colon", email: "c@example.org"),
            CalendarPerson(id: "d", name: "No Address"),
            CalendarPerson(id: "e", name: "Empty Address", email: ""),
        ]
        let event = session(1, at(2027, 3, 23, 10), attendees: people)
        let text = unfolded(ICSWriter.request(event: event, timeZone: zone("Europe/Brussels"), stamp: stamp, organizer: CalendarOrganizer(email: "o@example.org", name: "Office; HR")))
        let attendees = text.filter { $0.hasPrefix("ATTENDEE") }
        let tail = ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:"
        #expect(attendees == [
            "ATTENDEE;CN=\"Dubois, Benoît\"" + tail + "a@example.org",
            "ATTENDEE;CN=Zoë Zee Peeters" + tail + "b@example.org",
            "ATTENDEE;CN=\"LineBreak:Colon\"" + tail + "c@example.org",
        ])
        #expect(text.contains("ORGANIZER;CN=\"Office; HR\":mailto:o@example.org"))
    }

    @Test func valueFormats() {
        #expect(ICSFormat.offset(3600) == "+0100")
        #expect(ICSFormat.offset(-18000) == "-0500")
        #expect(ICSFormat.offset(19800) == "+0530")
        #expect(ICSFormat.offset(0) == "+0000")
        #expect(ICSFormat.offset(-(3600 + 30 * 60 + 15)) == "-013015")
        #expect(ICSFormat.offsetName(-12600) == "GMT-3:30")
        #expect(ICSFormat.local(at(2027, 12, 31, 23, 5)) == "20271231T230500")
        #expect(ICSFormat.local(LocalDateTime(date: CalendarDate(year: 2027, month: 12, day: 31), time: ClockTime(minutes: 1440))) == "20280101T000000")
        #expect(ICSFormat.utc(Date(timeIntervalSince1970: -1)) == "19691231T235959Z")
        #expect(ICSFormat.utc(Date(timeIntervalSince1970: 951_782_400.9)) == "20000229T000000Z")
    }
}

@Suite struct ICSTimeZoneTests {
    private func vtimezone(_ identifier: String, years: ClosedRange<Int> = 2027...2027) -> [String] {
        var lines = ICSContentLines()
        ICSTimeZone(zone: zone(identifier), years: years).write(to: &lines)
        return String(decoding: lines.bytes, as: UTF8.self).components(separatedBy: "\r\n").dropLast()
    }

    @Test func brusselsLastSundays() {
        #expect(vtimezone("Europe/Brussels", years: 2026...2028).joined(separator: "\n") == brusselsTimeZone)
    }

    @Test func newYorkSecondSundayMarchFirstSundayNovember() {
        #expect(vtimezone("America/New_York", years: 2027...2028) == [
            "BEGIN:VTIMEZONE", "TZID:America/New_York",
            "BEGIN:STANDARD", "DTSTART:19701101T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "TZNAME:GMT-5",
            "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:19700308T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "TZNAME:GMT-4",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "END:DAYLIGHT", "END:VTIMEZONE",
        ])
    }

    @Test func sydneySouthernHemisphere() {
        #expect(vtimezone("Australia/Sydney", years: 2027...2028) == [
            "BEGIN:VTIMEZONE", "TZID:Australia/Sydney",
            "BEGIN:STANDARD", "DTSTART:19700405T030000", "TZOFFSETFROM:+1100", "TZOFFSETTO:+1000", "TZNAME:GMT+10",
            "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:19701004T020000", "TZOFFSETFROM:+1000", "TZOFFSETTO:+1100", "TZNAME:GMT+11",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU", "END:DAYLIGHT", "END:VTIMEZONE",
        ])
    }

    @Test func zonesWithoutDaylightSavingTimeHaveOneStandard() {
        #expect(vtimezone("Asia/Kolkata") == [
            "BEGIN:VTIMEZONE", "TZID:Asia/Kolkata", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0530",
            "TZOFFSETTO:+0530", "TZNAME:GMT+5:30", "END:STANDARD", "END:VTIMEZONE",
        ])
        let utc = zone("UTC")
        #expect(vtimezone("UTC") == [
            "BEGIN:VTIMEZONE", "TZID:\(utc.identifier)", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0000",
            "TZOFFSETTO:+0000", "TZNAME:GMT", "END:STANDARD", "END:VTIMEZONE",
        ])
    }

    /// Every yearly rule, recomputed for each covered year, lands on Foundation's transition.
    @Test(arguments: ["Europe/Brussels", "America/New_York", "Australia/Sydney", "Europe/London"])
    func rulesReproduceFoundationsTransitions(identifier: String) {
        let years = 2026...2030
        let timeZone = ICSTimeZone(zone: zone(identifier), years: years)
        let transitions = ICSTimeZone.transitions(of: zone(identifier), years: years.lowerBound - 1...years.upperBound)
        #expect(transitions.count == 2 * (years.count + 1))
        for transition in transitions {
            let onset = transition.localOnset
            let observance = timeZone.observances.first { $0.isDaylight == transition.isDaylight }
            #expect(observance?.rule?.date(in: onset.date.year) == onset.date, "\(identifier) \(onset.date)")
            #expect(observance?.start.time.minutes == onset.seconds / 60)
            #expect(observance?.offsetFrom == transition.offsetFrom && observance?.offsetTo == transition.offsetTo)
        }
    }

    /// Israel moves clocks on the Friday before the last Sunday of March: the 4th Friday in
    /// 2026–2029, but the 29th (the last, 5th Friday) in 2030; Chile on the first Sunday on or
    /// after April 2 and September 2 (2029: April 8, the 2nd Sunday). No nth-weekday rule fits,
    /// so one observance per transition is written.
    @Test func irregularTransitionsFallBackToOneObservancePerChange() {
        #expect(vtimezone("Asia/Jerusalem", years: 2027...2029).contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=4FR"))
        let jerusalem = vtimezone("Asia/Jerusalem", years: 2029...2030)
        #expect(!jerusalem.contains { $0.hasPrefix("RRULE") })
        #expect(jerusalem.filter { $0.hasPrefix("DTSTART:") } == [
            "DTSTART:19700101T000000",
            "DTSTART:20280324T020000", "DTSTART:20281029T020000",
            "DTSTART:20290323T020000", "DTSTART:20291028T020000",
            "DTSTART:20300329T020000", "DTSTART:20301027T020000",
        ])
        #expect(jerusalem.filter { $0 == "BEGIN:DAYLIGHT" }.count == 3)
        #expect(jerusalem.filter { $0 == "BEGIN:STANDARD" }.count == 4)
        let santiago = vtimezone("America/Santiago", years: 2028...2029)
        #expect(!santiago.contains { $0.hasPrefix("RRULE") })
        #expect(santiago.contains("DTSTART:20290408T000000"))
    }
}
