import Foundation

/// Where a workspace keeps its data: one SQLite file in the workspace folder, beside the
/// program's `kapstok.toml`.
public enum WorkspaceLayout {
    /// The database file's name inside the workspace folder.
    public static let databaseName = "kapstok.sqlite"

    /// The configuration file's name inside the workspace folder.
    public static let configurationName = "kapstok.toml"

    /// The database file of a workspace folder.
    public static func databaseURL(in folder: URL) -> URL {
        folder.appendingPathComponent(databaseName)
    }

    /// The configuration file of a workspace folder (`create` writes it when given text).
    public static func configurationURL(in folder: URL) -> URL {
        folder.appendingPathComponent(configurationName)
    }

    /// Whether a folder holds a workspace (its database file exists).
    public static func isWorkspace(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: databaseURL(in: folder).path)
    }
}
