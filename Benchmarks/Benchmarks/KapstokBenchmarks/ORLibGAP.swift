// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Kapstok
import KapstokIO

/// A gapa/gapb/gapc instance with its name and published optimum (minimisation).
struct NamedGAPInstance: Sendable {
    let name: String
    let instance: GAPInstance
    let optimum: Int

    /// Why a solved round does not reach the published optimum, or `nil` when it does: proven
    /// optimal, every job assigned, no agent over capacity, and the cost recomputed from the
    /// file's matrices equal to the optimum.
    func mismatch(_ outcome: PairingOutcome) -> String? {
        var problems: [String] = []
        if outcome.status != .optimal { problems.append("status \(outcome.status.rawValue), not optimal (gap \(outcome.gap.map { "\($0)" } ?? "unknown"))") }
        if outcome.matched != instance.jobs { problems.append("\(outcome.matched) of \(instance.jobs) jobs assigned") }
        let (total, used) = instance.evaluate(outcome.assignment)
        if outcome.matched == instance.jobs && total != optimum { problems.append("cost \(total), published optimum \(optimum)") }
        if -outcome.totalScore != Double(total) { problems.append("reported total \(-outcome.totalScore) ≠ recomputed cost \(total)") }
        for i in 0..<instance.agents where used[i] > instance.capacity[i] {
            problems.append("agent \(i + 1) uses \(used[i]) of \(instance.capacity[i])")
        }
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
    static func instances(_ file: String) throws -> [NamedGAPInstance] {
        guard let optima = optima[file] else { throw Failure(description: "no published optima for \(file)") }
        let url = directory.appendingPathComponent("\(file).txt")
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw Failure(description: "cannot read \(url.path) (set KAPSTOK_GAP_DIR to the orlib-gap folder): \(error)")
        }
        let all: [GAPInstance]
        do {
            all = try GAPFormat.instances(in: text, file: file)
        } catch {
            throw Failure(description: error.description)
        }
        guard all.count == optima.count else { throw Failure(description: "\(file): \(all.count) instances, expected \(optima.count)") }
        var result: [NamedGAPInstance] = []
        for (k, instance) in all.enumerated() {
            let name = "\(file.dropFirst(3))\(sizes[k])"
            guard String(format: "%02d%d", instance.agents, instance.jobs) == sizes[k] else {
                throw Failure(description: "\(file) #\(k + 1): size \(instance.agents)×\(instance.jobs), expected \(name)")
            }
            result.append(NamedGAPInstance(name: name, instance: instance, optimum: optima[k]))
        }
        return result
    }
}
