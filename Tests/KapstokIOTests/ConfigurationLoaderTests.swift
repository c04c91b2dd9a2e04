import Kapstok
import Testing

@testable import KapstokIO

@Suite struct ConfigurationLoaderTests {
    private func load(_ text: String) -> (configuration: Configuration, diagnostics: [String]) {
        var diagnostics = DiagnosticCollector()
        let configuration = ConfigurationLoader.load(text: text, file: "kapstok.toml", diagnostics: &diagnostics)
        return (configuration, diagnostics.diagnostics.map(\.description))
    }

    @Test func emptyFileGivesDefaults() {
        let (configuration, diagnostics) = load("")
        #expect(diagnostics.isEmpty)
        #expect(configuration == Configuration())
    }

    @Test func readsEveryKeyOfTheDesign() {
        let (configuration, diagnostics) = load("""
            [scoring]
            competency_weight = 0.6
            domain_weight = 1            # integers are numbers too
            [rules]
            manager_chain = false
            min_grade_gap = 2
            shared_language = false
            avoid_repeat = false
            [pairing]
            objective = "fair"
            default_capacity = 3
            default_target = 5
            time_limit_seconds = 12.5
            [program]
            start = 2027-03-01
            end = 2027-09-30
            sessions = 8
            min_gap_weeks = 2
            max_gap_weeks = 5
            session_minutes = 90
            slot_minutes = 15
            mentor_max_per_week = 3
            mentee_max_per_week = 2
            working_hours = "08:30-16:00"
            timezone = "Europe/Amsterdam"
            """)
        #expect(diagnostics.isEmpty)
        var expected = Configuration()
        expected.scoring.competencyWeight = 0.6
        expected.scoring.domainWeight = 1
        expected.rules.managerChain = false
        expected.rules.minGradeGap = 2
        expected.rules.sharedLanguage = false
        expected.rules.avoidRepeat = false
        expected.pairing.objective = .fair
        expected.pairing.defaultCapacity = 3
        expected.pairing.defaultTarget = 5
        expected.pairing.timeLimitSeconds = 12.5
        expected.program.start = CalendarDate(year: 2027, month: 3, day: 1)
        expected.program.end = CalendarDate(year: 2027, month: 9, day: 30)
        expected.program.sessions = 8
        expected.program.minGapWeeks = 2
        expected.program.maxGapWeeks = 5
        expected.program.sessionMinutes = 90
        expected.program.slotMinutes = 15
        expected.program.mentorMaxPerWeek = 3
        expected.program.menteeMaxPerWeek = 2
        expected.program.workingHours = "08:30-16:00"
        expected.program.timezone = "Europe/Amsterdam"
        #expect(configuration == expected)
    }

