import Foundation
import Kapstok
import Testing
@testable import KapstokStore

/// Errors from other threads, collected for the test to check.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []

    func add(_ error: Error) {
        lock.lock()
        errors.append(String(describing: error))
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return errors
    }
}

@Suite("Workspace concurrency and backup")
struct WorkspaceConcurrencyTests {
    @Test("two Workspace instances on one file write from two threads at once: every write lands, none is refused")
    func concurrentWriters() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let place = folder.appending("ws")
        _ = try peopleWorkspace(folder)
        let instances = [try Workspace.open(at: place), try Workspace.open(at: place)]
        let errors = ErrorBox()
        let writes = 150
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            let mentee = thread == 0 ? "E01" : "E02"
            for index in 0..<writes {
                do {
                    try instances[thread].addCheckIn(CheckIn(
                        menteeID: mentee, itemID: "leader.vision", level: index % 6, date: programStart.adding(days: index),
                        assessor: .selfAssessment, evidence: "write \(index)"))
                } catch {
                    errors.add(error)
                }
            }
        }
        #expect(errors.all == [])
        // 2 threads × 150 writes, each its own transaction.
        #expect(try instances[0].checkIns().count == 2 * writes)
        #expect(try instances[1].checkIns(mentee: "E02").count == writes)
    }

    @Test("a backup taken while another thread writes opens, is consistent, and is 0600")
    func backupWhileWriting() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let workspace = try peopleWorkspace(folder)
        let writer = try Workspace.open(at: folder.appending("ws"))
        let copyFolder = folder.appending("copy")
        try FileManager.default.createDirectory(at: copyFolder, withIntermediateDirectories: true)
        let copy = WorkspaceLayout.databaseURL(in: copyFolder)
        let errors = ErrorBox()
        let total = 300
        let done = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            for index in 0..<total {
                do {
                    // Each write adds a goal and its check-in in one transaction: a consistent copy has as many of each.
                    _ = try writer.importGoals([draftGoal("E01", "M01", item: "leader.vision")], at: t0, actor: "w")
                    _ = index
                } catch {
                    errors.add(error)
                }
                if index == 20 { started.signal() }
            }
            done.signal()
        }
        started.wait()
        try workspace.backup(to: copy)
        done.wait()
        #expect(errors.all == [])
        #expect(permissions(copy.path) == 0o600)
        #expect(!FileManager.default.fileExists(atPath: copyFolder.appendingPathComponent(".kapstok.sqlite.\(ProcessInfo.processInfo.processIdentifier).tmp").path))
        let restored = try Workspace.open(at: copyFolder)
        #expect(try restored.scalar(sql: "PRAGMA integrity_check") == "ok")
        let goals = try restored.goals().count
        let events = try Int(#require(try restored.scalar(sql: "SELECT COUNT(*) FROM goal_events"))) ?? -1
        #expect(goals >= 21 && goals <= total)
        #expect(events == goals)
        #expect(try restored.mentees().map(\.id) == ["E01", "E02"])
        #expect(try workspace.goals().count == total)
    }
}
