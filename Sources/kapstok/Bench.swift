import ArgumentParser
import Foundation
import Kapstok
import KapstokIO

extension KapstokCommand {
    /// `kapstok bench`: pairing strategies side by side on one round, what-if settings, a
    /// scaling sweep, or OR-Library GAP instances; a terminal table, files in `--out`, and an
    /// HTML report with `--html`.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench",
            abstract: "Compare pairing strategies on a round, what-if settings, scaling, or OR-Library GAP instances.",
            discussion: """
                Examples:
                  kapstok bench --mentors mentors.csv --mentees mentees.csv --manual last-year/pairings.csv --html bench.html
                  kapstok bench --mentors mentors.csv --mentees mentees.csv --vary min_grade_gap=0,1,2 --out bench/
                  kapstok bench --sweep --out sweep/
                  kapstok bench --orlib gapa.txt --minimise --known
                """)

        @OptionGroup var round: BenchRoundOptions
        @OptionGroup var sweep: BenchSweepOptions
        @OptionGroup var orlib: BenchORLibOptions
        @OptionGroup var output: BenchOutputOptions
        @OptionGroup var shared: BenchSharedOptions

        func validate() throws {
            let modes = [orlib.isGiven ? "--orlib" : nil, sweep.isGiven ? "--sweep" : nil, round.isGiven ? "a round (--mentors, --mentees)" : nil]
                .compactMap { $0 }
            if modes.count > 1 {
                throw ValidationError("\(modes.joined(separator: " and ")) are separate benches; give one")
            }
            if modes.isEmpty {
                throw ValidationError("give a round (--mentors and --mentees), --sweep or --orlib FILE")
            }
            try round.check(shared)
        }

        /// The files the bench reads, which `--html` must not overwrite.
        var inputFiles: [String] {
            let input = round.input
            return [input.mentors, input.mentees, input.framework, input.scores, input.constraints, input.history, input.config, input.org, input.preferences, round.manual, orlib.orlib]
                .compactMap { $0 }
        }

        func run() throws {
            try output.refuseOverwriting(inputs: inputFiles)
            let report: BenchReport
            if orlib.isGiven {
                report = try orlib.run(output: output, shared: shared)
            } else if sweep.isGiven {
                report = try sweep.run(output: output, shared: shared)
            } else {
                report = try round.run(output: output, shared: shared)
            }
            try output.writeHTML(report)
        }
    }
}

/// Where a bench's results go: `--out DIR` (its CSV and JSON files, one commit) and `--html FILE`.
struct BenchOutputOptions: ParsableArguments {
    @Option(help: "Output folder for bench.csv, bench.json and pairings-<strategy>.csv (or sweep/orlib files); replaced together, in one commit.")
    var out: String?

    @Option(help: "Write a self-contained HTML report with SVG charts to this file.")
    var html: String?

    @OptionGroup var format: OutputFormatOptions
}
