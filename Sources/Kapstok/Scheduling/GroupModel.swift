import LinearModel

/// One connected group of pairs as the scheduler's week-level model sees it.
///
/// A *track* is one session number of one pair, with the ISO weeks it may fall in, and in each
/// week its options — (day, start) pairs where both people are free — best first. The model
/// chooses at most one week per track; the day and time inside the week are chosen afterwards
/// (``DayPlacement``), and a combination of weeks that cannot be placed is cut off and the
/// model solved again.
struct GroupProblem: Sendable {
    struct Option: Sendable, Hashable {
        var day: Int
        var start: Int
    }

    /// A day of a week with the pair's feasible starts on it.
    struct DayStarts: Sendable {
        var day: Int
        var starts: [Int]
    }

    struct Track: Sendable {
        /// Index into ``GroupProblem/pairs``.
        var pair: Int
        var number: Int
        /// Monday day numbers of the weeks, ascending.
        var weeks: [Int]
        /// The days of each week with their starts (the options, unordered; see ``GroupProblem/options(_:_:)``).
        var days: [[DayStarts]]
        /// Where the session is now (re-plan): its options are ordered by closeness to it.
        var old: Option?
        /// The cadence's ideal day (schedule and new sessions).
        var target: Int
        /// The cost of each week (0 = ideal), at the levels below "most sessions".
        var costs: [Int]
        /// Whether placing this track completes its pair (the pair's last session number).
        var completes: Bool
    }

    /// At most `caps[week] ?? defaultCap` sessions of `tracks` in an ISO week.
    struct WeeklyLimit: Sendable {
        var tracks: [Int]
        var caps: [Int: Int]
        var defaultCap: Int
    }

    /// Whether two sessions on one day, of these pairs' people, overlap for someone.
    func clash(_ a: (mentee: Int, mentor: Int), at first: Int, _ b: (mentee: Int, mentor: Int), at second: Int) -> Bool {
        let shares = a.mentee == b.mentee || a.mentee == b.mentor || a.mentor == b.mentee || a.mentor == b.mentor
        return shares && abs(first - second) < sessionMinutes
    }

    func isPreferred(_ start: Int) -> Bool {
        preferred?.holds(start: start, minutes: sessionMinutes) ?? false
    }

    /// Whether consecutive tracks of one pair can take days in these weeks (indices into each
    /// track's weeks) that keep every gap: a walk over the days, week by week.
    func chainFeasible(_ chain: [(track: Int, week: Int)]) -> Bool {
        guard let first = chain.first else { return true }
        var reachable = tracks[first.track].days[first.week].map(\.day)
        let maxGap = maxGap(pair: tracks[first.track].pair)
        for link in chain.dropFirst() {
            let candidates = tracks[link.track].days[link.week].map(\.day)
            reachable = candidates.filter { day in reachable.contains { day - $0 >= minGapDays && day - $0 <= maxGap } }
            if reachable.isEmpty { return false }
        }
        return true
    }

    /// The options of track `t` in its `k`-th week, best first: the old slot, then the closest
    /// day and time to it (re-plan); otherwise preferred hours first, then the day closest to the
    /// cadence target, then earliest. Built only for the weeks the model chose.
    func options(_ t: Int, _ k: Int) -> [Option] {
        let track = tracks[t]
        var options: [Option] = []
        for entry in track.days[k] { for start in entry.starts { options.append(Option(day: entry.day, start: start)) } }
        if let old = track.old {
            return options.sorted {
                (abs($0.day - old.day), abs($0.start - old.start), $0.day, $0.start)
                    < (abs($1.day - old.day), abs($1.start - old.start), $1.day, $1.start)
            }
        }
        let target = track.target
        return options.sorted {
            let a = isPreferred($0.start) ? 0 : 1, b = isPreferred($1.start) ? 0 : 1
            return (a, abs($0.day - target), $0.day, $0.start) < (b, abs($1.day - target), $1.day, $1.start)
        }
    }

