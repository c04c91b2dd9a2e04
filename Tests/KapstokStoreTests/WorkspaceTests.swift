import Foundation
import Kapstok
import Testing
@testable import KapstokStore

@Suite("Workspace create and open")
struct WorkspaceTests {
    @Test("create makes a 0700 folder, a 0600 database (and -wal, -shm, kapstok.toml) in WAL mode")
    func createPermissions() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let place = folder.appending("program")
        let workspace = try Workspace.create(at: place, name: "Spring 2027", configurationText: "[program]\nname = \"Spring\"\n")
        _ = try workspace.importData(ImportBatch(mentors: [mentor("M01")]), at: t0, actor: "hr")
        let database = WorkspaceLayout.databaseURL(in: place).path
        #expect(permissions(place.path) == 0o700)
        #expect(permissions(database) == 0o600)
        #expect(permissions(database + "-wal") == 0o600)
        #expect(permissions(database + "-shm") == 0o600)
        #expect(permissions(WorkspaceLayout.configurationURL(in: place).path) == 0o600)
        #expect(try String(contentsOf: WorkspaceLayout.configurationURL(in: place), encoding: .utf8) == "[program]\nname = \"Spring\"\n")
        #expect(try workspace.configurationText() == "[program]\nname = \"Spring\"\n")
        #expect(try workspace.scalar(sql: "PRAGMA journal_mode") == "wal")
        #expect(try workspace.scalar(sql: "PRAGMA foreign_keys") == "1")
        #expect(try workspace.scalar(sql: "SELECT value FROM meta WHERE key = 'program'") == "kapstok")
        #expect(try workspace.name() == "Spring 2027")
        #expect(try workspace.storedSchemaVersion() == Workspace.schemaVersion)
        #expect(try workspace.scalar(sql: "SELECT value FROM meta WHERE key = 'schema_version'") == String(Workspace.schemaVersion))
    }

    @Test("create refuses a folder holding a workspace, accepts a non-empty folder without one")
    func createRefusesWorkspace() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try Data("notes".utf8).write(to: folder.appending("notes.txt"))
        let workspace = try Workspace.create(at: folder.url, name: "A", configurationText: nil)
        try workspace.close()
        #expect(throws: WorkspaceError.alreadyAWorkspace(path: folder.url.path)) {
            try Workspace.create(at: folder.url, name: "B", configurationText: nil)
        }
        #expect(try Workspace.open(at: folder.url).name() == "A")
    }

    @Test("open refuses a folder without a workspace, a file that is not SQLite, and SQLite that is not Kapstok's")
    func openRefusesForeignFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        #expect(throws: WorkspaceError.notAWorkspace(path: folder.url.path)) { try Workspace.open(at: folder.url) }

        let database = WorkspaceLayout.databaseURL(in: folder.url)
        try Data("mentee_id,mentor_id\nE01,M01\n".utf8).write(to: database)
        let notSQLite = #expect(throws: WorkspaceError.self) { try Workspace.open(at: folder.url) }
        #expect(notSQLite == .notSQLite(path: database.path))
        #expect(notSQLite?.description == "'\(database.path)' is not an SQLite database (or it is damaged)")

        try Data().write(to: database)
        #expect(throws: WorkspaceError.notKapstok(path: database.path)) { try Workspace.open(at: folder.url) }

        // A real SQLite database whose meta does not name Kapstok.
        try FileManager.default.removeItem(at: database)
        let other = folder.appending("other")
        let workspace = try Workspace.create(at: other, name: "X", configurationText: nil)
        try workspace.execute(sql: "UPDATE meta SET value = 'someone-else' WHERE key = 'program'")
        try workspace.close()
        let otherDatabase = WorkspaceLayout.databaseURL(in: other).path
        let foreign = #expect(throws: WorkspaceError.self) { try Workspace.open(at: other) }
        #expect(foreign == .notKapstok(path: otherDatabase))
        #expect(foreign?.description == "'\(otherDatabase)' is an SQLite database, but not a Kapstok workspace")
    }

    @Test("open refuses a schema newer than this code knows, by user_version or by an unknown migration")
    func newerSchemaRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let place = folder.appending("ws")
        var workspace = try Workspace.create(at: place, name: "N", configurationText: nil)
        try workspace.executeOutsideTransaction(sql: "PRAGMA user_version = 3")
        try workspace.close()
        let path = WorkspaceLayout.databaseURL(in: place).path
        let error = #expect(throws: WorkspaceError.self) { try Workspace.open(at: place) }
        #expect(error == .newerSchema(path: path, found: 3, known: 2))
        #expect(error?.description == "'\(path)' was written by a newer Kapstok (schema 3; this one knows up to 2)")

        // Same version number, but a migration this code does not know (a newer branch).
        let second = folder.appending("ws2")
        workspace = try Workspace.create(at: second, name: "N", configurationText: nil)
        try workspace.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v3')")
        try workspace.close()
        #expect(throws: WorkspaceError.newerSchema(path: WorkspaceLayout.databaseURL(in: second).path, found: 3, known: 2)) {
            try Workspace.open(at: second)
        }
    }

    @Test("a v1 workspace with data is migrated on open and keeps its people, framework and rounds")
    func migrationFromV1() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let place = folder.appending("old")
        let old = try Workspace.create(at: place, name: "Old", configurationText: nil, upTo: "v1")
        #expect(try old.storedSchemaVersion() == 1)
        #expect(try old.scalar(sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'goals'") == "0")
        // Rows as the v1 code wrote them: no `active` column, levels keyed by item id.
        let framework = Framework(items: [
            FrameworkItem(id: "c.one", name: "One", kind: .competency, group: "leader", weight: 2),
            FrameworkItem(id: "d.one", name: "Domain one", kind: .domain, group: ""),
        ])
        let levels = StoredValues.text([4], items: framework.competencies)
        let targets = StoredValues.text([5], items: framework.competencies)
        let expertise = StoredValues.text([3], items: framework.domains)
        try old.execute(sql: """
            INSERT INTO framework_items VALUES (0, 'c.one', 'One', 'competency', 'leader', 2), (1, 'd.one', 'Domain one', 'domain', '', 1);
            INSERT INTO mentors VALUES ('M01', 0, 'Ann', 'ann@example.org', NULL, 12, NULL, 'nl', 3, NULL, '\(levels)', '\(expertise)');
            INSERT INTO mentees VALUES ('E01', 0, 'Bo', NULL, NULL, 4, NULL, 'nl', NULL, '\(StoredValues.text([1], items: framework.competencies))', '\(targets)', '\(expertise)');
            INSERT INTO pair_rules VALUES (0, 'E01', 'M01', 'require', 'asked');
            INSERT INTO rounds VALUES (1, 'match', '\(t0)', '2027-02-01', 'hr', '[pairing]', 'optimal');
            INSERT INTO round_pairs VALUES (1, 0, 'E01', 'M01', 0.75, 1, 'fits');
            """)
        try old.close()

        let workspace = try Workspace.open(at: place)
        #expect(try workspace.storedSchemaVersion() == 2)
        #expect(try workspace.framework() == framework)
        let round = try workspace.roundInputs(configuration: Configuration())
        #expect(round.mentors == [Mentor(id: "M01", name: "Ann", email: "ann@example.org", grade: 12, languages: ["nl"],
                                         capacity: 3, competencyLevels: [4], domainExpertise: [3])])
        #expect(round.mentees == [Mentee(id: "E01", name: "Bo", grade: 4, languages: ["nl"], currentLevels: [1],
                                         targetLevels: [5], domainInterest: [3])])
        #expect(round.rules == [PairRule(menteeID: "E01", mentorID: "M01", kind: .require, reason: "asked")])
        #expect(try workspace.round(1)?.pairs == [RecordedPair(menteeID: "E01", mentorID: "M01", score: 0.75, rank: 1, reason: "fits")])
        #expect(try workspace.currentPairs() == [PairID(menteeID: "E01", mentorID: "M01")])
        // The v2 tables work on the migrated file.
        let goal = try workspace.addGoal(draftGoal("E01", "M01", item: "c.one", baseline: 1, target: 5), at: t0, actor: "hr")
        #expect(goal.id == "G0001")
        // Opening again finds nothing to migrate.
        try workspace.close()
        #expect(try Workspace.open(at: place).goals().map(\.id) == ["G0001"])
    }
}
