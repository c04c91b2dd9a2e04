import Foundation
import Testing

/// The helpers the golden tests rely on: normalisation must touch only what varies.
@Suite struct CLITestSupportTests {
    @Test func binaryIsFound() throws {
        let binary = try #require(CLI.binary)
        #expect(binary.lastPathComponent == "kapstok")
        #expect(FileManager.default.isExecutableFile(atPath: binary.path))
    }

    @Test func summaryJSONNormalisesOnlySolveSeconds() {
        let json = "{\n  \"gap\": 0,\n  \"solve_seconds\": 0.013,\n  \"candidates\": 12\n}\n"
        #expect(Normalise.summaryJSON(json)
                == "{\n  \"gap\": 0,\n  \"solve_seconds\": <SECONDS>,\n  \"candidates\": 12\n}\n")
        #expect(Normalise.summaryJSON("\"solve_seconds\": 1.5e-05,") == "\"solve_seconds\": <SECONDS>,")
    }

    @Test func terminalNormalisesOnlySolveTime() {
        let text = "  bound / gap       227.32 / 0 %\n  solve time        0.001 s\n  written to        out\n"
        #expect(Normalise.terminal(text)
                == "  bound / gap       227.32 / 0 %\n  solve time        <SECONDS> s\n  written to        out\n")
    }

    @Test func temporaryFolderPathBecomesTMP() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(folder.normalise("written to \(folder.path("round"))\n") == "written to $TMP/round\n")
    }

    @Test func lineDiffShowsChangedLinesAndCarriageReturns() {
        #expect(lineDiff(expected: "a\nb\nc\n", actual: "a\nB\nc\n") == "- 2: b\n+ 2: B")
        #expect(lineDiff(expected: "a\n", actual: "a\r\n") == "- 1: a\n+ 1: a␍")
    }

    @Test func csvFieldsHandleQuotes() {
        #expect(csvFields("E4,\"De Smet, Pieter\",M1,\"say \"\"hi\"\"\"") == ["E4", "De Smet, Pieter", "M1", "say \"hi\""])
    }
}
