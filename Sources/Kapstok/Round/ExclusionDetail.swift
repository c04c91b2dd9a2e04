extension PreparedRound {
    /// Why a rule excludes a pair, in words that name the people and the data behind it:
    /// "'M2' is the manager of 'E4'", "paired before (2026-Q1)", "forbidden: conflict of interest".
    public func detail(of rule: ExclusionRule, mentee i: Int, mentor j: Int) -> String {
        eligibility.detail(of: rule, mentee: i, mentor: j, in: round)
    }
}

extension Eligibility {
    /// Why a rule excludes a pair of `round` (the round this eligibility was built from), in
    /// words that name the people and the data behind it.
    public func detail(of rule: ExclusionRule, mentee i: Int, mentor j: Int, in round: Round) -> String {
        let mentee = round.mentees[i]
        let mentor = round.mentors[j]
        switch rule {
        case .samePerson:
            return "'\(mentee.id)' is both the mentee and the mentor (the same person in mentors.csv and mentees.csv)"
        case .managerChain:
            let chain = chart.path(from: mentee.id, to: mentor.id) ?? [mentee.id, mentor.id]
            if chain.count <= 2 { return "'\(mentor.id)' is the manager of '\(mentee.id)'" }
            return "'\(mentor.id)' is above '\(mentee.id)' in the manager chain (\(chain.joined(separator: " → ")))"
        case .gradeGap:
            let gap = round.configuration.rules.minGradeGap ?? 0
            let needed = (mentee.grade ?? 0) + gap
            return "'\(mentor.id)' has grade \(mentor.grade ?? 0), below the \(needed) needed "
                + "(mentee grade \(mentee.grade ?? 0) + min_grade_gap \(gap))"
        case .sharedLanguage:
            return "no shared language ('\(mentee.id)' speaks \(mentee.languages.joined(separator: ", ")); "
                + "'\(mentor.id)' speaks \(mentor.languages.joined(separator: ", ")))"
        case .repeatPair:
            let rounds = round.history.filter { $0.menteeID == mentee.id && $0.mentorID == mentor.id }.compactMap(\.round)
            return rounds.isEmpty ? "paired before" : "paired before (\(rounds.joined(separator: ", ")))"
        case .forbidden:
            let reason = round.rules.first {
                $0.kind == .forbid && $0.menteeID == mentee.id && $0.mentorID == mentor.id
            }?.reason
            return reason.map { "forbidden: \($0)" } ?? "forbidden in constraints.csv"
        case .notScored:
            return "no score in scores.csv"
        case .requiredElsewhere:
            let other = requiredMentor[i].map { round.mentors[$0].id } ?? "?"
            return "'\(mentee.id)' is required with '\(other)'"
        }
    }
}
