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
        // A round read from workbooks is written for Excel (excel-comma: BOM, CRLF), with the
        // very cells the CSV round gives.
        for name in ["pairings.csv", "unmatched.csv"] {
            let csv = String(decoding: try Data(contentsOf: URL(fileURLWithPath: temporary.path("csv/" + name))), as: UTF8.self)
            let sheet = String(decoding: try Data(contentsOf: URL(fileURLWithPath: temporary.path("xlsx/" + name))), as: UTF8.self)
            #expect(!csv.isEmpty)
            #expect(sheet.hasPrefix("\u{FEFF}mentee_id,"), "\(name) is excel-comma")
            #expect(String(sheet.dropFirst()).replacingOccurrences(of: "\r\n", with: "\n") == csv, "\(name)")
        }

        // The schedule from the workbook's Availability and Absences sheets is the CSV one, byte for byte.
        func schedule(_ availability: String, _ absences: String, _ out: String) throws -> CommandResult {
            try CLI.run(
                ["schedule", "--pairings", temporary.path("csv/pairings.csv"), "--availability", availability,
                 "--absences", absences, "--config", "datasets/sample/kapstok.toml", "--mentors", "datasets/sample/mentors.csv",
                 "--mentees", "datasets/sample/mentees.csv", "--today", "2027-01-04", "--out", temporary.path(out)], in: Self.repository)
        }
        let csvSchedule = try schedule("datasets/sample/availability.csv", "datasets/sample/absences.csv", "csv-schedule")
        let sheetSchedule = try schedule("\(workbook)#Availability", "\(workbook)#Absences", "xlsx-schedule")
        #expect(csvSchedule.exitCode == 0, "\(csvSchedule.stderr)")
        #expect(sheetSchedule.exitCode == 0, "\(sheetSchedule.stderr)")
        for name in ["sessions.csv", "unscheduled.csv", "calendars/program.ics"] {
            let csv = try Data(contentsOf: URL(fileURLWithPath: temporary.path("csv-schedule/" + name)))
            let sheet = try Data(contentsOf: URL(fileURLWithPath: temporary.path("xlsx-schedule/" + name)))
            #expect(!csv.isEmpty && sheet == csv, "\(name)")
        }
    }

    /// The workspace's imports read the same sheets: a workspace filled from the workbook pairs
    /// as one filled from the CSV files.
    @Test func workspaceImportsReadWorkbookSheets() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let workbook = Self.repository.appendingPathComponent("datasets/sample-xlsx/program.xlsx").path
        let sample = Self.repository.appendingPathComponent("datasets/sample").path
        var pairings: [String] = []
        for (name, files) in [
            ("csv", ["mentors.csv", "mentees.csv", "constraints.csv", "history.csv", "availability.csv", "absences.csv"].map { sample + "/" + $0 }),
            ("xlsx", ["Mentors", "Mentees", "Constraints", "History", "Availability", "Absences"].map { workbook + "#" + $0 }),
        ] {
            let workspace = temporary.path(name)
            let created = try CLI.run(["init", workspace, "--name", "Pilot", "--config", sample + "/kapstok.toml"])
            #expect(created.exitCode == 0, "\(created.stderr)")
            let imported = try CLI.run([
                "import", "--workspace", workspace, "--mentors", files[0], "--mentees", files[1], "--constraints", files[2],
                "--history", files[3], "--availability", files[4], "--absences", files[5],
            ])
            #expect(imported.exitCode == 0, "\(name): \(imported.stderr)")
            #expect(imported.stdout.contains("absences: 18 added"), "\(imported.stdout)")
            let matched = try CLI.run(["match", "--workspace", workspace, "--today", "2027-01-04", "--out", temporary.path(name + "-round"), "--csv-dialect", "rfc4180"])
            #expect(matched.exitCode == 0, "\(name): \(matched.stderr)")
            pairings.append(try contents(temporary.path(name + "-round/pairings.csv")))
        }
        #expect(!pairings[0].isEmpty && pairings[0] == pairings[1])
    }

    @Test(arguments: [
        "bad-mentees.xlsx#Mentees", "cells.xlsx#Peple", "renamed-csv.xlsx", "truncated.xlsx", "document.xlsx",
        "doctype.xlsx#People", "oversize.xlsx#People", "formula-uncached.xlsx", "protected.xlsx", "old.xls", "spreadsheet.ods",
        "empty.xlsx", "old-renamed.xlsx", "past-end.xlsx", "endless-deflate.xlsx",
    ])
    func hostileWorkbookGivesGoldenDiagnostics(_ name: String) throws {
        let result = try CLI.run(["validate", "--mentors", "valid/mentors.csv", "--mentees", "xlsx/\(name)"])
        #expect(result.exitCode == 65)
        #expect(result.stdout == "")
        let snapshot = name.replacingOccurrences(of: "#", with: "-").replacingOccurrences(of: ".xlsx", with: "")
        assertSnapshot(result.stderr, named: "xlsx-\(snapshot).stderr.txt")
    }
}
