import Diagnostics

/// The calendar facts every part of the scheduler reads: each person's merged weekly windows and
/// absent days, each pair's feasible session starts per day, and the connected groups.
///
/// Days are ``CalendarDate/dayNumber``s; times are minutes after local midnight. A start is
/// feasible for a pair on a day when it lies on the `slot_minutes` grid, both people are
/// available from it for the whole `session_minutes` (inside one merged window of each), neither
/// is absent that day, every slot boundary of the session exists on the wall clock (not skipped
/// by a clock change), and — in a re-plan — it is after the freeze and overlaps no session that
/// stays fixed.
struct ScheduleCalendar: Sendable {
    let program: ProgramCalendar
    let firstDay: Int
    let lastDay: Int
    let sessionMinutes: Int
    let slotMinutes: Int
    /// People in order of first appearance in the pairs.
    let people: [String]
    let personIndex: [String: Int]
    /// person → weekday index 0 (Monday)…6 → merged windows, sorted.
    let windows: [[[TimeWindow]]]
    /// person → absent day numbers inside the program.
    let absentDays: [Set<Int>]
    /// person → whether the person has own availability rows.
    let hasOwnWindows: [Bool]
    let pairs: [SchedulePair]
    /// pair → (mentee person, mentor person).
    let pairPeople: [(mentee: Int, mentor: Int)]
    /// pair → weekday index → feasible starts before day-specific filters.
    let weeklyStarts: [[[Int]]]
    /// Days on which the wall clock changes (every slot boundary must then be checked).
    let clockChangeDays: Set<Int>
    let clock: any WallClock
    /// The absences as given, for reasons in words.
    let absences: [Absence]

    init(program: ProgramCalendar, pairs: [SchedulePair], availability: [AvailabilityWindow], absences: [Absence], clock: any WallClock) {
        self.program = program
        self.pairs = pairs
        self.clock = clock
        self.absences = absences
        firstDay = program.start.dayNumber
        lastDay = program.end.dayNumber
        sessionMinutes = program.sessionMinutes
        slotMinutes = max(1, program.slotMinutes)
        var people: [String] = []
        var index: [String: Int] = [:]
        func person(_ id: String) -> Int {
            if let known = index[id] { return known }
            index[id] = people.count
            people.append(id)
            return people.count - 1
        }
        pairPeople = pairs.map { (person($0.menteeID), person($0.mentorID)) }
        self.people = people
        personIndex = index
        var raw = [[[TimeWindow]]](repeating: [[TimeWindow]](repeating: [], count: 7), count: people.count)
        var own = [Bool](repeating: false, count: people.count)
        for row in availability {
            guard let p = index[row.personID] else { continue }
            own[p] = true
            raw[p][row.weekday.rawValue - 1].append(row.window)
        }
        for p in people.indices where !own[p] {
            for weekday in 0..<5 { raw[p][weekday] = [program.workingHours] }
        }
        windows = raw.map { $0.map(Self.merged) }
        hasOwnWindows = own
        var absent = [Set<Int>](repeating: [], count: people.count)
        let first = firstDay, last = lastDay
        for row in absences {
            guard let p = index[row.personID] else { continue }
            let from = max(first, row.from.dayNumber), to = min(last, row.to.dayNumber)
            if from <= to { for day in from...to { absent[p].insert(day) } }
        }
        absentDays = absent
        let length = program.sessionMinutes, slot = max(1, program.slotMinutes)
        let merged = windows
        weeklyStarts = pairPeople.map { pair in
            (0..<7).map { weekday in
                Self.starts(in: Self.intersection(merged[pair.mentee][weekday], merged[pair.mentor][weekday]), length: length, slot: slot)
            }
        }
        var changes = Set<Int>()
        if last >= first {
            for day in first...last {
                let date = CalendarDate(dayNumber: day)
                let morning = clock.utcOffsetSeconds(at: LocalDateTime(date: date, time: ClockTime(minutes: 0)))
                let night = clock.utcOffsetSeconds(at: LocalDateTime(date: date, time: ClockTime(minutes: 1439)))
                if morning != night { changes.insert(day) }
            }
        }
        clockChangeDays = changes
    }

    var dayCount: Int { max(0, lastDay - firstDay + 1) }

