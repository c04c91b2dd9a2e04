import Foundation
import Kapstok
@testable import KapstokStore

/// A fresh folder under the temporary directory, removed by `cleanUp()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kapstok-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func appending(_ name: String) -> URL { url.appendingPathComponent(name) }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// The permission bits of a file (`0o600`), or nil when it does not exist.
func permissions(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
}

let t0 = "2027-02-01T09:00:00Z"
let programStart = CalendarDate(year: 2027, month: 2, day: 1)
let programEnd = CalendarDate(year: 2027, month: 7, day: 30)

/// A mentor of the built-in framework (9 competencies, 5 domains), levels all `level`.
func mentor(_ id: String, capacity: Double? = 2, level: Int = 4) -> Mentor {
    Mentor(id: id, name: "Mentor \(id)", email: "\(id.lowercased())@example.org", grade: 10, languages: ["nl", "en"],
           capacity: capacity, competencyLevels: Array(repeating: level, count: 9), domainExpertise: Array(repeating: 3, count: 5))
}

/// A mentee of the built-in framework, levels all `level`, default targets.
func mentee(_ id: String, level: Int = 2) -> Mentee {
    Mentee(id: id, name: "Mentee \(id)", grade: 5, languages: ["nl"], currentLevels: Array(repeating: level, count: 9),
           targetLevels: Array(repeating: nil, count: 9), domainInterest: Array(repeating: 2, count: 5))
}

func time(_ day: Int, _ hour: Int, month: Int = 3) -> LocalDateTime {
    LocalDateTime(date: CalendarDate(year: 2027, month: month, day: day), time: ClockTime(hours: hour, minutes: 0))
}

func session(_ mentee: String, _ mentor: String, _ number: Int, day: Int, hour: Int = 10) -> Session {
    Session(id: SessionIdentity.id(program: "Test", menteeID: mentee, mentorID: mentor, number: number),
            menteeID: mentee, mentorID: mentor, number: number, start: time(day, hour), end: time(day, hour + 1))
}

func draftGoal(_ mentee: String, _ mentor: String, item: String, baseline: Int = 2, target: Int = 4) -> Goal {
    Goal(id: "", menteeID: mentee, mentorID: mentor, itemID: item, baseline: baseline, target: target, start: programStart,
         due: programEnd, title: "\(item): from \(baseline) to \(target)", reason: "gap \(target - baseline)")
}

/// A workspace with mentors M01, M02 and mentees E01, E02 (built-in framework).
func peopleWorkspace(_ folder: TemporaryFolder) throws -> Workspace {
    let workspace = try Workspace.create(at: folder.appending("ws"), name: "Test", configurationText: nil)
    _ = try workspace.importData(
        ImportBatch(mentors: [mentor("M01"), mentor("M02")], mentees: [mentee("E01"), mentee("E02")]), at: t0, actor: "hr")
    return workspace
}

/// Wall-clock and process CPU time of `body` (CPU time counts every thread of the process, so
/// it stays meaningful on a machine busy with other builds; run the timed tests one at a time).
func timed(_ body: () throws -> Void) rethrows -> (wall: Duration, cpu: Duration) {
    func cpuNow() -> Duration {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
    }
    let clock = ContinuousClock()
    let cpuStart = cpuNow()
    let start = clock.now
    try body()
    return (clock.now - start, cpuNow() - cpuStart)
}

/// `12.3 ms wall, 10.1 ms CPU`.
func shown(_ figures: (wall: Duration, cpu: Duration)) -> String {
    func ms(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return String(format: "%.1f ms", value)
    }
    return "\(ms(figures.wall)) wall, \(ms(figures.cpu)) CPU"
}
