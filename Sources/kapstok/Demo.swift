import ArgumentParser
import Diagnostics
import Foundation
import GLPKSolver
import Kapstok
import KapstokIO

extension KapstokCommand {
    /// `kapstok demo`: a full pairing round on the bundled sample dataset.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Run a full pairing round on the bundled sample dataset (datasets/sample), then schedule its sessions.")

        @Option(help: "The sample dataset folder.")
        var dataset: String = "datasets/sample"

        @Option(help: "Output folder.")
        var out: String = "out/demo"

        @Option(help: "The demo workspace (re-created on each run; only a folder holding a Kapstok workspace or nothing is used).")
        var workspace: String = "out/demo-workspace"

        @OptionGroup var solve: SolveOptions
        @OptionGroup var format: OutputFormatOptions

        func run() throws {
            let folder = URL(fileURLWithPath: dataset)
            func file(_ name: String) -> InputSource? {
                let url = folder.appendingPathComponent(name)
                return FileManager.default.fileExists(atPath: url.path) ? .file(url) : nil
            }
            guard let mentors = file("mentors.csv"), let mentees = file("mentees.csv") else {
                // Not a `ValidationError`: thrown from `run()`, that prints the root command's usage line.
                Terminal.error("error: no mentors.csv and mentees.csv in '\(TerminalText.escaped(dataset))'; run from the repository root or pass --dataset")
                throw ExitCode.validationFailure
            }
            let sources = RoundSources(
                mentors: mentors, mentees: mentees, framework: file("framework.csv"), scores: file("scores.csv"),
                constraints: file("constraints.csv"), history: file("history.csv"), configuration: file("kapstok.toml"))
            let round = try RoundOptions.prepareWithOutput(sources)
            let result = try solve.solve(round.prepared)
            try OutputOptions.write(result, to: out, settings: format.settings(preferences: round.output, inferred: round.inferred))
            print(SummaryTable.render(result, folder: out))
            print("")
            let show = TerminalText.escaped
            print("First pairs (see \(show(out))/pairings.csv for all, \(show(out))/unmatched.csv for the reasons):")
            for pair in result.pairs.prefix(5) {
                let mentee = result.round.mentees[pair.mentee]
                let mentor = result.round.mentors[pair.mentor]
                print("  \(show(mentee.id)) \(show(mentee.name)) ← \(show(mentor.id)) \(show(mentor.name)) "
                    + "(score \(Format.number(pair.score)), rank \(pair.rank)): \(show(pair.reason))")
            }
            // The round's sessions, on the dataset's availability and absences.
            let pairings = URL(fileURLWithPath: out).appendingPathComponent("pairings.csv")
            let schedule = ScheduleSources(
                pairings: .file(pairings), availability: file("availability.csv"), absences: file("absences.csv"),
                configuration: file("kapstok.toml"), contacts: [mentors, mentees])
            let loaded = try ScheduleFileOptions.load(schedule)
            let planned = try Scheduler.schedule(
                loaded.input, solver: GLPKSolver(options: .scheduling), timeLimit: loaded.configuration.pairing.timeLimitSeconds)
            let export = ScheduleExport(
                program: loaded.input.program, clock: loaded.input.clock, timeZone: loaded.timeZone,
                stamp: stamp(for: Clock.today), contacts: loaded.contacts)
            let files = export.exportedFiles(for: planned)
            try ScheduleFileOptions.write(
                files, to: out, command: "kapstok demo", settings: format.settings(preferences: loaded.output, inferred: loaded.inferredDialect))
            print("")
            print("Sessions (\(show(out))/sessions.csv, calendars in \(show(out))/calendars/):")
            print(ScheduleSummary.render(planned, changes: nil, folder: out, files: files.map(\.name)))
            try DemoWorkspace.run(
                folder: URL(fileURLWithPath: workspace), dataset: folder, result: result, schedule: planned, reportFolder: out)
        }
    }
}
