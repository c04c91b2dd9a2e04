import Foundation
import Testing

/// `kapstok bench --html FILE` never overwrites what the bench reads or a workspace's own files:
/// exit 73 before anything runs, the file untouched.
@Suite struct BenchHTMLCommandTests {
    @Test func htmlRefusesAnInputFileAndAWorkspaceFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let mentors = folder.path("mentors.csv")
        try Data("id,name\nM1,Ann\n".utf8).write(to: URL(fileURLWithPath: mentors))
        try Data("id,name\nE1,Bob\n".utf8).write(to: URL(fileURLWithPath: folder.path("mentees.csv")))
        // The same file by another spelling (./) and through a symbolic link.
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.html"), withDestinationPath: mentors)
        for target in ["./mentors.csv", "link.html"] {
            let refused = try CLI.run(["bench", "--mentors", "mentors.csv", "--mentees", "mentees.csv", "--html", target], in: folder.url)
            #expect(refused.exitCode == 73, "\(target): \(refused.stderr)")
            #expect(refused.stderr.contains("is the input file 'mentors.csv'; write the report elsewhere"), "\(refused.stderr)")
        }
        #expect(try contents(mentors) == "id,name\nM1,Ann\n")
        // A sheet of a workbook input: the workbook is the input file.
        let workbook = Paths.packageRoot.appendingPathComponent("datasets/sample-xlsx/program.xlsx").path
        try FileManager.default.copyItem(atPath: workbook, toPath: folder.path("program.xlsx"))
        let sheet = try CLI.run(
            ["bench", "--mentors", "program.xlsx#Mentors", "--mentees", "program.xlsx#Mentees", "--html", "program.xlsx"], in: folder.url)
        #expect(sheet.exitCode == 73, "\(sheet.stderr)")
        #expect(sheet.stderr.contains("is the input file 'program.xlsx#Mentors'"), "\(sheet.stderr)")
        #expect(FileManager.default.contentsEqual(atPath: workbook, andPath: folder.path("program.xlsx")))

        // A folder holding a workspace (its database file): its own files are refused.
        let workspace = folder.url.appendingPathComponent("ws", isDirectory: true)
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        try Data("db".utf8).write(to: workspace.appendingPathComponent("kapstok.sqlite"))
        let refused = try CLI.run(["bench", "--sweep", "--html", "ws/kapstok.toml"], in: folder.url)
        #expect(refused.exitCode == 73, "\(refused.stderr)")
        #expect(refused.stderr.contains("is one of the workspace's own files"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("kapstok.toml").path))
    }

    /// The `--out` folder's files are replaced together, so the report may not be one of them
    /// (or any file below it); beside it is fine.
    @Test func htmlRefusesAPlaceInsideTheOutFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sample = Paths.packageRoot.appendingPathComponent("datasets/sample")
        let round = ["bench", "--mentors", sample.appendingPathComponent("mentors.csv").path,
                     "--mentees", sample.appendingPathComponent("mentees.csv").path, "--strategies", "greedy", "--out", "results"]
        for target in ["results/bench.csv", "./results/sub/report.html"] {
            let refused = try CLI.run(round + ["--html", target], in: folder.url)
            #expect(refused.exitCode == 73, "\(target): \(refused.stderr)")
            #expect(refused.stderr.contains("is inside the --out folder 'results'"), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.path("results")), "nothing was written")
        }
        let beside = try CLI.run(round + ["--html", "results.html"], in: folder.url)
        #expect(beside.exitCode == 0, "\(beside.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path("results/bench.csv")))
        #expect(FileManager.default.fileExists(atPath: folder.path("results.html")))
    }
}
