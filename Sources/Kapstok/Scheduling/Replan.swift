import Diagnostics
import LinearModel

extension Scheduler {
    /// Re-plans after a change, moving as little as possible.
    ///
    /// Held, cancelled and no-show sessions, sessions before `today` and sessions that start
    /// within `freeze_hours` of the start of `today` never move. The sessions of people leaving
    /// are cancelled from today on (also inside the freeze: they leave). Every other planned
    /// session stays where it is unless its slot has become impossible (an absence, changed
    /// availability, a clash with a session that stays, the cadence or a weekly maximum) or a
    /// pair asked (`--session ID --not-before DATE`), or it must move to keep the cadence.
    /// Only groups touched by such a change are solved again; their objective keeps as many
    /// sessions as possible, then moves as few as possible, then as little as possible in
    /// time. New pairs (`--add-pairs`) get the program's sessions from the end of the freeze.
    public static func replan(
        _ input: ScheduleInput, request: ReplanRequest, solver: some IncrementalSolver, timeLimit: Double?
    ) throws -> ReplanResult {
        let started = ContinuousClock.now
        let program = input.program
        // Every pair: current pairings, added pairs, and pairs only in sessions.csv (added by an
        // earlier re-plan): a pair goes on until one of its people leaves (--leave).
        var pairs = input.pairs
        var known = Set(pairs.map(\.key))
        let added = request.addedPairs.filter { known.insert($0.key).inserted }
        pairs += added
        for session in request.sessions where known.insert(session.pair).inserted {
            pairs.append(SchedulePair(menteeID: session.menteeID, mentorID: session.mentorID))
        }
        let active = known
        let calendar = ScheduleCalendar(
            program: program, pairs: pairs, availability: input.availability, absences: input.absences, clock: input.clock)
        let todayStart = request.today.dayNumber * 1440
        let cutoff = todayStart + program.freezeHours * 60
        let leaving = Set(request.leaving)
        var changes: [SessionChange] = []
        var fixed: [Session] = []
        var movable: [Session] = []
        /// Cancels a session that stays in the file, with the change saying why.
        func cancel(_ session: Session, _ why: String) {
            var cancelled = session
            cancelled.status = .cancelled
            cancelled.sequence += 1
            changes.append(SessionChange(
                sessionID: session.id, menteeID: session.menteeID, mentorID: session.mentorID, number: session.number,
                kind: .cancelled, oldStart: session.start, newStart: nil, why: why))
            fixed.append(cancelled)
        }
        for session in request.sessions {
            let minute = session.start.minuteNumber
            let leaver = [session.menteeID, session.mentorID].first { leaving.contains($0) }
            if session.status != .planned || minute < todayStart {
                fixed.append(session)
            } else if let leaver {
                cancel(session, "\(Diagnostic.quoted(leaver)) leaves the program")
            } else if minute < cutoff {
                // Inside the freeze a session never moves; one that can no longer take place is
                // cancelled, so that nobody waits for it.
                if let why = frozenProblem(session, calendar: calendar) {
                    cancel(session, why + "; within \(program.freezeHours) hours, so cancelled rather than moved")
                } else {
                    fixed.append(session)
                }
            } else {
                movable.append(session)
            }
        }
        // A planned session numbered below one that stays cannot move past it: it stays too.
        var highestFixed: [PairID: Int] = [:]
        for session in fixed { highestFixed[session.pair] = max(highestFixed[session.pair] ?? 0, session.number) }
        let stuck = movable.filter { $0.number <= highestFixed[$0.pair] ?? 0 }
        fixed += stuck
        movable.removeAll { $0.number <= highestFixed[$0.pair] ?? 0 }

        var context = PlanningContext(calendar: calendar, fixed: fixed, cutoff: cutoff, mode: .replan)
        context.unplannedPairs = Set(input.pairs.map(\.key)).subtracting(request.sessions.map(\.pair))
        let pairIndex = context.pairIndex
        var specs = calendar.pairs.indices.map { PairSpec(pair: $0, anchor: nil, tracks: []) }
        var movableByTrack: [PairID: [Int: Session]] = [:]
        for session in movable { movableByTrack[session.pair, default: [:]][session.number] = session }
        let requests = Dictionary(request.moveRequests.map { ($0.sessionID, $0.notBefore.dayNumber) }, uniquingKeysWith: max)
        // New pairs are those of --add-pairs: a pair of the pairings without any session stays
        // as it is (its reason says how to schedule it), so that a re-plan without a change
        // changes nothing.
        let addedKeys = Set(added.map(\.key))
        let fixedByPair = Dictionary(grouping: fixed, by: \.pair)
        for (index, pair) in calendar.pairs.enumerated() where active.contains(pair.key) {
            if leaving.contains(pair.menteeID) || leaving.contains(pair.mentorID) { continue }
            let stays = fixedByPair[pair.key] ?? []
            let anchor = stays.filter { $0.status == .planned || $0.status == .held }.map(\.start.date.dayNumber).max()
            let first = (stays.map(\.number).max() ?? 0) + 1
            let olds = movableByTrack[pair.key] ?? [:]
            // A pair keeps the numbers it has; added pairs get the whole series.
            let last = addedKeys.contains(pair.key) ? program.sessions : (olds.keys.max() ?? 0)
            guard first <= last else { continue }
            specs[index] = PairSpec(pair: index, anchor: anchor, tracks: (first...last).map { number in
                let old = olds[number]
                return PairSpec.Track(
                    number: number, old: old.map { ($0.start.date.dayNumber, $0.start.time.minutes) },
                    notBefore: old.flatMap { requests[$0.id] })
            })
            specs[index].maxGapDays = context.stretchedMaxGap(pair: index, anchor: anchor, sessions: last - first + 1)
            // A pair asking to move a session later may need a longer gap before it: stretch to
            // whole weeks so that the first day asked for fits after the session before.
            for track in specs[index].tracks {
                guard let notBefore = track.notBefore else { continue }
                let before = track.number == first ? anchor : olds[track.number - 1].map(\.start.date.dayNumber)
                guard let before, notBefore - before > (specs[index].maxGapDays ?? context.maxGapDays) - 7 else { continue }
                specs[index].maxGapDays = (notBefore - before + 7 + 6) / 7 * 7
            }
        }
        // Groups over the active pairs; a group is re-solved only when something in it changed.
        let allGroups = ScheduleCalendar.groups(of: calendar.pairPeople, people: calendar.people.count)
            .map { $0.filter { active.contains(calendar.pairs[$0].key) } }.filter { !$0.isEmpty }
        let problems = context.currentProblems(movable: movable, requests: Set(requests.keys))
        let troubled = Set(movable.filter { problems[$0.id] != nil }.compactMap { pairIndex[$0.pair] })
        var touched: [[Int]] = []
        var untouched: [[Int]] = []
        for group in allGroups {
            let people = Set(group.flatMap { [calendar.pairs[$0].menteeID, calendar.pairs[$0].mentorID] })
            let changed = group.contains { addedKeys.contains(calendar.pairs[$0].key) }
                || !people.isDisjoint(with: leaving)
                || group.contains(where: troubled.contains)
            if changed { touched.append(group) } else { untouched.append(group) }
        }
        let deadline = timeLimit.map { started + .milliseconds(Int64(($0 * 1000).rounded(.up))) }
        let solved = try solveGroups(touched, specs: specs, context: context, solver: solver, deadline: deadline)
        // Sessions that stay: fixed ones, and every movable session of an untouched group.
        let touchedPairs = Set(touched.flatMap { $0 })
        let kept = fixed + movable.filter { !touchedPairs.contains(pairIndex[$0.pair] ?? -1) }
        // What each pair should have in the end: the program's sessions (cancelled and no-show
        // ones count as missing); for pairs that end (a person leaves), what they keep.
        var required = [Int](repeating: program.sessions, count: calendar.pairs.count)
        for (index, pair) in calendar.pairs.enumerated() {
            let own = fixedByPair[pair.key] ?? []
            let gone = !active.contains(pair.key) || leaving.contains(pair.menteeID) || leaving.contains(pair.mentorID)
            required[index] = gone
                ? own.filter { $0.status == .planned || $0.status == .held }.count
                : program.sessions
        }
        let unchangedReports = untouched.map { group in
            SolvedGroup(
                pairs: group,
                problem: BuiltGroup(problem: context.emptyProblem(), pairs: group, old: []),
                plan: GroupPlan(placements: [], status: .unchanged, completeBound: 0, sessionsBound: 0), seconds: 0)
        }
        let all = solved + unchangedReports
        var sequenceFloor: [PairID: Int] = [:]
        for session in request.sessions { sequenceFloor[session.pair] = max(sequenceFloor[session.pair] ?? 0, session.sequence) }
        var oldSequence: [String: Int] = [:]
        for session in movable { oldSequence[session.id] = session.sequence }
        let result = context.result(
            groups: touched + untouched, solved: all, keptSessions: kept, started: started, required: required,
            sequence: { group, t in
                let track = group.problem.problem.tracks[t]
                let pair = calendar.pairs[group.pairs[track.pair]]
                guard let old = movableByTrack[pair.key]?[track.number] else {
                    // A number the pair had before (a row deleted by hand) keeps rising: its UID
                    // may already be in people's calendars.
                    return (sequenceFloor[pair.key] ?? -1) + 1
                }
                let now = group.plan.placements[t]
                let moved = now?.day != old.start.date.dayNumber || now?.start != old.start.time.minutes
                return old.sequence + (moved ? 1 : 0)
            },
            unchangedGroups: Set(solved.count..<(solved.count + untouched.count)))
        // Changes in the solved groups.
        var schedule = result
        var placed: [String: Session] = [:]
        for session in result.sessions where session.status == .planned { placed[session.id] = session }
        var cancelledHere: [Session] = []
        for session in movable where touchedPairs.contains(pairIndex[session.pair] ?? -1) {
            if let now = placed[session.id] {
                if now.start != session.start {
                    var why = problems[session.id] ?? context.forcedMoveReason(session, placed: placed, movable: movableByTrack)
                    if let index = pairIndex[session.pair], let stretched = specs[index].maxGapDays,
                        let before = result.sessions.last(where: {
                            $0.pair == session.pair && $0.number < session.number && ($0.status == .planned || $0.status == .held)
                        }), now.start.date.dayNumber - before.start.date.dayNumber > context.maxGapDays
                    {
                        why += "; the gap after session \(before.number) is stretched to at most \(stretched / 7) weeks (program maximum \(program.maxGapWeeks))"
                    }
                    changes.append(SessionChange(
                        sessionID: session.id, menteeID: session.menteeID, mentorID: session.mentorID, number: session.number,
                        kind: .moved, oldStart: session.start, newStart: now.start, why: why))
                }
            } else {
                var cancelled = session
                cancelled.status = .cancelled
                cancelled.sequence += 1
                cancelledHere.append(cancelled)
                changes.append(SessionChange(
                    sessionID: session.id, menteeID: session.menteeID, mentorID: session.mentorID, number: session.number,
                    kind: .cancelled, oldStart: session.start, newStart: nil,
                    why: (problems[session.id].map { $0 + "; " } ?? "") + "no slot left for it within the rules"))
            }
        }
        let movableIDs = Set(movable.map(\.id))
        let fixedIDs = Set(fixed.map(\.id))
        for session in result.sessions where session.status == .planned && !movableIDs.contains(session.id)
            && !fixedIDs.contains(session.id)
        {
            changes.append(SessionChange(
                sessionID: session.id, menteeID: session.menteeID, mentorID: session.mentorID, number: session.number,
                kind: .added, oldStart: nil, newStart: session.start,
                why: addedKeys.contains(session.pair) ? "new pair" : "session \(session.number) was missing from the sessions file"))
        }
        schedule.sessions += cancelledHere
        schedule.sessions.sort { ($0.start, $0.menteeID, $0.mentorID, $0.number) < ($1.start, $1.menteeID, $1.mentorID, $1.number) }
        changes.sort { a, b in
            let ka = a.oldStart ?? a.newStart!, kb = b.oldStart ?? b.newStart!
            return (a.kind == .added ? 1 : 0, ka, a.sessionID) < (b.kind == .added ? 1 : 0, kb, b.sessionID)
        }
        return ReplanResult(schedule: schedule, changes: changes)
    }
}

