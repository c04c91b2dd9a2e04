import ArgumentParser
import Foundation
import Kapstok
import KapstokIO
import KapstokStore

extension KapstokCommand {
    /// `kapstok generate`: a realistic synthetic round, or scheduling input, of any size.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write a realistic synthetic round (mentors.csv, mentees.csv, constraints.csv, history.csv) or, with --pairs, scheduling input.",
            discussion: """
                With --mentees and --mentors: a pairing round. With --pairs: the input of \
                `kapstok schedule` (pairings.csv, availability.csv, absences.csv and a kapstok.toml \
                with the benchmark program: 26 weeks from 2027-02-01, 8 sessions 3–6 weeks apart).

                Examples:
                  kapstok generate --mentees 1000 --mentors 300 --seed 1 --out bench/1000x300/
                  kapstok generate --pairs 1000 --seed 1 --out bench/schedule-1000/
                """)

        @Option(parsing: .unconditional, help: "Number of mentees (0–\(Generate.maximumPeople)).") var mentees: Int?
        @Option(parsing: .unconditional, help: "Number of mentors (0–\(Generate.maximumPeople)).") var mentors: Int?
        @Option(
            parsing: .unconditional,
            help: "Number of pairs to schedule (0–\(Limits.schedulePairs)); instead of --mentees and --mentors.")
        var pairs: Int?
        @Option(help: "Random seed; the same seed gives the same files.") var seed: UInt64 = 1
        @OptionGroup var csv: CSVDialectOption
        @Option(help: "Output folder.") var out: String?
        @Option(help: "With --mentees and --mentors: write a program workspace halfway through (goals, sessions, check-ins) to this new folder instead of files.")
        var workspace: String?

        /// The most people of each kind a generated round has: the generator's cost and its files
        /// grow linearly (about 200 bytes a person), so a million is about 200 MB per file.
        static let maximumPeople = 1_000_000

        func validate() throws {
            if let pairs {
                if mentees != nil || mentors != nil {
                    throw ValidationError("--pairs generates scheduling input; it cannot be combined with --mentees or --mentors")
                }
                if pairs < 0 || pairs > Limits.schedulePairs {
                    throw ValidationError("--pairs must be between 0 and \(Limits.schedulePairs); got \(pairs)")
                }
            } else {
                guard mentees != nil, mentors != nil else {
                    throw ValidationError("give --mentees and --mentors (a pairing round) or --pairs (scheduling input)")
                }
                for (flag, value) in [("--mentees", mentees ?? 0), ("--mentors", mentors ?? 0)]
                where value < 0 || value > Self.maximumPeople {
                    throw ValidationError("\(flag) must be between 0 and \(Self.maximumPeople); got \(value)")
                }
            }
            if (out == nil) == (workspace == nil) { throw ValidationError("give --out (files) or --workspace (a generated workspace)") }
            if workspace != nil && pairs != nil { throw ValidationError("--workspace is generated from --mentees and --mentors, not --pairs") }
            if workspace != nil && (mentors ?? 0) < 1 { throw ValidationError("a generated workspace needs --mentors 1 or more") }
            if let out { try OutputOptions.check(out: out) }
            if let workspace { try OutputOptions.check(out: workspace) }
        }

        func run() throws {
            if let workspace {
                print(try GeneratedWorkspace.write(mentees: mentees ?? 0, mentors: mentors ?? 1, seed: seed, to: workspace))
                return
            }
            let out = self.out ?? ""
            let files: [ExportedFile]
            let ownership: OutputFolder.Ownership
            if let pairs {
                var configuration = Configuration()
                configuration.program = ScheduleGenerator.benchmarkProgram
                let input = ScheduleGenerator(pairs: pairs, seed: seed, program: ProgramCalendar(configuration.program))
                    .makeNamedInput()
                files = ScheduleInputExporter.files(for: input, configuration: configuration)
                ownership = ScheduleInputExporter.ownership
            } else {
                let round = RoundGenerator(mentees: mentees ?? 0, mentors: mentors ?? 0, seed: seed).makeRound()
                files = RoundExporter.files(for: round)
                ownership = RoundExporter.ownership
            }
            let dialect = try csv.dialect() ?? .rfc4180
            do {
                try OutputFolder(URL(fileURLWithPath: out)).commit(
                    files.named(dialect: dialect), owning: ownership, command: "kapstok generate",
                    hook: FaultInjection.commitHook())
            } catch {
                Terminal.error("error: \(TerminalText.escaped(error.description))")
                throw ExitCode(73)
            }
            print("wrote \(files.map(\.name).joined(separator: ", ")) to \(out)")
        }
    }
}

/// `kapstok generate --mentees N --mentors M --workspace DIR`: a program workspace halfway
/// through (``TrackingGenerator``), for benchmarks and trials: people, pairs, a schedule with
/// logs, goals, milestones and check-ins, written through the same store as every command.
enum GeneratedWorkspace {
    static func write(mentees: Int, mentors: Int, seed: UInt64, to path: String) throws -> String {
        let generator = TrackingGenerator(mentees: mentees, mentors: max(1, mentors), seed: seed)
        let snapshot = generator.makeSnapshot()
        var configuration = Configuration()
        configuration.program.name = "Generated program \(mentees)x\(mentors) seed \(seed)"
        configuration.program.start = generator.programStart
        configuration.program.end = generator.programEnd
        let folder = URL(fileURLWithPath: path)
        let store: Workspace
        do {
            store = try Workspace.create(at: folder, name: configuration.program.name, configurationText: ConfigurationWriter.toml(configuration))
        } catch {
            Terminal.error("error: \(TerminalText.escaped(String(describing: error)))")
            throw ExitCode(73)
        }
        let stamp = "\(generator.programStart)T09:00:00Z"
        try workspaceWrite {
            _ = try store.importData(ImportBatch(mentors: snapshot.mentors, mentees: snapshot.mentees), at: stamp, actor: "generate")
            _ = try store.recordRound(
                RoundRecord(
                    kind: .match, at: stamp, date: generator.programStart, actor: "generate", configurationText: "",
                    summary: "generated", pairs: snapshot.pairs.map { RecordedPair(menteeID: $0.menteeID, mentorID: $0.mentorID, score: 0, rank: 1, reason: "generated") }))
            _ = try store.recordRound(
                RoundRecord(
                    kind: .schedule, at: stamp, date: generator.programStart, actor: "generate", configurationText: "",
                    summary: "generated", sessions: snapshot.sessions.map(\.session)))
            _ = try store.importGoals(snapshot.goals, at: stamp, actor: "generate")
            try store.importMilestones(snapshot.milestones)
            _ = try store.importSessionLogs(
                snapshot.sessions, program: generator.programStart...generator.programEnd, at: stamp, actor: "generate")
            _ = try store.importCheckIns(snapshot.checkIns)
        }
        return "wrote a workspace to \(path): \(snapshot.mentees.count) mentees, \(snapshot.mentors.count) mentors, "
            + "\(snapshot.goals.count) goals, \(snapshot.milestones.count) milestones, \(snapshot.sessions.count) sessions, "
            + "\(snapshot.checkIns.count) check-ins, as of \(generator.today)"
    }
}
