import Foundation
import Testing

/// `kapstok bench` on a round and `kapstok evaluate`, on the bundled sample round
/// (`datasets/sample/`: 40 mentees, 15 mentors, 5 constraints, 6 history pairs).
@Suite struct BenchCommandTests {
    static let sample = Paths.packageRoot.appendingPathComponent("datasets/sample")
    static let round = [
        "--mentors", "mentors.csv", "--mentees", "mentees.csv", "--constraints", "constraints.csv",
        "--history", "history.csv", "--config", "kapstok.toml",
    ]

    /// The measured seconds masked: the `seconds` row of the metrics table and the last column
    /// of the what-if table's runs.
    static func masked(_ text: String) -> String {
        var whatIf = false
        return lines(text).map { line in
            if line.hasPrefix("What if") { whatIf = true }
            if line.hasPrefix("  seconds ") { return "  seconds <SECONDS>" }
            if whatIf, line.contains(/^  \S+[ ]+(optimal|feasible|infeasible|time_limit)[ ]/) {
                return line.replacing(/[ ]+[0-9.]+$/, with: " <SECONDS>")
            }
            return line
        }.joined(separator: "\n")
    }

    static func rows(_ csv: String) -> [[String]] { lines(csv).filter { !$0.isEmpty }.map(csvFields) }

