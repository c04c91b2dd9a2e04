import ArgumentParser
import Foundation
import Kapstok
import KapstokIO

extension KapstokCommand {
    /// `kapstok generate`: a realistic synthetic round of any size.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a realistic synthetic round (mentors.csv, mentees.csv, constraints.csv, history.csv).",
            discussion: """
                Example:
                  kapstok generate --mentees 1000 --mentors 300 --seed 1 --out bench/1000x300/
                """)

        @Option(parsing: .unconditional, help: "Number of mentees (0–\(Generate.maximumPeople)).") var mentees: Int
        @Option(parsing: .unconditional, help: "Number of mentors (0–\(Generate.maximumPeople)).") var mentors: Int
        @Option(help: "Random seed; the same seed gives the same files.") var seed: UInt64 = 1
        @Option(help: "Output folder.") var out: String

        /// The most people of each kind a generated round has: the generator's cost and its files
        /// grow linearly (about 200 bytes a person), so a million is about 200 MB per file.
        static let maximumPeople = 1_000_000

        func validate() throws {
            for (flag, value) in [("--mentees", mentees), ("--mentors", mentors)]
            where value < 0 || value > Self.maximumPeople {
                throw ValidationError("\(flag) must be between 0 and \(Self.maximumPeople); got \(value)")
            }
            try OutputOptions.check(out: out)
        }

        func run() throws {
            let round = RoundGenerator(mentees: mentees, mentors: mentors, seed: seed).makeRound()
            let files = RoundExporter.files(for: round)
            do {
                try OutputFolder(URL(fileURLWithPath: out)).commit(
                    files.map { ($0.name, $0.data) }, owning: RoundExporter.ownership, command: "kapstok generate",
                    hook: FaultInjection.commitHook())
            } catch {
                Terminal.error("error: \(TerminalText.escaped(error.description))")
                throw ExitCode(73)
            }
            print("wrote \(files.map(\.name).joined(separator: ", ")) to \(out)")
        }
    }
}
