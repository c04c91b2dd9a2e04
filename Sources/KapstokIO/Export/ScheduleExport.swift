import Foundation
import Kapstok

/// Renders a schedule (or a re-plan) as the output files of `kapstok schedule` and `replan`:
/// `sessions.csv`, `unscheduled.csv`, `schedule.json`, `changes.csv` (re-plan) and the calendar
/// files under `calendars/`. Deterministic: the same result gives the same bytes, except for
/// `solve_seconds` in `schedule.json`, the one measured field.
///
/// Calendar files:
/// - `calendars/program.ics`: every session (`METHOD:PUBLISH`), for the coordinator's calendar;
/// - `calendars/people/<id>.ics`: each person's sessions (`METHOD:PUBLISH`), for the first
///   import; cancelled sessions are included with `STATUS:CANCELLED`;
/// - `calendars/changes/<session_id>.ics` (re-plan only): one `METHOD:REQUEST` per moved or
///   added session and one `METHOD:CANCEL` per cancelled one, to send to both people; without
///   an `[program] organizer` these are `METHOD:PUBLISH` files instead (a request needs an
///   organizer), which clients that honour `SEQUENCE` import as an update.
public struct ScheduleExport: Sendable {
    public var program: ProgramCalendar
    public var clock: any WallClock
    public var timeZone: TimeZone
    /// `DTSTAMP` of every calendar event: the start (UTC) of the run's date.
    public var stamp: Date
    /// Names and e-mail addresses by id (from `--mentors`/`--mentees` and the pairings' names).
    public var contacts: [String: Contact]

    public init(program: ProgramCalendar, clock: any WallClock, timeZone: TimeZone, stamp: Date, contacts: [String: Contact]) {
        self.program = program
        self.clock = clock
        self.timeZone = timeZone
        self.stamp = stamp
        self.contacts = contacts
    }

    /// What `schedule` and `replan` own in an output folder: a schedule removes a stale `changes.csv`.
    public static let ownership = OutputFolder.Ownership(
        names: ["sessions.csv", "unscheduled.csv", "schedule.json", "changes.csv"], prefixes: ["calendars/"])

    /// The files and ownership of a re-plan that rewrites only the calendars of the people whose
    /// sessions changed: the other people's files stay as they are in the output folder (use it
    /// only when that folder's calendars were made from the same sessions file).
    public func changedFiles(for result: ScheduleResult, changes: [SessionChange]) -> (files: [(name: String, data: Data)], ownership: OutputFolder.Ownership) {
        let changed = changedExportedFiles(for: result, changes: changes)
        return (changed.files.named(), changed.ownership)
    }

    /// Every output file of a run; `changes` only for a re-plan; `people`: only these people's
    /// calendars (all when nil).
    public func files(for result: ScheduleResult, changes: [SessionChange]? = nil, people: Set<String>? = nil) -> [(name: String, data: Data)] {
        exportedFiles(for: result, changes: changes, people: people).named()
    }

    /// ``files(for:changes:people:)`` typed: the CSV files as tables (to write in a dialect),
    /// `schedule.json` as its value, the calendars as text.
    public func exportedFiles(for result: ScheduleResult, changes: [SessionChange]? = nil, people: Set<String>? = nil) -> [ExportedFile] {
        var files = [
            ExportedFile(name: "sessions.csv", table: sessionsTable(result.sessions)),
            ExportedFile(name: "unscheduled.csv", table: Self.unscheduledTable(result.unscheduled)),
            ExportedFile(name: "schedule.json", json: Self.summary(result, changes: changes)),
        ]
        if let changes { files.append(ExportedFile(name: "changes.csv", table: changesTable(changes))) }
        for (name, data) in calendarFiles(result.sessions, changes: changes ?? [], people: people) {
            files.append(ExportedFile(name: name, text: String(decoding: data, as: UTF8.self)))
        }
        return files
    }

    /// ``changedFiles(for:changes:)`` typed (see ``exportedFiles(for:changes:people:)``).
    public func changedExportedFiles(for result: ScheduleResult, changes: [SessionChange]) -> (files: [ExportedFile], ownership: OutputFolder.Ownership) {
        let people = Set(changes.flatMap { [$0.menteeID, $0.mentorID] })
        let files = exportedFiles(for: result, changes: changes, people: people)
        var names = Self.ownership.names
        for file in files where file.name.hasPrefix("calendars/") && !file.name.hasPrefix("calendars/changes/") { names.insert(file.name) }
        return (files, OutputFolder.Ownership(names: names, prefixes: ["calendars/changes/"]))
    }

