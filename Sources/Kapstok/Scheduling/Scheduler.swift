import LinearModel

/// Places every pair's sessions over the program (`kapstok schedule`) and re-plans them with
/// minimal disruption (`kapstok replan`).
///
/// Pairs interact only through a shared person, so each connected group is its own model
/// (``GroupModel``), solved on all cores through thread-confined GLPK sessions. Each model
/// chooses days first — exactly, with the cadence, the weekly maxima and per-day capacities as
/// rows — then places the times of day (``TimeOfDayPlacement``); a day whose times cannot be
/// placed is cut off and the group solved again, so the result is exact, not a heuristic
/// second stage.
public enum Scheduler {
    /// Schedules every pair of `input` from the program's start.
    ///
    /// - Parameter timeLimit: seconds for all groups together (each stops at the common
    ///   deadline with its best plan and bound); `nil`: no limit.
    public static func schedule(_ input: ScheduleInput, solver: some IncrementalSolver, timeLimit: Double?) throws -> ScheduleResult {
        try schedule(input, solver: solver, timeLimit: timeLimit, largestModel: GroupSolver.largestModel)
    }

    /// ``schedule(_:solver:timeLimit:)`` with another cap on a group's model (tests).
    static func schedule(
        _ input: ScheduleInput, solver: some IncrementalSolver, timeLimit: Double?, largestModel: Int
    ) throws -> ScheduleResult {
        let started = ContinuousClock.now
        let calendar = ScheduleCalendar(
            program: input.program, pairs: input.pairs, availability: input.availability, absences: input.absences,
            clock: input.clock)
        let context = PlanningContext(calendar: calendar, fixed: [], cutoff: nil, mode: .schedule)
        let groups = ScheduleCalendar.groups(of: calendar.pairPeople, people: calendar.people.count)
        let specs = calendar.pairs.indices.map { PairSpec.fresh(pair: $0, calendar: calendar, from: nil) }
        let deadline = timeLimit.map { started + .milliseconds(Int64(($0 * 1000).rounded(.up))) }
        let solved = try solveGroups(
            groups, specs: specs, context: context, solver: solver, deadline: deadline, largestModel: largestModel)
        return context.result(groups: groups, solved: solved, keptSessions: [], started: started)
    }

    /// Solves each group (in parallel), keeping the order of `groups`.
    static func solveGroups(
        _ groups: [[Int]], specs: [PairSpec], context: PlanningContext, solver: some IncrementalSolver,
        deadline: ContinuousClock.Instant?, largestModel: Int = GroupSolver.largestModel
    ) throws -> [SolvedGroup] {
        // Largest groups first, so that the cores finish together.
        let order = groups.indices.sorted { (groups[$1].count, $0) < (groups[$0].count, $1) }
        let results = UnsafeMutableBufferPointer<Result<SolvedGroup, any Error>?>.allocate(capacity: groups.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let shared = UnsafeSendable(results)
        let solverBox = UnsafeSendable(solver)
        let contextBox = UnsafeSendable(context)
        let specsBox = UnsafeSendable(specs)
        ParallelLoop.run(count: groups.count) { position in
            let index = order[position]
            let outcome = Result { () throws -> SolvedGroup in
                let groupStarted = ContinuousClock.now
                var problem = contextBox.buffer.problem(for: groups[index], specs: specsBox.buffer)
                let plan = try GroupSolver(problem: problem.problem, largestModel: largestModel)
                    .solve(with: solverBox.buffer, deadline: deadline)
                let elapsed = GroupSolver.seconds(until: groupStarted) * -1
                // Only the tracks' identities are read afterwards: drop their days and starts, so
                // that memory holds one group's options at a time, not every group's.
                for t in problem.problem.tracks.indices { problem.problem.tracks[t].days = [] }
                return SolvedGroup(pairs: groups[index], problem: problem, plan: plan, seconds: elapsed)
            }
            shared.buffer[index] = outcome
        }
        return try results.map { try $0!.get() }
    }
}

/// One group's problem with the bookkeeping to turn its plan back into sessions.
struct BuiltGroup: Sendable {
    var problem: GroupProblem
    /// Global pair index of each of the problem's pairs.
    var pairs: [Int]
    /// The old placement (day, start) of each track, for re-plans.
    var old: [(day: Int, start: Int)?]
}

struct SolvedGroup: Sendable {
    var pairs: [Int]
    var problem: BuiltGroup
    var plan: GroupPlan
    var seconds: Double
}

/// What one pair asks of the model: which session numbers to place and from when.
struct PairSpec: Sendable {
    struct Track: Sendable {
        var number: Int
        /// Where the session is now (re-plan).
        var old: (day: Int, start: Int)?
        /// `--not-before`: the first day it may take.
        var notBefore: Int?
    }