    /// (mentee, mentor) calendar person indices of each pair of the group.
    var pairs: [(mentee: Int, mentor: Int)]
    var tracks: [Track]
    var weeklyLimits: [WeeklyLimit]
    /// Whether complete pairs come first (schedule) or sessions kept (replan).
    var rewardsCompletion: Bool
    var sessionMinutes: Int
    /// `7·min_gap_weeks` and `7·max_gap_weeks`.
    var minGapDays: Int
    var maxGapDays: Int
    /// A re-plan's longer maximum gap for pairs whose next session cannot keep the maximum
    /// because of an absence (whole weeks); by pair index.
    var stretchedMaxGap: [Int: Int] = [:]
    /// `[program] preferred_hours`, if any.
    var preferred: TimeWindow? = nil

    /// The maximum gap in days of a pair.
    func maxGap(pair: Int) -> Int { stretchedMaxGap[pair] ?? maxGapDays }
}

/// The option chosen for each track; `nil` where the track is not placed.
struct GroupPlan: Sendable {
    var placements: [GroupProblem.Option?]
    var status: ScheduleGroupReport.Status
    var completeBound: Int
    var sessionsBound: Int
}

/// The week-level MIP of one group, for GLPK through ``LinearModel``.
///
/// Variables: binary `z[t,k]` = "track t is placed in its k-th week or before" (monotone in k);
/// the track's week is where z steps from 0 to 1, and `z[t,last]` says whether it is placed.
/// Rows, each with two or three non-zeros (cumulative precedence, which keeps the LP tight):
/// - monotone: `z[t,k−1] ≤ z[t,k]`;
/// - minimum gap: session s+1 placed by week v ⇒ session s placed by week v − min
///   (`z[s+1,k] ≤ z[s,j]`, one row per distinct j);
/// - maximum gap: session s placed by week u and s+1 placed at all ⇒ s+1 placed by u + max;
/// - at the boundary gaps (exactly min or max weeks apart) the days must still be
///   `7·min ≤ days ≤ 7·max` apart: a pair of weeks whose options cannot achieve that is excluded
///   (`x[s,u] + x[s+1,v] ≤ 1`, with x the step of z);
/// - weekly maxima: Σ x in the week ≤ cap, per person and role.
/// Weeks between the boundaries always leave some day pair within the gap, so the week choice
/// is exact for the cadence; the days and times are then placed by ``DayPlacement``, which cuts
/// off any combination it cannot place.
///
/// The objective is lexicographic through integer weights: each complete pair (schedule) is
/// worth more than all sessions together, each session more than all costs together, and the
/// costs are integers, so with `tol_obj` below 1/(1+|objective|) GLPK's proof covers every level.
struct GroupModel {
    let problem: GroupProblem
    /// First variable of each track.
    private(set) var firstVariable: [Int] = []
    private(set) var model = Model(sense: .maximize)
    let sessionReward: Double
    let completionReward: Double
    let largestObjective: Double

    init(_ problem: GroupProblem) {
        self.problem = problem
        let tracks = problem.tracks
        let totalCost = tracks.reduce(0) { $0 + ($1.costs.max() ?? 0) }
        sessionReward = Double(totalCost + 1)
        completionReward = problem.rewardsCompletion ? sessionReward * Double(tracks.count) + Double(totalCost) + 1 : 0
        let completions = tracks.filter(\.completes).count
        largestObjective = completionReward * Double(completions) + sessionReward * Double(tracks.count)
        build()
    }

    func z(_ track: Int, _ k: Int) -> VariableID { VariableID(firstVariable[track] + k) }

    /// The index of the last entry ≤ `value` in an ascending array, or nil.
    static func lastIndex(in values: [Int], atMost value: Int) -> Int? {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }

