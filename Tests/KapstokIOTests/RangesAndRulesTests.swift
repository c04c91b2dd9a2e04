import Foundation
import Kapstok
import Testing

@testable import KapstokIO

/// Loads a round from in-memory files named `mentors.csv`, `mentees.csv`, …; returns the round
/// (nil on errors) and every diagnostic rendered.
private func load(
    mentors: String, mentees: String, scores: String? = nil, constraints: String? = nil, config: String? = nil,
    org: String? = nil
) -> (round: Round?, diagnostics: [String]) {
    let sources = RoundSources(
        mentors: .text(mentors, path: "mentors.csv"), mentees: .text(mentees, path: "mentees.csv"),
        scores: scores.map { .text($0, path: "scores.csv") }, constraints: constraints.map { .text($0, path: "constraints.csv") },
        configuration: config.map { .text($0, path: "kapstok.toml") }, org: org.map { .text($0, path: "org.csv") })
    do {
        let (round, warnings) = try RoundLoader().loadRound(sources)
        return (round, warnings.map(\.description))
    } catch {
        return (nil, error.diagnostics.map(\.description))
    }
}

@Suite struct NumberRangeTests {
    @Test func integerReadingTellsOverflowAndDecimalsApart() {
        #expect(NumberParsing.readInteger("03") == .integer(3))
        #expect(NumberParsing.readInteger("+3") == .integer(3))
        #expect(NumberParsing.readInteger("-12") == .integer(-12))
        #expect(NumberParsing.readInteger("99999999999999999999") == .tooLarge(negative: false))
        #expect(NumberParsing.readInteger("-99999999999999999999") == .tooLarge(negative: true))
        #expect(NumberParsing.readInteger("3.0") == .decimal)
        #expect(NumberParsing.readInteger("3,5") == .decimal)
        #expect(NumberParsing.readInteger("1e3") == .decimal)
        #expect(NumberParsing.readInteger("three") == .invalid)
        #expect(NumberParsing.readInteger("+") == .invalid)
        #expect(NumberParsing.readInteger("") == .invalid)
    }

    @Test func decimalsKeepTooLargeValuesForARangeMessage() {
        #expect(NumberParsing.decimal("1e400") == .infinity)
        #expect(NumberParsing.decimal("0,5", allowsDecimalComma: true) == 0.5)
        #expect(NumberParsing.decimal("nan") == nil)
        #expect(NumberParsing.decimal("inf") == nil)
    }

    @Test func rangesSayWhatTheyAccept() {
        #expect(Limits.capacity.description == "a number > 0 and ≤ 1000")
        #expect(Limits.score.description == "a number from -1000000000 to 1000000000")
        #expect(Limits.capacity.contains(1000) && !Limits.capacity.contains(1000.5) && !Limits.capacity.contains(0))
        #expect(Limits.scoringWeight.contains(0) && !Limits.scoringWeight.contains(.infinity))
        #expect(Limits.describe(Limits.level) == "0–5")
        #expect(Limits.describe(Limits.grade) == "-1000 to 1000")
        // grade + min_grade_gap cannot overflow anywhere in the accepted ranges.
        #expect(Limits.grade.upperBound + Limits.minGradeGap.upperBound == 2000)
    }

    @Test func pairCountIsOverflowSafe() {
        #expect(Limits.pairCount(mentees: 1000, mentors: 1000) == 1_000_000)
        #expect(Limits.pairCount(mentees: 40_000, mentors: 25_000) == 1_000_000_000)
        #expect(Limits.pairCount(mentees: 40_000, mentors: 25_001) == nil)
        #expect(Limits.pairCount(mentees: 60_000, mentors: 60_000) == nil)
        #expect(Limits.pairCount(mentees: Int.max, mentors: 3) == nil)
    }