    var pair: Int
    /// The day of the pair's last session that stays (held, past or frozen), if any.
    var anchor: Int?
    var tracks: [Track]
    /// A re-plan's longer maximum gap (days, whole weeks) when an absence leaves no common day
    /// within the program's maximum; nil: the program's.
    var maxGapDays: Int? = nil

    /// All of the program's sessions (after `anchor` and its number, if given).
    static func fresh(pair: Int, calendar: ScheduleCalendar, from anchor: (day: Int, number: Int)?) -> PairSpec {
        let first = (anchor?.number ?? 0) + 1
        let numbers = first <= calendar.program.sessions ? Array(first...calendar.program.sessions) : []
        return PairSpec(pair: pair, anchor: anchor?.day, tracks: numbers.map { Track(number: $0) })
    }
}

/// The facts shared by every group of one run.
struct PlanningContext: Sendable {
    enum Mode: Sendable { case schedule, replan }

    let calendar: ScheduleCalendar
    /// Sessions that stay where they are (re-plan): they occupy their people.
    let fixed: [Session]
    /// Nothing may start before this wall-clock minute (re-plan: the end of the freeze).
    let cutoff: Int?
    let mode: Mode
    /// person → day → busy intervals (start, end) of fixed sessions.
    let busy: [Int: [Int: [(Int, Int)]]]
    /// person → role (0 mentee, 1 mentor) → week → fixed sessions.
    let fixedPerWeek: [Int: [[Int: Int]]]
    /// The index of each pair in ``ScheduleCalendar/pairs`` (the first, for a pair listed twice).
    let pairIndex: [PairID: Int]
    /// Re-plan: pairs of the pairings that have no session in the sessions file.
    var unplannedPairs: Set<PairID> = []

    init(calendar: ScheduleCalendar, fixed: [Session], cutoff: Int?, mode: Mode) {
        self.calendar = calendar
        self.fixed = fixed
        self.cutoff = cutoff
        self.mode = mode
        var busy: [Int: [Int: [(Int, Int)]]] = [:]
        var perWeek: [Int: [[Int: Int]]] = [:]
        for session in fixed where session.status == .planned || session.status == .held {
            let day = session.start.date.dayNumber
            let interval = (session.start.time.minutes, session.end.time.minutes)
            for (role, id) in [(0, session.menteeID), (1, session.mentorID)] {
                guard let person = calendar.personIndex[id] else { continue }
                busy[person, default: [:]][day, default: []].append(interval)
                var weeks = perWeek[person] ?? [[:], [:]]
                weeks[role][day - ScheduleCalendar.weekdayIndex(day), default: 0] += 1
                perWeek[person] = weeks
            }
        }
        self.busy = busy
        fixedPerWeek = perWeek
        var index: [PairID: Int] = [:]
        for (position, pair) in calendar.pairs.enumerated() where index[pair.key] == nil { index[pair.key] = position }
        pairIndex = index
    }

    var minGapDays: Int { 7 * calendar.program.minGapWeeks }
    var maxGapDays: Int { 7 * calendar.program.maxGapWeeks }

    /// The starts of a pair on a day that the freeze and the fixed sessions leave.
    func starts(pair: Int, day: Int) -> [Int] {
        var starts = calendar.starts(pair: pair, day: day)
        if let cutoff {
            let cutoffDay = Int((Double(cutoff) / 1440).rounded(.down))
            if day < cutoffDay { return [] }
            if day == cutoffDay { starts.removeAll { day * 1440 + $0 < cutoff } }
        }
        let people = calendar.pairPeople[pair]
        let length = calendar.sessionMinutes
        for person in [people.mentee, people.mentor] {
            guard let intervals = busy[person]?[day] else { continue }
            starts.removeAll { start in intervals.contains { start < $0.1 && $0.0 < start + length } }
        }
        return starts
    }

