import Foundation
import Testing

@testable import KapstokIO

@Suite struct AtomicFileWriterTests {
    private func permissions(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func writesWithOwnerOnlyPermissionsAndLeavesNoTemporaryFiles() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("pairings.csv")
        try AtomicFileWriter.write(Data("a,b\n".utf8), to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "a,b\n")
        #expect(try permissions(target) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pairings.csv"])
    }

    @Test func replacesAnExistingFile() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("summary.json")
        try Data("old and longer".utf8).write(to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target.path)
        try AtomicFileWriter.write(Data("new".utf8), to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        #expect(try permissions(target) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["summary.json"])
    }

    @Test func createsMissingFoldersOwnerOnly() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out/round-1")
        try AtomicFileWriter.write(
            [("pairings.csv", Data("x\n".utf8)), ("unmatched.csv", Data("y\n".utf8)), ("summary.json", Data("{}\n".utf8))],
            in: output)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == [
            "pairings.csv", "summary.json", "unmatched.csv",
        ])
        #expect(try permissions(output) == 0o700)
        #expect(try permissions(folder.appendingPathComponent("out")) == 0o700)
    }

    @Test func failedSetLeavesTargetsUntouched() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("pairings.csv")
        try Data("old".utf8).write(to: first)
        // A name with a missing subfolder cannot get a temporary file: the whole set fails
        // before any rename.
        #expect(throws: FileWriteError.self) {
            try AtomicFileWriter.write(
                [("pairings.csv", Data("new".utf8)), ("missing/summary.json", Data("{}".utf8))], in: folder)
        }
        #expect(try String(contentsOf: first, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pairings.csv"])
    }

    @Test func folderPathThatIsAFileIsAnError() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("taken")
        try Data().write(to: file)
        do {
            try AtomicFileWriter.write(Data("x".utf8), to: file.appendingPathComponent("out.csv"))
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "cannot create folder '\(file.path)' (a file with that name exists)")
        }
    }
}
