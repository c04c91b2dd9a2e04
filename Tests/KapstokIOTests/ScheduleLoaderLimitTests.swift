import Kapstok
import Testing

@testable import KapstokIO

@Suite struct ScheduleLoaderLimitTests {
    private func load(pairs: Int, sessions: Int) -> [String] {
        var text = "mentee_id,mentor_id\n"
        for index in 0..<pairs { text += "E\(index),M\(index / 3)\n" }
        let sources = ScheduleSources(
            pairings: .text(text, path: "pairings.csv"),
            configuration: .text("[program]\nsessions = \(sessions)\nmin_gap_weeks = 1\n", path: "kapstok.toml"))
        do {
            _ = try ScheduleLoader.load(sources)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// Pairs × sessions above 1,000,000 is refused before anything is scheduled; at the limit it loads.
    @Test func sessionsAskedHaveALimit() {
        #expect(load(pairs: 19_231, sessions: 52) == [
            "pairings.csv:1:1: error: 19231 pairs × 52 sessions ask for 1000012 sessions, more than 1000000 (schedule the program in parts, or with fewer sessions)",
        ])
        #expect(load(pairs: 19_230, sessions: 52) == [])
    }
}
