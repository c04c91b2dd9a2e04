/// The standard measures of one assignment of a prepared round, the same for every strategy.
///
/// Definitions (k = matched pairs, scores of matched pairs only):
/// - `matched`: mentees with a mentor (allowed or not, for manual input).
/// - `total_score`, `mean_score`, `min_score`: over matched pairs whose score is known (a manual
///   pair outside scores.csv has none); mean and min `nil` without any.
/// - `p10_score`: the nearest-rank 10th percentile, the ⌈k/10⌉-th smallest score (k ≥ 1).
/// - `nash_welfare`: Σ ln s over matched pairs with s > 0; pairs with s ≤ 0 (whose log is −∞ or
///   undefined) are left out of the sum and counted in ``nashExcluded``; `nil` without any s > 0.
/// - `gap_covered`: Σ_i Σ_c w_c·min(g_ic, max(0, level_{a(i)c} − current_ic)) / Σ_i Σ_c w_c·g_ic
///   over every mentee (unmatched ones cover nothing); per role the same over that role's
///   competencies (``roleCoverage``). Per domain (``domainCoverage``):
///   Σ_i interest_id·expertise_{a(i)d}/5 / Σ_i interest_id. `nil` in scores mode or without gap.
/// - `load_min`, `load_max`, `load_gini`: each mentor's load (Σ pair loads; mentees for unit
///   loads) over every mentor; Gini `Σ_a Σ_b |x_a − x_b| / (2·m²·mean)`, `nil` when all are 0.
/// - `blocking_pairs`: allowed pairs (i, j), j not i's mentor, where i prefers j to its mentor (or
///   has none) and j has room for i's load or prefers i to its least preferred mentee (pinned
///   mentees, which a mentor cannot give up, do not count).
/// - rank profile: per matched mentee on an allowed pair, its rank of its mentor (1 = first
///   choice, equal scores share a rank; see ``Preferences``): counts, `mean_rank`, `worst_rank`.
/// - `envy`: ordered mentee pairs (a, b), b matched, where a prefers b's mentor to its own (or has
///   none) and the pair (a, b's mentor) is allowed.
/// - `violations`: given pairs that break a rule (``StrategyResult/violations``).
///
/// A mentee on a pair that is not allowed (manual input) counts as matched for scores and loads,
/// and as having no mentor for ranks, blocking pairs and envy.
public struct BenchMetrics: Sendable {
    public var strategy: String
    public var matched: Int
    public var totalScore: Double
    public var meanScore: Double?
    public var minScore: Double?
    public var p10Score: Double?
    public var nashWelfare: Double?
    /// Matched pairs with score ≤ 0, left out of ``nashWelfare``.
    public var nashExcluded: Int
    public var gapCovered: Double?
    /// Per role (framework order): share of that role's weighted gap covered.
    public var roleCoverage: [(role: String, share: Double?)]
    /// Per domain id (framework order): share of the interest met by expertise.
    public var domainCoverage: [(domain: String, share: Double?)]
    public var loadMin: Double?
    public var loadMax: Double?
    public var loadGini: Double?
    public var blockingPairs: Int
    /// `rankCounts[r − 1]`: mentees who got their r-th choice.
    public var rankCounts: [Int]
    public var meanRank: Double?
    public var worstRank: Int?
    public var envy: Int
    public var violations: Int
    public var seconds: Double

    /// The figures under their stable snake_case names, in a fixed order (for CSV and JSON).
    public var fields: [(name: String, value: Double?)] {
        [
            ("matched", Double(matched)), ("total_score", totalScore), ("mean_score", meanScore),
            ("min_score", minScore), ("p10_score", p10Score), ("nash_welfare", nashWelfare),
            ("gap_covered", gapCovered), ("load_min", loadMin), ("load_max", loadMax), ("load_gini", loadGini),
            ("blocking_pairs", Double(blockingPairs)), ("mean_rank", meanRank), ("worst_rank", worstRank.map(Double.init)),
            ("envy", Double(envy)), ("violations", Double(violations)), ("seconds", seconds),
        ]
    }
}

extension PreparedRound {
    /// Measures a strategy's assignment (see ``BenchMetrics`` for the definitions).
    ///
    /// - Parameter stated: the preference lists behind ranks, blocking pairs and envy (score
    ///   order where a list is short).
    /// - Complexity: O(P log P) for P allowed pairs.
    public func metrics(of result: StrategyResult, stated: StatedPreferences = StatedPreferences()) -> BenchMetrics {
        metrics(of: result, preferences: Preferences(self, stated: stated))
    }

