import Kapstok
import Testing

/// The `[scoring] preference_weight` bonus for a mentee's stated choices.
@Suite struct PreferenceBonusTests {
    /// One competency (weight 1) and one domain nobody is interested in, so score = 70·CF.
    /// E1: current 1, target 3 (gap 2). M1 level 3 covers it fully: 70. M2 level 2 covers 1 of 2:
    /// 35. M3 level 1 covers nothing: 0. E1 states M3 then M2 (L = 2).
    static func round(weight: Double, stated: StatedPreferences? = nil) -> Round {
        let framework = Framework(items: [
            FrameworkItem(id: "leader.vision", name: "Vision", kind: .competency, group: "leader", weight: 1),
            FrameworkItem(id: "domain.finance", name: "Finance", kind: .domain, group: "", weight: 1),
        ])
        var configuration = Configuration()
        configuration.scoring.preferenceWeight = weight
        let mentees = ["E1", "E2"].map { Mentee(id: $0, name: $0, currentLevels: [1], targetLevels: [3], domainInterest: [0]) }
        let mentors = [3, 2, 1].enumerated().map { j, level in
            Mentor(id: "M\(j + 1)", name: "M\(j + 1)", capacity: 1, competencyLevels: [level], domainExpertise: [0])
        }
        return Round(
            framework: framework, mentors: mentors, mentees: mentees, configuration: configuration,
            preferences: stated ?? StatedPreferences(mentees: ["E1": ["M3", "M2"]], mentors: ["M1": ["E2"]]))
    }

