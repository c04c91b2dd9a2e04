/// A program run forward to a date, for the demo: what coordinators would have recorded by then.
///
/// Deterministic from its seed. Every goal is activated on its start day; each session before
/// the date is held (85 %), cancelled (8 %) or a no-show (7 %); a held session discusses one or
/// three of the pair's goals (the least recently discussed first), gets ratings 3–5 from both
/// sides and notes, the last one with an open point. Each mentee has a pace — fast (2), steady
/// (1.2) or slow (0.3) — so that the report shows goals achieved, on track, behind and at risk:
/// after a held session the mentor assesses every discussed goal's item at
/// `baseline + pace × elapsed share × gap` (rounded, at most the target), and a goal whose
/// target is assessed is achieved.
public struct ProgramSimulation: Sendable {
    public struct Outcome: Sendable {
        /// Goals activated (all draft goals), with the day.
        public var activated: [(goalID: String, on: CalendarDate)]
        /// Goals achieved, with the day of the check-in that reached the target.
        public var achieved: [(goalID: String, on: CalendarDate)]
        /// The sessions before the date, with what happened.
        public var sessions: [SessionLog]
        /// Baseline check-ins (HR, on each goal's start) and the mentors' assessments.
        public var checkIns: [CheckIn]
    }

    public var seed: UInt64

    public init(seed: UInt64 = 1) {
        self.seed = seed
    }

    /// Runs the program up to `today` (sessions starting before it).
    ///
    /// - Parameters:
    ///   - goals: the goals with their ids, in a fixed order; only draft and active ones move.
    ///   - sessions: the planned sessions.
    public func run(goals: [Goal], sessions: [Session], today: CalendarDate) -> Outcome {
        var random = SplitMix64(seed: seed)
        var outcome = Outcome(activated: [], achieved: [], sessions: [], checkIns: [])
        var goalsByPair: [PairID: [Goal]] = [:]
        var pace: [String: Double] = [:]
        for goal in goals where goal.status.isOpen {
            goalsByPair[goal.pair, default: []].append(goal)
            if pace[goal.menteeID] == nil {
                // fast 2, steady 1.2, slow 0.3 (about a fifth of the mentees fall behind)
                pace[goal.menteeID] = [2.0, 1.2, 1.2, 1.2, 0.3][random.uniform(below: 5)]
            }
            if goal.status == .draft, goal.start < today { outcome.activated.append((goal.id, goal.start)) }
            if goal.start < today {
                outcome.checkIns.append(
                    CheckIn(
                        menteeID: goal.menteeID, itemID: goal.itemID, level: goal.baseline, date: goal.start, assessor: .hr,
                        evidence: "baseline at the match"))
            }
        }
        var lastDiscussed: [String: Int] = [:]
        var achieved: Set<String> = []
        let past = sessions.filter { $0.start.date < today && $0.status == .planned }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        let lastOfPair = Dictionary(past.map { ($0.pair, $0.id) }, uniquingKeysWith: { _, later in later })
        for (index, session) in past.enumerated() {
            var log = SessionLog(session: session)
            let draw = random.uniform(below: 100)
            if draw >= 93 {
                log.session.status = .noShow
            } else if draw >= 85 {
                log.session.status = .cancelled
            } else {
                log.session.status = .held
                log.heldOn = session.start.date
                log.menteeRating = random.uniform(in: 3...5)
                log.mentorRating = random.uniform(in: 3...5)
                let open = (goalsByPair[session.pair] ?? []).filter { !achieved.contains($0.id) }
                    .sorted { (lastDiscussed[$0.id] ?? -1, $0.id) < (lastDiscussed[$1.id] ?? -1, $1.id) }
                let discussed = Array(open.prefix(random.chance(perMille: 500) ? 3 : 2))
                log.goalsDiscussed = discussed.map(\.id)
                var notes = discussed.map { "Worked on \($0.title)." }
                for goal in discussed {
                    lastDiscussed[goal.id] = index
                    let span = max(1, goal.start.days(to: goal.due))
                    let elapsed = min(1, Double(goal.start.days(to: session.start.date)) / Double(span))
                    let gap = goal.target - goal.baseline
                    let level = min(goal.target, goal.baseline + Int((pace[goal.menteeID, default: 1] * elapsed * Double(gap)).rounded()))
                    outcome.checkIns.append(
                        CheckIn(
                            menteeID: goal.menteeID, itemID: goal.itemID, level: level, date: session.start.date,
                            assessor: .mentor, evidence: "observed in session \(session.number)"))
                    if level >= goal.target {
                        achieved.insert(goal.id)
                        outcome.achieved.append((goal.id, session.start.date))
                    }
                }
                if lastOfPair[session.pair] == session.id, let goal = discussed.first {
                    notes.append("- [ ] Prepare an example for \(goal.title) before the next session.")
                }
                log.notes = notes.joined(separator: "\n")
            }
            outcome.sessions.append(log)
        }
        return outcome
    }
}
