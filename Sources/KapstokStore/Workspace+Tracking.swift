import Diagnostics
import GRDB
import Kapstok

/// What a bulk import of goals, check-ins or session logs did.
public struct BulkImportReport: Sendable, Hashable {
    public var added: Int
    public var updated: Int
    public var unchanged: Int

    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
    }
}

/// A problem with one record of a write, before it becomes a located diagnostic (bulk imports)
/// or a ``WorkspaceError/invalid(_:)`` (single writes).
struct RecordProblem {
    var index: Int
    var id: Diagnostic.MessageID
    var message: String
}

extension Workspace {
    // MARK: - Goals

    /// Adds a goal by hand (status as given, usually draft or active), with a `created` event.
    /// An empty `id` gets the next `G` number; a given one must be new.
    ///
    /// - Throws: ``WorkspaceError/invalid(_:)`` naming every problem (unknown people or item,
    ///   levels out of 0–5, target not above baseline, due before start, title length).
    public func addGoal(_ goal: Goal, at: String, actor: String) throws -> Goal {
        try write { db in
            var goal = goal
            if goal.id.isEmpty {
                goal.id = Self.identifier("G", try Self.nextNumber(db, table: "goals", prefix: "G"))
            } else if try Self.goal(db, id: goal.id) != nil {
                throw WorkspaceError.invalid("goal \(Diagnostic.quoted(goal.id)) exists already")
            }
            let checker = try Checker(db)
            try Self.throwFirst(try checker.problems(goal: goal, index: 0))
            try Self.insertGoal(goal, db)
            try Self.insertEvent(
                GoalEvent(goalID: goal.id, at: at, actor: actor, field: "created", oldValue: "", newValue: goal.status.rawValue), db)
            return goal
        }
    }

    /// Replaces a goal by `updated` (same id) and records one event per changed field.
    ///
    /// - Returns: the events written, in field order (`mentor_id`, `item`, `baseline`, `target`,
    ///   `start`, `due`, `status`, `title`, `reason`); empty when nothing changed.
    /// - Throws: ``WorkspaceError/unknown(kind:id:)`` for an unknown goal;
    ///   ``WorkspaceError/invalid(_:)`` for a status move the life cycle forbids, a changed
    ///   mentee, or invalid values.
    public func updateGoal(_ updated: Goal, at: String, actor: String) throws -> [GoalEvent] {
        try write { db in
            guard let old = try Self.goal(db, id: updated.id) else { throw WorkspaceError.unknown(kind: "goal", id: updated.id) }
            let checker = try Checker(db)
            try Self.throwFirst(try checker.problems(goal: updated, index: 0) + Self.transitionProblems(old: old, new: updated, index: 0))
            return try Self.applyGoalUpdate(old: old, new: updated, at: at, actor: actor, db)
        }
    }

    /// Goals matching every filter given, by id.
    public func goals(mentee: String? = nil, mentor: String? = nil, status: GoalStatus? = nil) throws -> [Goal] {
        var conditions: [String] = []
        var arguments: [String] = []
        if let mentee { conditions.append("mentee_id = ?"); arguments.append(mentee) }
        if let mentor { conditions.append("mentor_id = ?"); arguments.append(mentor) }
        if let status { conditions.append("status = ?"); arguments.append(status.rawValue) }
        return try read { db in
            try Self.goals(db, filter: conditions.joined(separator: " AND "), arguments: StatementArguments(arguments))
        }
    }

    /// One goal, or nil.
    public func goal(_ id: String) throws -> Goal? {
        try read { db in try Self.goal(db, id: id) }
    }

