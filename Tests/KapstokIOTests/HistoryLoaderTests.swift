import Kapstok
import Testing

@testable import KapstokIO

@Suite struct HistoryLoaderTests {
    @Test func unknownIdsAreWarningsAndEntriesAreKept() {
        var diagnostics = DiagnosticCollector()
        let people = KnownPeople(menteeIDs: ["E1"], mentorIDs: ["M1"])
        let text = "mentee_id,mentor_id,round\nE1,M1,2025\nE1,M7,\nE5,M1,2024\n"
        let history = HistoryLoader.load(.text(text, path: "history.csv"), people: people, diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.map(\.description) == [
            "history.csv:3:4: warning: unknown mentor 'M7'",
            "history.csv:4:1: warning: unknown mentee 'E5'",
        ])
        #expect(!diagnostics.hasErrors)
        #expect(history == [
            HistoryEntry(menteeID: "E1", mentorID: "M1", round: "2025"),
            HistoryEntry(menteeID: "E1", mentorID: "M7"),
            HistoryEntry(menteeID: "E5", mentorID: "M1", round: "2024"),
        ])
    }

    @Test func roundColumnIsOptional() {
        var diagnostics = DiagnosticCollector()
        let history = HistoryLoader.load(
            .text("mentor_id;mentee_id\nM1;E1\n", path: "history.csv"), people: KnownPeople(menteeIDs: nil, mentorIDs: nil),
            diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.isEmpty)
        #expect(history == [HistoryEntry(menteeID: "E1", mentorID: "M1")])
    }
}
