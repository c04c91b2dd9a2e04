import Foundation
import Kapstok

/// Renders a round bench (`kapstok bench --out DIR`) and an evaluation (`kapstok evaluate
/// --out DIR`) as files. Deterministic: the same runs give the same bytes, except `seconds`, the
/// one measured column (always its own column, last in the CSV files).
///
/// `bench.csv`: one row per strategy in the order run, columns `strategy`, `status`,
/// `statistic`, `seeds`, then ``BenchMetrics/columns`` (`matched`, `total_score`, `mean_score`,
/// `min_score`, `p10_score`, `nash_welfare`, `gap_covered`, `load_min`, `load_max`, `load_gini`,
/// `blocking_pairs`, `mean_rank`, `worst_rank`, `envy`, `violations`, `nash_excluded`, `rank_1`,
/// `rank_2`, `rank_3`, `coverage_<role>`…, `coverage_domain_<id>`…, `seconds`). `statistic` is
/// `value` for a single run; the random strategy over several seeds has two rows: `mean` and
/// `sd` (sample standard deviation over the seeds, `seeds` of them). Empty cell: no value (no
/// score known, no gap in scores mode, fewer than two seeds for `sd`).
///
/// `bench.json`: `round` (`mentees`, `mentors`, `allowed_pairs`), `random_seeds`, and
/// `strategies`: one object per strategy with the same names (random: the means, an `sd` object,
/// `seeds`), plus `rank_counts` (mentees per rank, 1st choice first; random: its first seed).
///
/// `pairings-<strategy>.csv`: `mentee_id,mentee_name,mentor_id,mentor_name,score,rank,reason`,
/// in mentee order, like `match`'s pairings.csv (random: its first seed; a manual pair that is
/// not allowed has no rank and the broken rules as reason).
///
/// `whatif.csv` / `whatif.json` (with `--vary`): `setting`, `value`, `status`, `problem`, the
/// columns above without `seconds`, `<column>_delta` (value minus the baseline's, empty where
/// either is), and `seconds`. The first row is the baseline (`setting` and `value` `baseline`);
/// a setting that makes the round impossible has status `impossible`, its problem, no figures.
public enum BenchExport {
    /// What a round bench owns in an output folder (the pairings of every strategy it may write).
    public static let ownership = OutputFolder.Ownership(
        names: ["bench.csv", "bench.json", "whatif.csv", "whatif.json"], prefixes: ["pairings-"])

    /// What `kapstok evaluate` owns in an output folder.
    public static let evaluateOwnership = OutputFolder.Ownership(names: ["evaluate.csv", "evaluate.json", "violations.csv"])

    /// The files of a round bench, in the order they are written.
    ///
    /// - Parameter randomColumns: ``BenchMetrics/columnSummary(of:)`` over the random strategy's
    ///   seeds; empty: the random run is written as a single run.
    public static func files(for report: BenchReport, randomColumns: [MetricSummary] = []) -> [ExportedFile] {
        guard let prepared = report.prepared else { return [] }
        let rows = report.runs.map { Row(run: $0, random: $0.result.strategy == "random" ? randomColumns : [], seeds: report.randomSeeds) }
        var files = [
            ExportedFile(name: "bench.csv", table: table(rows)),
            ExportedFile(name: "bench.json", json: JSONValue.object([
                JSONMember("round", roundJSON(prepared)),
                JSONMember("random_seeds", .integer(report.randomSeeds)),
                JSONMember("strategies", .array(rows.map(\.json))),
            ])),
        ]
        for run in report.runs {
            files.append(ExportedFile(name: "pairings-\(run.result.strategy).csv", table: pairingsTable(run.result, prepared: prepared)))
        }
        if !report.whatIf.isEmpty {
            files.append(ExportedFile(name: "whatif.csv", table: whatIfTable(report.whatIf)))
            files.append(ExportedFile(name: "whatif.json", json: whatIfJSON(report.whatIf)))
        }
        return files
    }

