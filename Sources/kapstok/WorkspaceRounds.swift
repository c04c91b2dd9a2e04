import ArgumentParser
import Foundation
import GLPKSolver
import Kapstok
import KapstokIO
import KapstokStore

/// `match`, `schedule` and `replan` on a workspace: the inputs come from it, the results are
/// recorded in it as a numbered round (and written to `--out` as well when given).
enum WorkspaceRounds {
    /// The one-line summary a recorded match round keeps.
    static func summary(of result: RoundResult) -> String {
        "\(result.outcome.status.rawValue); \(result.outcome.matched) of \(result.round.mentees.count) mentees matched"
    }

    /// The one-line summary a recorded schedule round keeps.
    static func summary(of result: ScheduleResult) -> String {
        "\(result.completePairs) of \(result.pairCount) pairs complete, \(result.sessionsPlaced) sessions placed"
    }

    static func match(_ command: KapstokCommand.Match) throws {
        let (store, settings) = try command.workspace.openWithConfiguration()
        let round = try workspaceWrite { try store.roundInputs(configuration: settings.configuration) }
        if round.mentees.isEmpty || round.mentors.isEmpty {
            Terminal.error("error: the workspace has no \(round.mentors.isEmpty ? "mentors" : "mentees") yet; import them with 'kapstok import --mentors mentors.csv --mentees mentees.csv'")
            throw ExitCode(65)
        }
        let date = try command.today.map { try parseDay($0, flag: "--today") } ?? Clock.today
        let program = settings.configuration.program
        if date > program.end {
            Terminal.error("error: the match date \(date) is after the program's end \(program.end) ([program] end); give --today within the program")
            throw ExitCode(65)
        }
        if let out = command.out { try command.workspace.refuseOwnFile(out, flag: "--out") }
        let prepared = try RoundOptions.prepare(round: round)
        let result = try command.solve.solve(prepared)
        if let out = command.out { try OutputOptions.write(result, to: out, settings: command.format.settings()) }
        let (checkIns, existing) = try workspaceWrite { (try store.checkIns(), try store.goals()) }
        let (goals, kept) = DraftGoals.make(
            result: result, matchDate: date, due: program.end, limit: settings.configuration.tracking.draftGoals,
            checkIns: checkIns, existing: existing)
        let record = RoundRecord(
            match: result, at: Clock.timestamp, date: date, actor: command.workspace.actor, configurationText: settings.text,
            summary: summary(of: result), draftGoals: goals)
        let number = try workspaceWrite { try store.recordRound(record) }
        print(SummaryTable.render(result, folder: command.out))
        print("recorded as round \(number) in the workspace, with \(counted(goals.count, "draft goal"))"
            + (kept > 0 ? " (\(kept) more were already there)" : "") + " ('kapstok goal list' shows them)")
        if result.outcome.status == .infeasible { throw ExitCode(1) }
    }
}

extension WorkspaceRounds {
    /// The inputs of a schedule or re-plan from the workspace: the last match round's pairs,
    /// availability, absences, the people's names and e-mail addresses, the current sessions.
    static func loadSchedule(
        _ store: Workspace, settings: WorkspaceConfiguration, addedPairs: String? = nil
    ) throws -> LoadedSchedule {
        let (pairs, availability, absences, sessions, contacts) = try workspaceWrite {
            let lastMatch = try store.rounds().last { $0.kind == .match }
            let pairs = try lastMatch.flatMap { try store.round($0.number) }?.pairs ?? []
            var contacts: [String: Contact] = [:]
            for mentor in try store.mentors() { contacts[mentor.id] = Contact(id: mentor.id, name: mentor.name, email: mentor.email) }
            for mentee in try store.mentees() where contacts[mentee.id] == nil {
                contacts[mentee.id] = Contact(id: mentee.id, name: mentee.name, email: mentee.email)
            }
            return (pairs, try store.availability(), try store.absences(), try store.sessions(), contacts)
        }
        if pairs.isEmpty && sessions.isEmpty {
            Terminal.error("error: the workspace has no pairs yet; run 'kapstok match' on it first")
            throw ExitCode(65)
        }
        let schedulePairs = pairs.map {
            SchedulePair(
                menteeID: $0.menteeID, mentorID: $0.mentorID, menteeName: contacts[$0.menteeID]?.name ?? "",
                mentorName: contacts[$0.mentorID]?.name ?? "")
        }
        var added: [SchedulePair] = []
        if let addedPairs {
            var diagnostics = DiagnosticCollector()
            let read = SchedulePairsLoader.load(.file(URL(fileURLWithPath: addedPairs)), diagnostics: &diagnostics) ?? []
            added = ScheduleLoader.checkAddedPairs(read, against: schedulePairs, diagnostics: &diagnostics)
            try Terminal.stopOnErrors(diagnostics)
        }
        return ScheduleLoader.assemble(
            configuration: settings.configuration, pairs: schedulePairs, availability: availability, absences: absences,
            sessions: sessions, addedPairs: added, contacts: contacts)
    }