    func metrics(of result: StrategyResult, preferences: Preferences) -> BenchMetrics {
        let n = round.mentees.count
        let m = round.mentors.count
        let assignment = result.assignment
        let known = pairScores(of: assignment)
        let load = mentorLoads(of: assignment)
        var matched = 0
        // Allowed pairs only: the mentor each mentee counts as having for ranks, blocking, envy.
        var mentorOf = [Int?](repeating: nil, count: n)
        var menteesOf = [Int](repeating: 0, count: m)
        for i in 0..<min(n, assignment.count) {
            guard let j = assignment[i] else { continue }
            matched += 1
            if preferences.menteeRank(mentee: i, mentor: j) > 0 {
                mentorOf[i] = j
                menteesOf[j] += 1
            }
        }
        let total = known.reduce(0, +)
        var nash = 0.0
        var positive = 0
        for s in known where s > 0 {
            nash += naturalLogarithm(s)
            positive += 1
        }
        // Ranks and the least preferred mentee each mentor holds (rank), for blocking pairs.
        var rankCounts: [Int] = []
        var rankSum = 0
        var ranked = 0
        var worstHeld = [Int32](repeating: 0, count: m)
        for i in 0..<n {
            guard let j = mentorOf[i] else { continue }
            let r = Int(preferences.menteeRank(mentee: i, mentor: j))
            if rankCounts.count < r { rankCounts += [Int](repeating: 0, count: r - rankCounts.count) }
            rankCounts[r - 1] += 1
            rankSum += r
            ranked += 1
            // A pinned mentee cannot be given up for anyone: it never makes room.
            if eligibility.requiredMentor[i] != j { worstHeld[j] = max(worstHeld[j], preferences.mentorRank(mentor: j, mentee: i)) }
        }
        // A mentor holding a mentee on a disallowed pair (manual) prefers anyone allowed to them.
        for i in 0..<min(n, assignment.count) {
            if let j = assignment[i], mentorOf[i] == nil { worstHeld[j] = .max }
        }
        var blocking = 0
        var envy = 0
        for i in 0..<n {
            let own = mentorOf[i].map { preferences.menteeRank(mentee: i, mentor: $0) } ?? .max
            table.forEachAllowed(mentee: i) { j, _, pairLoad in
                guard j != mentorOf[i], preferences.menteeRank(mentee: i, mentor: j) < own else { return }
                envy += menteesOf[j]
                let room = load[j] + pairLoad <= capacity[j] + 1e-9
                if room || preferences.mentorRank(mentor: j, mentee: i) < worstHeld[j] { blocking += 1 }
            }
        }
        let coverage = self.coverage(of: assignment)
        let sortedLoads = load.sorted()
        let loadTotal = load.reduce(0, +)
        var gini: Double?
        if m > 0 && loadTotal > 0 {
            // Gini = 2·Σ_k k·x_(k) / (m·Σx) − (m + 1)/m, loads sorted ascending, k from 1.
            var weighted = 0.0
            for (k, x) in sortedLoads.enumerated() { weighted += Double(k + 1) * x }
            gini = 2 * weighted / (Double(m) * loadTotal) - Double(m + 1) / Double(m)
        }
        // Nearest rank: the ⌈k/10⌉-th smallest (1-based), in integers (0.1·30 is 3.0000000000000004).
        let p10 = known.isEmpty ? nil : known[(known.count + 9) / 10 - 1]
        return BenchMetrics(
            strategy: result.strategy, matched: matched, totalScore: total,
            meanScore: known.isEmpty ? nil : total / Double(known.count), minScore: known.first, p10Score: p10,
            nashWelfare: positive > 0 ? nash : nil, nashExcluded: known.count - positive,
            gapCovered: coverage.overall, roleCoverage: coverage.roles, domainCoverage: coverage.domains,
            loadMin: sortedLoads.first, loadMax: sortedLoads.last, loadGini: gini, blockingPairs: blocking,
            rankCounts: rankCounts, meanRank: ranked > 0 ? Double(rankSum) / Double(ranked) : nil,
            worstRank: rankCounts.isEmpty ? nil : rankCounts.count, envy: envy, violations: result.violations.count,
            seconds: result.seconds)
    }

