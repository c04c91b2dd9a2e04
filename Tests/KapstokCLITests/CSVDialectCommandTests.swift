import Foundation
import Testing

/// The CSV dialect of the outputs on a real round from Excel in a Belgian locale:
/// `Fixtures/dialect/` holds `;`-separated Windows-1252 files with CRLF line endings and names
/// with ë, é and ï (Zoë Lambert, Léna Claes, Anaïs Peeters, Mégane Dupont).
@Suite("kapstok --csv-dialect") struct CSVDialectCommandTests {
    static let round = ["--mentors", "dialect/mentors.csv", "--mentees", "dialect/mentees.csv"]

    func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    @Test func semicolonWindows1252RoundGivesSemicolonUTF8WithBOMAndDecimalComma() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("round")
        let result = try CLI.run(["match"] + Self.round + ["--out", out])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        for name in ["pairings.csv", "unmatched.csv"] {
            let data = try bytes(out + "/" + name)
            #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(name) starts with a byte order mark")
            #expect(String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n").count > 1, "\(name) has CRLF line endings")
        }
        let pairings = try contents(out + "/pairings.csv")
        #expect(pairings.contains("Zoë Lambert;M1;Anaïs Peeters;92,62;1;"))
        assertSnapshot(pairings, named: "match-dialect.pairings.csv")
        assertSnapshot(try contents(out + "/unmatched.csv"), named: "match-dialect.unmatched.csv")
        // JSON is the same whatever the dialect.
        #expect(try contents(out + "/summary.json").hasPrefix("{"))

        // schedule follows its pairings file: the `;` BOM file just written.
        let sessions = temporary.path("sessions")
        let scheduled = try CLI.run(["schedule", "--pairings", out + "/pairings.csv", "--config", "schedule/kapstok.toml", "--out", sessions])
        #expect(scheduled.exitCode == 0, "\(scheduled.stderr)")
        let sessionsCSV = try contents(sessions + "/sessions.csv")
        #expect(sessionsCSV.hasPrefix("\u{FEFF}session_id;mentee_id;mentor_id;number;start;end;status;sequence\r\n"))
    }

    @Test func byteOrderMarkCommaRoundGivesExcelComma() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let mentees = temporary.path("mentees.csv")
        try Data([0xEF, 0xBB, 0xBF] + bytes(Paths.fixtures.path + "/valid/mentees.csv")).write(to: URL(fileURLWithPath: mentees))
        let out = temporary.path("round")
        let result = try CLI.run(["match", "--mentors", "valid/mentors.csv", "--mentees", mentees, "--out", out])
        #expect(result.exitCode == 0)
        let pairings = try contents(out + "/pairings.csv")
        #expect(pairings.hasPrefix("\u{FEFF}mentee_id,mentee_name,mentor_id,mentor_name,score,rank,reason\r\n"))
        // Same cells as the RFC 4180 golden file of the same round.
        let golden = try contents(Paths.snapshots.path + "/match-valid.pairings.csv")
        let noHistory = try CLI.run(["match", "--mentors", "valid/mentors.csv", "--mentees", "valid/mentees.csv", "--out", temporary.path("plain")])
        #expect(noHistory.exitCode == 0)
        let plain = try contents(temporary.path("plain") + "/pairings.csv")
        #expect(!plain.hasPrefix("\u{FEFF}") && !plain.contains("\r\n"), "a plain UTF-8 `,` round stays rfc4180")
        #expect(String(pairings.dropFirst()).replacingOccurrences(of: "\r\n", with: "\n") == plain)
        #expect(!golden.isEmpty)
    }

    @Test func flagBeatsConfigurationBeatsInference() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let config = temporary.path("kapstok.toml")
        try "[output]\ncsv_dialect = \"excel-comma\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let configured = temporary.path("configured")
        #expect(try CLI.run(["match"] + Self.round + ["--config", config, "--out", configured]).exitCode == 0)
        #expect(try contents(configured + "/pairings.csv").hasPrefix("\u{FEFF}mentee_id,mentee_name,"))
        #expect(try contents(configured + "/pairings.csv").contains(",92.62,1,"))
        let flagged = temporary.path("flagged")
        #expect(try CLI.run(["match"] + Self.round + ["--config", config, "--csv-dialect", "rfc4180", "--out", flagged]).exitCode == 0)
        let rfc = try contents(flagged + "/pairings.csv")
        #expect(rfc.hasPrefix("mentee_id,mentee_name,") && !rfc.contains("\r\n"))
        // The same round in rfc4180 is the golden file of the Windows round.
        assertSnapshot(rfc, named: "match-windows-dialect-rfc4180.pairings.csv")
    }

    @Test func invalidDialectsListTheValidOnes() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        for command in [["match"] + Self.round, ["evaluate"] + Self.round + ["--pairings", "x.csv"], ["generate", "--mentees", "2", "--mentors", "1"]] {
            let result = try CLI.run(command + ["--csv-dialect", "excel", "--out", temporary.path("x")])
            #expect(result.exitCode == 64, "\(command)")
            #expect(result.stderr.hasPrefix("Error: --csv-dialect must be one of rfc4180, excel-comma, excel-semicolon, not 'excel'\n"), "\(command)")
        }
        let config = temporary.path("kapstok.toml")
        try "[output]\ncsv_dialect = \"semicolon\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let result = try CLI.run(["match"] + Self.round + ["--config", config, "--out", temporary.path("y")])
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains(
            "kapstok.toml:2:15: error: unknown CSV dialect 'semicolon' for 'csv_dialect' (expected \"rfc4180\", \"excel-comma\", \"excel-semicolon\")"))
        #expect(!FileManager.default.fileExists(atPath: temporary.path("y")))
    }
}
