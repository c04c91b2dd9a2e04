import ArgumentParser
import Diagnostics
import Foundation
import Kapstok
import KapstokIO
import KapstokStore

/// The report formats.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case md
    case csv
    case json
    case html
}

/// Writes a command's text output: to standard output, or to `--out FILE` atomically (0600).
func emit(_ text: String, to path: String?) throws {
    guard let path else {
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        return
    }
    do {
        try AtomicFileWriter.write(Data(text.utf8), to: URL(fileURLWithPath: path))
    } catch {
        Terminal.error("error: \(TerminalText.escaped(error.description))")
        throw ExitCode(73)
    }
}

extension KapstokCommand {
    /// `kapstok agenda --mentee ID`: the next session's agenda.
    struct AgendaCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agenda",
            abstract: "Propose a mentee's next session agenda: goals ranked with reasons, milestones due, open points.",
            discussion: """
                Goals are ranked by 0.5 × remaining weighted gap + 0.25 × time since last discussed \
                + 0.25 × deadline pressure (each 0–1; see the README).
                Example:
                  kapstok agenda --mentee E07 --today 2027-04-12
                """)

        @Option(help: "The mentee.") var mentee: String
        @Option(help: "The agenda's date, YYYY-MM-DD; default today (UTC).") var today: String?
        @OptionGroup var workspace: WorkspaceOptions

        func validate() throws {
            if let today { _ = try parseDay(today, flag: "--today") }
        }

        func run() throws {
            let (store, settings) = try workspace.openWithConfiguration()
            let day = try today.map { try parseDay($0, flag: "--today") } ?? Clock.today
            let program = settings.configuration.program
            let snapshot = try workspaceWrite {
                try store.snapshot(
                    menteeID: mentee, today: day, settings: settings.configuration.tracking, programStart: program.start,
                    programEnd: program.end)
            }
            let agenda = Agenda.make(snapshot: snapshot, menteeID: mentee)
            let names = ReportNames(mentees: snapshot.mentees, mentors: snapshot.mentors, framework: snapshot.framework)
            print(AgendaText.render(agenda, names: names))
        }
    }

    /// `kapstok report`: the program's progress.
    struct ReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "The program's progress: gap closed per mentee, role and domain; goals on track, behind, at risk; sessions; objectives.",
            discussion: """
                A goal's expected progress is the elapsed share of its time (start to due); a \
                shortfall under [tracking] on_track_shortfall (16.5) points is on track, up to \
                at_risk_shortfall (33) behind, above that (or overdue) at risk.
                Examples:
                  kapstok report --format md
                  kapstok report --format html --out report.html --today 2027-05-03
                """)

        @Option(help: "md, csv, json or html.") var format: ReportFormat = .md
        @Option(help: "Write to this file (atomically) instead of standard output.") var out: String?
        @Option(help: "The report's date, YYYY-MM-DD; default today (UTC).") var today: String?
        @OptionGroup var workspace: WorkspaceOptions
        @OptionGroup var csv: CSVDialectOption

        func validate() throws {
            if let today { _ = try parseDay(today, flag: "--today") }
            if let out { try OutputOptions.check(out: out) }
        }

        func run() throws {
            if let out { try workspace.refuseOwnFile(out, flag: "--out") }
            let (store, settings) = try workspace.openWithConfiguration()
            let day = try today.map { try parseDay($0, flag: "--today") } ?? Clock.today
            let text = try ReportText.render(
                store: store, settings: settings, today: day, format: format, title: try workspaceWrite { try store.name() },
                dialect: try csv.dialect() ?? .rfc4180)
            try emit(text, to: out)
        }
    }

    /// `kapstok export goals|checkins|sessions`.
    struct ExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export goals, check-ins or sessions (with their logs) as CSV for HR; 'kapstok import KIND FILE' reads them back.",
            discussion: """
                Example:
                  kapstok export goals --out goals.csv
                """)

        @Argument(help: "goals, checkins or sessions.") var kind: ExchangeKind
        @Option(help: "Write to this file (atomically) instead of standard output.") var out: String?
        @OptionGroup var workspace: WorkspaceOptions
        @OptionGroup var csv: CSVDialectOption

        func validate() throws {
            if let out { try OutputOptions.check(out: out) }
        }

        func run() throws {
            if let out { try workspace.refuseOwnFile(out, flag: "--out") }
            let (store, settings) = try workspace.openWithConfiguration()
            let data = try ExchangeExport.data(kind, store: store, configuration: settings.configuration, dialect: try csv.dialect() ?? .rfc4180)
            try emit(String(decoding: data, as: UTF8.self), to: out)
        }
    }

    /// `kapstok backup FILE`.
    struct BackupCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Write a consistent copy of the workspace database (safe while others use it).",
            discussion: """
                Example:
                  kapstok backup backups/hipo-2027-05-03.sqlite
                """)

        @Argument(help: "The copy's file (0600); an existing file is replaced at once.") var file: String
        @OptionGroup var workspace: WorkspaceOptions

        func validate() throws {
            try OutputOptions.check(out: file)
        }

        func run() throws {
            try workspace.refuseOwnFile(file, flag: "the backup file")
            let store = try workspace.open()
            try workspaceWrite { try store.backup(to: URL(fileURLWithPath: file)) }
            print("backed up the workspace to \(TerminalText.escaped(file))")
        }
    }
}

