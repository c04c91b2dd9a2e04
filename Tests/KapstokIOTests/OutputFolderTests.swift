import Foundation
import Testing

@testable import KapstokIO

#if canImport(Glibc)
import Glibc
#endif

@Suite struct OutputFolderTests {
    private func text(_ folder: URL, _ name: String) -> String? {
        FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    private func data(_ text: String) -> Data { Data(text.utf8) }

    @Test func commandsSharingAFolderKeepEachOthersFiles() throws {
        let folder = try Fixture.temporaryDirectory().appendingPathComponent("round")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let output = OutputFolder(folder)
        try output.commit([("pairings.csv", data("p1")), ("summary.json", data("s1"))])
        // A second command owns other files, including a folder of calendars.
        let schedule = OutputFolder.Ownership(names: ["sessions.csv"], prefixes: ["calendars/"])
        try output.commit(
            [("sessions.csv", data("x1")), ("calendars/E1.ics", data("c1")), ("calendars/E2.ics", data("c2"))],
            owning: schedule)
        #expect(text(folder, "pairings.csv") == "p1")
        #expect(text(folder, "calendars/E2.ics") == "c2")
        // The first command writes again: the second's files are carried over unchanged.
        try output.commit([("pairings.csv", data("p2")), ("summary.json", data("s2"))])
        #expect(text(folder, "pairings.csv") == "p2")
        #expect(text(folder, "sessions.csv") == "x1")
        #expect(text(folder, "calendars/E1.ics") == "c1")
        // The second command no longer writes E2's calendar: it disappears, nothing else does.
        try output.commit([("sessions.csv", data("x2")), ("calendars/E1.ics", data("c3"))], owning: schedule)
        #expect(text(folder, "calendars/E2.ics") == nil)
        #expect(text(folder, "calendars/E1.ics") == "c3")
        #expect(text(folder, "summary.json") == "s2")
        // One generation is kept, plus the lock and the `current` link.
        let state = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".kapstok").path)
        #expect(state.count == 3)
    }

    @Test func derivedFilesSeeTheOtherCommandsFilesUnderTheLock() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(folder)
        let match = OutputFolder.Ownership(names: ["pairings.csv"])
        let schedule = OutputFolder.Ownership(names: ["sessions.csv"], prefixes: ["calendars/"])
        // The derived file lists the carried files it was given and this commit's own file.
        func index(_ own: String) -> OutputFolder.Derived {
            OutputFolder.Derived(names: ["index.txt"]) { carried in
                [("index.txt", Data((carried.map { "\($0.name)=\(String(decoding: $0.data, as: UTF8.self))" } + [own]).joined(separator: ";").utf8))]
            }
        }
        try output.commit([("pairings.csv", data("p1"))], owning: match, derived: index("own:p1"))
        #expect(text(folder, "index.txt") == "own:p1")
        try output.commit([("sessions.csv", data("s1")), ("calendars/E1.ics", data("c"))], owning: schedule, derived: index("own:s1"))
        // Only top-level files of the other command are carried; not the old derived file itself.
        #expect(text(folder, "index.txt") == "pairings.csv=p1;own:s1")
        try output.commit([("pairings.csv", data("p2"))], owning: match, derived: index("own:p2"))
        #expect(text(folder, "index.txt") == "sessions.csv=s1;own:p2")
        // A commit without it removes the derived file: it would describe a set that is gone.
        try output.commit([("pairings.csv", data("p3"))], owning: OutputFolder.Ownership(names: ["pairings.csv", "index.txt"]))
        #expect(text(folder, "index.txt") == nil)
        // A derivation returning a name it did not declare fails, and nothing changes.
        let rogue = OutputFolder.Derived(names: ["index.txt"]) { _ in [("other.txt", Data())] }
        #expect(throws: FileWriteError.self) { try output.commit([("pairings.csv", data("p4"))], owning: match, derived: rogue) }
        #expect(text(folder, "pairings.csv") == "p3")
    }

    @Test func ownedFilesMissingFromTheNewSetDisappear() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(folder)
        let owned = OutputFolder.Ownership(names: ["a.csv", "b.csv"])
        try output.commit([("a.csv", data("a")), ("b.csv", data("b"))], owning: owned)
        try output.commit([("a.csv", data("a2"))], owning: owned)
        #expect(text(folder, "a.csv") == "a2")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.csv").path))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("b.csv").path)) == nil)
    }

    @Test func regularFilesOfAnOlderVersionAreTakenOverUnchanged() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try data("old pairings").write(to: folder.appendingPathComponent("pairings.csv"))
        try data("notes").write(to: folder.appendingPathComponent("notes.txt"))
        try OutputFolder(folder).commit([("pairings.csv", data("new pairings"))])
        #expect(text(folder, "pairings.csv") == "new pairings")
        #expect(text(folder, "notes.txt") == "notes", "a file Kapstok does not write is left alone")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("pairings.csv").path)
                == ".kapstok/current/pairings.csv")
    }

    @Test func filesAreOwnerOnly() throws {
        let folder = try Fixture.temporaryDirectory().appendingPathComponent("new/round")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().deletingLastPathComponent()) }
        try OutputFolder(folder).commit([("pairings.csv", data("x"))])
        let resolved = folder.appendingPathComponent("pairings.csv").resolvingSymlinksInPath().path
        let attributes = try FileManager.default.attributesOfItem(atPath: resolved)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        for path in [folder.path, folder.appendingPathComponent(".kapstok").path] {
            let folderAttributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((folderAttributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        }
    }

    @Test func aSecondWriterWaitsThenStopsWithAClearMessage() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(folder)
        try output.commit([("pairings.csv", data("first"))])
        // Another writer holds the lock (flock locks conflict between open file descriptions,
        // also within one process).
        let descriptor = open(folder.appendingPathComponent(".kapstok/lock").path, O_RDWR)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        _ = "pid 4242: kapstok schedule\n".withCString { pwrite(descriptor, $0, strlen($0), 0) }
        let started = Date()
        do {
            try output.commit([("pairings.csv", data("second"))], waitSeconds: 0.3)
            Issue.record("the commit must not proceed while another writer holds the lock")
        } catch {
            #expect(error.description.contains("another kapstok run is writing it (pid 4242: kapstok schedule)"))
            #expect(error.description.contains("nothing was changed"))
        }
        #expect(Date().timeIntervalSince(started) >= 0.3)
        #expect(text(folder, "pairings.csv") == "first")
        // Once the other writer is done, the commit goes through.
        flock(descriptor, LOCK_UN)
        try output.commit([("pairings.csv", data("second"))], waitSeconds: 0.3)
        #expect(text(folder, "pairings.csv") == "second")
    }

    @Test func leftoversOfAKilledRunAreRemovedByTheNextCommit() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(folder)
        try output.commit([("pairings.csv", data("first"))])
        // What a run killed before its switch leaves: a half-written generation and a temporary link.
        let state = folder.appendingPathComponent(".kapstok")
        try FileManager.default.createDirectory(at: state.appendingPathComponent("g-1-2-abc"), withIntermediateDirectories: false)
        try data("personal data").write(to: state.appendingPathComponent("g-1-2-abc/pairings.csv"))
        #expect(symlink(".kapstok/current/x", folder.appendingPathComponent(".kapstok-link-1-2-abc").path) == 0)
        // And a temporary file of the previous writer (Kapstok 0.1's AtomicFileWriter).
        try data("personal data").write(to: folder.appendingPathComponent(".unmatched.csv.k3v9x2.tmp"))
        #expect(text(folder, "pairings.csv") == "first")
        try output.commit([("pairings.csv", data("second"))])
        #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("g-1-2-abc").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".kapstok", "pairings.csv"])
    }

    @Test(arguments: ["", "/etc/passwd", "../x.csv", "a/../b", ".hidden", "a//b", "x\u{0}y"])
    func refusesNamesOutsideTheFolder(name: String) throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: FileWriteError.self) { try OutputFolder(folder).commit([(name, Data("x".utf8))]) }
    }

    @Test func aFolderWhereAnOutputGoesIsAnErrorAndNothingChanges() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("summary.json"), withIntermediateDirectories: false)
        #expect(throws: FileWriteError.self) {
            try OutputFolder(folder).commit([("pairings.csv", Data("x".utf8)), ("summary.json", Data("{}".utf8))])
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pairings.csv").path))
    }
}
