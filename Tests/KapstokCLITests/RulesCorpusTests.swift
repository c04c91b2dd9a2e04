import Foundation
import Testing

/// Real bad HR files (`Fixtures/bad/rules-*`): numbers out of their stated range, a header
/// without rows, one person in both files, unknown managers and org.csv, languages written
/// `nl, en`, levels `03`, and `require` rules that cannot hold beside a load error elsewhere.
///
/// Each case runs `validate`, whose standard error (and, when the files are usable, standard
/// output) is golden; each error case also runs `match`, which must print the same standard
/// error, exit 65 and leave an earlier round's outputs untouched.
struct RulesCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    /// 65 for input errors, 0 where the files are usable (warnings only).
    var exitCode: Int32
    var testDescription: String { name }

    static let mentees = ["--mentees", "valid/mentees.csv"]
    static let mentors = ["--mentors", "valid/mentors.csv"]
    static func bad(_ option: String, _ file: String) -> [String] { ["--\(option)", "bad/rules-\(file)"] }

    static let all: [RulesCase] = [
        // "Unlimited" capacity asked for 48 GB and aborted while validate said ok.
        RulesCase(name: "capacity-unlimited", arguments: bad("mentors", "capacity-unlimited-mentors.csv") + mentees, exitCode: 65),
        RulesCase(name: "capacity-1e300", arguments: bad("mentors", "capacity-1e300-mentors.csv") + mentees, exitCode: 65),
        // Without scores.csv a mentee takes 1: capacity 0.5 holds nobody.
        RulesCase(name: "capacity-half", arguments: bad("mentors", "capacity-half-mentors.csv") + mentees, exitCode: 0),
        RulesCase(name: "grade-int-max", arguments: bad("mentors", "grade-int-max-mentors.csv") + mentees, exitCode: 65),
        RulesCase(name: "header-only-mentors", arguments: bad("mentors", "header-only-mentors.csv") + mentees, exitCode: 65),
        RulesCase(name: "level-leading-zero", arguments: bad("mentors", "level-leading-zero-mentors.csv") + mentees, exitCode: 0),
        RulesCase(name: "level-decimal", arguments: bad("mentors", "level-decimal-mentors.csv") + mentees, exitCode: 65),
        // `NL, en`, `nl;EN`, `fr/en`, `FR`: the same allowed pairs as the valid round's `nl|en`, `fr`.
        RulesCase(name: "languages", arguments: mentors + bad("mentees", "languages-mentees.csv"), exitCode: 0),
        // E1 is mentor and mentee: fine, and validate says so.
        RulesCase(name: "same-person", arguments: bad("mentors", "same-person-mentors.csv") + mentees, exitCode: 0),
        // ... but not with two managers, nor required with themselves.
        RulesCase(
            name: "same-person-conflicts",
            arguments: bad("mentors", "same-person-mentors.csv") + bad("mentees", "same-person-mentees.csv")
                + bad("constraints", "same-person-constraints.csv"),
            exitCode: 65),
        RulesCase(name: "unknown-manager", arguments: mentors + bad("mentees", "unknown-manager-mentees.csv"), exitCode: 0),
        // org.csv knows X99 (under D1, under M1): the chain reaches M1; disagreements and loops are warnings.
        RulesCase(
            name: "org", arguments: mentors + bad("mentees", "unknown-manager-mentees.csv") + bad("org", "org.csv"),
            exitCode: 0),
        // Impossible require rules are reported in the same run as a level error in mentors.csv.
        RulesCase(
            name: "require-beside-level-error",
            arguments: bad("mentors", "require-beside-level-error-mentors.csv") + mentees
                + bad("constraints", "require-breaks-rule-constraints.csv"),
            exitCode: 65),
        RulesCase(name: "score-huge", arguments: mentors + mentees + bad("scores", "score-huge-scores.csv"), exitCode: 65),
        RulesCase(
            name: "load-over-capacity", arguments: mentors + mentees + bad("scores", "load-over-capacity-scores.csv"),
            exitCode: 0),
        RulesCase(name: "weights-huge", arguments: mentors + mentees + bad("framework", "weights-huge-framework.csv"), exitCode: 65),
        // time_limit_seconds = 1e300 trapped; min_grade_gap near Int.max overflowed grade + gap.
        RulesCase(name: "huge-numbers-toml", arguments: mentors + mentees + bad("config", "huge-numbers.toml"), exitCode: 65),
        RulesCase(name: "program-too-long", arguments: mentors + mentees + bad("config", "program-too-long.toml"), exitCode: 65),
    ]
}

@Suite("bad HR files: ranges and rules") struct RulesCorpusTests {
    @Test(arguments: RulesCase.all)
    func validateReportsEveryProblem(_ round: RulesCase) throws {
        let result = try CLI.run(["validate"] + round.arguments)
        #expect(result.exitCode == round.exitCode)
        assertSnapshot(result.stderr, named: "rules-\(round.name).stderr.txt")
        if round.exitCode == 0 {
            assertSnapshot(result.stdout, named: "rules-\(round.name).stdout.txt")
        } else {
            #expect(result.stdout == "")
        }
    }

    @Test(arguments: RulesCase.all.filter { $0.exitCode == 65 })
    func matchReportsTheSameAndLeavesOutputsUntouched(_ round: RulesCase) throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.url.appendingPathComponent("round")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("mentee_id,mentee_name,mentor_id\nE1,Lena,M1\n".utf8).write(to: out.appendingPathComponent("pairings.csv"))
        let before = folderContents(out)
        let result = try CLI.run(["match"] + round.arguments + ["--out", out.path])
        #expect(result.exitCode == 65)
        #expect(result.stdout == "")
        assertSnapshot(result.stderr, named: "rules-\(round.name).stderr.txt")
        #expect(folderContents(out) == before, "an earlier round's outputs must stay as they were")
    }

    /// Languages are compared case-insensitively and split on `|`, `,`, `;`, `/`: the written
    /// variants give exactly the valid round's pairings.
    @Test func languageVariantsGiveTheSamePairings() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let plain = try CLI.run(["match"] + RulesCase.mentors + RulesCase.mentees + ["--out", temporary.path("plain")])
        let variants = try CLI.run(
            ["match"] + RulesCase.mentors + ["--mentees", "bad/rules-languages-mentees.csv", "--out", temporary.path("variants")])
        #expect(plain.exitCode == 0 && variants.exitCode == 0)
        let a = pairs(inPairingsCSV: try contents(temporary.path("plain/pairings.csv")))
        let b = pairs(inPairingsCSV: try contents(temporary.path("variants/pairings.csv")))
        #expect(a.map { "\($0.mentee)-\($0.mentor)" } == b.map { "\($0.mentee)-\($0.mentor)" })
    }

    /// Through org.csv, M1 is above E3 (E3 → X99 → D1 → M1), so `explain` excludes M1 for E3.
    @Test func orgChartCarriesTheManagerChainPastOutsiders() throws {
        let result = try CLI.run(
            ["explain"] + RulesCase.mentors + ["--mentees", "bad/rules-unknown-manager-mentees.csv", "--org", "bad/rules-org.csv",
                                               "--mentee", "E3", "--mentor", "M1"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("'M1' is above 'E3' in the manager chain (E3 → X99 → D1 → M1)"), "\(result.stdout)")
    }
}