    /// `session_id,mentee_id,mentor_id,number,start,end,status,sequence`, in order of start.
    public func sessionsCSV(_ sessions: [Session]) -> String { CSVWriter.text(sessionsTable(sessions)) }

    /// The table of ``sessionsCSV(_:)``.
    public func sessionsTable(_ sessions: [Session]) -> OutputTable {
        OutputTable(
            header: ["session_id", "mentee_id", "mentor_id", "number", "start", "end", "status", "sequence"],
            rows: sessions.map { session in
                [
                    .text(session.id), .text(session.menteeID), .text(session.mentorID), .integer(session.number),
                    time(session.start), time(session.end), .text(session.status.rawValue), .integer(session.sequence),
                ]
            })
    }

    /// `mentee_id,mentor_id,missing,reason`.
    public static func unscheduledCSV(_ pairs: [UnscheduledPair]) -> String { CSVWriter.text(unscheduledTable(pairs)) }

    /// The table of ``unscheduledCSV(_:)``.
    public static func unscheduledTable(_ pairs: [UnscheduledPair]) -> OutputTable {
        OutputTable(
            header: ["mentee_id", "mentor_id", "missing", "reason"],
            rows: pairs.map { [.text($0.menteeID), .text($0.mentorID), .integer($0.missing), .text($0.reason)] })
    }

    /// `session_id,old_start,new_start,why,change,mentee_id,mentor_id,number`.
    public func changesCSV(_ changes: [SessionChange]) -> String { CSVWriter.text(changesTable(changes)) }

    /// The table of ``changesCSV(_:)``.
    public func changesTable(_ changes: [SessionChange]) -> OutputTable {
        OutputTable(
            header: ["session_id", "old_start", "new_start", "why", "change", "mentee_id", "mentor_id", "number"],
            rows: changes.map { change in
                [
                    .text(change.sessionID), .optional(change.oldStart, time), .optional(change.newStart, time), .text(change.why),
                    .text(change.kind.rawValue), .text(change.menteeID), .text(change.mentorID), .integer(change.number),
                ]
            })
    }

    /// A session time: the local date and time, written with its offset in CSV.
    private func time(_ local: LocalDateTime) -> OutputCell {
        .dateTime(local, text: LocalTimeFormat.string(local, clock: clock))
    }

    /// Counts, per-group status and bounds, and the solve time.
    public static func summary(_ result: ScheduleResult, changes: [SessionChange]?) -> JSONValue {
        func count(_ status: ScheduleGroupReport.Status) -> Int { result.groups.filter { $0.status == status }.count }
        var members = [
            JSONMember("status", .string(result.status.rawValue)),
            JSONMember("pairs", .integer(result.pairCount)),
            JSONMember("complete", .integer(result.completePairs)),
            JSONMember("incomplete", .integer(result.pairCount - result.completePairs)),
            JSONMember("sessions_placed", .integer(result.sessionsPlaced)),
            JSONMember("sessions_missing", .integer(result.sessionsMissing)),
            JSONMember("groups", .integer(result.groups.count)),
            JSONMember("groups_optimal", .integer(count(.optimal))),
            JSONMember("groups_time_limit", .integer(count(.timeLimit))),
            JSONMember("groups_unchanged", .integer(count(.unchanged))),
            JSONMember("complete_bound", .integer(result.groups.reduce(0) { $0 + $1.completePairsBound })),
            JSONMember("sessions_bound", .integer(result.groups.reduce(0) { $0 + $1.sessionsBound })),
        ]
        if let changes {
            for kind in [SessionChange.Kind.moved, .cancelled, .added] {
                members.append(JSONMember("sessions_\(kind.rawValue)", .integer(changes.filter { $0.kind == kind }.count)))
            }
        }
        members.append(JSONMember("solve_seconds", .number((result.solveSeconds * 1000).rounded() / 1000)))
        members.append(JSONMember("group_reports", .array(result.groups.map { group in
            .object([
                JSONMember("group", .integer(group.number)),
                JSONMember("pairs", .integer(group.pairs)),
                JSONMember("people", .array(group.people.map { .string($0) })),
                JSONMember("status", .string(group.status.rawValue)),
                JSONMember("complete", .integer(group.completePairs)),
                JSONMember("complete_bound", .integer(group.completePairsBound)),
                JSONMember("sessions", .integer(group.sessions)),
                JSONMember("sessions_bound", .integer(group.sessionsBound)),
            ])
        })))
        return .object(members)
    }

