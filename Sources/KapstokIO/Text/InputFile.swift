import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of an input file, or a diagnostic saying why it could not be read.
///
/// Files larger than ``maximumSize`` (256 MiB) are refused before they are read, with
/// `file-too-large`; the read itself stops after that many bytes, so a file that grows while it
/// is read (or a pipe) cannot exhaust memory either.
public enum InputFile {
    /// The largest input file read, in bytes: 256 MiB. Reading and parsing a CSV file takes about
    /// 6–7 times its size at peak (measured on generated files), so the limit keeps a run below
    /// 2 GiB; the largest real HR export is a few megabytes.
    public static let maximumSize = 256 << 20

    /// The path shown in diagnostics for a URL: the path exactly as the user gave it.
    public static func displayPath(of url: URL) -> String {
        url.isFileURL ? url.relativePath : url.absoluteString
    }

    /// Reads a whole file.
    ///
    /// - Returns: the bytes, or `nil` after adding `path:1:1: error: cannot read file (reason)`.
    public static func read(_ url: URL, diagnostics: inout DiagnosticCollector) -> [UInt8]? {
        let path = displayPath(of: url)
        switch readBytes(atPath: url.path, limit: maximumSize) {
        case .success(let bytes):
            return bytes
        case .failure(let reason) where reason.isTooLarge:
            diagnostics.error(
                .fileTooLarge,
                "file is larger than \(maximumSize >> 20) MiB, the most Kapstok reads (\(reason.message)); "
                    + "is it the right file?",
                at: Diagnostic.Location(file: path, line: 1, column: 1))
            return nil
        case .failure(let reason):
            diagnostics.error(
                .cannotReadFile, "cannot read file (\(reason.message))",
                at: Diagnostic.Location(file: path, line: 1, column: 1))
            return nil
        }
    }

    /// Why a file could not be read, as a lowercase system message.
    struct ReadFailure: Error {
        var message: String
        /// Whether the file is over the size limit (the message then gives its size).
        var isTooLarge = false
    }

    /// Reads a file with POSIX calls, so the failure carries the system's own reason.
    ///
    /// - Parameter limit: the most bytes accepted; a larger file (by `fstat`, or by what the
    ///   read returns) fails with `isTooLarge`, having read at most `limit` + 64 KiB.
    static func readBytes(atPath path: String, limit: Int = Int.max) -> Result<[UInt8], ReadFailure> {
        // O_NONBLOCK so that opening a named pipe nothing writes to returns at once instead of
        // waiting forever for a writer; it is cleared again so reads block as usual (a pipe
        // without writers then reads as empty, and one with a writer is read to its end).
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 { return .failure(ReadFailure(message: systemMessage(errno))) }
        defer { close(descriptor) }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        var status = stat()
        var expected = 0
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
            let size = Int(status.st_size)
            if size > limit { return .failure(ReadFailure(message: sizeText(size), isTooLarge: true)) }
            expected = size
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if bytes.count > limit { return .failure(ReadFailure(message: "more than \(sizeText(limit))", isTooLarge: true)) }
            let count = chunk.withUnsafeMutableBytes { buffer in
                posixRead(descriptor, buffer.baseAddress, buffer.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(message: systemMessage(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .success(bytes)
    }

    /// A size in MiB with one decimal, or in bytes below 1 MiB: `300.0 MiB`, `512 bytes`.
    static func sizeText(_ bytes: Int) -> String {
        guard bytes >= 1 << 20 else { return "\(bytes) bytes" }
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10) MiB"
    }

    /// The text of an `errno` value with a lowercase first letter ("no such file or directory").
    static func systemMessage(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        let message = String(cString: text)
        guard let first = message.first else { return "error \(code)" }
        return first.lowercased() + message.dropFirst()
    }
}

/// `read(2)`, under a name that does not clash with ``InputFile/read(_:diagnostics:)``.
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
