// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Kapstok

/// One instance of the generalised assignment problem from an OR-Library file
/// (`datasets/orlib-gap/`, format in its README.md).
struct GAPInstance: Sendable {
    let name: String
    let agents: Int
    let jobs: Int
    /// `cost[i][j]`, agent-major as in the file.
    let cost: [[Int]]
    /// `resource[i][j]`: what job `j` uses of agent `i`'s capacity.
    let resource: [[Int]]
    /// `capacity[i]` of agent `i`.
    let capacity: [Int]
    /// The published optimum (minimisation), proven in the dataset's README.
    let optimum: Int

    /// A scores-mode round: agents are mentors (capacity = b), jobs are mentees, every
    /// (job, agent) pair is a candidate with score = −cost (Kapstok maximises) and load = resource.
    func round() -> Round {
        let mentors = (0..<agents).map { i in Mentor(id: "A\(i + 1)", name: "Agent \(i + 1)", capacity: Double(capacity[i])) }
        let mentees = (0..<jobs).map { j in Mentee(id: "J\(j + 1)", name: "Job \(j + 1)") }
        var scores: [ScoreEntry] = []
        scores.reserveCapacity(agents * jobs)
        for j in 0..<jobs {
            for i in 0..<agents {
                scores.append(ScoreEntry(
                    menteeID: "J\(j + 1)", mentorID: "A\(i + 1)", score: Double(-cost[i][j]), load: Double(resource[i][j])))
            }
        }
        return Round(framework: .builtIn, mentors: mentors, mentees: mentees, scores: scores)
    }

    /// Why a solved round does not reach the published optimum, or `nil` when it does: proven
    /// optimal, every job assigned, no agent over capacity, and the cost recomputed from the
    /// file's matrices equal to the optimum.
    func mismatch(_ outcome: PairingOutcome) -> String? {
        var problems: [String] = []
        if outcome.status != .optimal { problems.append("status \(outcome.status.rawValue), not optimal (gap \(outcome.gap.map { "\($0)" } ?? "unknown"))") }
        if outcome.matched != jobs { problems.append("\(outcome.matched) of \(jobs) jobs assigned") }
        var used = [Int](repeating: 0, count: agents)
        var total = 0
        for (j, agent) in outcome.assignment.enumerated() {
            guard let i = agent else { continue }
            used[i] += resource[i][j]
            total += cost[i][j]
        }
        if outcome.matched == jobs && total != optimum { problems.append("cost \(total), published optimum \(optimum)") }
        if -outcome.totalScore != Double(total) { problems.append("reported total \(-outcome.totalScore) ≠ recomputed cost \(total)") }
        for i in 0..<agents where used[i] > capacity[i] { problems.append("agent \(i + 1) uses \(used[i]) of \(capacity[i])") }
        return problems.isEmpty ? nil : "\(name): " + problems.joined(separator: "; ")
    }
}

/// Reads the gapa/gapb/gapc files of `datasets/orlib-gap/`.
enum ORLibGAP {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Published optima (minimisation, all proven; `datasets/orlib-gap/README.md`), in file order:
    /// (5,100), (5,200), (10,100), (10,200), (20,100), (20,200).
    static let optima: [String: [Int]] = [
        "gapa": [1698, 3235, 1360, 2623, 1158, 2339],
        "gapb": [1843, 3552, 1407, 2827, 1166, 2339],
        "gapc": [1931, 3456, 1402, 2806, 1243, 2391],
    ]
    static let sizes = ["05100", "05200", "10100", "10200", "20100", "20200"]

    /// `$KAPSTOK_GAP_DIR`, else `datasets/orlib-gap/` of the checkout this file was built from.
    static var directory: URL {
        if let dir = ProcessInfo.processInfo.environment["KAPSTOK_GAP_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // KapstokBenchmarks
            .deletingLastPathComponent()  // Benchmarks (targets)
            .deletingLastPathComponent()  // Benchmarks (package)
            .deletingLastPathComponent()  // repository root
            .appendingPathComponent("datasets/orlib-gap", isDirectory: true)
    }

    /// The six instances of `gapa`, `gapb` or `gapc`, each with its published optimum.
    static func instances(_ file: String) throws -> [GAPInstance] {
        guard let optima = optima[file] else { throw Failure(description: "no published optima for \(file)") }
        let url = directory.appendingPathComponent("\(file).txt")
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw Failure(description: "cannot read \(url.path) (set KAPSTOK_GAP_DIR to the orlib-gap folder): \(error)")
        }
        var tokens = try text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
            .map { token -> Int in
                guard let value = Int(token) else { throw Failure(description: "\(file): not an integer: '\(token)'") }
                return value
            }[...]
        func next() throws -> Int {
            guard let value = tokens.popFirst() else { throw Failure(description: "\(file): ends too early") }
            return value
        }
        func matrix(_ rows: Int, _ columns: Int) throws -> [[Int]] {
            try (0..<rows).map { _ in try (0..<columns).map { _ in try next() } }
        }
        let count = try next()
        guard count == optima.count else { throw Failure(description: "\(file): \(count) instances, expected \(optima.count)") }
        var result: [GAPInstance] = []
        for k in 0..<count {
            let m = try next()
            let n = try next()
            let name = "\(file.dropFirst(3))\(sizes[k])"
            guard String(format: "%02d%d", m, n) == sizes[k] else {
                throw Failure(description: "\(file) #\(k + 1): size \(m)×\(n), expected \(name)")
            }
            let cost = try matrix(m, n)
            let resource = try matrix(m, n)
            let capacity = try (0..<m).map { _ in try next() }
            result.append(GAPInstance(
                name: name, agents: m, jobs: n, cost: cost, resource: resource, capacity: capacity, optimum: optima[k]))
        }
        guard tokens.isEmpty else { throw Failure(description: "\(file): \(tokens.count) tokens left over") }
        return result
    }
}
