import Kapstok
import Testing

@testable import KapstokIO

@Suite struct PreferencesLoaderTests {
    /// T1 is in both people files (a tiered program): a mentee choosing mentors, a mentor choosing mentees.
    private let people = KnownPeople(menteeIDs: ["E1", "E2", "E3", "T1", "Eva01"], mentorIDs: ["M1", "M2", "M3", "T1", "Mona7"])

    private func load(_ text: String) -> (preferences: StatedPreferences?, diagnostics: [String]) {
        var diagnostics = DiagnosticCollector()
        let preferences = PreferencesLoader.load(.text(text, path: "preferences.csv"), people: people, diagnostics: &diagnostics)
        return (preferences, diagnostics.diagnostics.map(\.description))
    }

    @Test func readsListsSortedByRankInAnyColumnOrder() {
        // Ranks need not be consecutive: E1's 7, 1, 3 are its 3rd, 1st and 2nd choices.
        let (preferences, diagnostics) = load("""
            rank;choice;person_id
            7;M3;E1
            1;M1;E1
            3;M2;E1
            1;M2;E2
            2;E3;M1
            1;E1;M1
            1;M1;T1
            1;E2;T1
            """)
        #expect(diagnostics.isEmpty)
        #expect(preferences == StatedPreferences(
            mentees: ["E1": ["M1", "M2", "M3"], "E2": ["M2"], "T1": ["M1"]],
            mentors: ["M1": ["E1", "E3"], "T1": ["E2"]]))
    }

    @Test func headerOnlyIsNoPreferences() {
        let (preferences, diagnostics) = load("person_id,choice,rank\n")
        #expect(diagnostics.isEmpty)
        #expect(preferences == StatedPreferences())
    }

    /// Written by the round exporter and read back: the same lists.
    @Test func exportedPreferencesReadBackEqual() {
        let stated = StatedPreferences(
            mentees: ["E2": ["M3", "M1"], "E1": ["M2"], "T1": ["M2", "M1"]], mentors: ["M2": ["E3", "E1", "E2"], "T1": ["E3"]])
        let text = RoundExporter.preferencesCSV(stated)
        #expect(text.hasPrefix("person_id,choice,rank\nE1,M2,1\nE2,M3,1\nE2,M1,2\nT1,M2,1\nT1,M1,2\nM2,E3,1\n"))
        let (preferences, diagnostics) = load(text)
        #expect(diagnostics.isEmpty)
        #expect(preferences == stated)
    }

    @Test func reportsEveryBadRowAtItsCell() {
        let (preferences, diagnostics) = load("""
            person_id,choice,rank
            E1,M1,1
            E1,M1,3
            E1,M2,1
            E1,E2,2
            M1,M2,1
            T1,T1,1
            E9,M1,1
            E2,Mx1,1
            E2,M1,0
            E2,M1,1.5
            E2,M1,first
            E2,M1,
            ,M1,1
            E2,M1,1001
            Eva02,M1,1
            E2,Mona8,1
            """)
        #expect(diagnostics == [
            "preferences.csv:3:4: error: duplicate choice 'M1' of 'E1' (first on line 2)",
            "preferences.csv:4:7: error: duplicate rank 1 of 'E1' (first on line 2, for 'M1')",
            "preferences.csv:5:4: error: mentee 'E1' chooses 'E2', also a mentee; a mentee's choices are mentors",
            "preferences.csv:6:4: error: mentor 'M1' chooses 'M2', also a mentor; a mentor's choices are mentees",
            "preferences.csv:7:4: error: 'T1' chooses themselves",
            "preferences.csv:8:1: error: unknown person 'E9'",
            "preferences.csv:9:4: error: unknown person 'Mx1'",
            "preferences.csv:10:7: error: rank '0' out of range (expected an integer 1–1000)",
            "preferences.csv:11:7: error: invalid rank '1.5': a decimal (expected an integer 1–1000)",
            "preferences.csv:12:7: error: invalid rank 'first' (expected an integer 1–1000)",
            "preferences.csv:13:7: error: empty rank",
            "preferences.csv:14:1: error: empty person_id",
            "preferences.csv:15:7: error: rank '1001' out of range (expected an integer 1–1000)",
            "preferences.csv:16:1: error: unknown person 'Eva02'; did you mean 'Eva01'?",
            "preferences.csv:17:4: error: unknown person 'Mona8'; did you mean 'Mona7'?",
        ])
        // The good row is kept; the bad ones are skipped.
        #expect(preferences == StatedPreferences(mentees: ["E1": ["M1"]]))
    }

    @Test func headerProblems() {
        #expect(load("persn_id,choice\nE1,M1\n").diagnostics == [
            "preferences.csv:1:1: error: missing column 'rank'",
            "preferences.csv:1:1: error: unknown column 'persn_id'; did you mean 'person_id'?",
        ])
    }

    @Test func emptyAndBinaryFilesAreRefused() {
        let empty = load("")
        #expect(empty.preferences == nil)
        #expect(empty.diagnostics.count == 1 && empty.diagnostics[0].hasPrefix("preferences.csv:1:1: error:"))
        var diagnostics = DiagnosticCollector()
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]
        let binary = PreferencesLoader.load(
            .contents(zip, path: "preferences.csv"), people: people, diagnostics: &diagnostics)
        #expect(binary == nil)
        #expect(diagnostics.diagnostics.map(\.id) == [.binaryFile])
    }
}

