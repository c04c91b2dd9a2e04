import Kapstok

/// The HTML report of a `kapstok bench` run: one self-contained page (inline CSS and SVG, no
/// script, no URL, no web font) with the charts of what was measured — strategies on one round
/// (bench table, metric comparison, score distribution, mentor load, gap coverage heat maps),
/// what-if settings, a scaling sweep (log–log), OR-Library instances. A section appears only
/// when its data is there.
///
/// Every chart has a title and a text summary (`role="img"`, `<title>`, `<desc>`), a caption and
/// its numbers as a table; strategies keep one colour, pattern and marker shape throughout and
/// are named on every mark. Numbers print with fixed decimals (``FixedDecimal``); the output
/// holds no date or time but what the report holds, so the same report gives the same bytes.
public enum BenchReportRenderer {
    /// The page.
    public static func html(_ report: BenchReport) -> String {
        var page = HTMLPage(title: report.title)
        page.heading(report.title, level: 1)
        if !report.subtitle.isEmpty { page.paragraph(report.subtitle, className: "subtitle") }
        var contents: [(id: String, text: String)] = []
        if !report.runs.isEmpty {
            contents += [("strategies", "Strategies side by side"), ("scores", "Score distribution"), ("load", "Mentor load")]
            if report.prepared?.scoring != nil { contents.append(("coverage", "Gap coverage")) }
        }
        if report.whatIf.contains(where: { !$0.isBaseline }) { contents.append(("what-if", "What-if settings")) }
        if !report.sweep.isEmpty { contents.append(("scaling", "Scaling")) }
        if !report.orlib.isEmpty { contents.append(("orlib", "OR-Library instances")) }
        if contents.count > 1 { page.contents(contents) }
        if contents.isEmpty { page.paragraph("Nothing was measured.", className: "note") }

        if !report.runs.isEmpty {
            strategies(report, on: &page)
            scores(report, on: &page)
            load(report, on: &page)
            if let prepared = report.prepared, prepared.scoring != nil { coverage(report, prepared: prepared, on: &page) }
        }
        whatIf(report, on: &page)
        scaling(report, on: &page)
        orlib(report, on: &page)
        return page.rendered()
    }

    // MARK: - Metrics

    /// A metric of ``BenchMetrics/fields`` as the report shows it.
    struct Metric {
        let name: String
        let label: String
        let format: ChartValueFormat
        /// `true`: higher is better; `false`: lower is better; `nil`: neither.
        let higherIsBetter: Bool?
        /// Shown in the comparison chart.
        let isCompared: Bool
    }

    static let metrics: [Metric] = [
        Metric(name: "matched", label: "Mentees matched", format: .number(decimals: 0), higherIsBetter: true, isCompared: true),
        Metric(name: "total_score", label: "Total score", format: .number(decimals: 1), higherIsBetter: true, isCompared: true),
        Metric(name: "mean_score", label: "Mean score", format: .number(decimals: 2), higherIsBetter: true, isCompared: false),
        Metric(name: "min_score", label: "Minimum score", format: .number(decimals: 2), higherIsBetter: true, isCompared: true),
        Metric(name: "p10_score", label: "10th-percentile score", format: .number(decimals: 2), higherIsBetter: true, isCompared: true),
        Metric(name: "nash_welfare", label: "Nash welfare (Σ ln score)", format: .number(decimals: 2), higherIsBetter: true, isCompared: true),
        Metric(name: "gap_covered", label: "Weighted gap covered", format: .percent(decimals: 1), higherIsBetter: true, isCompared: true),
        Metric(name: "load_min", label: "Mentor load, minimum", format: .number(decimals: 2), higherIsBetter: nil, isCompared: false),
        Metric(name: "load_max", label: "Mentor load, maximum", format: .number(decimals: 2), higherIsBetter: nil, isCompared: false),
        Metric(name: "load_gini", label: "Mentor load Gini", format: .number(decimals: 3), higherIsBetter: false, isCompared: true),
        Metric(name: "blocking_pairs", label: "Blocking pairs", format: .number(decimals: 0), higherIsBetter: false, isCompared: true),
        Metric(name: "mean_rank", label: "Mean rank of the mentor", format: .number(decimals: 2), higherIsBetter: false, isCompared: true),
        Metric(name: "worst_rank", label: "Worst rank", format: .number(decimals: 0), higherIsBetter: false, isCompared: false),
        Metric(name: "envy", label: "Envy (mentee pairs)", format: .number(decimals: 0), higherIsBetter: false, isCompared: true),
        Metric(name: "violations", label: "Rule violations", format: .number(decimals: 0), higherIsBetter: false, isCompared: true),
        Metric(name: "seconds", label: "Run time (s)", format: .number(decimals: 4), higherIsBetter: false, isCompared: true),
    ]

