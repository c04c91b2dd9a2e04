import ArgumentParser
import Kapstok

extension KapstokCommand {
    /// `kapstok explain`: a mentee's ranked candidates with the full score breakdown.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
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

        @Option(help: "How many candidates to list.")
        var top: Int = 10

        func run() throws {
            let prepared = try input.prepare()
            let round = prepared.round
            guard let i = round.mentees.firstIndex(where: { $0.id == mentee }) else {
                throw ValidationError("unknown mentee '\(mentee)' in \(input.mentees)")
            }
            var only: [Int]?
            if let mentor {
                guard let j = round.mentors.firstIndex(where: { $0.id == mentor }) else {
                    throw ValidationError("unknown mentor '\(mentor)' in \(input.mentors)")
                }
                only = [j]
            }
            let explanation = prepared.explanation(mentee: i, mentors: only)
            print(ExplanationText.render(explanation, round: round, top: mentor == nil ? top : 1, allTerms: mentor != nil))
        }
    }
}

/// Renders an explanation as text.
enum ExplanationText {
    static func render(_ explanation: MenteeExplanation, round: Round, top: Int, allTerms: Bool) -> String {
        let mentee = round.mentees[explanation.mentee]
        var lines = ["\(mentee.id) \(mentee.name): \(explanation.candidates.count) eligible mentors, \(explanation.excluded.count) excluded"]
        for candidate in explanation.candidates.prefix(top) {
            let mentor = round.mentors[candidate.mentor]
            lines.append("  #\(candidate.rank)  \(mentor.id) \(mentor.name)  score \(Format.number(candidate.score))")
            for term in allTerms ? candidate.terms : Array(candidate.terms.prefix(3)) {
                lines.append("        +\(Format.number(term.points))  \(term.phrase)")
            }
        }
        if explanation.candidates.count > top {
            lines.append("  … \(explanation.candidates.count - top) more eligible")
        }
        if !explanation.excluded.isEmpty {
            lines.append("excluded:")
            for entry in explanation.excluded {
                let mentor = round.mentors[entry.mentor]
                lines.append("  \(mentor.id) \(mentor.name): \(entry.rules.map(\.phrase).joined(separator: ", "))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
