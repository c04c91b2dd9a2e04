import Kapstok
import Testing

@testable import KapstokIO

@Suite struct ConfigurationWriterTests {
    @Test func defaultsRenderAsTheDesignDocumentsThem() {
        #expect(ConfigurationWriter.toml(Configuration()) == """
            [scoring]
            competency_weight = 0.7
            domain_weight = 0.3

            [rules]
            manager_chain = true
            min_grade_gap = 1
            shared_language = true
            avoid_repeat = true

            [pairing]
            objective = "total"
            default_capacity = 2
            default_target = 4
            time_limit_seconds = 60

            [program]
            name = "Mentoring program"
            start = 2027-02-01
            end = 2027-07-30
            sessions = 6
            min_gap_weeks = 3
            max_gap_weeks = 6
            session_minutes = 60
            slot_minutes = 30
            mentor_max_per_week = 2
            mentee_max_per_week = 1
            working_hours = "09:00-17:00"
            timezone = "Europe/Brussels"
            freeze_hours = 48

            [tracking]
            on_track_shortfall = 16.5
            at_risk_shortfall = 33
            not_discussed_weeks = 6
            no_session_weeks = 8
            draft_goals = 3

            """)
    }

    @Test func writtenConfigurationLoadsBackEqual() {
        var configuration = Configuration()
        configuration.rules.minGradeGap = nil
        configuration.pairing.defaultCapacity = 1.5
        configuration.program.workingHours = "08:00-12:30"
        configuration.program.name = "HIPO \"2027\" \\ Brussels"
        configuration.program.preferredHours = "10:00-12:00"
        configuration.program.freezeHours = 0
        configuration.program.organizer = "hr@example.org"
        var diagnostics = DiagnosticCollector()
        let loaded = ConfigurationLoader.load(
            text: ConfigurationWriter.toml(configuration), file: "k.toml", diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.isEmpty)
        #expect(loaded == configuration)
        #expect(ConfigurationWriter.quoted("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"")
    }
}
