extension PreparedRound {
    /// Why a rule excludes a pair, in words that name the people and the data behind it:
    /// "'M2' is the manager of 'E4'", "paired before (2026-Q1)", "forbidden: conflict of interest".
    public func detail(of rule: ExclusionRule, mentee i: Int, mentor j: Int) -> String {
        let mentee = round.mentees[i]
        let mentor = round.mentors[j]
        switch rule {
        case .managerChain:
            let chain = managerChain(from: mentee.id, to: mentor.id)
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
            let other = eligibility.requiredMentor[i].map { round.mentors[$0].id } ?? "?"
            return "'\(mentee.id)' is required with '\(other)'"
        }
    }

    /// The ids from a person up their `manager_id` chain to `target` (inclusive), or just the two
    /// ends when the chain does not reach it.
    func managerChain(from start: String, to target: String) -> [String] {
        var managerOf: [String: String] = [:]
        for mentee in round.mentees { if let manager = mentee.managerID { managerOf[mentee.id] = manager } }
        for mentor in round.mentors { if let manager = mentor.managerID { managerOf[mentor.id] = manager } }
        var chain = [start]
        var seen: Set<String> = [start]
        var next = managerOf[start]
        while let id = next, seen.insert(id).inserted {
            chain.append(id)
            if id == target { return chain }
            next = managerOf[id]
        }
        return [start, target]
    }
}
