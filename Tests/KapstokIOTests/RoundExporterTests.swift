import Foundation
import Kapstok
import Testing

@testable import KapstokIO

@Suite struct RoundExporterTests {
    /// Exports a round, loads the files back and returns the loaded round.
    private func roundTrip(_ round: Round) throws -> Round {
        let files = RoundExporter.files(for: round)
        func source(_ name: String) -> InputSource? {
            files.first { $0.name == name }.map { .text($0.text, path: name) }
        }
        let sources = RoundSources(
            mentors: try #require(source("mentors.csv")), mentees: try #require(source("mentees.csv")),
            framework: source("framework.csv"), scores: source("scores.csv"), constraints: source("constraints.csv"),
            history: source("history.csv"), configuration: source("kapstok.toml"))
        return try RoundLoader().loadRound(sources).round
    }

    private var levels: [Int] { [0, 1, 2, 3, 4, 5, 5, 4, 3] }

    @Test func builtInRoundRoundTrips() throws {
        let round = Round(
            mentors: [
                Mentor(
                    id: "M1", name: "Ann \"Annie\" Peeters", email: "ann@example.com", department: "Finance, Risk",
                    grade: 14, location: "Liège", languages: ["nl", "fr"], capacity: 2.5, managerID: "X9",
                    competencyLevels: levels, domainExpertise: [5, 4, 3, 2, 1]),
                Mentor(id: "M2", name: "Bob", competencyLevels: levels.reversed(), domainExpertise: [0, 0, 0, 0, 0]),
            ],
            mentees: [
                Mentee(
                    id: "E1", name: "Eva\nNew line", grade: 9, languages: ["en"], managerID: "M2", currentLevels: levels,
                    targetLevels: [5, nil, 4, nil, nil, nil, nil, nil, 3], domainInterest: [1, 2, 3, 4, 5]),
                Mentee(
                    id: "E2", name: "Finn", currentLevels: levels, targetLevels: Array(repeating: nil, count: 9),
                    domainInterest: [0, 0, 0, 0, 0]),
            ],
            rules: [
                PairRule(menteeID: "E1", mentorID: "M2", kind: .forbid, reason: "reports to them"),
                PairRule(menteeID: "E2", mentorID: "M1", kind: .require),
            ],
            history: [HistoryEntry(menteeID: "E1", mentorID: "M1", round: "2025"), HistoryEntry(menteeID: "E2", mentorID: "M2")])
        let names = RoundExporter.files(for: round).map(\.name)
        #expect(names == ["mentors.csv", "mentees.csv", "constraints.csv", "history.csv"])
        #expect(try roundTrip(round) == round)
    }

    @Test func customFrameworkScoresAndConfigurationRoundTrip() throws {
        let framework = Framework(items: [
            FrameworkItem(id: "x.lead", name: "Leading, with vision", kind: .competency, group: "leader", weight: 1.5),
            FrameworkItem(id: "x.money", name: "Money", kind: .domain, group: "", weight: 0.25),
        ])
        var configuration = Configuration()
        configuration.rules.minGradeGap = nil
        configuration.pairing.objective = .fair
        configuration.scoring.competencyWeight = 0.55
        configuration.program.timezone = "America/New_York"
        let round = Round(
            framework: framework,
            mentors: [Mentor(id: "M1", name: "Ann", capacity: 1, competencyLevels: [4], domainExpertise: [3])],
            mentees: [Mentee(id: "E1", name: "Eva", currentLevels: [1], targetLevels: [nil], domainInterest: [2])],
            scores: [ScoreEntry(menteeID: "E1", mentorID: "M1", score: -12.375, load: 0.5)],
            configuration: configuration)
        #expect(RoundExporter.files(for: round).map(\.name) == [
            "framework.csv", "mentors.csv", "mentees.csv", "constraints.csv", "history.csv", "scores.csv", "kapstok.toml",
        ])
        #expect(try roundTrip(round) == round)
    }

    @Test func scoresOnlyRoundHasNoLevelColumns() throws {
        let round = Round(
            mentors: [Mentor(id: "M1", name: "Ann")], mentees: [Mentee(id: "E1", name: "Eva")],
            scores: [ScoreEntry(menteeID: "E1", mentorID: "M1", score: 1)])
        let mentors = try #require(RoundExporter.files(for: round).first { $0.name == "mentors.csv" })
        #expect(mentors.text == "id,name,email,department,grade,location,languages,capacity,manager_id\nM1,Ann,,,,,,,\n")
        #expect(try roundTrip(round) == round)
    }

    @Test func generatedRoundRoundTrips() throws {
        let round = RoundGenerator(mentees: 60, mentors: 25, seed: 7).makeRound()
        #expect(try roundTrip(round) == round)
    }

    @Test func exportIsDeterministicAndNeutralisesFormulas() {
        let round = Round(
            mentors: [Mentor(id: "M1", name: "=HYPERLINK(\"x\")", competencyLevels: levels, domainExpertise: [1, 1, 1, 1, 1])],
            mentees: [])
        let first = RoundExporter.files(for: round)
        #expect(first == RoundExporter.files(for: round))
        let mentors = first.first { $0.name == "mentors.csv" }?.text ?? ""
        #expect(mentors.contains("\nM1,\"'=HYPERLINK(\"\"x\"\")\",,"))
    }
}
