import Foundation
import Testing

// Golden tests for the `kapstok` command line: they run the built binary as a subprocess on
// the CSV files in `Fixtures/` and compare its exit code, standard output, standard error and
// output files with the golden files in `Snapshots/`.
//
// - The binary is the `kapstok` executable SwiftPM builds next to the test bundle (see
//   `CLI.binary`); `KAPSTOK_BINARY=/path/to/kapstok` overrides the search.
// - Fixtures and snapshots are read from the source tree through `#filePath`, so the tests work
//   on a fresh clone and a snapshot can be re-recorded in place.
// - A snapshot is recorded when it is missing or when `RECORD_SNAPSHOTS` is set; recording
//   fails the test, so a run that records is never green. Re-run without the variable.
// - Only what legitimately varies between runs is normalised: the temporary folder's path
//   (shown as `$TMP`) and the solve time (`"solve_seconds": <SECONDS>` in summary.json,
//   `solve time  <SECONDS> s` on the terminal).

/// Paths of the test sources, found from this file's own path.
enum Paths {
    /// `Tests/KapstokCLITests/`.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// Input files; also the working directory of most runs, so diagnostics show short,
    /// machine-independent relative paths such as `broken/mentors-duplicate-id.csv`.
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures", isDirectory: true)
    /// Golden outputs.
    static let snapshots = testsDirectory.appendingPathComponent("Snapshots", isDirectory: true)
    /// The package root (holds `Package.swift` and `datasets/sample`).
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
}

/// What a run of the binary produced.
struct CommandResult: Sendable {
    var exitCode: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The built `kapstok` executable, or `nil` when it cannot be found.
    ///
    /// SwiftPM puts every product of a build in one folder (`<scratch>/debug/`, a link to
    /// `<scratch>/<triple>/debug/`): the test bundle (`KapstokPackageTests.xctest`, an executable
    /// on Linux, a bundle on macOS) sits next to the `kapstok` executable. So start from the
    /// running test process (`Bundle.main`, the loaded bundles, `argv[0]`) and walk up the
    /// folders until one holds an executable regular file named `kapstok`.
    static let binary: URL? = locateBinary()

    private static func locateBinary() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment["KAPSTOK_BINARY"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var starts: [URL] = []
        if let executable = Bundle.main.executableURL { starts.append(executable) }
        starts.append(Bundle.main.bundleURL)
        starts += Bundle.allBundles.map(\.bundleURL)
        if let argument = CommandLine.arguments.first {
            starts.append(URL(fileURLWithPath: argument))
        }
        for start in starts {
            var folder = start.resolvingSymlinksInPath()
            while folder.pathComponents.count > 1 {
                let candidate = folder.appendingPathComponent("kapstok")
                if isExecutableFile(candidate) { return candidate }
                folder.deleteLastPathComponent()
            }
        }
        return nil
    }

    private static func isExecutableFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: url.path)
    }

    /// Runs `kapstok` with these arguments in `directory` and waits for it (at most `timeout`
    /// seconds). Standard output and error go to files, so a chatty run cannot fill a pipe and
    /// block.
    static func run(
        _ arguments: [String], in directory: URL = Paths.fixtures, timeout: TimeInterval = 300,
        environment extra: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CommandResult {
        let binary = try #require(
            binary, "no built 'kapstok' executable next to the test bundle; build it or set KAPSTOK_BINARY",
            sourceLocation: sourceLocation)
        let capture = try TemporaryFolder()
        defer { capture.remove() }
        let stdoutURL = capture.url.appendingPathComponent("stdout")
        let stderrURL = capture.url.appendingPathComponent("stderr")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"  // a fixed width for ArgumentParser's usage and help text
        environment["LINES"] = "24"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            Issue.record("kapstok \(arguments.joined(separator: " ")) ran longer than \(Int(timeout)) s",
                         sourceLocation: sourceLocation)
        }
        try stdout.close()
        try stderr.close()
        return CommandResult(
            exitCode: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
    }
}

/// A fresh temporary folder; `remove()` deletes it.
struct TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kapstok-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder (not created).
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Replaces this folder's path (as given, and with symbolic links resolved, e.g. macOS's
    /// `/private/var/…`) with `$TMP`.
    func normalise(_ text: String) -> String {
        var text = text
        for path in Set([url.path, url.resolvingSymlinksInPath().path]).sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: path, with: "$TMP")
        }
        return text
    }
}