extension Scheduler {
    /// Why a frozen session cannot take place any more (an absence, or a window that no longer
    /// holds it), or nil.
    static func frozenProblem(_ session: Session, calendar: ScheduleCalendar) -> String? {
        guard let pair = calendar.pairs.firstIndex(where: { $0.key == session.pair }) else { return nil }
        let day = session.start.date.dayNumber, start = session.start.time.minutes
        if calendar.starts(pair: pair, day: day).contains(start) { return nil }
        // Off the grid or a different length (a hand-made session) alone is no reason: it stays.
        return calendar.unavailability(
            of: [session.menteeID, session.mentorID], day: day, start: start, minutes: session.end.time.minutes - start)
    }
}

extension PlanningContext {
    /// The maximum gap a re-plan allows a pair: the program's, or — when an absence or changed
    /// availability leaves a stretch without any common free day longer than that — the
    /// stretch rounded up to whole weeks, so that the series goes on after the absence instead
    /// of ending there. Nil when the program's maximum can be kept.
    func stretchedMaxGap(pair: Int, anchor: Int?, sessions: Int) -> Int? {
        // Walk the pair's series alone, each session on the first common free day at least the
        // minimum gap after the one before: the longest step is the gap the series needs.
        let from = max(calendar.firstDay, Int((Double(cutoff ?? calendar.firstDay * 1440) / 1440).rounded(.down)))
        guard from <= calendar.lastDay else { return nil }
        let days = (from...calendar.lastDay).filter { !starts(pair: pair, day: $0).isEmpty }
        var previous = anchor
        var longest = 0
        var index = 0
        for _ in 0..<sessions {
            let earliest = previous.map { $0 + minGapDays } ?? from
            while index < days.count, days[index] < earliest { index += 1 }
            guard index < days.count else { break }
            if let previous { longest = max(longest, days[index] - previous) }
            previous = days[index]
        }
        guard longest > maxGapDays else { return nil }
        // One week more than the pair alone needs, for the other sessions of its people.
        return (longest + 7 + 6) / 7 * 7
    }

