import Kapstok
import Testing

@testable import KapstokIO

@Suite struct AbsencesLoaderTests {
    private func load(_ text: String) -> (absences: [Absence], diagnostics: [String]) {
        var diagnostics = DiagnosticCollector()
        let absences = AbsencesLoader.load(
            .text(text, path: "absences.csv"), people: ["E1", "M1", "mentor-anna"], diagnostics: &diagnostics) ?? []
        return (absences, diagnostics.diagnostics.map(\.description))
    }

    @Test func readsInclusiveDatesAndReasons() {
        let (absences, diagnostics) = load("""
            person_id,from,to,reason
            E1,2027-04-06,2027-04-06,
            M1,2027-07-19,2027-08-06,summer holiday
            """)
        #expect(diagnostics.isEmpty)
        #expect(absences == [
            Absence(personID: "E1", from: CalendarDate(year: 2027, month: 4, day: 6), to: CalendarDate(year: 2027, month: 4, day: 6), location: absences.first?.location),
            Absence(personID: "M1", from: CalendarDate(year: 2027, month: 7, day: 19), to: CalendarDate(year: 2027, month: 8, day: 6), reason: "summer holiday", location: absences.last?.location),
        ])
        #expect(absences.map { $0.location?.description } == ["absences.csv:2:1", "absences.csv:3:1"])
    }

    @Test func reasonColumnIsOptional() {
        let (absences, diagnostics) = load("person_id,from,to\nE1,2027-04-06,2027-04-09\n")
        #expect(diagnostics.isEmpty)
        #expect(absences.map(\.reason) == [""])
    }

    @Test func namesTheExpectedFormForOtherDateForms() {
        let (absences, diagnostics) = load("""
            person_id,from,to
            E1,12/04/2027,2027-4-6
            E1,06.04.2027,2027-02-29
            E1,2027-04-10,2027-04-09
            E1,1999-12-31,2100-01-01
            mentor-ana,2027-04-06,2027-04-07
            E1,,
            """)
        #expect(diagnostics == [
            "absences.csv:2:4: error: invalid from date '12/04/2027' (expected a date like 2027-04-06 (YYYY-MM-DD))",
            "absences.csv:2:15: error: invalid to date '2027-4-6' (expected a date like 2027-04-06 (YYYY-MM-DD))",
            "absences.csv:3:4: error: invalid from date '06.04.2027' (expected a date like 2027-04-06 (YYYY-MM-DD))",
            "absences.csv:3:15: error: invalid to date '2027-02-29' (expected a date like 2027-04-06 (YYYY-MM-DD))",
            "absences.csv:4:15: error: to date '2027-04-09' is before from date '2027-04-10'",
            "absences.csv:5:4: error: from date '1999-12-31' out of range (expected a date from 2000-01-01 to 2099-12-31)",
            "absences.csv:5:15: error: to date '2100-01-01' out of range (expected a date from 2000-01-01 to 2099-12-31)",
            "absences.csv:6:1: error: unknown person 'mentor-ana'; did you mean 'mentor-anna'?",
            "absences.csv:7:4: error: empty from date (expected a date like 2027-04-06 (YYYY-MM-DD))",
            "absences.csv:7:5: error: empty to date (expected a date like 2027-04-06 (YYYY-MM-DD))",
        ])
        #expect(absences.isEmpty)
    }

    @Test func survivesHostileCells() {
        let huge = String(repeating: "9", count: 200_000)
        let (absences, diagnostics) = load("\u{FEFF}person_id;from;to\n\(huge);\(huge);\u{1B}[31m\nE1;2027-04-06\u{7};2027-04-07\n")
        #expect(absences.isEmpty)
        #expect(diagnostics.count == 4)
        #expect(diagnostics.allSatisfy { $0.hasPrefix("absences.csv:") && !$0.contains("\u{1B}") && $0.count < 400 })
    }
}
