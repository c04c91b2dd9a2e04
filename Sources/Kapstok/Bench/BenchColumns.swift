extension BenchMetrics {
    /// Every figure as a named column, for bench.csv, bench.json and whatif files: ``fields``
    /// without `seconds`, then `nash_excluded`, `rank_1`, `rank_2`, `rank_3` (mentees who got
    /// their 1st, 2nd, 3rd choice), `coverage_<role>` per role and `coverage_domain_<id>` per
    /// domain (framework order; ``coverageName(role:)``, ``coverageName(domain:)``), and `seconds` last (the one figure that varies between runs).
    public var columns: [(name: String, value: Double?)] {
        var columns = fields.filter { $0.name != "seconds" }
        columns.append(("nash_excluded", Double(nashExcluded)))
        for r in 1...3 { columns.append(("rank_\(r)", Double(r <= rankCounts.count ? rankCounts[r - 1] : 0))) }
        for role in roleCoverage { columns.append((Self.coverageName(role: role.role), role.share)) }
        for domain in domainCoverage { columns.append((Self.coverageName(domain: domain.domain), domain.share)) }
        columns.append(("seconds", seconds))
        return columns
    }

    /// `coverage_leader` for role `leader`.
    public static func coverageName(role: String) -> String { "coverage_" + snake(role) }

    /// `coverage_domain_finance` for domain `domain.finance` (or `finance`).
    public static func coverageName(domain: String) -> String {
        "coverage_domain_" + snake(domain.hasPrefix("domain.") ? String(domain.dropFirst(7)) : domain)
    }

    /// Lower case, every character other than a letter or digit as `_`.
    private static func snake(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// Mean and sample standard deviation of every column (``columns``) over runs of one round.
    public static func columnSummary(of runs: [BenchMetrics]) -> [MetricSummary] {
        summary(table: runs.map(\.columns))
    }

    /// Mean and sample standard deviation per column of a table of rows with the same names.
    static func summary(table: [[(name: String, value: Double?)]]) -> [MetricSummary] {
        guard let first = table.first else { return [] }
        return first.indices.map { f in
            let values = table.compactMap { f < $0.count ? $0[f].value : nil }
            let mean = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
            var deviation: Double?
            if let mean, values.count >= 2 {
                deviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
            }
            return MetricSummary(name: first[f].name, count: values.count, mean: mean, standardDeviation: deviation)
        }
    }
}

/// One pair of a strategy's assignment, as `pairings-<strategy>.csv` lists it.
public struct BenchPair: Sendable, Equatable {
    public let mentee: Int
    public let mentor: Int
    /// `nil` for a given pair outside scores.csv.
    public let score: Double?
    /// The mentor's place in the mentee's score order of allowed mentors (1 = best, ties share);
    /// `nil` for a pair that is not allowed.
    public let rank: Int?
    /// Why the pair fits (as in `match`'s pairings.csv), or the rules it breaks.
    public let reason: String
}

extension PreparedRound {
    /// The pairs of an assignment in mentee order, scored, ranked and explained.
    public func pairs(of result: StrategyResult) -> [BenchPair] {
        let scores = BenchScores(self)
        var pairs: [BenchPair] = []
        for (i, mentor) in result.assignment.enumerated() {
            guard let j = mentor else { continue }
            let score = scores.score(mentee: i, mentor: j)
            if let entry = table.entry(mentee: i, mentor: j) {
                pairs.append(BenchPair(mentee: i, mentor: j, score: score, rank: rank(mentee: i, score: entry.score), reason: reason(mentee: i, mentor: j)))
            } else {
                var rules = eligibility.exclusions(mentee: i, mentor: j)
                if rules.isEmpty { rules = [.notScored] }
                pairs.append(BenchPair(mentee: i, mentor: j, score: score, rank: nil, reason: "not allowed: " + rules.map(\.phrase).joined(separator: ", ")))
            }
        }
        return pairs
    }

    /// A given pair's problems in words: `E12 – M03: manager chain, over capacity 1`.
    public func describe(_ violation: PairViolation) -> String {
        var problems = violation.rules.map(\.phrase)
        if violation.overCapacity { problems.append("over capacity \(Format.number(capacity[violation.mentor]))") }
        if violation.duplicateMentee { problems.append("mentee paired twice (the first pair counts)") }
        return "\(round.mentees[violation.mentee].id) – \(round.mentors[violation.mentor].id): " + problems.joined(separator: ", ")
    }
}
