import Diagnostics
import Foundation
import Kapstok
import Testing
@testable import KapstokStore

@Suite("Workspace tracking")
struct WorkspaceTrackingTests {
    let program = programStart...programEnd

    /// People, a match of E01–M01 and E02–M02 with goals G0001 (E01) and G0002 (E02), and a schedule of two sessions.
    func trackedWorkspace(_ folder: TemporaryFolder) throws -> (Workspace, [Session]) {
        let workspace = try peopleWorkspace(folder)
        _ = try workspace.recordRound(RoundRecord(
            kind: .match, at: t0, date: programStart, actor: "hr", configurationText: "",
            pairs: [RecordedPair(menteeID: "E01", mentorID: "M01", score: 1, rank: 1, reason: ""),
                    RecordedPair(menteeID: "E02", mentorID: "M02", score: 1, rank: 1, reason: "")],
            draftGoals: [draftGoal("E01", "M01", item: "leader.vision"), draftGoal("E02", "M02", item: "coach.feedback")]))
        let sessions = [session("E01", "M01", 1, day: 2), session("E02", "M02", 1, day: 3)]
        _ = try workspace.recordRound(RoundRecord(kind: .schedule, at: t0, date: programStart, actor: "hr", configurationText: "", sessions: sessions))
        return (workspace, sessions)
    }

