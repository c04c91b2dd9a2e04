import Foundation
import Testing

/// Golden tests of `kapstok replan` on the schedule of `Fixtures/schedule/` (see
/// ``ScheduleFixture``), re-planned on 2027-03-15 (nothing before 2027-03-17 moves:
/// `freeze_hours = 48`).
@Suite("kapstok replan") struct ReplanCommandTests {
    static let changesHeader = "session_id,old_start,new_start,why,change,mentee_id,mentor_id,number\n"

    @Test func noChangeChangesNothing() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = try ScheduleFixture.scheduled(in: temporary)
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/sessions.csv"))
        let result = try CLI.run(ScheduleFixture.replan(out: out))
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        assertSnapshot(Normalise.scheduleTerminal(temporary.normalise(result.stdout)), named: "replan-no-change.stdout.txt")
        #expect(try contents(out + "/changes.csv") == Self.changesHeader)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/sessions.csv")) == before, "sessions.csv must be byte-identical")
        let changeFiles = (try? FileManager.default.contentsOfDirectory(atPath: out + "/calendars/changes")) ?? []
        #expect(changeFiles.isEmpty)
    }

    /// Re-planned in place, only the calendars of people with a changed session are written
    /// again: the others are the very same files (same inode, same bytes, old DTSTAMP). Into
    /// another folder, every calendar is written.
    @Test func inPlaceReplanKeepsTheOtherPeoplesCalendars() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = try ScheduleFixture.scheduled(in: temporary)
        let people = out + "/calendars/people"
        func snapshot() throws -> [String: (inode: UInt64, data: Data)] {
            var result: [String: (UInt64, Data)] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: people) {
                let path = people + "/" + name
                let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as! UInt64
                result[name] = (inode, try Data(contentsOf: URL(fileURLWithPath: path)))
            }
            return result
        }
        let before = try snapshot()
        let absences = try ScheduleFixture.absencesWithMentorAway(in: temporary)
        let result = try CLI.run(ScheduleFixture.replan(out: out, replacing: ["--absences": absences]))
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("(the other people's calendars unchanged)"))
        let changed = Set(try ChangeRow.read(out + "/changes.csv").flatMap { [$0.mentee, $0.mentor] })
        #expect(!changed.isEmpty)
        let after = try snapshot()
        #expect(Set(after.keys) == Set(before.keys))
        for (name, old) in before {
            let now = try #require(after[name])
            let id = String(name.dropLast(4))
            if changed.contains(id) {
                #expect(now.data != old.data, "\(name) should show the change")
            } else {
                #expect(now.inode == old.inode && now.data == old.data, "\(name) was written again")
            }
        }
        // The same re-plan into a fresh folder writes every calendar.
        let elsewhere = temporary.path("elsewhere")
        let full = try CLI.run(ScheduleFixture.replan(out: out, replacing: ["--absences": absences, "--out": elsewhere]))
        #expect(full.exitCode == 0)
        #expect(!full.stdout.contains("unchanged)"))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: elsewhere + "/calendars/people")) == Set(before.keys))
    }

    /// M1 away for four weeks: only M1's sessions change; moved ones keep their id and get
    /// sequence + 1, and each has a `METHOD:REQUEST` file.
    @Test(arguments: [("schedule/kapstok.toml", "REQUEST"), ("schedule/kapstok-no-organizer.toml", "PUBLISH")])
    func mentorAbsenceMovesOnlyThatMentorsSessions(config: String, method: String) throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = try ScheduleFixture.scheduled(in: temporary)
        let old = try SessionRow.read(out + "/sessions.csv")
        let absences = try ScheduleFixture.absencesWithMentorAway(in: temporary)
        let result = try CLI.run(ScheduleFixture.replan(
            out: out, replacing: ["--absences": absences, "--config": config]))
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")

        let changes = try ChangeRow.read(out + "/changes.csv")
        let new = try SessionRow.read(out + "/sessions.csv")
        #expect(!changes.isEmpty)
        #expect(changes.allSatisfy { $0.mentor == "M1" && $0.change == "moved" }, "\(changes)")
        let oldByID = Dictionary(uniqueKeysWithValues: old.map { ($0.id, $0) })
        let newByID = Dictionary(uniqueKeysWithValues: new.map { ($0.id, $0) })
        #expect(Set(oldByID.keys) == Set(newByID.keys), "a move keeps the session id; nothing added or lost")
        let changed = Set(changes.map(\.id))
        for row in old {
            let now = try #require(newByID[row.id])
            if changed.contains(row.id) {
                #expect(now.start != row.start && now.sequence == row.sequence + 1, "\(row.id): \(row.line) → \(now.line)")
                #expect(row.start >= "2027-03-17", "a session within the freeze moved: \(row.line)")
                let file = try contents(out + "/calendars/changes/\(row.id).ics")
                #expect(calendarMethod(file) == method)
                #expect(file.contains("SEQUENCE:\(row.sequence + 1)"))
            } else {
                #expect(now.line == row.line, "a session that did not change was rewritten: \(row.line) → \(now.line)")
            }
        }
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out + "/calendars/changes")) == Set(changed.map { $0 + ".ics" }))
        // No moved session falls inside the absence.
        for change in changes { #expect(!("2027-04-05"..."2027-05-02T24").contains(change.newStart), "\(change)") }
        if method == "REQUEST" {
            assertSnapshot(Normalise.scheduleTerminal(temporary.normalise(result.stdout)), named: "replan-mentor-away.stdout.txt")
            assertSnapshot(try contents(out + "/changes.csv"), named: "replan-mentor-away.changes.csv")
            assertSnapshot(try contents(out + "/sessions.csv"), named: "replan-mentor-away.sessions.csv")
            let first = try #require(changes.first)
            assertSnapshot(try contents(out + "/calendars/changes/\(first.id).ics"), named: "replan-mentor-away.change.ics")
        }
    }

    /// Cancellations are `METHOD:CANCEL`, or `PUBLISH` with `STATUS:CANCELLED` without an organizer.
    @Test(arguments: [("schedule/kapstok.toml", "CANCEL"), ("schedule/kapstok-no-organizer.toml", "PUBLISH")])
    func leavingPersonsSessionsFromTodayAreCancelled(config: String, method: String) throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = try ScheduleFixture.scheduled(in: temporary)
        let old = try SessionRow.read(out + "/sessions.csv")
        let result = try CLI.run(ScheduleFixture.replan(out: out, replacing: ["--config": config], extra: ["--leave", "E2"]))
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        assertSnapshot(try contents(out + "/changes.csv"), named: "replan-leave-E2.changes.csv")
        let changes = try ChangeRow.read(out + "/changes.csv")
        let expected = old.filter { $0.mentee == "E2" && $0.start >= "2027-03-15" }.map(\.id)
        #expect(!expected.isEmpty)
        #expect(changes.map(\.id).sorted() == expected.sorted())
        #expect(changes.allSatisfy { $0.change == "cancelled" && $0.newStart == "" })
        let newByID = Dictionary(uniqueKeysWithValues: try SessionRow.read(out + "/sessions.csv").map { ($0.id, $0) })
        for row in old {
            let now = try #require(newByID[row.id])
            if expected.contains(row.id) {
                #expect(now.status == "cancelled" && now.sequence == row.sequence + 1 && now.start == row.start)
                let file = try contents(out + "/calendars/changes/\(row.id).ics")
                #expect(calendarMethod(file) == method)
                #expect(file.contains("STATUS:CANCELLED"))
            } else {
                #expect(now.line == row.line, "\(row.line) → \(now.line)")
            }
        }
        // E2's calendar keeps the cancelled sessions, marked cancelled.
        let e2 = try contents(out + "/calendars/people/E2.ics")
        #expect(e2.components(separatedBy: "STATUS:CANCELLED").count - 1 == expected.count)
    }

    @Test func addedPairGetsSessions() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = try ScheduleFixture.scheduled(in: temporary)
        let old = try SessionRow.read(out + "/sessions.csv")
        let result = try CLI.run(ScheduleFixture.replan(out: out, extra: ["--add-pairs", "schedule/added-pairs.csv"]))
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        assertSnapshot(try contents(out + "/changes.csv"), named: "replan-add-pair.changes.csv")
        let changes = try ChangeRow.read(out + "/changes.csv")
        let new = try SessionRow.read(out + "/sessions.csv")
        let added = new.filter { $0.mentee == "E5" }
        #expect(added.count == 4, "the new pair E5–M2 gets the program's 4 sessions")
        #expect(added.allSatisfy { $0.mentor == "M2" && $0.start >= "2027-03-15" && $0.sequence == 0 })
        #expect(changes.filter { $0.change == "added" }.map(\.id).sorted() == added.map(\.id).sorted())
        for session in added {
            #expect(calendarMethod(try contents(out + "/calendars/changes/\(session.id).ics")) == "REQUEST")
        }
        #expect(FileManager.default.fileExists(atPath: out + "/calendars/people/E5.ics"))
        // Sessions that moved to make room are M2's, and kept their ids.
        let oldIDs = Set(old.map(\.id))
        #expect(changes.filter { $0.change != "added" }.allSatisfy { $0.mentor == "M2" && oldIDs.contains($0.id) })
    }

    @Test func requestedSessionMovesOnOrAfterItsDate() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = try ScheduleFixture.scheduled(in: temporary)
        let old = try SessionRow.read(out + "/sessions.csv")
        let target = try #require(old.first { $0.mentee == "E3" && $0.number == 2 })
        let result = try CLI.run(ScheduleFixture.replan(
            out: out, extra: ["--session", target.id, "--not-before", "2027-04-05"]))
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        assertSnapshot(try contents(out + "/changes.csv"), named: "replan-session-not-before.changes.csv")
        let changes = try ChangeRow.read(out + "/changes.csv")
        let moved = try #require(changes.first { $0.id == target.id })
        #expect(moved.change == "moved" && moved.oldStart == target.start && moved.newStart >= "2027-04-05")
        #expect(changes.allSatisfy { $0.mentee == "E3" }, "only E3's series may shift")
        let now = try #require(try SessionRow.read(out + "/sessions.csv").first { $0.id == target.id })
        #expect(now.start == moved.newStart && now.sequence == target.sequence + 1)
    }

    /// A session marked held stays where it is, even when an absence falls on it.
    @Test func heldSessionNeverMoves() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = try ScheduleFixture.scheduled(in: temporary)
        let old = try SessionRow.read(out + "/sessions.csv")
        // E1's third session falls in M1's absence; without the mark it moves (see the test above).
        let held = try #require(old.first { $0.mentee == "E1" && $0.number == 3 })
        #expect(("2027-04-05"..."2027-05-02T24").contains(held.start))
        let edited = try contents(out + "/sessions.csv").replacingOccurrences(
            of: held.line, with: held.line.replacingOccurrences(of: ",planned,", with: ",held,"))
        let sessions = temporary.path("sessions-held.csv")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: sessions))
        var arguments = ScheduleFixture.replan(
            out: out, replacing: ["--absences": try ScheduleFixture.absencesWithMentorAway(in: temporary)])
        arguments[2] = sessions
        let result = try CLI.run(arguments)
        #expect(result.exitCode == 0)
        let changes = try ChangeRow.read(out + "/changes.csv")
        #expect(!changes.contains { $0.id == held.id })
        #expect(changes.contains { $0.mentee == "E2" && $0.number == 3 }, "E2's session in the absence still moves")
        let now = try #require(try SessionRow.read(out + "/sessions.csv").first { $0.id == held.id })
        #expect(now.start == held.start && now.status == "held" && now.sequence == held.sequence)
    }
}
