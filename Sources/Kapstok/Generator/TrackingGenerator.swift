/// Generates a program workspace halfway through, for tests and benchmarks: deterministic from
/// its seed (``SplitMix64``).
///
/// The people come from ``RoundGenerator``; mentee `i` is paired with mentor `i mod mentors`.
/// Each pair gets its draft goals (``DraftGoals``, up to 3) moved through a realistic mix of
/// statuses (about 15 % draft, 65 % active, 12 % achieved, 8 % dropped; one in ten due well before
/// the end, so some are overdue), one milestone per goal (a third of them done), `sessionsPerPair`
/// sessions every three weeks from the program's second week (before `today`: 80 % held with
/// ratings, goals discussed and notes with open points, 10 % cancelled, 10 % no-show; after it:
/// planned), and `checkInsPerMentee` check-ins on the mentee's goals before `today`.
///
/// ```swift
/// let snapshot = TrackingGenerator(mentees: 5_000, mentors: 1_700, seed: 7).makeSnapshot()
/// ```
public struct TrackingGenerator: Sendable, Hashable {
    public let menteeCount: Int
    public let mentorCount: Int
    public let seed: UInt64
    public var sessionsPerPair = 8
    public var checkInsPerMentee = 6
    public var programStart = CalendarDate(year: 2027, month: 2, day: 1)
    public var programEnd = CalendarDate(year: 2027, month: 7, day: 30)

    /// - Precondition: `mentees >= 0`, `mentors >= 1`.
    public init(mentees: Int, mentors: Int, seed: UInt64) {
        precondition(mentees >= 0 && mentors >= 1, "a program needs mentees ≥ 0 and mentors ≥ 1")
        menteeCount = mentees
        mentorCount = mentors
        self.seed = seed
    }

    /// Halfway between the program's start and end.
    public var today: CalendarDate { programStart.adding(days: programStart.days(to: programEnd) / 2) }

    public func makeSnapshot() -> TrackingSnapshot {
        var root = SplitMix64(seed: seed)
        let round = RoundGenerator(mentees: menteeCount, mentors: mentorCount, seed: root.next()).makeRound()
        var random = SplitMix64(seed: root.next())
        let today = self.today
        var pairs: [PairID] = []
        var goals: [Goal] = []
        var milestones: [Milestone] = []
        var sessions: [SessionLog] = []
        var checkIns: [CheckIn] = []
        for (i, mentee) in round.mentees.enumerated() {
            let mentor = round.mentors[i % round.mentors.count]
            pairs.append(PairID(menteeID: mentee.id, mentorID: mentor.id))
            let matchDate = programStart
            var pairGoals = DraftGoals.make(
                mentee: mentee, mentor: mentor, framework: round.framework, configuration: round.configuration,
                matchDate: matchDate, due: programEnd, limit: 3, round: 1)
            for index in pairGoals.indices {
                pairGoals[index].id = RoundGenerator.identifier(prefix: "G", index: goals.count + index + 1, count: 3 * menteeCount)
                pairGoals[index].status = [.draft, .active, .achieved, .dropped][random.weightedIndex([15, 65, 12, 8])]
                if random.chance(perMille: 100) { pairGoals[index].due = matchDate.adding(days: 56 + random.uniform(below: 56)) }
                let goal = pairGoals[index]
                let due = goal.start.adding(days: random.uniform(in: 14...max(14, goal.start.days(to: goal.due))))
                let done = random.chance(perMille: 333) && due <= today ? due : nil
                milestones.append(Milestone(
                    id: RoundGenerator.identifier(prefix: "M", index: milestones.count + 1, count: 3 * menteeCount),
                    goalID: goal.id, title: "Step towards \(goal.title)", due: due, doneOn: done))
            }
            goals += pairGoals
            for number in 1...max(1, sessionsPerPair) {
                let day = programStart.adding(days: 7 + 21 * (number - 1) + random.uniform(below: 5))
                guard day <= programEnd else { break }
                let start = LocalDateTime(date: day, time: ClockTime(hours: 9 + random.uniform(below: 8), minutes: 0))
                let end = LocalDateTime(date: day, time: ClockTime(minutes: start.time.minutes + 60))
                var session = Session(
                    id: "S-\(mentee.id)-\(mentor.id)-\(number)", menteeID: mentee.id, mentorID: mentor.id, number: number,
                    start: start, end: end)
                var log = SessionLog(session: session)
                if day <= today {
                    switch random.weightedIndex([80, 10, 10]) {
                    case 0:
                        session.status = .held
                        log = SessionLog(
                            session: session, heldOn: day,
                            menteeRating: random.chance(perMille: 900) ? random.uniform(in: 3...5) : nil,
                            mentorRating: random.chance(perMille: 900) ? random.uniform(in: 2...5) : nil,
                            goalsDiscussed: pairGoals.filter { _ in random.chance(perMille: 600) }.map(\.id),
                            notes: random.chance(perMille: 500) ? "Talked it through.\n- [ ] send the plan\nTODO: book a shadow day" : "Good session.")
                    case 1:
                        session.status = .cancelled
                        log = SessionLog(session: session)
                    default:
                        session.status = .noShow
                        log = SessionLog(session: session)
                    }
                }
                sessions.append(log)
            }
            let elapsed = max(1, programStart.days(to: today))
            for _ in 0..<(pairGoals.isEmpty ? 0 : checkInsPerMentee) {
                guard let goal = random.element(of: pairGoals) else { break }
                let level = min(goal.target, goal.baseline + random.uniform(in: 0...max(0, goal.target - goal.baseline)))
                checkIns.append(CheckIn(
                    menteeID: mentee.id, itemID: goal.itemID, level: level, date: programStart.adding(days: random.uniform(below: elapsed)),
                    assessor: Assessor.allCases[random.uniform(below: Assessor.allCases.count)], evidence: "observed in a meeting"))
            }
        }
        return TrackingSnapshot(
            framework: round.framework, programStart: programStart, programEnd: programEnd, today: today, mentees: round.mentees,
            mentors: round.mentors, pairs: pairs, goals: goals, milestones: milestones, checkIns: checkIns, sessions: sessions,
            objectives: [
                ProgramObjective(statement: "80 % of planned sessions held", metric: .sessionsHeld, target: 0.8),
                ProgramObjective(statement: "half of the goals achieved", metric: .goalsAchieved, target: 0.5),
                ProgramObjective(statement: "70 % of open goals on track", metric: .goalsOnTrack, target: 0.7),
                ProgramObjective(statement: "60 % of the leader gap closed", metric: .gapClosed, target: 0.6, scope: "leader"),
                ProgramObjective(statement: "75 % of mentees close a level", metric: .menteesClosing, target: 0.75),
                ProgramObjective(statement: "sessions rated 4 on average", metric: .averageRating, target: 4),
            ])
    }
}
