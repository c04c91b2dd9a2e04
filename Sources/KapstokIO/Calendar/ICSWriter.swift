import Foundation
import Kapstok

/// Writes sessions as iCalendar files (RFC 5545; methods of RFC 5546 iTIP): a pure function of
/// its arguments, so the same sessions and stamp give byte-identical files.
///
/// Every file has CRLF line ends, lines folded at 75 octets, a `VTIMEZONE` generated from
/// Foundation's `TimeZone` for the years of its events (see ``ICSTimeZone``), and its events
/// sorted by start, then UID, each with `DTSTART`/`DTEND` as local times with `TZID`. When
/// several events share a UID only the one with the highest `SEQUENCE` is written (one UID is
/// one event; the first in sort order among equals).
public enum ICSWriter {
    /// `METHOD:PUBLISH`: a person's calendar or the whole program's, for a first import.
    ///
    /// Events carry no `ATTENDEE` lines (RFC 5546 §3.2.1: attendees MUST NOT be present in a
    /// published event, which is not an invitation; the people are in its summary and
    /// description) and `ORGANIZER` when one is given. RFC 5546 asks for an `ORGANIZER` in a
    /// PUBLISH; without a configured one it is left out (RFC 5545 does not require it, and
    /// Outlook, Google and Apple Calendar import such files). Cancelled events are written with
    /// `STATUS:CANCELLED`.
    /// - Parameters:
    ///   - calendarName: `X-WR-CALNAME`, the name clients show for the imported calendar.
    ///   - timeZone: the program's zone; its `identifier` is the `TZID`.
    ///   - stamp: `DTSTAMP` of every event (the run's time, given so output is deterministic).
    ///   - organizer: the coordinator, when configured.
    public static func publish(
        events: [CalendarEvent], calendarName: String, timeZone: TimeZone, stamp: Date, organizer: CalendarOrganizer?
    ) -> Data {
        write(method: "PUBLISH", events: events, calendarName: calendarName, timeZone: timeZone, stamp: stamp) { event, lines in
            writeEvent(event, status: event.status, organizer: organizer, withAttendees: false, stamp: stamp, timeZone: timeZone, to: &lines)
        }
    }

    /// `METHOD:REQUEST`: one new or moved session, to send to both people.
    ///
    /// `ORGANIZER` is the coordinator; every attendee with an e-mail address is an `ATTENDEE`
    /// (`ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE`), those without one are left out.
    /// The organizer is required: a REQUEST without `ORGANIZER` is invalid (RFC 5546 §3.2.2) and
    /// clients do not treat it as an invitation. Without a configured organizer, write the
    /// changed session with ``publish(events:calendarName:timeZone:stamp:organizer:)`` instead:
    /// importing it replaces the old event of the same UID in clients that honour `SEQUENCE`.
    public static func request(event: CalendarEvent, timeZone: TimeZone, stamp: Date, organizer: CalendarOrganizer) -> Data {
        write(method: "REQUEST", events: [event], calendarName: nil, timeZone: timeZone, stamp: stamp) { event, lines in
            writeEvent(event, status: event.status, organizer: organizer, withAttendees: true, stamp: stamp, timeZone: timeZone, to: &lines)
        }
    }

    /// `METHOD:CANCEL`: one cancelled session, with `STATUS:CANCELLED` whatever the event's
    /// ``CalendarEvent/status``; organizer and attendees as in
    /// ``request(event:timeZone:stamp:organizer:)`` (without an organizer, publish the event with
    /// status ``CalendarEvent/Status/cancelled`` instead). `SEQUENCE` should be above the last
    /// request's (``Session/sequence`` is raised on cancelling).
    public static func cancel(event: CalendarEvent, timeZone: TimeZone, stamp: Date, organizer: CalendarOrganizer) -> Data {
        write(method: "CANCEL", events: [event], calendarName: nil, timeZone: timeZone, stamp: stamp) { event, lines in
            writeEvent(event, status: .cancelled, organizer: organizer, withAttendees: true, stamp: stamp, timeZone: timeZone, to: &lines)
        }
    }

