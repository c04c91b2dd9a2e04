// Kapstok's library benchmarks (ordo-one/benchmark). Run from the repository root:
//
//   swift package --package-path Benchmarks benchmark
//   swift package --package-path Benchmarks benchmark --filter 'Scoring.*'
//
// Each benchmark runs in its own process; its input (a generated round, a prepared round, GAP
// instances) is built in the setup hook, outside the measurement, and dropped in teardown.
// See Benchmarks/README.md for what each one measures.
// SPDX-License-Identifier: GPL-3.0-or-later
import Benchmark
import Foundation
import GLPKSolver
import Kapstok
import KapstokIO

/// Sizes as mentees × mentors, with how hard to sample each: small sizes run many iterations
/// within `maxDuration`, the large ones a handful, so a full run stays well under 10 minutes.
struct Size: Sendable {
    let mentees: Int
    let mentors: Int
    let maxIterations: Int
    let maxSeconds: Int
    let warmup: Int

    var label: String { "\(mentees)x\(mentors)" }
    var pairs: Int { mentees * mentors }
}

let scoringSizes = [
    Size(mentees: 100, mentors: 40, maxIterations: 10_000, maxSeconds: 3, warmup: 10),
    Size(mentees: 1_000, mentors: 300, maxIterations: 1_000, maxSeconds: 5, warmup: 3),
    Size(mentees: 5_000, mentors: 1_500, maxIterations: 20, maxSeconds: 10, warmup: 1),
    Size(mentees: 10_000, mentors: 3_000, maxIterations: 5, maxSeconds: 15, warmup: 1),
]

let pairingSizes = [
    Size(mentees: 100, mentors: 40, maxIterations: 1_000, maxSeconds: 5, warmup: 3),
    Size(mentees: 1_000, mentors: 300, maxIterations: 20, maxSeconds: 10, warmup: 1),
    Size(mentees: 5_000, mentors: 1_500, maxIterations: 3, maxSeconds: 30, warmup: 0),
]

/// The seed of every generated round (the end-to-end script uses the same one).
let seed: UInt64 = 1

/// The CLI's default time limit; a pairing or GAP run that hits it fails the benchmark.
let timeLimit = Double(ProcessInfo.processInfo.environment["KAPSTOK_BENCH_TIME_LIMIT"] ?? "") ?? 60

/// Seconds per GAP instance. Lower than the CLI's 60 s so that the suite stays under 10 minutes
/// while the solver cannot prove every gapb/gapc instance; an instance that hits it fails.
let gapTimeLimit = Double(ProcessInfo.processInfo.environment["KAPSTOK_GAP_TIME_LIMIT"] ?? "") ?? 30

/// Metrics every benchmark records: wall clock and CPU time, peak resident memory (absolute and
/// above the process's resident size at the start, i.e. with the input already built), and the
/// malloc interposer's counters (count, bytes, and what was not freed by the end of the
/// iteration). `memoryLeaked` is a jemalloc-only metric not produced with Swift 6.3's
/// interposer backend; `mallocFreeDelta` / `memoryLeakedBytes` replace it.
let commonMetrics: [BenchmarkMetric] = [
    .wallClock, .cpuTotal,
    .peakMemoryResident, .peakMemoryResidentDelta,
    .mallocCountTotal, .mallocBytesCount, .mallocFreeDelta, .memoryLeakedBytes,
]

let pairsPerSecond = BenchmarkMetric.custom("Pairs scored (# / s)", polarity: .prefersLarger, useScalingFactor: false)
let solveMilliseconds = BenchmarkMetric.custom("solveSeconds (ms)", polarity: .prefersSmaller, useScalingFactor: false)
let candidatesMetric = BenchmarkMetric.custom("Candidates (#)", polarity: .prefersSmaller, useScalingFactor: false)
let missedMetric = BenchmarkMetric.custom("Instances not proven at the optimum (#)", polarity: .prefersSmaller, useScalingFactor: false)
let pricingRoundsMetric = BenchmarkMetric.custom("Pricing rounds (#)", polarity: .prefersSmaller, useScalingFactor: false)