    @Test func levelsReadLeadingZeroAndPlusAndRejectDecimalsAndOverflow() {
        let ids = Fixture.frameworkIDs
        let header = "id,name," + ids.joined(separator: ",")
        func row(_ id: String, first: String) -> String {
            "\(id),Ann,\(first)," + ids.dropFirst().map { _ in "4" }.joined(separator: ",")
        }
        let good = header + "\n" + row("M1", first: "03") + "\n" + row("M2", first: "+3") + "\n"
        var diagnostics = DiagnosticCollector()
        let mentors = PeopleLoader(framework: .builtIn).loadMentors(parsedTable(good, file: "mentors.csv")!, diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.isEmpty)
        #expect(mentors.map { $0.competencyLevels[0] } == [3, 3])

        let bad = header + "\n" + ["3.0", "3,5", "-1", "6", "99999999999999999999", "x"].enumerated()
            .map { row("M\($0.offset)", first: $0.element.contains(",") ? "\"\($0.element)\"" : $0.element) }
            .joined(separator: "\n") + "\n"
        let messages = rendered { _ = PeopleLoader(framework: .builtIn).loadMentors(parsedTable(bad, file: "mentors.csv")!, diagnostics: &$0) }
        #expect(messages == [
            "mentors.csv:2:8: error: invalid level '3.0' for 'leader.vision': a decimal (expected an integer 0–5)",
            "mentors.csv:3:8: error: invalid level '3,5' for 'leader.vision': a decimal (expected an integer 0–5)",
            "mentors.csv:4:8: error: level '-1' out of range 0–5 for 'leader.vision'",
            "mentors.csv:5:8: error: level '6' out of range 0–5 for 'leader.vision'",
            "mentors.csv:6:8: error: level '99999999999999999999' out of range 0–5 for 'leader.vision'",
            "mentors.csv:7:8: error: invalid level 'x' for 'leader.vision' (expected an integer 0–5)",
        ])
    }

    @Test func gradesCapacitiesScoresAndLoadsHaveRanges() {
        let result = load(
            mentors: "id,name,grade,capacity\nM1,Ann,9223372036854775807,999999999\nM2,Bob,-1001,1e300\nM3,Cy,1000,1000\n",
            mentees: "id,name,grade\nE1,Eva,-1000\n",
            scores: "mentee_id,mentor_id,score,load\nE1,M1,5e18,\nE1,M2,1e9,1001\nE1,M3,-1e9,1000\n")
        #expect(result.round == nil)
        #expect(result.diagnostics == [
            "mentors.csv:2:8: error: grade '9223372036854775807' out of range (expected an integer -1000 to 1000)",
            "mentors.csv:2:28: error: capacity '999999999' out of range (expected a number > 0 and ≤ 1000)",
            "mentors.csv:3:8: error: grade '-1001' out of range (expected an integer -1000 to 1000)",
            "mentors.csv:3:14: error: capacity '1e300' out of range (expected a number > 0 and ≤ 1000)",
            "scores.csv:2:7: error: score '5e18' out of range (expected a number from -1000000000 to 1000000000)",
            "scores.csv:3:11: error: load '1001' out of range (expected a number > 0 and ≤ 1000)",
        ])
    }

    @Test func capacityBelowOneHoldsNoMenteeWithoutScores() {
        let result = load(mentors: Fixture.mentors(rows: ["M1,Ann,0.5", "M2,Bob,1"]), mentees: Fixture.mentees(rows: ["E1,Eva"]))
        #expect(result.round != nil)
        #expect(result.diagnostics == [
            "mentors.csv:2:8: warning: capacity '0.5' is below 1 and holds no mentee (without scores.csv each mentee takes 1)"
        ])
        // With scores.csv a load may be 0.5, so the same capacity is fine.
        let scored = load(
            mentors: "id,name,capacity\nM1,Ann,0.5\n", mentees: "id,name\nE1,Eva\n",
            scores: "mentee_id,mentor_id,score,load\nE1,M1,10,0.5\n")
        #expect(scored.round != nil && scored.diagnostics.isEmpty, "\(scored.diagnostics)")
    }

    @Test func loadAboveCapacityIsAWarning() {
        let result = load(
            mentors: "id,name,capacity\nM1,Ann,2\nM2,Bob,\n", mentees: "id,name\nE1,Eva\nE2,Ed\n",
            scores: "mentee_id,mentor_id,score,load\nE1,M1,10,3\nE2,M2,10,2.5\nE2,M1,10,2\n",
            config: "[pairing]\ndefault_capacity = 2\n")
        #expect(result.round != nil)
        #expect(result.diagnostics == [
            "scores.csv:2:10: warning: load 3 exceeds mentor 'M1''s capacity 2: this pair can never be chosen",
            "scores.csv:3:10: warning: load 2.5 exceeds mentor 'M2''s capacity 2: this pair can never be chosen",
        ])
    }

    @Test func configurationNumbersHaveRanges() {
        let text = """
            [scoring]
            competency_weight = 1e308
            [rules]
            min_grade_gap = -1001
            [pairing]
            time_limit_seconds = 604801
            default_capacity = 1000
            [program]
            start = 2099-12-31
            end = 2100-01-01
            sessions = 53
            """
        let messages = rendered { _ = ConfigurationLoader.load(text: text, file: "kapstok.toml", diagnostics: &$0) }
        #expect(messages == [
            "kapstok.toml:2:21: error: invalid value '1e308' for 'competency_weight' (expected a number from 0 to 1000)",
            "kapstok.toml:4:17: error: invalid value '-1001' for 'min_grade_gap' (expected an integer -1000 to 1000, or false to switch the rule off)",
            "kapstok.toml:6:22: error: invalid value '604801' for 'time_limit_seconds' (expected a number > 0 and ≤ 604800)",
            "kapstok.toml:10:7: error: invalid value '2100-01-01' for 'end' (expected a date from 2000-01-01 to 2099-12-31)",
            "kapstok.toml:11:12: error: invalid value '53' for 'sessions' (expected an integer 1–52)",
        ])
        let edges = rendered {
            let configuration = ConfigurationLoader.load(
                text: "[pairing]\ntime_limit_seconds = 604800\n[program]\nstart = 2024-02-29\nend = 2027-02-28\n",
                file: "kapstok.toml", diagnostics: &$0)
            #expect(configuration.pairing.timeLimitSeconds == 604_800)
        }
        #expect(edges.isEmpty, "\(edges)")
        let tooLong = rendered {
            _ = ConfigurationLoader.load(text: "[program]\nstart = 2024-02-29\nend = 2027-03-01\n", file: "kapstok.toml", diagnostics: &$0)
        }
        #expect(tooLong == ["kapstok.toml:3:7: error: end '2027-03-01' is more than 3 years after start '2024-02-29'"])
    }

    @Test func tomlNumbersAndDatesBeyondRangeAreLocatedErrorsNotTraps() {
        let text = "a = 9223372036854775808\nb = -9223372036854775809\nc = 1e400\nd = 9999999999-01-01\ne = 0000-02-30\n"
        var diagnostics = DiagnosticCollector()
        let document = TOMLParser.parse(text: text, file: "x.toml", diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.map(\.description) == [
            "x.toml:1:5: error: integer '9223372036854775808' is out of range",
            "x.toml:2:5: error: integer '-9223372036854775809' is out of range",
            "x.toml:4:5: error: invalid date '9999999999-01-01' (the year has more than 4 digits)",
            "x.toml:5:5: error: invalid date '0000-02-30'",
        ])
        // 1e400 parses as infinity; the configuration then rejects it at the value.
        #expect(document.tables.first?.entries.map(\.key) == ["c"])
        let messages = rendered { _ = ConfigurationLoader.load(text: "[pairing]\ntime_limit_seconds = 1e400\n", file: "k.toml", diagnostics: &$0) }
        #expect(messages == ["k.toml:2:22: error: invalid value '1e400' for 'time_limit_seconds' (expected a number > 0 and ≤ 604800)"])
    }

    @Test func roundTooLargeIsRefusedBeforeAnyTable() {
        let round = Round(
            mentors: (0..<25_001).map { Mentor(id: "M\($0)", name: "m") },
            mentees: (0..<40_000).map { Mentee(id: "E\($0)", name: "e") })
        let checks = CrossFileChecks(round: round, mentors: PeopleFile(), mentees: PeopleFile(), orgManagerLocations: [])
        var wasTooLarge = false
        let messages = rendered { wasTooLarge = checks.reportSize(mentorsPath: "mentors.csv", diagnostics: &$0) }
        #expect(wasTooLarge)
        #expect(messages == [
            "mentors.csv:1:1: error: round too large: 40000 mentees × 25001 mentors = 1000040000 pairs; "
                + "the limit is 1000000000 pairs (the score table takes 4 bytes per pair)"
        ])
        let fits = Round(mentors: [Mentor(id: "M1", name: "m")], mentees: [Mentee(id: "E1", name: "e")])
        let small = CrossFileChecks(round: fits, mentors: PeopleFile(), mentees: PeopleFile(), orgManagerLocations: [])
        var isTooLarge = true
        let none = rendered { isTooLarge = small.reportSize(mentorsPath: "mentors.csv", diagnostics: &$0) }
        #expect(!isTooLarge && none.isEmpty)
    }
}

