extension Eligibility {
    /// The `require` rules of `round` that cannot hold, in rule order: the pair breaks a hard
    /// rule (the same person on both sides included), is missing from `scores.csv` in scores
    /// mode, or the required pairs give a mentor more load than its capacity. Rules naming an
    /// unknown person are skipped (the loader reports those).
    ///
    /// The loader calls this once every file is read, so these problems are reported at their
    /// cell in constraints.csv together with every other input error; ``PreparedRound`` calls
    /// it again as a defence for rounds made in code.
    ///
    /// - Parameters:
    ///   - round: the round this eligibility was built from.
    ///   - capacity: each mentor's capacity, defaults applied.
    public func impossibleRequirements(in round: Round, capacity: [Double]) -> [RoundError.Problem] {
        let requires = round.rules.filter { $0.kind == .require }
        guard !requires.isEmpty else { return [] }
        let menteeIndex = Dictionary(round.mentees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let mentorIndex = Dictionary(round.mentors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // The scores.csv entries of the required pairs only.
        var scored: [String: [String: ScoreEntry]] = [:]
        if let scores = round.scores {
            let wanted = Set(requires.map(\.menteeID))
            for entry in scores where wanted.contains(entry.menteeID) { scored[entry.menteeID, default: [:]][entry.mentorID] = entry }
        }
        var problems: [RoundError.Problem] = []
        var used = [Double](repeating: 0, count: round.mentors.count)
        for rule in requires {
            guard let i = menteeIndex[rule.menteeID], let j = mentorIndex[rule.mentorID] else { continue }
            let pair = "required pair '\(rule.menteeID)' – '\(rule.mentorID)'"
            let broken = ruleViolations(mentee: i, mentor: j)
            if !broken.isEmpty {
                let details = broken.map { detail(of: $0, mentee: i, mentor: j, in: round) }.joined(separator: "; ")
                problems.append(.init(rule: rule, message: "\(pair) breaks a hard rule: \(details)"))
                continue
            }
            var load = 1.0
            if round.scores != nil {
                guard let entry = scored[rule.menteeID]?[rule.mentorID] else {
                    problems.append(.init(rule: rule, message: "\(pair) has no score in scores.csv"))
                    continue
                }
                load = entry.load
            }
            used[j] += load
            if used[j] > capacity[j] + 1e-9 {
                problems.append(.init(
                    rule: rule,
                    message: "required pairs give mentor '\(rule.mentorID)' more than its capacity \(Format.number(capacity[j]))"))
            }
        }
        return problems
    }
}
