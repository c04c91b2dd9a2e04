@testable import Kapstok

/// An independent judge of a schedule: every rule of the program a list of sessions breaks.
///
/// Written from the rules, not from any scheduler, so that schedulers can be tested against it.
/// It is deliberately naive (availability is checked minute by minute against the raw rows, weeks
/// by grouping) so that it shares no shortcut with the code it judges.
///
/// Which sessions a rule looks at:
/// - structure (length, grid, same day, unique ids, the pair is in the input, numbers 1…k with
///   no gap or repeat per pair): every session, whatever its status;
/// - the calendar (inside the program, availability, absences, the wall clock), double-booking
///   and the weekly maxima: sessions that are not `cancelled` (a `no_show` still took the hour);
/// - the gaps between consecutive sessions and the number of sessions per pair: `planned` and
///   `held` only.
///
/// A person who is a mentor in one pair and a mentee in another (tiered programs) is limited per
/// role: their sessions as mentor count against `mentor_max_per_week`, their sessions as mentee
/// against `mentee_max_per_week`, separately. Double-booking looks at both roles together.
struct ScheduleChecker {
    let input: ScheduleInput

    init(_ input: ScheduleInput) { self.input = input }

    /// Every violated rule, one readable line each (empty when the schedule is correct).
    static func violations(_ sessions: [Session], for input: ScheduleInput) -> [String] {
        ScheduleChecker(input).violations(sessions)
    }

    func violations(_ sessions: [Session]) -> [String] {
        var found: [String] = []
        let program = input.program
        let pairs = Set(input.pairs.map(\.key))

        var ids: [String: Int] = [:]
        for session in sessions { ids[session.id, default: 0] += 1 }
        for (id, count) in ids.sorted(by: { $0.key < $1.key }) where count > 1 {
            found.append("session id \(id) is used \(count) times")
        }

        for session in sessions {
            let name = "session \(session.id) (\(session.menteeID)/\(session.mentorID) #\(session.number))"
            if !pairs.contains(session.pair) { found.append("\(name): pair is not in the input") }
            let minutes = (session.end.date.dayNumber - session.start.date.dayNumber) * 1440
                + session.end.time.minutes - session.start.time.minutes
            if minutes != program.sessionMinutes {
                found.append("\(name): lasts \(minutes) minutes, not \(program.sessionMinutes)")
            }
            if session.start.time.minutes % program.slotMinutes != 0 {
                found.append("\(name): starts at \(session.start.time), off the \(program.slotMinutes)-minute grid")
            }
            if session.start.date != session.end.date {
                found.append("\(name): starts on \(session.start.date) and ends on \(session.end.date)")
            }
            guard session.status != .cancelled else { continue }
            if session.start.date < program.start || session.end.date > program.end {
                found.append("\(name): on \(session.start.date), outside the program \(program.start) to \(program.end)")
            }
            for person in [session.mentorID, session.menteeID] {
                if let gap = firstUnavailableMinute(of: person, in: session) {
                    found.append("\(name): \(person) is not available at \(gap)")
                }
                for absence in input.absences where absence.personID == person {
                    if session.start.date <= absence.to && absence.from <= session.end.date {
                        found.append("\(name): \(person) is absent \(absence.from) to \(absence.to)")
                    }
                }
            }
            for moment in [session.start, session.end] where !input.clock.exists(moment) {
                found.append("\(name): local time \(moment) does not exist")
            }
        }

        found += doubleBookings(sessions.filter { $0.status != .cancelled })
        found += weeklyExcess(sessions.filter { $0.status != .cancelled })
        found += pairProblems(sessions)
        return found
    }

