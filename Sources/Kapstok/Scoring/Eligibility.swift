/// A hard rule that can exclude a mentor for a mentee.
public enum ExclusionRule: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The mentee and the mentor are one person: the same id in mentees.csv and mentors.csv
    /// (tiered programs). Always on.
    case samePerson = "same_person"
    /// The mentor is the mentee's manager or above them in the manager chain.
    case managerChain = "manager_chain"
    /// The mentor's grade is not at least the mentee's grade plus `min_grade_gap`.
    case gradeGap = "grade_gap"
    /// Both list languages and share none.
    case sharedLanguage = "shared_language"
    /// The pair appears in `history.csv` and `avoid_repeat` is on.
    case repeatPair = "avoid_repeat"
    /// A `forbid` rule in `constraints.csv`.
    case forbidden = "forbid"
    /// In scores mode: the pair is not listed in `scores.csv`.
    case notScored = "not_scored"
    /// The mentee has a `require` rule with another mentor.
    case requiredElsewhere = "required_elsewhere"

    public static func < (lhs: ExclusionRule, rhs: ExclusionRule) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// A short phrase for reports: "manager chain", "grade gap", …
    public var phrase: String {
        switch self {
        case .samePerson: "same person"
        case .managerChain: "manager chain"
        case .gradeGap: "grade gap"
        case .sharedLanguage: "no shared language"
        case .repeatPair: "paired before"
        case .forbidden: "forbidden"
        case .notScored: "not in scores"
        case .requiredElsewhere: "required with another mentor"
        }
    }
}

/// The hard rules of a round, prepared for fast checks of every pair.
///
/// Indices are 0-based positions in ``Round/mentors`` and ``Round/mentees``.
///
/// Eligibility is the one place that decides whether a pair breaks a hard rule:
/// ``ruleViolations(mentee:mentor:)``, with ``excludeDisallowed(mentee:scores:)`` its bulk form.
/// The scoring, the explanations and the loader's checks of `require` rules all ask it.
public struct Eligibility: Sendable {
    let rules: Configuration.Rules
    /// Who manages whom, across the people files and org.csv.
    public let chart: ManagerChart
    /// For each mentee who is also a mentor (same id in both files), that mentor's index.
    let sameMentor: [Int: Int]
    /// For each mentee, the mentors above them in the manager chain (sorted indices).
    let chainMentors: [[Int]]
    let menteeGrades: [Int?]
    let mentorGrades: [Int?]
    /// Language sets as bit masks over the round's languages, `words` words per person;
    /// an all-zero mask means "no languages listed".
    let words: Int
    let menteeLanguages: [UInt64]
    let mentorLanguages: [UInt64]
    /// Pairs excluded by history and forbid rules, keyed `i·mentors + j`.
    let pairExclusions: [Int: [ExclusionRule]]
    /// For each mentee, the mentors excluded by history or forbid rules (unsorted, may repeat).
    let pairExcludedMentors: [[Int]]
    /// For each mentee with a `require` rule, the required mentor.
    public let requiredMentor: [Int: Int]
    let mentorCount: Int

