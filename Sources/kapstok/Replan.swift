import ArgumentParser
import Foundation
import GLPKSolver
import Kapstok
import KapstokIO

extension KapstokCommand {
    /// `kapstok replan`: the current schedule after a change, moving as little as possible.
    struct Replan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "replan",
            abstract: "Re-plan after a change: only sessions that must move, move; writes changes.csv and calendar updates.",
            discussion: """
                Held sessions, sessions before --today and sessions within [program] freeze_hours of it
                never move. Example:
                  kapstok replan --sessions round/sessions.csv --pairings round/pairings.csv \\
                      --availability availability.csv --absences absences.csv --config kapstok.toml \\
                      --mentors mentors.csv --mentees mentees.csv --today 2027-03-08 --out round/
                """)

        @Option(help: "The current sessions.csv (statuses planned, held, cancelled, no_show). Not with a workspace.")
        var sessions: String?

        @OptionGroup var files: ScheduleFileOptions
        @OptionGroup var workspace: WorkspaceOptions

        var usesWorkspace: Bool { workspace.workspace != nil || (!files.hasFiles && sessions == nil && addPairs == nil && workspace.isGiven) }

        @Option(help: "The date of the re-plan, YYYY-MM-DD: nothing before it moves.")
        var today: String

        @Option(name: .customLong("leave"), help: "A person leaving the program (repeatable): their sessions from today on are cancelled.")
        var leaving: [String] = []

        @Option(name: .customLong("add-pairs"), help: "New pairs CSV (mentee_id,mentor_id): they get the program's sessions from today.")
        var addPairs: String?

        @Option(name: .customLong("session"), help: "A session id to move (repeatable, with one --not-before each).")
        var sessionIDs: [String] = []

        @Option(name: .customLong("not-before"), help: "The first date the matching --session may take, YYYY-MM-DD.")
        var notBefore: [String] = []

        func validate() throws {
            if usesWorkspace {
                try files.refuseFiles()
                if sessions != nil { throw ValidationError("a workspace run re-plans the workspace's sessions; drop --sessions") }
            } else {
                try files.requireFiles()
                if sessions == nil { throw ValidationError("Missing expected argument '--sessions <sessions>'") }
            }
            _ = try parseDay(today, flag: "--today")
            if sessionIDs.count != notBefore.count {
                throw ValidationError("each --session needs one --not-before (got \(sessionIDs.count) and \(notBefore.count))")
            }
            for value in notBefore { _ = try parseDay(value, flag: "--not-before") }
        }

        func run() throws {
            if usesWorkspace { return try WorkspaceRounds.replan(self) }
            let loaded = try ScheduleFileOptions.load(files.sources(sessions: sessions, addedPairs: addPairs))
            let date = try parseDay(today, flag: "--today")
            let result = try replan(loaded, today: date)
            let export = ScheduleExport(
                program: loaded.input.program, clock: loaded.input.clock, timeZone: loaded.timeZone, stamp: stamp(for: date),
                contacts: loaded.contacts)
            // When the output folder's calendars were made from this very sessions file, only the
            // calendars of people whose sessions changed are written again.
            let folder = URL(fileURLWithPath: files.folder)
            let current = try? Data(contentsOf: folder.appendingPathComponent("sessions.csv"))
            let given = try? Data(contentsOf: URL(fileURLWithPath: sessions ?? ""))
            let sameSource = current != nil && current == given
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent("calendars/program.ics").path)
            let output: [ExportedFile]
            let settings = files.settings(loaded)
            if sameSource {
                let partial = export.changedExportedFiles(for: result.schedule, changes: result.changes)
                output = partial.files
                try ScheduleFileOptions.write(
                    output, to: files.folder, command: "kapstok replan", settings: settings, ownership: partial.ownership)
            } else {
                output = export.exportedFiles(for: result.schedule, changes: result.changes)
                try ScheduleFileOptions.write(output, to: files.folder, command: "kapstok replan", settings: settings)
            }
            print(ScheduleSummary.render(
                result.schedule, changes: result.changes, folder: files.folder, files: output.map(\.name), othersKept: sameSource))
        }

        /// Checks `--leave` and `--session` against the loaded schedule (exit 65 with every
        /// problem) and re-plans.
        func replan(_ loaded: LoadedSchedule, today date: CalendarDate) throws -> ReplanResult {
            let problems = ScheduleLoader.checkReplanArguments(loaded, leaving: leaving, sessionIDs: sessionIDs, today: date)
            if !problems.isEmpty {
                for problem in problems { Terminal.error("error: \(TerminalText.escaped(problem))") }
                Terminal.error("\(counted(problems.count, "error")); nothing was written")
                throw ExitCode(65)
            }
            let requests = try zip(sessionIDs, notBefore).map { id, day in
                ReplanRequest.MoveRequest(sessionID: id, notBefore: try parseDay(day, flag: "--not-before"))
            }
            let request = ReplanRequest(
                sessions: loaded.sessions, today: date, leaving: leaving, addedPairs: loaded.addedPairs, moveRequests: requests)
            return try Scheduler.replan(loaded.input, request: request, solver: GLPKSolver(options: .scheduling), timeLimit: files.seconds(loaded))
        }
    }
}