    /// A goal's history, oldest first.
    public func events(goalID: String) throws -> [GoalEvent] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT goal_id, at, actor, field, old_value, new_value FROM goal_events WHERE goal_id = ? ORDER BY id
                """, arguments: [goalID]).map {
                GoalEvent(goalID: $0[0], at: $0[1], actor: $0[2], field: $0[3], oldValue: $0[4], newValue: $0[5])
            }
        }
    }

    // MARK: - Milestones

    /// Adds a milestone to a goal (id `M0001`…), with a `milestone` event on the goal.
    public func addMilestone(goalID: String, title: String, due: CalendarDate, at: String, actor: String) throws -> Milestone {
        try write { db in
            guard try Self.goal(db, id: goalID) != nil else { throw WorkspaceError.unknown(kind: "goal", id: goalID) }
            if let problem = Checker.titleProblem(title, index: 0) { throw WorkspaceError.invalid(problem.message) }
            let milestone = Milestone(
                id: Self.identifier("M", try Self.nextNumber(db, table: "milestones", prefix: "M")), goalID: goalID,
                title: title, due: due)
            try db.execute(
                sql: "INSERT INTO milestones(id, goal_id, title, due, done_on) VALUES (?, ?, ?, ?, NULL)",
                arguments: [milestone.id, goalID, title, StoredValues.text(due)])
            try Self.insertEvent(
                GoalEvent(goalID: goalID, at: at, actor: actor, field: "milestone", oldValue: "",
                          newValue: "\(milestone.id) due \(due)"), db)
            return milestone
        }
    }

    /// Adds milestones in one transaction, all or nothing (a generated or migrated program): a
    /// milestone with an empty id gets the next `M` number; each goal must exist and each title
    /// be sound. No events are written (the goals' histories start with their import).
    ///
    /// - Throws: ``WorkspaceError/unknown(kind:id:)`` or ``WorkspaceError/invalid(_:)`` for the
    ///   first problem; nothing is written then.
    public func importMilestones(_ milestones: [Milestone]) throws {
        try write { db in
            var next = try Self.nextNumber(db, table: "milestones", prefix: "M")
            let goals = Set(try String.fetchAll(db, sql: "SELECT id FROM goals"))
            let insert = try db.makeStatement(sql: "INSERT INTO milestones(id, goal_id, title, due, done_on) VALUES (?, ?, ?, ?, ?)")
            for (index, milestone) in milestones.enumerated() {
                guard goals.contains(milestone.goalID) else { throw WorkspaceError.unknown(kind: "goal", id: milestone.goalID) }
                if let problem = Checker.titleProblem(milestone.title, index: index) { throw WorkspaceError.invalid(problem.message) }
                var id = milestone.id
                if id.isEmpty {
                    id = Self.identifier("M", next)
                    next += 1
                }
                try insert.execute(arguments: [id, milestone.goalID, milestone.title, StoredValues.text(milestone.due), milestone.doneOn.map(StoredValues.text)])
            }
        }
    }

    /// Marks a milestone done on a day, with a `milestone` event on its goal.
    public func completeMilestone(_ id: String, on day: CalendarDate, at: String, actor: String) throws -> Milestone {
        try write { db in
            guard var milestone = try Self.milestones(db, filter: "id = ?", arguments: [id]).first else {
                throw WorkspaceError.unknown(kind: "milestone", id: id)
            }
            try db.execute(sql: "UPDATE milestones SET done_on = ? WHERE id = ?", arguments: [StoredValues.text(day), id])
            try Self.insertEvent(
                GoalEvent(goalID: milestone.goalID, at: at, actor: actor, field: "milestone",
                          oldValue: "\(id) open", newValue: "\(id) done \(day)"), db)
            milestone.doneOn = day
            return milestone
        }
    }

    /// Milestones, of one goal or all, by id.
    public func milestones(goalID: String? = nil) throws -> [Milestone] {
        try read { db in
            if let goalID { return try Self.milestones(db, filter: "goal_id = ?", arguments: [goalID]) }
            return try Self.milestones(db, filter: "", arguments: [])
        }
    }

    // MARK: - Session log

    /// Logs what happened in a session: its status (held, cancelled, no-show, or planned again),
    /// the day it was held, 1–5 ratings, the goals discussed and notes (nil keeps the notes as
    /// they are, read inside the same transaction); the log replaces the session's earlier log,
    /// and each changed field is kept in `session_events`. Cancelling
    /// raises the calendar `sequence`.
    ///
    /// - Throws: ``WorkspaceError/unknown(kind:id:)`` for an unknown session;
    ///   ``WorkspaceError/invalid(_:)`` when a goal is unknown or of another pair, a held session
    ///   has no date, a rating is outside 1–5, or notes are too long.
    /// - Complexity: a handful of primary-key reads and one update, whatever the workspace's size.
    @discardableResult
    public func logSession(
        id: String, status: SessionStatus, heldOn: CalendarDate?, menteeRating: Int? = nil, mentorRating: Int? = nil,
        goalsDiscussed: [String] = [], notes: String? = nil, at: String, actor: String
    ) throws -> SessionLog {
        try write { db in
            guard let old = try Self.sessionLogs(db, filter: "id = ?", arguments: [id]).first else {
                throw WorkspaceError.unknown(kind: "session", id: id)
            }
            var new = old
            new.session.status = status
            if status == .cancelled && old.session.status != .cancelled { new.session.sequence += 1 }
            new.heldOn = heldOn
            new.menteeRating = menteeRating
            new.mentorRating = mentorRating
            new.goalsDiscussed = goalsDiscussed
            new.notes = notes ?? old.notes
            try Self.throwFirst(try Checker(db, needsFramework: false).problems(log: new, index: 0))
            try Self.applySessionUpdate(old: old, new: new, at: at, actor: actor, db)
            return new
        }
    }

    /// Moves a planned session to a new time (the pair agreed on it), raising its calendar
    /// `sequence`; its status becomes planned.
    ///
    /// - Throws: ``WorkspaceError/unknown(kind:id:)``; ``WorkspaceError/invalid(_:)`` with every
    ///   rule the new time breaks (``timeProblems(of:new:program:others:)``: held, end not after
    ///   start, outside `program`, across midnight, overlapping a session of the same people),
    ///   checked inside the write transaction.
    @discardableResult
    public func moveSession(
        id: String, start: LocalDateTime, end: LocalDateTime, program: ClosedRange<CalendarDate>, at: String, actor: String
    ) throws -> Session {
        try write { db in
            guard let old = try Self.sessionLogs(db, filter: "id = ?", arguments: [id]).first else {
                throw WorkspaceError.unknown(kind: "session", id: id)
            }
            var new = old
            new.session.start = start
            new.session.end = end
            new.session.status = .planned
            let problems = Self.timeProblems(of: old.session, new: new.session, program: program, others: try Self.sessionsSharingPeople(with: old.session, db))
            if !problems.isEmpty { throw WorkspaceError.invalid(problems.joined(separator: "; ")) }
            new.session.sequence += 1
            try Self.applySessionUpdate(old: old, new: new, at: at, actor: actor, db)
            return new.session
        }
    }

    /// Why a session may not take a new time (a move, or a row of a sessions file whose start or
    /// end differs from the stored one): it was held; the end is not after the start; the new
    /// day is outside the program; it would end on another day; or it would overlap another
    /// session, not cancelled, of the same mentee or mentor (`others`, in their new state).
    /// Empty when the time does not change.
    static func timeProblems(of old: Session, new: Session, program: ClosedRange<CalendarDate>, others: [Session]) -> [String] {
        guard new.start != old.start || new.end != old.end else { return [] }
        let id = Diagnostic.quoted(old.id)
        if old.status == .held { return ["session \(id) was held and cannot move"] }
        guard new.start < new.end else {
            return ["session end \(Diagnostic.quoted(new.end.description)) is not after its start \(Diagnostic.quoted(new.start.description))"]
        }
        var problems: [String] = []
        if !program.contains(new.start.date) {
            problems.append("session \(id) would move to \(new.start.date), outside the program (\(program.lowerBound) to \(program.upperBound))")
        }
        if new.end.date != new.start.date {
            let minutes = new.end.minuteNumber - new.start.minuteNumber
            problems.append("session \(id): a \(minutes)-minute session starting at \(new.start.time) would end the next day")
        }
        if new.status != .cancelled, let clash = others.first(where: {
            $0.id != old.id && $0.status != .cancelled && ($0.menteeID == new.menteeID || $0.mentorID == new.mentorID)
                && $0.start < new.end && new.start < $0.end
        }) {
            problems.append("session \(id) would overlap session \(Diagnostic.quoted(clash.id)) of \(clash.pair) at \(clash.start.date) \(clash.start.time)")
        }
        return problems
    }

    /// The other sessions of a session's mentee or mentor (two indexed look-ups).
    static func sessionsSharingPeople(with session: Session, _ db: Database) throws -> [Session] {
        try sessionLogs(db, filter: "(mentee_id = ? OR mentor_id = ?) AND id <> ?", arguments: [session.menteeID, session.mentorID, session.id])
            .map(\.session)
    }

    /// One session with its log, nil when the schedule has no such id (a primary-key read).
    public func sessionLog(id: String) throws -> SessionLog? {
        try read { db in try Self.sessionLogs(db, filter: "id = ?", arguments: [id]).first }
    }

    /// Every session of the current schedule with its log, in `sessions.csv` order.
    public func sessionLogs() throws -> [SessionLog] {
        try read { db in try Self.sessionLogs(db, filter: "", arguments: []) }
    }

    // MARK: - Check-ins

    /// Records an assessed level.
    ///
    /// - Throws: ``WorkspaceError/invalid(_:)`` for an unknown mentee or item, a level outside
    ///   0–5, or evidence too long.
    public func addCheckIn(_ checkIn: CheckIn) throws {
        try write { db in
            try Self.throwFirst(try Checker(db).problems(checkIn: checkIn, index: 0))
            try Self.insertCheckIn(checkIn, db)
        }
    }

    /// Check-ins, of one mentee or all, by mentee, item, date and order of recording.
    public func checkIns(mentee: String? = nil) throws -> [CheckIn] {
        try read { db in
            if let mentee { return try Self.checkIns(db, filter: "mentee_id = ?", arguments: [mentee]) }
            return try Self.checkIns(db, filter: "", arguments: [])
        }
    }

    // MARK: - Bulk imports (all or nothing)

    /// Imports goals: a goal with a known id is updated (with events; its status may only move
    /// as the life cycle allows), one with an empty or new id is added (`created` event).
    ///
    /// - Parameter locations: where each goal is in its file (`goal_id` cell), for the
    ///   diagnostics; without them, `goals:<row>:1` with row 2 for the first goal.
    /// - Throws: `DiagnosticsError` with every problem; nothing is written then.
    public func importGoals(
        _ goals: [Goal], locations: [Diagnostic.Location]? = nil, at: String, actor: String
    ) throws -> BulkImportReport {
        try write { db in
            let checker = try Checker(db)
            var problems: [RecordProblem] = []
            var olds: [Goal?] = []
            for (index, goal) in goals.enumerated() {
                problems += try checker.problems(goal: goal, index: index)
                let old = goal.id.isEmpty ? nil : try Self.goal(db, id: goal.id)
                if let old { problems += Self.transitionProblems(old: old, new: goal, index: index) }
                olds.append(old)
            }
            try Self.throwDiagnostics(problems, locations: locations, file: "goals")
            var report = BulkImportReport()
            var next = try Self.nextNumber(db, table: "goals", prefix: "G")
            for (goal, old) in zip(goals, olds) {
                if let old {
                    if try Self.applyGoalUpdate(old: old, new: goal, at: at, actor: actor, db).isEmpty {
                        report.unchanged += 1
                    } else {
                        report.updated += 1
                    }
                } else {
                    var goal = goal
                    if goal.id.isEmpty {
                        goal.id = Self.identifier("G", next)
                        next += 1
                    }
                    try Self.insertGoal(goal, db)
                    try Self.insertEvent(GoalEvent(goalID: goal.id, at: at, actor: actor, field: "created", oldValue: "",
                                                   newValue: goal.status.rawValue), db)
                    report.added += 1
                }
            }
            return report
        }
    }

    /// Imports check-ins; a check-in equal to one already recorded is skipped (unchanged), so
    /// an export imported again adds nothing.
    public func importCheckIns(_ checkIns: [CheckIn], locations: [Diagnostic.Location]? = nil) throws -> BulkImportReport {
        try write { db in
            let checker = try Checker(db)
            var problems: [RecordProblem] = []
            for (index, checkIn) in checkIns.enumerated() { problems += try checker.problems(checkIn: checkIn, index: index) }
            try Self.throwDiagnostics(problems, locations: locations, file: "checkins")
            var report = BulkImportReport()
            let exists = try db.makeStatement(sql: """
                SELECT 1 FROM check_ins WHERE mentee_id = ? AND item_id = ? AND date = ? AND level = ? AND assessor = ? AND evidence = ?
                """)
            for checkIn in checkIns {
                exists.arguments = [checkIn.menteeID, checkIn.itemID, StoredValues.text(checkIn.date), checkIn.level,
                                    checkIn.assessor.rawValue, checkIn.evidence]
                if try Int.fetchOne(exists) != nil {
                    report.unchanged += 1
                } else {
                    try Self.insertCheckIn(checkIn, db)
                    report.added += 1
                }
            }
            return report
        }
    }

    /// Imports session logs (the `sessions` exchange): each row's session must be in the
    /// schedule with the same pair; its status and log replace the stored ones, and a new start
    /// or end moves it (sequence raised at least by one).
    public func importSessionLogs(
        _ logs: [SessionLog], locations: [Diagnostic.Location]? = nil, program: ClosedRange<CalendarDate>, at: String, actor: String
    ) throws -> BulkImportReport {
        try write { db in
            let checker = try Checker(db, needsFramework: false)
            var problems: [RecordProblem] = []
            var olds: [SessionLog?] = []
            for (index, log) in logs.enumerated() {
                let old = try Self.sessionLogs(db, filter: "id = ?", arguments: [log.session.id]).first
                olds.append(old)
                guard let old else {
                    problems.append(RecordProblem(index: index, id: .unknownSession,
                                                  message: "unknown session \(Diagnostic.quoted(log.session.id))"))
                    continue
                }
                if old.session.pair != log.session.pair {
                    problems.append(RecordProblem(
                        index: index, id: .unknownSession,
                        message: "session \(Diagnostic.quoted(log.session.id)) is of \(old.session.pair), not \(log.session.pair)"))
                    continue
                }
                problems += try checker.problems(log: log, index: index)
            }
            // Rows that change a session's time keep the rules of a move, against the other
            // sessions of the same people as they will be after the import.
            let incoming = Dictionary(logs.map { ($0.session.id, $0.session) }, uniquingKeysWith: { _, last in last })
            for (index, (log, old)) in zip(logs, olds).enumerated() {
                guard let old, old.session.pair == log.session.pair,
                    old.session.start != log.session.start || old.session.end != log.session.end
                else { continue }
                let others = try Self.sessionsSharingPeople(with: old.session, db).map { incoming[$0.id] ?? $0 }
                for message in Self.timeProblems(of: old.session, new: log.session, program: program, others: others) {
                    problems.append(RecordProblem(index: index, id: .invalidRecord, message: message))
                }
            }
            try Self.throwDiagnostics(problems, locations: locations, file: "sessions")
            var report = BulkImportReport()
            for (log, old) in zip(logs, olds) {
                guard let old else { continue }
                var new = log
                if new.session.start != old.session.start || new.session.end != old.session.end {
                    new.session.sequence = max(new.session.sequence, old.session.sequence + 1)
                }
                if try Self.applySessionUpdate(old: old, new: new, at: at, actor: actor, db) {
                    report.updated += 1
                } else {
                    report.unchanged += 1
                }
            }
            return report
        }
    }

    // MARK: - Exports (deterministic order)

    /// Every goal, by id.
    public func exportGoals() throws -> [Goal] { try goals() }

    /// Every check-in, by mentee, item, date and order of recording.
    public func exportCheckIns() throws -> [CheckIn] { try checkIns() }

    /// Every session with its log, in `sessions.csv` order.
    public func exportSessionLogs() throws -> [SessionLog] { try sessionLogs() }
}

// MARK: - Rows

extension Workspace {
    static let goalColumns = "id, mentee_id, mentor_id, item_id, baseline, target, start, due, status, title, reason, round"

    static func goals(_ db: Database, filter: String, arguments: StatementArguments) throws -> [Goal] {
        let sql = "SELECT \(goalColumns) FROM goals" + (filter.isEmpty ? "" : " WHERE " + filter) + " ORDER BY id"
        var goals: [Goal] = []
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() {
            let id: String = row[0]
            guard let start = StoredValues.date(row[6]), let due = StoredValues.date(row[7]),
                let status = GoalStatus(rawValue: row[8])
            else { throw WorkspaceError.database(detail: "goal '\(id)' has an unreadable date or status") }
            goals.append(Goal(
                id: id, menteeID: row[1], mentorID: row[2], itemID: row[3], baseline: row[4], target: row[5], start: start,
                due: due, status: status, title: row[9], reason: row[10], round: row[11]))
        }
        return goals
    }

    static func goal(_ db: Database, id: String) throws -> Goal? {
        try goals(db, filter: "id = ?", arguments: [id]).first
    }

    static func insertGoal(_ goal: Goal, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO goals(\(goalColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [
                goal.id, goal.menteeID, goal.mentorID, goal.itemID, goal.baseline, goal.target, StoredValues.text(goal.start),
                StoredValues.text(goal.due), goal.status.rawValue, goal.title, goal.reason, goal.round,
            ])
    }

    static func insertEvent(_ event: GoalEvent, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO goal_events(goal_id, at, actor, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [event.goalID, event.at, event.actor, event.field, event.oldValue, event.newValue])
    }

    /// Writes `new` over `old` and one event per changed field; returns the events.
    static func applyGoalUpdate(old: Goal, new: Goal, at: String, actor: String, _ db: Database) throws -> [GoalEvent] {
        let fields: [(String, String, String)] = [
            ("mentor_id", old.mentorID, new.mentorID), ("item", old.itemID, new.itemID),
            ("baseline", String(old.baseline), String(new.baseline)), ("target", String(old.target), String(new.target)),
            ("start", old.start.description, new.start.description), ("due", old.due.description, new.due.description),
            ("status", old.status.rawValue, new.status.rawValue), ("title", old.title, new.title),
            ("reason", old.reason, new.reason),
        ]
        let events = fields.filter { $0.1 != $0.2 }.map {
            GoalEvent(goalID: old.id, at: at, actor: actor, field: $0.0, oldValue: $0.1, newValue: $0.2)
        }
        if events.isEmpty { return [] }
        try db.cachedStatement(sql: """
            UPDATE goals SET mentor_id = ?, item_id = ?, baseline = ?, target = ?, start = ?, due = ?, status = ?, title = ?,
                reason = ? WHERE id = ?
            """).execute(arguments: [
                new.mentorID, new.itemID, new.baseline, new.target, StoredValues.text(new.start), StoredValues.text(new.due),
                new.status.rawValue, new.title, new.reason, old.id,
            ])
        for event in events { try insertEvent(event, db) }
        return events
    }

    static func transitionProblems(old: Goal, new: Goal, index: Int) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        if old.menteeID != new.menteeID {
            problems.append(RecordProblem(
                index: index, id: .invalidRecord,
                message: "goal \(Diagnostic.quoted(old.id)) belongs to \(Diagnostic.quoted(old.menteeID)), not \(Diagnostic.quoted(new.menteeID))"))
        }
        if old.status != new.status && !old.status.canMove(to: new.status) {
            problems.append(RecordProblem(
                index: index, id: .goalTransition,
                message: "goal \(Diagnostic.quoted(old.id)) cannot move from \(old.status.rawValue) to \(new.status.rawValue)"))
        } else if !old.status.isOpen {
            // A closed goal keeps its fields, as `goal edit` says; only its reason may be added to.
            var closed = new
            closed.reason = old.reason
            closed.round = old.round
            if closed != old {
                problems.append(RecordProblem(
                    index: index, id: .goalTransition,
                    message: "goal \(Diagnostic.quoted(old.id)) is \(old.status.rawValue) and cannot be edited"))
            }
        }
        return problems
    }

    static func milestones(_ db: Database, filter: String, arguments: StatementArguments) throws -> [Milestone] {
        let sql = "SELECT id, goal_id, title, due, done_on FROM milestones" + (filter.isEmpty ? "" : " WHERE " + filter) + " ORDER BY id"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
            guard let due = StoredValues.date(row[3]) else { return nil }
            return Milestone(id: row[0], goalID: row[1], title: row[2], due: due, doneOn: (row[4] as String?).flatMap(StoredValues.date))
        }
    }

    static func checkIns(_ db: Database, filter: String, arguments: StatementArguments) throws -> [CheckIn] {
        let sql = "SELECT mentee_id, item_id, level, date, assessor, evidence FROM check_ins"
            + (filter.isEmpty ? "" : " WHERE " + filter) + " ORDER BY mentee_id, item_id, date, id"
        var checkIns: [CheckIn] = []
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() {
            guard let date = StoredValues.date(row[3]), let assessor = Assessor(rawValue: row[4]) else { continue }
            checkIns.append(CheckIn(menteeID: row[0], itemID: row[1], level: row[2], date: date, assessor: assessor, evidence: row[5]))
        }
        return checkIns
    }

    static func insertCheckIn(_ checkIn: CheckIn, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO check_ins(mentee_id, item_id, level, date, assessor, evidence) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                checkIn.menteeID, checkIn.itemID, checkIn.level, StoredValues.text(checkIn.date), checkIn.assessor.rawValue,
                checkIn.evidence,
            ])
    }

    /// Writes a session's new state and log over the old, with one `session_events` row per
    /// changed field; returns whether anything changed.
    @discardableResult
    static func applySessionUpdate(old: SessionLog, new: SessionLog, at: String, actor: String, _ db: Database) throws -> Bool {
        func rating(_ value: Int?) -> String { value.map(String.init) ?? "" }
        let fields: [(String, String, String)] = [
            ("start", StoredValues.text(old.session.start), StoredValues.text(new.session.start)),
            ("end", StoredValues.text(old.session.end), StoredValues.text(new.session.end)),
            ("status", old.session.status.rawValue, new.session.status.rawValue),
            ("sequence", String(old.session.sequence), String(new.session.sequence)),
            ("held_on", old.heldOn?.description ?? "", new.heldOn?.description ?? ""),
            ("mentee_rating", rating(old.menteeRating), rating(new.menteeRating)),
            ("mentor_rating", rating(old.mentorRating), rating(new.mentorRating)),
            ("goals_discussed", old.goalsDiscussed.joined(separator: "|"), new.goalsDiscussed.joined(separator: "|")),
            ("notes", old.notes, new.notes),
        ]
        let changed = fields.filter { $0.1 != $0.2 }
        if changed.isEmpty { return false }
        try db.cachedStatement(sql: """
            UPDATE sessions SET start = ?, end = ?, status = ?, sequence = ?, held_on = ?, mentee_rating = ?, mentor_rating = ?,
                goals_discussed = ?, notes = ? WHERE id = ?
            """).execute(arguments: [
                StoredValues.text(new.session.start), StoredValues.text(new.session.end), new.session.status.rawValue,
                new.session.sequence, new.heldOn.map(StoredValues.text), new.menteeRating, new.mentorRating,
                StoredValues.text(new.goalsDiscussed), new.notes, old.session.id,
            ])
        let event = try db.cachedStatement(sql: """
            INSERT INTO session_events(session_id, at, actor, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (field, before, after) in changed {
            try event.execute(arguments: [old.session.id, at, actor, field, before, after])
        }
        return true
    }