    static func metric(_ name: String) -> Metric {
        metrics.first { $0.name == name } ?? Metric(name: name, label: name, format: .number(decimals: 2), higherIsBetter: nil, isCompared: false)
    }

    static func value(_ metrics: BenchMetrics, _ name: String) -> Double? {
        metrics.fields.first { $0.name == name }?.value ?? nil
    }

    /// A strategy's figure: its value, or for random the mean and standard deviation over seeds.
    struct Figure {
        let value: Double?
        let spread: Double?
        let text: String
    }

    static func figure(_ report: BenchReport, run: BenchRun, metric: Metric) -> Figure {
        if isRandom(run), let summary = report.randomSummary.first(where: { $0.name == metric.name }), report.randomSeeds > 1 {
            guard let mean = summary.mean else { return Figure(value: nil, spread: nil, text: "–") }
            let sd = summary.standardDeviation
            return Figure(value: mean, spread: sd, text: metric.format.text(mean) + (sd.map { " ± " + metric.format.text($0) } ?? ""))
        }
        let value = value(run.metrics, metric.name)
        return Figure(value: value, spread: nil, text: value.map(metric.format.text) ?? "–")
    }

    static func isRandom(_ run: BenchRun) -> Bool { run.result.strategy == "random" }

    /// The strategy's name as shown: random with its seed count.
    static func name(_ report: BenchReport, _ run: BenchRun) -> String {
        isRandom(run) && report.randomSeeds > 1 ? "random (\(report.randomSeeds) seeds)" : run.result.strategy
    }

    /// Each strategy's style, the same in every chart.
    static func style(_ index: Int) -> ChartStyle { ChartPalette.style(at: index) }

    // MARK: - Strategies on one round

    static func strategies(_ report: BenchReport, on page: inout HTMLPage) {
        page.beginSection(id: "strategies")
        page.heading("Strategies side by side", id: "strategies-heading")
        let names = report.runs.map { name(report, $0) }
        page.paragraph("Every strategy pairs the same round: the same candidates, hard rules and capacities, measured the same way."
            + (report.randomSeeds > 1 ? " Random shows the mean ± standard deviation over \(report.randomSeeds) seeds; its charts show its first seed." : ""))
        let rows = [["Status"] + report.runs.map { $0.result.status.rawValue }]
            + metrics.map { metric in [metric.label] + report.runs.map { figure(report, run: $0, metric: metric).text } }
        page.table(HTMLTable(
            caption: "Bench table: every metric per strategy",
            columns: [HTMLTable.Column("Metric")] + names.map { HTMLTable.Column($0, numeric: true) }, rows: rows))

        let compared = metrics.filter { metric in
            metric.isCompared && report.runs.contains { figure(report, run: $0, metric: metric).value != nil }
                && !(metric.name == "violations" && report.runs.allSatisfy { ($0.metrics.violations) == 0 })
        }
        let groups = compared.map { metric in
            let better = metric.higherIsBetter.map { $0 ? " — higher is better" : " — lower is better" } ?? ""
            return ChartBarGroup(title: metric.label + better, bars: report.runs.indices.map { index in
                let figure = figure(report, run: report.runs[index], metric: metric)
                return ChartGroupBar(label: names[index], value: figure.value ?? 0, text: figure.text, style: style(index), spread: figure.spread)
            })
        }
        let chart = SVGGroupedBarChart(
            id: "chart-metrics", title: "Metric comparison",
            summary: "Per metric, one bar per strategy, scaled to the largest value of that metric; the raw value printed.",
            groups: groups)
        let best = compared.compactMap { metric -> String? in
            guard let higher = metric.higherIsBetter else { return nil }
            let values = report.runs.indices.compactMap { i in figure(report, run: report.runs[i], metric: metric).value.map { (i, $0) } }
            guard let top = (higher ? values.max { $0.1 < $1.1 } : values.min { $0.1 < $1.1 }) else { return nil }
            let tied = values.filter { abs($0.1 - top.1) <= 1e-9 * max(1, abs(top.1)) }.map { names[$0.0] }
            return "\(metric.label): \(tied.joined(separator: ", "))"
        }
        page.figure(svg: chart.svg(inline: true),
            caption: "Bars are scaled per metric (the longest bar is the largest value); whiskers show random's ± standard deviation. Best per metric — "
                + best.joined(separator: "; ") + ".",
            numbers: HTMLTable(
                caption: "metric comparison",
                columns: [HTMLTable.Column("Metric")] + names.map { HTMLTable.Column($0, numeric: true) },
                rows: compared.map { metric in [metric.label] + report.runs.map { figure(report, run: $0, metric: metric).text } }))
        page.endSection()
    }

