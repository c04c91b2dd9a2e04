import GRDB

/// The workspace's schema, as a list of migrations shipped in order and never edited once
/// released: a workspace written by any earlier Kapstok is brought up to date on open, one
/// migration (one transaction) at a time; `PRAGMA user_version` and `meta.schema_version`
/// hold the number of the last one applied.
///
/// Tables (v2):
/// - `meta(key, value)`: `program` = `kapstok`, `name`, `created_at`, `schema_version`.
/// - `framework_items`: the framework in file order (none: the built-in one).
/// - `mentors`, `mentees`: people by id, in the order of the last import (`position`), with
///   `active` = in the last file that listed them; levels as `item␞level` lists keyed by item id.
/// - `org`, `pair_rules`, `history`, `availability`, `absences`: the last imported rows, in file order.
/// - `rounds` (numbered from 1), `round_pairs`, `round_unmatched`, `round_sessions`, `round_changes`.
/// - `sessions`: the current schedule with each session's log; `session_events`: its history.
/// - `goals`, `goal_events`, `milestones`, `check_ins`.
enum WorkspaceSchema {
    /// The program name `meta.program` holds in every Kapstok workspace.
    static let program = "kapstok"

    /// Migration identifiers, in order; the schema version is the position (1-based) of the last applied.
    static let identifiers = ["v1", "v2"]