    private mutating func build() {
        let tracks = problem.tracks
        for (t, track) in tracks.enumerated() {
            firstVariable.append(model.variables.count)
            let last = track.weeks.count - 1
            for k in 0...last {
                // Σ_k (R − c_k)(z_k − z_{k−1}) = Σ_{k<last} z_k (c_{k+1} − c_k) + z_last (R − c_last).
                let objective = k < last
                    ? Double(track.costs[k + 1] - track.costs[k])
                    : sessionReward - Double(track.costs[k]) + (track.completes ? completionReward : 0)
                model.addVariable(lower: 0, upper: 1, kind: .binary, objective: objective)
            }
            for k in stride(from: 1, through: last, by: 1) {
                model.addConstraint([(z(t, k - 1), 1), (z(t, k), -1)], upper: 0)
            }
        }
        for t in tracks.indices.dropLast() where tracks[t + 1].pair == tracks[t].pair && tracks[t + 1].number == tracks[t].number + 1 {
            addGapRows(earlier: t, later: t + 1)
        }
        for limit in problem.weeklyLimits { addWeeklyRows(limit) }
        addPairwiseWeekRows()
    }

    /// Two pairs of one person that cannot both meet in a week (their options that week are all
    /// on one day and too close in time): at most one of them that week.
    private mutating func addPairwiseWeekRows() {
        let tracks = problem.tracks
        var byPerson: [Int: [Int]] = [:]
        for (t, track) in tracks.enumerated() {
            let people = problem.pairs[track.pair]
            byPerson[people.mentee, default: []].append(t)
            byPerson[people.mentor, default: []].append(t)
        }
        for person in byPerson.keys.sorted() {
            let list = byPerson[person]!
            guard Set(list.map { tracks[$0].pair }).count > 1 else { continue }
            for (x, a) in list.enumerated() {
                for b in list[(x + 1)...] where tracks[a].pair != tracks[b].pair {
                    for (k, week) in tracks[a].weeks.enumerated() {
                        guard let l = Self.lastIndex(in: tracks[b].weeks, atMost: week), tracks[b].weeks[l] == week else { continue }
                        if !Self.compatible(tracks[a].days[k], tracks[b].days[l], length: problem.sessionMinutes) {
                            model.addConstraint(step(a, k) + step(b, l), upper: 1)
                        }
                    }
                }
            }
        }
    }

    /// Whether two sessions can both be placed in a week: on different days, or on one day far
    /// enough apart.
    static func compatible(_ a: [GroupProblem.DayStarts], _ b: [GroupProblem.DayStarts], length: Int) -> Bool {
        for x in a {
            for y in b {
                if x.day != y.day { return true }
                guard let minX = x.starts.first, let maxX = x.starts.last, let minY = y.starts.first, let maxY = y.starts.last else { continue }
                if minX + length <= maxY || minY + length <= maxX { return true }
            }
        }
        return false
    }

    /// Terms of "track t is in its k-th week": z[k] − z[k−1].
    func step(_ t: Int, _ k: Int) -> [(VariableID, Double)] {
        k == 0 ? [(z(t, 0), 1)] : [(z(t, k), 1), (z(t, k - 1), -1)]
    }