/// The values that legitimately differ between two identical runs.
enum Normalise {
    /// `"solve_seconds": 0.013` → `"solve_seconds": <SECONDS>` (summary.json).
    static func summaryJSON(_ text: String) -> String {
        text.replacing(/"solve_seconds": [-+0-9.eE]+/, with: "\"solve_seconds\": <SECONDS>")
    }

    /// `solve time        0.013 s` → `solve time        <SECONDS> s` (the terminal summary).
    static func terminal(_ text: String) -> String {
        text.replacing(/(?<label>solve time +)[0-9.]+ s/) { match in "\(match.label)<SECONDS> s" }
    }
}

/// Reads a file as text (UTF-8; invalid bytes become U+FFFD, which then shows in a diff).
func contents(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}

/// Compares `actual` with the golden file `Snapshots/<name>`, exactly.
///
/// Records the golden file instead when it is missing or `RECORD_SNAPSHOTS` is set, and then
/// fails, so recording is never mistaken for a pass.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = Paths.snapshots.appendingPathComponent(name)
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
    guard !record, let data = FileManager.default.contents(atPath: url.path) else {
        do {
            try FileManager.default.createDirectory(at: Paths.snapshots, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            Issue.record("recorded snapshot Snapshots/\(name); check it, then run again without RECORD_SNAPSHOTS",
                         sourceLocation: sourceLocation)
        } catch {
            Issue.record("cannot record snapshot Snapshots/\(name): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if actual != expected {
        Issue.record("""
            output differs from Snapshots/\(name) (- expected, + actual; RECORD_SNAPSHOTS=1 re-records):
            \(lineDiff(expected: expected, actual: actual))
            """, sourceLocation: sourceLocation)
    }
}

/// The lines that differ, `-` for expected only and `+` for actual only, with line numbers.
/// Line endings are made visible, since a lost `\r` is a real difference here.
func lineDiff(expected: String, actual: String) -> String {
    func visible(_ text: String) -> [String] {
        lines(text).map { $0.replacingOccurrences(of: "\r", with: "␍") }
    }
    let old = visible(expected)
    let new = visible(actual)
    var output: [String] = []
    for change in new.difference(from: old) {
        switch change {
        case .remove(let offset, let line, _): output.append("- \(offset + 1): \(line)")
        case .insert(let offset, let line, _): output.append("+ \(offset + 1): \(line)")
        }
    }
    return output.isEmpty ? "(the texts differ only in invisible characters)" : output.joined(separator: "\n")
}

/// The lines of a text split at every `\n`, keeping a `\r` before it. (Splitting the `String`
/// itself would not split at CRLF: `"\r\n"` is one `Character`.)
func lines(_ text: String) -> [String] {
    text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
}

/// The fields of a CSV line (commas, double-quoted fields with `""` escapes; no line breaks
/// inside fields, which Kapstok's outputs never have).
func csvFields(_ line: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var characters = line.makeIterator()
    var previousWasQuote = false
    while let character = characters.next() {
        if quoted {
            if character == "\"" {
                quoted = false
                previousWasQuote = true
            } else {
                field.append(character)
            }
            continue
        }
        switch character {
        case "\"":
            if previousWasQuote { field.append("\"") }
            quoted = true
        case ",":
            fields.append(field)
            field = ""
        default:
            field.append(character)
        }
        previousWasQuote = false
    }
    fields.append(field)
    return fields
}

/// The (mentee, mentor) id pairs of a `pairings.csv`.
func pairs(inPairingsCSV text: String) -> [(mentee: String, mentor: String)] {
    lines(text).dropFirst().filter { !$0.isEmpty }.map { line in
        let fields = csvFields(line)
        return (fields[0], fields.count > 2 ? fields[2] : "")
    }
}

/// Every file under a folder with its bytes, by relative path.
func folderContents(_ url: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return result }
    let base = url.resolvingSymlinksInPath().path
    for case let file as URL in enumerator {
        let path = file.resolvingSymlinksInPath().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
        let relative = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
        result[relative] = FileManager.default.contents(atPath: path)
    }
    return result
}
