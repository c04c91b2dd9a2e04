/// Why a mentee's candidates rank as they do: the material of `kapstok explain`.
public struct MenteeExplanation: Sendable {
    /// An eligible mentor with its score and, with the default model, every term of the score.
    public struct Candidate: Sendable {
        public let mentor: Int
        public let score: Double
        public let rank: Int
        /// Largest first; empty in scores mode.
        public let terms: [ScoreTerm]
        public let load: Double
        /// The stated-choice bonus in the score (``PreferenceBonus``); `nil` without one.
        public let preference: PreferenceBonus?
    }

    /// A mentor the hard rules exclude, with the rules that do.
    public struct Excluded: Sendable {
        public let mentor: Int
        public let rules: [ExclusionRule]
        /// One sentence per rule, naming the data behind it (see ``PreparedRound/detail(of:mentee:mentor:)``).
        public let details: [String]
    }

    public let mentee: Int
    /// Eligible mentors, best first (ties in mentor order).
    public let candidates: [Candidate]
    /// Excluded mentors, in mentor order.
    public let excluded: [Excluded]
}

extension PreparedRound {
    /// Ranks every mentor for one mentee, with the full breakdown, and lists the excluded ones
    /// with the rules that exclude them.
    ///
    /// - Parameter mentors: restrict to these mentor indices (`nil`: all).
    public func explanation(mentee i: Int, mentors: [Int]? = nil) -> MenteeExplanation {
        var candidates: [MenteeExplanation.Candidate] = []
        var excluded: [MenteeExplanation.Excluded] = []
        for j in mentors ?? Array(0..<round.mentors.count) {
            if let entry = table.entry(mentee: i, mentor: j) {
                candidates.append(.init(
                    mentor: j, score: entry.score, rank: rank(mentee: i, score: entry.score),
                    terms: scoring?.breakdown(mentee: i, mentor: j) ?? [], load: entry.load,
                    preference: scoring?.preferenceBonus(mentee: i, mentor: j)))
            } else {
                var rules = eligibility.exclusions(mentee: i, mentor: j)
                if rules.isEmpty { rules = [.notScored] }
                excluded.append(.init(mentor: j, rules: rules, details: rules.map { detail(of: $0, mentee: i, mentor: j) }))
            }
        }
        candidates.sort { ($0.score, -$0.mentor) > ($1.score, -$1.mentor) }
        return MenteeExplanation(mentee: i, candidates: candidates, excluded: excluded)
    }
}
