import Foundation
import Kapstok
import Testing
@testable import KapstokStore

@Suite("Workspace import")
struct WorkspaceImportTests {
    @Test("the report lists added, updated (field by field), unchanged and missing people; missing ones are kept but inactive")
    func importReport() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let workspace = try Workspace.create(at: folder.appending("ws"), name: "T", configurationText: nil)
        let first = try workspace.importData(
            ImportBatch(mentors: [mentor("M01"), mentor("M02")], mentees: [mentee("E01")]), at: t0, actor: "hr")
        #expect(first[.mentors] == KindReport(kind: .mentors, addedIDs: ["M01", "M02"], addedCount: 2))
        #expect(first[.mentees] == KindReport(kind: .mentees, addedIDs: ["E01"], addedCount: 1))
        #expect(first[.org] == nil)

        // M01: capacity 2 → 3 and leader.vision (first competency) 4 → 5; M02 as before; M03 new.
        var changed = mentor("M01", capacity: 3)
        changed.competencyLevels[0] = 5
        let second = try workspace.importData(
            ImportBatch(mentors: [changed, mentor("M02"), mentor("M03")]), at: t0, actor: "hr")
        let report = try #require(second[.mentors])
        #expect(report.addedIDs == ["M03"])
        #expect(report.unchanged == 1)
        #expect(report.missing == [])
        #expect(report.updated.map(\.description) == ["M01: capacity 2 → 3, leader.vision 4 → 5"])
        #expect(second[.mentees] == nil)

        // Only M02 in the file: M01 and M03 are kept (listed), and rounds leave them out.
        var renamed = mentor("M02")
        renamed.email = nil
        let third = try workspace.importData(ImportBatch(mentors: [renamed]), at: t0, actor: "hr")
        #expect(third[.mentors]?.missing == ["M01", "M03"])
        #expect(third[.mentors]?.updated.map(\.description) == ["M02: email m02@example.org → (none)"])
        #expect(try workspace.roundInputs(configuration: Configuration()).mentors.map(\.id) == ["M02"])
        #expect(try workspace.mentors().map(\.id) == ["M02", "M01", "M03"])
        // And back in a later file, they are active again, with their stored values.
        _ = try workspace.importData(ImportBatch(mentors: [changed, renamed]), at: t0, actor: "hr")
        #expect(try workspace.roundInputs(configuration: Configuration()).mentors == [changed, renamed])
    }

    @Test("rows without ids are replaced and counted as added, removed and unchanged")
    func rowKinds() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let workspace = try peopleWorkspace(folder)
        let window = TimeWindow(start: ClockTime(hours: 9, minutes: 0), end: ClockTime(hours: 12, minutes: 0))
        let rules = [PairRule(menteeID: "E01", mentorID: "M01", kind: .forbid, reason: "same team"),
                     PairRule(menteeID: "E02", mentorID: "M02", kind: .require)]
        let absences = [Absence(personID: "M01", from: CalendarDate(year: 2027, month: 3, day: 1),
                                to: CalendarDate(year: 2027, month: 3, day: 5), reason: "leave")]
        let availability = [AvailabilityWindow(personID: "M01", weekday: .tuesday, window: window)]
        _ = try workspace.importData(
            ImportBatch(org: [OrgEntry(id: "M01"), OrgEntry(id: "E01", managerID: "M01")], rules: rules,
                        history: [HistoryEntry(menteeID: "E01", mentorID: "M02", round: "2026")],
                        availability: availability, absences: absences), at: t0, actor: "hr")
        // Second import: one rule kept, one new (2 rows: 1 unchanged, 1 added, 1 removed); org: E01's manager changed.
        let report = try workspace.importData(
            ImportBatch(org: [OrgEntry(id: "E01", managerID: "M02")],
                        rules: [rules[0], PairRule(menteeID: "E02", mentorID: "M01", kind: .forbid)]), at: t0, actor: "hr")
        #expect(report[.rules] == KindReport(kind: .rules, addedCount: 1, unchanged: 1, removed: 1))
        #expect(report[.org]?.updated.map(\.description) == ["E01: manager_id M01 → M02"])
        #expect(report[.org]?.removed == 1)
        let round = try workspace.roundInputs(configuration: Configuration())
        #expect(round.rules == [rules[0], PairRule(menteeID: "E02", mentorID: "M01", kind: .forbid)])
        #expect(round.history == [HistoryEntry(menteeID: "E01", mentorID: "M02", round: "2026")])
        #expect(round.org == [OrgEntry(id: "E01", managerID: "M02")])
        #expect(try workspace.availability() == availability)
        #expect(try workspace.absences() == absences)
    }

    @Test("a framework import reports items and people keep their levels by item id")
    func frameworkImport() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let workspace = try Workspace.create(at: folder.appending("ws"), name: "T", configurationText: nil)
        let one = Framework(items: [
            FrameworkItem(id: "a", name: "A", kind: .competency, group: "leader"),
            FrameworkItem(id: "b", name: "B", kind: .competency, group: "coach"),
        ])
        let first = try workspace.importData(
            ImportBatch(framework: one, mentees: [Mentee(id: "E01", name: "E", currentLevels: [1, 2], targetLevels: [4, nil])]),
            at: t0, actor: "hr")
        #expect(first[.framework]?.addedIDs == ["a", "b"])
        // b first now, a weighs 2, c is new.
        let two = Framework(items: [
            FrameworkItem(id: "b", name: "B", kind: .competency, group: "coach"),
            FrameworkItem(id: "a", name: "A", kind: .competency, group: "leader", weight: 2),
            FrameworkItem(id: "c", name: "C", kind: .competency, group: "coach"),
        ])
        let second = try workspace.importData(ImportBatch(framework: two), at: t0, actor: "hr")
        #expect(second[.framework] == KindReport(
            kind: .framework, addedIDs: ["c"], addedCount: 1,
            updated: [RecordChange(id: "a", changes: [FieldChange(field: "weight", oldValue: "1", newValue: "2")])], unchanged: 1))
        // Levels follow the new order; c has none stored: level 0, default target.
        let stored = try #require(try workspace.mentees().first)
        #expect(stored.currentLevels == [2, 1, 0])
        #expect(stored.targetLevels == [nil, 4, nil])
    }

    @Test("5,000 people import in one transaction, fast (figure printed)")
    func importSpeed() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let workspace = try Workspace.create(at: folder.appending("ws"), name: "T", configurationText: nil)
        let mentors = (0..<1_000).map { mentor("M\($0)", level: $0 % 6) }
        let mentees = (0..<4_000).map { mentee("E\($0)", level: $0 % 4) }
        var report: ImportReport?
        let first = try timed {
            report = try workspace.importData(ImportBatch(mentors: mentors, mentees: mentees), at: t0, actor: "hr")
        }
        #expect(report?[.mentors]?.addedCount == 1_000)
        #expect(report?[.mentees]?.addedCount == 4_000)
        // Again with every mentee changed once: all compared, 4,000 updated.
        let changed = mentees.map { var copy = $0; copy.grade = 6; return copy }
        let second = try timed {
            report = try workspace.importData(ImportBatch(mentors: mentors, mentees: changed), at: t0, actor: "hr")
        }
        #expect(report?[.mentors]?.unchanged == 1_000)
        #expect(report?[.mentees]?.updated.count == 4_000)
        print("import of 5,000 people: \(shown(first)) (new); \(shown(second)) (4,000 updated, 1,000 unchanged)")
        #expect(first.cpu < .seconds(5))
        #expect(second.cpu < .seconds(5))
    }
}
