import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an output file or folder could not be written.
public struct FileWriteError: Error, CustomStringConvertible, Sendable {
    /// The file or folder, as given.
    public var path: String
    /// What was being done: "create folder", "write", "replace".
    public var operation: String
    /// The system's reason, lowercase ("permission denied").
    public var reason: String

    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    /// `cannot write 'out/pairings.csv' (permission denied)`.
    public var description: String { "cannot \(operation) '\(path)' (\(reason))" }
}

/// Writes output files so that readers only ever see a complete old or a complete new file.
///
/// Each file is written to a temporary file in the same folder (created with permissions
/// `0600`, owner only, since outputs hold personal data), flushed to disk, then renamed over the
/// target — an atomic replacement on POSIX file systems. ``write(_:in:)`` writes a set of files:
/// every temporary file first, then all renames, so a failure while writing leaves every target
/// untouched and no temporary file behind. Output folders are created with permissions `0700`
/// (existing folders keep theirs).
///
/// Not safe against two processes writing the same target at once (the last rename wins).
public enum AtomicFileWriter {
    /// Writes one file atomically, creating its folder if missing.
    ///
    /// - Throws: ``FileWriteError``; the target is then unchanged.
    public static func write(_ data: Data, to url: URL) throws(FileWriteError) {
        try write([(url.lastPathComponent, data)], in: url.deletingLastPathComponent())
    }

    /// Writes a set of files into a folder: all complete, or (if writing fails) none changed.
    ///
    /// - Parameters:
    ///   - files: file names (no folders) and contents, written in this order.
    ///   - directory: the output folder; created with permissions `0700` if missing.
    /// - Throws: ``FileWriteError``. If a temporary file cannot be written, no target has
    ///   changed. Renames fail only in unusual cases (a target that is a folder); files renamed
    ///   before such a failure stay replaced, each one complete.
    public static func write(_ files: [(name: String, data: Data)], in directory: URL) throws(FileWriteError) {
        try createDirectory(directory)
        var temporaries: [(temporary: String, target: String)] = []
        do {
            for file in files {
                let target = directory.appendingPathComponent(file.name).path
                let temporary = try writeTemporary(file.data, nextTo: target)
                temporaries.append((temporary, target))
            }
        } catch {
            for entry in temporaries { unlink(entry.temporary) }
            throw error
        }
        for (index, entry) in temporaries.enumerated() where rename(entry.temporary, entry.target) != 0 {
            let reason = InputFile.systemMessage(errno)
            for remaining in temporaries[index...] { unlink(remaining.temporary) }
            throw FileWriteError(path: entry.target, operation: "replace", reason: reason)
        }
        syncDirectory(directory.path)
    }

    /// Creates a folder and its missing parents with permissions `0700`.
    ///
    /// - Throws: ``FileWriteError`` if a component exists but is not a folder, or cannot be made.
    public static func createDirectory(_ url: URL) throws(FileWriteError) {
        let path = url.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += prefix.isEmpty || prefix.hasSuffix("/") ? String(component) : "/" + component
            if mkdir(prefix, 0o700) != 0 {
                let code = errno
                var exists: ObjCBool = false
                if code == EEXIST, FileManager.default.fileExists(atPath: prefix, isDirectory: &exists), exists.boolValue {
                    continue
                }
                let reason = code == EEXIST ? "a file with that name exists" : InputFile.systemMessage(code)
                throw FileWriteError(path: prefix, operation: "create folder", reason: reason)
            }
        }
    }

    /// Writes data to a new `0600` temporary file next to `target` and returns its path.
    private static func writeTemporary(_ data: Data, nextTo target: String) throws(FileWriteError) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var descriptor: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(suffix).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            throw FileWriteError(path: target, operation: "write", reason: InputFile.systemMessage(errno))
        }
        let failure = fillAndClose(descriptor, with: data)
        guard failure == 0 else {
            unlink(temporary)
            throw FileWriteError(path: target, operation: "write", reason: InputFile.systemMessage(failure))
        }
        return temporary
    }

    /// Makes a new file `0600`, writes all of `data`, flushes it to disk (unless `sync` is false:
    /// the caller then flushes the whole file system at once) and closes it.
    ///
    /// - Returns: 0, or the first `errno` met (the descriptor is closed either way).
    static func fillAndClose(_ descriptor: Int32, with data: Data, sync: Bool = true) -> Int32 {
        var failure: Int32 = fchmod(descriptor, 0o600) == 0 ? 0 : errno
        if failure == 0 {
            failure = data.withUnsafeBytes { buffer -> Int32 in
                var offset = 0
                while offset < buffer.count {
                    let written = posixWrite(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    offset += written
                }
                return 0
            }
        }
        if failure == 0, sync, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        return failure
    }

    /// Flushes a folder's entries (the renames) to disk; best effort.
    private static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}

/// `write(2)`, under a name that does not clash with ``AtomicFileWriter/write(_:to:)``.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
