import Foundation
import Kapstok
import Testing

@testable import KapstokIO

/// Runs a loader body and returns its diagnostics rendered and sorted.
func rendered(_ body: (inout DiagnosticCollector) -> Void) -> [String] {
    var diagnostics = DiagnosticCollector()
    body(&diagnostics)
    return diagnostics.diagnostics.map(\.description)
}

/// Parses CSV text that is expected to be well-formed.
func parsedTable(_ text: String, file: String = "test.csv", sourceLocation: SourceLocation = #_sourceLocation) -> CSVTable? {
    var diagnostics = DiagnosticCollector()
    let table = CSVReader.read(text: text, file: file, diagnostics: &diagnostics)
    #expect(diagnostics.diagnostics.isEmpty, "unexpected: \(diagnostics.diagnostics)", sourceLocation: sourceLocation)
    return table
}

/// CSV fixtures built on the built-in framework.
enum Fixture {
    static let framework = Framework.builtIn
    static let competencyIDs = framework.competencies.map(\.id)
    static let domainIDs = framework.domains.map(\.id)
    static let frameworkIDs = competencyIDs + domainIDs

    /// `mentors.csv` with the given leading columns and rows; every framework column follows
    /// with the value `level`.
    static func mentors(columns: String = "id,name,capacity", rows: [String], level: Int = 4) -> String {
        let header = columns + "," + frameworkIDs.joined(separator: ",")
        let levels = Array(repeating: String(level), count: frameworkIDs.count).joined(separator: ",")
        return ([header] + rows.map { $0 + "," + levels }).joined(separator: "\n") + "\n"
    }

    /// `mentees.csv` with the given leading columns and rows; every framework column follows
    /// with the value `level` (no target columns).
    static func mentees(columns: String = "id,name", rows: [String], level: Int = 2) -> String {
        let header = columns + "," + frameworkIDs.joined(separator: ",")
        let levels = Array(repeating: String(level), count: frameworkIDs.count).joined(separator: ",")
        return ([header] + rows.map { $0 + "," + levels }).joined(separator: "\n") + "\n"
    }

    /// A fresh temporary folder, removed by the caller with `removeItem`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kapstok-io-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs a tool found on PATH (through `/usr/bin/env`): exit status, standard output, standard error.
func runTool(_ arguments: [String]) throws -> (status: Int32, output: Data, errors: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, outputData, String(decoding: errorData, as: UTF8.self))
}