    static var currentVersion: Int { identifiers.count }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        migrator.registerMigration("v2", migrate: v2)
        return migrator
    }

    /// Sets `user_version` and `meta.schema_version`, inside the migration's transaction.
    private static func stamp(_ db: Database, version: Int) throws {
        try db.execute(sql: "PRAGMA user_version = \(version)")
        try db.execute(
            sql: "INSERT INTO meta(key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [String(version)])
    }

    /// People, framework, organisation, rules, history, availability, absences and match rounds.
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
            CREATE TABLE framework_items (
                position INTEGER PRIMARY KEY NOT NULL, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
                kind TEXT NOT NULL, grp TEXT NOT NULL, weight REAL NOT NULL);
            CREATE TABLE mentors (
                id TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, email TEXT,
                department TEXT, grade INTEGER, location TEXT, languages TEXT NOT NULL, capacity REAL,
                manager_id TEXT, levels TEXT NOT NULL, expertise TEXT NOT NULL);
            CREATE TABLE mentees (
                id TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, email TEXT,
                department TEXT, grade INTEGER, location TEXT, languages TEXT NOT NULL, manager_id TEXT,
                levels TEXT NOT NULL, targets TEXT NOT NULL, interest TEXT NOT NULL);
            CREATE TABLE org (id TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, manager_id TEXT);
            CREATE TABLE pair_rules (
                position INTEGER PRIMARY KEY NOT NULL, mentee_id TEXT NOT NULL, mentor_id TEXT NOT NULL,
                kind TEXT NOT NULL, reason TEXT);
            CREATE TABLE history (
                position INTEGER PRIMARY KEY NOT NULL, mentee_id TEXT NOT NULL, mentor_id TEXT NOT NULL, round TEXT);
            CREATE TABLE availability (
                position INTEGER PRIMARY KEY NOT NULL, person_id TEXT NOT NULL, weekday INTEGER NOT NULL,
                start_minute INTEGER NOT NULL, end_minute INTEGER NOT NULL);
            CREATE INDEX availability_person ON availability(person_id);
            CREATE TABLE absences (
                position INTEGER PRIMARY KEY NOT NULL, person_id TEXT NOT NULL, from_date TEXT NOT NULL,
                to_date TEXT NOT NULL, reason TEXT NOT NULL);
            CREATE INDEX absences_person ON absences(person_id);
            CREATE TABLE rounds (
                number INTEGER PRIMARY KEY NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL, date TEXT NOT NULL,
                actor TEXT NOT NULL, configuration TEXT NOT NULL, summary TEXT NOT NULL);
            CREATE TABLE round_pairs (
                round INTEGER NOT NULL REFERENCES rounds(number), position INTEGER NOT NULL,
                mentee_id TEXT NOT NULL, mentor_id TEXT NOT NULL, score REAL NOT NULL, rank INTEGER NOT NULL,
                reason TEXT NOT NULL, PRIMARY KEY (round, position));
            CREATE TABLE round_unmatched (
                round INTEGER NOT NULL REFERENCES rounds(number), position INTEGER NOT NULL,
                mentee_id TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (round, position));
            """)
        try stamp(db, version: 1)
    }

    /// Tracking: sessions with their logs, goals with their history, milestones, check-ins; and
    /// people's `active` flag (everyone of a v1 workspace was in its last import, so 1).
    static func v2(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE mentors ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE mentees ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
            CREATE TABLE sessions (
                id TEXT PRIMARY KEY NOT NULL, mentee_id TEXT NOT NULL, mentor_id TEXT NOT NULL,
                number INTEGER NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL, status TEXT NOT NULL,
                sequence INTEGER NOT NULL, held_on TEXT, mentee_rating INTEGER, mentor_rating INTEGER,
                goals_discussed TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '', round INTEGER);
            CREATE INDEX sessions_pair_start ON sessions(mentee_id, mentor_id, start);
            CREATE INDEX sessions_mentor ON sessions(mentor_id);
            CREATE INDEX sessions_start ON sessions(start, mentee_id, mentor_id, number);
            CREATE TABLE session_events (
                id INTEGER PRIMARY KEY, session_id TEXT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL,
                field TEXT NOT NULL, old_value TEXT NOT NULL, new_value TEXT NOT NULL);
            CREATE INDEX session_events_session ON session_events(session_id);
            CREATE TABLE round_sessions (
                round INTEGER NOT NULL REFERENCES rounds(number), position INTEGER NOT NULL, id TEXT NOT NULL,
                mentee_id TEXT NOT NULL, mentor_id TEXT NOT NULL, number INTEGER NOT NULL, start TEXT NOT NULL,
                end TEXT NOT NULL, status TEXT NOT NULL, sequence INTEGER NOT NULL, PRIMARY KEY (round, position));
            CREATE TABLE round_changes (
                round INTEGER NOT NULL REFERENCES rounds(number), position INTEGER NOT NULL,
                session_id TEXT NOT NULL, mentee_id TEXT NOT NULL, mentor_id TEXT NOT NULL, number INTEGER NOT NULL,
                kind TEXT NOT NULL, old_start TEXT, new_start TEXT, why TEXT NOT NULL, PRIMARY KEY (round, position));
            CREATE TABLE goals (
                id TEXT PRIMARY KEY NOT NULL, mentee_id TEXT NOT NULL, mentor_id TEXT NOT NULL, item_id TEXT NOT NULL,
                baseline INTEGER NOT NULL, target INTEGER NOT NULL, start TEXT NOT NULL, due TEXT NOT NULL,
                status TEXT NOT NULL, title TEXT NOT NULL, reason TEXT NOT NULL, round INTEGER);
            CREATE INDEX goals_mentee ON goals(mentee_id);
            CREATE INDEX goals_mentor ON goals(mentor_id);
            CREATE TABLE goal_events (
                id INTEGER PRIMARY KEY, goal_id TEXT NOT NULL REFERENCES goals(id), at TEXT NOT NULL,
                actor TEXT NOT NULL, field TEXT NOT NULL, old_value TEXT NOT NULL, new_value TEXT NOT NULL);
            CREATE INDEX goal_events_goal ON goal_events(goal_id);
            CREATE TABLE milestones (
                id TEXT PRIMARY KEY NOT NULL, goal_id TEXT NOT NULL REFERENCES goals(id), title TEXT NOT NULL,
                due TEXT NOT NULL, done_on TEXT);
            CREATE INDEX milestones_goal ON milestones(goal_id);
            CREATE TABLE check_ins (
                id INTEGER PRIMARY KEY, mentee_id TEXT NOT NULL, item_id TEXT NOT NULL, level INTEGER NOT NULL,
                date TEXT NOT NULL, assessor TEXT NOT NULL, evidence TEXT NOT NULL);
            CREATE INDEX check_ins_mentee_item ON check_ins(mentee_id, item_id, date);
            """)
        try stamp(db, version: 2)
    }
}
