import ArgumentParser

/// The `kapstok` command: pairs mentors with mentees in HIPO leadership programs.
@main
struct KapstokCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kapstok",
        abstract: "Pair mentors with mentees in high-potential leadership programs.",
        version: "0.1.0",
        subcommands: []
    )
}
