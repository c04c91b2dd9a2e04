import ArgumentParser

/// The `kapstok` command: pairs mentors with mentees in HIPO leadership programs.
@main
struct KapstokCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kapstok",
        abstract: "Pair mentors with mentees in high-potential leadership programs.",
        discussion: """
            Scores mentor–mentee fit on competency gaps and domain expertise, pairs them \
            optimally with GLPK under hard rules, and explains every pair.

            Example:
              kapstok match --mentors mentors.csv --mentees mentees.csv --out round-2027-q1/
            """,
        version: "0.1.0",
        subcommands: [Match.self, Validate.self, Explain.self, Schedule.self, Replan.self, Demo.self, Generate.self]
    )
}
