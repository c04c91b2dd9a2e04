import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of an input file, or a diagnostic saying why it could not be read.
public enum InputFile {
    /// The path shown in diagnostics for a URL: the path exactly as the user gave it.
    public static func displayPath(of url: URL) -> String {
        url.isFileURL ? url.relativePath : url.absoluteString
    }

    /// Reads a whole file.
    ///
    /// - Returns: the bytes, or `nil` after adding `path:1:1: error: cannot read file (reason)`.
    public static func read(_ url: URL, diagnostics: inout DiagnosticCollector) -> [UInt8]? {
        let path = displayPath(of: url)
        switch readBytes(atPath: url.path) {
        case .success(let bytes):
            return bytes
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
    }

    /// Reads a file with POSIX calls, so the failure carries the system's own reason.
    static func readBytes(atPath path: String) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(path, O_RDONLY)
        if descriptor < 0 { return .failure(ReadFailure(message: systemMessage(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
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
