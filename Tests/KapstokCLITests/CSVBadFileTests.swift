import Foundation
import Testing

/// One real bad HR file of a class the CSV reader handles, run through `kapstok validate` as
/// the mentors file with the valid mentees file.
struct BadCSVFile: Sendable, CustomTestStringConvertible {
    /// The file in `Fixtures/bad/`, without `.csv`; its snapshot is `bad-<name>.stderr.txt`.
    var name: String
    /// The exit code: 65 for input errors, 0 for files that are odd but read fine.
    var exitCode: Int32

    var testDescription: String { name }

    static let all: [BadCSVFile] = [
        BadCSVFile(name: "csv-title-row", exitCode: 65),
        BadCSVFile(name: "csv-sep-line", exitCode: 0),
        BadCSVFile(name: "csv-tab-separated", exitCode: 0),
        BadCSVFile(name: "csv-swallowed-quote", exitCode: 65),
        BadCSVFile(name: "csv-wrong-separator-row", exitCode: 65),
        BadCSVFile(name: "csv-excel-workbook", exitCode: 65),
        BadCSVFile(name: "csv-invalid-utf8-byte", exitCode: 65),
        BadCSVFile(name: "csv-escape-in-header", exitCode: 65),
        BadCSVFile(name: "csv-huge-cell", exitCode: 65),
        // A title with several cells above the header: one title-row error, not also a
        // too-many-fields error for every record under it.
        BadCSVFile(name: "csv-title-row-cells", exitCode: 65),
        // `id,,,,…`: a header whose other names were lost, not a title above the first record.
        BadCSVFile(name: "csv-header-names-lost", exitCode: 65),
    ]
}

@Suite("bad CSV files") struct CSVBadFileTests {
    @Test(arguments: BadCSVFile.all)
    func badFileGivesGoldenDiagnostics(_ file: BadCSVFile) throws {
        let result = try CLI.run(["validate", "--mentors", "bad/\(file.name).csv", "--mentees", "valid/mentees.csv"])
        #expect(result.exitCode == file.exitCode)
        assertSnapshot(result.stderr, named: "bad-\(file.name).stderr.txt")
        if file.exitCode == 0 {
            #expect(result.stderr == "")
            #expect(result.stdout == "ok: 6 mentees, 12 mentors, 61 allowed pairs, 0 rules, 0 history entries\n")
        } else {
            #expect(result.stdout == "")
        }
        // Nothing from the file reaches the terminal raw: no control character but the line
        // breaks, and no line longer than a diagnostic can be.
        #expect(!result.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        #expect(lines(result.stderr).allSatisfy { $0.unicodeScalars.count < 1_200 })
    }

    /// The attack from the issue: a header that clears the screen and prints a fake "ok". Also
    /// through `match`, which must write nothing.
    @Test func escapeSequencesInAHeaderNeverReachTheTerminal() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("out")
        let result = try CLI.run(["match", "--mentors", "bad/csv-escape-in-header.csv", "--mentees", "valid/mentees.csv", "--out", out])
        #expect(result.exitCode == 65)
        #expect(!result.stderr.utf8.contains(0x1B))
        #expect(!result.stdout.utf8.contains(0x1B))
        #expect(result.stderr.contains("\\u{1B}[2J"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func fileOverTheSizeLimitIsRefusedWithOneError() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let path = temporary.path("mentors.csv")
        #expect(FileManager.default.createFile(atPath: path, contents: Data("id,name\n".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 300 << 20)  // sparse: no disk space, no time
        try handle.close()
        let result = try CLI.run(["validate", "--mentors", path, "--mentees", "valid/mentees.csv"])
        #expect(result.exitCode == 65)
        #expect(temporary.normalise(result.stderr) == """
            $TMP/mentors.csv:1:1: error: file is larger than 256 MiB, the most Kapstok reads (300.0 MiB); is it the right file?
            1 error; nothing was written

            """)
    }
}