@Suite struct PeopleRulesTests {
    @Test func headerOnlyPeopleFilesAreErrors() {
        let result = load(mentors: "id,name,capacity\n", mentees: "id,name\n", scores: "mentee_id,mentor_id,score\n")
        #expect(result.round == nil)
        #expect(result.diagnostics == [
            "mentees.csv:1:1: error: mentees.csv has a header but no mentees",
            "mentors.csv:1:1: error: mentors.csv has a header but no mentors",
        ])
    }

    @Test func languagesSplitOnEverySeparatorAndDedupeIgnoringCase() {
        let text = "id,name,languages\nE1,Eva,\"NL, en\"\nE2,Ed,nl;EN / fr|Nl\nE3,Al, | ,\n"
        var diagnostics = DiagnosticCollector()
        let mentees = PeopleLoader(framework: .builtIn, usesScores: true)
            .loadMentees(parsedTable(text, file: "mentees.csv")!, diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.isEmpty)
        #expect(mentees.map(\.languages) == [["NL", "en"], ["nl", "EN", "fr"], []])
    }

    @Test func languagesCompareIgnoringCase() {
        let round = Round(
            mentors: [Mentor(id: "M1", name: "m", languages: ["NL"]), Mentor(id: "M2", name: "n", languages: ["fr"])],
            mentees: [Mentee(id: "E1", name: "e", languages: ["nl", "En"])])
        let eligibility = Eligibility(round: round)
        #expect(eligibility.isAllowed(mentee: 0, mentor: 0))
        #expect(eligibility.ruleViolations(mentee: 0, mentor: 1) == [.sharedLanguage])
    }

    @Test func samePersonInBothFilesIsNeverPairedWithThemselves() {
        let result = load(
            mentors: "id,name,manager_id\nM1,Ann,\nP1,Pat,M1\n", mentees: "id,name,manager_id\nP1,Pat,\nE2,Ed,P1\n",
            scores: "mentee_id,mentor_id,score\nP1,P1,99\nP1,M1,10\nE2,M1,10\n")
        let round = try! #require(result.round)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(round.peopleInBothFiles == ["P1"])
        let eligibility = Eligibility(round: round)
        #expect(eligibility.ruleViolations(mentee: 0, mentor: 1) == [.samePerson])
        #expect(eligibility.exclusions(mentee: 0, mentor: 1) == [.samePerson])
        // One manager chain: P1's manager M1 (from mentors.csv) is above P1 the mentee, and
        // above E2 through P1.
        #expect(eligibility.ruleViolations(mentee: 0, mentor: 0) == [.managerChain])
        #expect(eligibility.ruleViolations(mentee: 1, mentor: 0) == [.managerChain])
        var scores = [Float](repeating: 1, count: 2)
        scores.withUnsafeMutableBufferPointer { eligibility.excludeDisallowed(mentee: 0, scores: $0) }
        #expect(scores == [-.infinity, -.infinity])
        #expect(ExclusionRule.samePerson.phrase == "same person")
    }

    @Test func samePersonWithTwoManagersAndSelfRequireAreErrors() {
        let result = load(
            mentors: "id,name,manager_id\nM1,Ann,\nM2,Bo,\nP1,Pat,M1\n", mentees: "id,name,manager_id\nP1,Pat,M2\n",
            scores: "mentee_id,mentor_id,score\nP1,P1,99\n",
            constraints: "mentee_id,mentor_id,rule\nP1,P1,require\n")
        #expect(result.round == nil)
        #expect(result.diagnostics == [
            "constraints.csv:2:1: error: required pair 'P1' – 'P1' breaks a hard rule: 'P1' is both the mentee and the mentor "
                + "(the same person in mentors.csv and mentees.csv)",
            "mentees.csv:2:8: error: 'P1' is also in mentors.csv with manager 'M1', here 'M2'; one person has one manager chain",
        ])
    }

    @Test func unknownManagerIsAWarningNamingWhomItAffects() {
        let result = load(
            mentors: "id,name,manager_id\nM1,Ann,X1\n", mentees: "id,name,manager_id\nE1,Eva,X99\nE2,Ed,M1\nE3,Al,E1\n",
            scores: "mentee_id,mentor_id,score\nE1,M1,1\n")
        #expect(result.round != nil)
        #expect(result.diagnostics == [
            "mentees.csv:2:8: warning: manager 'X99' of 'E1' is unknown: the manager-chain rule cannot see above 'E1'",
            "mentors.csv:2:8: warning: manager 'X1' of 'M1' is unknown: the manager-chain rule cannot see above 'M1'",
        ])
        let off = load(
            mentors: "id,name,manager_id\nM1,Ann,X1\n", mentees: "id,name,manager_id\nE1,Eva,X99\n",
            scores: "mentee_id,mentor_id,score\nE1,M1,1\n", config: "[rules]\nmanager_chain = false\n")
        #expect(off.diagnostics.isEmpty, "with the rule off, an unknown manager changes nothing")
    }
}

