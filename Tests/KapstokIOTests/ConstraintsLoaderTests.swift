import Kapstok
import Testing

@testable import KapstokIO

@Suite struct ConstraintsLoaderTests {
    private let people = KnownPeople(menteeIDs: ["E1", "E2", "E3"], mentorIDs: ["M1", "M2"])

    private func load(_ text: String) -> (rules: [PairRule], diagnostics: [String]) {
        var diagnostics = DiagnosticCollector()
        let rules = ConstraintsLoader.load(.text(text, path: "constraints.csv"), people: people, diagnostics: &diagnostics) ?? []
        return (rules, diagnostics.diagnostics.map(\.description))
    }

    @Test func readsRules() {
        let (rules, diagnostics) = load("mentee_id,mentor_id,rule,reason\nE1,M1,forbid,same team\nE2,M2,Require,\n")
        #expect(diagnostics.isEmpty)
        #expect(rules == [
            PairRule(menteeID: "E1", mentorID: "M1", kind: .forbid, reason: "same team"),
            PairRule(menteeID: "E2", mentorID: "M2", kind: .require),
        ])
    }

    @Test func reportsConflictsAndBadRules() {
        let (rules, diagnostics) = load("""
            mentee_id,mentor_id,rule
            E1,M1,forbid
            E1,M1,require
            E2,M1,require
            E2,M2,require
            E3,M1,forbid
            E3,M1,forbid
            E3,M2,ban
            E3,M2,requir
            E9,M1,forbid
            """)
        #expect(diagnostics == [
            "constraints.csv:3:1: error: mentee 'E1' and mentor 'M1' are both forbidden and required (first rule on line 2)",
            "constraints.csv:5:1: error: mentee 'E2' already requires mentor 'M1' (line 4); a mentee gets one mentor",
            "constraints.csv:7:1: warning: duplicate rule 'forbid' for mentee 'E3' and mentor 'M1' (first on line 6)",
            "constraints.csv:8:7: error: invalid rule 'ban' (expected 'forbid' or 'require')",
            "constraints.csv:9:7: error: invalid rule 'requir'; did you mean 'require'?",
            "constraints.csv:10:1: error: unknown mentee 'E9'",
        ])
        #expect(rules.count == 5)
    }
}
