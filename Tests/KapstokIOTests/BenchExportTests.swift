import Kapstok
import KapstokIO
import Testing

/// bench.csv, whatif.csv, evaluate's violations.csv and the manual pairs loader, on a tiny
/// scores-mode round whose figures are worked out by hand.
@Suite struct BenchExportTests {
    /// Capacities 1:
    ///
    ///          M1   M2
    ///     E1   10    8
    ///     E2    9    2
    static func prepared() throws -> PreparedRound {
        let mentors = ["M1", "M2"].map { Mentor(id: $0, name: "Mentor " + $0, capacity: 1) }
        let mentees = ["E1", "E2"].map { Mentee(id: $0, name: "Mentee " + $0) }
        let scores = [
            ScoreEntry(menteeID: "E1", mentorID: "M1", score: 10), ScoreEntry(menteeID: "E1", mentorID: "M2", score: 8),
            ScoreEntry(menteeID: "E2", mentorID: "M1", score: 9), ScoreEntry(menteeID: "E2", mentorID: "M2", score: 2),
        ]
        return try PreparedRound(round: Round(mentors: mentors, mentees: mentees, scores: scores))
    }

    static let header = [
        "strategy", "status", "statistic", "seeds", "matched", "total_score", "mean_score", "min_score", "p10_score",
        "nash_welfare", "gap_covered", "load_min", "load_max", "load_gini", "blocking_pairs", "mean_rank", "worst_rank",
        "envy", "violations", "nash_excluded", "rank_1", "rank_2", "rank_3", "coverage_leader", "coverage_manager",
        "coverage_coach", "coverage_domain_customer", "coverage_domain_finance", "coverage_domain_change",
        "coverage_domain_people", "coverage_domain_communication", "seconds",
    ]

    static func file(_ files: [ExportedFile], _ name: String) -> String? { files.first { $0.name == name }?.text }

