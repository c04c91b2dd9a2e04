import Kapstok

/// A participant of a calendar event: a mentee or a mentor.
///
/// People without an e-mail address cannot be invited: ``ICSWriter`` leaves them out of the
/// `ATTENDEE` lines (an `ATTENDEE` is a `mailto:` address, RFC 5545 §3.8.4.1); their name
/// still appears in the event's summary and description, which the caller writes.
public struct CalendarPerson: Sendable, Hashable {
    public var id: String
    public var name: String
    public var email: String?

    public init(id: String, name: String, email: String? = nil) {
        self.id = id
        self.name = name
        self.email = email
    }
}

/// The sender of invitations and cancellations: the program coordinator (`[program] organizer`).
public struct CalendarOrganizer: Sendable, Hashable {
    public var email: String
    /// The `CN` parameter; none when `nil` or empty.
    public var name: String?

    public init(email: String, name: String? = nil) {
        self.email = email
        self.name = name
    }
}

/// One session as a calendar event (`VEVENT`).
public struct CalendarEvent: Sendable, Hashable {
    /// `STATUS` of the event.
    public enum Status: String, Sendable, Hashable {
        case confirmed = "CONFIRMED"
        case cancelled = "CANCELLED"
    }

    /// ``SessionIdentity/uid(sessionID:)``: never changes, so a moved session replaces the old one.
    public var uid: String
    /// ``Session/sequence``: raised each time the session moves or is cancelled.
    public var sequence: Int
    /// Wall clock of the program's time zone (written with `TZID`).
    public var start: LocalDateTime
    public var end: LocalDateTime
    /// e.g. `Mentoring: Zoë Peeters – Benoît Dubois (2/6)`.
    public var summary: String
    public var description: String
    public var status: Status
    /// The mentee and the mentor; those without ``CalendarPerson/email`` are not written as attendees.
    public var attendees: [CalendarPerson]

    public init(
        uid: String, sequence: Int, start: LocalDateTime, end: LocalDateTime, summary: String, description: String,
        status: Status = .confirmed, attendees: [CalendarPerson] = []
    ) {
        self.uid = uid
        self.sequence = sequence
        self.start = start
        self.end = end
        self.summary = summary
        self.description = description
        self.status = status
        self.attendees = attendees
    }
}
