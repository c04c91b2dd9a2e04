import Foundation
import Testing

@testable import KapstokIO

@Suite struct InputFileLimitTests {
    @Test func fileOverTheLimitIsRefusedBeforeReading() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("huge.csv")
        // A sparse file: its size is over the limit, yet it takes no disk space or time.
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("id,name\n".utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(InputFile.maximumSize) + 1)
        try handle.close()
        var diagnostics = DiagnosticCollector()
        let bytes = InputFile.read(url, diagnostics: &diagnostics)
        #expect(bytes == nil)
        #expect(diagnostics.diagnostics.map(\.description) == [
            "\(url.path):1:1: error: file is larger than 256 MiB, the most Kapstok reads (256.0 MiB); is it the right file?"
        ])
        #expect(diagnostics.diagnostics.first?.id == .fileTooLarge)
    }

    /// A named pipe that nothing writes to reads as empty at once; it used to wait forever in
    /// `open(2)` for a writer (`kapstok validate --mentors fifo` hung).
    @Test(.timeLimit(.minutes(1))) func namedPipeWithoutWriterDoesNotHang() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(path, 0o600) == 0)
        switch InputFile.readBytes(atPath: path) {
        case .success(let bytes): #expect(bytes.isEmpty)
        case .failure(let failure): Issue.record("unexpected \(failure.message)")
        }
    }

    @Test func readStopsAtTheLimit() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("m.csv")
        try Data(repeating: 0x41, count: 200_000).write(to: url)
        switch InputFile.readBytes(atPath: url.path, limit: 100_000) {
        case .success: Issue.record("expected the limit to stop the read")
        case .failure(let failure): #expect(failure.isTooLarge)
        }
        switch InputFile.readBytes(atPath: url.path, limit: 200_000) {
        case .success(let bytes): #expect(bytes.count == 200_000)
        case .failure(let failure): Issue.record("unexpected \(failure.message)")
        }
    }

    @Test func sizesReadWell() {
        #expect(InputFile.sizeText(512) == "512 bytes")
        #expect(InputFile.sizeText(300 << 20) == "300.0 MiB")
        #expect(InputFile.sizeText((1 << 20) * 3 / 2) == "1.5 MiB")
    }
}