    /// Scores of the matched pairs per strategy: a box plot.
    static func scores(_ report: BenchReport, on page: inout HTMLPage) {
        guard let prepared = report.prepared else { return }
        page.beginSection(id: "scores")
        page.heading("Score distribution", id: "scores-heading")
        let rows = report.runs.map { ChartDistribution(label: $0.result.strategy, values: prepared.pairScores(of: $0.result.assignment)) }
        let chart = SVGBoxPlot(
            id: "chart-scores", title: "Scores of the matched pairs",
            summary: "Per strategy: the box spans the lower to the upper quartile, the bold line is the median, the diamond the mean, the whiskers reach the lowest and highest score; each tick below is one pair.",
            rows: rows, styles: rows.indices.map(style), format: .number(decimals: 1), valueName: "score")
        let f = ChartValueFormat.number(decimals: 2)
        let table = HTMLTable(
            caption: "scores of the matched pairs per strategy",
            columns: ["Strategy", "Pairs", "Minimum", "10th percentile", "Lower quartile", "Median", "Upper quartile", "Maximum", "Mean"]
                .enumerated().map { HTMLTable.Column($1, numeric: $0 > 0) },
            rows: zip(report.runs, rows).map { run, row in
                guard let q = row.quartiles else { return [run.result.strategy, "0", "–", "–", "–", "–", "–", "–", "–"] }
                return [run.result.strategy, String(row.values.count), f.text(q.minimum), run.metrics.p10Score.map(f.text) ?? "–",
                        f.text(q.lower), f.text(q.median), f.text(q.upper), f.text(q.maximum), f.text(q.mean)]
            })
        let lowest = zip(report.runs, rows).compactMap { run, row in row.quartiles.map { "\(run.result.strategy) \(f.text($0.minimum))" } }
        page.figure(svg: chart.svg(inline: true),
            caption: "The lowest score per strategy: \(lowest.joined(separator: ", ")). A strategy that maximises the total can leave a weaker tail than one that protects the minimum.",
            numbers: table)
        page.endSection()
    }

    /// Mentors by load per strategy: a stacked bar each, with min, max and Gini.
    static func load(_ report: BenchReport, on page: inout HTMLPage) {
        guard let prepared = report.prepared else { return }
        page.beginSection(id: "load")
        page.heading("Mentor load", id: "load-heading")
        let loads = report.runs.map { prepared.mentorLoads(of: $0.result.assignment) }
        let bins = loadBins(loads.flatMap { $0 })
        let categories = bins.indices.map { ChartCategory(name: bins[$0].label, style: ChartPalette.style(at: $0)) }
        let counts = loads.map { mentorLoads in bins.map { bin in Double(mentorLoads.filter { bin.contains($0) }.count) } }
        let f3 = ChartValueFormat.number(decimals: 3)
        let f2 = ChartValueFormat.number(decimals: 2)
        func gini(_ run: BenchRun) -> String { run.metrics.loadGini.map(f3.text) ?? "–" }
        let chart = SVGStackedBarChart(
            id: "chart-load", title: "Mentors by load",
            summary: "Per strategy, the \(prepared.round.mentors.count) mentors split by how many mentees (load) they were given; the Gini index of the loads in the label (0: all equal).",
            categories: categories,
            rows: report.runs.indices.map { ChartStackRow(label: "\(report.runs[$0].result.strategy) (Gini \(gini(report.runs[$0])))", values: counts[$0]) })
        let table = HTMLTable(
            caption: "mentor load per strategy",
            columns: [HTMLTable.Column("Strategy"), HTMLTable.Column("Minimum", numeric: true), HTMLTable.Column("Maximum", numeric: true),
                      HTMLTable.Column("Gini", numeric: true)] + bins.map { HTMLTable.Column("Mentors with \($0.label)", numeric: true) },
            rows: report.runs.indices.map { index in
                let metrics = report.runs[index].metrics
                return [metrics.strategy, metrics.loadMin.map(f2.text) ?? "–", metrics.loadMax.map(f2.text) ?? "–", gini(report.runs[index])]
                    + counts[index].map { String(Int($0)) }
            })
        page.figure(svg: chart.svg(inline: true),
            caption: "Load range and Gini per strategy: " + report.runs.map {
                "\($0.result.strategy) \($0.metrics.loadMin.map(f2.text) ?? "–")–\($0.metrics.loadMax.map(f2.text) ?? "–"), Gini \(gini($0))"
            }.joined(separator: "; ") + ".",
            numbers: table)
        page.endSection()
    }

