/// The score points a pair gains because the mentee stated the mentor as a choice.
///
/// With `[scoring] preference_weight` w > 0 and a mentee who states L mentors of the round
/// (preferences.csv, ordered by rank; the r-th of them, r = 1 best), the pair with the r-th
/// gains
///
///     bonus = w · (L − r + 1) / L
///
/// so the first choice gains w, each later one w/L less, the last w/L; a mentor not stated gains
/// nothing. The bonus is added to the model's score (then in [0, 100 + w]), so the optimiser,
/// the ranks, the reasons, `explain` and every bench metric see one number. The r and L follow
/// the order of the file, not the raw `rank` values (ranks 1, 3, 7 are the 1st, 2nd and 3rd of
/// 3), and they count every stated mentor of the round, also one the hard rules exclude (the
/// mentee's list is theirs; the rules decide separately). Only a mentee's choices give a bonus:
/// a mentor's ranking of mentees is used by the `stable` strategy and the metrics, not the score.
///
/// Not applied in scores mode: scores.csv is on the analyst's own scale, where w score points
/// mean nothing fixed; fold stated choices into those scores instead (the round loader warns).
public struct PreferenceBonus: Sendable, Hashable {
    /// Score points added to the pair: `w · (L − r + 1) / L`.
    public let points: Double
    /// r: the mentor's place in the mentee's stated list, 1 = first choice.
    public let choice: Int
    /// L: how many mentors of the round the mentee stated.
    public let choices: Int

    /// The bonus of the r-th of L choices with weight w.
    public init(weight: Double, choice: Int, of choices: Int) {
        precondition(choice >= 1 && choice <= choices, "a choice is 1…choices")
        points = weight * Double(choices - choice + 1) / Double(choices)
        self.choice = choice
        self.choices = choices
    }

    /// The bonus in words, for reasons and `explain`: "the mentee's 1st of 3 stated choices".
    public var phrase: String {
        choices == 1 ? "the mentee's only stated choice" : "the mentee's \(Format.ordinal(choice)) of \(choices) stated choices"
    }

    /// Per mentee index, the bonus by mentor index: the mentees' stated lists with weight w.
    /// Empty when w is 0 (every score stays exactly the model's).
    static func table(_ round: Round) -> [Int: [Int: PreferenceBonus]] {
        let weight = round.configuration.scoring.preferenceWeight
        guard weight > 0, !round.preferences.mentees.isEmpty else { return [:] }
        let mentorIndex = Dictionary(round.mentors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [Int: [Int: PreferenceBonus]] = [:]
        for (i, mentee) in round.mentees.enumerated() {
            guard let list = round.preferences.mentees[mentee.id] else { continue }
            var stated: [Int] = []
            var seen = Set<Int>()
            for id in list { if let j = mentorIndex[id], seen.insert(j).inserted { stated.append(j) } }
            guard !stated.isEmpty else { continue }
            var row: [Int: PreferenceBonus] = [:]
            for (position, j) in stated.enumerated() {
                row[j] = PreferenceBonus(weight: weight, choice: position + 1, of: stated.count)
            }
            result[i] = row
        }
        return result
    }
}

extension Format {
    /// `1st`, `2nd`, `3rd`, `4th`, `11th`, `12th`, `13th`, `21st`, `112th`.
    public static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }
}
