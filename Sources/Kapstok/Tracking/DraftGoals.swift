/// The draft goals a recorded round gives a pair: the mentee's largest weighted gaps that the
/// mentor covers, taken from the pair's score breakdown so that they are exactly the gaps that
/// drove the match.
///
/// The terms of ``ScoringModel/breakdown(mentee:mentor:)`` come largest first; each term's points
/// are its weighted contribution (a competency: α·w_c·covered levels / Σ w·g; a domain:
/// β·v_d·interest·expertise / (5·Σ v·interest)). The first `limit` terms become goals, in that order:
///
/// - **Competency**: baseline = the mentee's current level; target = current + the levels the
///   mentor covers, that is min(the mentee's target, the mentor's level). A goal never aims
///   beyond what this mentor can bring; when the mentor covers part of the gap, the reason says so.
/// - **Domain**: the mentee has an interest, not a level. Baseline = the mentee's latest check-in
///   of that domain when one is given, else ``defaultDomainBaseline`` (1, "some exposure");
///   target = min(the mentor's expertise, baseline + ``domainStep``) (two levels in one program).
///   No goal when the mentor's expertise is not above the baseline (the mentor does not cover it).
///
/// Goals come with an empty ``Goal/id`` (the store numbers them), status draft, start = the match
/// date, due = the program's end. In scores mode (no scoring model) there are no draft goals.
public enum DraftGoals {
    /// A domain's baseline without a check-in.
    public static let defaultDomainBaseline = 1
    /// The most levels a domain goal aims up.
    public static let domainStep = 2

    /// Draft goals for pair (mentee `i`, mentor `j`) of a prepared round.
    ///
    /// - Parameters:
    ///   - domainLevels: the mentee's assessed domain levels by item id (latest check-ins), if any.
    ///   - round: the round number recorded in ``Goal/round``.
    public static func make(
        prepared: PreparedRound, mentee i: Int, mentor j: Int, matchDate: CalendarDate, due: CalendarDate,
        limit: Int, round: Int? = nil, domainLevels: [String: Int] = [:]
    ) -> [Goal] {
        guard let model = prepared.scoring else { return [] }
        return make(
            terms: model.breakdown(mentee: i, mentor: j), mentee: prepared.round.mentees[i], mentor: prepared.round.mentors[j],
            framework: prepared.round.framework, defaultTarget: prepared.round.configuration.pairing.defaultTarget,
            matchDate: matchDate, due: due, limit: limit, round: round, domainLevels: domainLevels)
    }

    /// Draft goals for every pair of a solved round, in the result's pair order (mentee order),
    /// `limit` (``TrackingSettings/draftGoals``) per pair.
    ///
    /// - Parameter domainLevels: assessed domain levels by mentee id, then item id.
    public static func make(
        result: RoundResult, matchDate: CalendarDate, due: CalendarDate, limit: Int, round: Int? = nil,
        domainLevels: [String: [String: Int]] = [:]
    ) -> [Goal] {
        result.pairs.flatMap { pair in
            make(
                prepared: result.prepared, mentee: pair.mentee, mentor: pair.mentor, matchDate: matchDate, due: due, limit: limit,
                round: round, domainLevels: domainLevels[result.round.mentees[pair.mentee].id] ?? [:])
        }
    }

    /// The draft goals a match recorded in a workspace adds: ``make(result:matchDate:due:limit:round:domainLevels:)``
    /// with domain baselines from the latest check-ins on or before the match date (the
    /// progress report's current-level rule, ``TrackingFacts``), leaving out every goal whose
    /// pair already has a goal on that item that is not dropped (a match run again adds only
    /// what is new).
    ///
    /// - Returns: the new goals, and how many drafts were left out because they were already there.
    public static func make(
        result: RoundResult, matchDate: CalendarDate, due: CalendarDate, limit: Int, checkIns: [CheckIn], existing: [Goal]
    ) -> (goals: [Goal], alreadyThere: Int) {
        let levels = TrackingFacts(checkIns: checkIns, sessions: [], today: matchDate).assessedLevels
        let drafts = make(result: result, matchDate: matchDate, due: due, limit: limit, domainLevels: levels)
        struct Key: Hashable {
            var mentee: String
            var mentor: String
            var item: String
        }
        let held = Set(existing.filter { $0.status != .dropped }.map { Key(mentee: $0.menteeID, mentor: $0.mentorID, item: $0.itemID) })
        let goals = drafts.filter { !held.contains(Key(mentee: $0.menteeID, mentor: $0.mentorID, item: $0.itemID)) }
        return (goals, drafts.count - goals.count)
    }

