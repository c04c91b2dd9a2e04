import Diagnostics

/// Computing the progress report from a snapshot of the workspace.
///
/// Every figure, and the rule behind it:
///
/// - **Current level** of a goal: the latest check-in of its item for the mentee on or before
///   `today` (same day: hr, manager, mentor, self; then the later one in input order), else the
///   baseline (see ``TrackingFacts``).
/// - **Progress** = clamp((current − baseline) / (target − baseline), 0, 1); an achieved goal
///   counts as fully closed (progress 1, its whole gap closed) even before a check-in shows the
///   target, because achieving is the coordinator's decision.
/// - **Expected** = elapsed share of start…due on `today`, clamped 0–1.
/// - **Shortfall** = (expected − progress) × 100 points, rounded to 1e-9 so that boundaries
///   computed from dates meet the thresholds exactly.
/// - **Track** of an open goal: overdue (past due) → at risk; else shortfall below
///   `on_track_shortfall` → on track; above `at_risk_shortfall` → at risk; otherwise (both bounds
///   included) behind. Achieved and dropped goals take their status.
/// - **Not discussed**: open, and at least `not_discussed_weeks` × 7 days since the last held
///   session that discussed it (since the goal's start when none did).
/// - **Gap figures**: over goals not dropped: gap Σ w·(target − baseline), closed
///   Σ w·clamp(current − baseline, 0, target − baseline); w is the item's weight (1 for an item the
///   framework lacks, counted in the overall figures only).
/// - **Areas**: per mentee each role of the framework (competency order), `domains`, each domain
///   item; the program adds `all` last.
/// - **Sessions**: planned = every session of the schedule; due by now = planned start on or before
///   `today`; held = held on or before `today`; cancelled and no-show as recorded; ratings of held
///   sessions counted. A pair has no recent session when `no_session_weeks` × 7 days have passed
///   since its last held session (since the program's start when none was held).
/// - **Weeks**: every ISO week (Monday) from the program's start to its end: sessions planned to
///   start in the week, and sessions held in it.
/// - **Objectives**: realised when value ≥ target. Shares that grow over the program
///   (`sessions_held`, `goals_achieved`, `gap_closed`, `mentees_closing`) are on track when value ≥
///   target × the program's elapsed share. States that do not grow (`goals_on_track`,
///   `average_rating`) are on track within a margin of the target (``shareMargin`` 0.1,
///   ``ratingMargin`` 0.5). Nothing to measure (no value) is at risk.
///
/// - Complexity: O(n log n) in the number of records (one sort of the goals; every look-up by id
///   through a dictionary).
extension ProgressReport {
    /// How far below its target a state share (`goals_on_track`) may be and still be on track.
    public static let shareMargin = 0.1
    /// How far below its target an average rating may be and still be on track.
    public static let ratingMargin = 0.5

    public static func make(from snapshot: TrackingSnapshot) -> ProgressReport {
        ReportBuilder(snapshot: snapshot).build()
    }
}

/// The report's working state: area layout, indexes and running sums.
private struct ReportBuilder {
    let snapshot: TrackingSnapshot
    let today: CalendarDate
    let settings: TrackingSettings
    let facts: TrackingFacts
    /// Framework items by id (the first of a repeated id), with their index in `framework.items`.
    let itemIndex: [String: Int]
    let items: [FrameworkItem]
    /// Per item index: the area slots it adds to.
    let itemSlots: [[Int]]
    let roles: [String]
    let roleIndex: [String: Int]
    let menteeIndex: [String: Int]
    /// The report's pairs: `snapshot.pairs` without repeats, in order.
    let pairs: [PairID]
    let pairIndex: [PairID: Int]