    private mutating func addGapRows(earlier s: Int, later n: Int) {
        let a = problem.tracks[s].weeks, b = problem.tracks[n].weeks
        let minGap = problem.minGapDays, maxGap = problem.maxGap(pair: problem.tracks[s].pair)
        // Minimum gap in weeks: one row per distinct j(k), at the last k with that j.
        var k = b.count - 1
        while k >= 0 {
            guard let j = Self.lastIndex(in: a, atMost: b[k] - minGap) else {
                for kk in 0...k { model.setBounds(of: z(n, kk), lower: 0, upper: 0) }
                break
            }
            model.addConstraint([(z(n, k), 1), (z(s, j), -1)], upper: 0)
            var next = k - 1
            while next >= 0, Self.lastIndex(in: a, atMost: b[next] - minGap) == j { next -= 1 }
            k = next
        }
        // Maximum gap in weeks: one row per distinct t(j), at the last j with that t.
        let lastB = b.count - 1
        var j = a.count - 1
        var previous: Int?? = .none
        while j >= 0 {
            let t = Self.lastIndex(in: b, atMost: a[j] + maxGap)
            if previous != .some(t) {
                previous = .some(t)
                if let t {
                    if t != lastB { model.addConstraint([(z(s, j), 1), (z(n, lastB), 1), (z(n, t), -1)], upper: 1) }
                } else {
                    model.addConstraint([(z(s, j), 1), (z(n, lastB), 1)], upper: 1)
                }
            }
            j -= 1
        }
        // Three sessions in boundary weeks whose days cannot keep both gaps (a pair free on
        // Monday and Friday only: Friday, then exactly three weeks later a Monday is too early).
        if n + 1 < problem.tracks.count, problem.tracks[n + 1].pair == problem.tracks[n].pair,
            problem.tracks[n + 1].number == problem.tracks[n].number + 1
        {
            let c = problem.tracks[n + 1].weeks
            for (j, week) in a.enumerated() {
                for first in [minGap, maxGap] {
                    guard let k = Self.lastIndex(in: b, atMost: week + first), b[k] == week + first else { continue }
                    for second in [minGap, maxGap] {
                        guard let l = Self.lastIndex(in: c, atMost: b[k] + second), c[l] == b[k] + second else { continue }
                        if !problem.chainFeasible([(s, j), (n, k), (n + 1, l)]) {
                            model.addConstraint(step(s, j) + step(n, k) + step(n + 1, l), upper: 2)
                        }
                    }
                }
            }
        }
        // Boundary weeks whose days cannot keep the gap.
        let earlier = problem.tracks[s], later = problem.tracks[n]
        for (j, week) in a.enumerated() {
            let days = earlier.days[j].map(\.day)
            guard let first = days.min(), let last = days.max() else { continue }
            for (offset, isMinimum) in [(minGap, true), (maxGap, false)] {
                guard let k = Self.lastIndex(in: b, atMost: week + offset), b[k] == week + offset else { continue }
                let laterDays = later.days[k].map(\.day)
                guard let laterFirst = laterDays.min(), let laterLast = laterDays.max() else { continue }
                let possible = isMinimum ? laterLast - first >= minGap : laterFirst - last <= maxGap
                if !possible { model.addConstraint(step(s, j) + step(n, k), upper: 1) }
            }
        }
    }

    private mutating func addWeeklyRows(_ limit: GroupProblem.WeeklyLimit) {
        var byWeek: [Int: [(VariableID, Double)]] = [:]
        var involved: [Int: Int] = [:]
        for t in limit.tracks {
            for (k, week) in problem.tracks[t].weeks.enumerated() {
                byWeek[week, default: []] += step(t, k)
                involved[week, default: 0] += 1
            }
        }
        for week in byWeek.keys.sorted() {
            let cap = max(0, limit.caps[week] ?? limit.defaultCap)
            if involved[week]! > cap { model.addConstraint(byWeek[week]!, upper: Double(cap)) }
        }
    }

    /// "Not all of these tracks in these weeks": after day placement failed for them.
    func cut(_ placements: [(track: Int, week: Int)]) -> Constraint {
        var terms: [(VariableID, Double)] = []
        for (t, week) in placements {
            guard let k = problem.tracks[t].weeks.firstIndex(of: week) else { continue }
            terms += step(t, k)
        }
        return Constraint(variables: terms.map(\.0), coefficients: terms.map(\.1), lower: -.infinity, upper: Double(placements.count - 1))
    }

    /// The week of each track in a solution.
    func weeks(from values: [Double]) -> [Int?] {
        problem.tracks.indices.map { t in
            let track = problem.tracks[t]
            for k in track.weeks.indices where values[firstVariable[t] + k] > 0.5 { return track.weeks[k] }
            return nil
        }
    }

    /// The objective tolerance that keeps every level exact: below 1/(1+|largest objective|).
    var objectiveTolerance: Double { min(1e-7, 0.25 / (1 + largestObjective)) }
}
