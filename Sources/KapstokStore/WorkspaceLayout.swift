import Foundation

/// Where a workspace keeps its data: one SQLite file in the workspace folder.
public enum WorkspaceLayout {
    /// The database file's name inside the workspace folder.
    public static let databaseName = "kapstok.sqlite"

    /// The database file of a workspace folder.
    public static func databaseURL(in folder: URL) -> URL {
        folder.appendingPathComponent(databaseName)
    }

    /// Whether a folder holds a workspace (its database file exists).
    public static func isWorkspace(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: databaseURL(in: folder).path)
    }
}