    init(snapshot: TrackingSnapshot) {
        self.snapshot = snapshot
        today = snapshot.today
        settings = snapshot.settings
        facts = TrackingFacts(checkIns: snapshot.checkIns, sessions: snapshot.sessions, today: snapshot.today)
        let framework = snapshot.framework
        items = framework.items
        itemIndex = Self.firstIndex(framework.items.map(\.id))
        roles = framework.roles
        let roleIndex = Self.firstIndex(roles)
        self.roleIndex = roleIndex
        let domainIndex = Self.firstIndex(framework.domains.map(\.id))
        let roleCount = roles.count
        itemSlots = framework.items.map { item in
            switch item.kind {
            case .competency: roleIndex[item.group].map { [$0] } ?? []
            case .domain: domainIndex[item.id].map { [roleCount, roleCount + 1 + $0] } ?? [roleCount]
            }
        }
        menteeIndex = Self.firstIndex(snapshot.mentees.map(\.id))
        var pairs: [PairID] = []
        var pairIndex: [PairID: Int] = [:]
        pairIndex.reserveCapacity(snapshot.pairs.count)
        for pair in snapshot.pairs where pairIndex[pair] == nil {
            pairIndex[pair] = pairs.count
            pairs.append(pair)
        }
        self.pairs = pairs
        self.pairIndex = pairIndex
    }

    static func firstIndex<Key: Hashable>(_ keys: [Key]) -> [Key: Int] {
        var index: [Key: Int] = [:]
        index.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() where index[key] == nil { index[key] = position }
        return index
    }

    /// Roles, then `domains`, then each domain item.
    func areaLabels() -> [(area: String, label: String)] {
        roles.map { ($0, TrackingMath.label(role: $0)) } + [("domains", "Domains")]
            + snapshot.framework.domains.map { ($0.id, $0.name) }
    }

    // MARK: Goals

    func progress(of goal: Goal) -> GoalProgress {
        let current = facts.currentLevel(of: goal)
        let progress = goal.status == .achieved ? 1 : goal.progress(atLevel: current)
        let expected = goal.elapsedShare(on: today)
        let shortfall = TrackingMath.settled((expected - progress) * 100)
        let overdue = goal.status.isOpen && today > goal.due
        let track: GoalTrack
        switch goal.status {
        case .achieved: track = .achieved
        case .dropped: track = .dropped
        case .draft, .active:
            if overdue || shortfall > settings.atRiskShortfall {
                track = .atRisk
            } else if shortfall < settings.onTrackShortfall {
                track = .onTrack
            } else {
                track = .behind
            }
        }
        let last = facts.lastDiscussed[goal.id]
        let quiet = (last ?? goal.start).days(to: today)
        let notDiscussed = goal.status.isOpen && quiet >= 7 * settings.notDiscussedWeeks
        return GoalProgress(
            goal: goal, currentLevel: current, progress: progress, expected: expected, shortfallPoints: shortfall, track: track,
            overdue: overdue, lastDiscussed: last, notDiscussed: notDiscussed)
    }

    /// What the sums need of one goal, without its strings.
    struct GoalFigure {
        /// Index in `snapshot.mentees`, -1 for an unknown mentee.
        var mentee: Int
        /// Index in `framework.items`, -1 for an unknown item.
        var item: Int
        var status: GoalStatus
        /// Weighted gap and closed part (0 for a dropped goal).
        var gap: Double
        var closed: Double
        /// Levels closed, 0…target − baseline (all of them for an achieved goal).
        var closedLevels: Int
    }

    func figure(of progress: GoalProgress) -> GoalFigure {
        let goal = progress.goal
        let item = itemIndex[goal.itemID] ?? -1
        let mentee = menteeIndex[goal.menteeID] ?? -1
        let weight = item >= 0 ? items[item].weight : 1
        let span = max(0, goal.target - goal.baseline)
        let closed = goal.status == .achieved ? span : min(span, max(0, progress.currentLevel - goal.baseline))
        let counted = goal.status != .dropped
        return GoalFigure(
            mentee: mentee, item: item, status: goal.status, gap: counted ? weight * Double(span) : 0,
            closed: counted ? weight * Double(closed) : 0, closedLevels: closed)
    }

    // MARK: Build

