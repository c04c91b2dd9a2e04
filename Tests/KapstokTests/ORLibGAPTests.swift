import Foundation
import GLPKSolver
import Kapstok
import KapstokIO
import Testing

/// Beasley's OR-Library GAP benchmark (`datasets/orlib-gap/`, see its README.md) run through
/// Kapstok's scores mode: agents are mentors, jobs are mentees, the cost is the pair's score and
/// the resource use is its load. Every instance must come out proven optimal at its published
/// optimum, with every job assigned and no agent over capacity.
@Suite("ORLibGAP")
struct ORLibGAPTests {
    /// Published optima of gap1–gap12, solved as maximisation problems (OR-Library gapinfo page),
    /// in file order: instances 1–5 of each file.
    static let optima: [(file: String, values: [Int])] = [
        ("gap1.txt", [336, 327, 339, 341, 326]),
        ("gap2.txt", [434, 436, 420, 419, 428]),
        ("gap3.txt", [580, 564, 573, 570, 564]),
        ("gap4.txt", [656, 644, 673, 647, 664]),
        ("gap5.txt", [563, 558, 564, 568, 559]),
        ("gap6.txt", [761, 759, 758, 752, 747]),
        ("gap7.txt", [942, 949, 968, 945, 951]),
        ("gap8.txt", [1133, 1134, 1141, 1117, 1127]),
        ("gap9.txt", [709, 717, 712, 723, 706]),
        ("gap10.txt", [958, 963, 960, 947, 947]),
        ("gap11.txt", [1139, 1178, 1195, 1171, 1171]),
        ("gap12.txt", [1451, 1449, 1433, 1447, 1446]),
    ]

    /// One instance: a file, its 0-based position in the file, its optimum and the objective sense.
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let index: Int
        let optimum: Int
        let maximise: Bool

        var testDescription: String { "\(file) #\(index + 1) (opt \(optimum))" }
    }

    static let cases: [Case] = optima.flatMap { entry in
        entry.values.enumerated().map { Case(file: entry.file, index: $0, optimum: $1, maximise: true) }
    }

    /// Optima of gapa (minimisation; Chu & Beasley 1997, see the dataset's README.md), in file
    /// order: a05100, a05200, a10100, a10200, a20100, a20200.
    static let gapaCases: [Case] = [1698, 3235, 1360, 2623, 1158, 2339].enumerated().map {
        Case(file: "gapa.txt", index: $0, optimum: $1, maximise: false)
    }

    /// gapb instances that the Lagrangian relaxation (see `AssignmentRelaxation`) lets GLPK prove
    /// quickly, with their published optima (minimisation): b10100 1407, b20100 1166.
    static let gapbCases: [Case] = [(2, 1407), (4, 1166)].map {
        Case(file: "gapb.txt", index: $0.0, optimum: $0.1, maximise: false)
    }

    static func instance(_ testCase: Case) throws -> GAPInstance {
        let all = try ORLibGAP.instances(file: testCase.file)
        let expected = ["gapa.txt", "gapb.txt"].contains(testCase.file) ? 6 : 5
        try #require(all.count == expected, "\(testCase.file) holds \(expected) instances")
        return all[testCase.index]
    }

    /// The options of a `kapstok match --objective total --time-limit 120` run.
    static let options = PairingOptions(objective: .total, timeLimit: 120)

    /// Checks a solved round against the instance data and the published optimum.
    static func check(_ result: RoundResult, instance: GAPInstance, testCase: Case) {
        let outcome = result.outcome
        let sign = testCase.maximise ? 1.0 : -1.0
        #expect(outcome.status == .optimal, "status \(outcome.status), total \(outcome.totalScore)")
        #expect(outcome.matched == instance.jobs, "every job gets an agent")
        #expect(result.unmatched.isEmpty)
        #expect(sign * outcome.totalScore == Double(testCase.optimum), "objective found: \(sign * outcome.totalScore)")
        // The bound is GLPK's, computed (its pruning margin tol_obj·(1 + |objective|) included).
        let bound = outcome.bound ?? -.infinity
        #expect(bound >= outcome.totalScore && bound - outcome.totalScore <= 1e-6 * (1 + abs(outcome.totalScore)),
                "bound \(bound), total \(outcome.totalScore)")

        // Recompute cost and loads from the instance data, independently of Kapstok's tables.
        for (j, agent) in outcome.assignment.enumerated() {
            guard let i = agent else { continue }
            #expect(result.round.mentors[i].id == GAPInstance.mentorID(i))
            #expect(result.round.mentees[j].id == GAPInstance.menteeID(j))
        }
        let (cost, used) = instance.evaluate(outcome.assignment)
        #expect(cost == testCase.optimum, "cost of the assignment from the file's matrix")
        for i in 0..<instance.agents {
            #expect(used[i] <= instance.capacity[i], "agent \(i + 1) uses \(used[i]) of \(instance.capacity[i])")
        }
    }

    @Test("gap1–gap12 through the scores-mode pipeline reach the published optimum", arguments: cases)
    func publishedOptimum(_ testCase: Case) throws {
        let instance = try Self.instance(testCase)
        let round = instance.round(maximise: testCase.maximise)
        #expect(round.scores?.count == instance.agents * instance.jobs)
        let prepared = try PreparedRound(round: round)
        #expect(prepared.table.allowedCount == instance.agents * instance.jobs, "the default rules exclude no pair")
        let result = try prepared.solve(using: GLPKSolver(), options: Self.options)
        Self.check(result, instance: instance, testCase: testCase)
    }

    @Test("gapa and two gapb (minimisation, scores = −cost) reach the published optimum", arguments: gapaCases + gapbCases)
    func gapaOptimum(_ testCase: Case) throws {
        let instance = try Self.instance(testCase)
        let prepared = try PreparedRound(round: instance.round(maximise: false))
        let result = try prepared.solve(using: GLPKSolver(), options: Self.options)
        Self.check(result, instance: instance, testCase: testCase)
    }

    /// The CSV `--scores` path: the instance written as mentors.csv, mentees.csv and scores.csv,
    /// read back with `RoundLoader` (as `kapstok match --scores` does), prepared and solved.
    @Test("c1060-1 as CSV files through RoundLoader reaches 1451")
    func csvScoresMode() throws {
        let testCase = Case(file: "gap12.txt", index: 0, optimum: 1451, maximise: true)
        let instance = try Self.instance(testCase)
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("kapstok-orlib-gap-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = instance.csvFiles(maximise: testCase.maximise)
        let mentors = folder.appendingPathComponent("mentors.csv")
        let mentees = folder.appendingPathComponent("mentees.csv")
        let scores = folder.appendingPathComponent("scores.csv")
        try files.mentors.write(to: mentors, atomically: true, encoding: .utf8)
        try files.mentees.write(to: mentees, atomically: true, encoding: .utf8)
        try files.scores.write(to: scores, atomically: true, encoding: .utf8)

        let loaded = try RoundLoader().loadRound(mentors: mentors, mentees: mentees, scores: scores)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.round == instance.round(maximise: testCase.maximise), "the files load back to the same round")
        let prepared = try PreparedRound(round: loaded.round)
        let result = try prepared.solve(using: GLPKSolver(), options: Self.options)
        Self.check(result, instance: instance, testCase: testCase)
    }
}
