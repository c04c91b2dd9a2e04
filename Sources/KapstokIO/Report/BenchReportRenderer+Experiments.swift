import Foundation
import Kapstok

extension BenchReportRenderer {
    // MARK: - What-if

    /// The metrics a what-if setting is charted on, one small chart each.
    static let whatIfMetrics = ["matched", "total_score", "min_score", "gap_covered", "load_gini", "blocking_pairs"]

    /// The settings in the order first given, each with its values; the baseline first (its own,
    /// else the report's first baseline).
    static func whatIfGroups(_ runs: [WhatIfRun]) -> [(setting: String, runs: [WhatIfRun])] {
        var settings: [String] = []
        for run in runs where !run.isBaseline && !settings.contains(run.setting) { settings.append(run.setting) }
        let shared = runs.first { $0.isBaseline }
        return settings.map { setting in
            let own = runs.filter { $0.setting == setting }
            let baseline = own.first { $0.isBaseline } ?? shared
            return (setting, (baseline.map { [$0] } ?? []) + own.filter { !$0.isBaseline })
        }
    }

    static func whatIf(_ report: BenchReport, on page: inout HTMLPage) {
        let groups = whatIfGroups(report.whatIf)
        guard !groups.isEmpty else { return }
        page.beginSection(id: "what-if", newPage: true)
        page.heading("What-if settings", id: "what-if-heading")
        page.paragraph("The optimal strategy re-run with one rule or weight changed; the dashed line marks the unchanged round (baseline).")
        for (number, group) in groups.enumerated() {
            page.heading("Setting \(group.setting)", level: 3)
            let labels = group.runs.map { $0.isBaseline ? ($0.value == "baseline" ? "baseline" : "\($0.value) (baseline)") : $0.value }
            let baselineIndex = group.runs.firstIndex { $0.isBaseline }
            page.beginGrid()
            for (chartNumber, name) in whatIfMetrics.enumerated() {
                let metric = metric(name)
                let points = group.runs.indices.compactMap { index in
                    group.runs[index].run.flatMap { value($0.metrics, name) }.map { ChartPoint(x: Double(index), y: $0) }
                }
                guard !points.isEmpty else { continue }
                let chart = SVGXYChart(
                    id: "chart-whatif-\(number)-\(chartNumber)", title: metric.label,
                    summary: "\(metric.label) per value of \(group.setting).",
                    series: [ChartXYSeries(name: group.setting, points: points)], xName: group.setting, yFormat: metric.format,
                    xLabels: labels, marks: baselineIndex.map { [(x: Double($0), label: "baseline")] } ?? [],
                    yIncludesZero: metric.format == .percent(decimals: 1), width: 360, height: 250)
                let shown = points.map { "\(labels[Int($0.x)]) \(metric.format.text($0.y))" }
                page.figure(svg: chart.svg(inline: true), caption: "\(metric.label): " + shown.joined(separator: ", ") + ".")
            }
            page.endGrid()
            let baseline = baselineIndex.flatMap { group.runs[$0].run }
            let columns = [HTMLTable.Column("Value")] + whatIfMetrics.map { HTMLTable.Column(metric($0).label, numeric: true) } + [HTMLTable.Column("Note")]
            let rows = group.runs.indices.map { index -> [String] in
                let run = group.runs[index]
                guard let measured = run.run else { return [labels[index]] + whatIfMetrics.map { _ in "–" } + [run.problem ?? "no run"] }
                return [labels[index]] + whatIfMetrics.map { name in
                    let metric = metric(name)
                    guard let v = value(measured.metrics, name) else { return "–" }
                    guard !run.isBaseline, let base = baseline.flatMap({ value($0.metrics, name) }) else { return metric.format.text(v) }
                    let change = v - base
                    let changeText = metric.format.text(abs(change))
                    return metric.format.text(v) + " (" + (change < 0 && changeText != metric.format.text(0) ? "−" : "+") + changeText + ")"
                } + [run.problem ?? ""]
            }
            page.table(HTMLTable(caption: "\(group.setting): each value with its change against the baseline", columns: columns, rows: rows))
        }
        page.endSection()
    }

    // MARK: - Scaling

