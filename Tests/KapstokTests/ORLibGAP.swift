import Foundation
import Kapstok

/// One instance of the generalised assignment problem from an OR-Library file.
///
/// `m` agents (mentors) with capacities `b[i]`; `n` jobs (mentees); assigning job `j` to agent
/// `i` costs `c[i][j]` and uses `a[i][j]` of the agent's capacity.
struct GAPInstance: Sendable {
    let agents: Int
    let jobs: Int
    /// `cost[i][j]`, agent-major as in the file.
    let cost: [[Int]]
    /// `resource[i][j]`: what job `j` uses of agent `i`'s capacity.
    let resource: [[Int]]
    /// `capacity[i]` of agent `i`.
    let capacity: [Int]

    static func mentorID(_ i: Int) -> String { "A\(i + 1)" }
    static func menteeID(_ j: Int) -> String { "J\(j + 1)" }

    /// The instance as a scores-mode round: agents become mentors (capacity `b[i]`), jobs become
    /// mentees, and every (job, agent) pair gets a score entry with the job's load on that agent.
    ///
    /// Kapstok maximises the score, so a minimisation instance is scored with `-cost`.
    func round(maximise: Bool) -> Round {
        let mentors = (0..<agents).map { i in
            Mentor(id: Self.mentorID(i), name: "Agent \(i + 1)", capacity: Double(capacity[i]))
        }
        let mentees = (0..<jobs).map { j in Mentee(id: Self.menteeID(j), name: "Job \(j + 1)") }
        var scores: [ScoreEntry] = []
        scores.reserveCapacity(agents * jobs)
        for j in 0..<jobs {
            for i in 0..<agents {
                scores.append(ScoreEntry(
                    menteeID: Self.menteeID(j), mentorID: Self.mentorID(i),
                    score: Double(maximise ? cost[i][j] : -cost[i][j]), load: Double(resource[i][j])))
            }
        }
        return Round(framework: .builtIn, mentors: mentors, mentees: mentees, scores: scores)
    }

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
                scores += "\(Self.menteeID(j)),\(Self.mentorID(i)),\(maximise ? cost[i][j] : -cost[i][j]),\(resource[i][j])\n"
            }
        }
        return (mentors, mentees, scores)
    }
}

/// Reads the OR-Library GAP files kept in `datasets/orlib-gap/` (see its README.md).
enum ORLibGAP {
    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    /// `datasets/orlib-gap/` of this checkout, found from this source file's path.
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // KapstokTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("datasets/orlib-gap", isDirectory: true)
    }

    /// All instances of a `gapN.txt`-style file: `P`, then per instance `m n`, the m×n costs,
    /// the m×n resource values and the m capacities. Line breaks carry no meaning.
    static func instances(file name: String) throws -> [GAPInstance] {
        let url = directory.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        var tokens = try text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
            .map { token -> Int in
                guard let value = Int(token) else { throw FormatError(description: "\(name): not an integer: '\(token)'") }
                return value
            }[...]
        func next() throws -> Int {
            guard let value = tokens.popFirst() else { throw FormatError(description: "\(name): ends too early") }
            return value
        }
        func matrix(_ rows: Int, _ columns: Int) throws -> [[Int]] {
            try (0..<rows).map { _ in try (0..<columns).map { _ in try next() } }
        }
        let count = try next()
        var result: [GAPInstance] = []
        for _ in 0..<count {
            let m = try next()
            let n = try next()
            guard m > 0, n > 0 else { throw FormatError(description: "\(name): bad size \(m)×\(n)") }
            let cost = try matrix(m, n)
            let resource = try matrix(m, n)
            let capacity = try (0..<m).map { _ in try next() }
            result.append(GAPInstance(agents: m, jobs: n, cost: cost, resource: resource, capacity: capacity))
        }
        guard tokens.isEmpty else { throw FormatError(description: "\(name): \(tokens.count) tokens left over") }
        return result
    }
}
