// Times XLSXWriter.workbook on the sheets of a 10,000 × 3,000 round (Pairings 10,000 × 7 with
// reasons of 60–120 characters, Unmatched, Summary); target ≤ 1 s in a release build. With
// workbook paths as arguments (`file.xlsx` or `file.xlsx#Sheet`, e.g. a 10,000-row × 30-column
// mentees sheet), also times reading each into a table (CSVReader.read, the loaders' seam);
// target ≤ 0.5 s. A CSV path is timed the same way, for comparison.
import Diagnostics
import Foundation
import Kapstok
import KapstokIO

/// Minimum, median and maximum milliseconds of 7 runs.
func timed(_ work: () throws -> Void) rethrows -> String {
    var times: [Double] = []
    for _ in 0..<7 {
        let start = DispatchTime.now().uptimeNanoseconds
        try work()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    return "ms min \(times[0]) median \(times[3]) max \(times[6])"
}

for path in CommandLine.arguments.dropFirst() {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
        // An output folder (e.g. `kapstok match` on a 10,000 × 3,000 round): its round.xlsx made
        // from its files as a later command would (CSV files read back, then written).
        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".csv") || $0.hasSuffix(".json") }.sorted()
        let files = try names.map { (name: $0, data: try Data(contentsOf: URL(fileURLWithPath: path + "/" + $0))) }
        var size = 0
        let figures = try timed { size = try XLSXWriter.workbook(ResultWorkbook.sheets(files)).count }
        print("round.xlsx of \(path) (\(names.joined(separator: ", "))): \(size) bytes; \(figures)")
        continue
    }
    var records = 0, columns = 0
    let figures = timed {
        var diagnostics = DiagnosticCollector()
        let table = CSVReader.read(.file(URL(fileURLWithPath: path)), headerNames: ["id", "name"], diagnostics: &diagnostics)
        records = table?.records.count ?? -1
        columns = table?.header.count ?? -1
    }
    print("read \(path): \(records) rows × \(columns) columns; \(figures)")
}

// A 10,000 × 3,000 round's workbook: Pairings (10,000 × 7), Unmatched, Summary.
var pairings = OutputTable(header: ["mentee_id", "mentee_name", "mentor_id", "mentor_name", "score", "rank", "reason"])
let words = ["leadership", "strategy", "coaching", "finance", "communication", "delegation", "negotiation", "same site", "language", "seniority gap"]
for index in 0..<10_000 {
    let mentor = index % 3_000
    var reason = "strong overlap on "
    var word = index
    while reason.utf8.count < 60 + index % 60 {
        reason += words[word % words.count] + ", "
        word = word &* 31 &+ 7
    }
    pairings.append([.text("E\(index)"), .text("Mentee Name \(index)"), .text("M\(mentor)"), .text("Mentor Name \(mentor)"),
                     .score(Double(index % 9973) / 97.3), .integer(index % 5 + 1), .text(reason)])
}
var unmatched = OutputTable(header: ["mentee_id", "mentee_name", "reason"])
for index in 0..<50 { unmatched.append([.text("X\(index)"), .text("Unmatched \(index)"), .text("no mentor with capacity")]) }
var summary = OutputTable(header: ["key", "value"])
for index in 0..<20 { summary.append([.text("key.\(index)"), .decimal(Double(index) * 1.5)]) }
let sheets = [XLSXSheet(name: "Pairings", table: pairings), XLSXSheet(name: "Unmatched", table: unmatched), XLSXSheet(name: "Summary", table: summary)]
var size = 0
let figures = try timed { size = try XLSXWriter.workbook(sheets).count }
print("workbook \(size) bytes; \(figures)")
