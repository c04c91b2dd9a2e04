// The greedy baseline of the scheduling benchmarks (Benchmarks/schedule.sh): loads a folder
// written by `kapstok generate --pairs` with ScheduleLoader, runs GreedyScheduler.schedule and
// prints what it placed. It checks nothing; the script compares its figures with kapstok's.
//
//   ScheduleGreedy DIR      # DIR holds pairings.csv, availability.csv, absences.csv, kapstok.toml
//
// Output, one `key value` a line: pairs, pairs_complete, sessions_placed, sessions_wanted,
// seconds (the wall time of GreedyScheduler.schedule alone).
// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Kapstok
import KapstokIO

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 1, let folder = arguments.first else {
    FileHandle.standardError.write(Data("usage: ScheduleGreedy DIR (a folder written by kapstok generate --pairs)\n".utf8))
    exit(64)
}
func source(_ name: String) -> InputSource? {
    let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
    return FileManager.default.fileExists(atPath: url.path) ? .file(url) : nil
}
guard let pairings = source("pairings.csv") else {
    FileHandle.standardError.write(Data("error: \(folder)/pairings.csv not found\n".utf8))
    exit(66)
}
let loaded: LoadedSchedule
do {
    loaded = try ScheduleLoader.load(ScheduleSources(
        pairings: pairings, availability: source("availability.csv"), absences: source("absences.csv"),
        configuration: source("kapstok.toml")))
} catch {
    FileHandle.standardError.write(Data((error.diagnostics.map(\.description).joined(separator: "\n") + "\n").utf8))
    exit(65)
}

let clock = ContinuousClock()
let started = clock.now
let sessions = GreedyScheduler.schedule(loaded.input)
let elapsed = clock.now - started

var perPair: [PairID: Int] = [:]
for session in sessions { perPair[session.pair, default: 0] += 1 }
let pairs = Set(loaded.input.pairs.map(\.key))
let wanted = loaded.input.program.sessions
let complete = pairs.filter { perPair[$0, default: 0] >= wanted }.count
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("pairs \(pairs.count)")
print("pairs_complete \(complete)")
print("sessions_placed \(sessions.count)")
print("sessions_wanted \(pairs.count * wanted)")
print(String(format: "seconds %.3f", seconds))