    public init(round: Round) {
        rules = round.configuration.rules
        mentorCount = round.mentors.count
        let mentorIndex = Dictionary(round.mentors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let menteeIndex = Dictionary(round.mentees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

        let chart = ManagerChart(round: round)
        self.chart = chart
        chainMentors = chart.values(above: round.mentees.map(\.id), in: mentorIndex)
        var same: [Int: Int] = [:]
        for (i, mentee) in round.mentees.enumerated() {
            if let j = mentorIndex[mentee.id] { same[i] = j }
        }
        sameMentor = same
        menteeGrades = round.mentees.map(\.grade)
        mentorGrades = round.mentors.map(\.grade)

        // Languages compare case-insensitively: `NL` and `nl` are one bit.
        var vocabulary: [String: Int] = [:]
        for language in (round.mentees.flatMap(\.languages) + round.mentors.flatMap(\.languages)).map({ $0.lowercased() }).sorted()
        where vocabulary[language] == nil {
            vocabulary[language] = vocabulary.count
        }
        let words = max(1, (vocabulary.count + 63) / 64)
        self.words = words
        func masks(_ lists: [[String]]) -> [UInt64] {
            var result = [UInt64](repeating: 0, count: lists.count * words)
            for (person, languages) in lists.enumerated() {
                for language in languages {
                    guard let bit = vocabulary[language.lowercased()] else { continue }
                    result[person * words + bit / 64] |= 1 << UInt64(bit % 64)
                }
            }
            return result
        }
        menteeLanguages = masks(round.mentees.map(\.languages))
        mentorLanguages = masks(round.mentors.map(\.languages))

        var exclusions: [Int: [ExclusionRule]] = [:]
        let mentors = round.mentors.count
        if rules.avoidRepeat {
            for entry in round.history {
                guard let i = menteeIndex[entry.menteeID], let j = mentorIndex[entry.mentorID] else { continue }
                if !(exclusions[i * mentors + j]?.contains(.repeatPair) ?? false) {
                    exclusions[i * mentors + j, default: []].append(.repeatPair)
                }
            }
        }
        var required: [Int: Int] = [:]
        for rule in round.rules {
            guard let i = menteeIndex[rule.menteeID], let j = mentorIndex[rule.mentorID] else { continue }
            switch rule.kind {
            case .forbid: exclusions[i * mentors + j, default: []].append(.forbidden)
            case .require: required[i] = j
            }
        }
        requiredMentor = required
        pairExclusions = exclusions
        var perMentee = [[Int]](repeating: [], count: round.mentees.count)
        for key in exclusions.keys { perMentee[key / max(1, mentors)].append(key % max(1, mentors)) }
        pairExcludedMentors = perMentee
    }

    /// Sets `scores[j]` to `-infinity` for every mentor `j` the hard rules exclude for mentee `i`:
    /// the bulk form of ``isAllowed(mentee:mentor:)``, one pass per mentee.
    public func excludeDisallowed(mentee i: Int, scores: UnsafeMutableBufferPointer<Float>) {
        if let required = requiredMentor[i] {
            for j in 0..<scores.count where j != required { scores[j] = -.infinity }
            if sameMentor[i] == required { scores[required] = -.infinity }
            return
        }
        if let gap = rules.minGradeGap, let grade = menteeGrades[i] {
            for j in 0..<scores.count {
                if let mentor = mentorGrades[j], mentor < grade + gap { scores[j] = -.infinity }
            }
        }
        if rules.sharedLanguage {
            for j in 0..<scores.count where !sharesLanguage(mentee: i, mentor: j) { scores[j] = -.infinity }
        }
        if rules.managerChain {
            for j in chainMentors[i] { scores[j] = -.infinity }
        }
        for j in pairExcludedMentors[i] { scores[j] = -.infinity }
        if let j = sameMentor[i] { scores[j] = -.infinity }
    }

    /// Whether a mentee may be paired with a mentor under every hard rule (the bulk form is
    /// ``excludeDisallowed(mentee:scores:)``).
    public func isAllowed(mentee i: Int, mentor j: Int) -> Bool {
        exclusions(mentee: i, mentor: j).isEmpty
    }

    /// Every rule that excludes this pair, in a fixed order; empty when the pair is allowed.
    ///
    /// A required pair is reported as allowed here even if another rule would exclude it (the
    /// loader reports such rules as input errors), except a person paired with themselves.
    public func exclusions(mentee i: Int, mentor j: Int) -> [ExclusionRule] {
        if sameMentor[i] == j { return [.samePerson] }
        if let required = requiredMentor[i] { return required == j ? [] : [.requiredElsewhere] }
        return ruleViolations(mentee: i, mentor: j)
    }

    /// The hard rules (same person, manager chain, grade, language, history, forbid) a pair breaks, ignoring
    /// `require` rules.
    public func ruleViolations(mentee i: Int, mentor j: Int) -> [ExclusionRule] {
        var found: [ExclusionRule] = []
        if sameMentor[i] == j { found.append(.samePerson) }
        if rules.managerChain && chainMentors[i].contains(j) { found.append(.managerChain) }
        if let gap = rules.minGradeGap, let mentee = menteeGrades[i], let mentor = mentorGrades[j], mentor < mentee + gap {
            found.append(.gradeGap)
        }
        if rules.sharedLanguage && !sharesLanguage(mentee: i, mentor: j) { found.append(.sharedLanguage) }
        found += pairExclusions[i * mentorCount + j] ?? []
        return found.sorted()
    }

    @inline(__always)
    func sharesLanguage(mentee i: Int, mentor j: Int) -> Bool {
        var menteeAny: UInt64 = 0
        var mentorAny: UInt64 = 0
        for w in 0..<words {
            let a = menteeLanguages[i * words + w]
            let b = mentorLanguages[j * words + w]
            if a & b != 0 { return true }
            menteeAny |= a
            mentorAny |= b
        }
        return menteeAny == 0 || mentorAny == 0
    }
}
