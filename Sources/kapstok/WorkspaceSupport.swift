import ArgumentParser
import Diagnostics
import Foundation
import Kapstok
import KapstokIO
import KapstokStore

/// `--workspace DIR` and `--by NAME`, shared by every command that works on a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(help: "The workspace folder (default: the current folder, if it holds one).")
    var workspace: String?

    @Option(help: "Who makes the change, for the history (default: the user name of the process).")
    var by: String?

    /// The workspace folder: `--workspace`, or the current folder when it holds a workspace.
    func folder() throws -> URL {
        if let workspace { return URL(fileURLWithPath: workspace) }
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard WorkspaceLayout.isWorkspace(current) else {
            Terminal.error("error: the current folder holds no workspace; pass --workspace DIR or create one with 'kapstok init DIR --name NAME'")
            throw ExitCode(66)
        }
        return current
    }

    /// Whether a workspace is named or the current folder holds one.
    var isGiven: Bool {
        workspace != nil || WorkspaceLayout.isWorkspace(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// Opens the workspace (migrating an older schema); exit 66 when there is none or it cannot
    /// be opened.
    func open() throws -> Workspace {
        let url = try folder()
        FaultInjection.installWorkspaceHook()
        do {
            return try Workspace.open(at: url)
        } catch {
            Terminal.error("error: \(TerminalText.escaped(String(describing: error)))")
            throw ExitCode(66)
        }
    }

    /// Opens the workspace and reads its `kapstok.toml` (objective scopes checked against the
    /// workspace's framework).
    func openWithConfiguration() throws -> (store: Workspace, settings: WorkspaceConfiguration) {
        let store = try open()
        let framework = try workspaceWrite { try store.framework() }
        return (store, try WorkspaceConfiguration.load(in: store.folder, framework: framework))
    }

    /// Refuses (exit 73) an output path that is one of the workspace's own files (the database,
    /// its -wal and -shm, kapstok.toml), after following symbolic links: writing there would
    /// destroy the workspace.
    func refuseOwnFile(_ path: String, flag: String) throws {
        guard let folder = try? folder() else { return }
        try Self.refuseOwnFile(path, flag: flag, of: folder)
    }

    /// Refuses (exit 73) an output path that is one of the own files of the workspace in `folder`.
    static func refuseOwnFile(_ path: String, flag: String, of folder: URL) throws {
        let own = [WorkspaceLayout.databaseName, WorkspaceLayout.databaseName + "-wal", WorkspaceLayout.databaseName + "-shm",
                   WorkspaceConfiguration.fileName].map { folder.appendingPathComponent($0).resolvingSymlinksInPath().path }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        if own.contains(target) {
            Terminal.error("error: \(flag) '\(TerminalText.escaped(path))' is one of the workspace's own files; write it elsewhere")
            throw ExitCode(73)
        }
    }

    /// The person recorded in the history: `--by`, else `$USER`, else `unknown`.
    var actor: String {
        let name = by ?? ProcessInfo.processInfo.environment["USER"] ?? ""
        return name.isEmpty ? "unknown" : name
    }

    func validate() throws {
        if let by {
            guard Limits.titleLength.contains(by.count), !by.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw ValidationError("--by must be 1–\(Limits.titleLength.upperBound) characters without control characters")
            }
        }
        if let workspace, workspace.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--workspace must name a folder (it is empty)")
        }
    }
}

/// The workspace's `kapstok.toml`.
struct WorkspaceConfiguration {
    var configuration: Configuration
    /// Verbatim, as recorded with each round.
    var text: String
    var source: InputSource?

    static let fileName = "kapstok.toml"

    /// Reads `kapstok.toml` from the workspace folder (defaults when it is missing); exit 65 on
    /// errors, with every problem.
    ///
    /// - Parameter framework: the workspace's, which `[[objectives]]` scopes are checked against.
    static func load(in folder: URL, framework: Framework? = nil) throws -> WorkspaceConfiguration {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            return WorkspaceConfiguration(configuration: Configuration(), text: "", source: nil)
        }
        var diagnostics = DiagnosticCollector()
        let source = InputSource.file(url)
        let configuration = framework.map { ConfigurationLoader.load(source, framework: $0, diagnostics: &diagnostics) }
            ?? ConfigurationLoader.load(source, diagnostics: &diagnostics)
        let text = source.bytes(diagnostics: &diagnostics).map { String(decoding: $0, as: UTF8.self) } ?? ""
        try Terminal.stopOnErrors(diagnostics)
        return WorkspaceConfiguration(configuration: configuration, text: text, source: source)
    }
}

/// The time of a change: `SOURCE_DATE_EPOCH` (seconds, for reproducible runs and tests) or now.
enum Clock {
    static var now: Date {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap({ Double($0) }), epoch.isFinite, epoch >= 0 {
            return Date(timeIntervalSince1970: epoch)
        }
        return Date()
    }

    /// UTC, ISO 8601 to the second: `2027-03-01T09:30:00Z`.
    static var timestamp: String {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down))
        let day = CalendarDate(dayNumber: seconds.quotientAndRemainder(dividingBy: 86_400).quotient)
        let rest = seconds - day.dayNumber * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day)T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    /// Today's date in UTC (from ``now``).
    static var today: CalendarDate {
        CalendarDate(dayNumber: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}

/// Runs a workspace write and maps its errors: located diagnostics (exit 65) or a workspace
/// refusal (exit 65 for invalid or unknown records, 74 for a database failure).
func workspaceWrite<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as DiagnosticsError {
        throw Terminal.refuse(error, nothing: "changed")
    } catch let error as WorkspaceError {
        Terminal.error("error: \(TerminalText.escaped(error.description))")
        switch error {
        case .database, .fileSystem: throw ExitCode(74)
        default:
            Terminal.error("nothing was changed")
            throw ExitCode(65)
        }
    } catch let error as ExitCode {
        throw error
    } catch {
        Terminal.error("error: \(TerminalText.escaped(String(describing: error)))")
        throw ExitCode(74)
    }
}
