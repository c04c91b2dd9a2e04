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
    let items: [String: FrameworkItem]
    let roles: [String]
    let roleIndex: [String: Int]
    let domainIndex: [String: Int]
    let menteeOrder: [String: Int]

    init(snapshot: TrackingSnapshot) {
        self.snapshot = snapshot
        today = snapshot.today
        settings = snapshot.settings
        facts = TrackingFacts(checkIns: snapshot.checkIns, sessions: snapshot.sessions, today: snapshot.today)
        var items: [String: FrameworkItem] = [:]
        for item in snapshot.framework.items where items[item.id] == nil { items[item.id] = item }
        self.items = items
        roles = snapshot.framework.roles
        roleIndex = Dictionary(roles.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        domainIndex = Dictionary(snapshot.framework.domains.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        menteeOrder = Dictionary(snapshot.mentees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Roles, then `domains`, then each domain item.
    var areaCount: Int { roles.count + 1 + snapshot.framework.domains.count }

    /// The area slots a goal's item adds to (none for an unknown item).
    func areaSlots(of itemID: String) -> [Int] {
        guard let item = items[itemID] else { return [] }
        switch item.kind {
        case .competency: return roleIndex[item.group].map { [$0] } ?? []
        case .domain: return domainIndex[item.id].map { [roles.count, roles.count + 1 + $0] } ?? [roles.count]
        }
    }

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

    /// The goal's weighted gap and closed part; nil for a dropped goal.
    func gap(of progress: GoalProgress) -> (gap: Double, closed: Double)? {
        let goal = progress.goal
        guard goal.status != .dropped else { return nil }
        let weight = items[goal.itemID]?.weight ?? 1
        let span = max(0, goal.target - goal.baseline)
        let closed = goal.status == .achieved ? span : min(span, max(0, progress.currentLevel - goal.baseline))
        return (weight * Double(span), weight * Double(closed))
    }

    // MARK: Build

    func build() -> ProgressReport {
        let goals = snapshot.goals.sorted {
            let a = menteeOrder[$0.menteeID] ?? Int.max, b = menteeOrder[$1.menteeID] ?? Int.max
            return (a, $0.menteeID, $0.id) < (b, $1.menteeID, $1.id)
        }.map(progress(of:))

        let labels = areaLabels()
        var menteeAreas: [String: [GapFigures]] = [:]
        var menteeOverall: [String: GapFigures] = [:]
        var menteeCounts: [String: TrackCounts] = [:]
        var pairCounts: [PairID: TrackCounts] = [:]
        var programAreas = [GapFigures](repeating: GapFigures(), count: labels.count)
        var programAll = GapFigures()
        var counts = TrackCounts()
        for entry in goals {
            let goal = entry.goal
            counts.add(entry)
            menteeCounts[goal.menteeID, default: TrackCounts()].add(entry)
            pairCounts[goal.pair, default: TrackCounts()].add(entry)
            guard let part = gap(of: entry) else { continue }
            let (gap, closed) = part
            programAll.add(gap: gap, closed: closed)
            menteeOverall[goal.menteeID, default: GapFigures()].add(gap: gap, closed: closed)
            let slots = areaSlots(of: goal.itemID)
            guard !slots.isEmpty else { continue }
            var areas = menteeAreas[goal.menteeID] ?? [GapFigures](repeating: GapFigures(), count: labels.count)
            for slot in slots {
                areas[slot].add(gap: gap, closed: closed)
                programAreas[slot].add(gap: gap, closed: closed)
            }
            menteeAreas[goal.menteeID] = areas
        }
        func areaGaps(_ figures: [GapFigures]?) -> [AreaGap] {
            labels.enumerated().map { AreaGap(area: $1.area, label: $1.label, figures: figures?[$0] ?? GapFigures()) }
        }
        let mentees = snapshot.mentees.map { mentee in
            MenteeProgress(
                menteeID: mentee.id, name: mentee.name, areas: areaGaps(menteeAreas[mentee.id]),
                overall: menteeOverall[mentee.id] ?? GapFigures(), goals: menteeCounts[mentee.id] ?? TrackCounts())
        }

        let sessions = sessionFigures()
        var seenPairs = Set<PairID>()
        let pairs = snapshot.pairs.filter { seenPairs.insert($0).inserted }.map { pair in
            let figures = sessions.pairs[pair]
            let lastHeld = figures?.lastHeld
            let quiet = (lastHeld ?? snapshot.programStart).days(to: today)
            return PairProgress(
                pair: pair, sessions: figures?.figures ?? SessionFigures(), lastHeld: lastHeld,
                noRecentSession: today >= snapshot.programStart && quiet >= 7 * settings.noSessionWeeks,
                goals: pairCounts[pair] ?? TrackCounts())
        }
        let elapsed = TrackingMath.elapsedShare(from: snapshot.programStart, to: snapshot.programEnd, on: today)
        var report = ProgressReport(
            asOf: today, programStart: snapshot.programStart, programEnd: snapshot.programEnd, elapsed: elapsed,
            areas: areaGaps(programAreas) + [AreaGap(area: "all", label: "All", figures: programAll)], mentees: mentees,
            pairs: pairs, goals: goals, goalCounts: counts, sessions: sessions.program, weeks: sessions.weeks, objectives: [])
        report.objectives = snapshot.objectives.map { ObjectiveEvaluation(report: report, builder: self).result(for: $0) }
        return report
    }

    struct PairSessions {
        var figures = SessionFigures()
        var lastHeld: CalendarDate?
    }

    func sessionFigures() -> (program: SessionFigures, pairs: [PairID: PairSessions], weeks: [WeekSessions]) {
        let firstWeek = snapshot.programStart.weekStart
        let weekCount = max(0, (snapshot.programEnd.weekStart - firstWeek) / 7 + 1)
        var planned = [Int](repeating: 0, count: weekCount)
        var held = planned
        func week(_ day: CalendarDate) -> Int? {
            let index = (day.weekStart - firstWeek) / 7
            return day.weekStart >= firstWeek && index < weekCount ? index : nil
        }
        var program = SessionFigures()
        var pairs: [PairID: PairSessions] = [:]
        for log in snapshot.sessions {
            let pair = log.session.pair
            var entry = pairs[pair] ?? PairSessions()
            entry.figures.count(log, today: today)
            program.count(log, today: today)
            if let day = log.heldDay, day <= today {
                if entry.lastHeld.map({ $0 < day }) ?? true { entry.lastHeld = day }
                if let index = week(day) { held[index] += 1 }
            }
            if let index = week(log.session.start.date) { planned[index] += 1 }
            pairs[pair] = entry
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
        if log.session.start.date <= today { dueByNow += 1 }
        switch log.session.status {
        case .held:
            guard let day = log.heldDay, day <= today else { return }
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
            var figures = GapFigures()
            for entry in report.goals where inScope(entry.goal.itemID, objective.scope) {
                if let part = builder.gap(of: entry) { figures.add(gap: part.gap, closed: part.closed) }
            }
            let numbers = "\(Format.number(figures.closed)) of \(Format.number(figures.gap)) weighted levels closed on \(scopeLabel(objective.scope))"
            return (figures.share, figures.share.map { numbers + " (\(TrackingMath.percent($0)))" } ?? numbers + ": no gap to close")
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
        // Per mentee and item in scope: the most levels closed by one goal (not dropped).
        var closedLevels: [TrackingFacts.MenteeItem: Int] = [:]
        var mentees: [String: Int] = [:]  // mentee → items meeting `levels`
        for entry in report.goals where entry.goal.status != .dropped && inScope(entry.goal.itemID, objective.scope) {
            let goal = entry.goal
            let span = max(0, goal.target - goal.baseline)
            let closed = goal.status == .achieved ? span : min(span, max(0, entry.currentLevel - goal.baseline))
            let key = TrackingFacts.MenteeItem(menteeID: goal.menteeID, itemID: goal.itemID)
            let before = closedLevels[key] ?? 0
            if mentees[goal.menteeID] == nil { mentees[goal.menteeID] = 0 }
            if closed > before {
                closedLevels[key] = closed
                if before < objective.levels && closed >= objective.levels { mentees[goal.menteeID, default: 0] += 1 }
            }
        }
        let closing = mentees.values.filter { $0 >= objective.items }.count
        let levels = objective.levels == 1 ? "1 level" : "\(objective.levels) levels"
        let items = objective.items == 1 ? "1 item" : "\(objective.items) items"
        return share(closing, of: mentees.count, "mentees with goals on \(scopeLabel(objective.scope)) closed at least \(levels) on at least \(items)")
    }

    /// Whether an item is in an objective's scope: nil = every item; `domains`; a role; an item id.
    func inScope(_ itemID: String, _ scope: String?) -> Bool {
        guard let scope else { return true }
        guard let item = builder.items[itemID] else { return false }
        if scope == "domains" { return item.kind == .domain }
        if builder.roleIndex[scope] != nil { return item.kind == .competency && item.group == scope }
        return item.id == scope
    }

    func scopeLabel(_ scope: String?) -> String {
        guard let scope else { return "all items" }
        if scope == "domains" { return "the domains" }
        if builder.roleIndex[scope] != nil { return "the \(TrackingMath.label(role: scope)) role" }
        return builder.items[scope]?.name ?? Diagnostic.quoted(scope)
    }
}
