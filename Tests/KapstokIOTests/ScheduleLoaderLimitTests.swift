import Kapstok
import Testing

@testable import KapstokIO

@Suite struct ScheduleLoaderLimitTests {
    private func load(pairs: Int, sessions: Int) -> [String] {
        var text = "mentee_id,mentor_id\n"
        for index in 0..<pairs { text += "E\(index),M\(index / 3)\n" }
        let sources = ScheduleSources(
            pairings: .text(text, path: "pairings.csv"),
            configuration: .text("[program]\nsessions = \(sessions)\nmin_gap_weeks = 1\n", path: "kapstok.toml"))
        do {
            _ = try ScheduleLoader.load(sources)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// Pairs × sessions above 1,000,000 is refused before anything is scheduled; at the limit it loads.
    @Test func sessionsAskedHaveALimit() {
        #expect(load(pairs: 19_231, sessions: 52) == [
            "pairings.csv:1:1: error: 19231 pairs × 52 sessions ask for 1000012 sessions, more than 1000000 (schedule the program in parts, or with fewer sessions)",
        ])
        #expect(load(pairs: 19_230, sessions: 52) == [])
    }
}

@Suite struct ScheduleLoaderPeopleTests {
    private let pairings = InputSource.text("mentee_id,mentor_id\nE1,M1\n", path: "pairings.csv")
    private let availability = InputSource.text("person_id,weekday,start,end\nE1,mon,09:00,12:00\nE9,tue,09:00,12:00\n", path: "availability.csv")

    /// Without mentors and mentees files, a person in no pair (an unmatched mentee, or a typo)
    /// is a located warning and the row is not used.
    @Test func unpairedPersonWithoutPeopleFilesIsAWarning() throws {
        let loaded = try ScheduleLoader.load(ScheduleSources(pairings: pairings, availability: availability))
        #expect(loaded.input.availability.map(\.personID) == ["E1"])
        #expect(loaded.warnings.map(\.description) == [
            "availability.csv:3:1: warning: person 'E9' is in no pair; the row is not used; give --mentors and --mentees to have unknown ids reported as errors",
        ])
    }

    /// With them, a person in a file but in no pair is fine, and an id in no file is an error.
    @Test func withPeopleFilesAnUnknownIdIsAnError() throws {
        let mentees = InputSource.text("id,name\nE1,Ann\nE9,Bob\n", path: "mentees.csv")
        let known = try ScheduleLoader.load(ScheduleSources(pairings: pairings, availability: availability, contacts: [mentees]))
        #expect(known.warnings.isEmpty)
        #expect(known.input.availability.count == 2)
        let onlyAnn = InputSource.text("id,name\nE1,Ann\n", path: "mentees.csv")
        #expect(throws: DiagnosticsError.self) {
            try ScheduleLoader.load(ScheduleSources(pairings: pairings, availability: availability, contacts: [onlyAnn]))
        }
    }
}