    func build() -> ProgressReport {
        let input = snapshot.goals
        let menteeOf = input.map { menteeIndex[$0.menteeID] ?? Int.max }
        let order = input.indices.sorted { a, b in
            if menteeOf[a] != menteeOf[b] { return menteeOf[a] < menteeOf[b] }
            if menteeOf[a] == Int.max, input[a].menteeID != input[b].menteeID { return input[a].menteeID < input[b].menteeID }
            return input[a].id != input[b].id ? input[a].id < input[b].id : a < b
        }
        var goals: [GoalProgress] = []
        goals.reserveCapacity(input.count)
        var figures: [GoalFigure] = []
        figures.reserveCapacity(input.count)
        for k in order {
            let entry = progress(of: input[k])
            figures.append(figure(of: entry))
            goals.append(entry)
        }

        let labels = areaLabels()
        let areaCount = labels.count
        let menteeCount = snapshot.mentees.count
        var menteeAreas = [GapFigures](repeating: GapFigures(), count: menteeCount * areaCount)
        var menteeOverall = [GapFigures](repeating: GapFigures(), count: menteeCount)
        var menteeCounts = [TrackCounts](repeating: TrackCounts(), count: menteeCount)
        var pairCounts = [TrackCounts](repeating: TrackCounts(), count: pairs.count)
        var programAreas = [GapFigures](repeating: GapFigures(), count: areaCount)
        var programAll = GapFigures()
        var counts = TrackCounts()
        for (entry, figure) in zip(goals, figures) {
            counts.add(entry)
            if let pair = pairIndex[entry.goal.pair] { pairCounts[pair].add(entry) }
            let mentee = figure.mentee
            if mentee >= 0 { menteeCounts[mentee].add(entry) }
            guard figure.status != .dropped else { continue }
            programAll.add(gap: figure.gap, closed: figure.closed)
            if mentee >= 0 { menteeOverall[mentee].add(gap: figure.gap, closed: figure.closed) }
            guard figure.item >= 0 else { continue }
            for slot in itemSlots[figure.item] {
                programAreas[slot].add(gap: figure.gap, closed: figure.closed)
                if mentee >= 0 { menteeAreas[mentee * areaCount + slot].add(gap: figure.gap, closed: figure.closed) }
            }
        }
        func areaGaps(_ figures: ArraySlice<GapFigures>) -> [AreaGap] {
            zip(labels, figures).map { AreaGap(area: $0.area, label: $0.label, figures: $1) }
        }
        let mentees = snapshot.mentees.enumerated().map { i, mentee in
            MenteeProgress(
                menteeID: mentee.id, name: mentee.name, areas: areaGaps(menteeAreas[i * areaCount..<(i + 1) * areaCount]),
                overall: menteeOverall[i], goals: menteeCounts[i])
        }

        let sessions = sessionFigures()
        let pairProgress = pairs.enumerated().map { p, pair in
            let figures = sessions.pairs[p]
            let quiet = (figures.lastHeld ?? snapshot.programStart).days(to: today)
            return PairProgress(
                pair: pair, sessions: figures.figures, lastHeld: figures.lastHeld,
                noRecentSession: today >= snapshot.programStart && quiet >= 7 * settings.noSessionWeeks, goals: pairCounts[p])
        }
        let elapsed = TrackingMath.elapsedShare(from: snapshot.programStart, to: snapshot.programEnd, on: today)
        var report = ProgressReport(
            asOf: today, programStart: snapshot.programStart, programEnd: snapshot.programEnd, elapsed: elapsed,
            areas: areaGaps(programAreas[...]) + [AreaGap(area: "all", label: "All", figures: programAll)], mentees: mentees,
            pairs: pairProgress, goals: goals, goalCounts: counts, sessions: sessions.program, weeks: sessions.weeks, objectives: [])
        let evaluation = ObjectiveEvaluation(report: report, builder: self, figures: figures)
        report.objectives = snapshot.objectives.map(evaluation.result(for:))
        return report
    }

    struct PairSessions {
        var figures = SessionFigures()
        var lastHeld: CalendarDate?
    }

