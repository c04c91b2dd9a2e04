import Foundation
import Kapstok
import KapstokIO

extension GAPInstance {
    /// `mentors.csv` (id,name,capacity), `mentees.csv` (id,name) and `scores.csv`
    /// (mentee_id,mentor_id,score,load) as a user would write them for `kapstok match --scores`.
    func csvFiles(maximise: Bool) -> (mentors: String, mentees: String, scores: String) {
        var mentors = "id,name,capacity\n"
        for i in 0..<agents { mentors += "\(Self.mentorID(i)),Agent \(i + 1),\(capacity[i])\n" }
        var mentees = "id,name\n"
        for j in 0..<jobs { mentees += "\(Self.menteeID(j)),Job \(j + 1)\n" }
        var scores = "mentee_id,mentor_id,score,load\n"
        for j in 0..<jobs {
            for i in 0..<agents {
                scores += "\(Self.menteeID(j)),\(Self.mentorID(i)),\(score(agent: i, job: j, maximise: maximise)),\(resource[i][j])\n"
            }
        }
        return (mentors, mentees, scores)
    }
}

/// The OR-Library GAP files kept in `datasets/orlib-gap/` (see its README.md).
enum ORLibGAP {
    /// `datasets/orlib-gap/` of this checkout, found from this source file's path.
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // KapstokTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("datasets/orlib-gap", isDirectory: true)
    }

    /// All instances of a `gapN.txt` file.
    static func instances(file name: String) throws -> [GAPInstance] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        return try GAPFormat.instances(in: text, file: name)
    }
}
