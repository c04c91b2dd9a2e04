import Diagnostics
import Foundation
import Kapstok
@testable import KapstokIO
import Testing

/// Every CSV output written in every dialect reads back — with Kapstok's reader and with
/// Python's `csv` and the options the README documents — to the cells of its RFC 4180 file.
@Suite("CSV dialects of the outputs") struct CSVDialectOutputTests {
    /// The CSV outputs of a generated round (``RoundExporter``), a scheduling input
    /// (``ScheduleInputExporter``) and a table with every kind of cell and awkward text.
    static func outputs() -> [ExportedFile] {
        var round = RoundGenerator(mentees: 40, mentors: 12, seed: 7).makeRound()
        round.mentees[0].name = "Zoë; \"Benoît\"\nLambert"
        round.mentors[0].name = "=Anaïs"
        var files = RoundExporter.files(for: round).filter { $0.table != nil }
        let input = ScheduleGenerator(pairs: 6, seed: 3, program: ProgramCalendar(ScheduleGenerator.benchmarkProgram)).makeNamedInput()
        files += ScheduleInputExporter.files(for: input, configuration: Configuration()).filter { $0.table != nil }
        let local = LocalDateTime(date: CalendarDate(year: 2027, month: 1, day: 18), time: ClockTime(minutes: 9 * 60))
        files.append(ExportedFile(name: "typed.csv", table: OutputTable(header: ["id", "score", "seconds", "count", "day", "start", "note"], rows: [
            [.text("007"), .score(83.333), .decimal(0.125), .integer(-3), .date(CalendarDate(year: 2027, month: 3, day: 8)),
             .dateTime(local, text: "2027-01-18T09:00:00+01:00"), .text("-1; a \"quote\"")],
            [.text("E2"), .score(-2.5), .decimal(1e-05), .integer(0), .empty, .empty, .text("+x, y")],
        ])))
        return files
    }

    static func cells(_ data: Data, file: String) throws -> (table: CSVTable, cells: [[String]]) {
        var diagnostics = DiagnosticCollector()
        let table = try #require(CSVReader.read(bytes: Array(data), file: file, diagnostics: &diagnostics))
        #expect(!diagnostics.hasErrors, "\(file): \(diagnostics.diagnostics)")
        return (table, [table.header.map(\.text)] + table.records.map { $0.fields.map(\.text) })
    }

    @Test(arguments: CSVDialect.allCases) func everyOutputReadsBackToTheSameCells(dialect: CSVDialect) throws {
        for file in Self.outputs() {
            let reference = try Self.cells(file.data, file: file.name).cells
            let data = file.data(dialect: dialect)
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]) == dialect.writesByteOrderMark, "\(file.name)")
            let read = try Self.cells(data, file: file.name)
            #expect(read.table.separator == Character(UnicodeScalar(dialect.separator)), "\(file.name)")
            #expect(CSVDialect.inferred(from: read.table) == dialect, "\(file.name): written \(dialect), read back as another")
            // Numbers: the decimal comma in excel-semicolon, the same text otherwise.
            let table = try #require(file.table)
            let expected = reference.enumerated().map { index, row in
                row.enumerated().map { column, text -> String in
                    guard dialect.usesDecimalComma, index > 0, column < table.rows[index - 1].count,
                        case .number = table.rows[index - 1][column] else { return text }
                    return text.replacingOccurrences(of: ".", with: ",")
                }
            }
            #expect(read.cells == expected, "\(file.name) in \(dialect)")
        }
    }

    @Test func rfc4180IsTheTextOfEveryExporter() {
        for file in Self.outputs() {
            #expect(file.text(dialect: .rfc4180) == file.text)
            #expect(Array(file.data(dialect: .rfc4180)) == Array(file.text.utf8))
        }
    }

    @Test func decimalCommaOnlyInNumbers() {
        let file = ExportedFile(name: "t.csv", table: OutputTable(header: ["a", "b"], rows: [[.score(83.33), .text("1.5")]]))
        #expect(file.text(dialect: .excelSemicolon) == "\u{FEFF}a;b\r\n83,33;1.5\r\n")
        #expect(file.text(dialect: .excelComma) == "\u{FEFF}a,b\r\n83.33,1.5\r\n")
        #expect(file.text(dialect: .rfc4180) == "a,b\n83.33,1.5\n")
    }

    @Test func pythonCSVReadsEveryDialectWithTheDocumentedOptions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kapstok-dialect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Needs python3 (`.ci/run` installs it): the test fails when it is missing.
        let script = ReportChromiumTests.repository.appendingPathComponent("Scripts/check_csv_dialect.py")
        for file in Self.outputs() {
            let reference = folder.appendingPathComponent("rfc-" + file.name)
            try file.data.write(to: reference)
            for dialect in CSVDialect.allCases {
                let path = folder.appendingPathComponent(dialect.rawValue + "-" + file.name)
                try file.data(dialect: dialect).write(to: path)
                let result = try ReportChromiumTests.run("/usr/bin/env", ["python3", script.path, reference.path, path.path, dialect.rawValue])
                #expect(result.status == 0, "\(file.name) in \(dialect): \(result.output)")
                #expect(result.output.hasPrefix("ok "), "\(file.name) in \(dialect): \(result.output)")
            }
        }
    }
}