/// Holds a benchmark's input between its setup hook and its iterations.
final class Input<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    var value: Value {
        get {
            lock.lock()
            defer { lock.unlock() }
            guard let stored else { fatalError("benchmark input used before its setup hook ran") }
            return stored
        }
        set {
            lock.lock()
            stored = newValue
            lock.unlock()
        }
    }

    func clear() {
        lock.lock()
        stored = nil
        lock.unlock()
    }
}

func milliseconds(_ duration: Duration) -> Int {
    Int((Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) * 1e-15).rounded())
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// Failures that must not pass silently: a pairing that is not proven optimal, a GAP instance off
/// its published optimum. `Benchmark.error` would drop the benchmark's figures and still let the
/// run exit 0, so instead the figures are kept, the reasons are printed (from the teardown hook,
/// once the tool has given stderr back) and the benchmark process exits 1, which makes
/// `swift package benchmark` report a failed job and exit non-zero after printing its tables.
enum Failures {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var messages: [String] = []
    nonisolated(unsafe) private static var exitHookInstalled = false

    static func record(_ benchmark: Benchmark, _ message: String) {
        lock.lock()
        defer { lock.unlock() }
        messages.append("\(benchmark.name): \(message)")
        if !exitHookInstalled {
            exitHookInstalled = true
            atexit { _exit(1) }
        }
    }

    /// Prints the recorded failures to stderr; called from teardown hooks.
    static func report() {
        lock.lock()
        defer { lock.unlock() }
        guard !messages.isEmpty else { return }
        let text = messages.map { "error: \($0)" }.joined(separator: "\n")
        FileHandle.standardError.write(Data("\n\(text)\n(the benchmark process will exit 1)\n\n".utf8))
    }
}

