import GRDB
import Kapstok

extension Workspace {
    /// Everything the progress report reads, from one consistent read: the framework, every
    /// mentee and mentor (inactive ones too: their goals still count), the current pairs, every
    /// goal, milestone, check-in and session log.
    ///
    /// - Parameters: the report's date and the settings and objectives of `kapstok.toml`, with
    ///   the program's start and end (`[program]`), as the CLI read them.
    public func snapshot(
        today: CalendarDate, settings: TrackingSettings, objectives: [ProgramObjective], programStart: CalendarDate,
        programEnd: CalendarDate
    ) throws -> TrackingSnapshot {
        try read { db in
            let framework = try Self.framework(db)
            return TrackingSnapshot(
                framework: framework, programStart: programStart, programEnd: programEnd, today: today,
                mentees: try Self.mentees(db, framework: framework, activeOnly: false),
                mentors: try Self.mentors(db, framework: framework, activeOnly: false),
                pairs: try Self.currentPairs(db, mentee: nil),
                goals: try Self.goals(db, filter: "", arguments: []),
                milestones: try Self.milestones(db, filter: "", arguments: []),
                checkIns: try Self.checkIns(db, filter: "", arguments: []),
                sessions: try Self.sessionLogs(db, filter: "", arguments: []),
                settings: settings, objectives: objectives)
        }
    }

    /// The snapshot of one mentee, for an agenda: only that mentee, their mentors (current
    /// pairs and goals), their pairs, goals, milestones, check-ins and sessions — indexed reads
    /// of that mentee's rows, whatever the size of the workspace.
    ///
    /// - Throws: ``WorkspaceError/unknown(kind:id:)`` when the workspace has no such mentee.
    public func snapshot(
        menteeID: String, today: CalendarDate, settings: TrackingSettings, objectives: [ProgramObjective] = [],
        programStart: CalendarDate, programEnd: CalendarDate
    ) throws -> TrackingSnapshot {
        try read { db in
            let framework = try Self.framework(db)
            let mentees = try Self.mentees(db, framework: framework, activeOnly: false, filter: "id = ?", arguments: [menteeID])
            if mentees.isEmpty { throw WorkspaceError.unknown(kind: "mentee", id: menteeID) }
            let pairs = try Self.currentPairs(db, mentee: menteeID)
            let goals = try Self.goals(db, filter: "mentee_id = ?", arguments: [menteeID])
            var mentorIDs = Set(pairs.map(\.mentorID))
            mentorIDs.formUnion(goals.map(\.mentorID))
            let placeholders = Array(repeating: "?", count: mentorIDs.count).joined(separator: ", ")
            let mentors = mentorIDs.isEmpty ? [] : try Self.mentors(
                db, framework: framework, activeOnly: false, filter: "id IN (\(placeholders))",
                arguments: StatementArguments(mentorIDs.sorted()))
            return TrackingSnapshot(
                framework: framework, programStart: programStart, programEnd: programEnd, today: today,
                mentees: mentees, mentors: mentors, pairs: pairs, goals: goals,
                milestones: try Self.milestones(
                    db, filter: "goal_id IN (SELECT id FROM goals WHERE mentee_id = ?)", arguments: [menteeID]),
                checkIns: try Self.checkIns(db, filter: "mentee_id = ?", arguments: [menteeID]),
                sessions: try Self.sessionLogs(db, filter: "mentee_id = ?", arguments: [menteeID]),
                settings: settings, objectives: objectives)
        }
    }
}
