import ArgumentParser
import Foundation
import GLPKSolver
import Kapstok
import KapstokIO

/// The input files shared by `schedule` and `replan`.
struct ScheduleFileOptions: ParsableArguments {
    @OptionGroup var format: OutputFormatOptions

    @Option(help: "pairings.csv as `match` writes it (mentee_id and mentor_id are read). Not with a workspace.")
    var pairings: String?

    @Option(help: "Weekly windows CSV: person_id,weekday,start,end (people without rows: working_hours, Monday to Friday).")
    var availability: String?

    @Option(help: "Absences CSV: person_id,from,to[,reason] with inclusive YYYY-MM-DD dates.")
    var absences: String?

    @Option(help: "kapstok.toml with the [program] settings.")
    var config: String?

    @Option(help: "mentors.csv, for the names and e-mail addresses in calendar files (only id, name, email are read).")
    var mentors: String?

    @Option(help: "mentees.csv, for the names and e-mail addresses in calendar files.")
    var mentees: String?

    @Option(
        name: .customLong("time-limit"), parsing: .unconditional,
        help: "Seconds (0 < s ≤ \(Int(Limits.timeLimitSeconds.upperBound))) for all groups together; default [pairing] time_limit_seconds.")
    var timeLimit: String?

    @Option(help: "Output folder (created if missing); its files are replaced together, in one commit. Optional with a workspace.")
    var out: String?

    /// Whether a round file is given (a workspace run takes none).
    var hasFiles: Bool { [pairings, availability, absences, config, mentors, mentees].contains { $0 != nil } }

    func validate() throws {
        _ = try SolveOptions.seconds(timeLimit)
        if let out { try OutputOptions.check(out: out) }
    }

    /// The checks of a file-based run: `--pairings` and `--out` are needed.
    func requireFiles() throws {
        if pairings == nil { throw ValidationError("Missing expected argument '--pairings <pairings>'") }
        if out == nil { throw ValidationError("Missing expected argument '--out <out>'") }
    }

    /// The checks of a workspace run: the inputs are the workspace's.
    func refuseFiles() throws {
        if hasFiles {
            throw ValidationError("a workspace run reads pairs, availability, absences and kapstok.toml from the workspace; bring files in with 'kapstok import', or drop --workspace")
        }
    }

    func sources(sessions: String? = nil, addedPairs: String? = nil) -> ScheduleSources {
        func source(_ path: String) -> InputSource { .file(URL(fileURLWithPath: path)) }
        return ScheduleSources(
            pairings: source(pairings ?? ""), availability: availability.map(source), absences: absences.map(source),
            configuration: config.map(source), contacts: [mentors, mentees].compactMap { $0 }.map(source),
            sessions: sessions.map(source), addedPairs: addedPairs.map(source))
    }

    /// Loads every input; prints every diagnostic and exits 65 on input errors.
    static func load(_ sources: ScheduleSources) throws -> LoadedSchedule {
        do {
            let loaded = try ScheduleLoader.load(sources)
            for warning in loaded.warnings { Terminal.error(warning.description) }
            return loaded
        } catch {
            throw Terminal.refuse(error)
        }
    }

    /// `--out`, checked by ``requireFiles()`` in a file-based run.
    var folder: String { out ?? "" }

    func seconds(_ loaded: LoadedSchedule) -> Double {
        ((try? SolveOptions.seconds(timeLimit)) ?? nil) ?? loaded.configuration.pairing.timeLimitSeconds
    }

    /// The output settings of a run: the flags, else `[output]` and the pairings file's dialect.
    func settings(_ loaded: LoadedSchedule) -> OutputSettings {
        format.settings(preferences: loaded.output, inferred: loaded.inferredDialect)
    }

    /// Writes the files as one commit; exit 73 when the folder cannot be written.
    static func write(
        _ files: [ExportedFile], to out: String, command: String, settings: OutputSettings,
        ownership: OutputFolder.Ownership = ScheduleExport.ownership
    ) throws {
        try OutputOptions.commit(files, to: out, owning: ownership, command: command, settings: settings)
    }
}

/// `--today YYYY-MM-DD`.
func parseDay(_ text: String, flag: String) throws -> CalendarDate {
    guard let date = LocalTimeFormat.date(text) else {
        throw ValidationError("\(flag) must be a date like 2027-03-08 (YYYY-MM-DD), not '\(TerminalText.escaped(text))'")
    }
    guard Limits.programDate.contains(date) else {
        throw ValidationError("\(flag) must be between \(Limits.programDate.lowerBound) and \(Limits.programDate.upperBound)")
    }
    return date
}