    @Test func sampleTableAndFiles() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("bench")
        let result = try CLI.run(["bench"] + Self.round + ["--out", out], in: Self.sample)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        assertSnapshot(Self.masked(temporary.normalise(result.stdout)), named: "bench-sample.stdout.txt")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == [
            "bench.csv", "bench.json", "pairings-fair.csv", "pairings-greedy.csv", "pairings-optimal.csv",
            "pairings-random.csv", "pairings-stable.csv",
        ])
        let bench = Self.rows(try contents(out + "/bench.csv"))
        #expect(Array(bench[0].prefix(7)) == ["strategy", "status", "statistic", "seeds", "matched", "total_score", "mean_score"])
        #expect(bench[0].last == "seconds")
        #expect(bench.dropFirst().map { $0[0] + "/" + $0[2] } == [
            "optimal/value", "fair/value", "greedy/value", "stable/value", "random/mean", "random/sd",
        ])
        // The sample's mentors take 30 mentees in all (capacities 1–3): every strategy fills them.
        #expect(bench.dropFirst().filter { $0[2] != "sd" }.allSatisfy { $0[4] == "30" })
        // With scores only, both sides rank by the same number: deferred acceptance returns the
        // greedy pairing (no ties in the sample's scores), and it has no blocking pair.
        #expect(try contents(out + "/pairings-stable.csv") == contents(out + "/pairings-greedy.csv"))
        let blocking = try #require(bench[0].firstIndex(of: "blocking_pairs"))
        #expect(bench[3][blocking] == "0" && bench[4][blocking] == "0")
        // The optimum's total is at least every other strategy's.
        let totals = bench.dropFirst().filter { $0[2] != "sd" }.map { Double($0[5])! }
        #expect(totals.allSatisfy { $0 <= totals[0] + 1e-9 })
        #expect(lines(try contents(out + "/pairings-optimal.csv"))[0] == "mentee_id,mentee_name,mentor_id,mentor_name,score,rank,reason")
    }

    @Test func sameInputSameBytesExceptSeconds() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        func run(_ name: String) throws -> [String: Data] {
            let out = temporary.path(name)
            let result = try CLI.run(["bench"] + Self.round + ["--seeds", "3", "--vary", "min_grade_gap=0", "--out", out], in: Self.sample)
            #expect(result.exitCode == 0, "\(result.stderr)")
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out) where !name.hasPrefix(".") {
                var text = try contents(out + "/" + name)
                if name == "bench.csv" || name == "whatif.csv" {
                    // Drop the last column, seconds.
                    text = lines(text).map { $0.replacing(/,[^,]*$/, with: "") }.joined(separator: "\n")
                }
                if name.hasSuffix(".json") { text = text.replacing(/"seconds": [-+0-9.eE]+/, with: "") }
                files[name] = Data(text.utf8)
            }
            return files
        }
        let first = try run("a")
        #expect(first.keys.sorted() == [
            "bench.csv", "bench.json", "pairings-fair.csv", "pairings-greedy.csv", "pairings-optimal.csv",
            "pairings-random.csv", "pairings-stable.csv", "whatif.csv", "whatif.json",
        ])
        #expect(first["bench.csv"].map { lines(String(decoding: $0, as: UTF8.self)).count } == 8)  // header, 6 rows, end
        #expect(first == (try run("b")))
    }

    @Test func whatIfFilesAndTable() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("whatif")
        let result = try CLI.run(
            ["bench"] + Self.round + ["--strategies", "optimal,greedy", "--vary", "capacity=+1,-1", "--vary", "shared_language=false", "--out", out],
            in: Self.sample)
        #expect(result.exitCode == 0, "\(result.stderr)")
        assertSnapshot(Self.masked(temporary.normalise(result.stdout)), named: "bench-sample-whatif.stdout.txt")
        let rows = Self.rows(try contents(out + "/whatif.csv"))
        #expect(rows.map { $0[0] + "=" + $0[1] + " " + $0[2] } == [
            "setting=value status", "baseline=baseline optimal", "capacity=+1 optimal", "capacity=-1 impossible",
            "shared_language=false optimal",
        ])
        // capacity −1 leaves M14 (capacity 1) at 0, and constraints.csv requires E35–M14.
        #expect(rows[3][3].contains("'M14'"))
        // One more place per mentor (15 mentors, 30 places → 45 ≥ 40 mentees): all 40 matched.
        let matched = try #require(rows[0].firstIndex(of: "matched"))
        let delta = try #require(rows[0].firstIndex(of: "matched_delta"))
        #expect(rows[1][matched] == "30" && rows[2][matched] == "40" && rows[2][delta] == "10")
    }

    @Test func manualStrategyFromAGivenPairing() throws {
        let manual = Paths.fixtures.appendingPathComponent("bench/pairings-violations.csv").path
        let result = try CLI.run(["bench"] + Self.round + ["--strategies", "greedy,manual", "--manual", manual], in: Self.sample)
        #expect(result.exitCode == 0, "\(result.stderr)")
        func words(_ line: String?) -> [String] { (line ?? "").split(separator: " ").map(String.init) }
        #expect(words(lines(result.stdout).dropFirst().first) == ["greedy", "manual"])
        // E01–M01 (manager chain) and E24–M01 (M01's capacity 1 exceeded): two violations.
        #expect(words(lines(result.stdout).first { $0.hasPrefix("  violations") }) == ["violations", "0", "2"])
    }

    @Test func badManualFileIsLocatedAndWritesNothing() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("bench")
        let manual = Paths.fixtures.appendingPathComponent("bench/pairings-unknown.csv").path
        let result = try CLI.run(["bench"] + Self.round + ["--manual", manual, "--out", out], in: Self.sample)
        #expect(result.exitCode == 65)
        #expect(result.stdout == "")
        assertSnapshot(result.stderr.replacingOccurrences(of: Paths.fixtures.path + "/", with: ""), named: "bench-manual-unknown.stderr.txt")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(arguments: [
        (["--vary", "grade=1"], "--vary: unknown setting 'grade'; settings: min_grade_gap, capacity, default_capacity, shared_language, manager_chain, avoid_repeat, competency_weight, domain_weight, objective"),
        (["--vary", "domain_weight=2000"], "--vary domain_weight: '2000' is not a number from 0 to 1000"),
        (["--vary", "capacity=+0"], "--vary capacity: '+0' is not +k or -k (k a number > 0 and ≤ 1000) to shift every mentor's capacity, or =k to set it"),
        (["--vary", "min_grade_gap"], "--vary needs name=value[,value…], such as min_grade_gap=0,1,2"),
        (["--seeds", "0"], "--seeds must be between 1 and 100; got 0"),
        (["--strategies", "optimal,best"], "--strategies: unknown strategy 'best'; strategies: optimal, fair, greedy, stable, random, manual"),
        (["--strategies", "manual"], "--strategies: manual needs --manual FILE"),
        (["--time-limit", "-1"], "--time-limit must be positive and at most 604800 seconds (one week); got -1"),
        (["--out", " "], "--out must name a folder (it is empty)"),
    ])
    func badFlagsAreUsageErrors(flags: [String], message: String) throws {
        let result = try CLI.run(["bench", "--mentors", "mentors.csv", "--mentees", "mentees.csv"] + flags, in: Self.sample)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("Error: " + message), "\(result.stderr)")
    }

    @Test func evaluateListsEveryViolationAndExitsZero() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.path("evaluation")
        let pairings = Paths.fixtures.appendingPathComponent("bench/pairings-violations.csv").path
        let result = try CLI.run(["evaluate", "--pairings", pairings] + Self.round + ["--out", out], in: Self.sample)
        #expect(result.exitCode == 0, "\(result.stderr)")
        assertSnapshot(Self.masked(temporary.normalise(result.stdout)), named: "evaluate-sample-violations.stdout.txt")
        // E01's manager is M01; M01 has capacity 1 and E24 is its second mentee.
        #expect(try contents(out + "/violations.csv") == """
            mentee_id,mentor_id,rules,over_capacity,duplicate_mentee,problem
            E01,M01,manager_chain,false,false,E01 – M01: manager chain
            E24,M01,,true,false,E24 – M01: over capacity 1

            """)
        let evaluation = Self.rows(try contents(out + "/evaluate.csv"))
        func value(_ name: String) throws -> String { evaluation[1][try #require(evaluation[0].firstIndex(of: name))] }
        // Loads: M01 2, M11 1, the other 13 mentors 0. Gini = 2·Σ k·x_(k) / (m·Σx) − (m+1)/m
        // = 2·(14·1 + 15·2)/(15·3) − 16/15 = 88/45 − 48/45 = 0.888889.
        #expect(try value("matched") == "3" && value("violations") == "2")
        #expect(try value("load_min") == "0" && value("load_max") == "2" && value("load_gini") == "0.888889")
    }

    @Test func evaluateRefusesAnUnreadableFile() throws {
        let result = try CLI.run(["evaluate", "--pairings", "missing.csv"] + Self.round, in: Self.sample)
        #expect(result.exitCode == 65)
        #expect(result.stderr.hasSuffix("1 error; nothing was written\n"), "\(result.stderr)")
    }
}
