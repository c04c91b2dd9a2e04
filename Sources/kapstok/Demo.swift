import ArgumentParser
import Diagnostics
import Foundation
import Kapstok
import KapstokIO

extension KapstokCommand {
    /// `kapstok demo`: a full pairing round on the bundled sample dataset.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a full pairing round on the bundled sample dataset (datasets/sample).")

        @Option(help: "The sample dataset folder.")
        var dataset: String = "datasets/sample"

        @Option(help: "Output folder.")
        var out: String = "out/demo"

        @OptionGroup var solve: SolveOptions

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
            let prepared = try RoundOptions.prepare(sources)
            let result = try solve.solve(prepared)
            try OutputOptions.write(result, to: out)
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
        }
    }
}
