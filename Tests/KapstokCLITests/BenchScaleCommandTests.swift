import Foundation
import Testing

/// `kapstok bench --orlib FILE` and `kapstok bench --sweep`.
@Suite("kapstok bench --orlib and --sweep") struct BenchScaleCommandTests {
    func nonEmptyLines(_ text: String) -> [String] { lines(text).filter { !$0.isEmpty } }

    static let gap1 = Paths.packageRoot.appendingPathComponent("datasets/orlib-gap/gap1.txt")

    /// gap1 as maximisation with --known: every instance proven optimal at the OR-Library
    /// optimum (c515-1…5: 336, 327, 339, 341, 326, datasets/orlib-gap/README.md), each value
    /// equal to its bound.
    @Test func orlibGap1AtThePublishedOptima() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let result = try CLI.run(["bench", "--orlib", Self.gap1.path, "--known", "--out", temporary.path("o")])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        let optima = ["c515-1": "336", "c515-2": "327", "c515-3": "339", "c515-4": "341", "c515-5": "326"]
        let rows = nonEmptyLines(try contents(temporary.path("o/orlib.csv")))
        #expect(rows.first == "instance,agents,jobs,value,bound,gap,status,seconds,known,known_is_optimal,matches_known")
        #expect(rows.count == 6)
        for row in rows.dropFirst() {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(cells.count == 11, "\(row)")
            let optimum = try #require(optima[cells[0]], "instance \(cells[0])")
            #expect(cells[1] == "5" && cells[2] == "15")
            #expect(cells[3] == optimum && cells[4] == optimum, "value and bound of \(cells[0])")
            #expect(cells[5] == "0" && cells[6] == "optimal")
            #expect(Double(cells[7]).map { $0 >= 0 } == true)
            #expect(Array(cells[8...]) == [optimum, "true", "true"])
        }
        #expect(result.stdout.contains("5 of 5 at the known value"))
        #expect(result.stdout.components(separatedBy: "✓").count == 6, "five ✓")
        #expect(!result.stdout.contains("✗"))
        let json = try contents(temporary.path("o/orlib.json"))
        #expect(json.contains("\"sense\": \"maximise\""))
        #expect(json.contains("\"instance\": \"c515-1\""))
        #expect(json.contains("\"matches_known\": true"))
    }

    /// The first 400 bytes of gap1.txt: instance 1 stops in its resource uses; the error is at
    /// the end of the last number, the run exits 65 and writes nothing.
    @Test func truncatedOrlibFileIsALocatedError() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let bytes = try Data(contentsOf: Self.gap1).prefix(400)
        try bytes.write(to: temporary.url.appendingPathComponent("gap1-cut.txt"))
        let text = String(decoding: bytes, as: UTF8.self)
        // Where the file ends: the line count and the column after the last character.
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        let line = text.filter { $0 == "\n" }.count + 1
        let result = try CLI.run(["bench", "--orlib", "gap1-cut.txt", "--out", "o"], in: temporary.url)
        #expect(result.exitCode == 65)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("gap1-cut.txt:\(line):\(lastLine.count + 1): error: the file ends in instance 1 of 5: "))
        #expect(result.stderr.hasSuffix("; is the file complete?\n1 error; nothing was written\n"))
        #expect(!FileManager.default.fileExists(atPath: temporary.path("o")))
    }

    @Test func orlibFlagsNeedOrlib() throws {
        let result = try CLI.run(["bench", "--sweep", "--known"])
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("--known is for --orlib FILE"))
    }

    /// Removes the measured columns (`seconds`, `memory_bytes`: the last two) of sweep.csv.
    func withoutMeasures(_ csv: String) -> [String] {
        nonEmptyLines(csv).map { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast(2).joined(separator: ",") }
    }

    /// Two sizes × two seeds × three strategies: 12 measurements, the same ones (but for time
    /// and memory) in two runs; the terminal table has a row per size and strategy.
    @Test func tinySweep() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let arguments = ["bench", "--sweep", "--sizes", "20x8,40x15", "--seeds", "2", "--strategies", "greedy,stable,random"]
        let first = try CLI.run(arguments + ["--out", temporary.path("a")])
        let second = try CLI.run(arguments + ["--out", temporary.path("b")])
        #expect(first.exitCode == 0 && second.exitCode == 0)
        #expect(first.stderr == "")
        let csv = try contents(temporary.path("a/sweep.csv"))
        let rows = withoutMeasures(csv)
        #expect(nonEmptyLines(csv).first == "strategy,mentees,mentors,pairs,seed,seconds,memory_bytes")
        #expect(rows.count == 13)
        #expect(rows == withoutMeasures(try contents(temporary.path("b/sweep.csv"))))
        // Order: size, then seed, then strategy.
        let keys = rows.dropFirst().map { row -> String in
            let cells = row.split(separator: ",").map(String.init)
            return "\(cells[1])x\(cells[2]) \(cells[4]) \(cells[0])"
        }
        #expect(keys == [
            "20x8 1 greedy", "20x8 1 stable", "20x8 1 random", "20x8 2 greedy", "20x8 2 stable", "20x8 2 random",
            "40x15 1 greedy", "40x15 1 stable", "40x15 1 random", "40x15 2 greedy", "40x15 2 stable", "40x15 2 random",
        ])
        let tableRows = first.stdout.split(separator: "\n").filter { $0.hasPrefix("  20×8 ") || $0.hasPrefix("  40×15 ") }
        #expect(tableRows.count == 6)
        #expect(first.stdout.contains("  size   pairs  strategy  seconds  memory MiB  seeds"))
        let fits = nonEmptyLines(try contents(temporary.path("a/sweep-fits.csv")))
        #expect(fits.first == "strategy,quantity,exponent,coefficient,points")
        #expect(fits.dropFirst().map { $0.split(separator: ",")[0] }.filter { $0 == "greedy" }.count >= 1)
        let json = try contents(temporary.path("a/sweep.json"))
        #expect(json.contains("\"measurements\""))
        #expect(json.contains("\"fits\""))
    }

    @Test func sweepSizesHaveRanges() throws {
        let bad = try CLI.run(["bench", "--sweep", "--sizes", "20x0"])
        #expect(bad.exitCode == 64)
        #expect(bad.stderr.contains("--sizes: '20x0': mentees and mentors must each be 1–100000"))
        let shape = try CLI.run(["bench", "--sweep", "--sizes", "20by8"])
        #expect(shape.exitCode == 64)
        #expect(shape.stderr.contains("--sizes: '20by8' is not <mentees>x<mentors>"))
        let strategy = try CLI.run(["bench", "--sweep", "--sizes", "20x8", "--strategies", "manual"])
        #expect(strategy.exitCode == 64)
        #expect(strategy.stderr.contains("unknown strategy 'manual' for --sweep"))
    }
}
