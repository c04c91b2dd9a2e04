import Foundation
import Kapstok

/// The input files of `kapstok schedule` and `replan`.
public struct ScheduleSources: Sendable {
    public var pairings: InputSource
    public var availability: InputSource?
    public var absences: InputSource?
    public var configuration: InputSource?
    /// mentors.csv and mentees.csv, read only for names and e-mail addresses (calendar attendees).
    public var contacts: [InputSource]
    /// `replan`: the current sessions.csv.
    public var sessions: InputSource?
    /// `replan --add-pairs`.
    public var addedPairs: InputSource?

    public init(
        pairings: InputSource, availability: InputSource? = nil, absences: InputSource? = nil,
        configuration: InputSource? = nil, contacts: [InputSource] = [], sessions: InputSource? = nil,
        addedPairs: InputSource? = nil
    ) {
        self.pairings = pairings
        self.availability = availability
        self.absences = absences
        self.configuration = configuration
        self.contacts = contacts
        self.sessions = sessions
        self.addedPairs = addedPairs
    }
}

/// Warnings for rows of people in no pair, when there is no mentors or mentees file to tell an
/// unmatched person from a typo.
struct UnpairedRows {
    let paired: Set<String>
    let sorted: [String]
    /// "Did you mean"s compare with every paired id: at most this many per run.
    private var suggestionsLeft = 100

    init(paired: Set<String>) {
        self.paired = paired
        sorted = paired.sorted()
    }

    /// Warns about a row of a person in no pair; true when the row is to be dropped.
    mutating func report(_ id: String, at location: Diagnostic.Location?, diagnostics: inout DiagnosticCollector) -> Bool {
        guard !paired.contains(id) else { return false }
        var message = "person \(Diagnostic.quoted(id)) is in no pair; the row is not used"
        if suggestionsLeft > 0 {
            suggestionsLeft -= 1
            if let suggestion = Suggestion.closest(to: id, among: sorted) { message += " (did you mean \(Diagnostic.quoted(suggestion))?)" }
        }
        message += "; give --mentors and --mentees to have unknown ids reported as errors"
        if let location { diagnostics.warning(.unknownPerson, message, at: location) }
        return true
    }
}

/// Everything the files say, checked.
public struct LoadedSchedule: Sendable {
    public var input: ScheduleInput
    public var configuration: Configuration
    public var timeZone: TimeZone
    public var sessions: [Session]
    public var addedPairs: [SchedulePair]
    /// Names and e-mail addresses by id: the contacts files, then the pairings' names.
    public var contacts: [String: Contact]
    public var warnings: [Diagnostic]
    /// `[output]` of `kapstok.toml` (empty without one).
    public var output = OutputPreferences()
    /// ``CSVDialect/inferred(from:)`` of the pairings file; `nil` when it was not read.
    public var inferredDialect: CSVDialect?
}

/// Reads and checks every input of a scheduling run, reporting all problems at once.
///
/// People in `availability.csv` and `absences.csv` must be in a pair (the pairings, the added
/// pairs or the sessions file) or, when given, in the mentors or mentees file (without those
/// files, an id in no pair is a warning and its rows are not used); times in `sessions.csv` must
/// carry the program zone's UTC offset.
public enum ScheduleLoader {
    public static func load(_ sources: ScheduleSources) throws(DiagnosticsError) -> LoadedSchedule {
        var diagnostics = DiagnosticCollector()
        let settings = sources.configuration.map { ConfigurationLoader.loadWithOutput($0, diagnostics: &diagnostics) }
        let configuration = settings?.configuration ?? Configuration()
        let pairsTable = CSVReader.read(sources.pairings, headerNames: Set(SchedulePairsLoader.columns), diagnostics: &diagnostics)
        let pairs = pairsTable.map { SchedulePairsLoader.load($0, diagnostics: &diagnostics) } ?? []
        var added = sources.addedPairs.flatMap { SchedulePairsLoader.load($0, diagnostics: &diagnostics) } ?? []
        added = checkAddedPairs(added, against: pairs, diagnostics: &diagnostics)
        var contacts: [String: Contact] = [:]
        for source in sources.contacts {
            for contact in ContactLoader.load(source, diagnostics: &diagnostics) ?? [] where contacts[contact.id] == nil {
                contacts[contact.id] = contact
            }
        }
        // Known people: those in a pair, and everyone in the mentors and mentees files when given
        // (an unmatched mentee's rows are fine; an id in no file is a located error). Without
        // those files an id in no pair may be an unmatched mentee as well as a typo: a warning
        // with a "did you mean", and its rows are not used.
        let clock = FoundationWallClock(identifier: configuration.program.timezone) ?? FoundationWallClock(identifier: "UTC")!
        let sessions = sources.sessions.flatMap { SessionsLoader.load($0, clock: clock, diagnostics: &diagnostics) } ?? []
        // Pairs only in sessions.csv (added by an earlier re-plan) are pairs too.
        let sessionPairs = sessions.map { SchedulePair(menteeID: $0.menteeID, mentorID: $0.mentorID) }
        let paired = SchedulePairsLoader.personIDs(of: pairs + added + sessionPairs)
        let people: Set<String>? = sources.contacts.isEmpty ? nil : paired.union(contacts.keys)
        var availability = sources.availability.flatMap { AvailabilityLoader.load($0, people: people, diagnostics: &diagnostics) } ?? []
        var absences = sources.absences.flatMap { AbsencesLoader.load($0, people: people, diagnostics: &diagnostics) } ?? []
        if people == nil {
            var unknown = UnpairedRows(paired: paired)
            availability.removeAll { unknown.report($0.personID, at: $0.location, diagnostics: &diagnostics) }
            absences.removeAll { unknown.report($0.personID, at: $0.location, diagnostics: &diagnostics) }
        }
        let asked = (pairs.count + added.count) * configuration.program.sessions
        if asked > Limits.scheduleSessions {
            diagnostics.error(
                .roundTooLarge,
                "\(pairs.count + added.count) pairs × \(configuration.program.sessions) sessions ask for \(asked) sessions, more than \(Limits.scheduleSessions) (schedule the program in parts, or with fewer sessions)",
                at: Diagnostic.Location(file: sources.pairings.path, line: 1, column: 1))
        }
        try diagnostics.throwIfErrors()
        var loaded = assemble(
            configuration: configuration, pairs: pairs, availability: availability, absences: absences, sessions: sessions,
            addedPairs: added, contacts: contacts)
        loaded.warnings = diagnostics.warnings
        loaded.output = settings?.output ?? OutputPreferences()
        loaded.inferredDialect = pairsTable.map(CSVDialect.inferred(from:))
        return loaded
    }