    @Test func benchCSVHasStableColumnsAndTheFigures() throws {
        let prepared = try Self.prepared()
        // Greedy: E1–M1 (10), then E2–M2 (2); manual: E1–M2 (8), E2–M1 (9).
        let runs = try prepared.bench([GreedyStrategy(), ManualStrategy(pairs: [(0, 1), (1, 0)])])
        let report = BenchReport(title: "t", subtitle: "s", prepared: prepared, runs: runs)
        let files = BenchExport.files(for: report)
        #expect(files.map(\.name) == ["bench.csv", "bench.json", "pairings-greedy.csv", "pairings-manual.csv"])
        let csv = try #require(Self.file(files, "bench.csv"))
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows[0] == Self.header)
        // Greedy: matched 2, total 12, mean 6, min 2, p10 2 (⌈2/10⌉ = 1st smallest), Nash
        // ln 10 + ln 2 = ln 20 = 2.995732 (6 decimals), no gap in scores mode, loads 1 and 1
        // (Gini 0). E2 prefers M1 but M1 ranks E2 below E1: no blocking pair. Ranks E1 1st,
        // E2 2nd: mean 1.5, worst 2. Envy: E2 envies E1 (M1): 1.
        #expect(Array(rows[1].prefix(23)) == [
            "greedy", "feasible", "value", "1", "2", "12", "6", "2", "2", "2.995732", "", "1", "1", "0", "0", "1.5", "2",
            "1", "0", "0", "1", "1", "0",
        ])
        // Manual: 8 + 9 = 17, min 8, ln 72 = 4.276666; E1 prefers M1 (its 1st) and M1 prefers E1
        // to E2: one blocking pair; E1 envies E2 (M1): 1; no rule broken.
        #expect(Array(rows[2].prefix(19)) == [
            "manual", "feasible", "value", "1", "2", "17", "8.5", "8", "8", "4.276666", "", "1", "1", "0", "1", "1.5", "2",
            "1", "0",
        ])
        #expect(Self.file(files, "pairings-greedy.csv") == """
            mentee_id,mentee_name,mentor_id,mentor_name,score,rank,reason
            E1,Mentee E1,M1,Mentor M1,10,1,"score 10 from scores.csv, rank 1 of 2 candidates"
            E2,Mentee E2,M2,Mentor M2,2,2,"score 2 from scores.csv, rank 2 of 2 candidates"

            """)
    }

    @Test func randomOverSeedsIsAMeanAndAnSDRow() throws {
        let prepared = try Self.prepared()
        let runs = try prepared.bench([RandomStrategy(seed: 1), RandomStrategy(seed: 2), RandomStrategy(seed: 3)])
        let report = BenchReport(title: "t", subtitle: "s", prepared: prepared, runs: [runs[0]], randomSeeds: 3)
        let files = BenchExport.files(for: report, randomColumns: BenchMetrics.columnSummary(of: runs.map(\.metrics)))
        let rows = try #require(Self.file(files, "bench.csv")).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.map { Array($0.prefix(4)) } == [["random", "feasible", "mean", "3"], ["random", "feasible", "sd", "3"]])
        // Every seed matches both mentees (capacities 1, two mentors): matched 2, sd 0.
        #expect(rows[0][4] == "2" && rows[1][4] == "0")
        // The mean total is one of 12 and 17 per seed: their mean over the three seeds.
        let totals = runs.map(\.metrics.totalScore)
        #expect(totals.allSatisfy { $0 == 12 || $0 == 17 })
        let mean = totals.reduce(0, +) / 3
        #expect(abs(Double(rows[0][5])! - mean) < 1e-6)
    }

    @Test func whatIfCSVGivesDeltasAgainstTheBaseline() throws {
        let prepared = try Self.prepared()
        let runs = try prepared.bench([GreedyStrategy(), ManualStrategy(pairs: [(0, 1), (1, 0)])])
        let whatIf = [
            WhatIfRun(setting: "baseline", value: "baseline", isBaseline: true, run: runs[0], problem: nil),
            WhatIfRun(setting: "capacity", value: "+1", isBaseline: false, run: runs[1], problem: nil),
            WhatIfRun(setting: "capacity", value: "-1", isBaseline: false, run: nil, problem: "required pairs overfill 'M1'"),
        ]
        let csv = BenchExport.whatIfCSV(whatIf)
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        #expect(Array(header.prefix(6)) == ["setting", "value", "status", "problem", "matched", "total_score"])
        #expect(header.last == "seconds" && header.contains("total_score_delta") && !header.contains("seconds_delta"))
        let total = try #require(header.firstIndex(of: "total_score_delta"))
        let minimum = try #require(header.firstIndex(of: "min_score_delta"))
        #expect(rows[1][total] == "0")
        #expect(rows[2][total] == "5")  // 17 − 12
        #expect(rows[2][minimum] == "6")  // 8 − 2
        #expect(Array(rows[3].prefix(5)) == ["capacity", "-1", "impossible", "required pairs overfill 'M1'", ""])
        #expect(rows[3][total] == "")
    }

    @Test func evaluateListsViolationsInWords() throws {
        let prepared = try Self.prepared()
        // E1–M1, then E2–M1: M1 (capacity 1) is over capacity.
        let run = try prepared.bench([ManualStrategy(pairs: [(0, 0), (1, 0)])])[0]
        let files = BenchExport.evaluateFiles(run, prepared: prepared)
        #expect(files.map(\.name) == ["evaluate.csv", "evaluate.json", "violations.csv"])
        #expect(Self.file(files, "violations.csv") == """
            mentee_id,mentor_id,rules,over_capacity,duplicate_mentee,problem
            E2,M1,,true,false,E2 – M1: over capacity 1

            """)
    }

    @Test func manualPairsAreIndicesAndUnknownIDsAreLocatedErrors() throws {
        let round = try Self.prepared().round
        let good = try ManualPairsLoader.load(.text("mentee_id,mentor_id\nE2,M1\nE1,M2\n", path: "p.csv"), round: round)
        #expect(good.pairs.map { [$0.mentee, $0.mentor] } == [[1, 0], [0, 1]])
        #expect {
            try ManualPairsLoader.load(.text("mentee_id,mentee_name,mentor_id\nE1,x,M9\nE7,y,M1\n", path: "p.csv"), round: round)
        } throws: { error in
            let descriptions = (error as? DiagnosticsError)?.diagnostics.map(\.description) ?? []
            return descriptions == [
                // `E1,x,` is 5 characters: the mentor_id cell starts at column 6.
                "p.csv:2:6: error: unknown mentor 'M9' (not in the mentors file)",
                "p.csv:3:1: error: unknown mentee 'E7' (not in the mentees file)",
            ]
        }
    }
}
