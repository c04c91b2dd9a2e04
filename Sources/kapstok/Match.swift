import ArgumentParser
import Foundation
import GLPKSolver
import Kapstok
import KapstokIO
import KapstokStore

extension KapstokCommand {
    /// `kapstok match`: a full pairing round from CSV files to output files.
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "match",
            abstract: "Run a pairing round and write pairings.csv, unmatched.csv and summary.json.",
            discussion: """
                Example:
                  kapstok match --mentors mentors.csv --mentees mentees.csv --out round-2027-q1/
                """)

        @OptionGroup var input: RoundOptions
        @OptionGroup var solve: SolveOptions
        @OptionGroup var workspace: WorkspaceOptions
        @OptionGroup var format: OutputFormatOptions

        @Option(help: "Output folder (created if missing); its files are replaced together, in one commit. Optional with a workspace.")
        var out: String?

        @Option(help: "With a workspace: the match date (draft goals start on it), YYYY-MM-DD; default today (UTC).")
        var today: String?

        /// On a workspace: `--workspace`, or no round files and the current folder holds one.
        var usesWorkspace: Bool { workspace.workspace != nil || (!input.hasFiles && workspace.isGiven) }

        func validate() throws {
            if usesWorkspace {
                if input.hasFiles {
                    throw ValidationError("--workspace reads the round from the workspace; bring files in with 'kapstok import', or drop --workspace")
                }
            } else {
                try input.requirePeopleFiles()
                guard out != nil else { throw ValidationError("Missing expected argument '--out <out>'") }
            }
            if let out { try OutputOptions.check(out: out) }
            if let today { _ = try parseDay(today, flag: "--today") }
        }

        func run() throws {
            if usesWorkspace { return try WorkspaceRounds.match(self) }
            let loaded = try input.prepareWithOutput()
            let result = try solve.solve(loaded.prepared)
            let out = self.out ?? ""
            try OutputOptions.write(result, to: out, settings: format.settings(preferences: loaded.output, inferred: loaded.inferred))
            print(SummaryTable.render(result, folder: out))
            if result.outcome.status == .infeasible { throw ExitCode(1) }
        }
    }
}

/// How to solve: objective and time limit, defaulting to the configuration.
struct SolveOptions: ParsableArguments {
    @Option(help: "total (most matched, then highest total score) or fair (most matched, then highest minimum, then total).")
    var objective: PairingObjective?

    @Option(
        name: .customLong("time-limit"), parsing: .unconditional,
        help: "Seconds (0 < s ≤ \(Int(SolveOptions.maximumTimeLimit))) before returning the best pairing found, with its bound and gap.")
    var timeLimit: String?

    /// The longest time limit accepted, in seconds (one week), as in `kapstok.toml`.
    static let maximumTimeLimit = Limits.timeLimitSeconds.upperBound

    func validate() throws {
        _ = try seconds()
    }

    /// The `--time-limit` value, checked: a plain number, 0 < s ≤ one week.
    func seconds() throws -> Double? {
        try Self.seconds(timeLimit)
    }

    /// A `--time-limit` text, checked (shared by `schedule` and `replan`).
    static func seconds(_ timeLimit: String?) throws -> Double? {
        guard let timeLimit else { return nil }
        guard let value = Double(timeLimit), timeLimit.allSatisfy({ "0123456789.eE+-".contains($0) }), value.isFinite else {
            throw ValidationError("--time-limit must be a number of seconds, not '\(TerminalText.escaped(timeLimit))'")
        }
        guard Limits.timeLimitSeconds.contains(value) else {
            throw ValidationError("--time-limit must be positive and at most \(Int(Self.maximumTimeLimit)) seconds (one week); got \(timeLimit)")
        }
        return value
    }

    func options(for round: Round) -> PairingOptions {
        PairingOptions(
            objective: objective ?? round.configuration.pairing.objective,
            timeLimit: (try? seconds()) ?? round.configuration.pairing.timeLimitSeconds)
    }

    func solve(_ prepared: PreparedRound) throws -> RoundResult {
        try prepared.solve(using: GLPKSolver(), options: options(for: prepared.round))
    }
}