@Suite struct OrgChartTests {
    @Test func orgLoaderReportsEveryRowProblem() {
        let text = "id,manager_id\nA,\n,B\nA,C\nCEO,CEO\nD,A\n"
        var entries: [OrgEntry] = []
        let messages = rendered { entries = OrgLoader.load(parsedTable(text, file: "org.csv")!, diagnostics: &$0) }
        #expect(messages == [
            "org.csv:3:1: error: empty id",
            "org.csv:4:1: error: duplicate id 'A' (first on line 2)",
            "org.csv:5:5: warning: 'CEO' is their own manager; read as the top of the organisation",
        ])
        #expect(entries == [OrgEntry(id: "A"), OrgEntry(id: "CEO"), OrgEntry(id: "D", managerID: "A")])
    }

    @Test func chainFollowsOutsidersAndPeopleFilesWin() {
        let result = load(
            mentors: "id,name,manager_id\nM1,Ann,\nM2,Bo,\n", mentees: "id,name,manager_id\nE1,Eva,X1\nE2,Ed,M2\nE3,Al,\n",
            scores: "mentee_id,mentor_id,score\nE1,M1,1\nE1,M2,1\n",
            org: "id,manager_id\nX1,X2\nX2,M1\nE2,M1\nE3,M2\nL1,L2\nL2,L1\nE1,X9\n")
        let round = try! #require(result.round)
        #expect(result.diagnostics == [
            "org.csv:4:4: warning: manager 'M1' of 'E2' differs from the people files, which give 'M2'; the people files win",
            "org.csv:6:4: warning: manager chain loops: 'L1' → 'L2' → 'L1'",
            "org.csv:8:4: warning: manager 'X9' of 'E1' differs from the people files, which give 'X1'; the people files win",
        ])
        let chart = ManagerChart(round: round)
        #expect(chart.chain(above: "E1") == ["X1", "X2", "M1"])
        #expect(chart.chain(above: "E2") == ["M2"])
        #expect(chart.chain(above: "E3") == ["M2"], "org.csv fills in where the people files leave manager_id empty")
        let eligibility = Eligibility(round: round)
        #expect(eligibility.ruleViolations(mentee: 0, mentor: 0) == [.managerChain])
        #expect(eligibility.detail(of: .managerChain, mentee: 0, mentor: 0, in: round)
            == "'M1' is above 'E1' in the manager chain (E1 → X1 → X2 → M1)")
    }

    /// Past 32 levels the walk switches from a linear search to a set; both stop at a loop.
    @Test func longChainsAndLongLoopsEnd() {
        let org = (0..<100).map { OrgEntry(id: "P\($0)", managerID: "P\(($0 + 1) % 100)") }
        let chart = ManagerChart(mentors: [], mentees: [Mentee(id: "E", name: "e", managerID: "P0")], org: org)
        let chain = chart.chain(above: "E")
        #expect(chain.count == 100 && chain.first == "P0" && chain.last == "P99")
        #expect(chart.chain(above: "P5").count == 99, "the walk stops before P5 repeats")
        #expect(chart.loops().map(\.count) == [100])
        let line = ManagerChart(mentors: [], mentees: [], org: (0..<50).map { OrgEntry(id: "L\($0)", managerID: $0 < 49 ? "L\($0 + 1)" : nil) })
        #expect(line.chain(above: "L0").count == 49)
    }

    @Test func chartFindsLoopsAndUnknownManagersOnce() {
        let chart = ManagerChart(
            mentors: [Mentor(id: "A", name: "a", managerID: "B")],
            mentees: [Mentee(id: "B", name: "b", managerID: "C"), Mentee(id: "E", name: "e", managerID: "Q")],
            org: [OrgEntry(id: "C", managerID: "A"), OrgEntry(id: "Q", managerID: "Z"), OrgEntry(id: "R", managerID: "Y")])
        #expect(chart.loops() == [["A", "B", "C"]])
        #expect(chart.chain(above: "A") == ["B", "C"])
        #expect(chart.path(from: "E", to: "Q") == ["E", "Q"])
        #expect(chart.path(from: "E", to: "A") == nil)
        // Q's manager Z is unknown and reached from E; R is outside the program, so Y is not reported.
        #expect(chart.unknownManagers().map { "\($0.person)>\($0.manager)" } == ["Q>Z"])
    }
}

