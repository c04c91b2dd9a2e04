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

        @Option(help: "Number of mentees.") var mentees: Int
        @Option(help: "Number of mentors.") var mentors: Int
        @Option(help: "Random seed; the same seed gives the same files.") var seed: UInt64 = 1
        @Option(help: "Output folder.") var out: String

        func validate() throws {
            guard mentees >= 0, mentors >= 0 else { throw ValidationError("--mentees and --mentors must be ≥ 0") }
        }

        func run() throws {
            let round = RoundGenerator(mentees: mentees, mentors: mentors, seed: seed).makeRound()
            let files = RoundExporter.files(for: round)
            do {
                try AtomicFileWriter.write(files.map { ($0.name, $0.data) }, in: URL(fileURLWithPath: out))
            } catch {
                Terminal.error("error: \(error.description)")
                throw ExitCode(73)
            }
            print("wrote \(files.map(\.name).joined(separator: ", ")) to \(out)")
        }
    }
}
