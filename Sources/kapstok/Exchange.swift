import ArgumentParser
import Diagnostics
import Foundation
import Kapstok
import KapstokIO
import KapstokStore

/// `kapstok import goals|checkins|sessions FILE`: read with located diagnostics against the
/// workspace's people, items, goals and sessions, then written all or nothing.
enum ExchangeImport {
    static func run(_ kind: ExchangeKind, file: String, store: Workspace, actor: String) throws {
        let folder = store.folder
        let settings = try WorkspaceConfiguration.load(in: folder)
        let source = InputSource.file(URL(fileURLWithPath: file))
        let (framework, mentees, mentors, goals, sessions) = try workspaceWrite {
            (try store.framework(), try store.mentees(), try store.mentors(), try store.goals(), try store.sessions())
        }
        let goalPairs = Dictionary(goals.map { ($0.id, $0.pair) }, uniquingKeysWith: { first, _ in first })
        var diagnostics = DiagnosticCollector()
        let references = ExchangeReferences(
            menteeIDs: Set(mentees.map(\.id)), mentorIDs: Set(mentors.map(\.id)), framework: framework, goals: goalPairs,
            sessionIDs: Set(sessions.map(\.id)))
        let report: BulkImportReport
        switch kind {
        case .goals:
            // Rows without a start (or reason column) keep the stored goal's.
            let existing = try workspaceWrite { try store.goals() }
            let read = GoalsLoader.load(
                source, references: references, defaultStart: settings.configuration.program.start,
                existing: Dictionary(existing.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }), diagnostics: &diagnostics)
            try Terminal.stopOnErrors(diagnostics, warnings: false)
            report = try workspaceWrite { try store.importGoals(read ?? [], at: Clock.timestamp, actor: actor) }
        case .checkins:
            let read = CheckInsLoader.load(source, references: references, diagnostics: &diagnostics)
            try Terminal.stopOnErrors(diagnostics, warnings: false)
            report = try workspaceWrite { try store.importCheckIns(read ?? []) }
        case .sessions:
            let clock = FoundationWallClock(identifier: settings.configuration.program.timezone) ?? FoundationWallClock(identifier: "UTC")!
            let read = SessionLogsLoader.load(source, clock: clock, references: references, diagnostics: &diagnostics)
            try Terminal.stopOnErrors(diagnostics, warnings: false)
            report = try workspaceWrite { try store.importSessionLogs(read ?? [], program: settings.configuration.program.start...settings.configuration.program.end, at: Clock.timestamp, actor: actor) }
        }
        for warning in diagnostics.warnings { Terminal.error(warning.description) }
        print("\(kind.rawValue): \(report.added) added, \(report.updated) updated, \(report.unchanged) unchanged")
    }
}

/// `kapstok export goals|checkins|sessions`.
enum ExchangeExport {
    static func data(_ kind: ExchangeKind, store: Workspace, configuration: Configuration, dialect: CSVDialect = .rfc4180) throws -> Data {
        let table: OutputTable = try workspaceWrite {
            switch kind {
            case .goals: return TrackingExport.goalsTable(try store.exportGoals())
            case .checkins: return TrackingExport.checkInsTable(try store.exportCheckIns())
            case .sessions:
                let clock = FoundationWallClock(identifier: configuration.program.timezone) ?? FoundationWallClock(identifier: "UTC")!
                return TrackingExport.sessionsTable(try store.exportSessionLogs(), clock: clock)
            }
        }
        return ExportedFile(name: kind.rawValue + ".csv", table: table).data(dialect: dialect)
    }
}
