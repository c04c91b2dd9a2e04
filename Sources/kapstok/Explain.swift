import ArgumentParser
import Diagnostics
import Kapstok

extension KapstokCommand {
    /// `kapstok explain`: a mentee's ranked candidates with the full score breakdown.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Show a mentee's ranked candidates, the score breakdown, and which rule excludes whom.",
            discussion: """
                Example:
                  kapstok explain --mentors mentors.csv --mentees mentees.csv --mentee E007 --mentor M03
                """)

        @OptionGroup var input: RoundOptions

        @Option(help: "The mentee to explain (id from mentees.csv).")
        var mentee: String

        @Option(help: "Only this mentor (id from mentors.csv), with every term of the score.")
        var mentor: String?

        /// The range `--top` accepts.
        static let topRange = 1...100_000

        @Option(parsing: .unconditional, help: "How many candidates to list (1–100000).")
        var top: Int = 10

        func validate() throws {
            try input.requirePeopleFiles()
            guard Self.topRange.contains(top) else {
                throw ValidationError("--top must be between \(Self.topRange.lowerBound) and \(Self.topRange.upperBound), got \(top)")
            }
        }

        func run() throws {
            let prepared = try input.prepare()
            let round = prepared.round
            // Unknown ids are reported here rather than as a `ValidationError`: thrown from
            // `run()`, that prints the root command's usage line, which does not help.
            guard let i = round.mentees.firstIndex(where: { $0.id == mentee }) else {
                Terminal.error("error: unknown mentee \(Diagnostic.quoted(mentee)) in \(TerminalText.escaped(input.mentees ?? ""))")
                throw ExitCode.validationFailure
            }
            var only: Int?
            if let mentor {
                guard let j = round.mentors.firstIndex(where: { $0.id == mentor }) else {
                    Terminal.error("error: unknown mentor \(Diagnostic.quoted(mentor)) in \(TerminalText.escaped(input.mentors ?? ""))")
                    throw ExitCode.validationFailure
                }
                only = j
            }
            // Always explain against every mentor, so the header counts and ranks are the mentee's
            // own, then show only the requested mentor when there is one.
            let explanation = prepared.explanation(mentee: i)
            print(ExplanationText.render(explanation, round: round, top: top, only: only))
        }
    }
}

/// Renders an explanation as text; ids and names from the input files are shown through
/// `TerminalText.escaped`, so a crafted name cannot drive the terminal.
enum ExplanationText {
    /// - Parameter only: show just this mentor (index) with every term of its score.
    static func render(_ explanation: MenteeExplanation, round: Round, top: Int, only: Int? = nil) -> String {
        let mentee = round.mentees[explanation.mentee]
        let allTerms = only != nil
        let shown = only.map { j in explanation.candidates.filter { $0.mentor == j } }
            ?? Array(explanation.candidates.prefix(top))
        let excluded = only.map { j in explanation.excluded.filter { $0.mentor == j } } ?? explanation.excluded
        let show = TerminalText.escaped
        var lines = ["\(show(mentee.id)) \(show(mentee.name)): \(counted(explanation.candidates.count, "eligible mentor")), "
            + "\(explanation.excluded.count) excluded"]
        for candidate in shown {
            let mentor = round.mentors[candidate.mentor]
            lines.append("  #\(candidate.rank)  \(show(mentor.id)) \(show(mentor.name))  score \(Format.number(candidate.score))")
            for term in allTerms ? candidate.terms : Array(candidate.terms.prefix(3)) {
                lines.append("        +\(Format.number(term.points))  \(show(term.phrase))")
            }
            if let bonus = candidate.preference {
                lines.append("        +\(Format.number(bonus.points))  \(bonus.phrase)")
            }
        }
        if only == nil, explanation.candidates.count > top {
            lines.append("  … \(explanation.candidates.count - top) more eligible")
        }
        if !excluded.isEmpty {
            lines.append("excluded:")
            for entry in excluded {
                let mentor = round.mentors[entry.mentor]
                lines.append("  \(show(mentor.id)) \(show(mentor.name)): \(show(entry.details.joined(separator: "; ")))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
