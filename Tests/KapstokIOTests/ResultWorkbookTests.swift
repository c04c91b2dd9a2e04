import Foundation
import Testing
import ZIPFoundation

@testable import KapstokIO

@Suite struct ResultWorkbookTests {
    private func csv(_ text: String) -> Data { Data(text.utf8) }

    @Test func sheetsFollowTheKnownOrderAndSkipRepeatsAndCalendars() {
        let files: [(name: String, data: Data)] = [
            ("sessions.csv", csv("session_id,number\nS1,1\n")),
            ("bench.json", csv("{\"a\": 1}")),
            ("bench.csv", csv("strategy,total\noptimal,3.5\n")),
            ("summary.json", csv("{\"matched\": 2}")),
            ("pairings-greedy.csv", csv("mentee_id,score\nE1,2\n")),
            ("pairings.csv", csv("mentee_id,score\nE1,2\n")),
            ("calendars/program.ics", csv("BEGIN:VCALENDAR")),
            ("report.html", csv("<html>")),
        ]
        let sheets = ResultWorkbook.sheets(files)
        #expect(sheets.map(\.name) == ["Pairings", "Summary", "Sessions", "Strategies", "Pairings greedy"])
        #expect(sheets[0].table.rows == [[.text("E1"), .number(2, text: "2", style: .twoDecimals)]])
        #expect(sheets[1].table.rows == [[.text("matched"), .number(2, text: "2", style: .general)]])
    }

    @Test func ownTablesWinOverReadingTheirCSVBack() {
        var table = OutputTable(header: ["mentee_id", "rank"])
        table.append([.text("E1"), .text("1")])  // typed as text by its exporter: kept so
        let sheets = ResultWorkbook.sheets([("pairings.csv", csv("mentee_id,rank\nE1,1\n"))], tables: ["pairings.csv": table])
        #expect(sheets.first?.table == table)
    }

    @Test func theWorkbookInAFolderShowsEveryCommandsResults() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(folder)
        let match: [(name: String, data: Data)] = [("pairings.csv", csv("mentee_id,score\nE1,83.5\n")), ("summary.json", csv("{\"matched\": 1}"))]
        try output.commit(match, owning: OutputFolder.Ownership(names: ["pairings.csv", "summary.json", "round.xlsx"]),
            derived: ResultWorkbook.derived(own: match, tables: [:]))
        let schedule: [(name: String, data: Data)] = [("sessions.csv", csv("session_id,start\nS1,2027-01-18T09:00:00+01:00\n"))]
        try output.commit(schedule, owning: OutputFolder.Ownership(names: ["sessions.csv", "round.xlsx"]),
            derived: ResultWorkbook.derived(own: schedule, tables: [:]))
        let bytes = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent("round.xlsx").path))
        let archive = try Archive(data: bytes, accessMode: .read)
        var workbook = Data()
        _ = try archive.extract(try #require(archive["xl/workbook.xml"])) { workbook.append($0) }
        let text = String(decoding: workbook, as: UTF8.self)
        for name in ["Pairings", "Summary", "Sessions"] { #expect(text.contains("name=\"\(name)\"")) }
        #expect(text.range(of: "Pairings")!.lowerBound < text.range(of: "Sessions")!.lowerBound)
    }
}