    func sessionFigures() -> (program: SessionFigures, pairs: [PairSessions], weeks: [WeekSessions]) {
        let firstWeek = snapshot.programStart.weekStart
        let weekCount = max(0, (snapshot.programEnd.weekStart - firstWeek) / 7 + 1)
        var planned = [Int](repeating: 0, count: weekCount)
        var held = planned
        func week(_ day: CalendarDate) -> Int? {
            let index = (day.weekStart - firstWeek) / 7
            return day.weekStart >= firstWeek && index < weekCount ? index : nil
        }
        var program = SessionFigures()
        var pairs = [PairSessions](repeating: PairSessions(), count: self.pairs.count)
        for log in snapshot.sessions {
            let pair = pairIndex[log.session.pair]
            program.count(log, today: today)
            if let pair { pairs[pair].figures.count(log, today: today) }
            if let day = log.heldDay, day <= today {
                if let pair, pairs[pair].lastHeld.map({ $0 < day }) ?? true { pairs[pair].lastHeld = day }
                if let index = week(day) { held[index] += 1 }
            }
            if let index = week(log.session.start.date) { planned[index] += 1 }
        }
        let weeks = (0..<weekCount).map {
            WeekSessions(weekStart: CalendarDate(dayNumber: firstWeek + 7 * $0), planned: planned[$0], held: held[$0])
        }
        return (program, pairs, weeks)
    }
}

extension GapFigures {
    mutating func add(gap: Double, closed: Double) {
        self.gap += gap
        self.closed += closed
        goals += 1
    }
}

extension TrackCounts {
    mutating func add(_ progress: GoalProgress) {
        switch progress.track {
        case .onTrack: onTrack += 1
        case .behind: behind += 1
        case .atRisk: atRisk += 1
        case .achieved: achieved += 1
        case .dropped: dropped += 1
        }
        if progress.overdue { overdue += 1 }
        if progress.notDiscussed { notDiscussed += 1 }
    }
}

extension SessionFigures {
    /// Adds one session (see ``ProgressReport`` for what counts).
    mutating func count(_ log: SessionLog, today: CalendarDate) {
        planned += 1
        let heldByNow = log.session.status == .held && (log.heldDay.map { $0 <= today } ?? false)
        // A session held ahead of its planned day is due by then too, so that the held share to
        // date never counts a session on one side only.
        if log.session.start.date <= today || heldByNow { dueByNow += 1 }
        switch log.session.status {
        case .held:
            guard heldByNow else { return }
            held += 1
            if let rating = log.menteeRating, Limits.rating.contains(rating) {
                menteeRatings += 1
                menteeRatingSum += rating
            }
            if let rating = log.mentorRating, Limits.rating.contains(rating) {
                mentorRatings += 1
                mentorRatingSum += rating
            }
        case .cancelled: cancelled += 1
        case .noShow: noShow += 1
        case .planned: break
        }
    }
}

// MARK: - Objectives

/// One objective measured on a finished report.
private struct ObjectiveEvaluation {
    let report: ProgressReport
    let builder: ReportBuilder
    /// The goals' figures, in the report's goal order.
    let figures: [ReportBuilder.GoalFigure]

    func result(for objective: ProgramObjective) -> ObjectiveResult {
        let target = objective.target
        let measured = measure(objective)
        let status: ObjectiveStatus
        if let value = measured.value {
            let settledValue = TrackingMath.settled(value)
            if settledValue >= TrackingMath.settled(target) {
                status = .realised
            } else if settledValue >= TrackingMath.settled(onTrackFloor(objective)) {
                status = .onTrack
            } else {
                status = .atRisk
            }
        } else {
            status = .atRisk
        }
        let targetText = objective.metric == .averageRating ? Format.number(target) : TrackingMath.percent(target)
        var detail = "\(measured.numbers); target \(targetText)"
        switch objective.metric {
        case .averageRating, .goalsOnTrack:
            detail += "; on track from \(objective.metric == .averageRating ? Format.number(onTrackFloor(objective)) : TrackingMath.percent(onTrackFloor(objective)))"
        default:
            detail += "; expected by now \(TrackingMath.percent(onTrackFloor(objective))) (\(TrackingMath.percent(report.elapsed)) of the program elapsed)"
        }
        return ObjectiveResult(objective: objective, value: measured.value, status: status, detail: detail)
    }

    /// The least value that is on track.
    func onTrackFloor(_ objective: ProgramObjective) -> Double {
        switch objective.metric {
        case .averageRating: objective.target - ProgressReport.ratingMargin
        case .goalsOnTrack: objective.target - ProgressReport.shareMargin
        default: objective.target * report.elapsed
        }
    }