    @Test("goal updates write one event per changed field; a forbidden status move is refused")
    func goalEvents() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let (workspace, _) = try trackedWorkspace(folder)
        var goal = try #require(try workspace.goal("G0001"))
        goal.status = .active
        goal.target = 5
        let events = try workspace.updateGoal(goal, at: "2027-02-10T10:00:00Z", actor: "M01")
        #expect(events == [
            GoalEvent(goalID: "G0001", at: "2027-02-10T10:00:00Z", actor: "M01", field: "target", oldValue: "4", newValue: "5"),
            GoalEvent(goalID: "G0001", at: "2027-02-10T10:00:00Z", actor: "M01", field: "status", oldValue: "draft", newValue: "active"),
        ])
        #expect(try workspace.events(goalID: "G0001").map(\.field) == ["created", "target", "status"])
        #expect(try workspace.goal("G0001")?.status == .active)
        #expect(try workspace.goals(status: .active).map(\.id) == ["G0001"])
        #expect(try workspace.goals(mentor: "M02").map(\.id) == ["G0002"])

        goal.status = .draft
        #expect(throws: WorkspaceError.invalid("goal 'G0001' cannot move from active to draft")) {
            try workspace.updateGoal(goal, at: t0, actor: "M01")
        }
        #expect(try workspace.events(goalID: "G0001").count == 3)
        // Nothing changed: no event.
        #expect(try workspace.updateGoal(try #require(try workspace.goal("G0001")), at: t0, actor: "M01") == [])

        let added = try workspace.addGoal(draftGoal("E01", "M01", item: "domain.finance", baseline: 1, target: 3), at: t0, actor: "E01")
        #expect(added.id == "G0003")
        #expect(throws: WorkspaceError.invalid("unknown mentee 'E99'; target 2 is not above baseline 2")) {
            try workspace.addGoal(draftGoal("E99", "M01", item: "leader.vision", baseline: 2, target: 2), at: t0, actor: "E01")
        }
    }

    @Test("milestones get M0001…, completion is kept with an event")
    func milestones() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let (workspace, _) = try trackedWorkspace(folder)
        let due = CalendarDate(year: 2027, month: 3, day: 1)
        let first = try workspace.addMilestone(goalID: "G0001", title: "Draft a vision", due: due, at: t0, actor: "M01")
        let second = try workspace.addMilestone(goalID: "G0002", title: "Ask for feedback", due: due, at: t0, actor: "M02")
        #expect([first.id, second.id] == ["M0001", "M0002"])
        let done = CalendarDate(year: 2027, month: 2, day: 27)
        #expect(try workspace.completeMilestone("M0001", on: done, at: t0, actor: "M01").doneOn == done)
        #expect(try workspace.milestones(goalID: "G0001") == [Milestone(id: "M0001", goalID: "G0001", title: "Draft a vision", due: due, doneOn: done)])
        #expect(try workspace.events(goalID: "G0001").map(\.newValue) == ["draft", "M0001 due 2027-03-01", "M0001 done 2027-02-27"])
        #expect(throws: WorkspaceError.unknown(kind: "goal", id: "G0042")) {
            try workspace.addMilestone(goalID: "G0042", title: "x", due: due, at: t0, actor: "M01")
        }
    }

    @Test("logging a session checks the session, the goals and the pair; moving raises the sequence")
    func sessionLog() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let (workspace, sessions) = try trackedWorkspace(folder)
        let day = CalendarDate(year: 2027, month: 3, day: 2)
        #expect(throws: WorkspaceError.unknown(kind: "session", id: "S000000000000")) {
            try workspace.logSession(id: "S000000000000", status: .held, heldOn: day, at: t0, actor: "E01")
        }
        #expect(throws: WorkspaceError.invalid(
            "goal 'G0002' is of 'E02' and 'M02', not of this session's pair 'E01' and 'M01'; unknown goal 'G0009'")) {
            try workspace.logSession(id: sessions[0].id, status: .held, heldOn: day, goalsDiscussed: ["G0002", "G0009"], at: t0, actor: "E01")
        }
        #expect(throws: WorkspaceError.invalid("session '\(sessions[0].id)' is held but has no date it was held on; mentee rating 6 is outside 1–5")) {
            try workspace.logSession(id: sessions[0].id, status: .held, heldOn: nil, menteeRating: 6, at: t0, actor: "E01")
        }
        let log = try workspace.logSession(id: sessions[0].id, status: .held, heldOn: day, menteeRating: 4, goalsDiscussed: ["G0001"],
                                           notes: "TODO: plan", at: t0, actor: "E01")
        #expect(try workspace.sessionLogs().first == log)
        #expect(try workspace.scalar(sql: "SELECT COUNT(*) FROM session_events WHERE session_id = '\(sessions[0].id)'") == "5")
        #expect(throws: WorkspaceError.invalid("session '\(sessions[0].id)' was held and cannot move")) {
            try workspace.moveSession(id: sessions[0].id, start: time(5, 10), end: time(5, 11), program: program, at: t0, actor: "hr")
        }
        let moved = try workspace.moveSession(id: sessions[1].id, start: time(5, 10), end: time(5, 11), program: program, at: t0, actor: "hr")
        #expect(moved.sequence == 1)
        #expect(moved.start == time(5, 10))
        let cancelled = try workspace.logSession(id: sessions[1].id, status: .cancelled, heldOn: nil, at: t0, actor: "hr")
        #expect(cancelled.session.sequence == 2)
    }

    @Test("bulk imports are all or nothing, with located diagnostics")
    func bulkImports() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let (workspace, sessions) = try trackedWorkspace(folder)
        var edited = try #require(try workspace.goal("G0001"))
        edited.status = .active
        let fresh = draftGoal("E02", "M02", item: "domain.change", baseline: 0, target: 2)
        let bad = draftGoal("E02", "M02", item: "domain.nowhere")
        let locations = [1, 2, 3].map { Diagnostic.Location(file: "goals.csv", line: $0 + 1, column: 1) }
        let error = #expect(throws: DiagnosticsError.self) {
            try workspace.importGoals([edited, fresh, bad], locations: locations, at: t0, actor: "hr")
        }
        #expect(error?.description == "goals.csv:4:1: error: unknown framework item 'domain.nowhere'")
        #expect(try workspace.goals().map(\.id) == ["G0001", "G0002"])
        #expect(try workspace.goal("G0001")?.status == .draft)
        #expect(try workspace.importGoals([edited, fresh], at: t0, actor: "hr") == BulkImportReport(added: 1, updated: 1))
        #expect(try workspace.goals().map(\.id) == ["G0001", "G0002", "G0003"])
        // The same file again changes nothing.
        var again = fresh
        again.id = "G0003"
        #expect(try workspace.importGoals([edited, again], at: t0, actor: "hr") == BulkImportReport(unchanged: 2))

        let checkIn = CheckIn(menteeID: "E01", itemID: "leader.vision", level: 3, date: programStart, assessor: .mentor, evidence: "led the offsite")
        let wrong = CheckIn(menteeID: "E01", itemID: "leader.vision", level: 9, date: programStart, assessor: .selfAssessment)
        let checkInError = #expect(throws: DiagnosticsError.self) { try workspace.importCheckIns([checkIn, wrong]) }
        #expect(checkInError?.description == "checkins:3:1: error: level 9 is outside 0–5")
        #expect(try workspace.checkIns().isEmpty)
        #expect(try workspace.importCheckIns([checkIn, checkIn]) == BulkImportReport(added: 1, unchanged: 1))
        #expect(try workspace.exportCheckIns() == [checkIn])

        var log = SessionLog(session: sessions[0], heldOn: CalendarDate(year: 2027, month: 3, day: 2), menteeRating: 5,
                             goalsDiscussed: ["G0001"], notes: "good")
        log.session.status = .held
        var other = SessionLog(session: sessions[1], goalsDiscussed: ["G0001"])
        other.session.status = .planned
        let logError = #expect(throws: DiagnosticsError.self) { try workspace.importSessionLogs([log, other], program: program, at: t0, actor: "hr") }
        #expect(logError?.errors.map(\.id) == [.goalOfAnotherPair])
        #expect(try workspace.exportSessionLogs().allSatisfy { $0.notes.isEmpty })
        #expect(try workspace.importSessionLogs([log], program: program, at: t0, actor: "hr") == BulkImportReport(updated: 1))
        #expect(try workspace.exportSessionLogs().first == log)
    }

    /// A sessions file that changes a session's time keeps the rules of `session log --moved`:
    /// a held session stays put, the new time is inside the program, on one day, and clashes
    /// with no session of the same people as they will be after the import.
    @Test("a sessions file moves sessions only as a move may")
    func importedMovesKeepTheMoveRules() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let (workspace, sessions) = try trackedWorkspace(folder)
        // E01–M01 on March 2, 10:00–11:00; E02–M02 on March 3, 10:00–11:00.
        var held = SessionLog(session: sessions[0], heldOn: CalendarDate(year: 2027, month: 3, day: 2))
        held.session.status = .held
        #expect(try workspace.importSessionLogs([held], program: program, at: t0, actor: "hr") == BulkImportReport(updated: 1))
        func refused(_ logs: [SessionLog]) -> [String] {
            let error = #expect(throws: DiagnosticsError.self) { try workspace.importSessionLogs(logs, program: program, at: t0, actor: "hr") }
            return error?.errors.map(\.message) ?? []
        }
        var movedHeld = held
        movedHeld.session.start = time(9, 10)
        movedHeld.session.end = time(9, 11)
        #expect(refused([movedHeld]) == ["session '\(sessions[0].id)' was held and cannot move"])
        var late = SessionLog(session: sessions[1])
        late.session.start = time(1, 10, month: 9)
        late.session.end = time(1, 11, month: 9)
        var overnight = SessionLog(session: sessions[1])
        overnight.session.start = LocalDateTime(date: CalendarDate(year: 2027, month: 3, day: 3), time: ClockTime(hours: 23, minutes: 30))
        overnight.session.end = LocalDateTime(date: CalendarDate(year: 2027, month: 3, day: 4), time: ClockTime(hours: 0, minutes: 30))
        #expect(refused([late]) == ["session '\(sessions[1].id)' would move to 2027-09-01, outside the program (2027-02-01 to 2027-07-30)"])
        #expect(refused([overnight]) == ["session '\(sessions[1].id)': a 60-minute session starting at 23:30 would end the next day"])
        // A second session of E02 with M01, then a file moving it onto E02–M02's hour: a clash
        // with a session of the same mentee; moving both in the same file is fine.
        let extra = session("E02", "M01", 1, day: 4)
        _ = try workspace.recordRound(RoundRecord(kind: .schedule, at: t0, date: programStart, actor: "hr", configurationText: "",
                                                  sessions: [sessions[0], sessions[1], extra]))
        var onto = SessionLog(session: extra)
        onto.session.start = time(3, 10)
        onto.session.end = time(3, 11)
        #expect(refused([onto]) == ["session '\(extra.id)' would overlap session '\(sessions[1].id)' of 'E02' and 'M02' at 2027-03-03 10:00"])
        var away = SessionLog(session: sessions[1])
        away.session.start = time(5, 14)
        away.session.end = time(5, 15)
        #expect(try workspace.importSessionLogs([onto, away], program: program, at: t0, actor: "hr") == BulkImportReport(updated: 2))
        #expect(try workspace.sessionLog(id: extra.id)?.session.sequence == 1)
        // The store's move applies the same rules.
        #expect(throws: WorkspaceError.invalid("session '\(extra.id)' would overlap session '\(sessions[1].id)' of 'E02' and 'M02' at 2027-03-05 14:00")) {
            try workspace.moveSession(id: extra.id, start: time(5, 14), end: time(5, 15), program: program, at: t0, actor: "hr")
        }
    }

    @Test("the snapshot holds every record; the mentee snapshot only that mentee's")
    func snapshots() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let (workspace, sessions) = try trackedWorkspace(folder)
        let due = CalendarDate(year: 2027, month: 4, day: 1)
        _ = try workspace.addMilestone(goalID: "G0001", title: "Vision draft", due: due, at: t0, actor: "M01")
        _ = try workspace.addMilestone(goalID: "G0002", title: "Feedback round", due: due, at: t0, actor: "M02")
        for mentee in ["E01", "E02"] {
            try workspace.addCheckIn(CheckIn(menteeID: mentee, itemID: "leader.vision", level: 3, date: due, assessor: .manager))
        }
        let today = CalendarDate(year: 2027, month: 3, day: 15)
        var settings = TrackingSettings()
        settings.noSessionWeeks = 4
        let objectives = [ProgramObjective(statement: "80 % held", metric: .sessionsHeld, target: 0.8)]
        let all = try workspace.snapshot(today: today, settings: settings, objectives: objectives, programStart: programStart, programEnd: programEnd)
        #expect(all.framework == .builtIn)
        #expect(all.mentees.map(\.id) == ["E01", "E02"])
        #expect(all.mentors.map(\.id) == ["M01", "M02"])
        #expect(all.pairs == [PairID(menteeID: "E01", mentorID: "M01"), PairID(menteeID: "E02", mentorID: "M02")])
        #expect(all.goals == (try workspace.goals()))
        #expect(all.milestones.map(\.id) == ["M0001", "M0002"])
        #expect(all.checkIns.count == 2)
        #expect(all.sessions.map(\.session) == sessions)
        #expect(all.settings == settings)
        #expect(all.objectives == objectives)
        #expect(all.today == today)

        let one = try workspace.snapshot(menteeID: "E02", today: today, settings: settings, programStart: programStart, programEnd: programEnd)
        #expect(one.mentees.map(\.id) == ["E02"])
        #expect(one.mentors.map(\.id) == ["M02"])
        #expect(one.pairs == [PairID(menteeID: "E02", mentorID: "M02")])
        #expect(one.goals.map(\.id) == ["G0002"])
        #expect(one.milestones.map(\.id) == ["M0002"])
        #expect(one.checkIns.map(\.menteeID) == ["E02"])
        #expect(one.sessions.map(\.session) == [sessions[1]])
        #expect(throws: WorkspaceError.unknown(kind: "mentee", id: "E77")) {
            try workspace.snapshot(menteeID: "E77", today: today, settings: settings, programStart: programStart, programEnd: programEnd)
        }
    }

    @Test("logging a session and a mentee snapshot on a workspace of 40,000 sessions stay fast (figures printed)")
    func largeWorkspace() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let workspace = try Workspace.create(at: folder.appending("ws"), name: "T", configurationText: nil)
        let mentees = (0..<5_000).map { mentee(String(format: "E%04d", $0)) }
        let mentors = (0..<2_500).map { mentor(String(format: "M%04d", $0)) }
        _ = try workspace.importData(ImportBatch(mentors: mentors, mentees: mentees), at: t0, actor: "hr")
        let pairs = (0..<5_000).map { RecordedPair(menteeID: mentees[$0].id, mentorID: mentors[$0 / 2].id, score: 1, rank: 1, reason: "") }
        let goals = pairs.flatMap { pair in
            ["leader.vision", "coach.feedback", "domain.finance"].map { draftGoal(pair.menteeID, pair.mentorID, item: $0) }
        }
        _ = try workspace.recordRound(RoundRecord(kind: .match, at: t0, date: programStart, actor: "hr", configurationText: "",
                                                  pairs: pairs, draftGoals: goals))
        // 8 sessions a pair, a week apart.
        let sessions = pairs.flatMap { pair in
            (1...8).map { number in
                let date = programStart.adding(days: 7 * number)
                return Session(id: SessionIdentity.id(program: "T", menteeID: pair.menteeID, mentorID: pair.mentorID, number: number),
                               menteeID: pair.menteeID, mentorID: pair.mentorID, number: number,
                               start: LocalDateTime(date: date, time: ClockTime(hours: 10, minutes: 0)),
                               end: LocalDateTime(date: date, time: ClockTime(hours: 11, minutes: 0)))
            }
        }
        #expect(sessions.count == 40_000)
        let recording = try timed {
            _ = try workspace.recordRound(RoundRecord(kind: .schedule, at: t0, date: programStart, actor: "hr", configurationText: "", sessions: sessions))
        }
        let target = sessions[20_001]
        let goal = try #require(try workspace.goals(mentee: target.menteeID).first)
        let logging = try timed {
            let reopened = try Workspace.open(at: folder.appending("ws"))
            try reopened.logSession(id: target.id, status: .held, heldOn: target.start.date, menteeRating: 4, mentorRating: 5,
                                    goalsDiscussed: [goal.id], notes: "went well", at: t0, actor: "hr")
        }
        var snapshot: TrackingSnapshot?
        let agenda = try timed {
            let reopened = try Workspace.open(at: folder.appending("ws"))
            snapshot = try reopened.snapshot(menteeID: target.menteeID, today: target.start.date, settings: TrackingSettings(),
                                             programStart: programStart, programEnd: programEnd)
        }
        #expect(snapshot?.sessions.count == 8)
        #expect(snapshot?.goals.count == 3)
        #expect(snapshot?.sessions.first { $0.session.id == target.id }?.notes == "went well")
        var full: TrackingSnapshot?
        let report = try timed {
            full = try workspace.snapshot(today: target.start.date, settings: TrackingSettings(), objectives: [],
                                          programStart: programStart, programEnd: programEnd)
        }
        #expect(full?.sessions.count == 40_000)
        #expect(full?.goals.count == 15_000)
        print("40,000 sessions: recorded in \(shown(recording)); open + logSession \(shown(logging)); "
              + "open + mentee snapshot \(shown(agenda)); full snapshot \(shown(report))")
        #expect(logging.cpu < .milliseconds(500))
        #expect(agenda.cpu < .milliseconds(500))
    }
}
