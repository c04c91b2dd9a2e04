import GRDB
import Kapstok

/// A pair of a recorded match round, by ids (the CLI maps `PairResult`'s indices through the round).
public struct RecordedPair: Sendable, Hashable {
    public var menteeID: String
    public var mentorID: String
    public var score: Double
    /// The mentor's place in the mentee's ordering of candidates (1 = best).
    public var rank: Int
    public var reason: String

    public init(menteeID: String, mentorID: String, score: Double, rank: Int, reason: String) {
        self.menteeID = menteeID
        self.mentorID = mentorID
        self.score = score
        self.rank = rank
        self.reason = reason
    }

    public var pair: PairID { PairID(menteeID: menteeID, mentorID: mentorID) }
}

/// A mentee a match round left without a mentor, and why.
public struct RecordedUnmatched: Sendable, Hashable {
    public var menteeID: String
    public var reason: String

    public init(menteeID: String, reason: String) {
        self.menteeID = menteeID
        self.reason = reason
    }
}

/// One run of `match`, `schedule` or `replan` as the workspace keeps it: plain values by id.
public struct RoundRecord: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case match, schedule, replan
    }

    public var kind: Kind
    /// UTC timestamp of the run, ISO 8601 (`2027-03-01T09:30:00Z`).
    public var at: String
    /// The round's date: the match date (draft goals start here) or the re-plan's `--today`.
    public var date: CalendarDate
    /// Who ran it.
    public var actor: String
    /// The `kapstok.toml` text the run used, verbatim.
    public var configurationText: String
    /// One line about the outcome, as the CLI words it (`optimal; 48 of 50 mentees matched`).
    public var summary: String
    /// For `match`: the pairs, in mentee order.
    public var pairs: [RecordedPair]
    /// For `match`: the unmatched mentees, in mentee order.
    public var unmatched: [RecordedUnmatched]
    /// For `match`: the draft goals; their `id` and `round` are ignored and given by
    /// ``Workspace/recordRound(_:)`` (`G0001`… in this order). Read back: the round's goals as
    /// they stand now.
    public var draftGoals: [Goal]
    /// For `schedule` and `replan`: the whole new schedule.
    public var sessions: [Session]
    /// For `replan`: what changed.
    public var changes: [SessionChange]

    public init(
        kind: Kind, at: String, date: CalendarDate, actor: String, configurationText: String, summary: String = "",
        pairs: [RecordedPair] = [], unmatched: [RecordedUnmatched] = [], draftGoals: [Goal] = [],
        sessions: [Session] = [], changes: [SessionChange] = []
    ) {
        self.kind = kind
        self.at = at
        self.date = date
        self.actor = actor
        self.configurationText = configurationText
        self.summary = summary
        self.pairs = pairs
        self.unmatched = unmatched
        self.draftGoals = draftGoals
        self.sessions = sessions
        self.changes = changes
    }
}

/// A line of `rounds()`: a recorded round without its rows.
public struct RoundSummary: Sendable, Hashable {
    public var number: Int
    public var kind: RoundRecord.Kind
    public var at: String
    public var date: CalendarDate
    public var actor: String
    public var summary: String
    public var pairCount: Int
    public var unmatchedCount: Int
    public var goalCount: Int
    public var sessionCount: Int
    public var changeCount: Int
}

extension Workspace {
    /// Records a round in one transaction and returns its number (1, 2, … in order of recording).
    ///
    /// A match round stores its pairs, unmatched mentees and draft goals (ids `G0001`… after
    /// the highest `G` number in the workspace, in input order; each with a `created` event). A
    /// schedule or re-plan round replaces the current schedule by its sessions: a session whose
    /// id persists keeps its log (held on, ratings, goals discussed, notes) and, when it was
    /// logged held or no-show, that status; sessions not in the new schedule are dropped.
    public func recordRound(_ record: RoundRecord) throws -> Int {
        try write { db in
            let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM rounds") ?? 0) + 1
            try db.execute(
                sql: "INSERT INTO rounds(number, kind, at, date, actor, configuration, summary) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [number, record.kind.rawValue, record.at, StoredValues.text(record.date), record.actor,
                            record.configurationText, record.summary])
            let pair = try db.makeStatement(sql: """
                INSERT INTO round_pairs(round, position, mentee_id, mentor_id, score, rank, reason) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for (position, entry) in record.pairs.enumerated() {
                try pair.execute(arguments: [number, position, entry.menteeID, entry.mentorID, entry.score, entry.rank, entry.reason])
            }
            let unmatched = try db.makeStatement(sql: "INSERT INTO round_unmatched(round, position, mentee_id, reason) VALUES (?, ?, ?, ?)")
            for (position, entry) in record.unmatched.enumerated() {
                try unmatched.execute(arguments: [number, position, entry.menteeID, entry.reason])
            }
            var nextGoal = try Self.nextNumber(db, table: "goals", prefix: "G")
            for var goal in record.draftGoals {
                goal.id = Self.identifier("G", nextGoal)
                goal.round = number
                nextGoal += 1
                try Self.insertGoal(goal, db)
                try Self.insertEvent(GoalEvent(goalID: goal.id, at: record.at, actor: record.actor, field: "created",
                                               oldValue: "", newValue: goal.status.rawValue), db)
            }
            if record.kind != .match {
                try Self.replaceSchedule(record.sessions, round: number, db)
            }
            let change = try db.makeStatement(sql: """
                INSERT INTO round_changes(round, position, session_id, mentee_id, mentor_id, number, kind, old_start, new_start, why)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (position, entry) in record.changes.enumerated() {
                try change.execute(arguments: [
                    number, position, entry.sessionID, entry.menteeID, entry.mentorID, entry.number, entry.kind.rawValue,
                    entry.oldStart.map(StoredValues.text), entry.newStart.map(StoredValues.text), entry.why,
                ])
            }
            return number
        }
    }