/// The report, computed and rendered.
enum ReportText {
    static func render(
        store: Workspace, settings: WorkspaceConfiguration, today: CalendarDate, format: ReportFormat, title: String,
        dialect: CSVDialect = .rfc4180
    ) throws -> String {
        let program = settings.configuration.program
        let snapshot = try workspaceWrite {
            try store.snapshot(
                today: today, settings: settings.configuration.tracking, objectives: settings.configuration.objectives,
                programStart: program.start, programEnd: program.end)
        }
        let report = ProgressReport.make(from: snapshot)
        let names = ReportNames(mentees: snapshot.mentees, mentors: snapshot.mentors, framework: snapshot.framework)
        switch format {
        case .md: return ProgressReportRenderer.markdown(report, names: names)
        case .csv: return CSVWriter.text(ProgressReportRenderer.table(report, names: names), dialect: dialect)
        case .json: return ProgressReportRenderer.json(report, names: names)
        case .html: return ProgressReportRenderer.html(report, names: names, title: "\(title): progress report")
        }
    }
}

/// The agenda as terminal text.
enum AgendaText {
    static func render(_ agenda: Agenda, names: ReportNames) -> String {
        let show = TerminalText.escaped
        var lines = ["Agenda for \(show(names.mentee(agenda.menteeID))) (\(show(agenda.menteeID))), as of \(agenda.asOf)"]
        if let next = agenda.nextSession {
            lines.append("next session: \(next.start.date) \(next.start.time) with \(show(names.mentor(next.mentorID))) (session \(next.number))")
        } else {
            lines.append("no session planned ahead")
        }
        lines.append("")
        lines.append(agenda.items.isEmpty ? "No open goals." : "Goals, most pressing first:")
        for (rank, item) in agenda.items.enumerated() {
            lines.append("  \(rank + 1). \(show(item.goal.id)) \(show(item.goal.title)) [level \(item.currentLevel) of \(item.goal.target)]")
            lines.append("     \(show(item.reason))")
        }
        if !agenda.milestones.isEmpty {
            lines.append("")
            lines.append("Milestones due by \(agenda.horizon):")
            for milestone in agenda.milestones {
                lines.append("  - \(show(milestone.id)) \(show(milestone.title)) (\(show(milestone.goalID)), due \(milestone.due))")
            }
        }
        if let last = agenda.lastSession {
            lines.append("")
            let day = last.heldOn ?? last.session.start.date
            lines.append(agenda.openPoints.isEmpty
                ? "No open points from the last session (\(day))."
                : "Open points from the last session (\(day)):")
            for point in agenda.openPoints { lines.append("  - \(show(point))") }
        }
        return lines.joined(separator: "\n")
    }
}
