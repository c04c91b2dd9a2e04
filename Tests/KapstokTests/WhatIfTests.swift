import GLPKSolver
import Kapstok
import Testing

/// `--vary` settings: parsing with ranges, their effect on a copy of the round, and the what-if
/// runs of the optimiser, on tiny rounds whose results are worked out by hand.
@Suite struct WhatIfTests {
    @Test func parsesEverySetting() throws {
        let gap = try Variation.parse("min_grade_gap=0,off, 2")
        #expect(gap.setting == .minGradeGap)
        #expect(gap.values.map(\.value) == [.gradeGap(0), .gradeGap(nil), .gradeGap(2)])
        #expect(gap.values.map(\.text) == ["0", "off", "2"])
        let capacity = try Variation.parse("capacity=+1,-1,=3,2.5")
        #expect(capacity.values.map(\.value) == [.capacityShift(1), .capacityShift(-1), .capacitySet(3), .capacitySet(2.5)])
        #expect(try Variation.parse("shared_language=false,true").values.map(\.value) == [.flag(false), .flag(true)])
        #expect(try Variation.parse("domain_weight=0.1,0.3,0").values.map(\.value) == [.number(0.1), .number(0.3), .number(0)])
        #expect(try Variation.parse("objective=fair").values.map(\.value) == [.objective(.fair)])
        #expect(try Variation.parse("default_capacity=1").values.map(\.value) == [.number(1)])
    }