    func measure(_ objective: ProgramObjective) -> (value: Double?, numbers: String) {
        switch objective.metric {
        case .sessionsHeld:
            let figures = report.sessions
            return share(figures.held, of: figures.planned, "planned sessions held")
        case .goalsAchieved:
            let counts = report.goalCounts
            return share(counts.achieved, of: counts.total - counts.dropped, "goals (not dropped) achieved")
        case .goalsOnTrack:
            let counts = report.goalCounts
            return share(counts.onTrack, of: counts.onTrack + counts.behind + counts.atRisk, "open goals on track")
        case .gapClosed:
            let scope = scopeMask(objective.scope)
            var total = GapFigures()
            for figure in figures where figure.status != .dropped && figure.item >= 0 && scope[figure.item] {
                total.add(gap: figure.gap, closed: figure.closed)
            }
            let numbers = "\(Format.number(total.closed)) of \(Format.number(total.gap)) weighted levels closed on \(scopeLabel(objective.scope))"
            return (total.share, total.share.map { numbers + " (\(TrackingMath.percent($0)))" } ?? numbers + ": no gap to close")
        case .menteesClosing:
            return menteesClosing(objective)
        case .averageRating:
            let figures = report.sessions
            let count = figures.menteeRatings + figures.mentorRatings
            guard let average = figures.averageRating else { return (nil, "no ratings yet") }
            return (average, "average rating \(Format.number(average)) over \(count) ratings by mentees and mentors")
        }
    }

    func share(_ part: Int, of whole: Int, _ what: String) -> (value: Double?, numbers: String) {
        guard whole > 0 else { return (nil, "0 of 0 \(what): nothing to measure yet") }
        let value = Double(part) / Double(whole)
        return (value, "\(part) of \(whole) \(what) (\(TrackingMath.percent(value)))")
    }

    func menteesClosing(_ objective: ProgramObjective) -> (value: Double?, numbers: String) {
        // Per mentee and item in scope: the most levels closed by one goal (not dropped); goals of
        // mentees outside the snapshot's list are left out.
        let scope = scopeMask(objective.scope)
        let itemCount = builder.items.count
        var closedLevels: [Int: Int] = [:]  // mentee · items + item → levels
        var itemsMet: [Int: Int] = [:]  // mentee → items closing `levels`
        for figure in figures where figure.status != .dropped && figure.mentee >= 0 && figure.item >= 0 && scope[figure.item] {
            let key = figure.mentee * itemCount + figure.item
            let before = closedLevels[key] ?? 0
            if itemsMet[figure.mentee] == nil { itemsMet[figure.mentee] = 0 }
            if figure.closedLevels > before {
                closedLevels[key] = figure.closedLevels
                if before < objective.levels && figure.closedLevels >= objective.levels { itemsMet[figure.mentee, default: 0] += 1 }
            }
        }
        let closing = itemsMet.values.filter { $0 >= objective.items }.count
        let levels = objective.levels == 1 ? "1 level" : "\(objective.levels) levels"
        let items = objective.items == 1 ? "1 item" : "\(objective.items) items"
        return share(closing, of: itemsMet.count, "mentees with goals on \(scopeLabel(objective.scope)) closed at least \(levels) on at least \(items)")
    }

    /// Per framework item: whether it is in an objective's scope (nil = every item; `domains`; a
    /// role; an item id).
    func scopeMask(_ scope: String?) -> [Bool] {
        builder.items.map { item in
            guard let scope else { return true }
            if scope == "domains" { return item.kind == .domain }
            if builder.roleIndex[scope] != nil { return item.kind == .competency && item.group == scope }
            return item.id == scope
        }
    }

    func scopeLabel(_ scope: String?) -> String {
        guard let scope else { return "all items" }
        if scope == "domains" { return "the domains" }
        if builder.roleIndex[scope] != nil { return "the \(TrackingMath.label(role: scope)) role" }
        return builder.itemIndex[scope].map { builder.items[$0].name } ?? Diagnostic.quoted(scope)
    }
}
