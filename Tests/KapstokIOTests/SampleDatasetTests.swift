import Foundation
import Kapstok
import Testing

@testable import KapstokIO

/// The sample round shipped in `datasets/sample`, read through the public entry point.
@Suite struct SampleDatasetTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets/sample")

    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("mentors.csv").path)
    }

    @Test(.enabled(if: isPresent)) func sampleLoadsCleanlyAndRoundTrips() throws {
        func file(_ name: String) -> URL { Self.folder.appendingPathComponent(name) }
        let (round, warnings) = try RoundLoader().loadRound(
            mentors: file("mentors.csv"), mentees: file("mentees.csv"), constraints: file("constraints.csv"),
            history: file("history.csv"), config: file("kapstok.toml"))
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(!round.mentors.isEmpty && !round.mentees.isEmpty)

        let files = RoundExporter.files(for: round)
        func source(_ name: String) -> InputSource? {
            files.first { $0.name == name }.map { .text($0.text, path: name) }
        }
        let reloaded = try RoundLoader().loadRound(
            RoundSources(
                mentors: try #require(source("mentors.csv")), mentees: try #require(source("mentees.csv")),
                constraints: source("constraints.csv"), history: source("history.csv"),
                configuration: source("kapstok.toml")))
        #expect(reloaded.round == round)
    }
}
