import ArgumentParser
import Foundation
import GLPKSolver
import Kapstok
import KapstokIO

extension KapstokCommand {
    /// `kapstok match`: a full pairing round from CSV files to output files.
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a pairing round and write pairings.csv, unmatched.csv and summary.json.",
            discussion: """
                Example:
                  kapstok match --mentors mentors.csv --mentees mentees.csv --out round-2027-q1/
                """)

        @OptionGroup var input: RoundOptions
        @OptionGroup var solve: SolveOptions

        @Option(help: "Output folder (created if missing); files are replaced atomically.")
        var out: String

        func run() throws {
            let prepared = try input.prepare()
            let result = try solve.solve(prepared)
            try OutputFolder.write(result, to: out)
            print(SummaryTable.render(result, folder: out))
            if result.outcome.status == .infeasible { throw ExitCode(1) }
        }
    }
}

/// How to solve: objective and time limit, defaulting to the configuration.
struct SolveOptions: ParsableArguments {
    @Option(help: "total (most matched, then highest total score) or fair (most matched, then highest minimum, then total).")
    var objective: PairingObjective?

    @Option(name: .customLong("time-limit"), help: "Seconds before returning the best pairing found, with its bound and gap.")
    var timeLimit: Double?

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) || !timeLimit.isFinite {
            throw ValidationError("--time-limit must be a positive number of seconds")
        }
    }

    func options(for round: Round) -> PairingOptions {
        PairingOptions(
            objective: objective ?? round.configuration.pairing.objective,
            timeLimit: timeLimit ?? round.configuration.pairing.timeLimitSeconds)
    }

    func solve(_ prepared: PreparedRound) throws -> RoundResult {
        try prepared.solve(using: GLPKSolver(), options: options(for: prepared.round))
    }
}

extension PairingObjective: ExpressibleByArgument {}

/// Writes a result's files, reporting a failure without touching existing outputs.
enum OutputFolder {
    static func write(_ result: RoundResult, to path: String) throws {
        do {
            try RoundResultExport.write(result, to: URL(fileURLWithPath: path))
        } catch {
            Terminal.error("error: \(error.description)")
            throw ExitCode(73)
        }
    }
}