    /// The categories of the load chart: each distinct load (to 1e-9) when there are at most
    /// seven, else six equal ranges from 0 to the largest load.
    struct LoadBin {
        let label: String
        let low: Double
        let high: Double
        /// Whether the range is closed above (the last range, and single values).
        let isClosed: Bool

        func contains(_ value: Double) -> Bool { value >= low - 1e-9 && (isClosed ? value <= high + 1e-9 : value < high - 1e-9) }
    }

    static func loadBins(_ values: [Double]) -> [LoadBin] {
        var distinct: [Double] = []
        for value in values.sorted() where distinct.last.map({ value - $0 > 1e-9 }) ?? true { distinct.append(value) }
        if distinct.count <= 7 {
            return distinct.map { LoadBin(label: "load \(Format.number($0, decimals: 2))", low: $0, high: $0, isClosed: true) }
        }
        let top = distinct.last ?? 1
        let width = top / 6
        return (0..<6).map { k in
            let low = Double(k) * width
            let high = k == 5 ? top : Double(k + 1) * width
            return LoadBin(label: "load \(Format.number(low, decimals: 2))–\(Format.number(high, decimals: 2))", low: low, high: high, isClosed: k == 5)
        }
    }

    /// Gap coverage per role, competency and domain: heat maps, strategies × items.
    static func coverage(_ report: BenchReport, prepared: PreparedRound, on page: inout HTMLPage) {
        let framework = prepared.round.framework
        func itemName(_ id: String) -> String { framework.item(id: id)?.name ?? id }
        let strategies = report.runs.map(\.result.strategy)
        let maps: [(id: String, title: String, what: String, columns: [String], values: [[Double?]])] = [
            ("chart-coverage-roles", "Gap covered per role", "Share of each role's weighted competency gap the mentors cover (all roles first).",
             ["all roles"] + (report.runs.first?.metrics.roleCoverage.map(\.role) ?? []),
             report.runs.map { [$0.metrics.gapCovered] + $0.metrics.roleCoverage.map(\.share) }),
            ("chart-coverage-competencies", "Gap covered per competency", "Share of the mentees' gap on each competency that their mentors' levels cover.",
             framework.competencies.map(\.name),
             report.runs.map { prepared.competencyCoverage(of: $0.result.assignment).map(\.share) }),
            ("chart-coverage-domains", "Domain interest met", "Share of the mentees' domain interest met by their mentors' expertise.",
             report.runs.first?.metrics.domainCoverage.map { itemName($0.domain) } ?? [],
             report.runs.map { $0.metrics.domainCoverage.map(\.share) }),
        ]
        page.beginSection(id: "coverage")
        page.heading("Gap coverage", id: "coverage-heading")
        for map in maps where !map.columns.isEmpty && map.values.contains(where: { $0.contains { $0 != nil } }) {
            let chart = SVGHeatMap(
                id: map.id, title: map.title, summary: map.what + " Rows: strategies.", rowLabels: strategies, columnLabels: map.columns,
                values: map.values, format: .percent(decimals: 0), minimum: 0, maximum: 1)
            let p = ChartValueFormat.percent(decimals: 1)
            page.figure(svg: chart.svg(inline: true), caption: map.what + " Darker is less covered; a hatched cell has no gap to cover.",
                numbers: HTMLTable(
                    caption: map.title.lowercased(),
                    columns: [HTMLTable.Column("Strategy")] + map.columns.map { HTMLTable.Column($0, numeric: true) },
                    rows: strategies.indices.map { [strategies[$0]] + map.values[$0].map { $0.map(p.text) ?? "–" } }))
        }
        page.endSection()
    }
}
