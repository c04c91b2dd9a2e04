import LinearModel

/// One pair of the result, explained.
public struct PairResult: Sendable, Hashable {
    public let mentee: Int
    public let mentor: Int
    public let score: Double
    /// The mentor's place in this mentee's own ordering of candidates (1 = best; ties share).
    public let rank: Int
    public let reason: String
}

/// A mentee left without a mentor, and why.
public struct UnmatchedResult: Sendable, Hashable {
    public let mentee: Int
    public let reason: String
}

/// A solved round: the optimiser's outcome with every pair and every unmatched mentee explained.
public struct RoundResult: Sendable {
    public let prepared: PreparedRound
    public let outcome: PairingOutcome
    public let objective: PairingObjective
    /// Pairs in mentee order.
    public let pairs: [PairResult]
    /// Unmatched mentees in mentee order.
    public let unmatched: [UnmatchedResult]

    public var round: Round { prepared.round }
    /// Mean score of matched pairs; `nil` when nobody is matched.
    public var meanScore: Double? { outcome.matched > 0 ? outcome.totalScore / Double(outcome.matched) : nil }
    public var allowedPairs: Int { prepared.table.allowedCount }
}

extension PreparedRound {
    /// Solves the round and explains the result.
    public func solve(using solver: any Solver, options: PairingOptions) throws -> RoundResult {
        let outcome = try PairingSolver(solver: solver).solve(problem, options: options)
        return explain(outcome, objective: options.objective)
    }

    /// Explains an outcome: a rank and a reason for each pair, a reason for each unmatched mentee.
    public func explain(_ outcome: PairingOutcome, objective: PairingObjective) -> RoundResult {
        var load = [Double](repeating: 0, count: round.mentors.count)
        var menteesOf = [[Int]](repeating: [], count: round.mentors.count)
        for (i, mentor) in outcome.assignment.enumerated() {
            guard let j = mentor, let entry = table.entry(mentee: i, mentor: j) else { continue }
            load[j] += entry.load
            menteesOf[j].append(i)
        }
        var pairs: [PairResult] = []
        var unmatched: [UnmatchedResult] = []
        for i in 0..<round.mentees.count {
            if let j = outcome.assignment[i], let score = score(mentee: i, mentor: j) {
                pairs.append(PairResult(mentee: i, mentor: j, score: score, rank: rank(mentee: i, score: score),
                                        reason: reason(mentee: i, mentor: j)))
            } else {
                unmatched.append(UnmatchedResult(
                    mentee: i, reason: unmatchedReason(mentee: i, load: load, menteesOf: menteesOf, outcome: outcome)))
            }
        }
        return RoundResult(prepared: self, outcome: outcome, objective: objective, pairs: pairs, unmatched: unmatched)
    }

    /// 1 + the number of allowed mentors scoring strictly higher for this mentee.
    func rank(mentee i: Int, score: Double) -> Int {
        var better = 0
        table.forEachAllowed(mentee: i) { _, other, _ in if other > score { better += 1 } }
        return better + 1
    }

    /// Why a pair fits, in words.
    public func reason(mentee i: Int, mentor j: Int) -> String {
        if let scoring { return scoring.reason(mentee: i, mentor: j) }
        let score = self.score(mentee: i, mentor: j) ?? 0
        var candidates = 0
        table.forEachAllowed(mentee: i) { _, _, _ in candidates += 1 }
        return "score \(Format.number(score)) from scores.csv, rank \(rank(mentee: i, score: score)) of \(candidates) candidates"
    }

    private func unmatchedReason(mentee i: Int, load: [Double], menteesOf: [[Int]], outcome: PairingOutcome) -> String {
        var eligible: [Int] = []
        table.forEachAllowed(mentee: i) { j, _, _ in eligible.append(j) }
        if eligible.isEmpty { return "no eligible mentor: " + exclusionSummary(mentee: i) }
        let ranked = eligible.sorted { (score(mentee: i, mentor: $0) ?? 0, -$0) > (score(mentee: i, mentor: $1) ?? 0, -$1) }
        let isFull = ranked.allSatisfy { j in
            load[j] + (table.entry(mentee: i, mentor: j)?.load ?? 1) > capacity[j] + 1e-9
        }
        let shown = ranked.prefix(3).map { j -> String in
            let takers = menteesOf[j].map { k in
                "'\(round.mentees[k].id)'" + (eligibility.requiredMentor[k] == j ? " (required pair)" : "")
            }
            return "'\(round.mentors[j].id)' (score \(Format.number(score(mentee: i, mentor: j) ?? 0))) has "
                + (takers.isEmpty ? "no mentee" : takers.joined(separator: ", "))
        }.joined(separator: "; ") + (ranked.count > 3 ? "; and \(ranked.count - 3) more" : "")
        if isFull {
            let who: String
            switch ranked.count {
            case 1: who = "the only eligible mentor is full"
            case 2: who = "both eligible mentors are full"
            default: who = "all \(ranked.count) eligible mentors are full"
            }
            return "\(who): \(shown)"
        }
        switch outcome.status {
        case .timeLimit: return "not matched within the time limit; eligible: \(shown)"
        case .infeasible: return "no pairing meets every require rule and capacity"
        case .optimal, .feasible: return "not matched: a pairing that includes this mentee matches fewer or scores lower; eligible: \(shown)"
        }
    }

    /// Which rules exclude which mentors for a mentee, most frequent rule first.
    public func exclusionSummary(mentee i: Int, examples: Int = 3) -> String {
        var byRule: [ExclusionRule: [Int]] = [:]
        for j in 0..<round.mentors.count {
            var rules = eligibility.exclusions(mentee: i, mentor: j)
            if rules.isEmpty && round.scores != nil { rules = [.notScored] }
            for rule in rules { byRule[rule, default: []].append(j) }
        }
        if byRule.isEmpty { return "there are no mentors" }
        let ordered = byRule.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        return ordered.map { rule, mentors in
            let names = mentors.prefix(examples).map { "'\(round.mentors[$0].id)'" }.joined(separator: ", ")
            let more = mentors.count > examples ? " and \(mentors.count - examples) more" : ""
            return "\(rule.phrase) excludes \(names)\(more)"
        }.joined(separator: "; ")
    }
}
