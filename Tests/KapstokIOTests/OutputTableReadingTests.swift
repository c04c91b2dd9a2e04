import Foundation
import Kapstok
import Testing

@testable import KapstokIO

@Suite struct OutputTableReadingTests {
    @Test func csvColumnsGetTheirTypesBack() throws {
        var table = OutputTable(header: ["mentee_id", "score", "rank", "ratio", "code", "start", "day", "reason"])
        let start = LocalDateTime(date: CalendarDate(year: 2027, month: 1, day: 18), time: ClockTime(hours: 9, minutes: 0))
        table.append([
            .text("007"), .score(83.33), .integer(1), .decimal(0.125), .text("007"), .dateTime(start, text: "2027-01-18T09:00:00+01:00"),
            .date(CalendarDate(year: 2027, month: 2, day: 1)), .text("=SUM(A1)"),
        ])
        table.append([.text("12"), .score(-2), .integer(12), .decimal(3), .text("12"), .empty, .empty, .text("a, b")])
        for dialect in CSVDialect.allCases {
            let text = CSVWriter.text(table, dialect: dialect)
            let read = try #require(OutputTableReading.table(csv: Data(text.utf8), file: "pairings.csv"))
            #expect(read.header == table.header)
            // Ids stay text; so does a column with a leading zero; the formula guard is undone.
            #expect(read.rows[0][0] == .text("007"))
            #expect(read.rows[1][0] == .text("12"))
            #expect(read.rows[0][4] == .text("007"))
            #expect(read.rows[0][7] == .text("=SUM(A1)"))
            #expect(read.rows[0][1] == .number(83.33, text: "83.33", style: .twoDecimals))
            #expect(read.rows[1][2] == .number(12, text: "12", style: .integer))
            #expect(read.rows[0][3] == .number(0.125, text: "0.125", style: .general))
            #expect(read.rows[0][5] == .dateTime(start, text: "2027-01-18T09:00:00+01:00"))
            #expect(read.rows[0][6] == .date(CalendarDate(year: 2027, month: 2, day: 1)))
            #expect(read.rows[1][5] == .empty)
            #expect(read.rows[1][7] == .text("a, b"))
        }
    }

    @Test func jsonBecomesSortedKeyValueRows() throws {
        let json = #"{"status": "optimal", "matched": 30, "gap": 0.5, "proven": true, "bound": null, "groups": [{"id": "g1"}]}"#
        let read = try #require(OutputTableReading.table(json: Data(json.utf8)))
        #expect(read.header == ["key", "value"])
        #expect(read.rows.map { $0[0] } == ["bound", "gap", "groups.1.id", "matched", "proven", "status"].map(OutputCell.text))
        #expect(read.rows[0][1] == .empty)
        #expect(read.rows[1][1] == .number(0.5, text: "0.5", style: .general))
        #expect(read.rows[3][1] == .number(30, text: "30", style: .general))
        #expect(read.rows[4][1] == .text("true"))
        #expect(OutputTableReading.table(json: Data("not json".utf8)) == nil)
    }
}
