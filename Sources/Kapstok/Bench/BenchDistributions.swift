/// The distributions behind a bench report's charts: every matched pair's score, every mentor's
/// load and the gap covered per competency, for any assignment of a prepared round (allowed or
/// not, for manual input), measured as ``BenchMetrics`` measures them.
extension PreparedRound {
    /// The scores of the matched pairs whose score is known, ascending (the values behind
    /// `total_score`, `mean_score`, `min_score` and `p10_score`).
    ///
    /// - Complexity: O(n log n) for n mentees.
    public func pairScores(of assignment: [Int?]) -> [Double] {
        let scores = BenchScores(self)
        var known: [Double] = []
        for i in 0..<min(round.mentees.count, assignment.count) {
            if let j = assignment[i], let s = scores.score(mentee: i, mentor: j) { known.append(s) }
        }
        return known.sorted()
    }

    /// Each mentor's load (Σ pair loads; mentees for unit loads), in round order (the values
    /// behind `load_min`, `load_max` and `load_gini`).
    public func mentorLoads(of assignment: [Int?]) -> [Double] {
        let scores = BenchScores(self)
        var load = [Double](repeating: 0, count: round.mentors.count)
        for i in 0..<min(round.mentees.count, assignment.count) {
            if let j = assignment[i] { load[j] += scores.load(mentee: i, mentor: j) }
        }
        return load
    }

    /// Per competency (framework order, by id): the share of the mentees' gap on it that their
    /// mentors cover, Σ_i min(g_ic, max(0, level_{a(i)c} − current_ic)) / Σ_i g_ic over every
    /// mentee (unmatched ones cover nothing); `nil` without gap, and for every competency in
    /// scores mode. The competency's weight cancels; ``BenchMetrics/roleCoverage`` is the
    /// weighted sum over a role's competencies.
    public func competencyCoverage(of assignment: [Int?]) -> [(competency: String, share: Double?)] {
        let competencies = round.framework.competencies
        guard let sums = competencyGaps(of: assignment) else { return competencies.map { ($0.id, nil) } }
        return competencies.indices.map { (competencies[$0].id, sums.gap[$0] > 0 ? sums.covered[$0] / sums.gap[$0] : nil) }
    }

    /// Per competency (framework order): the mentees' gap Σ_i g_ic and the part their mentors
    /// cover, Σ_i min(g_ic, max(0, level_{a(i)c} − current_ic)), unmatched mentees covering
    /// nothing; `nil` in scores mode. The one pass behind ``competencyCoverage(of:)`` and the
    /// role and overall shares of ``BenchMetrics``.
    func competencyGaps(of assignment: [Int?]) -> (gap: [Double], covered: [Double])? {
        guard let model = scoring else { return nil }
        let count = round.framework.competencies.count
        var gap = [Double](repeating: 0, count: count)
        var covered = gap
        for i in 0..<round.mentees.count {
            let j = i < assignment.count ? assignment[i] : nil
            for c in 0..<count {
                let g = model.menteeGap[i * count + c]
                guard g > 0 else { continue }
                gap[c] += g
                if let j { covered[c] += min(g, max(0, model.mentorLevels[j * count + c] - model.menteeCurrent[i * count + c])) }
            }
        }
        return (gap, covered)
    }
}
