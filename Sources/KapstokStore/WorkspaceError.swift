import Foundation

/// Why a workspace cannot be created, opened or written: each case has a description the CLI
/// prints as it is (lowercase fragment, paths and ids in single quotes).
public enum WorkspaceError: Error, CustomStringConvertible, Sendable, Equatable {
    /// `create` on a folder that already holds a workspace.
    case alreadyAWorkspace(path: String)
    /// `open` on a folder without `kapstok.sqlite`.
    case notAWorkspace(path: String)
    /// The database file is not an SQLite database (or is damaged).
    case notSQLite(path: String)
    /// An SQLite database, but not one Kapstok wrote (no `meta` table naming Kapstok).
    case notKapstok(path: String)
    /// A workspace written by a newer Kapstok: its schema is above the one this code knows.
    case newerSchema(path: String, found: Int, known: Int)
    /// A folder or file that cannot be made or read (permissions, disk).
    case fileSystem(path: String, detail: String)
    /// A record the command names does not exist (`goal 'G0042'`, `session 'S…'`).
    case unknown(kind: String, id: String)
    /// A write the workspace refuses, in words (`goal 'G0001' cannot move from achieved to active`).
    case invalid(String)
    /// Another command kept the workspace locked for longer than ``Workspace/busyTimeout``.
    case busy(path: String)
    /// An SQLite error, with what the store was doing.
    case database(detail: String)

    public var description: String {
        switch self {
        case .alreadyAWorkspace(let path): "'\(path)' already holds a workspace"
        case .notAWorkspace(let path): "'\(path)' is not a Kapstok workspace (no \(WorkspaceLayout.databaseName) in it)"
        case .notSQLite(let path): "'\(path)' is not an SQLite database (or it is damaged)"
        case .notKapstok(let path): "'\(path)' is an SQLite database, but not a Kapstok workspace"
        case .newerSchema(let path, let found, let known):
            "'\(path)' was written by a newer Kapstok (schema \(found); this one knows up to \(known))"
        case .fileSystem(let path, let detail): "cannot use '\(path)': \(detail)"
        case .unknown(let kind, let id): "unknown \(kind) '\(id)'"
        case .invalid(let message): message
        case .busy(let path):
            "'\(path)' is busy: another command has been writing to it for more than \(Int(Workspace.busyTimeout)) seconds"
        case .database(let detail): "workspace database error: \(detail)"
        }
    }
}
