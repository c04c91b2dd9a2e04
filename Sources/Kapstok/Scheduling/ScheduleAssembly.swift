/// Turns solved groups into sessions, reasons and counts.
extension PlanningContext {
    /// The placed sessions of a solved group with the track each came from.
    func sessions(of group: SolvedGroup, sequence: (Int, Int) -> Int = { _, _ in 0 }) -> [(track: Int, session: Session)] {
        let problem = group.problem.problem
        var result: [(Int, Session)] = []
        for (t, track) in problem.tracks.enumerated() {
            guard let option = group.plan.placements[t] else { continue }
            let day = option.day, start = option.start
            let pair = calendar.pairs[group.pairs[track.pair]]
            let date = CalendarDate(dayNumber: day)
            let session = Session(
                id: SessionIdentity.id(program: calendar.program.name, menteeID: pair.menteeID, mentorID: pair.mentorID, number: track.number),
                menteeID: pair.menteeID, mentorID: pair.mentorID, number: track.number,
                start: LocalDateTime(date: date, time: ClockTime(minutes: start)),
                end: LocalDateTime(date: date, time: ClockTime(minutes: start + calendar.sessionMinutes)),
                status: .planned, sequence: sequence(t, track.number))
            result.append((t, session))
        }
        return result
    }

    /// The whole result of a run: `kept` are sessions outside the solved tracks (fixed, past,
    /// cancelled, or of groups not re-solved), `required` how many sessions each pair should
    /// have in the end.
    func result(
        groups: [[Int]], solved: [SolvedGroup], keptSessions kept: [Session], started: ContinuousClock.Instant,
        required: [Int]? = nil, sequence: ((SolvedGroup, Int) -> Int)? = nil, unchangedGroups: Set<Int> = []
    ) -> ScheduleResult {
        var sessions = kept
        var reports: [ScheduleGroupReport] = []
        var placedPerPair = [Int](repeating: 0, count: calendar.pairs.count)
        for session in kept where session.status == .planned || session.status == .held {
            if let pair = pairIndex[session.pair] { placedPerPair[pair] += 1 }
        }
        var groupOfPair = [Int](repeating: 0, count: calendar.pairs.count)
        for (number, group) in solved.enumerated() {
            let placed = self.sessions(of: group) { t, _ in sequence?(group, t) ?? 0 }
            sessions += placed.map(\.session)
            for entry in placed { placedPerPair[group.pairs[group.problem.problem.tracks[entry.track].pair]] += 1 }
            for pair in group.pairs { groupOfPair[pair] = number }
        }
        let wanted = required ?? [Int](repeating: calendar.program.sessions, count: calendar.pairs.count)
        for (number, group) in solved.enumerated() {
            var people = Set<String>()
            for pair in group.pairs {
                people.insert(calendar.pairs[pair].menteeID)
                people.insert(calendar.pairs[pair].mentorID)
            }
            let complete = group.pairs.filter { placedPerPair[$0] >= wanted[$0] }.count
            let placed = group.pairs.reduce(0) { $0 + placedPerPair[$1] }
            let unchanged = unchangedGroups.contains(number)
            let proven = group.plan.status == .optimal
            let extraComplete = group.plan.completeBound - group.problem.problem.tracks.indices.filter {
                group.problem.problem.tracks[$0].completes && group.plan.placements[$0] != nil
            }.count
            let extraSessions = group.plan.sessionsBound - group.plan.placements.compactMap { $0 }.count
            reports.append(ScheduleGroupReport(
                number: number + 1, people: people.sorted(), pairs: group.pairs.count,
                status: unchanged ? .unchanged : group.plan.status, completePairs: complete, sessions: placed,
                completePairsBound: proven ? complete : complete + max(0, extraComplete),
                sessionsBound: proven ? placed : placed + max(0, extraSessions), seconds: group.seconds))
        }
        var unscheduled: [UnscheduledPair] = []
        for pair in calendar.pairs.indices where placedPerPair[pair] < wanted[pair] {
            let info = calendar.pairs[pair]
            let group = solved[groupOfPair[pair]]
            unscheduled.append(UnscheduledPair(
                menteeID: info.menteeID, mentorID: info.mentorID, missing: wanted[pair] - placedPerPair[pair],
                reason: reason(pair: pair, placed: placedPerPair[pair], wanted: wanted[pair], group: group)))
        }
        sessions.sort { ($0.start, $0.menteeID, $0.mentorID, $0.number) < ($1.start, $1.menteeID, $1.mentorID, $1.number) }
        let placedTotal = placedPerPair.reduce(0, +)
        let missing = zip(wanted, placedPerPair).reduce(0) { $0 + max(0, $1.0 - $1.1) }
        return ScheduleResult(
            sessions: sessions, unscheduled: unscheduled, groups: reports, pairCount: calendar.pairs.count,
            completePairs: calendar.pairs.indices.filter { placedPerPair[$0] >= wanted[$0] }.count,
            sessionsPlaced: placedTotal, sessionsMissing: missing,
            solveSeconds: -GroupSolver.seconds(until: started))
    }


}
