import ArgumentParser
import Foundation
import Kapstok
import KapstokIO

extension KapstokCommand {
    /// `kapstok evaluate`: the bench's measures of one given pairing, with every pair that breaks
    /// a rule or overfills its mentor listed in words.
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evaluate",
            abstract: "Measure a given pairing (e.g. last year's pairings.csv) on a round and list its rule violations.",
            discussion: """
                Violations are reported, not refused: the command exits 0 with them (65 for files \
                it cannot read, with every problem located).

                Example:
                  kapstok evaluate --pairings last-year/pairings.csv --mentors mentors.csv --mentees mentees.csv
                """)

        @OptionGroup var input: RoundOptions
        @OptionGroup var format: OutputFormatOptions

        @Option(help: "The pairing to measure: a pairings.csv as match writes it (mentee_id,mentor_id,…).")
        var pairings: String

        @Option(help: "Output folder for evaluate.csv, evaluate.json and violations.csv; replaced together, in one commit.")
        var out: String?

        func validate() throws {
            try input.requirePeopleFiles()
            if let out { try OutputOptions.check(out: out) }
        }

        func run() throws {
            let loaded = try input.prepareWithOutput()
            let prepared = loaded.prepared
            let pairs = try BenchRoundOptions.loadPairs(pairings, round: prepared.round)
            let stated = prepared.round.preferences
            let run = try prepared.bench([ManualStrategy(pairs: pairs)], stated: stated)[0]
            if let out {
                try OutputOptions.commit(
                    BenchExport.evaluateFiles(run, prepared: prepared), to: out, owning: BenchExport.evaluateOwnership,
                    command: "kapstok evaluate", settings: format.settings(preferences: loaded.output, inferred: loaded.inferred))
            }
            let round = prepared.round
            var lines = ["Kapstok evaluation: \(round.mentees.count) mentees × \(round.mentors.count) mentors, \(counted(pairs.count, "given pair"))"]
            lines += BenchTable.metricsTable([run], prepared: prepared, random: [], seeds: 0)
            let violations = run.result.violations
            lines.append("")
            lines.append(violations.isEmpty ? "No given pair breaks a rule." : "\(counted(violations.count, "given pair")) break a rule:")
            for violation in violations { lines.append("  " + TerminalText.escaped(prepared.describe(violation))) }
            if let out { lines.append("written to " + TerminalText.escaped(out)) }
            print(lines.joined(separator: "\n"))
        }
    }
}
