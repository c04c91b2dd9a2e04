import Kapstok
import Testing

@testable import KapstokIO

@Suite struct AvailabilityLoaderTests {
    private let people: Set<String> = ["E1", "E2", "M1", "M2"]

    private func load(_ text: String, people: Set<String>? = nil) -> (windows: [AvailabilityWindow], diagnostics: [String]) {
        var diagnostics = DiagnosticCollector()
        let windows = AvailabilityLoader.load(
            .text(text, path: "availability.csv"), people: people ?? self.people, diagnostics: &diagnostics) ?? []
        return (windows, diagnostics.diagnostics.map(\.description))
    }

    private func window(_ text: String) -> TimeWindow { TimeWindow(text)! }

    @Test func readsWindowsInAnyCaseWithSplitAndOverlappingRows() {
        let (windows, diagnostics) = load("""
            person_id,weekday,start,end
            E1,mon,09:00,12:00
            E1,Monday,13:00,17:00
            E1,MON,11:00,14:00
            M1,sunday,18:00,24:00
            M2,Thu,00:00,00:30
            """)
        #expect(diagnostics.isEmpty)
        #expect(windows.map(\.personID) == ["E1", "E1", "E1", "M1", "M2"])
        #expect(windows.map(\.weekday) == [.monday, .monday, .monday, .sunday, .thursday])
        #expect(windows.map(\.window) == [
            window("09:00-12:00"), window("13:00-17:00"), window("11:00-14:00"), window("18:00-24:00"),
            window("00:00-00:30"),
        ])
        #expect(windows.map { $0.location?.description } == (2...6).map { "availability.csv:\($0):1" })
    }

    @Test func reportsEveryProblemOfTheFileInOneRun() {
        let (windows, diagnostics) = load("""
            person_id,weekday,start,end
            E1,tuesdy,09:00,12:00
            E1,xyz,09:00,12:00
            E1,wed,9:00,12:00
            E1,wed,09:00,24:01
            E1,wed,24:00,24:00
            E1,wed,14:00,09:00
            E1,wed,10:00,10:00
            e1,wed,10:00,11:00
            X9,wed,10:00,11:00
            ,,,09:00
            E2,fri,09:00,12:00
            """)
        #expect(diagnostics == [
            "availability.csv:2:4: error: invalid weekday 'tuesdy'; did you mean 'tuesday'?",
            "availability.csv:3:4: error: invalid weekday 'xyz' (expected mon, tue, wed, thu, fri, sat, sun or the full English names)",
            "availability.csv:4:8: error: invalid start '9:00' (expected a time like 09:30 (HH:MM), 00:00 to 23:59)",
            "availability.csv:5:14: error: invalid end '24:01' (expected a time like 09:30 (HH:MM), 00:00 to 24:00)",
            "availability.csv:6:8: error: start '24:00' is not a start time (24:00 is an end only)",
            "availability.csv:7:8: error: start '14:00' is not before end '09:00'",
            "availability.csv:8:8: error: start '10:00' is not before end '10:00'",
            "availability.csv:9:1: error: unknown person 'e1'; did you mean 'E1'?",
            "availability.csv:10:1: error: unknown person 'X9' (not in the pairs)",
            "availability.csv:11:1: error: empty person_id",
            "availability.csv:11:2: error: empty weekday (expected mon, tue, wed, thu, fri, sat, sun or the full English names)",
            "availability.csv:11:3: error: empty start (expected a time like 09:30 (HH:MM))",
        ])
        #expect(windows.map(\.personID) == ["E2"])
    }

    @Test func limitsRowsPerPerson() {
        let limit = Limits.availabilityRowsPerPerson
        let rows = (0...limit).map { _ in "E1,mon,09:00,10:00" } + ["E2,mon,09:00,10:00"]
        let (windows, diagnostics) = load((["person_id,weekday,start,end"] + rows).joined(separator: "\n"))
        #expect(diagnostics == ["availability.csv:\(limit + 2):1: error: more than \(limit) availability rows for 'E1'"])
        #expect(windows.count == limit + 1)
        #expect(windows.filter { $0.personID == "E1" }.count == limit)
    }

    @Test func reportsHeaderProblems() {
        let (windows, diagnostics) = load("person_id,weekdy,start\nE1,mon,09:00\n")
        #expect(diagnostics == [
            "availability.csv:1:1: error: missing column 'end'",
            "availability.csv:1:11: error: unknown column 'weekdy'; did you mean 'weekday'?",
        ])
        #expect(windows.isEmpty)
    }

    @Test func survivesHostileCells() {
        let huge = String(repeating: "é", count: 100_000)
        let text = "\u{FEFF}person_id,weekday,start,end\r\n\(huge),\(huge),\(huge),\(huge)\r\nE1,mon,\u{7}09:00,12:00\r\nE1,\"\",\"\",\"\"\r\n"
        let (windows, diagnostics) = load(text)
        #expect(windows.isEmpty)
        // Row 2: four bad cells; row 3: the start; row 4: three empty cells.
        #expect(diagnostics.count == 8)
        #expect(diagnostics.allSatisfy { $0.hasPrefix("availability.csv:") && $0.contains(": error: ") })
        #expect(diagnostics.allSatisfy { $0.count < 400 })
    }

    @Test func aNULByteMakesTheFileBinary() {
        var diagnostics = DiagnosticCollector()
        let windows = AvailabilityLoader.load(
            .text("person_id,weekday,start,end\nE1,\u{0}mon,09:00,12:00\n", path: "a.csv"), people: people, diagnostics: &diagnostics)
        #expect(windows == nil)
        #expect(diagnostics.diagnostics.map(\.id) == [.binaryFile])
    }

    @Test func skipsThePersonCheckWithoutPeople() {
        var diagnostics = DiagnosticCollector()
        let windows = AvailabilityLoader.load(
            .text("person_id,weekday,start,end\nanyone,sat,10:00,11:00\n", path: "a.csv"), people: nil, diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.isEmpty)
        #expect(windows?.map(\.personID) == ["anyone"])
    }
}