    // MARK: Problems to errors

    static func throwFirst(_ problems: [RecordProblem]) throws {
        if problems.isEmpty { return }
        throw WorkspaceError.invalid(problems.map(\.message).joined(separator: "; "))
    }

    static func throwDiagnostics(_ problems: [RecordProblem], locations: [Diagnostic.Location]?, file: String) throws {
        if problems.isEmpty { return }
        throw DiagnosticsError(diagnostics: problems.map { problem in
            let location = locations.flatMap { problem.index < $0.count ? $0[problem.index] : nil }
                ?? Diagnostic.Location(file: file, line: problem.index + 2, column: 1)
            return Diagnostic.error(problem.id, problem.message, at: location)
        })
    }
}

/// Checks records against the workspace (people, framework, goals) and `Limits`.
struct Checker {
    let db: Database
    let itemIDs: Set<String>

    init(_ db: Database, needsFramework: Bool = true) throws {
        self.db = db
        itemIDs = needsFramework ? Set(try Workspace.framework(db).items.map(\.id)) : []
    }

    private func exists(_ table: String, _ id: String) throws -> Bool {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM \(table) WHERE id = ?"), arguments: [id]) != nil
    }

    func problems(goal: Goal, index: Int) throws -> [RecordProblem] {
        var problems: [RecordProblem] = []
        func add(_ id: Diagnostic.MessageID, _ message: String) { problems.append(RecordProblem(index: index, id: id, message: message)) }
        if try !exists("mentees", goal.menteeID) { add(.unknownPerson, "unknown mentee \(Diagnostic.quoted(goal.menteeID))") }
        if try !exists("mentors", goal.mentorID) { add(.unknownPerson, "unknown mentor \(Diagnostic.quoted(goal.mentorID))") }
        if !itemIDs.contains(goal.itemID) { add(.unknownItem, "unknown framework item \(Diagnostic.quoted(goal.itemID))") }
        for (name, level) in [("baseline", goal.baseline), ("target", goal.target)] where !Limits.level.contains(level) {
            add(.levelOutOfRange, "\(name) \(level) is outside \(Limits.describe(Limits.level))")
        }
        if goal.target <= goal.baseline {
            add(.invalidRecord, "target \(goal.target) is not above baseline \(goal.baseline)")
        }
        if goal.due < goal.start { add(.invalidRecord, "due date \(goal.due) is before the goal's start \(goal.start)") }
        if let problem = Self.titleProblem(goal.title, index: index) { problems.append(problem) }
        if goal.reason.unicodeScalars.count > Limits.noteLength {
            add(.invalidRecord, "reason is longer than \(Limits.noteLength) characters")
        }
        return problems
    }

