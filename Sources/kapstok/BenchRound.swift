import ArgumentParser
import Foundation
import GLPKSolver
import Kapstok
import KapstokIO

/// The round bench: the strategies side by side on one round (`kapstok bench --mentors …
/// --mentees …`), what-if settings with `--vary`.
struct BenchRoundOptions: ParsableArguments {
    @OptionGroup var input: RoundOptions

    @Option(help: "A given pairing to measure as strategy 'manual' (a pairings.csv as match writes it: mentee_id,mentor_id,…); its rule violations are counted, not refused.")
    var manual: String?

    @Option(help: "The random strategy's first seed (0–18446744073709551615, default 1); the others follow it.")
    var seed: UInt64?

    @Option(help: ArgumentHelp(
        "Re-run the optimal strategy with one setting changed, name=v1,v2,… (repeatable): \(WhatIfSetting.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "name=values"))
    var vary: [String] = []

    static let defaultSeeds = 10
    static let allStrategies = ["optimal", "fair", "greedy", "stable", "random", "manual"]

    var isGiven: Bool { input.hasFiles || manual != nil }

    func validate() throws {
        guard isGiven else {
            if !vary.isEmpty || seed != nil {
                throw ValidationError("--vary and --seed measure a round: give --mentors and --mentees")
            }
            return
        }
        try input.requirePeopleFiles()
        _ = try variations()
    }

    /// Checks the shared bench options for a round: the strategy names.
    func check(_ shared: BenchSharedOptions) throws {
        guard isGiven else { return }
        _ = try strategyNames(shared.strategies)
    }

    /// The strategies asked for, in the order given (default: all, manual only with `--manual`).
    func strategyNames(_ strategies: String?) throws -> [String] {
        guard let strategies else { return Self.allStrategies.filter { $0 != "manual" || manual != nil } }
        var names: [String] = []
        for item in strategies.split(separator: ",", omittingEmptySubsequences: false) {
            let name = item.trimmingCharacters(in: .whitespaces)
            guard Self.allStrategies.contains(name) else {
                throw ValidationError("--strategies: unknown strategy '\(TerminalText.escaped(name))'; strategies: \(Self.allStrategies.joined(separator: ", "))")
            }
            guard !names.contains(name) else { throw ValidationError("--strategies: '\(name)' is given twice") }
            if name == "manual" && manual == nil { throw ValidationError("--strategies: manual needs --manual FILE") }
            names.append(name)
        }
        return names
    }

    func variations() throws -> [Variation] {
        do {
            return try vary.map { text throws(VariationError) in try Variation.parse(text) }
        } catch {
            throw ValidationError(TerminalText.escaped(error.message))
        }
    }

    func run(output: BenchOutputOptions, shared: BenchSharedOptions) throws -> BenchReport {
        if let out = output.out { try OutputOptions.check(out: out) }
        let loaded = try input.prepareWithOutput()
        let prepared = loaded.prepared
        let names = try strategyNames(shared.strategies)
        var manualPairs: [(mentee: Int, mentor: Int)] = []
        if let manual {
            manualPairs = try Self.loadPairs(manual, round: prepared.round)
        }
        let stated = prepared.round.preferences
        let seedCount = names.contains("random") ? shared.seeds ?? Self.defaultSeeds : 0
        let firstSeed = seed ?? 1
        let solver = GLPKSolver()
        var strategies: [any PairingStrategy] = names.map { name in
            switch name {
            case "optimal": OptimalStrategy(solver: solver, objective: .total)
            case "fair": OptimalStrategy(solver: solver, objective: .fair)
            case "greedy": GreedyStrategy()
            case "stable": StableStrategy(stated: stated)
            case "random": RandomStrategy(seed: firstSeed)
            default: ManualStrategy(pairs: manualPairs)
            }
        }
        // The other seeds in the same call, so the preference orders are built once.
        for k in 1..<max(1, seedCount) { strategies.append(RandomStrategy(seed: firstSeed &+ UInt64(k))) }
        let options = StrategyOptions(timeLimit: try shared.seconds() ?? prepared.round.configuration.pairing.timeLimitSeconds)
        let all = try prepared.bench(strategies, options: options, stated: stated)
        let runs = Array(all.prefix(names.count))
        let randomRuns = names.contains("random") ? [runs[names.firstIndex(of: "random")!]] + all.dropFirst(names.count) : []

        var whatIf: [WhatIfRun] = []
        let variations = try variations()
        if !variations.isEmpty {
            let objective = prepared.round.configuration.pairing.objective
            let baseline = runs.first { $0.result.strategy == (objective == .total ? "optimal" : "fair") }
            whatIf = try prepared.whatIf(variations, solver: solver, options: options, stated: stated, baseline: baseline)
        }
        let round = prepared.round
        let report = BenchReport(
            title: "Kapstok bench",
            subtitle: "\(round.mentees.count) mentees × \(round.mentors.count) mentors, \(prepared.table.allowedCount) allowed pairs",
            prepared: prepared, runs: runs, randomSummary: BenchMetrics.summary(of: randomRuns.map(\.metrics)),
            randomSeeds: seedCount, whatIf: whatIf)
        let randomColumns = BenchMetrics.columnSummary(of: randomRuns.map(\.metrics))
        if let out = output.out {
            let files = BenchExport.files(for: report, randomColumns: randomColumns)
            try OutputOptions.commit(
                files, to: out, owning: BenchExport.ownership, command: "kapstok bench",
                settings: output.format.settings(preferences: loaded.output, inferred: loaded.inferred))
        }
        print(BenchTable.render(report, randomColumns: randomColumns, folder: output.out))
        return report
    }

    /// Reads a given pairing against the round; prints every problem and exits 65 on errors.
    static func loadPairs(_ path: String, round: Round) throws -> [(mentee: Int, mentor: Int)] {
        do {
            let loaded = try ManualPairsLoader.load(.file(URL(fileURLWithPath: path)), round: round)
            for warning in loaded.warnings { Terminal.error(warning.description) }
            return loaded.pairs
        } catch {
            throw Terminal.refuse(error)
        }
    }
}