@Suite struct RequireRulesAtLoadTests {
    @Test func impossibleRequiresAreReportedWithEveryOtherError() {
        let result = load(
            mentors: "id,name,capacity,languages\nM1,Ann,1,nl\nM2,Bo,1,fr\nM3,Cy,x,\n",
            mentees: "id,name,manager_id,languages\nE1,Eva,M1,nl\nE2,Ed,,nl\nE3,Al,,nl\nE4,Di,,nl\n",
            scores: "mentee_id,mentor_id,score\nE1,M1,1\nE2,M2,1\nE3,M3,1\nE4,M3,1\n",
            constraints: "mentee_id,mentor_id,rule\nE1,M1,require\nE2,M2,require\nE3,M1,require\nE4,M9,require\n")
        #expect(result.round == nil)
        #expect(result.diagnostics == [
            "constraints.csv:2:1: error: required pair 'E1' – 'M1' breaks a hard rule: 'M1' is the manager of 'E1'",
            "constraints.csv:3:1: error: required pair 'E2' – 'M2' breaks a hard rule: no shared language ('E2' speaks nl; 'M2' speaks fr)",
            "constraints.csv:4:1: error: required pair 'E3' – 'M1' has no score in scores.csv",
            "constraints.csv:5:4: error: unknown mentor 'M9'",
            "mentors.csv:4:7: error: invalid capacity 'x' (expected a number > 0 and ≤ 1000)",
        ])
    }

    @Test func requiresOverCapacityAreReportedAtTheRuleThatOverfills() {
        let result = load(
            mentors: Fixture.mentors(rows: ["M1,Ann,1"]), mentees: Fixture.mentees(rows: ["E1,Eva", "E2,Ed"]),
            constraints: "mentee_id,mentor_id,rule\nE1,M1,require\nE2,M1,require\n")
        #expect(result.diagnostics == ["constraints.csv:3:1: error: required pairs give mentor 'M1' more than its capacity 1"])
    }

    @Test func preparedRoundKeepsItsDefenceWithLocations() throws {
        let location = Diagnostic.Location(file: "constraints.csv", line: 2, column: 1)
        let round = Round(
            mentors: [Mentor(id: "P1", name: "p")], mentees: [Mentee(id: "P1", name: "p")],
            rules: [PairRule(menteeID: "P1", mentorID: "P1", kind: .require, location: location)])
        do {
            _ = try PreparedRound(round: round)
            Issue.record("a person required with themselves must not prepare")
        } catch {
            #expect(error.problems.map(\.rule.location) == [location])
            #expect(error.problems.first?.message.hasPrefix("required pair 'P1' – 'P1' breaks a hard rule: 'P1' is both") == true)
        }
    }
}