    /// Draft goals for one mentee and mentor outside a round (a pair added by hand): the same
    /// rules, scored as a round of these two people with `configuration`'s weights.
    public static func make(
        mentee: Mentee, mentor: Mentor, framework: Framework, configuration: Configuration, matchDate: CalendarDate,
        due: CalendarDate, limit: Int, round: Int? = nil, domainLevels: [String: Int] = [:]
    ) -> [Goal] {
        let model = ScoringModel(round: Round(framework: framework, mentors: [mentor], mentees: [mentee], configuration: configuration))
        return make(
            terms: model.breakdown(mentee: 0, mentor: 0), mentee: mentee, mentor: mentor, framework: framework,
            defaultTarget: configuration.pairing.defaultTarget, matchDate: matchDate, due: due, limit: limit, round: round,
            domainLevels: domainLevels)
    }

    private static func make(
        terms: [ScoreTerm], mentee: Mentee, mentor: Mentor, framework: Framework, defaultTarget: Int, matchDate: CalendarDate,
        due: CalendarDate, limit: Int, round: Int?, domainLevels: [String: Int]
    ) -> [Goal] {
        var competencyIndex: [String: Int] = [:]
        for (c, item) in framework.competencies.enumerated() { competencyIndex[item.id] = c }
        var domainIndex: [String: Int] = [:]
        for (d, item) in framework.domains.enumerated() { domainIndex[item.id] = d }
        var goals: [Goal] = []
        for term in terms where goals.count < limit {
            let item = term.item
            let rank = ordinal(goals.count + 1)
            let weight = Format.number(item.weight)
            switch item.kind {
            case .competency:
                guard let c = competencyIndex[item.id] else { continue }
                let current = c < mentee.currentLevels.count ? mentee.currentLevels[c] : 0
                let wanted = (c < mentee.targetLevels.count ? mentee.targetLevels[c] : nil) ?? defaultTarget
                let mentorLevel = c < mentor.competencyLevels.count ? mentor.competencyLevels[c] : 0
                let target = current + term.offer
                guard term.offer > 0, Limits.level.contains(current), Limits.level.contains(target) else { continue }
                let weighted = Format.number(item.weight * Double(term.offer))
                let levels = term.need == 1 ? "1 level" : "\(term.need) levels"
                var reason = "\(rank) weighted gap the mentor covers: \(levels) on \(item.name) (from \(current) to \(wanted), weight \(weight)); the mentor is at \(mentorLevel)"
                reason += term.offer >= term.need
                    ? " and covers the full gap"
                    : " and covers \(term.offer) of \(term.need) levels, so this goal aims at \(target) (\(weighted) weighted levels)"
                goals.append(goal(item: item, baseline: current, target: target, reason: reason))
            case .domain:
                guard let d = domainIndex[item.id] else { continue }
                let interest = d < mentee.domainInterest.count ? mentee.domainInterest[d] : 0
                let expertise = d < mentor.domainExpertise.count ? mentor.domainExpertise[d] : 0
                let assessed = domainLevels[item.id]
                let baseline = assessed ?? defaultDomainBaseline
                let target = min(expertise, baseline + domainStep, Limits.level.upperBound)
                guard target > baseline, Limits.level.contains(baseline) else { continue }
                let from = assessed.map { "level \($0) at the latest check-in" } ?? "no check-in yet, so level \(defaultDomainBaseline) assumed"
                let reason = "\(rank) weighted term the mentor covers: interest \(interest) of 5 in \(item.name) (weight \(weight)); the mentor's expertise is \(expertise); baseline \(baseline) (\(from)), aiming at most \(domainStep) levels up and never above the mentor"
                goals.append(goal(item: item, baseline: baseline, target: target, reason: reason))
            }
        }
        return goals

        func goal(item: FrameworkItem, baseline: Int, target: Int, reason: String) -> Goal {
            Goal(
                id: "", menteeID: mentee.id, mentorID: mentor.id, itemID: item.id, baseline: baseline, target: target,
                start: matchDate, due: due, status: .draft, title: title(item: item, baseline: baseline, target: target),
                reason: reason, round: round)
        }
    }

    /// "Giving and receiving feedback: 2 → 4", cut to ``Limits/titleLength`` (the name first).
    public static func title(item: FrameworkItem, baseline: Int, target: Int) -> String {
        let suffix = ": \(baseline) → \(target)"
        let room = Limits.titleLength.upperBound - suffix.count
        let name = item.name.count > room ? String(item.name.prefix(max(0, room - 1))) + "…" : item.name
        return name + suffix
    }

    private static func ordinal(_ n: Int) -> String {
        switch n {
        case 1: "largest"
        case 2: "2nd largest"
        case 3: "3rd largest"
        default: "\(n)th largest"
        }
    }
}