let benchmarks: @Sendable () -> Void = {
    // MARK: Scoring — PreparedRound(round:) from a generated Round: eligibility, every pair scored.
    for size in scoringSizes {
        let round = Input<Round>()
        Benchmark(
            "Scoring \(size.label)",
            configuration: .init(
                metrics: commonMetrics + [pairsPerSecond],
                warmupIterations: size.warmup,
                maxDuration: .seconds(size.maxSeconds),
                maxIterations: size.maxIterations,
                setup: { round.value = RoundGenerator(mentees: size.mentees, mentors: size.mentors, seed: seed).makeRound() },
                teardown: { round.clear(); Failures.report() }
            )
        ) { benchmark in
            let input = round.value
            for _ in benchmark.scaledIterations {
                let start = ContinuousClock.now
                let prepared = try PreparedRound(round: input)
                let elapsed = ContinuousClock.now - start
                blackHole(prepared)
                benchmark.measurement(pairsPerSecond, Int((Double(size.pairs) / seconds(elapsed)).rounded()))
            }
        }
    }

    // MARK: Pairing — PreparedRound.solve(using: GLPKSolver()) on a round scored in setup.
    for size in pairingSizes {
        let prepared = Input<PreparedRound>()
        Benchmark(
            "Pairing \(size.label)",
            configuration: .init(
                metrics: commonMetrics + [solveMilliseconds, candidatesMetric, pricingRoundsMetric],
                warmupIterations: size.warmup,
                maxDuration: .seconds(size.maxSeconds),
                maxIterations: size.maxIterations,
                setup: {
                    let round = RoundGenerator(mentees: size.mentees, mentors: size.mentors, seed: seed).makeRound()
                    prepared.value = try PreparedRound(round: round)
                },
                teardown: { prepared.clear(); Failures.report() }
            )
        ) { benchmark in
            let input = prepared.value
            let options = PairingOptions(objective: .total, timeLimit: timeLimit)
            for _ in benchmark.scaledIterations {
                let result = try input.solve(using: GLPKSolver(), options: options)
                let outcome = result.outcome
                if outcome.status != .optimal {
                    Failures.record(benchmark, "status \(outcome.status.rawValue), not optimal (matched \(outcome.matched), gap \(outcome.gap ?? .nan)) after \(outcome.solveSeconds) s")
                }
                benchmark.measurement(solveMilliseconds, Int((outcome.solveSeconds * 1000).rounded()))
                benchmark.measurement(candidatesMetric, outcome.candidates)
                benchmark.measurement(pricingRoundsMetric, outcome.pricingRounds)
                blackHole(result)
            }
        }
    }

    // MARK: GAP — OR-Library gapa/gapb/gapc (6 instances each) through scores mode, checked
    // against the published optima. One iteration solves all six instances of a file.
    for file in ["gapa", "gapb", "gapc"] {
        let instances = Input<[(NamedGAPInstance, Round)]>()
        let perInstance = ORLibGAP.sizes.map { size in
            BenchmarkMetric.custom("\(file.dropFirst(3))\(size) (ms)", polarity: .prefersSmaller, useScalingFactor: false)
        }
        Benchmark(
            "GAP \(file)",
            configuration: .init(
                metrics: commonMetrics + [missedMetric] + perInstance,
                warmupIterations: 0,
                maxDuration: .seconds(1),
                maxIterations: 1,
                setup: { instances.value = try ORLibGAP.instances(file).map { ($0, $0.instance.round(maximise: false)) } },
                teardown: { instances.clear(); Failures.report() }
            )
        ) { benchmark in
            let options = PairingOptions(objective: .total, timeLimit: gapTimeLimit)
            var missed = 0
            for (k, (instance, round)) in instances.value.enumerated() {
                let start = ContinuousClock.now
                let result = try PreparedRound(round: round).solve(using: GLPKSolver(), options: options)
                benchmark.measurement(perInstance[k], milliseconds(ContinuousClock.now - start))
                if let problem = instance.mismatch(result.outcome) {
                    missed += 1
                    Failures.record(benchmark, problem)
                }
                blackHole(result)
            }
            benchmark.measurement(missedMetric, missed)
        }
    }

    // MARK: Tracking — ProgressReport.make(from:) and Agenda.make on a generated program halfway
    // through: 5,000 mentees, 15,000 goals, 40,000 sessions, 30,000 check-ins (target: report
    // ≤ 0.3 s, agenda well under 50 ms).
    let snapshot = Input<TrackingSnapshot>()
    let trackingSetup: @Sendable () -> Void = {
        snapshot.value = TrackingGenerator(mentees: 5_000, mentors: 1_700, seed: seed).makeSnapshot()
    }
    Benchmark(
        "Tracking report 5000",
        configuration: .init(
            metrics: commonMetrics, warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 20,
            setup: trackingSetup, teardown: { snapshot.clear() })
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(ProgressReport.make(from: snapshot.value)) }
    }
    Benchmark(
        "Tracking agenda 5000",
        configuration: .init(
            metrics: commonMetrics, warmupIterations: 3, maxDuration: .seconds(5), maxIterations: 200,
            setup: trackingSetup, teardown: { snapshot.clear() })
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Agenda.make(snapshot: snapshot.value, menteeID: snapshot.value.mentees[2_499].id)) }
    }

    // MARK: Workbook input — CSVReader.read of a 10,000-row × 30-column sheet (shared strings and
    // numbers; made by `python3 Scripts/make_xlsx_fixtures.py --big`, openpyxl). Target ≤ 0.5 s.
    let workbook = Input<[UInt8]>()
    Benchmark(
        "XLSX read 10000x30",
        configuration: .init(
            metrics: commonMetrics, warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 20,
            setup: {
                let path = FileManager.default.temporaryDirectory.appendingPathComponent("kapstok-bench-10000x30.xlsx").path
                let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scripts/make_xlsx_fixtures.py")
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["python3", script.path, "--big", path]
                try? process.run()
                process.waitUntilExit()
                workbook.value = (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
            }, teardown: { workbook.clear() })
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            var diagnostics = DiagnosticCollector()
            blackHole(CSVReader.read(.contents(workbook.value, path: "mentees.xlsx"), diagnostics: &diagnostics))
        }
    }

    // MARK: Bench — every pairing strategy and every metric on 2,000 × 700 (Strategies.swift).
    strategyBenchmarks()
}
