import ArgumentParser
import Diagnostics
import Foundation
import Kapstok
import KapstokIO
import KapstokStore

/// The demo's program workspace: the sample round imported and recorded, half the program
/// simulated (``ProgramSimulation``), and the progress report as of its middle.
enum DemoWorkspace {
    static let actor = "demo"

    static func run(folder: URL, dataset: URL, result: RoundResult, schedule: ScheduleResult, reportFolder: String) throws {
        let show = TerminalText.escaped
        let configurationURL = dataset.appendingPathComponent(WorkspaceConfiguration.fileName)
        let configurationText = (try? String(contentsOf: configurationURL, encoding: .utf8)) ?? ""
        let configuration = result.round.configuration
        try recreate(folder)
        let store: Workspace
        do {
            store = try Workspace.create(at: folder, name: configuration.program.name, configurationText: configurationText)
        } catch {
            Terminal.error("error: \(show(String(describing: error)))")
            throw ExitCode(73)
        }
        func file(_ name: String) -> InputSource? {
            let url = dataset.appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: url.path) ? .file(url) : nil
        }
        let sources = ImportSources(
            mentors: file("mentors.csv"), mentees: file("mentees.csv"), framework: file("framework.csv"),
            constraints: file("constraints.csv"), history: file("history.csv"), org: file("org.csv"),
            availability: file("availability.csv"), absences: file("absences.csv"),
            configuration: FileManager.default.fileExists(atPath: configurationURL.path) ? .file(configurationURL) : nil)
        let program = configuration.program
        // The match a week before the program starts; the report halfway through it.
        let matchDate = program.start.adding(days: -7)
        let middle = program.start.adding(days: program.start.days(to: program.end) / 2)
        func stampOf(_ day: CalendarDate) -> String { "\(day)T09:00:00Z" }
        try workspaceWrite {
            let loaded = try ImportLoader.load(sources, current: try store.roundInputs(configuration: configuration))
            _ = try store.importData(ImportBatch(loaded), at: stampOf(matchDate), actor: actor)
            let goals = DraftGoals.make(result: result, matchDate: matchDate, due: program.end, limit: configuration.tracking.draftGoals)
            _ = try store.recordRound(
                RoundRecord(
                    match: result, at: stampOf(matchDate), date: matchDate, actor: actor, configurationText: configurationText,
                    summary: WorkspaceRounds.summary(of: result), draftGoals: goals))
            _ = try store.recordRound(
                RoundRecord(
                    schedule: schedule, at: stampOf(matchDate), date: matchDate, actor: actor, configurationText: configurationText,
                    summary: WorkspaceRounds.summary(of: schedule)))
            // Half a program: goals activated, sessions held or missed, check-ins, goals achieved.
            let recorded = try store.goals()
            let outcome = ProgramSimulation(seed: 1).run(goals: recorded, sessions: schedule.sessions, today: middle)
            var byID = Dictionary(uniqueKeysWithValues: recorded.map { ($0.id, $0) })
            for (id, day) in outcome.activated {
                guard let goal = byID[id] else { continue }
                let change = try GoalLifecycle.move(goal, to: .active, actor: actor, at: stampOf(day))
                _ = try store.updateGoal(change.goal, at: stampOf(day), actor: actor)
                byID[id] = change.goal
            }
            _ = try store.importSessionLogs(outcome.sessions, program: program.start...program.end, at: stampOf(middle), actor: actor)
            _ = try store.importCheckIns(outcome.checkIns)
            for (id, day) in outcome.achieved {
                guard let goal = byID[id] else { continue }
                let change = try GoalLifecycle.move(goal, to: .achieved, actor: actor, at: stampOf(day))
                _ = try store.updateGoal(change.goal, at: stampOf(day), actor: actor)
            }
        }
        let settings = WorkspaceConfiguration(configuration: configuration, text: configurationText, source: nil)
        let html = try ReportText.render(store: store, settings: settings, today: middle, format: .html, title: program.name)
        let htmlPath = URL(fileURLWithPath: reportFolder).appendingPathComponent("report.html").path
        try emit(html, to: htmlPath)
        let markdown = try ReportText.render(store: store, settings: settings, today: middle, format: .md, title: program.name)
        let markdownPath = URL(fileURLWithPath: reportFolder).appendingPathComponent("report.md").path
        try emit(markdown, to: markdownPath)
        print("")
        print("Workspace \(show(folder.path)): the round and its sessions recorded, half the program simulated (as of \(middle)).")
        print("Try: kapstok report --workspace \(show(folder.path)) --today \(middle); kapstok agenda --workspace \(show(folder.path)) --mentee E01 --today \(middle)")
        print("The whole report: \(show(markdownPath)) and \(show(htmlPath)); its first sections:")
        print("")
        print(firstSections(of: markdown, count: 3))
    }

    /// The title and the first `count` `## ` sections of a Markdown text.
    static func firstSections(of markdown: String, count: Int) -> String {
        let parts = markdown.components(separatedBy: "\n## ")
        return parts.prefix(count + 1).joined(separator: "\n## ").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Removes an earlier demo workspace (only the files a workspace holds), so that each run
    /// starts from the sample files.
    static func recreate(_ folder: URL) throws {
        guard WorkspaceLayout.isWorkspace(folder) else { return }
        for name in [WorkspaceLayout.databaseName, WorkspaceLayout.databaseName + "-wal", WorkspaceLayout.databaseName + "-shm", WorkspaceConfiguration.fileName] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
