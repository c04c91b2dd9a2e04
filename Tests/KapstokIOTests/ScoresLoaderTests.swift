import Kapstok
import Testing

@testable import KapstokIO

@Suite struct ScoresLoaderTests {
    private let people = KnownPeople(menteeIDs: ["E1", "E2"], mentorIDs: ["M1", "M2"])

    private func load(_ text: String) -> (scores: [ScoreEntry], diagnostics: [String]) {
        var diagnostics = DiagnosticCollector()
        let scores = ScoresLoader.load(.text(text, path: "scores.csv"), people: people, diagnostics: &diagnostics) ?? []
        return (scores, diagnostics.diagnostics.map(\.description))
    }

    @Test func readsScoresWithOptionalLoad() {
        let (scores, diagnostics) = load("mentee_id,mentor_id,score,load\nE1,M1,87.5,\nE1,M2,-3,2\nE2,M1,1e2,0.5\n")
        #expect(diagnostics.isEmpty)
        #expect(scores == [
            ScoreEntry(menteeID: "E1", mentorID: "M1", score: 87.5),
            ScoreEntry(menteeID: "E1", mentorID: "M2", score: -3, load: 2),
            ScoreEntry(menteeID: "E2", mentorID: "M1", score: 100, load: 0.5),
        ])
        #expect(load("mentor_id;score;mentee_id\nM1;0,25;E1\n").scores == [ScoreEntry(menteeID: "E1", mentorID: "M1", score: 0.25)])
    }

    @Test func reportsUnknownIdsBadNumbersAndDuplicates() {
        let (_, diagnostics) = load("""
            mentee_id,mentor_id,score,load
            E1,M99,50,
            E1,M1,abc,
            E2,M1,NaN,0
            E2,M2,1,
            E2,M2,2,
            E9,,3,
            """)
        #expect(diagnostics == [
            "scores.csv:2:4: error: unknown mentor 'M99'",
            "scores.csv:3:7: error: invalid score 'abc' (expected a number from -1000000000 to 1000000000)",
            "scores.csv:4:7: error: invalid score 'NaN' (expected a number from -1000000000 to 1000000000)",
            "scores.csv:4:11: error: load '0' out of range (expected a number > 0 and ≤ 1000)",
            "scores.csv:6:1: error: duplicate pair of mentee 'E2' and mentor 'M2' (first on line 5)",
            "scores.csv:7:1: error: unknown mentee 'E9'",
            "scores.csv:7:4: error: empty mentor_id",
        ])
    }

    @Test func missingColumns() {
        #expect(load("mentee,mentor_id\n").diagnostics == [
            "scores.csv:1:1: error: missing columns 'mentee_id', 'score'",
            "scores.csv:1:1: warning: unknown column 'mentee' (ignored)",
        ])
    }
}