    /// Windows of one weekday merged where they overlap or touch.
    static func merged(_ windows: [TimeWindow]) -> [TimeWindow] {
        var result: [TimeWindow] = []
        for window in windows.sorted() {
            if let last = result.last, window.start <= last.end {
                result[result.count - 1].end = max(last.end, window.end)
            } else {
                result.append(window)
            }
        }
        return result
    }

    /// The overlap of two sorted, merged window lists.
    static func intersection(_ a: [TimeWindow], _ b: [TimeWindow]) -> [TimeWindow] {
        var result: [TimeWindow] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            let start = max(a[i].start, b[j].start), end = min(a[i].end, b[j].end)
            if start < end { result.append(TimeWindow(start: start, end: end)) }
            if a[i].end < b[j].end { i += 1 } else { j += 1 }
        }
        return result
    }

    /// Grid starts (multiples of `slot` after midnight) from which `length` minutes fit in a window.
    static func starts(in windows: [TimeWindow], length: Int, slot: Int) -> [Int] {
        var result: [Int] = []
        for window in windows {
            var start = (window.start.minutes + slot - 1) / slot * slot
            while start + length <= window.end.minutes {
                result.append(start)
                start += slot
            }
        }
        return result
    }

    static func weekdayIndex(_ day: Int) -> Int { ((day % 7) + 7 + 3) % 7 }

    /// The feasible starts of a pair on a day, before re-plan filters.
    func starts(pair: Int, day: Int) -> [Int] {
        let people = pairPeople[pair]
        if absentDays[people.mentee].contains(day) || absentDays[people.mentor].contains(day) { return [] }
        let weekly = weeklyStarts[pair][Self.weekdayIndex(day)]
        guard clockChangeDays.contains(day) else { return weekly }
        let date = CalendarDate(dayNumber: day)
        // On the day clocks change, a session may neither touch a skipped time nor span the
        // change (in the autumn night 02:00–03:00 would last two hours).
        func offset(_ minute: Int) -> Int { clock.utcOffsetSeconds(at: LocalDateTime(date: date, time: ClockTime(minutes: min(minute, 1439)))) }
        return weekly.filter { start in
            let end = start + sessionMinutes
            return stride(from: start, through: end, by: slotMinutes).allSatisfy { minute in
                minute >= 1440 || clock.exists(LocalDateTime(date: date, time: ClockTime(minutes: minute)))
            } && offset(start) == offset(end)
        }
    }

    /// Whether a start lies in the preferred hours (the whole session inside them).
    func isPreferred(start: Int) -> Bool {
        program.preferredHours?.holds(start: start, minutes: sessionMinutes) ?? false
    }

    /// Why these people cannot meet from `start` for `minutes` on a day, in words: an absence,
    /// or a window that does not hold the time; nil when both are free.
    func unavailability(of ids: [String], day: Int, start: Int, minutes: Int) -> String? {
        for id in ids {
            if let absence = absences.first(where: { $0.personID == id && $0.from.dayNumber <= day && day <= $0.to.dayNumber }) {
                return "\(Diagnostic.quoted(id)) is absent \(absence.from) to \(absence.to)"
            }
        }
        let weekday = Self.weekdayIndex(day)
        for id in ids {
            guard let person = personIndex[id] else { continue }
            if !windows[person][weekday].contains(where: { $0.holds(start: start, minutes: minutes) }) {
                return "\(Diagnostic.quoted(id)) is no longer available on \(Weekday.allCases[weekday].name) \(ClockTime(minutes: start))–\(ClockTime(minutes: start + minutes))"
            }
        }
        return nil
    }

    /// Groups of pairs connected through shared people, each in pair order, ordered by first pair.
    static func groups(of pairPeople: [(mentee: Int, mentor: Int)], people: Int) -> [[Int]] {
        var sets = DisjointSets(count: people)
        func root(_ x: Int) -> Int { sets.root(x) }
        for pair in pairPeople {
            let a = root(pair.mentee), b = root(pair.mentor)
            if a != b { sets.attach(max(a, b), to: min(a, b)) }
        }
        var groupOf: [Int: Int] = [:]
        var groups: [[Int]] = []
        for (index, pair) in pairPeople.enumerated() {
            let r = root(pair.mentee)
            if let g = groupOf[r] {
                groups[g].append(index)
            } else {
                groupOf[r] = groups.count
                groups.append([index])
            }
        }
        return groups
    }
}