    func emptyProblem() -> GroupProblem {
        GroupProblem(
            pairs: [], tracks: [], weeklyLimits: [], rewardsCompletion: false,
            sessionMinutes: calendar.sessionMinutes, minGapDays: minGapDays, maxGapDays: maxGapDays)
    }

    /// Why each movable session can no longer stay where it is, in words (absent: it can stay).
    func currentProblems(movable: [Session], requests: Set<String>) -> [String: String] {
        var problems: [String: String] = [:]
        let program = calendar.program
        var byPair: [PairID: [Session]] = [:]
        for session in fixed + movable where session.status == .planned || session.status == .held {
            byPair[session.pair, default: []].append(session)
        }
        for key in byPair.keys { byPair[key]!.sort { $0.number < $1.number } }
        var perWeek: [String: [Int: [String]]] = [:]
        var perDay: [String: [Int: [Session]]] = [:]
        for session in movable {
            let day = session.start.date.dayNumber
            perWeek["e" + session.menteeID, default: [:]][day - ScheduleCalendar.weekdayIndex(day), default: []].append(session.id)
            perWeek["m" + session.mentorID, default: [:]][day - ScheduleCalendar.weekdayIndex(day), default: []].append(session.id)
            perDay[session.menteeID, default: [:]][day, default: []].append(session)
            perDay[session.mentorID, default: [:]][day, default: []].append(session)
        }
        for session in movable {
            if requests.contains(session.id) {
                problems[session.id] = "asked to move"
                continue
            }
            guard let pair = calendar.personIndex[session.menteeID].flatMap({ _ in pairIndex[session.pair] }) else { continue }
            let day = session.start.date.dayNumber
            let start = session.start.time.minutes
            if let why = slotProblem(session: session, pair: pair, day: day, start: start) {
                problems[session.id] = why
                continue
            }
            // Cadence with the previous session of the pair.
            let series = byPair[session.pair] ?? []
            if let position = series.firstIndex(where: { $0.id == session.id }), position > 0 {
                let previous = series[position - 1]
                let gap = day - previous.start.date.dayNumber
                if gap < minGapDays {
                    problems[session.id] = "only \(gap) days after session \(previous.number) (at least \(weekCount(program.minGapWeeks)))"
                    continue
                }
                if gap > maxGapDays {
                    problems[session.id] = "\(gap) days after session \(previous.number) (at most \(weekCount(program.maxGapWeeks)))"
                    continue
                }
            }
            // Weekly maxima, with the sessions that stay.
            let week = day - ScheduleCalendar.weekdayIndex(day)
            for (role, id, maximum) in [(0, session.menteeID, program.menteeMaxPerWeek), (1, session.mentorID, program.mentorMaxPerWeek)] {
                let person = calendar.personIndex[id]!
                let count = (perWeek[(role == 0 ? "e" : "m") + id]?[week]?.count ?? 0) + (fixedPerWeek[person]?[role][week] ?? 0)
                if count > maximum {
                    problems[session.id] = "\(Diagnostic.quoted(id)) would have \(count) sessions in the week of \(CalendarDate(dayNumber: week)) (at most \(maximum))"
                }
            }
            // Two movable sessions of one person at once.
            for id in [session.menteeID, session.mentorID] {
                let others = perDay[id]?[day] ?? []
                if others.contains(where: { $0.id != session.id && $0.start.time.minutes < session.end.time.minutes && session.start.time.minutes < $0.end.time.minutes }) {
                    problems[session.id] = "\(Diagnostic.quoted(id)) has another session at that time"
                }
            }
        }
        return problems
    }

