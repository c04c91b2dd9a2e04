import Foundation
import GRDB
import Kapstok

/// A program workspace: one SQLite file (`kapstok.sqlite`, WAL mode) in a folder of its own,
/// holding the people, the framework, every round, the schedule and the tracking records.
///
/// Every public method is one transaction: a write either happens whole or not at all (also
/// under `kill -9`). Writes are `BEGIN IMMEDIATE` and wait up to ``busyTimeout`` for another
/// process's write, so concurrent commands queue instead of failing with "database is locked";
/// reads see a consistent snapshot while others write.
///
/// Thread safety: a `Workspace` may be used from several threads (its one GRDB `DatabaseQueue`
/// serialises them); several `Workspace`s, in one process or many, share the file through WAL
/// and the busy timeout. Lifetime: the file stays open until the
/// value is released or ``close()`` is called.
public final class Workspace: Sendable {
    /// The workspace folder.
    public let folder: URL
    /// One connection: a command is one short process, and WAL mode lets other processes read
    /// while it writes (and it read while they write).
    let pool: DatabaseQueue

    /// How long a write waits for another process's write before giving up.
    public static let busyTimeout: TimeInterval = 10

    /// The schema this code writes (the number of migrations it knows).
    public static var schemaVersion: Int { WorkspaceSchema.currentVersion }

    private init(folder: URL, pool: DatabaseQueue) {
        self.folder = folder
        self.pool = pool
    }

    /// The database file.
    public var databaseURL: URL { WorkspaceLayout.databaseURL(in: folder) }

    static func configuration() -> GRDB.Configuration {
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "kapstok"
        return configuration
    }

    // MARK: - Create and open

    /// Creates a workspace in `folder`: the folder (0700; an existing folder without a workspace
    /// is fine, and is restricted to 0700), the database (0600, WAL, current schema), and
    /// `kapstok.toml` (0600) when `configurationText` is given.
    ///
    /// - Throws: ``WorkspaceError/alreadyAWorkspace(path:)`` when the folder holds one already;
    ///   ``WorkspaceError/fileSystem(path:detail:)`` when the folder or files cannot be made.
    public static func create(at folder: URL, name: String, configurationText: String? = nil) throws -> Workspace {
        try create(at: folder, name: name, configurationText: configurationText, upTo: nil)
    }

