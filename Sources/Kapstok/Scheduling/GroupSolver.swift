import LinearModel

/// Solves one group: the week-level MIP, then the days and times inside the weeks, cutting off
/// any combination of weeks that cannot be placed and solving again (at most ``cutRounds`` times).
struct GroupSolver {
    let problem: GroupProblem
    var largestModel = Self.largestModel
    static let cutRounds = 50
    /// The most week variables a group's model may have (a mentor with 3 mentees and 8 sessions
    /// over 26 weeks has about 400).
    static let largestModel = 200_000

    func solve(with solver: some IncrementalSolver, deadline: ContinuousClock.Instant?) throws -> GroupPlan {
        guard !problem.tracks.isEmpty else {
            return GroupPlan(placements: [], status: .optimal, completeBound: 0, sessionsBound: 0)
        }
        // Past the common deadline a group gets no solver time, and a group whose model would be
        // huge (one mentor with hundreds of mentees over years) is not built: the greedy plan,
        // marked as not proven.
        let variables = problem.tracks.reduce(0) { $0 + $1.weeks.count }
        if variables > largestModel || deadline.map({ Self.seconds(until: $0) <= 0 }) == true {
            return plan(greedy(), proven: false, bound: nil, model: nil)
        }
        let model = GroupModel(problem)
        let placement = DayPlacement(problem: problem, deadline: deadline)
        return try solver.withSession(for: model.model) { session in
            var lastBound: Double?
            var proven = true
            var fallback: [Int?]?
            for _ in 0..<Self.cutRounds {
                var parameters = SolveParameters(objectiveTolerance: model.objectiveTolerance)
                if let deadline { parameters.timeLimit = max(0.05, Self.seconds(until: deadline)) }
                // The cumulative rows make the LP integral for most groups: an integral LP optimum
                // is the MIP optimum, proven, without branch-and-cut.
                let relaxation = try session.solveRelaxation(parameters: parameters)
                let integral = relaxation.termination.reason == .optimal
                    && relaxation.values.allSatisfy { abs($0 - $0.rounded()) < 1e-9 }
                let result = integral ? relaxation : try session.solve(parameters: parameters)
                guard result.termination.hasPrimalFeasibleSolution else {
                    proven = false
                    break
                }
                lastBound = result.bestBound
                if result.termination.reason != .optimal { proven = false }
                let weeks = model.weeks(from: result.values)
                switch placement.place(weeks: weeks) {
                case .placed(let options):
                    return plan(options, proven: proven, bound: lastBound, model: model)
                case .conflict(let members):
                    try session.addConstraint(model.cut(members))
                    fallback = weeks
                }
                if let deadline, Self.seconds(until: deadline) <= 0 { break }
            }
            // No plan from the model in time: the better of the repaired last model plan and the
            // greedy one (most complete pairs, then most sessions).
            let repaired = repair(weeks: fallback ?? Array(repeating: nil, count: problem.tracks.count))
            let greedy = greedy()
            func score(_ plan: [GroupProblem.Option?]) -> (Int, Int) {
                (problem.tracks.indices.filter { problem.tracks[$0].completes && plan[$0] != nil }.count, plan.compactMap { $0 }.count)
            }
            return plan(score(greedy) > score(repaired) ? greedy : repaired, proven: false, bound: lastBound, model: model)
        }
    }

    /// A plan that is valid without the model's help: tracks in date order, each at its first
    /// option that keeps the gap to the pair's previous session and clashes with nothing placed;
    /// a track without one is dropped with every later session of its pair.
    func repair(weeks: [Int?]) -> [GroupProblem.Option?] {
        let tracks = problem.tracks
        var result = [GroupProblem.Option?](repeating: nil, count: tracks.count)
        var dropped = Set<Int>()
        var taken: [Int: [(people: (mentee: Int, mentor: Int), start: Int)]] = [:]
        let order = weeks.indices.filter { weeks[$0] != nil }.sorted { (weeks[$0]!, $0) < (weeks[$1]!, $1) }
        for t in order {
            let track = tracks[t]
            if dropped.contains(track.pair) { continue }
            let people = problem.pairs[track.pair]
            let options = problem.options(t, track.weeks.firstIndex(of: weeks[t]!)!)
            let previous = t > 0 && tracks[t - 1].pair == track.pair ? result[t - 1] : nil
            if t > 0, tracks[t - 1].pair == track.pair, previous == nil {
                dropped.insert(track.pair)
                continue
            }
            let choice = options.first { option in
                if let previous {
                    let gap = option.day - previous.day
                    if gap < problem.minGapDays || gap > problem.maxGap(pair: track.pair) { return false }
                }
                return !(taken[option.day] ?? []).contains { other in
                    problem.clash(other.people, at: other.start, people, at: option.start)
                }
            }
            guard let choice else {
                dropped.insert(track.pair)
                continue
            }
            result[t] = choice
            taken[choice.day, default: []].append((people, choice.start))
        }
        return result
    }