    @Test(arguments: [
        ("grade_gap=1", "unknown setting 'grade_gap'; settings: min_grade_gap, capacity, default_capacity"),
        ("min_grade_gap", "--vary needs name=value[,value…]"),
        ("min_grade_gap=1.5", "'1.5' is not an integer from -1000 to 1000, or off"),
        ("min_grade_gap=1001", "'1001' is not an integer from -1000 to 1000, or off"),
        ("min_grade_gap=1,", "empty value is not"),
        ("capacity=+0", "'+0' is not +k or -k (k a number > 0 and ≤ 1000)"),
        ("capacity=0", "'0' is not +k or -k"),
        ("capacity=+1e3", "'+1e3' is not"),
        ("domain_weight=-0.1", "'-0.1' is not a number from 0 to 1000"),
        ("domain_weight=1001", "'1001' is not a number from 0 to 1000"),
        ("shared_language=no", "'no' is not true or false"),
        ("objective=max", "'max' is not total or fair"),
    ])
    func rejectsBadText(text: String, message: String) {
        #expect {
            try Variation.parse(text)
        } throws: { error in
            (error as? VariationError)?.message.contains(message) == true
        }
    }

    @Test func rejectsTooManyValues() {
        let text = "domain_weight=" + (0...50).map(String.init).joined(separator: ",")
        #expect(throws: VariationError.self) { try Variation.parse(text) }
    }

    /// M1 capacity 1, M2 without one (default 2).
    static func capacityRound() -> Round {
        Round(
            mentors: [Mentor(id: "M1", name: "M1", capacity: 1), Mentor(id: "M2", name: "M2")],
            mentees: [Mentee(id: "E1", name: "E1")],
            scores: [ScoreEntry(menteeID: "E1", mentorID: "M1", score: 5)])
    }

    @Test func capacityChangesEveryMentor() throws {
        let round = Self.capacityRound()
        // +1: 1 → 2 and the default 2 → 3; -1: 1 → 0 and 2 → 1; =3: both 3.
        #expect(try round.applying(.capacity, .capacityShift(1)).mentors.map(\.capacity) == [2, 3])
        #expect(try round.applying(.capacity, .capacityShift(-1)).mentors.map(\.capacity) == [0, 1])
        #expect(try round.applying(.capacity, .capacitySet(3)).mentors.map(\.capacity) == [3, 3])
        // default_capacity reaches only M2.
        let defaults = try round.applying(.defaultCapacity, .number(4))
        #expect(try PreparedRound(round: defaults).capacity == [1, 4])
    }

    @Test func rulesAndWeightsChangeTheConfiguration() throws {
        let round = Self.capacityRound()
        #expect(try round.applying(.minGradeGap, .gradeGap(nil)).configuration.rules.minGradeGap == nil)
        #expect(try round.applying(.sharedLanguage, .flag(false)).configuration.rules.sharedLanguage == false)
        #expect(try round.applying(.managerChain, .flag(false)).configuration.rules.managerChain == false)
        #expect(try round.applying(.avoidRepeat, .flag(false)).configuration.rules.avoidRepeat == false)
        #expect(try round.applying(.objective, .objective(.fair)).configuration.pairing.objective == .fair)
        // A weight in scores mode would change nothing: refused.
        #expect(throws: VariationError.self) { try round.applying(.domainWeight, .number(0.5)) }
        // Without scores.csv: α = 0 with β = 0.3 is fine; both 0 is not.
        var model = round
        model.scores = nil
        #expect(try model.applying(.domainWeight, .number(0.5)).configuration.scoring.domainWeight == 0.5)
        let noCompetency = try model.applying(.competencyWeight, .number(0))
        #expect(throws: VariationError.self) { try noCompetency.applying(.domainWeight, .number(0)) }
    }

    /// Grades: E1 10, E2 12; M1 11, M2 13, capacities 1; scores mode.
    ///
    ///          M1   M2
    ///     E1    9    4
    ///     E2    8    6
    ///
    /// min_grade_gap 1 (default): E1–M1 (11 ≥ 11), E1–M2, E2–M2 (13 ≥ 13) allowed, E2–M1 not
    /// (11 < 13). Optimum: E1–M1 + E2–M2 = 15. With gap 0 every pair is allowed: still 15
    /// (9 + 6 beats 4 + 8 = 12). With gap 2 only E1–M2 (13 ≥ 12): 4, one mentee matched.
    static func gradeRound() -> Round {
        Round(
            mentors: [Mentor(id: "M1", name: "M1", grade: 11, capacity: 1), Mentor(id: "M2", name: "M2", grade: 13, capacity: 1)],
            mentees: [Mentee(id: "E1", name: "E1", grade: 10), Mentee(id: "E2", name: "E2", grade: 12)],
            rules: [],
            scores: [
                ScoreEntry(menteeID: "E1", mentorID: "M1", score: 9), ScoreEntry(menteeID: "E1", mentorID: "M2", score: 4),
                ScoreEntry(menteeID: "E2", mentorID: "M1", score: 8), ScoreEntry(menteeID: "E2", mentorID: "M2", score: 6),
            ])
    }

    @Test func whatIfRunsTheOptimiserPerValue() throws {
        let prepared = try PreparedRound(round: Self.gradeRound())
        #expect(prepared.table.allowedCount == 3)
        let runs = try prepared.whatIf([try Variation.parse("min_grade_gap=0,2"), try Variation.parse("capacity=-1")], solver: GLPKSolver())
        #expect(runs.map(\.setting) == ["baseline", "min_grade_gap", "min_grade_gap", "capacity"])
        #expect(runs.map(\.value) == ["baseline", "0", "2", "-1"])
        #expect(runs.map(\.isBaseline) == [true, false, false, false])
        #expect(runs[0].run?.metrics.totalScore == 15 && runs[0].run?.metrics.matched == 2)
        #expect(runs[1].run?.metrics.totalScore == 15 && runs[1].run?.metrics.matched == 2)
        #expect(runs[2].run?.metrics.totalScore == 4 && runs[2].run?.metrics.matched == 1)
        // capacity −1: both mentors at 0, nobody matched (no require rule, so not impossible).
        #expect(runs[3].run?.metrics.matched == 0 && runs[3].problem == nil)
        #expect(runs.allSatisfy { $0.run?.result.strategy == "optimal" })
    }

    @Test func aSettingThatBreaksARequireRuleIsAProblemNotACrash() throws {
        var round = Self.gradeRound()
        round.rules = [PairRule(menteeID: "E1", mentorID: "M1", kind: .require)]
        let prepared = try PreparedRound(round: round)
        // min_grade_gap 2 forbids E1–M1 (11 < 12), which E1 must have.
        let runs = try prepared.whatIf([try Variation.parse("min_grade_gap=2,1")], solver: GLPKSolver())
        #expect(runs.count == 3)
        #expect(runs[1].run == nil)
        #expect(runs[1].problem?.contains("E1") == true)
        #expect(runs[2].run?.metrics.totalScore == 15)
    }
}
