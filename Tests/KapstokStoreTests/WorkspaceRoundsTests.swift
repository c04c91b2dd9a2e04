import Foundation
import Kapstok
import LinearModel
import Testing
@testable import KapstokStore

@Suite("Workspace rounds")
struct WorkspaceRoundsTests {
    func matchRecord() -> RoundRecord {
        RoundRecord(
            kind: .match, at: t0, date: programStart, actor: "hr", configurationText: "[pairing]\nobjective = \"fair\"\n",
            summary: "optimal; 2 of 2 mentees matched",
            pairs: [RecordedPair(menteeID: "E01", mentorID: "M01", score: 0.8, rank: 1, reason: "closes vision"),
                    RecordedPair(menteeID: "E02", mentorID: "M02", score: 0.6, rank: 2, reason: "closes feedback")],
            unmatched: [RecordedUnmatched(menteeID: "E03", reason: "no eligible mentor")],
            draftGoals: [draftGoal("E01", "M01", item: "leader.vision"), draftGoal("E01", "M01", item: "coach.feedback"),
                         draftGoal("E02", "M02", item: "coach.feedback")])
    }

    @Test("rounds are numbered 1, 2, … and read back as recorded; draft goals get G0001… in input order")
    func numberingAndReadBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let workspace = try peopleWorkspace(folder)
        let record = matchRecord()
        #expect(try workspace.recordRound(record) == 1)
        let sessions = [session("E01", "M01", 1, day: 2), session("E02", "M02", 1, day: 3)]
        let schedule = RoundRecord(kind: .schedule, at: t0, date: programStart, actor: "hr", configurationText: "", sessions: sessions)
        #expect(try workspace.recordRound(schedule) == 2)
        let moved = SessionChange(sessionID: sessions[0].id, menteeID: "E01", mentorID: "M01", number: 1, kind: .moved,
                                  oldStart: sessions[0].start, newStart: time(9, 10), why: "'M01' is absent")
        var replanned = sessions
        replanned[0].start = time(9, 10)
        replanned[0].end = time(9, 11)
        replanned[0].sequence = 1
        let replan = RoundRecord(kind: .replan, at: t0, date: CalendarDate(year: 2027, month: 3, day: 1), actor: "hr",
                                 configurationText: "", sessions: replanned, changes: [moved])
        #expect(try workspace.recordRound(replan) == 3)

        let goals = try workspace.goals()
        #expect(goals.map(\.id) == ["G0001", "G0002", "G0003"])
        #expect(goals.map(\.itemID) == ["leader.vision", "coach.feedback", "coach.feedback"])
        #expect(goals.allSatisfy { $0.round == 1 && $0.status == .draft })
        #expect(try workspace.events(goalID: "G0002") == [
            GoalEvent(goalID: "G0002", at: t0, actor: "hr", field: "created", oldValue: "", newValue: "draft")
        ])

        let back = try #require(try workspace.round(1))
        var expected = record
        expected.draftGoals = goals
        #expect(back == expected)
        #expect(try workspace.round(2) == schedule)
        #expect(try workspace.round(3) == replan)
        #expect(try workspace.round(4) == nil)
        #expect(try workspace.rounds().map { [$0.number, $0.pairCount, $0.unmatchedCount, $0.goalCount, $0.sessionCount, $0.changeCount] }
            == [[1, 2, 1, 3, 0, 0], [2, 0, 0, 0, 2, 0], [3, 0, 0, 0, 2, 1]])
        #expect(try workspace.sessions() == [sessions[1], replanned[0]])
        #expect(try workspace.currentPairs() == [PairID(menteeID: "E01", mentorID: "M01"), PairID(menteeID: "E02", mentorID: "M02")])

        // A later match continues after the highest G number.
        #expect(try workspace.recordRound(matchRecord()) == 4)
        #expect(try workspace.goals(mentee: "E02").map(\.id) == ["G0003", "G0006"])
    }

    @Test("a new schedule keeps the logs of sessions whose id persists and drops the others")
    func rescheduleKeepsLogs() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let workspace = try peopleWorkspace(folder)
        _ = try workspace.recordRound(matchRecord())
        let first = [session("E01", "M01", 1, day: 2), session("E01", "M01", 2, day: 23), session("E02", "M02", 1, day: 3)]
        _ = try workspace.recordRound(RoundRecord(kind: .schedule, at: t0, date: programStart, actor: "hr", configurationText: "", sessions: first))
        let held = CalendarDate(year: 2027, month: 3, day: 2)
        try workspace.logSession(id: first[0].id, status: .held, heldOn: held, menteeRating: 5, mentorRating: 4,
                                 goalsDiscussed: ["G0001", "G0002"], notes: "- [ ] read the book", at: t0, actor: "E01")
        // The new schedule (planned statuses from the scheduler): session 1 of E01 at another time,
        // session 2 gone, E02's kept, a third new.
        var again = first[0]
        again.start = time(4, 14)
        again.end = time(4, 15)
        let second = [again, first[2], session("E02", "M02", 2, day: 24)]
        _ = try workspace.recordRound(RoundRecord(kind: .schedule, at: t0, date: programStart, actor: "hr", configurationText: "", sessions: second))
        let logs = try workspace.sessionLogs()
        #expect(logs.map(\.session.id) == [first[2].id, again.id, second[2].id])
        let kept = try #require(logs.first { $0.session.id == again.id })
        #expect(kept.session.status == .held)
        #expect(kept.session.start == time(4, 14))
        #expect(kept.heldOn == held)
        #expect([kept.menteeRating, kept.mentorRating] == [5, 4])
        #expect(kept.goalsDiscussed == ["G0001", "G0002"])
        #expect(kept.notes == "- [ ] read the book")
        #expect(logs.first { $0.session.id == first[2].id }?.notes == "")
    }

    @Test("a solved match from the workspace's round inputs maps to a record by id and reads back")
    func matchFromRoundResult() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let workspace = try peopleWorkspace(folder)
        // Capacity 1 each and E01–M01 forbidden: the only pairing with both mentees matched is E01–M02, E02–M01.
        _ = try workspace.importData(
            ImportBatch(mentors: [mentor("M01", capacity: 1), mentor("M02", capacity: 1)],
                        rules: [PairRule(menteeID: "E01", mentorID: "M01", kind: .forbid)]), at: t0, actor: "hr")
        let result = try PreparedRound(round: try workspace.roundInputs(configuration: Configuration()))
            .solve(using: ExhaustiveSolver(), options: PairingOptions())
        let record = RoundRecord(match: result, at: t0, date: programStart, actor: "hr", configurationText: "")
        #expect(record.pairs.map(\.pair) == [PairID(menteeID: "E01", mentorID: "M02"), PairID(menteeID: "E02", mentorID: "M01")])
        #expect(record.pairs.map(\.score) == result.pairs.map(\.score))
        #expect(record.unmatched == [])
        let number = try workspace.recordRound(record)
        #expect(try workspace.round(number) == record)
    }
}