    /// The events to write: sorted by start, UID, then highest sequence first, one per UID.
    static func sortedUnique(_ events: [CalendarEvent]) -> [CalendarEvent] {
        let sorted = events.sorted { ($0.start, $0.uid, -$0.sequence) < ($1.start, $1.uid, -$1.sequence) }
        var bestSequence: [String: Int] = [:]
        for event in sorted { bestSequence[event.uid] = max(bestSequence[event.uid] ?? .min, event.sequence) }
        var written = Set<String>()
        return sorted.filter { event in
            guard event.sequence == bestSequence[event.uid], !written.contains(event.uid) else { return false }
            written.insert(event.uid)
            return true
        }
    }

    private static func write(
        method: String, events: [CalendarEvent], calendarName: String?, timeZone: TimeZone, stamp: Date,
        writeEvent: (CalendarEvent, inout ICSContentLines) -> Void
    ) -> Data {
        let events = sortedUnique(events)
        var lines = ICSContentLines()
        lines.append("BEGIN", "VCALENDAR")
        lines.append("VERSION", "2.0")
        lines.append("PRODID", "-//Kapstok//Kapstok//EN")
        lines.append("CALSCALE", "GREGORIAN")
        lines.append("METHOD", method)
        if let calendarName {
            lines.append("X-WR-CALNAME", ICSContentLines.text(calendarName))
            lines.append("X-WR-TIMEZONE", timeZone.identifier)
        }
        // The zone's rules for the years of the events (of the stamp when there are none).
        let stampYear = CalendarDate(dayNumber: Int((stamp.timeIntervalSince1970 / 86400).rounded(.down))).year
        let years = events.flatMap { [$0.start.date.year, $0.end.date.adding(days: $0.end.time.minutes / 1440).year] }
        let covered = (years.min() ?? stampYear)...(years.max() ?? stampYear)
        ICSTimeZone(zone: timeZone, years: covered).write(to: &lines)
        for event in events { writeEvent(event, &lines) }
        lines.append("END", "VCALENDAR")
        return Data(lines.bytes)
    }

    private static func writeEvent(
        _ event: CalendarEvent, status: CalendarEvent.Status, organizer: CalendarOrganizer?, withAttendees: Bool, stamp: Date,
        timeZone: TimeZone, to lines: inout ICSContentLines
    ) {
        let zone = [("TZID", ICSContentLines.parameterValue(timeZone.identifier))]
        lines.append("BEGIN", "VEVENT")
        lines.append("UID", event.uid)
        lines.append("DTSTAMP", ICSFormat.utc(stamp))
        lines.append("SEQUENCE", String(max(0, event.sequence)))
        lines.append("DTSTART", zone, ICSFormat.local(event.start))
        lines.append("DTEND", zone, ICSFormat.local(event.end))
        lines.append("SUMMARY", ICSContentLines.text(event.summary))
        lines.append("DESCRIPTION", ICSContentLines.text(event.description))
        lines.append("STATUS", status.rawValue)
        lines.append("TRANSP", "OPAQUE")
        if let organizer {
            let name = organizer.name.map(ICSContentLines.parameterValue) ?? ""
            lines.append("ORGANIZER", name.isEmpty ? [] : [("CN", name)], "mailto:" + organizer.email)
        }
        if withAttendees {
            for person in event.attendees {
                guard let email = person.email, !email.isEmpty else { continue }
                let name = ICSContentLines.parameterValue(person.name)
                lines.append(
                    "ATTENDEE",
                    (name.isEmpty ? [] : [("CN", name)])
                        + [("ROLE", "REQ-PARTICIPANT"), ("PARTSTAT", "NEEDS-ACTION"), ("RSVP", "TRUE")],
                    "mailto:" + email)
            }
        }
        lines.append("END", "VEVENT")
    }
}
