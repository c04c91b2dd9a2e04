import Foundation
import Kapstok
import Testing

@testable import KapstokIO

@Suite struct ScheduleInputExporterTests {
    static func benchmarkConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.program = ScheduleGenerator.benchmarkProgram
        return configuration
    }

    /// Writes the exported files into a fresh folder as `kapstok generate` does, and loads them
    /// with ``ScheduleLoader``.
    private func writtenAndLoaded(_ input: ScheduleInput, configuration: Configuration) throws -> LoadedSchedule {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = ScheduleInputExporter.files(for: input, configuration: configuration)
        #expect(files.map(\.name) == ["pairings.csv", "availability.csv", "absences.csv", "kapstok.toml"])
        try OutputFolder(folder).commit(files.map { ($0.name, $0.data) }, owning: ScheduleInputExporter.ownership, command: "test")
        func source(_ name: String) -> InputSource { .file(folder.appendingPathComponent(name)) }
        return try ScheduleLoader.load(ScheduleSources(
            pairings: source("pairings.csv"), availability: source("availability.csv"), absences: source("absences.csv"),
            configuration: source("kapstok.toml")))
    }

    private func withoutLocations(_ pairs: [SchedulePair]) -> [SchedulePair] { pairs.map { var p = $0; p.location = nil; return p } }
    private func withoutLocations(_ rows: [AvailabilityWindow]) -> [AvailabilityWindow] { rows.map { var r = $0; r.location = nil; return r } }
    private func withoutLocations(_ rows: [Absence]) -> [Absence] { rows.map { var r = $0; r.location = nil; return r } }

    @Test(arguments: [(1 as UInt64, 300), (2, 57)])
    func generatedFilesLoadBackToTheGeneratorsInput(seed: UInt64, pairs: Int) throws {
        let configuration = Self.benchmarkConfiguration()
        let input = ScheduleGenerator(pairs: pairs, seed: seed, program: ProgramCalendar(configuration.program)).makeNamedInput()
        let loaded = try writtenAndLoaded(input, configuration: configuration)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(withoutLocations(loaded.input.pairs) == input.pairs)
        #expect(withoutLocations(loaded.input.availability) == input.availability)
        #expect(withoutLocations(loaded.input.absences) == input.absences)
        #expect(loaded.configuration == configuration)
        #expect(loaded.input.program == input.program)
        // Not vacuous: the generator's shares show in what came back.
        #expect(loaded.input.pairs.count == pairs)
        #expect(!loaded.input.availability.isEmpty && !loaded.input.absences.isEmpty)
        #expect(loaded.input.pairs.allSatisfy { !$0.menteeName.isEmpty && !$0.mentorName.isEmpty })
        #expect(loaded.contacts[input.pairs[0].mentorID]?.name == input.pairs[0].mentorName)
    }

    @Test func theBenchmarkProgramIsWrittenToKapstokToml() throws {
        let text = try #require(
            ScheduleInputExporter.files(for: ScheduleInput(program: ProgramCalendar(ScheduleGenerator.benchmarkProgram), pairs: []),
                                        configuration: Self.benchmarkConfiguration()).last?.text)
        for line in [
            "start = 2027-02-01", "end = 2027-08-01", "sessions = 8", "min_gap_weeks = 3", "max_gap_weeks = 6",
            "session_minutes = 60", "slot_minutes = 30", "mentor_max_per_week = 2", "mentee_max_per_week = 1",
            "working_hours = \"09:00-17:00\"", "preferred_hours = \"10:00-12:00\"", "timezone = \"Europe/Brussels\"",
        ] {
            #expect(text.contains("\n" + line + "\n"), "\(line)")
        }
    }

    @Test func emptyInputGivesHeaderOnlyFiles() {
        let files = ScheduleInputExporter.files(
            for: ScheduleInput(program: ProgramCalendar(ScheduleGenerator.benchmarkProgram), pairs: []),
            configuration: Self.benchmarkConfiguration())
        #expect(files.prefix(3).map(\.text) == [
            "mentee_id,mentee_name,mentor_id,mentor_name\n", "person_id,weekday,start,end\n", "person_id,from,to,reason\n",
        ])
    }

    @Test func namesAreStableAndMentorsKeepOneName() {
        let program = ProgramCalendar(ScheduleGenerator.benchmarkProgram)
        let named = ScheduleGenerator(pairs: 200, seed: 4, program: program).makeNamedInput()
        let plain = ScheduleGenerator(pairs: 200, seed: 4, program: program).makeInput()
        #expect(named.pairs.map(\.key) == plain.pairs.map(\.key))
        #expect(named.availability == plain.availability && named.absences == plain.absences)
        #expect(named.pairs == ScheduleGenerator(pairs: 200, seed: 4, program: program).makeNamedInput().pairs)
        var mentorNames: [String: Set<String>] = [:]
        for pair in named.pairs { mentorNames[pair.mentorID, default: []].insert(pair.mentorName) }
        #expect(mentorNames.values.allSatisfy { $0.count == 1 })
        #expect(Set(named.pairs.map(\.menteeName)).count > 50, "names vary")
    }
}
