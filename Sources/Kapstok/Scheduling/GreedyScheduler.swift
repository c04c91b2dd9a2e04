/// The benchmark's baseline: every session at the first free slot, pair after pair.
///
/// Pairs are taken in input order. A pair's session 1 goes to the earliest slot from the
/// program's start where both people are available (their weekly windows, merged per weekday, or
/// `working_hours` Monday to Friday for a person without windows), neither is absent, the start
/// and end exist on the wall clock, neither person already has a session that overlaps it, and
/// neither is at their weekly maximum (per ISO week, Monday to Sunday) in the role they have in
/// this pair. Each next session goes to the earliest such slot dated at least
/// `7 · min_gap_weeks` and at most `7 · max_gap_weeks` days after the previous one, and never
/// after the program's end. When a session finds no slot, the pair stops there: it keeps the
/// sessions it has and gets no later ones (nothing is undone to make room).
///
/// A person who is mentor in one pair and mentee in another (tiered programs) is counted per
/// role: their sessions as mentor against `mentor_max_per_week`, those as mentee against
/// `mentee_max_per_week`; double-booking is checked across both roles.
///
/// A pair listed twice (same mentee and mentor) is scheduled once.
///
/// ```swift
/// let sessions = GreedyScheduler.schedule(input)
/// ```
///
/// - Complexity: O(pairs · sessions · days in the allowed range · slots per day · sessions per
///   person) in the worst case, plus sorting the result. 10,000 generated pairs of 8 sessions
///   (``ScheduleGenerator``, 26 weeks) take about 0.35 s in a release build on a loaded 2-core
///   machine, 20,000 about 0.8 s.
public enum GreedyScheduler {
    /// Schedules every pair of `input`, first free slot first.
    ///
    /// - Returns: Planned sessions (sequence 0, ids from ``SessionIdentity``), ordered by start,
    ///   then mentee, mentor and number.
    public static func schedule(_ input: ScheduleInput) -> [Session] {
        var planner = Planner(input: input)
        var sessions: [Session] = []
        var seen = Set<PairID>()
        for pair in input.pairs where seen.insert(pair.key).inserted {
            sessions += planner.place(pair)
        }
        // Sorting indices by a precomputed minute keeps the large Session values from being
        // moved and compared field by field (a third of the run time otherwise).
        let minutes = sessions.map(\.start.minuteNumber)
        let order = sessions.indices.sorted { a, b in
            if minutes[a] != minutes[b] { return minutes[a] < minutes[b] }
            let (x, y) = (sessions[a], sessions[b])
            return (x.menteeID, x.mentorID, x.number) < (y.menteeID, y.mentorID, y.number)
        }
        return order.map { sessions[$0] }
    }

    /// A booked session of one person, in minutes since 1970-01-01 of the wall clock.
    struct Booking {
        var start: Int
        var end: Int
        /// ``CalendarDate/weekStart`` of its date.
        var week: Int
        var asMentor: Bool
    }

    /// The state of the greedy pass: who is free when, and what is already booked.
    struct Planner {
        let program: ProgramCalendar
        let clock: any WallClock
        let firstDay: Int
        let lastDay: Int
        /// Person id → index into the per-person arrays below.
        var index: [String: Int] = [:]
        /// Per person: merged windows per weekday (0 = Monday), `(start, end)` minutes of the day.
        var windows: [[[(start: Int, end: Int)]]] = []
        /// Per person: absences as inclusive day-number ranges.
        var absences: [[ClosedRange<Int>]] = []
        /// Per person: sessions already placed.
        var bookings: [[Booking]] = []

        init(input: ScheduleInput) {
            program = input.program
            clock = input.clock
            firstDay = input.program.start.dayNumber
            lastDay = input.program.end.dayNumber
            var rows: [[[(start: Int, end: Int)]]] = []
            func person(_ id: String) -> Int {
                if let known = index[id] { return known }
                index[id] = rows.count
                rows.append(Array(repeating: [], count: 7))
                absences.append([])
                bookings.append([])
                return rows.count - 1
            }
            for pair in input.pairs {
                _ = person(pair.mentorID)
                _ = person(pair.menteeID)
            }
            var hasRows = Array(repeating: false, count: rows.count)
            for row in input.availability {
                guard let at = index[row.personID] else { continue }
                hasRows[at] = true
                rows[at][row.weekday.rawValue - 1].append((row.window.start.minutes, row.window.end.minutes))
            }
            let working = (start: program.workingHours.start.minutes, end: program.workingHours.end.minutes)
            for at in rows.indices {
                if hasRows[at] {
                    rows[at] = rows[at].map(Self.merged)
                } else {
                    for weekday in 0 ..< 5 { rows[at][weekday] = [working] }
                }
            }
            windows = rows
            for absence in input.absences {
                guard let at = index[absence.personID], absence.from <= absence.to else { continue }
                absences[at].append(absence.from.dayNumber ... absence.to.dayNumber)
            }
        }

