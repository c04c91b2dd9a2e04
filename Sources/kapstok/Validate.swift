import ArgumentParser
import Kapstok

extension KapstokCommand {
    /// `kapstok validate`: check a round's files without solving or writing anything.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check a round's input files; report every problem as file:line:column.",
            discussion: """
                Exit code 0 when the files are usable, 65 when any has an error.
                Example:
                  kapstok validate --mentors mentors.csv --mentees mentees.csv
                """)

        @OptionGroup var input: RoundOptions

        func validate() throws {
            try input.requirePeopleFiles()
        }

        func run() throws {
            let prepared = try input.prepare()
            let round = prepared.round
            print("ok: \(counted(round.mentees.count, "mentee")), \(counted(round.mentors.count, "mentor")), "
                + "\(counted(prepared.table.allowedCount, "allowed pair")), \(counted(round.rules.count, "rule")), "
                + "\(counted(round.history.count, "history entry", "history entries"))")
            if input.preferences != nil {
                let stated = round.preferences
                print("stated preferences: \(counted(stated.mentees.count, "mentee")) and \(counted(stated.mentors.count, "mentor")) with a list, "
                    + "\(counted(stated.mentees.values.reduce(0) { $0 + $1.count } + stated.mentors.values.reduce(0) { $0 + $1.count }, "choice")) in all")
            }
            let both = round.peopleInBothFiles
            if !both.isEmpty {
                let ids = both.map { "'\($0)'" }.joined(separator: ", ")
                print("\(counted(both.count, "person", "people")) in both mentors and mentees, "
                    + "never paired with themselves: \(ids)")
            }
        }
    }
}