    /// The same checked input from values already held (a workspace's people, pairs and
    /// calendars): the configuration's zone and clock, the pairings' names as contacts where the
    /// people give none. Values from a workspace were checked when they were imported.
    public static func assemble(
        configuration: Configuration, pairs: [SchedulePair], availability: [AvailabilityWindow], absences: [Absence],
        sessions: [Session] = [], addedPairs: [SchedulePair] = [], contacts: [String: Contact]
    ) -> LoadedSchedule {
        let zone = TimeZone(identifier: configuration.program.timezone) ?? TimeZone(identifier: "UTC")!
        let clock = FoundationWallClock(identifier: configuration.program.timezone) ?? FoundationWallClock(identifier: "UTC")!
        var contacts = contacts
        for pair in pairs + addedPairs {
            for (id, name) in [(pair.menteeID, pair.menteeName), (pair.mentorID, pair.mentorName)] where !name.isEmpty {
                if contacts[id] == nil { contacts[id] = Contact(id: id, name: name) }
                if contacts[id]?.name.isEmpty == true { contacts[id]?.name = name }
            }
        }
        let input = ScheduleInput(
            program: ProgramCalendar(configuration.program), pairs: pairs, availability: availability, absences: absences,
            clock: clock)
        return LoadedSchedule(
            input: input, configuration: configuration, timeZone: zone, sessions: sessions, addedPairs: addedPairs,
            contacts: contacts, warnings: [])
    }

    /// The added pairs that are new: a mentee who already has another mentor in the pairings is
    /// an error (`duplicate-mentee`: a mentee has one mentor), a pair already in the pairings a
    /// warning (`duplicate-pair`, dropped: it keeps its sessions).
    public static func checkAddedPairs(
        _ added: [SchedulePair], against pairs: [SchedulePair], diagnostics: inout DiagnosticCollector
    ) -> [SchedulePair] {
        var existing: [String: SchedulePair] = [:]
        for pair in pairs where existing[pair.menteeID] == nil { existing[pair.menteeID] = pair }
        return added.filter { pair in
            guard let first = existing[pair.menteeID] else { return true }
            let origin = first.location.map { " (\($0.file) line \($0.line))" } ?? ""
            let location = pair.location ?? Diagnostic.Location(file: "", line: 1, column: 1)
            if first.mentorID == pair.mentorID {
                diagnostics.warning(
                    .duplicatePair,
                    "pair of mentee \(Diagnostic.quoted(pair.menteeID)) and mentor \(Diagnostic.quoted(pair.mentorID)) is already in the pairings\(origin); it keeps its sessions",
                    at: location)
            } else {
                diagnostics.error(
                    .duplicateMentee,
                    "mentee \(Diagnostic.quoted(pair.menteeID)) already has mentor \(Diagnostic.quoted(first.mentorID)) in the pairings\(origin); a mentee has one mentor",
                    at: location)
            }
            return false
        }
    }

    /// Problems with `--leave` and `--session` values: ids that are in no pair or session, and
    /// (given `today`) a `--session` that `replan` would never move — not planned, before
    /// `today`, or starting within `[program] freeze_hours` of it — rather than ignore the
    /// request without a word.
    public static func checkReplanArguments(
        _ loaded: LoadedSchedule, leaving: [String], sessionIDs: [String], today: CalendarDate? = nil
    ) -> [String] {
        var problems: [String] = []
        let people = SchedulePairsLoader.personIDs(
            of: loaded.input.pairs + loaded.addedPairs + loaded.sessions.map { SchedulePair(menteeID: $0.menteeID, mentorID: $0.mentorID) })
        let sortedPeople = people.sorted()
        for id in leaving where !people.contains(id) {
            var problem = "--leave \(Diagnostic.quoted(id)) is in no pair of the pairings"
            if let suggestion = Suggestion.closest(to: id, among: sortedPeople) { problem += "; did you mean \(Diagnostic.quoted(suggestion))?" }
            problems.append(problem)
        }
        let byID = Dictionary(loaded.sessions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in sessionIDs {
            guard let session = byID[id] else {
                problems.append("--session \(Diagnostic.quoted(id)) is not in the sessions file")
                continue
            }
            guard let today else { continue }
            let freeze = loaded.configuration.program.freezeHours
            if session.status != .planned {
                problems.append("--session \(Diagnostic.quoted(id)) cannot move: it is \(session.status.rawValue), and only planned sessions move")
            } else if session.start.date < today {
                problems.append("--session \(Diagnostic.quoted(id)) cannot move: it was on \(session.start.date), before --today \(today)")
            } else if session.start.minuteNumber < today.dayNumber * 1440 + freeze * 60 {
                problems.append("--session \(Diagnostic.quoted(id)) cannot move: it starts within [program] freeze_hours = \(freeze) of --today \(today)")
            }
        }
        return problems
    }
}