    private static func replaceSchedule(_ sessions: [Session], round: Int, _ db: Database) throws {
        var logged: [String: SessionStatus] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, status FROM sessions") {
            logged[row[0]] = SessionStatus(rawValue: row[1])
        }
        let kept = Set(sessions.map(\.id))
        let delete = try db.makeStatement(sql: "DELETE FROM sessions WHERE id = ?")
        for id in logged.keys.sorted() where !kept.contains(id) { try delete.execute(arguments: [id]) }
        let upsert = try db.makeStatement(sql: """
            INSERT INTO sessions(id, mentee_id, mentor_id, number, start, end, status, sequence, round)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET mentee_id = excluded.mentee_id, mentor_id = excluded.mentor_id,
                number = excluded.number, start = excluded.start, end = excluded.end, status = excluded.status,
                sequence = excluded.sequence, round = excluded.round
            """)
        let snapshot = try db.makeStatement(sql: """
            INSERT INTO round_sessions(round, position, id, mentee_id, mentor_id, number, start, end, status, sequence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, session) in sessions.enumerated() {
            var status = session.status
            if let old = logged[session.id], old == .held || old == .noShow, status == .planned { status = old }
            let start = StoredValues.text(session.start)
            let end = StoredValues.text(session.end)
            try upsert.execute(arguments: [
                session.id, session.menteeID, session.mentorID, session.number, start, end, status.rawValue,
                session.sequence, round,
            ])
            try snapshot.execute(arguments: [
                round, position, session.id, session.menteeID, session.mentorID, session.number, start, end,
                session.status.rawValue, session.sequence,
            ])
        }
    }

    /// Every recorded round, oldest first.
    public func rounds() throws -> [RoundSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.number, r.kind, r.at, r.date, r.actor, r.summary,
                    (SELECT COUNT(*) FROM round_pairs WHERE round = r.number),
                    (SELECT COUNT(*) FROM round_unmatched WHERE round = r.number),
                    (SELECT COUNT(*) FROM goals WHERE round = r.number),
                    (SELECT COUNT(*) FROM round_sessions WHERE round = r.number),
                    (SELECT COUNT(*) FROM round_changes WHERE round = r.number)
                FROM rounds r ORDER BY r.number
                """).map { row in
                RoundSummary(
                    number: row[0], kind: RoundRecord.Kind(rawValue: row[1]) ?? .match, at: row[2],
                    date: StoredValues.date(row[3]) ?? CalendarDate(year: 2000, month: 1, day: 1), actor: row[4],
                    summary: row[5], pairCount: row[6], unmatchedCount: row[7], goalCount: row[8], sessionCount: row[9],
                    changeCount: row[10])
            }
        }
    }

    /// A recorded round, read back (its draft goals as they stand now); `nil` when there is no round `number`.
    public func round(_ number: Int) throws -> RoundRecord? {
        try read { db in
            guard let head = try Row.fetchOne(
                db, sql: "SELECT kind, at, date, actor, configuration, summary FROM rounds WHERE number = ?", arguments: [number])
            else { return nil }
            let pairs = try Row.fetchAll(
                db, sql: "SELECT mentee_id, mentor_id, score, rank, reason FROM round_pairs WHERE round = ? ORDER BY position",
                arguments: [number]
            ).map { RecordedPair(menteeID: $0[0], mentorID: $0[1], score: $0[2], rank: $0[3], reason: $0[4]) }
            let unmatched = try Row.fetchAll(
                db, sql: "SELECT mentee_id, reason FROM round_unmatched WHERE round = ? ORDER BY position", arguments: [number]
            ).map { RecordedUnmatched(menteeID: $0[0], reason: $0[1]) }
            let goals = try Self.goals(db, filter: "round = ?", arguments: [number])
            let sessions = try Row.fetchAll(db, sql: """
                SELECT id, mentee_id, mentor_id, number, start, end, status, sequence FROM round_sessions
                WHERE round = ? ORDER BY position
                """, arguments: [number]).compactMap { row -> Session? in
                guard let start = StoredValues.localTime(row[4]), let end = StoredValues.localTime(row[5]),
                    let status = SessionStatus(rawValue: row[6])
                else { return nil }
                return Session(id: row[0], menteeID: row[1], mentorID: row[2], number: row[3], start: start, end: end,
                               status: status, sequence: row[7])
            }
            let changes = try Row.fetchAll(db, sql: """
                SELECT session_id, mentee_id, mentor_id, number, kind, old_start, new_start, why FROM round_changes
                WHERE round = ? ORDER BY position
                """, arguments: [number]).map { row in
                SessionChange(
                    sessionID: row[0], menteeID: row[1], mentorID: row[2], number: row[3],
                    kind: SessionChange.Kind(rawValue: row[4]) ?? .moved,
                    oldStart: (row[5] as String?).flatMap(StoredValues.localTime),
                    newStart: (row[6] as String?).flatMap(StoredValues.localTime), why: row[7])
            }
            return RoundRecord(
                kind: RoundRecord.Kind(rawValue: head[0]) ?? .match, at: head[1],
                date: StoredValues.date(head[2]) ?? CalendarDate(year: 2000, month: 1, day: 1), actor: head[3],
                configurationText: head[4], summary: head[5], pairs: pairs, unmatched: unmatched, draftGoals: goals,
                sessions: sessions, changes: changes)
        }
    }

    /// The current pairs: those of the last match round, plus pairs with sessions in the
    /// current schedule (added by a re-plan), sorted.
    public func currentPairs() throws -> [PairID] {
        try read { db in try Self.currentPairs(db, mentee: nil) }
    }

    static func currentPairs(_ db: Database, mentee: String?) throws -> [PairID] {
        let filter = mentee == nil ? "" : " AND mentee_id = ?"
        let arguments: StatementArguments = mentee.map { [$0] } ?? []
        var pairs = Set<PairID>()
        if let last = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM rounds WHERE kind = 'match'") {
            for row in try Row.fetchAll(
                db, sql: "SELECT mentee_id, mentor_id FROM round_pairs WHERE round = ?" + filter,
                arguments: [last] + arguments)
            {
                pairs.insert(PairID(menteeID: row[0], mentorID: row[1]))
            }
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT DISTINCT mentee_id, mentor_id FROM sessions WHERE 1" + filter, arguments: arguments)
        {
            pairs.insert(PairID(menteeID: row[0], mentorID: row[1]))
        }
        return pairs.sorted()
    }

    // MARK: Identifiers

    /// One more than the highest number of the `prefix`-then-digits ids in a table.
    static func nextNumber(_ db: Database, table: String, prefix: String) throws -> Int {
        let highest = try Int.fetchOne(db, sql: """
            SELECT MAX(CAST(substr(id, \(prefix.count + 1)) AS INTEGER)) FROM \(table)
            WHERE id GLOB '\(prefix)[0-9]*' AND substr(id, \(prefix.count + 1)) NOT GLOB '*[^0-9]*'
            """)
        return (highest ?? 0) + 1
    }

    /// `G0001`: the prefix and at least four digits.
    static func identifier(_ prefix: String, _ number: Int) -> String {
        let digits = String(number)
        return prefix + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension RoundRecord {
    /// The record of a solved match: its pairs and unmatched mentees by id (through the round's
    /// people), and the draft goals the tracking logic made for its pairs.
    public init(
        match result: RoundResult, at: String, date: CalendarDate, actor: String, configurationText: String,
        summary: String = "", draftGoals: [Goal] = []
    ) {
        let round = result.round
        self.init(
            kind: .match, at: at, date: date, actor: actor, configurationText: configurationText, summary: summary,
            pairs: result.pairs.map {
                RecordedPair(menteeID: round.mentees[$0.mentee].id, mentorID: round.mentors[$0.mentor].id, score: $0.score,
                             rank: $0.rank, reason: $0.reason)
            },
            unmatched: result.unmatched.map { RecordedUnmatched(menteeID: round.mentees[$0.mentee].id, reason: $0.reason) },
            draftGoals: draftGoals)
    }

    /// The record of a schedule: its sessions.
    public init(schedule result: ScheduleResult, at: String, date: CalendarDate, actor: String, configurationText: String, summary: String = "") {
        self.init(kind: .schedule, at: at, date: date, actor: actor, configurationText: configurationText, summary: summary,
                  sessions: result.sessions)
    }

    /// The record of a re-plan (`date` is its `--today`): the new schedule and the changes.
    public init(replan result: ReplanResult, at: String, date: CalendarDate, actor: String, configurationText: String, summary: String = "") {
        self.init(kind: .replan, at: at, date: date, actor: actor, configurationText: configurationText, summary: summary,
                  sessions: result.schedule.sessions, changes: result.changes)
    }
}
