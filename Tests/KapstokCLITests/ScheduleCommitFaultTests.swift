import Foundation
import Testing

// Fault tests for `schedule`'s output commit (see OutputCommitFaultTests and `CommitRounds`):
// the folder holds sessions.csv, unscheduled.csv, schedule.json and a calendars/ tree, and after
// a SIGKILL at any commit step, or two concurrent runs, a reader must see one complete set —
// sessions.csv and the calendar files of the same run (the same session ids).

/// The session ids of sessions.csv and the UIDs of program.ics agree, and every person's file
/// lists only sessions of sessions.csv.
private func sameSessions(_ files: [String: String]) -> Bool {
    guard let sessions = files["sessions.csv"], let program = files["calendars/program.ics"] else { return false }
    let ids = Set(SessionRow.parse(sessions).map { $0.id + "@kapstok" })
    func uids(_ text: String) -> Set<String> {
        Set(lines(text).filter { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)).trimmingCharacters(in: .whitespacesAndNewlines) })
    }
    guard !ids.isEmpty, uids(program) == ids else { return false }
    return files.filter { $0.key.hasPrefix("calendars/people/") }.allSatisfy { uids($0.value).isSubset(of: ids) }
}

/// Two schedules whose every file differs: other pairs, so other session ids and other people.
private let scheduleRounds = CommitRounds(
    first: { ScheduleFixture.schedule(out: $0) },
    second: { ScheduleFixture.schedule(out: $0).replacing(["--pairings": "schedule/pairings-other.csv"]) },
    consistent: sameSessions)

@Suite("schedule output commit under faults", .serialized) struct ScheduleCommitFaultTests {
    @Test(arguments: ["locked", "generation-written", "linked", "switched", "cleaned"])
    func killedAtAStepLeavesOneCompleteSet(step: String) throws {
        try scheduleRounds.killedAt(step: step)
    }

    @Test func roundsDifferInEveryFileAndPerson() throws {
        let (first, second) = try scheduleRounds.referenceSets()
        for name in ["sessions.csv", "unscheduled.csv", "schedule.json", "calendars/program.ics"] {
            #expect(first[name] != nil && second[name] != nil)
        }
        let people = { (set: [String: String]) in set.keys.filter { $0.hasPrefix("calendars/people/") }.sorted() }
        #expect(people(first) != people(second), "the two rounds have different people")
    }

    @Test func killedAtRandomInstantsOfASlowCommitAlwaysLeavesOneCompleteSet() throws {
        try scheduleRounds.killedAtRandomInstants(attempts: 10)
    }

    @Test func concurrentWritersNeverMixTheirFiles() throws {
        try scheduleRounds.concurrentWriters(attempts: 8)
    }
}