    /// The most sessions that fit in a person's free time on a day: disjoint grid-aligned
    /// sessions in their merged windows, around the fixed sessions; 0 when absent or outside
    /// the program.
    func dayCapacity(person: Int, day: Int) -> Int {
        guard day >= calendar.firstDay, day <= calendar.lastDay, !calendar.absentDays[person].contains(day) else { return 0 }
        let intervals = busy[person]?[day] ?? []
        let slot = calendar.slotMinutes, length = calendar.sessionMinutes
        var count = 0
        for window in calendar.windows[person][ScheduleCalendar.weekdayIndex(day)] {
            var start = (window.start.minutes + slot - 1) / slot * slot
            while start + length <= window.end.minutes {
                if let clash = intervals.first(where: { start < $0.1 && $0.0 < start + length }) {
                    start = (clash.1 + slot - 1) / slot * slot
                } else {
                    count += 1
                    start += length
                }
            }
        }
        return count
    }

    /// The group's week-level problem.
    func problem(for pairs: [Int], specs: [PairSpec]) -> BuiltGroup {
        let calendar = self.calendar
        let program = calendar.program
        var tracks: [GroupProblem.Track] = []
        var old: [(day: Int, start: Int)?] = []
        /// Per track and week: (moved, weeks off target or off the old week, preferred hours missed).
        var raw: [[(moved: Bool, distance: Int, miss: Int)]] = []
        var stretchedGaps: [Int: Int] = [:]
        let length = calendar.sessionMinutes
        let hasPreference = program.preferredHours != nil
        for (local, pair) in pairs.enumerated() {
            let spec = specs[pair]
            guard !spec.tracks.isEmpty else { continue }
            var allowed: [(day: Int, starts: [Int])] = []
            if calendar.lastDay >= calendar.firstDay {
                for day in calendar.firstDay...calendar.lastDay {
                    let starts = self.starts(pair: pair, day: day)
                    if !starts.isEmpty { allowed.append((day, starts)) }
                }
            }
            var lower = spec.anchor.map { $0 + minGapDays } ?? calendar.firstDay
            if let cutoff { lower = max(lower, Int((Double(cutoff) / 1440).rounded(.down))) }
            if let stretched = spec.maxGapDays { stretchedGaps[local] = stretched }
            let pairMaxGap = spec.maxGapDays ?? maxGapDays
            var upper = min(calendar.lastDay, spec.anchor.map { $0 + pairMaxGap } ?? calendar.lastDay)
            let targets = cadenceTargets(count: spec.tracks.count, from: lower)
            for (position, trackSpec) in spec.tracks.enumerated() {
                if let notBefore = trackSpec.notBefore { lower = max(lower, notBefore) }
                let window = allowed.filter { $0.day >= lower && $0.day <= upper }
                guard let firstDay = window.first?.day else { break }
                let target = targets[position]
                var weeks: [Int] = []
                var days: [[GroupProblem.DayStarts]] = []
                for (day, starts) in window {
                    let week = day - ScheduleCalendar.weekdayIndex(day)
                    if weeks.last != week {
                        weeks.append(week)
                        days.append([])
                    }
                    days[days.count - 1].append(GroupProblem.DayStarts(day: day, starts: starts))
                }
                var costs: [(moved: Bool, distance: Int, miss: Int)] = []
                for (k, week) in weeks.enumerated() {
                    let miss = hasPreference && !days[k].contains { $0.starts.contains(where: calendar.isPreferred) } ? 1 : 0
                    if let previous = trackSpec.old {
                        let oldWeek = previous.day - ScheduleCalendar.weekdayIndex(previous.day)
                        let kept = days[k].contains { $0.day == previous.day && $0.starts.contains(previous.start) }
                        costs.append((!kept, abs(week - oldWeek) / 7, miss))
                    } else {
                        let targetWeek = target - ScheduleCalendar.weekdayIndex(target)
                        costs.append((false, abs(week - targetWeek) / 7, miss))
                    }
                }
                tracks.append(GroupProblem.Track(
                    pair: local, number: trackSpec.number, weeks: weeks, days: days,
                    old: trackSpec.old.map { GroupProblem.Option(day: $0.day, start: $0.start) }, target: target, costs: [],
                    completes: trackSpec.number == program.sessions))
                old.append(trackSpec.old)
                raw.append(costs)
                lower = firstDay + minGapDays
                upper = calendar.lastDay
            }
        }
        // Levels below "most sessions": moves (re-plan), then weeks off target or off the old
        // week, then preferred hours missed; each level's weight exceeds everything below it.
        let count = tracks.count
        let distanceWeight = count + 1
        let moveWeight = ((calendar.dayCount / 7 + 1) * distanceWeight + count) * count + 1
        for t in tracks.indices {
            tracks[t].costs = raw[t].map { ($0.moved ? moveWeight : 0) + $0.distance * distanceWeight + $0.miss }
        }
        let groupPairs = pairs.map { calendar.pairPeople[$0] }
        var weekly: [GroupProblem.WeeklyLimit] = []
        var people: [Int: [[Int]]] = [:]
        for (t, track) in tracks.enumerated() {
            let pairPeople = groupPairs[track.pair]
            people[pairPeople.mentee, default: [[], []]][0].append(t)
            people[pairPeople.mentor, default: [[], []]][1].append(t)
        }
        for person in people.keys.sorted() {
            let roles = people[person]!
            for role in 0..<2 {
                let maximum = role == 0 ? program.menteeMaxPerWeek : program.mentorMaxPerWeek
                let pairsInRole = Set(roles[role].map { tracks[$0].pair })
                let fixedWeeks = fixedPerWeek[person]?[role] ?? [:]
                guard pairsInRole.count > maximum || !fixedWeeks.isEmpty else { continue }
                weekly.append(GroupProblem.WeeklyLimit(
                    tracks: roles[role], caps: fixedWeeks.mapValues { maximum - $0 }, defaultCap: maximum))
            }
        }
        // A person with several pairs cannot hold more sessions in a week than fit in their own
        // free time that week (often one or two hours): that cap, where it is below the maximum.
        for person in people.keys.sorted() {
            let roles = people[person]!
            let all = roles[0] + roles[1]
            guard Set(all.map { tracks[$0].pair }).count > 1 else { continue }
            var weeks = Set<Int>()
            for t in all { weeks.formUnion(tracks[t].weeks) }
            var caps: [Int: Int] = [:]
            for week in weeks {
                let capacity = (week..<(week + 7)).reduce(0) { $0 + dayCapacity(person: person, day: $1) }
                if capacity < all.count { caps[week] = capacity }
            }
            if !caps.isEmpty { weekly.append(GroupProblem.WeeklyLimit(tracks: all, caps: caps, defaultCap: all.count)) }
        }
        let problem = GroupProblem(
            pairs: groupPairs, tracks: tracks, weeklyLimits: weekly, rewardsCompletion: mode == .schedule,
            sessionMinutes: length, minGapDays: minGapDays, maxGapDays: maxGapDays, stretchedMaxGap: stretchedGaps,
            preferred: program.preferredHours)
        return BuiltGroup(problem: problem, pairs: pairs, old: old)
    }

    /// The ideal day of each of `count` sessions from `first` to the program's end: centres of
    /// equal parts, spaced within `7·min … 7·max` days and centred when they cannot fill it.
    func cadenceTargets(count: Int, from first: Int) -> [Int] {
        guard count > 0 else { return [] }
        let span = Double(max(1, calendar.lastDay - first + 1))
        let spacing = min(max(span / Double(count), Double(minGapDays)), Double(maxGapDays))
        let offset = max(0, (span - 1 - spacing * Double(count - 1)) / 2)
        return (0..<count).map { first + Int((offset + spacing * Double($0)).rounded()) }
    }
}