    /// Why a session's own slot is impossible now, or nil.
    func slotProblem(session: Session, pair: Int, day: Int, start: Int) -> String? {
        let program = calendar.program
        if day > calendar.lastDay { return "after the program's end \(program.end)" }
        if session.end.time.minutes - start != calendar.sessionMinutes || session.end.date != session.start.date {
            return "sessions now last \(calendar.sessionMinutes) minutes"
        }
        if starts(pair: pair, day: day).contains(start) { return nil }
        let ids = [session.menteeID, session.mentorID]
        if let why = calendar.unavailability(of: ids, day: day, start: start, minutes: calendar.sessionMinutes) { return why }
        for id in ids {
            guard let person = calendar.personIndex[id] else { continue }
            if let clash = busy[person]?[day]?.first(where: { start < $0.1 && $0.0 < start + calendar.sessionMinutes }) {
                return "clashes with a session of \(Diagnostic.quoted(id)) at \(ClockTime(minutes: clash.0)) that stays"
            }
        }
        if start % calendar.slotMinutes != 0 { return "not on the \(calendar.slotMinutes)-minute grid" }
        return "that time does not exist on \(CalendarDate(dayNumber: day)) (clock change)"
    }

    /// Why a session that could have stayed moved anyway.
    func forcedMoveReason(_ session: Session, placed: [String: Session], movable: [PairID: [Int: Session]]) -> String {
        if let previous = movable[session.pair]?[session.number - 1], let now = placed[previous.id], now.start != previous.start {
            let gap = session.start.date.dayNumber - now.start.date.dayNumber
            if gap < minGapDays || gap > maxGapDays {
                return "keeps \(calendar.program.minGapWeeks)–\(calendar.program.maxGapWeeks) weeks after session \(previous.number), which moved"
            }
        }
        return "makes room for sessions that had to move"
    }
}
