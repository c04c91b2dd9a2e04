import ArgumentParser
import Diagnostics
import Foundation
import Kapstok
import KapstokIO
import KapstokStore

/// The exchange files `kapstok import` and `kapstok export` take.
enum ExchangeKind: String, ExpressibleByArgument, CaseIterable {
    case goals
    case checkins
    case sessions
}

extension KapstokCommand {
    /// `kapstok import`: people and program files, or an exchange file, into the workspace.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import people and program files (same CSV files and checks as match and schedule), or goals, check-ins or sessions from HR.",
            discussion: """
                People are updated by id; the command says what was added, what changed (field \
                by field) and who is no longer in the file (kept, left out of new rounds). The \
                org chart, constraints, history, availability and absences given replace the \
                workspace's. An exchange file (goals, checkins, sessions, as 'kapstok export' \
                writes them) is imported all or nothing. On any error nothing is changed (exit 65).

                Examples:
                  kapstok import --workspace hipo --mentors mentors.csv --mentees mentees.csv --org org.csv
                  kapstok import --workspace hipo --availability availability.csv --absences absences.csv
                  kapstok import goals goals.csv --workspace hipo
                """)

        @Argument(help: "goals, checkins or sessions, to import an exchange file (then FILE); omit for people and program files.")
        var kind: ExchangeKind?

        @Argument(help: "The exchange file.")
        var file: String?

        @Option(help: "mentors.csv (as for match).") var mentors: String?
        @Option(help: "mentees.csv (as for match).") var mentees: String?
        @Option(help: "framework.csv; a new framework needs both people files in the same import.") var framework: String?
        @Option(help: "Constraints CSV (mentee_id,mentor_id,rule[,reason]).") var constraints: String?
        @Option(help: "History CSV (mentee_id,mentor_id[,round]).") var history: String?
        @Option(help: "Org chart CSV (id,manager_id).") var org: String?
        @Option(help: "Weekly windows CSV: person_id,weekday,start,end.") var availability: String?
        @Option(help: "Absences CSV: person_id,from,to[,reason].") var absences: String?

        @OptionGroup var workspace: WorkspaceOptions

        var sources: ImportSources {
            func source(_ path: String?) -> InputSource? { path.map { .file(URL(fileURLWithPath: $0)) } }
            return ImportSources(
                mentors: source(mentors), mentees: source(mentees), framework: source(framework), constraints: source(constraints),
                history: source(history), org: source(org), availability: source(availability), absences: source(absences))
        }

        func validate() throws {
            if kind != nil {
                guard file != nil else { throw ValidationError("give the file to import after '\(kind!.rawValue)'") }
                guard sources.isEmpty else { throw ValidationError("import an exchange file on its own, without --mentors, --mentees or other files") }
            } else {
                if file != nil { throw ValidationError("give the kind of file first: kapstok import goals|checkins|sessions FILE") }
                if sources.isEmpty { throw ValidationError("nothing to import: give --mentors, --mentees, --availability… or goals|checkins|sessions FILE") }
            }
        }

        func run() throws {
            let store = try workspace.open()
            let folder = try workspace.folder()
            if let kind, let file {
                try ExchangeImport.run(kind, file: file, store: store, actor: workspace.actor)
                return
            }
            let settings = try WorkspaceConfiguration.load(in: folder)
            var files = sources
            files.configuration = settings.source
            let current = try workspaceWrite { try store.roundInputs(configuration: settings.configuration) }
            let loaded: LoadedImport
            do {
                loaded = try ImportLoader.load(files, current: current)
            } catch {
                throw Terminal.refuse(error, nothing: "changed")
            }
            for warning in loaded.warnings { Terminal.error(warning.description) }
            let report = try workspaceWrite { try store.importData(ImportBatch(loaded), at: Clock.timestamp, actor: workspace.actor) }
            print(ImportSummary.render(report))
        }
    }
}

extension ImportBatch {
    /// What the files read, as the store takes it.
    init(_ loaded: LoadedImport) {
        self.init(
            framework: loaded.framework, mentors: loaded.mentors, mentees: loaded.mentees, org: loaded.org,
            rules: loaded.rules, history: loaded.history, availability: loaded.availability, absences: loaded.absences)
    }
}

/// The terminal lines of an import: per kind, added, changed (field by field, the first ten),
/// unchanged and missing.
enum ImportSummary {
    static func render(_ report: ImportReport) -> String {
        var lines: [String] = []
        let show = TerminalText.escaped
        for kind in report.kinds {
            var parts = ["\(kind.addedCount) added", "\(kind.updated.count) updated", "\(kind.unchanged) unchanged"]
            if !kind.missing.isEmpty { parts.append("\(kind.missing.count) no longer in the file (kept, inactive)") }
            if kind.removed > 0 { parts.append("\(kind.removed) removed") }
            lines.append("\(kind.kind.rawValue): " + parts.joined(separator: ", "))
            for change in kind.updated.prefix(10) { lines.append("  \(show(change.description))") }
            if kind.updated.count > 10 { lines.append("  … \(kind.updated.count - 10) more updated") }
            if !kind.missing.isEmpty {
                let shown = kind.missing.prefix(10).map(show).joined(separator: ", ")
                lines.append("  not in the file: \(shown)\(kind.missing.count > 10 ? ", …" : "")")
            }
        }
        return lines.joined(separator: "\n")
    }
}