    /// The first minute of the session at which the person has no window, or `nil`.
    /// A session over midnight is reported as such and not checked here.
    func firstUnavailableMinute(of person: String, in session: Session) -> LocalDateTime? {
        guard session.start.date == session.end.date else { return nil }
        let rows = input.availability.filter { $0.personID == person }
        let weekday = session.start.date.weekday
        let windows: [TimeWindow]
        if rows.isEmpty {
            let workday = [Weekday.monday, .tuesday, .wednesday, .thursday, .friday].contains(weekday)
            windows = workday ? [input.program.workingHours] : []
        } else {
            windows = rows.filter { $0.weekday == weekday }.map(\.window)
        }
        let first = session.start.time.minutes
        let last = first + input.program.sessionMinutes
        for minute in first ..< max(first, last) {
            if !windows.contains(where: { $0.start.minutes <= minute && minute + 1 <= $0.end.minutes }) {
                return LocalDateTime(date: session.start.date, time: ClockTime(minutes: minute))
            }
        }
        return nil
    }

    func doubleBookings(_ sessions: [Session]) -> [String] {
        var byPerson: [String: [Session]] = [:]
        for session in sessions {
            byPerson[session.mentorID, default: []].append(session)
            if session.menteeID != session.mentorID { byPerson[session.menteeID, default: []].append(session) }
        }
        var found: [String] = []
        for (person, own) in byPerson.sorted(by: { $0.key < $1.key }) {
            for i in own.indices {
                for j in own.indices where i < j {
                    let a = own[i]
                    let b = own[j]
                    if a.start.minuteNumber < b.end.minuteNumber && b.start.minuteNumber < a.end.minuteNumber {
                        found.append("\(person) is double-booked: \(a.id) at \(a.start) and \(b.id) at \(b.start)")
                    }
                }
            }
        }
        return found
    }

    func weeklyExcess(_ sessions: [Session]) -> [String] {
        struct Key: Hashable, Comparable {
            var person: String
            var role: String
            var monday: Int
            static func < (a: Key, b: Key) -> Bool { (a.person, a.role, a.monday) < (b.person, b.role, b.monday) }
        }
        var counts: [Key: Int] = [:]
        for session in sessions {
            // The Monday of the ISO week, counted from the date's weekday independently of weekStart.
            let date = session.start.date
            let monday = date.dayNumber - (date.weekday.rawValue - 1)
            counts[Key(person: session.mentorID, role: "mentor", monday: monday), default: 0] += 1
            counts[Key(person: session.menteeID, role: "mentee", monday: monday), default: 0] += 1
        }
        var found: [String] = []
        for (key, count) in counts.sorted(by: { $0.key < $1.key }) {
            let limit = key.role == "mentor" ? input.program.mentorMaxPerWeek : input.program.menteeMaxPerWeek
            if count > limit {
                found.append(
                    "\(key.person) has \(count) sessions as \(key.role) in the week of \(CalendarDate(dayNumber: key.monday)), more than \(limit)")
            }
        }
        return found
    }

    func pairProblems(_ sessions: [Session]) -> [String] {
        var byPair: [PairID: [Session]] = [:]
        for session in sessions { byPair[session.pair, default: []].append(session) }
        let program = input.program
        var found: [String] = []
        for (pair, own) in byPair.sorted(by: { $0.key < $1.key }) {
            let numbers = own.map(\.number).sorted()
            if numbers != Array(1 ... numbers.count) {
                found.append("pair \(pair): numbers \(numbers) are not 1…\(numbers.count)")
            }
            let active = own.filter { $0.status == .planned || $0.status == .held }.sorted { $0.number < $1.number }
            if active.count > program.sessions {
                found.append("pair \(pair): \(active.count) sessions, more than \(program.sessions)")
            }
            for (earlier, later) in zip(active, active.dropFirst()) {
                let days = later.start.date.dayNumber - earlier.start.date.dayNumber
                if days < 7 * program.minGapWeeks || days > 7 * program.maxGapWeeks {
                    found.append(
                        "pair \(pair): sessions #\(earlier.number) and #\(later.number) are \(days) days apart, not \(7 * program.minGapWeeks)–\(7 * program.maxGapWeeks)")
                }
            }
        }
        return found
    }
}
