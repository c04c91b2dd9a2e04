import Kapstok
import Testing

@testable import KapstokIO

@Suite struct SchedulePairsLoaderTests {
    private func load(_ text: String) -> (pairs: [SchedulePair]?, diagnostics: [String]) {
        var diagnostics = DiagnosticCollector()
        let pairs = SchedulePairsLoader.load(.text(text, path: "pairings.csv"), diagnostics: &diagnostics)
        return (pairs, diagnostics.diagnostics.map(\.description))
    }

    @Test func readsPairingsAsMatchWritesThem() {
        let (pairs, diagnostics) = load("""
            mentee_id,mentee_name,mentor_id,mentor_name,score,rank,reason
            E1,Eva Peeters,M1,Marc Janssens,0.82,1,"strong on coaching, same language"
            E2,,M1,Marc Janssens,0.5,2,
            """)
        #expect(diagnostics.isEmpty)
        #expect(pairs?.map(\.key) == [PairID(menteeID: "E1", mentorID: "M1"), PairID(menteeID: "E2", mentorID: "M1")])
        #expect(pairs?.map(\.menteeName) == ["Eva Peeters", ""])
        #expect(pairs?.map(\.mentorName) == ["Marc Janssens", "Marc Janssens"])
        #expect(pairs?.map { $0.location?.description } == ["pairings.csv:2:1", "pairings.csv:3:1"])
        #expect(SchedulePairsLoader.personIDs(of: pairs ?? []) == ["E1", "E2", "M1"])
    }

    @Test func readsMinimalFilesAndIgnoresOtherColumns() {
        let (pairs, diagnostics) = load("mentor_id,mentee_id,department,notes\nM1,E1,Sales,x\n")
        #expect(diagnostics.isEmpty)
        #expect(pairs?.map(\.key) == [PairID(menteeID: "E1", mentorID: "M1")])
        #expect(pairs?.first?.menteeName == "")
    }

    @Test func reportsEveryProblemInOneRun() {
        let (pairs, diagnostics) = load("""
            mentee_id,mentor_id
            E1,M1
            E2,M1
            E1,M2
            E2,M1
            ,M1
            E3,
            P1,P1
            E4,M2
            """)
        #expect(diagnostics == [
            "pairings.csv:4:1: error: mentee 'E1' already has mentor 'M1' (line 2); a mentee has one mentor",
            "pairings.csv:5:1: warning: duplicate pair of mentee 'E2' and mentor 'M1' (first on line 3)",
            "pairings.csv:6:1: error: empty mentee_id",
            "pairings.csv:7:4: error: empty mentor_id",
            "pairings.csv:8:1: error: 'P1' is both mentee and mentor of one pair",
        ])
        #expect(pairs?.map(\.menteeID) == ["E1", "E2", "E4"])
    }

    @Test func headerOnlyFileIsAnError() {
        let (pairs, diagnostics) = load("mentee_id,mentee_name,mentor_id,mentor_name,score,rank,reason\n")
        #expect(diagnostics == ["pairings.csv:1:1: error: pairings.csv has a header but no pairs"])
        #expect(pairs?.isEmpty == true)
    }

    @Test func misspeltOrMissingIdColumns() {
        let (_, diagnostics) = load("mentee_id,mentr_id,score\nE1,M1,1\n")
        #expect(diagnostics == ["pairings.csv:1:11: error: unknown column 'mentr_id'; did you mean 'mentor_id'?"])
        let (_, missing) = load("mentee_id,score\nE1,1\n")
        #expect(missing == ["pairings.csv:1:1: error: missing column 'mentor_id'"])
    }

    @Test func limitsThePairs() {
        let limit = Limits.schedulePairs
        var text = "mentee_id,mentor_id\n"
        text.reserveCapacity((limit + 2) * 16)
        for index in 0...(limit + 1) { text += "E\(index),M\(index % 7)\n" }
        let (pairs, diagnostics) = load(text)
        #expect(diagnostics == ["pairings.csv:\(limit + 2):1: error: more than \(limit) pairs"])
        #expect(pairs?.count == limit)
    }

    @Test func survivesHostileCells() {
        let huge = String(repeating: "x", count: 300_000)
        let (pairs, diagnostics) = load("\u{FEFF}mentee_id,mentor_id\r\n\(huge),\(huge)\r\n\"e\u{1B}[2J\",m\u{7}\r\n\" \",\"\"\r\n")
        // The huge id is its own mentor; the control characters are kept (the calendar writer
        // escapes them) and shown escaped; the last row has two empty ids.
        #expect(diagnostics.count == 3)
        #expect(diagnostics.allSatisfy { !$0.contains("\u{1B}") && $0.count < 400 })
        #expect(pairs?.map(\.menteeID) == ["e\u{1B}[2J"])
    }
}
