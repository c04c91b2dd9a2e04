import Diagnostics
import Kapstok

/// The terminal tables of a round bench and of `kapstok evaluate`: the metrics as rows, one
/// column per strategy (random as mean ± sd over its seeds), then the what-if runs.
enum BenchTable {
    /// - Parameter randomColumns: ``BenchMetrics/columnSummary(of:)`` over the random seeds.
    static func render(_ report: BenchReport, randomColumns: [MetricSummary], folder: String?) -> String {
        guard let prepared = report.prepared else { return report.title }
        var lines = ["Kapstok bench: " + report.subtitle]
        lines += metricsTable(report.runs, prepared: prepared, random: randomColumns, seeds: report.randomSeeds)
        if !report.whatIf.isEmpty {
            lines.append("")
            lines.append("What if (optimiser, one setting changed; Δ against the baseline)")
            lines += whatIfTable(report.whatIf)
        }
        if let folder { lines.append("written to " + TerminalText.escaped(folder)) }
        return lines.joined(separator: "\n")
    }

    /// Metric rows × strategy columns. The random strategy's cells are `mean ± sd` when several
    /// seeds ran (from the column summary), its first seed's figures otherwise.
    static func metricsTable(_ runs: [BenchRun], prepared: PreparedRound, random: [MetricSummary], seeds: Int) -> [String] {
        let summary = Dictionary(random.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let useSummary = seeds > 1 && !random.isEmpty
        typealias Figure = (label: String, field: String?, decimals: Int, percent: Bool, text: (BenchMetrics) -> String)
        func plain(_ value: Double?, _ decimals: Int) -> String { value.map { Format.number($0, decimals: decimals) } ?? "–" }
        func percent(_ value: Double?) -> String { value.map { Format.number($0 * 100, decimals: 1) + " %" } ?? "–" }
        let mentees = prepared.round.mentees.count
        var figures: [Figure] = [
            ("matched", "matched", 1, false, { "\($0.matched)/\(mentees)" }),
            ("total score", "total_score", 2, false, { plain($0.totalScore, 2) }),
            ("mean score", "mean_score", 2, false, { plain($0.meanScore, 2) }),
            ("min score", "min_score", 2, false, { plain($0.minScore, 2) }),
            ("p10 score", "p10_score", 2, false, { plain($0.p10Score, 2) }),
            ("nash welfare", "nash_welfare", 2, false, { plain($0.nashWelfare, 2) }),
            ("gap covered", "gap_covered", 1, true, { percent($0.gapCovered) }),
            ("load min", "load_min", 2, false, { plain($0.loadMin, 2) }),
            ("load max", "load_max", 2, false, { plain($0.loadMax, 2) }),
            ("load gini", "load_gini", 3, false, { plain($0.loadGini, 3) }),
            ("blocking pairs", "blocking_pairs", 1, false, { String($0.blockingPairs) }),
            ("1st/2nd/3rd choice", "rank_1/rank_2/rank_3", 1, false, { m in (0..<3).map { String($0 < m.rankCounts.count ? m.rankCounts[$0] : 0) }.joined(separator: "/") }),
            ("mean rank", "mean_rank", 2, false, { plain($0.meanRank, 2) }),
            ("worst rank", "worst_rank", 1, false, { $0.worstRank.map(String.init) ?? "–" }),
            ("envy", "envy", 1, false, { String($0.envy) }),
            ("violations", "violations", 1, false, { String($0.violations) }),
        ]
        if let first = runs.first?.metrics {
            for (index, role) in first.roleCoverage.enumerated() {
                figures.append(("  gap " + role.role, BenchMetrics.coverageName(role: role.role), 1, true, { percent(index < $0.roleCoverage.count ? $0.roleCoverage[index].share : nil) }))
            }
            for (index, domain) in first.domainCoverage.enumerated() {
                let name = BenchMetrics.coverageName(domain: domain.domain)
                figures.append(("  interest " + name.dropFirst("coverage_domain_".count), name, 1, true, { percent(index < $0.domainCoverage.count ? $0.domainCoverage[index].share : nil) }))
            }
        }
        figures.append(("seconds", "seconds", 4, false, { Format.number($0.seconds, decimals: 4) }))

        func cell(_ figure: Figure, _ run: BenchRun) -> String {
            guard useSummary, run.result.strategy == "random", let field = figure.field else { return figure.text(run.metrics) }
            if field.contains("/") {
                // Several means in one cell (the rank profile), without their deviations.
                return field.split(separator: "/").map { summary[String($0)]?.mean.map { Format.number($0, decimals: 1) } ?? "–" }
                    .joined(separator: "/")
            }
            guard let entry = summary[field] else { return figure.text(run.metrics) }
            guard let mean = entry.mean else { return "–" }
            let scale = figure.percent ? 100.0 : 1.0
            let unit = figure.percent ? " %" : ""
            let sd = entry.standardDeviation.map { " ± " + Format.number($0 * scale, decimals: figure.decimals) } ?? ""
            return Format.number(mean * scale, decimals: figure.decimals) + sd + unit
        }
        let header = [""] + runs.map { run in
            run.result.strategy == "random" && seeds > 1 ? "random (\(seeds) seeds)" : run.result.strategy
        }
        var rows = [header, [""] + runs.map(\.result.status.rawValue)]
        rows[1][0] = "status"
        for figure in figures { rows.append([figure.label] + runs.map { cell(figure, $0) }) }
        return aligned(rows)
    }

    /// One row per what-if run: setting, status and the figures that move most, with deltas.
    static func whatIfTable(_ runs: [WhatIfRun]) -> [String] {
        let baseline = runs.first { $0.isBaseline }?.run?.metrics
        func delta(_ value: Double?, _ base: Double?, decimals: Int = 2, scale: Double = 1) -> String {
            guard let value, let base else { return "" }
            let difference = (value - base) * scale
            let text = Format.number(difference, decimals: decimals)
            return difference > 0 && text != "0" ? "+" + text : text
        }
        var rows = [["setting", "status", "matched", "total", "Δ total", "min", "Δ min", "gap covered", "Δ gap", "gini", "blocking", "seconds"]]
        var notes: [String] = []
        for entry in runs {
            let label = entry.isBaseline ? "baseline" : "\(entry.setting)=\(entry.value)"
            guard let metrics = entry.run?.metrics else {
                rows.append([label, "impossible"] + [String](repeating: "", count: 10))
                notes.append("  \(label): \(TerminalText.escaped(entry.problem ?? "no run"))")
                continue
            }
            let gap = metrics.gapCovered.map { Format.number($0 * 100, decimals: 1) + " %" } ?? "–"
            rows.append([
                label, entry.run?.result.status.rawValue ?? "", String(metrics.matched), Format.number(metrics.totalScore),
                entry.isBaseline ? "" : delta(metrics.totalScore, baseline?.totalScore),
                metrics.minScore.map { Format.number($0) } ?? "–",
                entry.isBaseline ? "" : delta(metrics.minScore, baseline?.minScore), gap,
                entry.isBaseline ? "" : delta(metrics.gapCovered, baseline?.gapCovered, decimals: 1, scale: 100),
                metrics.loadGini.map { Format.number($0, decimals: 3) } ?? "–", String(metrics.blockingPairs),
                Format.number(metrics.seconds, decimals: 4),
            ])
        }
        return aligned(rows) + notes
    }

    /// Rows as lines: the first column left-aligned, the others right-aligned, two spaces apart.
    static func aligned(_ rows: [[String]]) -> [String] {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = "  "
            for c in 0..<count {
                let text = c < row.count ? row[c] : ""
                let pad = String(repeating: " ", count: widths[c] - text.count)
                line += c == 0 ? text + pad : "  " + pad + text
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