    static func schedule(_ command: KapstokCommand.Schedule) throws {
        let (store, settings) = try command.workspace.openWithConfiguration()
        // A new schedule would place every session afresh: once sessions are logged, only a
        // re-plan keeps them where they were.
        let logged = try workspaceWrite { try store.sessionLogs() }.filter { $0.session.status != .planned }.count
        if logged > 0 {
            Terminal.error("error: the workspace's schedule has \(counted(logged, "logged session")) (held, cancelled or no-show); a new schedule would move them: use 'kapstok replan --today DATE' instead")
            throw ExitCode(65)
        }
        let loaded = try loadSchedule(store, settings: settings)
        let result = try Scheduler.schedule(
            loaded.input, solver: GLPKSolver(options: .scheduling), timeLimit: command.files.seconds(loaded))
        let date = try command.today.map { try parseDay($0, flag: "--today") } ?? Clock.today
        var written: [String] = []
        if let out = command.files.out {
            let export = ScheduleExport(
                program: loaded.input.program, clock: loaded.input.clock, timeZone: loaded.timeZone, stamp: stamp(for: date),
                contacts: loaded.contacts)
            let output = export.exportedFiles(for: result)
            try ScheduleFileOptions.write(output, to: out, command: "kapstok schedule", settings: command.files.format.settings())
            written = output.map(\.name)
        }
        let record = RoundRecord(
            schedule: result, at: Clock.timestamp, date: date, actor: command.workspace.actor, configurationText: settings.text,
            summary: summary(of: result))
        let number = try workspaceWrite { try store.recordRound(record) }
        print(ScheduleSummary.render(result, changes: nil, folder: command.files.out, files: written))
        print("recorded as round \(number) in the workspace (\(counted(result.sessions.count, "session")))")
    }

    static func replan(_ command: KapstokCommand.Replan) throws {
        let (store, settings) = try command.workspace.openWithConfiguration()
        let loaded = try loadSchedule(store, settings: settings, addedPairs: command.addPairs)
        let date = try parseDay(command.today, flag: "--today")
        let result = try command.replan(loaded, today: date)
        var written: [String] = []
        if let out = command.files.out {
            let export = ScheduleExport(
                program: loaded.input.program, clock: loaded.input.clock, timeZone: loaded.timeZone, stamp: stamp(for: date),
                contacts: loaded.contacts)
            let output = export.exportedFiles(for: result.schedule, changes: result.changes)
            try ScheduleFileOptions.write(output, to: out, command: "kapstok replan", settings: command.files.format.settings())
            written = output.map(\.name)
        }
        let record = RoundRecord(
            replan: result, at: Clock.timestamp, date: date, actor: command.workspace.actor, configurationText: settings.text,
            summary: "\(result.changes.count) changes")
        let number = try workspaceWrite { try store.recordRound(record) }
        print(ScheduleSummary.render(result.schedule, changes: result.changes, folder: command.files.out, files: written))
        print("recorded as round \(number) in the workspace")
    }
}