@Suite("Output dialect: inference, [output] and precedence") struct OutputSettingsTests {
    func table(_ bytes: [UInt8]) throws -> CSVTable {
        var diagnostics = DiagnosticCollector()
        return try #require(CSVReader.read(bytes: bytes, file: "in.csv", diagnostics: &diagnostics))
    }

    @Test func inferredFromTheInput() throws {
        // `;`-separated Windows-1252 (ë as 0xEB) → excel-semicolon.
        #expect(CSVDialect.inferred(from: try table(Array("id;name\r\nE1;Zo".utf8) + [0xEB] + Array("\r\n".utf8))) == .excelSemicolon)
        // `,` with a byte order mark → excel-comma.
        #expect(CSVDialect.inferred(from: try table([0xEF, 0xBB, 0xBF] + Array("id,name\nE1,Zoë\n".utf8))) == .excelComma)
        // `,` Windows-1252 → excel-comma; plain UTF-8 `,` → rfc4180; tab → excel-semicolon.
        #expect(CSVDialect.inferred(from: try table(Array("id,name\nE1,Zo".utf8) + [0xEB, 0x0A])) == .excelComma)
        #expect(CSVDialect.inferred(from: try table(Array("id,name\nE1,Zoë\n".utf8))) == .rfc4180)
        #expect(CSVDialect.inferred(from: try table(Array("id\tname\nE1\tZoë\n".utf8))) == .excelSemicolon)
        var workbook = try table(Array("id,name\nE1,Zoë\n".utf8))
        workbook.sheet = "Mentees"
        #expect(CSVDialect.inferred(from: workbook) == .excelComma)
    }

    @Test func flagBeatsConfigurationBeatsInference() {
        let configured = OutputPreferences(csvDialect: .excelComma, writesWorkbook: true)
        #expect(OutputSettings.resolve(flag: .rfc4180, workbookFlag: false, preferences: configured, inferred: .excelSemicolon)
            == OutputSettings(dialect: .rfc4180, writesWorkbook: true))
        #expect(OutputSettings.resolve(flag: nil, workbookFlag: false, preferences: configured, inferred: .excelSemicolon).dialect == .excelComma)
        #expect(OutputSettings.resolve(flag: nil, workbookFlag: false, preferences: OutputPreferences(), inferred: .excelSemicolon)
            == OutputSettings(dialect: .excelSemicolon, writesWorkbook: false))
        #expect(OutputSettings.resolve(flag: nil, workbookFlag: true, preferences: OutputPreferences(), inferred: nil)
            == OutputSettings(dialect: .rfc4180, writesWorkbook: true))
    }

    func load(_ text: String) -> (output: OutputPreferences, messages: [String]) {
        var diagnostics = DiagnosticCollector()
        let loaded = ConfigurationLoader.loadWithOutput(.text(text, path: "kapstok.toml"), diagnostics: &diagnostics)
        return (loaded.output, diagnostics.diagnostics.map(\.description))
    }

    @Test func outputTableOfTheConfiguration() {
        let good = load("[output]\ncsv_dialect = \"excel-semicolon\"\nxlsx = true\n")
        #expect(good.messages == [])
        #expect(good.output == OutputPreferences(csvDialect: .excelSemicolon, writesWorkbook: true))
        #expect(load("[pairing]\nobjective = \"fair\"\n").output == OutputPreferences())
    }

    @Test func badOutputValuesAreLocatedAndListTheValidOnes() {
        let bad = load("[output]\ncsv_dialect = \"excel\"\nxlsx = \"yes\"\ncsv_dialekt = \"rfc4180\"\n")
        #expect(bad.output == OutputPreferences())
        #expect(bad.messages == [
            "kapstok.toml:2:15: error: unknown CSV dialect 'excel' for 'csv_dialect' (expected \"rfc4180\", \"excel-comma\", \"excel-semicolon\")",
            "kapstok.toml:3:8: error: invalid value 'yes' for 'xlsx' (expected true or false, found a string)",
            "kapstok.toml:4:1: error: unknown key 'csv_dialekt' in [output]; did you mean 'csv_dialect'?",
        ].sorted())
        // The domain configuration is the same with or without [output].
        var diagnostics = DiagnosticCollector()
        #expect(ConfigurationLoader.load(text: "[output]\nxlsx = true\n", file: "k.toml", diagnostics: &diagnostics) == Configuration())
        #expect(!diagnostics.hasErrors)
    }
}