        /// Windows sorted and merged where they overlap or touch.
        static func merged(_ windows: [(start: Int, end: Int)]) -> [(start: Int, end: Int)] {
            var result: [(start: Int, end: Int)] = []
            for window in windows.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
                if let last = result.last, window.start <= last.end {
                    result[result.count - 1].end = max(last.end, window.end)
                } else {
                    result.append(window)
                }
            }
            return result
        }

        /// The times of day both people are available, per weekday.
        func common(_ first: Int, _ second: Int) -> [[(start: Int, end: Int)]] {
            (0 ..< 7).map { weekday in
                var result: [(start: Int, end: Int)] = []
                for a in windows[first][weekday] {
                    for b in windows[second][weekday] {
                        let start = max(a.start, b.start)
                        let end = min(a.end, b.end)
                        if start < end { result.append((start, end)) }
                    }
                }
                return result.sorted { $0.start < $1.start }
            }
        }

        /// Places the pair's sessions one after the other until one finds no slot.
        mutating func place(_ pair: SchedulePair) -> [Session] {
            guard let mentor = index[pair.mentorID], let mentee = index[pair.menteeID] else { return [] }
            let shared = common(mentor, mentee)
            guard program.sessions >= 1, shared.contains(where: { !$0.isEmpty }) else { return [] }
            var placed: [Session] = []
            var from = firstDay
            var to = lastDay
            for number in 1 ... program.sessions {
                guard let start = firstSlot(mentor: mentor, mentee: mentee, shared: shared, days: from ... to) else { break }
                let date = CalendarDate(dayNumber: start / 1440)
                let end = start + program.sessionMinutes
                let week = date.weekStart
                bookings[mentor].append(Booking(start: start, end: end, week: week, asMentor: true))
                bookings[mentee].append(Booking(start: start, end: end, week: week, asMentor: false))
                placed.append(
                    Session(
                        id: SessionIdentity.id(program: program.name, menteeID: pair.menteeID, mentorID: pair.mentorID, number: number),
                        menteeID: pair.menteeID, mentorID: pair.mentorID, number: number,
                        start: LocalDateTime(date: date, time: ClockTime(minutes: start % 1440)),
                        end: LocalDateTime(date: date, time: ClockTime(minutes: end - date.dayNumber * 1440))))
                from = date.dayNumber + 7 * program.minGapWeeks
                to = min(lastDay, date.dayNumber + 7 * program.maxGapWeeks)
                if from > to { break }
            }
            return placed
        }

        /// The earliest feasible start (minutes since 1970-01-01) on one of `days`, or `nil`.
        func firstSlot(mentor: Int, mentee: Int, shared: [[(start: Int, end: Int)]], days: ClosedRange<Int>) -> Int? {
            let length = program.sessionMinutes
            let slot = max(1, program.slotMinutes)
            for day in days {
                let date = CalendarDate(dayNumber: day)
                let intervals = shared[date.weekday.rawValue - 1]
                guard !intervals.isEmpty, !isAbsent(mentor, day), !isAbsent(mentee, day) else { continue }
                let week = date.weekStart
                guard count(mentor, week: week, asMentor: true) < program.mentorMaxPerWeek,
                    count(mentee, week: week, asMentor: false) < program.menteeMaxPerWeek
                else { continue }
                for interval in intervals {
                    var minute = (interval.start + slot - 1) / slot * slot
                    while minute + length <= interval.end, minute + length <= 1440 {
                        let start = day * 1440 + minute
                        let end = start + length
                        if let busyUntil = overlap(mentor, start, end) ?? overlap(mentee, start, end) {
                            // Jump to the first grid point at or after the clash's end.
                            let next = busyUntil - day * 1440
                            minute = max(minute + slot, (next + slot - 1) / slot * slot)
                            continue
                        }
                        if clock.exists(LocalDateTime(date: date, time: ClockTime(minutes: minute))),
                            clock.exists(LocalDateTime(date: date, time: ClockTime(minutes: minute + length)))
                        {
                            return start
                        }
                        minute += slot
                    }
                }
            }
            return nil
        }

        func isAbsent(_ person: Int, _ day: Int) -> Bool {
            absences[person].contains { $0.contains(day) }
        }

        func count(_ person: Int, week: Int, asMentor: Bool) -> Int {
            bookings[person].reduce(0) { $0 + ($1.week == week && $1.asMentor == asMentor ? 1 : 0) }
        }

        /// The end of a booking of `person` that overlaps `[start, end)`, or `nil` when none does.
        func overlap(_ person: Int, _ start: Int, _ end: Int) -> Int? {
            var latest: Int?
            for booking in bookings[person] where booking.start < end && start < booking.end {
                latest = max(latest ?? booking.end, booking.end)
            }
            return latest
        }
    }
}