    static func titleProblem(_ title: String, index: Int) -> RecordProblem? {
        let count = title.unicodeScalars.count
        if !Limits.titleLength.contains(count) {
            return RecordProblem(index: index, id: .invalidRecord,
                                 message: "title must be \(Limits.titleLength.lowerBound)–\(Limits.titleLength.upperBound) characters, not \(count)")
        }
        if title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return RecordProblem(index: index, id: .invalidRecord, message: "title \(Diagnostic.quoted(title)) has a control character")
        }
        return nil
    }

    func problems(checkIn: CheckIn, index: Int) throws -> [RecordProblem] {
        var problems: [RecordProblem] = []
        func add(_ id: Diagnostic.MessageID, _ message: String) { problems.append(RecordProblem(index: index, id: id, message: message)) }
        if try !exists("mentees", checkIn.menteeID) { add(.unknownPerson, "unknown mentee \(Diagnostic.quoted(checkIn.menteeID))") }
        if !itemIDs.contains(checkIn.itemID) { add(.unknownItem, "unknown framework item \(Diagnostic.quoted(checkIn.itemID))") }
        if !Limits.level.contains(checkIn.level) {
            add(.levelOutOfRange, "level \(checkIn.level) is outside \(Limits.describe(Limits.level))")
        }
        if checkIn.evidence.unicodeScalars.count > Limits.noteLength {
            add(.invalidRecord, "evidence is longer than \(Limits.noteLength) characters")
        }
        return problems
    }

    /// A session's log: a held session has a date, dates and ratings only with held, ratings
    /// 1–5, goals known and of the session's pair, notes not too long.
    func problems(log: SessionLog, index: Int) throws -> [RecordProblem] {
        var problems: [RecordProblem] = []
        func add(_ id: Diagnostic.MessageID, _ message: String) { problems.append(RecordProblem(index: index, id: id, message: message)) }
        let id = Diagnostic.quoted(log.session.id)
        let held = log.session.status == .held
        if held && log.heldOn == nil { add(.invalidRecord, "session \(id) is held but has no date it was held on") }
        if !held && log.heldOn != nil { add(.invalidRecord, "session \(id) has a held-on date but is \(log.session.status.rawValue)") }
        for (who, rating) in [("mentee", log.menteeRating), ("mentor", log.mentorRating)] {
            guard let rating else { continue }
            if !Limits.rating.contains(rating) {
                add(.numberOutOfRange, "\(who) rating \(rating) is outside \(Limits.describe(Limits.rating))")
            } else if !held {
                add(.invalidRecord, "session \(id) has a \(who) rating but is \(log.session.status.rawValue)")
            }
        }
        for goalID in log.goalsDiscussed {
            guard let goal = try Workspace.goal(db, id: goalID) else {
                add(.unknownGoal, "unknown goal \(Diagnostic.quoted(goalID))")
                continue
            }
            if goal.pair != log.session.pair {
                add(.goalOfAnotherPair, "goal \(Diagnostic.quoted(goalID)) is of \(goal.pair), not of this session's pair \(log.session.pair)")
            }
        }
        if log.notes.unicodeScalars.count > Limits.noteLength {
            add(.invalidRecord, "notes are longer than \(Limits.noteLength) characters")
        }
        return problems
    }
}
