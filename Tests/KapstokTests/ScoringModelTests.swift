import Kapstok
import Testing

@Suite struct ScoringModelTests {
    /// One mentee, one mentor, worked by hand from DESIGN.md's formula.
    @Test func scoreFollowsTheFormula() throws {
        let framework = Framework(items: [
            FrameworkItem(id: "leader.vision", name: "Vision", kind: .competency, group: "leader", weight: 2),
            FrameworkItem(id: "coach.develop", name: "Developing", kind: .competency, group: "coach", weight: 1),
            FrameworkItem(id: "domain.finance", name: "Finance", kind: .domain, group: "", weight: 1),
            FrameworkItem(id: "domain.people", name: "People", kind: .domain, group: "", weight: 1),
        ])
        // Gaps: vision 4−1 = 3, develop 3−2 = 1. Mentor covers vision 2 of 3 (level 3), develop fully.
        // CF = (2·3·(2/3) + 1·1·1) / (2·3 + 1·1) = 5/7.
        // DF = (1·4·5 + 1·1·2) / (5·(4 + 1)) = 22/25.
        // score = 100·(0.7·5/7 + 0.3·22/25) = 100·(0.5 + 0.264) = 76.4.
        let mentee = Mentee(id: "E1", name: "A", currentLevels: [1, 2], targetLevels: [nil, 3], domainInterest: [4, 1])
        let mentor = Mentor(id: "M1", name: "B", competencyLevels: [3, 5], domainExpertise: [5, 2])
        let round = Round(framework: framework, mentors: [mentor], mentees: [mentee])
        let model = ScoringModel(round: round)
        #expect(abs(model.score(mentee: 0, mentor: 0) - 76.4) < 1e-4)
        let terms = model.breakdown(mentee: 0, mentor: 0)
        #expect(abs(terms.map(\.points).reduce(0, +) - 76.4) < 1e-9)
        #expect(model.reason(mentee: 0, mentor: 0, limit: 2) == "covers 2 of 3 levels on Vision; strong in Finance")
    }

    @Test func noGapAndNoInterestScoreZero() {
        let mentee = Mentee(
            id: "E1", name: "A", currentLevels: [Int](repeating: 5, count: 9), targetLevels: [Int?](repeating: 4, count: 9),
            domainInterest: [0, 0, 0, 0, 0])
        let mentor = Mentor(id: "M1", name: "B", competencyLevels: [Int](repeating: 5, count: 9), domainExpertise: [5, 5, 5, 5, 5])
        let model = ScoringModel(round: Round(mentors: [mentor], mentees: [mentee]))
        #expect(model.score(mentee: 0, mentor: 0) == 0)
        #expect(model.reason(mentee: 0, mentor: 0) == "covers none of the mentee's gaps or interests")
    }

    /// Scores stay in [0, 100], and the bulk path gives the very values of the single-pair path.
    @Test(arguments: [UInt64(1), 7, 42])
    func scoresStayInRangeAndPathsAgree(seed: UInt64) {
        let round = RoundGenerator(mentees: 50, mentors: 20, seed: seed).makeRound()
        let model = ScoringModel(round: round)
        var row = [Float](repeating: 0, count: round.mentors.count)
        for i in 0..<round.mentees.count {
            row.withUnsafeMutableBufferPointer { model.scoreAllMentors(mentee: i, into: $0) }
            for j in 0..<round.mentors.count {
                let score = model.score(mentee: i, mentor: j)
                #expect(score >= 0 && score <= 100)
                #expect(score == Double(row[j]))
            }
        }
    }
}

@Suite struct EligibilityTests {
    static let round: Round = {
        var configuration = Configuration()
        configuration.rules.minGradeGap = 2
        let mentors = [
            Mentor(id: "CEO", name: "Chief", grade: 16, languages: ["nl", "fr"]),
            Mentor(id: "M1", name: "Boss", grade: 14, languages: ["nl"], managerID: "CEO"),
            Mentor(id: "M2", name: "Peer", grade: 12, languages: ["fr"]),
            Mentor(id: "M3", name: "Other", grade: 15, languages: ["en"]),
            Mentor(id: "M4", name: "Old", grade: 15),
        ]
        let mentees = [Mentee(id: "E1", name: "Mentee", grade: 11, languages: ["nl", "en"], managerID: "M1")]
        return Round(
            mentors: mentors, mentees: mentees, rules: [PairRule(menteeID: "E1", mentorID: "M3", kind: .forbid)],
            history: [HistoryEntry(menteeID: "E1", mentorID: "M4")], configuration: configuration)
    }()

    @Test func eachRuleExcludesWhatItShould() {
        let eligibility = Eligibility(round: Self.round)
        #expect(eligibility.ruleViolations(mentee: 0, mentor: 0) == [.managerChain])  // CEO is above M1
        #expect(eligibility.ruleViolations(mentee: 0, mentor: 1) == [.managerChain])  // direct manager
        #expect(eligibility.ruleViolations(mentee: 0, mentor: 2) == [.gradeGap, .sharedLanguage])
        #expect(eligibility.ruleViolations(mentee: 0, mentor: 3) == [.forbidden])
        #expect(eligibility.ruleViolations(mentee: 0, mentor: 4) == [.repeatPair])
        for j in 0..<5 { #expect(!eligibility.isAllowed(mentee: 0, mentor: j)) }
    }

    @Test func rulesSwitchOff() {
        var round = Self.round
        round.configuration.rules = Configuration.Rules()
        round.configuration.rules.managerChain = false
        round.configuration.rules.minGradeGap = nil
        round.configuration.rules.sharedLanguage = false
        round.configuration.rules.avoidRepeat = false
        let eligibility = Eligibility(round: round)
        #expect(eligibility.isAllowed(mentee: 0, mentor: 0))
        #expect(eligibility.isAllowed(mentee: 0, mentor: 2))
        #expect(eligibility.isAllowed(mentee: 0, mentor: 4))
        #expect(!eligibility.isAllowed(mentee: 0, mentor: 3))  // forbid is not a switchable rule
    }

    @Test func unmatchedReasonNamesTheRules() throws {
        let prepared = try PreparedRound(round: Self.round)
        let result = try prepared.solve(using: DenseOnly(), options: PairingOptions())
        #expect(result.pairs.isEmpty)
        #expect(result.unmatched.first?.reason
            == "no eligible mentor: manager chain excludes 'CEO', 'M1'; grade gap excludes 'M2'; no shared language excludes 'M2'; paired before excludes 'M4'; forbidden excludes 'M3'")
    }

    @Test func requiredPairBreakingARuleIsAnInputError() {
        var round = Self.round
        round.rules.append(PairRule(menteeID: "E1", mentorID: "M1", kind: .require))
        #expect(throws: RoundError.self) { try PreparedRound(round: round) }
    }
}