/// preferences.csv and `preference_weight` in a round.
@Suite struct PreferencesRoundTests {
    private let mentors = "id,name,capacity\nM1,Ann,1\nM2,Bob,\n"
    private let mentees = "id,name\nE1,Eva\nE2,Finn\n"

    @Test func roundReadsPreferencesAfterThePeople() throws {
        let sources = RoundSources(
            mentors: .text(Fixture.mentors(rows: ["M1,Ann,1", "M2,Bob,"]), path: "mentors.csv"),
            mentees: .text(Fixture.mentees(rows: ["E1,Eva", "E2,Finn"]), path: "mentees.csv"),
            configuration: .text("[scoring]\npreference_weight = 12.5\n", path: "kapstok.toml"),
            preferences: .text("person_id,choice,rank\nE1,M2,2\nE1,M1,1\nM2,E2,1\n", path: "preferences.csv"))
        let (round, warnings) = try RoundLoader().loadRound(sources)
        #expect(warnings.isEmpty)
        #expect(round.preferences == StatedPreferences(mentees: ["E1": ["M1", "M2"]], mentors: ["M2": ["E2"]]))
        #expect(round.configuration.scoring.preferenceWeight == 12.5)
        // Exported with the round and read back: the same round.
        let files = RoundExporter.files(for: round)
        #expect(files.map(\.name) == ["mentors.csv", "mentees.csv", "constraints.csv", "history.csv", "preferences.csv", "kapstok.toml"])
        func text(_ name: String) -> InputSource { .text(files.first { $0.name == name }!.text, path: name) }
        let again = try RoundLoader().loadRound(RoundSources(
            mentors: text("mentors.csv"), mentees: text("mentees.csv"), constraints: text("constraints.csv"),
            history: text("history.csv"), configuration: text("kapstok.toml"), preferences: text("preferences.csv")))
        #expect(again.round == round)
    }

    @Test func errorsInPreferencesComeWithTheOtherFiles() {
        let sources = RoundSources(
            mentors: .text(mentors, path: "mentors.csv"), mentees: .text(mentees, path: "mentees.csv"),
            scores: .text("mentee_id,mentor_id,score\nE1,M1,1\n", path: "scores.csv"),
            configuration: .text("[scoring]\npreference_weight = 101\n", path: "kapstok.toml"),
            preferences: .text("person_id,choice,rank\nE1,M3,1\nE3,M1,1\n", path: "preferences.csv"))
        do {
            _ = try RoundLoader().loadRound(sources)
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map(\.description) == [
                "kapstok.toml:2:21: error: invalid value '101' for 'preference_weight' (expected a number from 0 to 100)",
                "preferences.csv:2:4: error: unknown person 'M3'",
                "preferences.csv:3:1: error: unknown person 'E3'",
            ])
        }
    }

    /// In scores mode the weight is not applied: a warning says so, the lists still load.
    @Test func weightWithScoresIsAWarning() throws {
        let sources = RoundSources(
            mentors: .text(mentors, path: "mentors.csv"), mentees: .text(mentees, path: "mentees.csv"),
            scores: .text("mentee_id,mentor_id,score\nE1,M1,1\n", path: "scores.csv"),
            configuration: .text("[scoring]\npreference_weight = 10\n", path: "kapstok.toml"),
            preferences: .text("person_id,choice,rank\nE1,M2,1\n", path: "preferences.csv"))
        let (round, warnings) = try RoundLoader().loadRound(sources)
        #expect(round.preferences.mentees == ["E1": ["M2"]])
        #expect(warnings.map(\.description) == [
            "preferences.csv:1:1: warning: preference_weight is not applied with scores.csv (its scores are on your own scale): "
                + "add the bonus for stated choices to scores.csv; the stable strategy still uses these lists"
        ])
    }

    @Test func configurationWritesTheWeightOnlyWhenSet() {
        var configuration = Configuration()
        #expect(!ConfigurationWriter.toml(configuration).contains("preference_weight"))
        configuration.scoring.preferenceWeight = 7.5
        let text = ConfigurationWriter.toml(configuration)
        #expect(text.hasPrefix("[scoring]\ncompetency_weight = 0.7\ndomain_weight = 0.3\npreference_weight = 7.5\n\n"))
        var diagnostics = DiagnosticCollector()
        #expect(ConfigurationLoader.load(text: text, file: "k.toml", diagnostics: &diagnostics) == configuration)
        #expect(diagnostics.diagnostics.isEmpty)
    }
}