    @Test func minGradeGapFalseSwitchesTheRuleOff() {
        let (configuration, diagnostics) = load("[rules]\nmin_grade_gap = false\n")
        #expect(diagnostics.isEmpty)
        #expect(configuration.rules.minGradeGap == nil)
        #expect(load("[rules]\nmin_grade_gap = true\n").diagnostics == [
            "kapstok.toml:2:17: error: invalid value 'true' for 'min_grade_gap' (expected an integer -1000 to 1000, or false to switch the rule off, found a boolean)"
        ])
    }

    @Test func unknownTableAndKeysSuggestTheLikelyName() {
        let (_, diagnostics) = load("""
            [scorng]
            competency_weight = 0.5
            [scoring]
            competency_weigth = 0.5
            [rules]
            default_target = 3
            zebra = 1
            [reports]
            """)
        #expect(diagnostics == [
            "kapstok.toml:1:1: error: unknown table '[scorng]'; did you mean '[scoring]'?",
            "kapstok.toml:4:1: error: unknown key 'competency_weigth' in [scoring]; did you mean 'competency_weight'?",
            "kapstok.toml:6:1: error: unknown key 'default_target' in [rules]; did you mean 'default_target' in [pairing]?",
            "kapstok.toml:7:1: error: unknown key 'zebra' in [rules]",
            "kapstok.toml:8:1: error: unknown table '[reports]' (known tables: [scoring], [rules], [pairing], [program], [tracking], [[objectives]], [output])",
        ])
    }

    @Test func keysOutsideATableAreUnknown() {
        #expect(load("sessions = 6\n").diagnostics == [
            "kapstok.toml:1:1: error: unknown key 'sessions' outside any table; did you mean 'sessions' in [program]?"
        ])
    }

    @Test func wrongTypesAndRangesAreReportedAtTheValue() {
        let (configuration, diagnostics) = load("""
            [scoring]
            competency_weight = "high"
            domain_weight = -1
            [pairing]
            objective = "best"
            default_capacity = 0
            default_target = 7
            time_limit_seconds = inf
            [program]
            start = "2027-02-01"
            sessions = 2.5
            working_hours = "9-17"
            timezone = "Europe/Brusels"
            """)
        #expect(diagnostics == [
            "kapstok.toml:2:21: error: invalid value 'high' for 'competency_weight' (expected a number from 0 to 1000, found a string)",
            "kapstok.toml:3:17: error: invalid value '-1' for 'domain_weight' (expected a number from 0 to 1000)",
            "kapstok.toml:5:13: error: invalid value 'best' for 'objective' (expected \"total\" or \"fair\")",
            "kapstok.toml:6:20: error: invalid value '0' for 'default_capacity' (expected a number > 0 and ≤ 1000)",
            "kapstok.toml:7:18: error: invalid value '7' for 'default_target' (expected an integer 0–5)",
            "kapstok.toml:8:22: error: invalid value 'inf' for 'time_limit_seconds' (expected a number > 0 and ≤ 604800)",
            "kapstok.toml:10:9: error: invalid value '2027-02-01' for 'start' (expected a date from 2000-01-01 to 2099-12-31, found a string)",
            "kapstok.toml:11:12: error: invalid value '2.5' for 'sessions' (expected an integer 1–52, found a float)",
            "kapstok.toml:12:17: error: invalid value '9-17' for 'working_hours' (expected hours like \"09:00-17:00\")",
            "kapstok.toml:13:12: error: unknown time zone 'Europe/Brusels' for 'timezone' (expected a time zone name like \"Europe/Brussels\")",
        ])
        #expect(configuration == Configuration())
    }

    @Test func crossKeyRules() {
        let (_, diagnostics) = load("""
            [scoring]
            competency_weight = 0
            domain_weight = 0.0
            [program]
            start = 2027-06-01
            end = 2027-05-01
            min_gap_weeks = 4
            max_gap_weeks = 2
            session_minutes = 45
            """)
        #expect(diagnostics == [
            "kapstok.toml:3:17: error: competency_weight and domain_weight cannot both be 0",
            "kapstok.toml:6:7: error: end '2027-05-01' must be after start '2027-06-01'",
            "kapstok.toml:8:17: error: max_gap_weeks '2' is less than min_gap_weeks '4'",
            "kapstok.toml:9:19: error: session_minutes '45' is not a multiple of slot_minutes '30'",
        ])
    }

    @Test func syntaxAndMappingProblemsComeTogether() {
        let (_, diagnostics) = load("""
            [pairing]
            objective = fair
            default_target = 9
            """)
        #expect(diagnostics == [
            "kapstok.toml:2:13: error: invalid value 'fair'; strings need quotes, as in \"fair\"",
            "kapstok.toml:3:18: error: invalid value '9' for 'default_target' (expected an integer 0–5)",
        ])
    }

    @Test func workingHoursParsing() {
        // `working_hours` and `preferred_hours` go through the domain's `TimeWindow`.
        #expect(TimeWindow("09:00-17:00") == TimeWindow("09:00 - 17:00"))
        #expect(TimeWindow("09:00-17:00")?.start.minutes == 540)
        #expect(TimeWindow("08:00-24:00")?.end.minutes == 1440)
        #expect(TimeWindow("17:00-09:00") == nil)
        #expect(TimeWindow("9:00-17:00") == nil)
        #expect(TimeWindow("09:60-17:00") == nil)
    }

    @Test func readsTheSchedulingKeys() {
        let (configuration, diagnostics) = load("""
            [program]
            name = "HIPO 2027"
            preferred_hours = "10:00-12:00"
            freeze_hours = 72
            organizer = "coordinator@example.org"
            """)
        #expect(diagnostics.isEmpty)
        #expect(configuration.program.name == "HIPO 2027")
        #expect(configuration.program.preferredHours == "10:00-12:00")
        #expect(configuration.program.freezeHours == 72)
        #expect(configuration.program.organizer == "coordinator@example.org")
    }

    @Test func reportsBadSchedulingKeys() {
        let (configuration, diagnostics) = load("""
            [program]
            name = ""
            preferred_hours = "12:00-10:00"
            freeze_hours = 9000
            organizer = "Coordinator <c@example.org>"
            """)
        #expect(diagnostics == [
            "kapstok.toml:2:8: error: invalid value '' for 'name' (expected a text of 1–200 characters without control characters)",
            "kapstok.toml:3:19: error: invalid value '12:00-10:00' for 'preferred_hours' (expected hours like \"09:00-17:00\")",
            "kapstok.toml:4:16: error: invalid value '9000' for 'freeze_hours' (expected an integer 0–8784)",
            "kapstok.toml:5:13: error: invalid e-mail address 'Coordinator <c@example.org>' for 'organizer' (expected an e-mail address like \"coordinator@example.org\", found an address that contains a blank)",
        ])
        #expect(configuration.program == Configuration.Program())
    }

    @Test func rejectsControlCharactersAndLongNames() {
        let long = String(repeating: "x", count: Limits.programTextLength.upperBound + 1)
        let (configuration, diagnostics) = load("[program]\nname = \"a\\u0007b\"\n")
        #expect(diagnostics.contains { $0.contains("for 'name' (expected a text of 1–200 characters without control characters)") })
        #expect(configuration.program.name == Configuration.Program().name)
        let (_, longDiagnostics) = load("[program]\nname = \"\(long)\"\n")
        #expect(longDiagnostics.count == 1)
        let (fits, fitsDiagnostics) = load("[program]\nname = \"\(long.dropLast())\"\n")
        #expect(fitsDiagnostics.isEmpty)
        #expect(fits.program.name.count == Limits.programTextLength.upperBound)
    }
}