extension PairingObjective: ExpressibleByArgument {}

/// Writes a result's files, reporting a failure without touching existing outputs.
enum OutputOptions {
    /// An `--out` value that names a folder.
    static func check(out: String) throws {
        if out.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--out must name a folder (it is empty)")
        }
        if out.utf8.count > 4000 {
            throw ValidationError("--out is longer than 4000 bytes")
        }
    }

    /// Writes files into an output folder as one commit (``OutputFolder``, with the test fault
    /// hooks); exit 73 with the reason when that fails, the folder's old files untouched.
    static func commit(
        _ files: [(name: String, data: Data)], to out: String, owning ownership: OutputFolder.Ownership, command: String,
        derived: OutputFolder.Derived? = nil
    ) throws {
        do {
            try OutputFolder(URL(fileURLWithPath: out)).commit(
                files, owning: ownership, command: command, hook: FaultInjection.commitHook(), derived: derived)
        } catch {
            Terminal.error("error: \(TerminalText.escaped(error.description))")
            throw ExitCode(73)
        }
    }

    /// The output commit of every command that writes an output folder: the CSV files in the
    /// settings' dialect (JSON, calendars and other text as they are), and `round.xlsx` made by
    /// ``ResultWorkbook`` (every result in the folder) when asked for. `round.xlsx` is always owned, so a stale workbook
    /// goes when it is not asked for.
    static func commit(
        _ files: [ExportedFile], to out: String, owning ownership: OutputFolder.Ownership, command: String,
        settings: OutputSettings
    ) throws {
        var ownership = ownership
        ownership.names.insert(ResultWorkbook.fileName)
        let named = files.named(dialect: settings.dialect)
        var tables: [String: OutputTable] = [:]
        for file in files { if let table = file.table { tables[file.name] = table } }
        let derived = settings.writesWorkbook ? ResultWorkbook.derived(own: named, tables: tables) : nil
        try commit(named, to: out, owning: ownership, command: command, derived: derived)
    }

    /// Writes a round's result files (``RoundResultExport``).
    static func write(_ result: RoundResult, to path: String, settings: OutputSettings) throws {
        try commit(RoundResultExport.files(for: result), to: path, owning: RoundResultExport.ownership, command: "kapstok match", settings: settings)
    }
}

/// Test hooks for the output commit, set through the environment (never in normal use):
/// `KAPSTOK_TEST_COMMIT_DELAY_MS=N` sleeps N ms after each commit step and names the step on
/// standard error; `KAPSTOK_TEST_KILL_AT=<step>` sends the process SIGKILL at that step
/// (`locked`, `generation-written`, `linked`, `switched`, `cleaned`).
enum FaultInjection {
    /// `KAPSTOK_TEST_KILL_AT=commit`: SIGKILL inside a workspace write, just before it commits;
    /// `KAPSTOK_TEST_COMMIT_DELAY_MS=N` sleeps there first (so another process can be started).
    static func installWorkspaceHook() {
        let environment = ProcessInfo.processInfo.environment
        let delay = environment["KAPSTOK_TEST_COMMIT_DELAY_MS"].flatMap { UInt32($0) }
        let kills = environment["KAPSTOK_TEST_KILL_AT"] == "commit"
        guard delay != nil || kills else { return }
        WorkspaceTestHooks.beforeCommit = {
            if let delay {
                Terminal.error("kapstok: workspace commit")
                usleep(delay * 1000)
            }
            if kills { kill(getpid(), SIGKILL) }
        }
    }

    static func commitHook() -> ((OutputFolder.CommitStep) -> Void)? {
        let environment = ProcessInfo.processInfo.environment
        let delay = environment["KAPSTOK_TEST_COMMIT_DELAY_MS"].flatMap { UInt32($0) }
        let killAt = environment["KAPSTOK_TEST_KILL_AT"]
        guard delay != nil || killAt != nil else { return nil }
        return { step in
            if let delay {
                Terminal.error("kapstok: commit step \(step.rawValue)")
                usleep(delay * 1000)
            }
            if step.rawValue == killAt { kill(getpid(), SIGKILL) }
        }
    }
}