/// The start (UTC) of a date: the calendar files' `DTSTAMP`.
func stamp(for date: CalendarDate) -> Date {
    Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400)
}

extension KapstokCommand {
    /// `kapstok schedule`: every pair's sessions over the program, with calendar files.
    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schedule",
            abstract: "Place every pair's sessions and write sessions.csv, unscheduled.csv, schedule.json and calendars/.",
            discussion: """
                Example:
                  kapstok schedule --pairings round/pairings.csv --availability availability.csv \\
                      --absences absences.csv --config kapstok.toml --out round/
                """)

        @OptionGroup var files: ScheduleFileOptions
        @OptionGroup var workspace: WorkspaceOptions

        @Option(help: "The date stamped on the calendar files (DTSTAMP), YYYY-MM-DD; default today (UTC).")
        var today: String?

        var usesWorkspace: Bool { workspace.workspace != nil || (!files.hasFiles && workspace.isGiven) }

        func validate() throws {
            if usesWorkspace { try files.refuseFiles() } else { try files.requireFiles() }
            if let today { _ = try parseDay(today, flag: "--today") }
        }

        func run() throws {
            if usesWorkspace { return try WorkspaceRounds.schedule(self) }
            let loaded = try ScheduleFileOptions.load(files.sources())
            let result = try Scheduler.schedule(loaded.input, solver: GLPKSolver(options: .scheduling), timeLimit: files.seconds(loaded))
            let date = try today.map { try parseDay($0, flag: "--today") } ?? Clock.today
            let export = ScheduleExport(
                program: loaded.input.program, clock: loaded.input.clock, timeZone: loaded.timeZone, stamp: stamp(for: date),
                contacts: loaded.contacts)
            let output = export.exportedFiles(for: result)
            try ScheduleFileOptions.write(output, to: files.folder, command: "kapstok schedule", settings: files.settings(loaded))
            print(ScheduleSummary.render(result, changes: nil, folder: files.folder, files: output.map(\.name)))
        }
    }
}

/// The terminal summary of `schedule` and `replan`.
enum ScheduleSummary {
    static func render(
        _ result: ScheduleResult, changes: [SessionChange]?, folder: String?, files: [String], othersKept: Bool = false
    ) -> String {
        func count(_ status: ScheduleGroupReport.Status) -> Int { result.groups.filter { $0.status == status }.count }
        var lines: [String] = []
        let wanted = result.sessionsPlaced + result.sessionsMissing
        lines.append("\(result.completePairs) of \(counted(result.pairCount, "pair")) complete, \(result.sessionsPlaced) of \(counted(wanted, "session")) placed (\(result.sessionsMissing) missing)")
        var groups = "\(counted(result.groups.count, "group")): \(count(.optimal)) proven optimal"
        if count(.timeLimit) > 0 { groups += ", \(count(.timeLimit)) stopped at the time limit (best plan with its bound in schedule.json)" }
        if count(.unchanged) > 0 { groups += ", \(count(.unchanged)) unchanged" }
        lines.append(groups + " (\(String(format: "%.2f", result.solveSeconds)) s)")
        if let changes {
            let moved = changes.filter { $0.kind == .moved }.count, cancelled = changes.filter { $0.kind == .cancelled }.count
            let added = changes.filter { $0.kind == .added }.count
            lines.append("changes: \(moved) moved, \(cancelled) cancelled, \(added) added (see changes.csv; send calendars/changes/*.ics)")
        }
        for pair in result.unscheduled.prefix(5) {
            lines.append("  unscheduled \(TerminalText.escaped(pair.menteeID))–\(TerminalText.escaped(pair.mentorID)) (\(pair.missing) missing): \(TerminalText.escaped(pair.reason))")
        }
        if result.unscheduled.count > 5 { lines.append("  … \(result.unscheduled.count - 5) more in unscheduled.csv") }
        let calendars = files.filter { $0.hasPrefix("calendars/") }.count
        let kept = othersKept ? " (the other people's calendars unchanged)" : ""
        if let folder {
            lines.append("wrote sessions.csv, unscheduled.csv, schedule.json\(changes == nil ? "" : ", changes.csv") and \(counted(calendars, "calendar file"))\(kept) to \(TerminalText.escaped(folder))")
        }
        return lines.joined(separator: "\n")
    }
}