    /// The sweep per strategy and size: the mean over seeds.
    struct SweepPoint {
        let strategy: String
        let mentees: Int
        let mentors: Int
        let pairs: Int
        let seeds: Int
        let seconds: Double
        let memoryBytes: Double?
    }

    static func sweepPoints(_ sweep: [SweepMeasurement]) -> [SweepPoint] {
        var keys: [(String, Int, Int, Int)] = []
        for m in sweep where !keys.contains(where: { $0 == (m.strategy, m.mentees, m.mentors, m.pairs) }) {
            keys.append((m.strategy, m.mentees, m.mentors, m.pairs))
        }
        let strategies = keys.map(\.0).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return keys.sorted { (strategies.firstIndex(of: $0.0)!, $0.3, $0.1) < (strategies.firstIndex(of: $1.0)!, $1.3, $1.1) }.map { key in
            let runs = sweep.filter { ($0.strategy, $0.mentees, $0.mentors, $0.pairs) == key }
            let memory = runs.compactMap(\.memoryBytes)
            return SweepPoint(
                strategy: key.0, mentees: key.1, mentors: key.2, pairs: key.3, seeds: runs.count,
                seconds: runs.map(\.seconds).reduce(0, +) / Double(runs.count),
                memoryBytes: memory.isEmpty ? nil : Double(memory.reduce(0, +)) / Double(memory.count))
        }
    }

    static func scaling(_ report: BenchReport, on page: inout HTMLPage) {
        guard !report.sweep.isEmpty else { return }
        page.beginSection(id: "scaling", newPage: true)
        page.heading("Scaling", id: "scaling-heading")
        let points = sweepPoints(report.sweep)
        let strategies = points.map(\.strategy).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let exponent = ChartValueFormat.number(decimals: 2)
        let quantities: [(quantity: String, label: String, scale: Double, value: (SweepPoint) -> Double?)] = [
            ("seconds", "seconds", 1, { $0.seconds }),
            ("memory_bytes", "peak memory (MiB)", 1_048_576, { $0.memoryBytes.map { $0 / 1_048_576 } }),
        ]
        for (number, quantity) in quantities.enumerated() {
            let series = strategies.map { strategy -> ChartXYSeries in
                let own = points.filter { $0.strategy == strategy }
                let fit = report.fits.first { $0.strategy == strategy && $0.quantity == quantity.quantity }
                let xs = own.map { Double($0.pairs) }
                var curve: [ChartPoint] = []
                if let fit, let low = xs.min(), let high = xs.max(), low > 0 {
                    curve = [low, high].map { ChartPoint(x: $0, y: fit.coefficient * Foundation.pow($0, fit.exponent) / quantity.scale) }
                }
                let name = strategy + (fit.map { " (exponent \(exponent.text($0.exponent)))" } ?? "")
                return ChartXYSeries(
                    name: name, points: own.compactMap { p in quantity.value(p).map { ChartPoint(x: Double(p.pairs), y: $0) } }, curve: curve)
            }
            guard series.contains(where: { !$0.points.isEmpty }) else { continue }
            let chart = SVGXYChart(
                id: "chart-scaling-\(number)", title: "\(quantity.label.prefix(1).uppercased() + quantity.label.dropFirst()) against allowed pairs (log–log)",
                summary: "Mean over seeds per size; the dotted line is the fitted power law pairs^exponent.",
                series: series, xName: "allowed pairs", yName: quantity.label, xScale: .logarithmic, yScale: .logarithmic,
                yFormat: .number(decimals: 4))
            let fits = report.fits.filter { $0.quantity == quantity.quantity }
            page.figure(svg: chart.svg(inline: true),
                caption: "On log–log axes a power law is a straight line; its slope is the growth exponent. "
                    + (fits.isEmpty ? "" : "Fitted: " + fits.map { "\($0.strategy) \(exponent.text($0.exponent))" }.joined(separator: ", ") + "."))
        }
        let f4 = ChartValueFormat.number(decimals: 4)
        let hasMemory = points.contains { $0.memoryBytes != nil }
        page.table(HTMLTable(
            caption: "Sweep: mean over seeds per strategy and size",
            columns: [HTMLTable.Column("Strategy"), HTMLTable.Column("Mentees × mentors", numeric: true), HTMLTable.Column("Allowed pairs", numeric: true),
                      HTMLTable.Column("Seeds", numeric: true), HTMLTable.Column("Seconds", numeric: true)]
                + (hasMemory ? [HTMLTable.Column("Peak memory (MiB)", numeric: true)] : []),
            rows: points.map { p in
                [p.strategy, "\(p.mentees) × \(p.mentors)", String(p.pairs), String(p.seeds), f4.text(p.seconds)]
                    + (hasMemory ? [p.memoryBytes.map { FixedDecimal.text($0 / 1_048_576, decimals: 2) } ?? "–"] : [])
            }))
        if !report.fits.isEmpty {
            page.table(HTMLTable(
                caption: "Fitted growth: quantity ≈ coefficient · pairs^exponent",
                columns: [HTMLTable.Column("Strategy"), HTMLTable.Column("Quantity"), HTMLTable.Column("Exponent", numeric: true),
                          HTMLTable.Column("Coefficient", numeric: true), HTMLTable.Column("Points", numeric: true)],
                rows: report.fits.map { [$0.strategy, $0.quantity, exponent.text($0.exponent), scientific($0.coefficient), String($0.points)] }))
        }
        page.endSection()
    }

