import Foundation
import Testing

/// `--xlsx`: `round.xlsx` beside the CSV files, checked by two independent readers (openpyxl
/// and LibreOffice, `Scripts/compare_round_xlsx.py` and `Scripts/check_xlsx.py`) against the
/// CSV files of the same folder, on the sample company (`datasets/sample/`).
@Suite("kapstok --xlsx") struct WorkbookOutputCommandTests {
    static let sample = Paths.packageRoot.appendingPathComponent("datasets/sample").path
    static let round = [
        "--mentors", sample + "/mentors.csv", "--mentees", sample + "/mentees.csv", "--constraints", sample + "/constraints.csv",
        "--history", sample + "/history.csv", "--config", sample + "/kapstok.toml",
    ]

    /// Runs a script of `Scripts/` with python3; its exit status and output.
    func script(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Paths.packageRoot.appendingPathComponent("Scripts/" + name).path] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    @Test func matchThenScheduleGiveOneWorkbookWithEveryResult() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("round")
        let matched = try CLI.run(["match"] + Self.round + ["--out", out, "--xlsx", "--csv-dialect", "excel-semicolon"])
        #expect(matched.exitCode == 0, "\(matched.stderr)")
        let scheduled = try CLI.run([
            "schedule", "--pairings", out + "/pairings.csv", "--availability", Self.sample + "/availability.csv",
            "--absences", Self.sample + "/absences.csv", "--mentors", Self.sample + "/mentors.csv",
            "--mentees", Self.sample + "/mentees.csv", "--config", Self.sample + "/kapstok.toml", "--out", out, "--xlsx",
        ])
        #expect(scheduled.exitCode == 0, "\(scheduled.stderr)")
        let shape = try script("check_xlsx.py", [out + "/round.xlsx"])
        try #require(shape.status == 0, "check_xlsx.py (needs python3 with openpyxl): \(shape.errors)")
        let names = try #require(try JSONSerialization.jsonObject(with: Data(shape.output.utf8)) as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(names == ["Pairings", "Unmatched", "Summary", "Sessions", "Unscheduled", "Schedule"])
        // Every cell of pairings.csv (decimal comma), unmatched.csv, sessions.csv and unscheduled.csv, in both readers.
        let compared = try script("compare_round_xlsx.py", [out])
        #expect(compared.status == 0, "compare_round_xlsx.py (needs openpyxl and LibreOffice Calc): \(compared.errors)")
        #expect(compared.output.hasPrefix("ok: 4 sheets"), "\(compared.output)")
    }

    @Test func aWorkbookNotAskedForIsRemovedWithTheRunItDescribed() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("round")
        #expect(try CLI.run(["match"] + Self.round + ["--out", out, "--xlsx"]).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/round.xlsx"))
        #expect(try CLI.run(["match"] + Self.round + ["--out", out]).exitCode == 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/round.xlsx"))
        #expect(FileManager.default.fileExists(atPath: out + "/pairings.csv"))
    }

    @Test func configurationAsksForTheWorkbookAndTheBenchGetsItsStrategies() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let configuration = temporary.path("kapstok.toml")
        let text = try String(contentsOfFile: Self.sample + "/kapstok.toml", encoding: .utf8) + "\n[output]\nxlsx = true\n"
        try text.write(toFile: configuration, atomically: true, encoding: .utf8)
        let out = temporary.path("bench")
        let bench = try CLI.run([
            "bench", "--mentors", Self.sample + "/mentors.csv", "--mentees", Self.sample + "/mentees.csv",
            "--config", configuration, "--strategies", "optimal,greedy", "--out", out,
        ])
        #expect(bench.exitCode == 0, "\(bench.stderr)")
        let shape = try script("check_xlsx.py", [out + "/round.xlsx"])
        try #require(shape.status == 0, "check_xlsx.py: \(shape.errors)")
        let names = try #require(try JSONSerialization.jsonObject(with: Data(shape.output.utf8)) as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(names.first == "Strategies")
        #expect(names.contains("Pairings optimal") && names.contains("Pairings greedy"))
        let compared = try script("compare_round_xlsx.py", [out])
        #expect(compared.status == 0, "\(compared.errors)")
        #expect(compared.output.hasPrefix("ok: 3 sheets"), "\(compared.output)")
    }
}
