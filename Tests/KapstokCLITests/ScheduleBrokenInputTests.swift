import Foundation
import Testing

/// A `schedule` or `replan` run that must fail: its arguments (`$OUT` is the output folder,
/// which holds a finished schedule of the fixture beforehand), its exit code and the name of its
/// golden standard error.
struct BrokenScheduleRun: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var exitCode: Int32 = 65
    var testDescription: String { name }

    static func schedule(replacing: [String: String] = [:], extra: [String] = []) -> [String] {
        ScheduleFixture.schedule(out: "$OUT").replacing(replacing) + extra
    }

    static func replan(replacing: [String: String] = [:], extra: [String] = []) -> [String] {
        ScheduleFixture.replan(out: "$OUT").replacing(replacing) + extra
    }

    static let all: [BrokenScheduleRun] = [
        // availability.csv: a person in no pair (a case slip gets a "did you mean"), a misspelt
        // weekday, windows that end before (or when) they start.
        BrokenScheduleRun(name: "availability-unknown-person",
                          arguments: schedule(replacing: ["--availability": "schedule-broken/availability-unknown-person.csv"])),
        BrokenScheduleRun(name: "availability-weekday-typo",
                          arguments: schedule(replacing: ["--availability": "schedule-broken/availability-weekday-typo.csv"])),
        BrokenScheduleRun(name: "availability-start-not-before-end",
                          arguments: schedule(replacing: ["--availability": "schedule-broken/availability-start-not-before-end.csv"])),
        // absences.csv: an Excel date, and a span that ends before it starts.
        BrokenScheduleRun(name: "absences-excel-date",
                          arguments: schedule(replacing: ["--absences": "schedule-broken/absences-excel-date.csv"])),
        BrokenScheduleRun(name: "absences-to-before-from",
                          arguments: schedule(replacing: ["--absences": "schedule-broken/absences-to-before-from.csv"])),
        BrokenScheduleRun(name: "kapstok-unknown-timezone",
                          arguments: schedule(replacing: ["--config": "schedule-broken/kapstok-unknown-timezone.toml"])),
        // sessions.csv with +01:00 on a date in summer time.
        BrokenScheduleRun(name: "sessions-wrong-offset",
                          arguments: replan(replacing: ["--sessions": "schedule-broken/sessions-wrong-offset.csv"])),
        BrokenScheduleRun(name: "replan-leave-unknown", arguments: replan(extra: ["--leave", "E9"])),
        // A case slip gets a "did you mean".
        BrokenScheduleRun(name: "replan-leave-case-slip", arguments: replan(extra: ["--leave", "e2"])),
        BrokenScheduleRun(name: "replan-session-unknown",
                          arguments: replan(extra: ["--session", "S000000000000", "--not-before", "2027-04-05"])),
        // A session replan would never move is an error, not a silent no-op: E3's first
        // session (2027-03-11) is before --today, E1's second (2027-03-29) is held in
        // sessions-held.csv, and on --today 2027-03-28 E1's second starts within the 48-hour freeze.
        BrokenScheduleRun(name: "replan-session-before-today",
                          arguments: replan(extra: ["--session", "S0b0623fbc662", "--not-before", "2027-04-05"])),
        BrokenScheduleRun(name: "replan-session-held",
                          arguments: replan(replacing: ["--sessions": "schedule-broken/sessions-held.csv"],
                                            extra: ["--session", "S32d756b05770", "--not-before", "2027-04-05"])),
        BrokenScheduleRun(name: "replan-session-in-freeze",
                          arguments: replan(replacing: ["--today": "2027-03-28"],
                                            extra: ["--session", "S32d756b05770", "--not-before", "2027-04-05"])),
        // --add-pairs: E1 already has M1 (an error); E3–M2 is already a pair (a warning).
        BrokenScheduleRun(name: "replan-add-pairs-existing-mentee",
                          arguments: replan(extra: ["--add-pairs", "schedule-broken/added-pairs-existing-mentee.csv"])),
        BrokenScheduleRun(name: "replan-session-without-not-before",
                          arguments: replan(extra: ["--session", "S000000000000"]), exitCode: 64),
        BrokenScheduleRun(name: "schedule-today-month-13",
                          arguments: schedule(replacing: ["--today": "2027-13-01"]), exitCode: 64),
        BrokenScheduleRun(name: "replan-today-month-13",
                          arguments: replan(replacing: ["--today": "2027-13-01"]), exitCode: 64),
        // Problems in three files (and the sessions file checked against the fallback zone) in one run.
        BrokenScheduleRun(name: "several-files", arguments: replan(replacing: [
            "--availability": "schedule-broken/availability-weekday-typo.csv",
            "--absences": "schedule-broken/absences-excel-date.csv",
            "--config": "schedule-broken/kapstok-unknown-timezone.toml",
        ])),
        BrokenScheduleRun(name: "pairings-empty", arguments: schedule(replacing: ["--pairings": "schedule-broken/pairings-empty.csv"])),
        BrokenScheduleRun(name: "pairings-header-only",
                          arguments: schedule(replacing: ["--pairings": "schedule-broken/pairings-header-only.csv"])),
        BrokenScheduleRun(name: "availability-binary",
                          arguments: schedule(replacing: ["--availability": "schedule-broken/availability-binary.csv"])),
    ]
}

extension [String] {
    /// These arguments with the value after each named option replaced.
    func replacing(_ values: [String: String]) -> [String] {
        var arguments = self
        for index in arguments.indices.dropLast() {
            if let value = values[arguments[index]] { arguments[index + 1] = value }
        }
        return arguments
    }
}

@Suite("kapstok schedule and replan on broken input") struct ScheduleBrokenInputTests {
    @Test(arguments: BrokenScheduleRun.all)
    func reportsEveryErrorAndWritesNothing(_ run: BrokenScheduleRun) throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = try ScheduleFixture.scheduled(in: temporary)
        let before = folderState(out)
        #expect(before["sessions.csv"] != nil && before.count > 10)

        let result = try CLI.run(run.arguments.map { $0.replacingOccurrences(of: "$OUT", with: out) })
        #expect(result.exitCode == run.exitCode)
        #expect(result.stdout == "")
        assertSnapshot(temporary.normalise(result.stderr), named: "schedule-broken-\(run.name).stderr.txt")
        if run.exitCode == 65 {
            #expect(result.stderr.hasSuffix("; nothing was written\n"))
        }
        #expect(folderState(out) == before, "a failed run changed the output folder")
    }

    /// A failed run does not create a missing output folder.
    @Test func failedRunCreatesNoFolder() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("round")
        let result = try CLI.run(BrokenScheduleRun.schedule(
            replacing: ["--availability": "schedule-broken/availability-weekday-typo.csv", "--out": out]))
        #expect(result.exitCode == 65)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