    /// A plan without the model: pair by pair, each session at the first option (best first; the
    /// old slot first in a re-plan) that keeps the gap to the pair's previous session, the weekly
    /// limits and everyone's other sessions; a pair stops at its first session that finds none.
    func greedy() -> [GroupProblem.Option?] {
        let tracks = problem.tracks
        var result = [GroupProblem.Option?](repeating: nil, count: tracks.count)
        var taken: [Int: [(people: (mentee: Int, mentor: Int), start: Int)]] = [:]
        var weekCounts = [[Int: Int]](repeating: [:], count: problem.weeklyLimits.count)
        let limitsOf: [Int: [Int]] = {
            var map: [Int: [Int]] = [:]
            for (index, limit) in problem.weeklyLimits.enumerated() { for t in limit.tracks { map[t, default: []].append(index) } }
            return map
        }()
        var stopped = Set<Int>()
        for (t, track) in tracks.enumerated() where !stopped.contains(track.pair) {
            let people = problem.pairs[track.pair]
            let previous = t > 0 && tracks[t - 1].pair == track.pair ? result[t - 1] : nil
            var chosen: GroupProblem.Option?
            search: for k in track.weeks.indices {
                let week = track.weeks[k]
                let full = (limitsOf[t] ?? []).contains { index in
                    let limit = problem.weeklyLimits[index]
                    return (weekCounts[index][week] ?? 0) >= (limit.caps[week] ?? limit.defaultCap)
                }
                if full { continue }
                for option in problem.options(t, k) {
                    if let previous {
                        let gap = option.day - previous.day
                        if gap < problem.minGapDays || gap > problem.maxGap(pair: track.pair) { continue }
                    } else if t > 0, tracks[t - 1].pair == track.pair {
                        break search
                    }
                    let clash = (taken[option.day] ?? []).contains { other in
                        problem.clash(other.people, at: other.start, people, at: option.start)
                    }
                    if !clash {
                        chosen = option
                        for index in limitsOf[t] ?? [] { weekCounts[index][week, default: 0] += 1 }
                        break search
                    }
                }
            }
            guard let chosen else {
                stopped.insert(track.pair)
                continue
            }
            result[t] = chosen
            taken[chosen.day, default: []].append((people, chosen.start))
        }
        return result
    }

    private func plan(_ placements: [GroupProblem.Option?], proven: Bool, bound: Double?, model: GroupModel?) -> GroupPlan {
        let sessions = placements.compactMap { $0 }.count
        var complete = 0
        for (t, track) in problem.tracks.enumerated() where track.completes && placements[t] != nil { complete += 1 }
        if proven {
            return GroupPlan(placements: placements, status: .optimal, completeBound: complete, sessionsBound: sessions)
        }
        let tracks = problem.tracks.count
        let completable = problem.tracks.filter(\.completes).count
        var completeBound = completable, sessionsBound = tracks
        if let bound, bound.isFinite, let model {
            if model.completionReward > 0 {
                completeBound = min(completable, max(complete, Int(((bound + 0.5) / model.completionReward).rounded(.down))))
                let rest = bound + 0.5 - model.completionReward * Double(completeBound)
                sessionsBound = min(tracks, max(sessions, Int((rest / model.sessionReward).rounded(.down))))
            } else {
                sessionsBound = min(tracks, max(sessions, Int(((bound + 0.5) / model.sessionReward).rounded(.down))))
            }
        }
        return GroupPlan(placements: placements, status: .timeLimit, completeBound: completeBound, sessionsBound: sessionsBound)
    }

    static func seconds(until deadline: ContinuousClock.Instant) -> Double {
        let duration = deadline - ContinuousClock.now
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
