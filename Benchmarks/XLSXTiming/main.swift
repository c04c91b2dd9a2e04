// Times XLSXWriter.workbook on the sheets of a 10,000 × 3,000 round (Pairings 10,000 × 7 with
// reasons of 60–120 characters, Unmatched, Summary); target ≤ 1 s in a release build.
import Foundation
import Kapstok
import KapstokIO

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
var times: [Double] = []
var size = 0
for _ in 0..<7 {
    let start = DispatchTime.now().uptimeNanoseconds
    let data = try XLSXWriter.workbook(sheets)
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    size = data.count
}
times.sort()
print("workbook \(size) bytes; ms min \(times[0]) median \(times[3]) max \(times[6])")