    /// ``create(at:name:configurationText:)`` stopping at migration `upTo` (tests build old workspaces).
    static func create(at folder: URL, name: String, configurationText: String?, upTo migration: String?) throws -> Workspace {
        let database = WorkspaceLayout.databaseURL(in: folder)
        if FileManager.default.fileExists(atPath: database.path) {
            throw WorkspaceError.alreadyAWorkspace(path: folder.path)
        }
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
        } catch {
            throw WorkspaceError.fileSystem(path: folder.path, detail: error.localizedDescription)
        }
        // The file exists with 0600 before SQLite writes a byte; SQLite gives its -wal and -shm
        // files the mode of the database file.
        try FilePermissions.createPrivateFile(at: database, exclusive: true, alreadyThere: .alreadyAWorkspace(path: folder.path))
        do {
            if let configurationText {
                try FilePermissions.writePrivately(Array(configurationText.utf8), to: WorkspaceLayout.configurationURL(in: folder))
            }
            let pool = try DatabaseQueue(path: database.path, configuration: configuration())
            // WAL mode is a property of the file: set once here, kept by every later open.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            let migrator = WorkspaceSchema.migrator
            if let migration {
                try migrator.migrate(pool, upTo: migration)
            } else {
                try migrator.migrate(pool)
            }
            try pool.write { db in
                let now = Timestamp.now()
                for (key, value) in [("program", WorkspaceSchema.program), ("name", name), ("created_at", now)] {
                    try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
                }
            }
            FilePermissions.restrictCompanions(of: database)
            return Workspace(folder: folder, pool: pool)
        } catch {
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: database.path + suffix)
            }
            if configurationText != nil { try? FileManager.default.removeItem(at: WorkspaceLayout.configurationURL(in: folder)) }
            throw Workspace.mapped(error, path: database.path)
        }
    }

    /// Opens the workspace in `folder`, migrating an older schema first.
    ///
    /// - Throws: ``WorkspaceError/notAWorkspace(path:)`` (no database file),
    ///   ``WorkspaceError/notSQLite(path:)``, ``WorkspaceError/notKapstok(path:)``, or
    ///   ``WorkspaceError/newerSchema(path:found:known:)`` (written by a newer Kapstok: nothing is changed).
    public static func open(at folder: URL) throws -> Workspace {
        let database = WorkspaceLayout.databaseURL(in: folder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue,
            FileManager.default.fileExists(atPath: database.path)
        else { throw WorkspaceError.notAWorkspace(path: folder.path) }
        try checkHeader(database)
        // Look before touching, through a read-only connection: nothing is written to a foreign file.
        let version = try inspect(database)
        if version.found > WorkspaceSchema.currentVersion || version.hasUnknownMigrations {
            throw WorkspaceError.newerSchema(
                path: database.path, found: version.found, known: WorkspaceSchema.currentVersion)
        }
        do {
            let pool = try DatabaseQueue(path: database.path, configuration: configuration())
            if version.found < WorkspaceSchema.currentVersion { try migrate(pool) }
            FilePermissions.restrictCompanions(of: database)
            return Workspace(folder: folder, pool: pool)
        } catch {
            throw mapped(error, path: database.path)
        }
    }

    /// Runs the migrations not yet applied. Two commands opening an old workspace at once both
    /// try: the second waits for the first's transaction, and then finds nothing left to do (or,
    /// when it read the old state just before, fails and finds the work done on a second look).
    private static func migrate(_ pool: DatabaseQueue) throws {
        let migrator = WorkspaceSchema.migrator
        if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
        do {
            try migrator.migrate(pool)
        } catch {
            if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
            throw error
        }
    }

    private static func checkHeader(_ database: URL) throws {
        guard let handle = FileHandle(forReadingAtPath: database.path) else {
            throw WorkspaceError.fileSystem(path: database.path, detail: "cannot read the file")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { throw WorkspaceError.notKapstok(path: database.path) }
        if header != Data("SQLite format 3\0".utf8) { throw WorkspaceError.notSQLite(path: database.path) }
    }

    /// The schema version found (`user_version`, or the number of applied migrations when that is
    /// higher) and whether migrations unknown to this code are applied, read through a read-only
    /// connection.
    private static func inspect(_ database: URL) throws -> (found: Int, hasUnknownMigrations: Bool) {
        var configuration = configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: database.path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                guard try db.tableExists("meta"),
                    try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'program'") == WorkspaceSchema.program
                else { throw WorkspaceError.notKapstok(path: database.path) }
                var found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                var unknown = false
                if try db.tableExists("grdb_migrations") {
                    let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                    unknown = applied.contains { !WorkspaceSchema.identifiers.contains($0) }
                    found = max(found, applied.count)
                }
                return (found, unknown)
            }
        } catch {
            throw mapped(error, path: database.path)
        }
    }

    /// Closes the database; later calls throw.
    public func close() throws {
        do { try pool.close() } catch { throw Workspace.mapped(error, path: databaseURL.path) }
    }

    // MARK: - Meta

    /// The current time as the workspace writes it (`at:` of every write): UTC, ISO 8601,
    /// whole seconds (`2027-03-01T09:30:00Z`).
    public static func timestamp() -> String { Timestamp.now() }

    /// The text of the workspace's `kapstok.toml`, or nil when the folder has none.
    public func configurationText() throws -> String? {
        let url = WorkspaceLayout.configurationURL(in: folder)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw WorkspaceError.fileSystem(path: url.path, detail: error.localizedDescription)
        }
    }

    /// The workspace's name (given to `create`).
    public func name() throws -> String {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'name'") ?? "" }
    }

    /// The schema version of the open database.
    public func storedSchemaVersion() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    // MARK: - Transactions

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: committed when it returns, rolled back
    /// when it throws. Errors are ``WorkspaceError``s.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: Result<T, Error>?
                try db.inTransaction(.immediate) {
                    do {
                        result = .success(try body(db))
                        WorkspaceTestHooks.beforeCommit?()
                        return .commit
                    } catch {
                        result = .failure(error)
                        return .rollback
                    }
                }
                guard let result else { throw WorkspaceError.database(detail: "transaction ended without a result") }
                return try result.get()
            }
        } catch {
            throw Workspace.mapped(error, path: databaseURL.path)
        }
    }

    /// Runs `body` on a consistent snapshot of the database.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw Workspace.mapped(error, path: databaseURL.path)
        }
    }

    /// Any error as a ``WorkspaceError`` (or a `DiagnosticsError`, which passes through).
    static func mapped(_ error: Error, path: String) -> Error {
        if error is WorkspaceError { return error }
        if let error = error as? DatabaseError {
            if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
                return WorkspaceError.notSQLite(path: path)
            }
            if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                return WorkspaceError.busy(path: path)
            }
            return WorkspaceError.database(detail: "\(error.message ?? "SQLite error \(error.resultCode.rawValue)")")
        }
        return error
    }

    // MARK: - Backup

    /// Writes a consistent copy of the workspace database to `file` (0600) while other commands
    /// may be writing: the copy is one snapshot (SQLite's online backup from a read
    /// transaction), written to a temporary name beside `file` and renamed over it.
    public func backup(to file: URL) throws {
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        for suffix in ["", "-journal"] { try? FileManager.default.removeItem(atPath: temporary.path + suffix) }
        try FilePermissions.createPrivateFile(at: temporary, exclusive: true, alreadyThere: nil)
        do {
            let copy = try DatabaseQueue(path: temporary.path)
            try pool.backup(to: copy)
            try copy.close()
            for suffix in ["-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary.path + suffix) }
            guard Foundation.rename(temporary.path, file.path) == 0 else {
                throw WorkspaceError.fileSystem(path: file.path, detail: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Workspace.mapped(error, path: file.path)
        }
    }
}

/// UTC timestamps as ISO 8601 (`2027-03-01T09:30:00Z`).
enum Timestamp {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}

/// Owner-only files: created 0600 before any data is written.
enum FilePermissions {
    static func createPrivateFile(at url: URL, exclusive: Bool, alreadyThere: WorkspaceError?) throws {
        let descriptor = Foundation.open(url.path, O_CREAT | O_WRONLY | (exclusive ? O_EXCL : 0), 0o600)
        if descriptor < 0 {
            if errno == EEXIST, let alreadyThere { throw alreadyThere }
            throw WorkspaceError.fileSystem(path: url.path, detail: String(cString: strerror(errno)))
        }
        defer { Foundation.close(descriptor) }
        if fchmod(descriptor, 0o600) != 0 {
            throw WorkspaceError.fileSystem(path: url.path, detail: String(cString: strerror(errno)))
        }
    }

    /// Writes `bytes` to a 0600 temporary file beside `url` and renames it over `url`.
    static func writePrivately(_ bytes: [UInt8], to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: temporary)
        try createPrivateFile(at: temporary, exclusive: true, alreadyThere: nil)
        do {
            try Data(bytes).write(to: temporary)
            guard Foundation.rename(temporary.path, url.path) == 0 else {
                throw WorkspaceError.fileSystem(path: url.path, detail: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error is WorkspaceError ? error : WorkspaceError.fileSystem(path: url.path, detail: error.localizedDescription)
        }
    }

    /// Restricts the database's -wal and -shm files to 0600 (SQLite already copies the
    /// database's mode; this also mends files made by an older tool).
    static func restrictCompanions(of database: URL) {
        for suffix in ["-wal", "-shm"] { chmod(database.path + suffix, 0o600) }
    }
}

// MARK: - For tests (internal: `@testable import`)

extension Workspace {
    /// Runs raw SQL in one transaction (tests forge old or foreign states with it).
    func execute(sql: String) throws {
        _ = try write { db in try db.execute(sql: sql) }
    }

    /// The first column of the first row of a query, as text.
    func scalar(sql: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: sql) }
    }

    /// Runs raw SQL outside a transaction (`PRAGMA`s that refuse one).
    func executeOutsideTransaction(sql: String) throws {
        try pool.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}

/// A test hook (never set in normal use): the CLI sets it from `KAPSTOK_TEST_KILL_AT=commit` to
/// kill the process inside a write transaction, just before its commit, so that tests can check
/// that such a kill leaves the workspace as it was. Set once, before any workspace is opened.
public enum WorkspaceTestHooks {
    nonisolated(unsafe) public static var beforeCommit: (() -> Void)?
}
