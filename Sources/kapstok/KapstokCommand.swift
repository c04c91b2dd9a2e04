import ArgumentParser

/// The `kapstok` command: pairs mentors with mentees in HIPO leadership programs.
@main
struct KapstokCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kapstok",
        abstract: "Pair mentors with mentees in high-potential leadership programs.",
        discussion: """
            Scores mentor–mentee fit on competency gaps and domain expertise, pairs them \
            optimally with GLPK under hard rules, and explains every pair; schedules their \
            sessions; tracks goals, sessions and check-ins in a program workspace.

            Examples:
              kapstok match --mentors mentors.csv --mentees mentees.csv --out round-2027-q1/
              kapstok init hipo --name "HIPO 2027" && cd hipo && kapstok import --mentors … --mentees …
            """,
        version: "0.1.0",
        subcommands: [
            Match.self, Validate.self, Explain.self, Schedule.self, Replan.self, Demo.self, Generate.self,
            Init.self, Import.self, GoalCommand.self, MilestoneCommand.self, SessionCommand.self, CheckInCommand.self,
            AgendaCommand.self, ReportCommand.self, ExportCommand.self, BackupCommand.self, Bench.self, Evaluate.self,
        ]
    )
}
