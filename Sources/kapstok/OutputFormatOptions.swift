import ArgumentParser
import Foundation
import KapstokIO

/// `--csv-dialect`: how the CSV outputs are written, on every command that writes CSV outputs.
struct CSVDialectOption: ParsableArguments {
    @Option(
        name: .customLong("csv-dialect"),
        help: "CSV outputs: rfc4180 (',' UTF-8, for scripts), excel-comma (',' UTF-8 with BOM, CRLF) or excel-semicolon (';', decimal comma, UTF-8 with BOM, CRLF). Default: [output] csv_dialect in kapstok.toml, else the inputs' dialect.")
    var csvDialect: String?

    func validate() throws { _ = try dialect() }

    /// The `--csv-dialect` value, checked.
    func dialect() throws -> CSVDialect? {
        guard let csvDialect else { return nil }
        guard let dialect = CSVDialect(rawValue: csvDialect) else {
            throw ValidationError("--csv-dialect must be one of \(CSVDialect.validNames), not '\(TerminalText.escaped(csvDialect))'")
        }
        return dialect
    }
}

/// `--csv-dialect` and `--xlsx`: the output folder's format, on the commands that write one.
struct OutputFormatOptions: ParsableArguments {
    @OptionGroup var csv: CSVDialectOption

    @Flag(name: .customLong("xlsx"), help: "Also write round.xlsx, a sheet per result (also [output] xlsx = true in kapstok.toml).")
    var xlsx = false

    /// The settings: the flags, else `[output]` of the configuration, else the inputs' dialect.
    func settings(preferences: OutputPreferences = OutputPreferences(), inferred: CSVDialect? = nil) -> OutputSettings {
        OutputSettings.resolve(flag: try? csv.dialect(), workbookFlag: xlsx, preferences: preferences, inferred: inferred)
    }
}