    @Test func formulaOfTheBonus() {
        // w·(L − r + 1)/L with w = 30, L = 4: 30, 22.5, 15, 7.5.
        #expect((1...4).map { PreferenceBonus(weight: 30, choice: $0, of: 4).points } == [30, 22.5, 15, 7.5])
        #expect(PreferenceBonus(weight: 30, choice: 1, of: 1).points == 30)
        #expect((1...4).map { PreferenceBonus(weight: 0, choice: $0, of: 4).points } == [0, 0, 0, 0])
        #expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(Format.ordinal) == [
            "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th", "112th",
        ])
    }

    /// w = 80: M3 (1st of 2) 0 + 80·2/2 = 80; M2 (2nd of 2) 35 + 80·1/2 = 75; M1 unstated 70.
    /// The stated order now beats the fit: M3, M2, M1. E2 and mentor lists gain nothing.
    @Test func bonusOnAHandComputedRound() throws {
        let prepared = try PreparedRound(round: Self.round(weight: 80))
        let model = try #require(prepared.scoring)
        #expect([0, 1, 2].map { model.score(mentee: 0, mentor: $0) } == [70, 75, 80])
        #expect([0, 1, 2].map { model.score(mentee: 1, mentor: $0) } == [70, 35, 0])
        #expect([0, 1, 2].map { prepared.score(mentee: 0, mentor: $0) } == [70, 75, 80])
        #expect(model.preferenceBonus(mentee: 0, mentor: 1) == PreferenceBonus(weight: 80, choice: 2, of: 2))
        #expect(model.preferenceBonus(mentee: 0, mentor: 0) == nil)
        #expect(model.preferenceBonus(mentee: 1, mentor: 0) == nil)
        // Terms plus bonus sum to the score: 35 + 40.
        #expect(model.breakdown(mentee: 0, mentor: 1).map(\.points).reduce(0, +) + 40 == 75)
        #expect(prepared.reason(mentee: 0, mentor: 1) == "covers 1 of 2 levels on Vision; the mentee's 2nd of 2 stated choices (+40)")
        #expect(prepared.reason(mentee: 0, mentor: 2) == "covers none of the mentee's gaps or interests; the mentee's 1st of 2 stated choices (+80)")
        #expect(prepared.reason(mentee: 0, mentor: 0) == "covers the full 2-level gap on Vision")

        let explanation = prepared.explanation(mentee: 0)
        #expect(explanation.candidates.map(\.mentor) == [2, 1, 0])
        #expect(explanation.candidates.map(\.rank) == [1, 2, 3])
        #expect(explanation.candidates.map { $0.preference?.points } == [80, 40, nil])
    }

    /// With weight 0 nothing changes: the scores, reasons and explanations of the round without
    /// preferences, to the bit.
    @Test func weightZeroChangesNothing() throws {
        let with = try PreparedRound(round: Self.round(weight: 0))
        let without = try PreparedRound(round: Self.round(weight: 0, stated: StatedPreferences()))
        for i in 0..<2 {
            for j in 0..<3 {
                #expect(with.score(mentee: i, mentor: j)?.bitPattern == without.score(mentee: i, mentor: j)?.bitPattern)
                #expect(with.reason(mentee: i, mentor: j) == without.reason(mentee: i, mentor: j))
                #expect(with.scoring?.preferenceBonus(mentee: i, mentor: j) == nil)
            }
        }
        #expect([0, 1, 2].map { with.score(mentee: 0, mentor: $0) } == [70, 35, 0])
    }

    /// Scores mode: the given scores stand, whatever the weight.
    @Test func scoresModeKeepsTheGivenScores() throws {
        var round = Self.round(weight: 80)
        round.scores = [ScoreEntry(menteeID: "E1", mentorID: "M2", score: 5), ScoreEntry(menteeID: "E1", mentorID: "M3", score: 6)]
        let prepared = try PreparedRound(round: round)
        #expect(prepared.score(mentee: 0, mentor: 1) == 5)
        #expect(prepared.score(mentee: 0, mentor: 2) == 6)
        #expect(prepared.reason(mentee: 0, mentor: 2) == "score 6 from scores.csv, rank 1 of 2 candidates")
    }

    /// On generated rounds with random stated lists: every pair's score is the fit plus exactly
    /// w·(L − r + 1)/L for the r-th of a mentee's L stated mentors (each counted once, unknown
    /// ids skipped) and nothing for the rest; the bulk path gives the single-pair values.
    @Test(arguments: [UInt64(3), 11, 29])
    func bonusIsAddedToStatedPairsOnly(seed: UInt64) throws {
        var round = RoundGenerator(mentees: 40, mentors: 15, seed: seed).makeRound()
        let plain = ScoringModel(round: round)
        var random = SplitMix64(seed: seed)
        var stated = StatedPreferences()
        for mentee in round.mentees where random.chance(perMille: 600) {
            var list = (0..<random.uniform(in: 1...5)).map { _ in round.mentors[random.uniform(below: round.mentors.count)].id }
            if random.chance(perMille: 200) { list.append("nobody") }
            stated.mentees[mentee.id] = list
        }
        round.preferences = stated
        round.configuration.scoring.preferenceWeight = 12.5
        let model = ScoringModel(round: round)
        var row = [Float](repeating: 0, count: round.mentors.count)
        for (i, mentee) in round.mentees.enumerated() {
            var distinct: [String] = []
            for id in stated.mentees[mentee.id] ?? [] where id != "nobody" && !distinct.contains(id) { distinct.append(id) }
            row.withUnsafeMutableBufferPointer { model.scoreAllMentors(mentee: i, into: $0) }
            for (j, mentor) in round.mentors.enumerated() {
                let expected = distinct.firstIndex(of: mentor.id).map { 12.5 * Double(distinct.count - $0) / Double(distinct.count) } ?? 0
                #expect(abs(model.score(mentee: i, mentor: j) - plain.score(mentee: i, mentor: j) - expected) < 1e-4)
                #expect((model.preferenceBonus(mentee: i, mentor: j)?.points ?? 0) == expected)
                #expect(model.score(mentee: i, mentor: j) == Double(row[j]))
            }
        }
    }

    /// The stable strategy on the round's own lists, with the bonus in the scores it falls back
    /// on: still no blocking pair under those lists.
    @Test(arguments: [UInt64(5), 17])
    func stableOnTheRoundsListsHasNoBlockingPair(seed: UInt64) throws {
        var round = RoundGenerator(mentees: 50, mentors: 18, seed: seed).makeRound()
        var random = SplitMix64(seed: seed &+ 99)
        for mentee in round.mentees where random.chance(perMille: 500) {
            round.preferences.mentees[mentee.id] = (0..<random.uniform(in: 1...4)).map { _ in round.mentors[random.uniform(below: round.mentors.count)].id }
        }
        for mentor in round.mentors where random.chance(perMille: 500) {
            round.preferences.mentors[mentor.id] = (0..<random.uniform(in: 1...6)).map { _ in round.mentees[random.uniform(below: round.mentees.count)].id }
        }
        round.configuration.scoring.preferenceWeight = 20
        let prepared = try PreparedRound(round: round)
        let result = try StableStrategy(stated: round.preferences).pair(prepared, options: StrategyOptions())
        let metrics = prepared.metrics(of: result, stated: round.preferences)
        #expect(metrics.blockingPairs == 0)
        #expect(metrics.matched > 0)
    }
}
