/// The default fit model of DESIGN.md, prepared for fast evaluation of many pairs.
///
/// For mentee *i*, mentor *j*, competency *c* (weight *w_c*) and domain *d* (weight *v_d*):
///
/// - gap `g_ic = max(0, target_ic − current_ic)`
/// - coverage `k_ijc = min(1, max(0, level_jc − current_ic) / g_ic)` where `g_ic > 0`
/// - competency fit `CF = Σ_c w_c·g_ic·k_ijc / Σ_c w_c·g_ic` (0 without any gap)
/// - domain fit `DF = Σ_d v_d·interest_id·expertise_jd / (5·Σ_d v_d·interest_id)` (0 without interest)
/// - `score = 100·(α·CF + β·DF) / (α + β)`, in [0, 100],
/// - plus, where the mentee stated mentor *j* as their r-th of L choices and `[scoring]
///   preference_weight` w > 0, the bonus `w·(L − r + 1)/L` (``PreferenceBonus``): then in
///   [0, 100 + w]. With w = 0 (the default) the score is exactly the fit above.
///
/// The per-mentee factors (`100·α/(α+β)·w_c·g_ic / Σ w·g`, `1/g_ic`, …) are computed once, so one
/// pair costs a handful of multiply-adds per framework item.
public struct ScoringModel: Sendable {
    public let framework: Framework
    public let competencyWeight: Double
    public let domainWeight: Double
    let competencyCount: Int
    let domainCount: Int
    /// Mentor levels, mentor-major: `levels[j·C + c]`.
    let mentorLevels: [Double]
    /// Mentor expertise, mentor-major: `expertise[j·D + d]`.
    let mentorExpertise: [Double]
    /// Mentee current levels `current[i·C + c]`.
    let menteeCurrent: [Double]
    /// Mentee gaps `g_ic`.
    let menteeGap: [Double]
    /// `1/g_ic`, or 0 without a gap.
    let menteeInverseGap: [Double]
    /// Score points for full coverage of competency c: `100·α/(α+β)·w_c·g_ic/Σ w·g`.
    let competencyFactor: [Double]
    /// Score points per expertise level in domain d: `100·β/(α+β)·v_d·interest_id/(5·Σ v·interest)`.
    let domainFactor: [Double]
    /// Per mentee index, the stated-choice bonus by mentor index; empty when w = 0.
    let preferenceBonuses: [Int: [Int: PreferenceBonus]]

    public var menteeCount: Int { menteeCurrent.count / max(1, competencyCount) }

    /// Prepares the model for a round's people.
    ///
    /// - Precondition: every mentor and mentee has level arrays aligned with the framework
    ///   (the loaders guarantee it outside scores mode).
    public init(round: Round) {
        let framework = round.framework
        let scoring = round.configuration.scoring
        let defaultTarget = round.configuration.pairing.defaultTarget
        self.framework = framework
        competencyWeight = scoring.competencyWeight
        domainWeight = scoring.domainWeight
        let count = framework.competencies.count
        let domains = framework.domains.count
        competencyCount = count
        domainCount = domains
        let weightSum = scoring.competencyWeight + scoring.domainWeight
        let alpha = weightSum > 0 ? 100 * scoring.competencyWeight / weightSum : 0
        let beta = weightSum > 0 ? 100 * scoring.domainWeight / weightSum : 0

        var levels = [Double](repeating: 0, count: round.mentors.count * count)
        var expertise = [Double](repeating: 0, count: round.mentors.count * domains)
        for (j, mentor) in round.mentors.enumerated() {
            for c in 0..<min(count, mentor.competencyLevels.count) { levels[j * count + c] = Double(mentor.competencyLevels[c]) }
            for d in 0..<min(domains, mentor.domainExpertise.count) { expertise[j * domains + d] = Double(mentor.domainExpertise[d]) }
        }
        var current = [Double](repeating: 0, count: round.mentees.count * count)
        var gap = current
        var inverseGap = current
        var factor = current
        var domainFactor = [Double](repeating: 0, count: round.mentees.count * domains)
        for (i, mentee) in round.mentees.enumerated() {
            var weightedGap = 0.0
            for c in 0..<count {
                let now = c < mentee.currentLevels.count ? mentee.currentLevels[c] : 0
                let target = (c < mentee.targetLevels.count ? mentee.targetLevels[c] : nil) ?? defaultTarget
                let g = Double(max(0, target - now))
                current[i * count + c] = Double(now)
                gap[i * count + c] = g
                inverseGap[i * count + c] = g > 0 ? 1 / g : 0
                weightedGap += framework.competencies[c].weight * g
            }
            if weightedGap > 0 {
                for c in 0..<count {
                    factor[i * count + c] = alpha * framework.competencies[c].weight * gap[i * count + c] / weightedGap
                }
            }
            var weightedInterest = 0.0
            for d in 0..<domains {
                let interest = d < mentee.domainInterest.count ? mentee.domainInterest[d] : 0
                weightedInterest += framework.domains[d].weight * Double(interest)
            }
            if weightedInterest > 0 {
                for d in 0..<domains {
                    let interest = d < mentee.domainInterest.count ? mentee.domainInterest[d] : 0
                    domainFactor[i * domains + d] = beta * framework.domains[d].weight * Double(interest) / (5 * weightedInterest)
                }
            }
        }
        mentorLevels = levels
        mentorExpertise = expertise
        menteeCurrent = current
        menteeGap = gap
        menteeInverseGap = inverseGap
        competencyFactor = factor
        self.domainFactor = domainFactor
        preferenceBonuses = PreferenceBonus.table(round)
    }