    /// Shares of the weighted competency gap and of the domain interest the assignment covers:
    /// per role Σ_c w_c·covered_c / Σ_c w_c·gap_c over its competencies (``competencyGaps(of:)``),
    /// overall the same over every competency.
    func coverage(of assignment: [Int?]) -> (overall: Double?, roles: [(role: String, share: Double?)], domains: [(domain: String, share: Double?)]) {
        let framework = round.framework
        let roles = framework.roles
        guard let model = scoring, let sums = competencyGaps(of: assignment) else {
            return (nil, roles.map { ($0, nil) }, framework.domains.map { ($0.id, nil) })
        }
        var gap = [Double](repeating: 0, count: roles.count)
        var covered = gap
        for (c, competency) in framework.competencies.enumerated() {
            let role = roles.firstIndex(of: competency.group) ?? 0
            gap[role] += competency.weight * sums.gap[c]
            covered[role] += competency.weight * sums.covered[c]
        }
        let domainCount = framework.domains.count
        var interest = [Double](repeating: 0, count: domainCount)
        var met = interest
        for (i, mentee) in round.mentees.enumerated() {
            let j = i < assignment.count ? assignment[i] : nil
            for d in 0..<min(domainCount, mentee.domainInterest.count) {
                let wanted = Double(mentee.domainInterest[d])
                interest[d] += wanted
                if let j { met[d] += wanted * model.mentorExpertise[j * domainCount + d] / 5 }
            }
        }
        let totalGap = gap.reduce(0, +)
        return (
            totalGap > 0 ? covered.reduce(0, +) / totalGap : nil,
            roles.indices.map { (roles[$0], gap[$0] > 0 ? covered[$0] / gap[$0] : nil) },
            framework.domains.indices.map { (framework.domains[$0].id, interest[$0] > 0 ? met[$0] / interest[$0] : nil) })
    }
}

/// Scores and loads of any pair, allowed or not (manual input): the table's for allowed pairs,
/// else the scoring model's, else scores.csv's; a pair outside scores.csv has no score and load 1.
struct BenchScores {
    let prepared: PreparedRound
    /// scores.csv entries by `i·m + j`, built only in scores mode.
    private let listed: [Int: ScoreEntry]

    init(_ prepared: PreparedRound) {
        self.prepared = prepared
        var listed: [Int: ScoreEntry] = [:]
        if let entries = prepared.round.scores {
            let m = prepared.round.mentors.count
            let menteeIndex = Dictionary(prepared.round.mentees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let mentorIndex = Dictionary(prepared.round.mentors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            for entry in entries {
                if let i = menteeIndex[entry.menteeID], let j = mentorIndex[entry.mentorID] { listed[i * m + j] = entry }
            }
        }
        self.listed = listed
    }

    func score(mentee i: Int, mentor j: Int) -> Double? {
        if let entry = prepared.table.entry(mentee: i, mentor: j) { return entry.score }
        if let model = prepared.scoring { return model.score(mentee: i, mentor: j) }
        return listed[i * prepared.round.mentors.count + j]?.score
    }

    func load(mentee i: Int, mentor j: Int) -> Double {
        if let entry = prepared.table.entry(mentee: i, mentor: j) { return entry.load }
        return listed[i * prepared.round.mentors.count + j]?.load ?? 1
    }
}

/// ln x for a finite x > 0, without Foundation and the same on every platform:
/// x = 2^e·f with f in [1, 2), ln x = e·ln 2 + 2·atanh(z) with z = (f − 1)/(f + 1) ≤ 1/3, the
/// series Σ z^(2k+1)/(2k+1) summed until its terms vanish (a relative error near 1e-16).
func naturalLogarithm(_ x: Double) -> Double {
    precondition(x > 0 && x.isFinite, "the logarithm needs a finite positive number")
    let ln2 = 0.693_147_180_559_945_309_417_232_121_458
    let e = Double(x.exponent)
    let f = x.significand
    let z = (f - 1) / (f + 1)
    let z2 = z * z
    var term = z
    var sum = 0.0
    var k = 1.0
    while true {
        let next = sum + term / k
        if next == sum { break }
        sum = next
        term *= z2
        k += 2
    }
    return e * ln2 + 2 * sum
}