    // MARK: Calendars

    func name(_ id: String) -> String {
        let name = contacts[id]?.name ?? ""
        return name.isEmpty ? id : name
    }

    func event(_ session: Session) -> CalendarEvent {
        let mentee = name(session.menteeID), mentor = name(session.mentorID)
        return CalendarEvent(
            uid: SessionIdentity.uid(sessionID: session.id), sequence: session.sequence, start: session.start, end: session.end,
            summary: "Mentoring: \(mentee) – \(mentor) (\(session.number)/\(program.sessions))",
            description: "\(program.name): session \(session.number) of \(program.sessions).\nMentee: \(mentee) (\(session.menteeID))\nMentor: \(mentor) (\(session.mentorID))\nSession id: \(session.id)",
            status: session.status == .cancelled ? .cancelled : .confirmed,
            attendees: [session.menteeID, session.mentorID].map { id in
                CalendarPerson(id: id, name: name(id), email: contacts[id]?.email)
            })
    }

    var organizer: CalendarOrganizer? { program.organizer.map { CalendarOrganizer(email: $0) } }

    func calendarFiles(_ sessions: [Session], changes: [SessionChange], people: Set<String>? = nil) -> [(name: String, data: Data)] {
        let events = sessions.filter { $0.status != .noShow }.map { ($0, event($0)) }
        var files: [(String, Data)] = [
            ("calendars/program.ics", ICSWriter.publish(
                events: events.map(\.1), calendarName: program.name, timeZone: timeZone, stamp: stamp, organizer: organizer)),
        ]
        var byPerson: [String: [CalendarEvent]] = [:]
        for (session, event) in events {
            byPerson[session.menteeID, default: []].append(event)
            byPerson[session.mentorID, default: []].append(event)
        }
        let fileNames = Self.fileNames(for: byPerson.keys.sorted())
        for id in byPerson.keys.sorted() where people?.contains(id) ?? true {
            files.append(("calendars/people/\(fileNames[id]!).ics", ICSWriter.publish(
                events: byPerson[id]!, calendarName: "\(program.name) – \(name(id))", timeZone: timeZone, stamp: stamp,
                organizer: organizer)))
        }
        let byID = Dictionary(sessions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for change in changes {
            guard let session = byID[change.sessionID] else { continue }
            let event = event(session)
            let data: Data
            if let organizer {
                data = change.kind == .cancelled
                    ? ICSWriter.cancel(event: event, timeZone: timeZone, stamp: stamp, organizer: organizer)
                    : ICSWriter.request(event: event, timeZone: timeZone, stamp: stamp, organizer: organizer)
            } else {
                data = ICSWriter.publish(events: [event], calendarName: program.name, timeZone: timeZone, stamp: stamp, organizer: nil)
            }
            files.append(("calendars/changes/\(Self.fileNames(for: [change.sessionID])[change.sessionID]!).ics", data))
        }
        return files
    }

    /// A safe, unique file name per id: letters, digits, `.`, `_` and `-` kept, anything else
    /// `_`; a name that had to change, or that equals another ignoring case, gets the first 8
    /// hexadecimal digits of a hash of the id.
    static func fileNames(for ids: [String]) -> [String: String] {
        var result: [String: String] = [:]
        var seen: [String: Int] = [:]
        let plain = ids.map { id -> String in
            var text = String(String.UnicodeScalarView(id.unicodeScalars.map { scalar in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar)) ? scalar : "_"
            }))
            if text.hasPrefix(".") || text.isEmpty { text = "_" + text }
            return String(text.prefix(100))
        }
        for name in plain { seen[name.lowercased(), default: 0] += 1 }
        for (id, name) in zip(ids, plain) {
            let changed = name != id || seen[name.lowercased()]! > 1
            result[id] = changed ? name + "-" + String(SessionIdentity.id(program: "file", menteeID: id, mentorID: "", number: 0).dropFirst().prefix(8)) : name
        }
        return result
    }
}
