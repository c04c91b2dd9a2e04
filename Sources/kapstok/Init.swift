import ArgumentParser
import Diagnostics
import Foundation
import Kapstok
import KapstokIO
import KapstokStore

extension KapstokCommand {
    /// `kapstok init DIR --name NAME`: a new program workspace.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a program workspace: one SQLite file (kapstok.sqlite) and its kapstok.toml, private to you.",
            discussion: """
                The folder is created (0700) if missing; the database and kapstok.toml are 0600. \
                With --config, that file (checked first) becomes the workspace's kapstok.toml; \
                otherwise the defaults are written, with [program] name set to --name.

                Example:
                  kapstok init hipo-2027 --name "HIPO 2027" --config kapstok.toml
                """)

        @Argument(help: "The workspace folder.")
        var folder: String

        @Option(help: "The program's name (1–\(Limits.programTextLength.upperBound) characters).")
        var name: String

        @Option(help: "A kapstok.toml to copy into the workspace.")
        var config: String?

        func validate() throws {
            try OutputOptions.check(out: folder)
            guard Limits.programTextLength.contains(name.count),
                !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else {
                throw ValidationError("--name must be 1–\(Limits.programTextLength.upperBound) characters without control characters")
            }
        }

        func run() throws {
            let text: String
            if let config {
                var diagnostics = DiagnosticCollector()
                let source = InputSource.file(URL(fileURLWithPath: config))
                _ = ConfigurationLoader.load(source, diagnostics: &diagnostics)
                let bytes = source.bytes(diagnostics: &diagnostics)
                if diagnostics.hasErrors || bytes == nil {
                    Terminal.error(diagnostics.diagnostics.map(\.description).joined(separator: "\n"))
                    Terminal.error("\(counted(diagnostics.errorCount, "error")); no workspace was created")
                    throw ExitCode(65)
                }
                text = String(decoding: bytes ?? [], as: UTF8.self)
            } else {
                var configuration = Configuration()
                configuration.program.name = name
                text = ConfigurationWriter.toml(configuration)
            }
            let url = URL(fileURLWithPath: folder)
            do {
                _ = try Workspace.create(at: url, name: name, configurationText: text)
            } catch {
                Terminal.error("error: \(TerminalText.escaped(String(describing: error)))")
                throw ExitCode(73)
            }
            print("created workspace '\(TerminalText.escaped(name))' in \(TerminalText.escaped(folder)) (kapstok.sqlite, kapstok.toml)")
            print("next: kapstok import --workspace \(TerminalText.escaped(folder)) --mentors mentors.csv --mentees mentees.csv")
        }
    }
}