    /// The files of `kapstok evaluate`: `evaluate.csv` (one row, the columns of bench.csv),
    /// `evaluate.json` (that object with a `violations` array) and `violations.csv`
    /// (`mentee_id,mentor_id,rules,over_capacity,duplicate_mentee,problem`: one row per given pair
    /// that breaks a rule, `rules` the rule names of ``ExclusionRule`` joined by `;`).
    public static func evaluateFiles(_ run: BenchRun, prepared: PreparedRound) -> [ExportedFile] {
        let row = Row(run: run, random: [], seeds: 1)
        let round = prepared.round
        var violations = OutputTable(header: ["mentee_id", "mentor_id", "rules", "over_capacity", "duplicate_mentee", "problem"])
        var list: [JSONValue] = []
        for violation in run.result.violations {
            let mentee = round.mentees[violation.mentee].id
            let mentor = round.mentors[violation.mentor].id
            let text = prepared.describe(violation)
            violations.append([
                .text(mentee), .text(mentor), .text(violation.rules.map(\.rawValue).joined(separator: ";")),
                .text(String(violation.overCapacity)), .text(String(violation.duplicateMentee)), .text(text),
            ])
            list.append(.object([
                JSONMember("mentee_id", .string(mentee)), JSONMember("mentor_id", .string(mentor)),
                JSONMember("rules", .array(violation.rules.map { .string($0.rawValue) })),
                JSONMember("over_capacity", .bool(violation.overCapacity)),
                JSONMember("duplicate_mentee", .bool(violation.duplicateMentee)), JSONMember("problem", .string(text)),
            ]))
        }
        guard case .object(var members) = row.json else { preconditionFailure("a row renders as an object") }
        members.append(JSONMember("violations_list", .array(list)))
        return [
            ExportedFile(name: "evaluate.csv", table: table([row])),
            ExportedFile(name: "evaluate.json", json: JSONValue.object([
                JSONMember("round", roundJSON(prepared)), JSONMember("evaluation", .object(members)),
            ])),
            ExportedFile(name: "violations.csv", table: violations),
        ]
    }

    /// `mentee_id,mentee_name,mentor_id,mentor_name,score,rank,reason`, in mentee order.
    public static func pairingsCSV(_ result: StrategyResult, prepared: PreparedRound) -> String {
        CSVWriter.text(pairingsTable(result, prepared: prepared))
    }

    /// The table of ``pairingsCSV(_:prepared:)``.
    public static func pairingsTable(_ result: StrategyResult, prepared: PreparedRound) -> OutputTable {
        var table = OutputTable(header: ["mentee_id", "mentee_name", "mentor_id", "mentor_name", "score", "rank", "reason"])
        for pair in prepared.pairs(of: result) {
            let mentee = prepared.round.mentees[pair.mentee]
            let mentor = prepared.round.mentors[pair.mentor]
            table.append([
                .text(mentee.id), .text(mentee.name), .text(mentor.id), .text(mentor.name), .optional(pair.score, OutputCell.score),
                .optional(pair.rank, OutputCell.integer), .text(pair.reason),
            ])
        }
        return table
    }

    /// `setting,value,status,problem`, the columns, their deltas against the baseline, `seconds`.
    public static func whatIfCSV(_ runs: [WhatIfRun]) -> String { CSVWriter.text(whatIfTable(runs)) }

    /// The table of ``whatIfCSV(_:)``.
    public static func whatIfTable(_ runs: [WhatIfRun]) -> OutputTable {
        let names = whatIfNames(runs)
        var table = OutputTable(header: ["setting", "value", "status", "problem"] + names + names.map { $0 + "_delta" } + ["seconds"])
        for entry in whatIfEntries(runs, names: names) {
            table.append(
                [.text(entry.run.setting), .text(entry.run.value), .text(entry.status), .text(entry.run.problem ?? "")]
                    + entry.values.map(cell) + entry.deltas.map(cell) + [.optional(entry.seconds, secondsCell)])
        }
        return table
    }

    /// An array of objects with the names of ``whatIfCSV(_:)``; deltas in a `delta` object.
    public static func whatIfJSON(_ runs: [WhatIfRun]) -> JSONValue {
        let names = whatIfNames(runs)
        return .array(whatIfEntries(runs, names: names).map { entry in
            var members = [
                JSONMember("setting", .string(entry.run.setting)), JSONMember("value", .string(entry.run.value)),
                JSONMember("baseline", .bool(entry.run.isBaseline)), JSONMember("status", .string(entry.status)),
                JSONMember("problem", entry.run.problem.map(JSONValue.string) ?? .null),
            ]
            members += zip(names, entry.values).map { JSONMember($0, number($1)) }
            members.append(JSONMember("delta", .object(zip(names, entry.deltas).map { JSONMember($0, number($1)) })))
            members.append(JSONMember("seconds", entry.seconds.map { .number(rounded($0, 3)) } ?? .null))
            return .object(members)
        })
    }

