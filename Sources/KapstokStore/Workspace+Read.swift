import GRDB
import Kapstok

extension Workspace {
    /// The framework of the last import, or the built-in one when none was imported.
    public func framework() throws -> Framework {
        try read { db in try Self.framework(db) }
    }

    /// What `match` pairs: the framework, the active people in the order of the last import,
    /// the org chart, the rules and the history, with the CLI's configuration (from the
    /// workspace's `kapstok.toml`).
    public func roundInputs(configuration: Kapstok.Configuration) throws -> Round {
        try read { db in
            let framework = try Self.framework(db)
            return Round(
                framework: framework,
                mentors: try Self.mentors(db, framework: framework, activeOnly: true),
                mentees: try Self.mentees(db, framework: framework, activeOnly: true),
                rules: try Row.fetchAll(db, sql: "SELECT mentee_id, mentor_id, kind, reason FROM pair_rules ORDER BY position").map {
                    PairRule(menteeID: $0[0], mentorID: $0[1], kind: PairRule.Kind(rawValue: $0[2]) ?? .forbid, reason: $0[3])
                },
                history: try Row.fetchAll(db, sql: "SELECT mentee_id, mentor_id, round FROM history ORDER BY position").map {
                    HistoryEntry(menteeID: $0[0], mentorID: $0[1], round: $0[2])
                },
                org: try Row.fetchAll(db, sql: "SELECT id, manager_id FROM org ORDER BY position").map {
                    OrgEntry(id: $0[0], managerID: $0[1])
                },
                configuration: configuration)
        }
    }

    /// Every mentor (active or not), in the order of the last import.
    public func mentors(activeOnly: Bool = false) throws -> [Mentor] {
        try read { db in try Self.mentors(db, framework: try Self.framework(db), activeOnly: activeOnly) }
    }

    /// Every mentee (active or not), in the order of the last import.
    public func mentees(activeOnly: Bool = false) throws -> [Mentee] {
        try read { db in try Self.mentees(db, framework: try Self.framework(db), activeOnly: activeOnly) }
    }

    /// The availability windows of the last import, in file order.
    public func availability() throws -> [AvailabilityWindow] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT person_id, weekday, start_minute, end_minute FROM availability ORDER BY position")
                .map { row in
                    AvailabilityWindow(
                        personID: row[0], weekday: Weekday(rawValue: row[1]) ?? .monday,
                        window: TimeWindow(start: ClockTime(minutes: row[2]), end: ClockTime(minutes: row[3])))
                }
        }
    }

    /// The absences of the last import, in file order.
    public func absences() throws -> [Absence] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT person_id, from_date, to_date, reason FROM absences ORDER BY position").compactMap { row in
                guard let from = StoredValues.date(row[1]), let to = StoredValues.date(row[2]) else { return nil }
                return Absence(personID: row[0], from: from, to: to, reason: row[3])
            }
        }
    }

    /// The current schedule (of the last schedule or re-plan, with moves and logged statuses
    /// since), in `sessions.csv` order: start, mentee, mentor, number.
    public func sessions() throws -> [Session] {
        try read { db in try Self.sessionLogs(db, filter: "", arguments: []).map(\.session) }
    }

    // MARK: Rows to values

    static func mentors(_ db: Database, framework: Framework, activeOnly: Bool, filter: String = "", arguments: StatementArguments = []) throws -> [Mentor] {
        let condition = [activeOnly ? "active = 1" : nil, filter.isEmpty ? nil : filter].compactMap { $0 }
        let sql = "SELECT id, name, email, department, grade, location, languages, capacity, manager_id, levels, expertise FROM mentors"
            + (condition.isEmpty ? "" : " WHERE " + condition.joined(separator: " AND ")) + " ORDER BY position"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            Mentor(
                id: row[0], name: row[1], email: row[2], department: row[3], grade: row[4], location: row[5],
                languages: StoredValues.list(row[6]), capacity: row[7], managerID: row[8],
                competencyLevels: StoredValues.values(row[9], items: framework.competencies, missing: 0).map { $0 ?? 0 },
                domainExpertise: StoredValues.values(row[10], items: framework.domains, missing: 0).map { $0 ?? 0 })
        }
    }

    static func mentees(_ db: Database, framework: Framework, activeOnly: Bool, filter: String = "", arguments: StatementArguments = []) throws -> [Mentee] {
        let condition = [activeOnly ? "active = 1" : nil, filter.isEmpty ? nil : filter].compactMap { $0 }
        let sql = "SELECT id, name, email, department, grade, location, languages, manager_id, levels, targets, interest FROM mentees"
            + (condition.isEmpty ? "" : " WHERE " + condition.joined(separator: " AND ")) + " ORDER BY position"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            Mentee(
                id: row[0], name: row[1], email: row[2], department: row[3], grade: row[4], location: row[5],
                languages: StoredValues.list(row[6]), managerID: row[7],
                currentLevels: StoredValues.values(row[8], items: framework.competencies, missing: 0).map { $0 ?? 0 },
                targetLevels: StoredValues.values(row[9], items: framework.competencies, missing: nil),
                domainInterest: StoredValues.values(row[10], items: framework.domains, missing: 0).map { $0 ?? 0 })
        }
    }

    static let sessionColumns =
        "id, mentee_id, mentor_id, number, start, end, status, sequence, held_on, mentee_rating, mentor_rating, goals_discussed, notes"

    /// Sessions with their logs; `filter` is a WHERE condition (or empty).
    static func sessionLogs(_ db: Database, filter: String, arguments: StatementArguments) throws -> [SessionLog] {
        let sql = "SELECT \(sessionColumns) FROM sessions" + (filter.isEmpty ? "" : " WHERE " + filter)
            + " ORDER BY start, mentee_id, mentor_id, number"
        var logs: [SessionLog] = []
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() { logs.append(try sessionLog(row)) }
        return logs
    }

    static func sessionLog(_ row: Row) throws -> SessionLog {
        let id: String = row[0]
        guard let start = StoredValues.localTime(row[4]), let end = StoredValues.localTime(row[5]),
            let status = SessionStatus(rawValue: row[6])
        else { throw WorkspaceError.database(detail: "session '\(id)' has an unreadable time or status") }
        let session = Session(
            id: id, menteeID: row[1], mentorID: row[2], number: row[3], start: start, end: end, status: status,
            sequence: row[7])
        let heldOn: String? = row[8]
        return SessionLog(
            session: session, heldOn: heldOn.flatMap(StoredValues.date), menteeRating: row[9], mentorRating: row[10],
            goalsDiscussed: StoredValues.list(row[11]), notes: row[12])
    }
}
