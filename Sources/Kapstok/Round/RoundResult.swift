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
        let outcome = try OptimalStrategy(solver: solver, objective: options.objective).outcome(self, pairing: options)
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
        var better = 0
        table.forEachAllowed(mentee: i) { _, other, _ in
            candidates += 1
            if other > score { better += 1 }
        }
        return "score \(Format.number(score)) from scores.csv, rank \(better + 1) of \(candidates) candidates"
    }

    /// Why a mentee is unmatched: no eligible mentor (and the rules that exclude them), eligible
    /// mentors that can never take this pair (a capacity below the pair's load: `0.5` without
    /// scores.csv, or a `load` above the capacity), eligible mentors that are full (and with whom),
    /// or an optimum that leaves the mentee out.
    ///
    /// - Complexity: O(k log k) for a mentee with k eligible mentors, plus the mentees named.
    private func unmatchedReason(mentee i: Int, load: [Double], menteesOf: [[Int]], outcome: PairingOutcome) -> String {
        var eligible: [(mentor: Int, score: Double, load: Double)] = []
        table.forEachAllowed(mentee: i) { j, score, load in eligible.append((j, score, load)) }
        if eligible.isEmpty { return "no eligible mentor: " + exclusionSummary(mentee: i) }
        // Only the best few are named: pick them in one pass instead of sorting every candidate
        // (a mentee of a 50,000 × 15,000 round has thousands).
        let shownCount = 3
        var best: [(mentor: Int, score: Double, load: Double)] = []
        for pair in eligible {
            let position = best.firstIndex { (pair.score, -pair.mentor) > ($0.score, -$0.mentor) } ?? best.count
            if position < shownCount {
                best.insert(pair, at: position)
                if best.count > shownCount { best.removeLast() }
            }
        }
        let tolerance = 1e-9
        func isTooSmall(_ pair: (mentor: Int, score: Double, load: Double)) -> Bool {
            pair.load > capacity[pair.mentor] + tolerance
        }
        func isFull(_ pair: (mentor: Int, score: Double, load: Double)) -> Bool {
            load[pair.mentor] + pair.load > capacity[pair.mentor] + tolerance
        }
        func describe(_ pair: (mentor: Int, score: Double, load: Double)) -> String {
            let j = pair.mentor
            let head = "'\(round.mentors[j].id)' (score \(Format.number(pair.score)))"
            if isTooSmall(pair) {
                if table.hasUnitLoads {
                    return head + " has capacity \(Format.number(capacity[j])), less than one mentee"
                }
                return head + " has capacity \(Format.number(capacity[j])), less than this pair's load \(Format.number(pair.load))"
            }
            let takers = menteesOf[j].map { k in
                "'\(round.mentees[k].id)'" + (eligibility.requiredMentor[k] == j ? " (required pair)" : "")
            }
            return head + " has " + (takers.isEmpty ? "no mentee" : takers.joined(separator: ", "))
        }
        /// The best eligible mentors, described, and how many more there are.
        func list() -> String {
            best.map(describe).joined(separator: "; ")
                + (eligible.count > best.count ? "; and \(eligible.count - best.count) more" : "")
        }
        func count(_ number: Int, _ adjective: String) -> String {
            switch number {
            case 1: "the only eligible mentor \(adjective)"
            case 2: "both eligible mentors \(adjective)"
            default: "all \(number) eligible mentors \(adjective)"
            }
        }
        if eligible.allSatisfy(isTooSmall) {
            let what = table.hasUnitLoads ? "a capacity below one mentee" : "a capacity below this pair's load"
            return count(eligible.count, eligible.count == 1 ? "has \(what)" : "have \(what)") + ": " + list()
        }
        if eligible.allSatisfy({ isTooSmall($0) || isFull($0) }) {
            let adjective = eligible.contains(where: isTooSmall) ? "are full or too small" : "are full"
            return count(eligible.count, eligible.count == 1 ? (isTooSmall(eligible[0]) ? "is too small" : "is full") : adjective)
                + ": " + list()
        }
        let shown = list()
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
