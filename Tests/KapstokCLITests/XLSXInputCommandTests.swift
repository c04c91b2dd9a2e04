import Foundation
import Testing

/// The sample round given as one HR workbook (`datasets/sample-xlsx/program.xlsx`, typed cells)
/// pairs exactly as its CSV files do; hostile workbooks give one golden error each.
@Suite("xlsx input") struct XLSXInputCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func sampleWorkbookPairsLikeTheCSVFiles() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let workbook = "datasets/sample-xlsx/program.xlsx"
        let csvRun = try CLI.run(
            ["match", "--mentors", "datasets/sample/mentors.csv", "--mentees", "datasets/sample/mentees.csv",
             "--constraints", "datasets/sample/constraints.csv", "--history", "datasets/sample/history.csv",
             "--out", temporary.path("csv")], in: Self.repository)
        let sheetRun = try CLI.run(
            ["match", "--mentors", "\(workbook)#Mentors", "--mentees", "\(workbook)#Mentees",
             "--constraints", "\(workbook)#Constraints", "--history", "\(workbook)#History",
             "--out", temporary.path("xlsx")], in: Self.repository)
        #expect(csvRun.exitCode == 0, "\(csvRun.stderr)")
        #expect(sheetRun.exitCode == 0, "\(sheetRun.stderr)")
        let csvPairings = try Data(contentsOf: URL(fileURLWithPath: temporary.path("csv/pairings.csv")))
        let sheetPairings = try Data(contentsOf: URL(fileURLWithPath: temporary.path("xlsx/pairings.csv")))
        #expect(!csvPairings.isEmpty)
        #expect(sheetPairings == csvPairings)
    }

    @Test(arguments: [
        "bad-mentees.xlsx#Mentees", "cells.xlsx#Peple", "renamed-csv.xlsx", "truncated.xlsx", "document.xlsx",
        "doctype.xlsx#People", "oversize.xlsx#People", "formula-uncached.xlsx",
    ])
    func hostileWorkbookGivesGoldenDiagnostics(_ name: String) throws {
        let result = try CLI.run(["validate", "--mentors", "valid/mentors.csv", "--mentees", "xlsx/\(name)"])
        #expect(result.exitCode == 65)
        #expect(result.stdout == "")
        let snapshot = name.replacingOccurrences(of: "#", with: "-").replacingOccurrences(of: ".xlsx", with: "")
        assertSnapshot(result.stderr, named: "xlsx-\(snapshot).stderr.txt")
    }
}