    // MARK: - Rows

    /// One strategy's figures: a single run, or the random strategy's mean and sd over seeds.
    private struct Row {
        let run: BenchRun
        /// The random strategy's column summary; empty for a single run.
        let random: [MetricSummary]
        let seeds: Int

        var names: [String] { run.metrics.columns.map(\.name) }

        /// `(statistic, values)` per CSV row.
        var lines: [(statistic: String, values: [Double?])] {
            if random.isEmpty { return [("value", run.metrics.columns.map(\.value))] }
            return [("mean", random.map(\.mean)), ("sd", random.map(\.standardDeviation))]
        }

        var json: JSONValue {
            let first = lines[0]
            var members = [
                JSONMember("strategy", .string(run.result.strategy)), JSONMember("status", .string(run.result.status.rawValue)),
                JSONMember("seeds", .integer(random.isEmpty ? 1 : seeds)),
            ]
            for (name, value) in zip(names, first.values) {
                members.append(JSONMember(name, name == "seconds" ? value.map { .number(rounded($0, 3)) } ?? .null : number(value)))
            }
            members.append(JSONMember("rank_counts", .array(run.metrics.rankCounts.map { .integer($0) })))
            if !random.isEmpty {
                members.append(JSONMember("sd", .object(zip(names, random).map { JSONMember($0, number($1.standardDeviation)) })))
            }
            return .object(members)
        }
    }

    private static func table(_ rows: [Row]) -> OutputTable {
        let names = rows.first?.names ?? []
        var table = OutputTable(header: ["strategy", "status", "statistic", "seeds"] + names)
        for row in rows {
            for line in row.lines {
                let cells = zip(names, line.values).map { name, value in name == "seconds" ? .optional(value, secondsCell) : cell(value) }
                table.append(
                    [.text(row.run.result.strategy), .text(row.run.result.status.rawValue), .text(line.statistic),
                     .integer(row.random.isEmpty ? 1 : row.seeds)]
                        + cells)
            }
        }
        return table
    }

    private static func roundJSON(_ prepared: PreparedRound) -> JSONValue {
        .object([
            JSONMember("mentees", .integer(prepared.round.mentees.count)),
            JSONMember("mentors", .integer(prepared.round.mentors.count)),
            JSONMember("allowed_pairs", .integer(prepared.table.allowedCount)),
        ])
    }

    // MARK: - What-if

    private struct WhatIfEntry {
        let run: WhatIfRun
        let status: String
        let values: [Double?]
        let deltas: [Double?]
        let seconds: Double?
    }

    private static func whatIfNames(_ runs: [WhatIfRun]) -> [String] {
        (runs.lazy.compactMap(\.run).first?.metrics.columns.map(\.name) ?? []).filter { $0 != "seconds" }
    }

    private static func whatIfEntries(_ runs: [WhatIfRun], names: [String]) -> [WhatIfEntry] {
        func values(_ run: WhatIfRun?) -> [Double?] {
            guard let metrics = run?.run?.metrics else { return names.map { _ in nil } }
            let byName = Dictionary(metrics.columns.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            return names.map { byName[$0] ?? nil }
        }
        let baseline = values(runs.first { $0.isBaseline })
        return runs.map { run in
            let own = values(run)
            let deltas = zip(own, baseline).map { a, b -> Double? in
                guard let a, let b, run.run != nil else { return nil }
                return a - b
            }
            return WhatIfEntry(
                run: run, status: run.run?.result.status.rawValue ?? "impossible", values: own, deltas: deltas,
                seconds: run.run?.metrics.seconds)
        }
    }

    // MARK: - Numbers

    /// Figures rounded to 6 decimals: the same text on every platform, far below any real difference.
    private static func rounded(_ value: Double, _ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (value * scale).rounded() / scale
    }

    private static func cell(_ value: Double?) -> OutputCell {
        .optional(value) { .decimal(rounded($0, 6)) }
    }

    private static func secondsCell(_ value: Double) -> OutputCell { .decimal(rounded(value, 3)) }

    private static func number(_ value: Double?) -> JSONValue {
        value.map { .number(rounded($0, 6)) } ?? .null
    }
}

