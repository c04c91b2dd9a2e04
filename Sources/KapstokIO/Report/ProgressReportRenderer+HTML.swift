import Kapstok

extension ProgressReportRenderer {
    /// The report as one self-contained HTML page (no script, no URL, no web font): summary,
    /// objectives, three charts (gap closed per role and domain, goal status per pair, sessions
    /// held over time), the flagged goals and pairs, and the tables of mentees, pairs and weeks.
    /// Prints on A4 without splitting a chart or a table row.
    public static func html(_ report: ProgressReport, names: ReportNames, title: String = "Progress report") -> String {
        var page = HTMLPage(title: "\(title) — \(report.asOf)")
        page.heading(title, level: 1)
        page.paragraph("As of \(report.asOf) · program \(report.programStart) to \(report.programEnd) · \(percent(report.elapsed)) of the program elapsed",
            className: "subtitle")
        let sections = textSections(report, names: names)
        let objectives = sections[0]
        let rest = sections.dropFirst()
        page.contents(
            [("summary", "Summary"), ("objectives", "Objectives"), ("charts", "Charts")]
                + rest.map { (Markup.identifier($0.heading.lowercased()), $0.heading) })

        page.beginSection(id: "summary")
        page.heading("Summary", id: "summary-heading")
        page.definitions(summary(report))
        page.endSection()

        addSection(objectives, id: "objectives", to: &page)

        page.beginSection(id: "charts")
        page.heading("Charts", id: "charts-heading")
        for chart in charts(report, names: names) { page.figure(svg: chart.svg, caption: chart.caption) }
        page.endSection()

        for section in rest { addSection(section, id: Markup.identifier(section.heading.lowercased()), to: &page) }
        return page.rendered()
    }

    private static func addSection(_ section: (heading: String, table: HTMLTable), id: String, to page: inout HTMLPage) {
        page.beginSection(id: id)
        page.heading(section.heading, id: id + "-heading")
        if section.table.rows.isEmpty {
            page.paragraph("\(section.table.caption): none.", className: "note")
        } else {
            page.table(section.table)
        }
        page.endSection()
    }

    /// The goal tracks in chart order, with their styles (colour and pattern each).
    static let trackCategories: [(GoalTrack, ChartCategory)] = [
        (.onTrack, ChartCategory(name: "on track", style: ChartStyle(color: ChartPalette.green, pattern: .solid))),
        (.behind, ChartCategory(name: "behind", style: ChartStyle(color: ChartPalette.orange, pattern: .diagonal))),
        (.atRisk, ChartCategory(name: "at risk", style: ChartStyle(color: ChartPalette.vermillion, pattern: .crosshatch))),
        (.achieved, ChartCategory(name: "achieved", style: ChartStyle(color: ChartPalette.skyBlue, pattern: .dots))),
        (.dropped, ChartCategory(name: "dropped", style: ChartStyle(color: ChartPalette.grey, pattern: .horizontal))),
    ]

    static func count(_ counts: TrackCounts, _ track: GoalTrack) -> Int {
        switch track {
        case .onTrack: counts.onTrack
        case .behind: counts.behind
        case .atRisk: counts.atRisk
        case .achieved: counts.achieved
        case .dropped: counts.dropped
        }
    }

    /// The pairs the status chart shows: every pair up to ``chartPairLimit``, else those with the
    /// most goals at risk, then behind, then in pair order.
    static func chartPairs(_ report: ProgressReport) -> [PairProgress] {
        guard report.pairs.count > chartPairLimit else { return report.pairs }
        let ranked = report.pairs.sorted {
            ($1.goals.atRisk, $1.goals.behind, $0.pair) < ($0.goals.atRisk, $0.goals.behind, $1.pair)
        }
        return Array(ranked.prefix(chartPairLimit))
    }

    /// The three charts of the page, as inline SVG with their captions.
    static func charts(_ report: ProgressReport, names: ReportNames) -> [(svg: String, caption: String)] {
        let gap = SVGBarChart(
            id: "chart-gap", title: "Gap closed per role and domain",
            summary: "Share of the weighted gap between baseline and target levels closed, per area.",
            bars: report.areas.map { ChartBar(label: $0.label, value: $0.figures.share ?? 0, text: $0.figures.share == nil ? "no gap" : nil) },
            format: .percent(decimals: 1), maximum: 1)

        let shown = chartPairs(report)
        let scope = shown.count < report.pairs.count
            ? "The \(shown.count) of \(report.pairs.count) pairs with the most goals at risk, then behind."
            : "Every pair."
        let status = SVGStackedBarChart(
            id: "chart-status", title: "Goal status per pair", summary: "Goals per pair by status. \(scope)",
            categories: trackCategories.map(\.1),
            rows: shown.map { pair in ChartStackRow(label: names.pair(pair.pair), values: trackCategories.map { Double(count(pair.goals, $0.0)) }) })

        let weeks = cumulativeWeeks(report)
        let sessions = SVGTimeSeriesChart(
            id: "chart-sessions", title: "Sessions held over time",
            summary: "Cumulative sessions per week: planned (the whole schedule) and held (up to \(report.asOf)).",
            points: weeks.points,
            series: [ChartSeries(name: "planned", values: weeks.planned), ChartSeries(name: "held", values: weeks.held)],
            valueName: "sessions")
        return [
            (gap.svg(inline: true), "Gap closed per area: " + report.areas.map { "\($0.label) \(percent($0.figures.share))" }.joined(separator: ", ") + "."),
            (status.svg(inline: true), scope + " Total: " + counts(report.goalCounts) + "."),
            (sessions.svg(inline: true), "\(report.sessions.held) of \(report.sessions.planned) planned sessions held "
                + "(\(percent(report.sessions.heldShare))); \(report.sessions.held) of \(report.sessions.dueByNow) due by now "
                + "(\(percent(report.sessions.heldShareToDate)))."),
        ]
    }
}