    /// A coefficient in scientific notation with three significant digits: `2.41e-7`.
    static func scientific(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return Format.number(value, decimals: 0) }
        var exponent = 0
        var mantissa = abs(value)
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        while mantissa < 1 { mantissa *= 10; exponent -= 1 }
        var digits = FixedDecimal.text(mantissa, decimals: 2)
        if digits == "10.00" {
            digits = "1.00"
            exponent += 1
        }
        return (value < 0 ? "-" : "") + digits + "e" + String(exponent)
    }

    // MARK: - OR-Library

    static func orlib(_ report: BenchReport, on page: inout HTMLPage) {
        guard !report.orlib.isEmpty else { return }
        page.beginSection(id: "orlib", newPage: true)
        page.heading("OR-Library instances", id: "orlib-heading")
        let results = report.orlib
        let proven = results.filter { $0.status == .optimal }.count
        let matching = results.filter { r in r.known.map { known in r.value.map { abs($0 - known) < 0.5 } ?? false } ?? false }.count
        let withKnown = results.filter { $0.known != nil }.count
        page.paragraph("\(proven) of \(results.count) instances proven optimal"
            + (withKnown > 0 ? "; \(matching) of \(withKnown) reach the published value." : "."))
        let f0 = ChartValueFormat.number(decimals: 0)
        let f2 = ChartValueFormat.number(decimals: 2)
        page.table(HTMLTable(
            caption: "OR-Library GAP: value, proven bound, gap, status and time per instance",
            columns: [HTMLTable.Column("Instance"), HTMLTable.Column("Agents × jobs", numeric: true), HTMLTable.Column("Value", numeric: true),
                      HTMLTable.Column("Bound", numeric: true), HTMLTable.Column("Gap", numeric: true), HTMLTable.Column("Status"),
                      HTMLTable.Column("Seconds", numeric: true), HTMLTable.Column("Published", numeric: true), HTMLTable.Column("Value − published", numeric: true)],
            rows: results.map { r in
                [r.instance, "\(r.agents) × \(r.jobs)", r.value.map(f0.text) ?? "–", r.bound.map(f0.text) ?? "–",
                 r.gap.map { FixedDecimal.percent($0, decimals: 2) } ?? "–", r.status.rawValue, f2.text(r.seconds),
                 r.known.map { f0.text($0) + (r.knownIsOptimal ? "" : " (best known)") } ?? "–",
                 r.known.flatMap { known in r.value.map { f0.text($0 - known) } } ?? "–"]
            }))
        let chart = SVGBarChart(
            id: "chart-orlib", title: "Solve time per instance (seconds)", summary: "Wall-clock seconds per instance.",
            bars: results.map { ChartBar(label: $0.instance, value: $0.seconds, text: f2.text($0.seconds) + " s · " + $0.status.rawValue) },
            format: .number(decimals: 2))
        page.figure(svg: chart.svg(inline: true), caption: "\(proven) of \(results.count) proven optimal; times as measured.")
        page.endSection()
    }
}