    /// The stated-choice bonus of a pair, or `nil` when the mentee did not state this mentor
    /// (or `preference_weight` is 0).
    public func preferenceBonus(mentee i: Int, mentor j: Int) -> PreferenceBonus? {
        preferenceBonuses[i]?[j]
    }

    /// The score of one pair, in [0, 100] plus its ``PreferenceBonus``, as the optimiser sees it
    /// (rounded to `Float` precision, exactly the value ``scoreAllMentors(mentee:into:)`` writes).
    public func score(mentee i: Int, mentor j: Int) -> Double {
        Double(Float(rawScore(mentee: i, mentor: j)))
    }

    func rawScore(mentee i: Int, mentor j: Int) -> Double {
        var total = 0.0
        let count = competencyCount
        for c in 0..<count {
            let coverage = min(1, max(0, mentorLevels[j * count + c] - menteeCurrent[i * count + c]) * menteeInverseGap[i * count + c])
            total += competencyFactor[i * count + c] * coverage
        }
        for d in 0..<domainCount {
            total += domainFactor[i * domainCount + d] * mentorExpertise[j * domainCount + d]
        }
        if let bonus = preferenceBonuses[i]?[j] { total += bonus.points }
        return total
    }

    /// Scores mentee `i` against every mentor, writing `output[j]`; the hot loop of a round.
    ///
    /// - Complexity: O(mentors · (competencies + domains)).
    public func scoreAllMentors(mentee i: Int, into output: UnsafeMutableBufferPointer<Float>) {
        let count = competencyCount
        let domains = domainCount
        mentorLevels.withUnsafeBufferPointer { levels in
            mentorExpertise.withUnsafeBufferPointer { expertise in
                // Per-mentee constants, hoisted into small local arrays.
                let current = Array(menteeCurrent[i * count..<(i + 1) * count])
                let inverse = Array(menteeInverseGap[i * count..<(i + 1) * count])
                let factor = Array(competencyFactor[i * count..<(i + 1) * count])
                let domainFactor = Array(self.domainFactor[i * domains..<(i + 1) * domains])
                // Competencies where the mentee has no gap contribute nothing: skip them.
                let active = (0..<count).filter { factor[$0] > 0 }
                let activeDomains = (0..<domains).filter { domainFactor[$0] > 0 }
                let bonus = preferenceBonuses[i]
                for j in 0..<output.count {
                    var total = 0.0
                    let base = j * count
                    for c in active {
                        let lead = levels[base + c] - current[c]
                        total += factor[c] * min(1, max(0, lead) * inverse[c])
                    }
                    let domainBase = j * domains
                    for d in activeDomains { total += domainFactor[d] * expertise[domainBase + d] }
                    if let bonus, let extra = bonus[j] { total += extra.points }
                    output[j] = Float(total)
                }
            }
        }
    }
}
