import Foundation
import Kapstok
import Testing

@testable import KapstokIO

@Suite struct ReportSVGTests {
    static let hostile = "<script>alert(1)</script> & \"q\" 'a' ]]>"

    /// The root's attributes, after checking the parts every chart must have.
    static func checkRoot(_ outline: XMLOutline, title: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String: String] {
        let root = outline.elements.first
        #expect(root?.name == "svg", sourceLocation: sourceLocation)
        let attributes = root?.attributes ?? [:]
        #expect(attributes["role"] == "img", sourceLocation: sourceLocation)
        #expect(attributes["viewBox"]?.hasPrefix("0 0 720 ") == true, sourceLocation: sourceLocation)
        #expect(attributes["style"]?.contains("print-color-adjust:exact") == true, sourceLocation: sourceLocation)
        #expect(outline.text(of: "title") == [title], sourceLocation: sourceLocation)
        #expect(outline.count("desc") == 1, sourceLocation: sourceLocation)
        // aria-labelledby names the title's and the description's ids.
        let ids = outline.elements.filter { $0.name == "title" || $0.name == "desc" }.compactMap { $0.attributes["id"] }
        #expect(attributes["aria-labelledby"] == ids.joined(separator: " "), sourceLocation: sourceLocation)
        return attributes
    }

    /// Same bytes twice; the inline form is the standalone one without the namespace.
    static func checkDeterministic(_ svg: (Bool) -> String, sourceLocation: SourceLocation = #_sourceLocation) {
        let standalone = svg(false)
        #expect(standalone == svg(false), sourceLocation: sourceLocation)
        #expect(standalone.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox="), sourceLocation: sourceLocation)
        let inline = svg(true)
        #expect(!inline.contains("http"), sourceLocation: sourceLocation)
        #expect(inline == standalone.replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: ""), sourceLocation: sourceLocation)
        #expect(!standalone.contains("<script"), sourceLocation: sourceLocation)
    }

    static func widths(_ outline: XMLOutline, fill: String) -> [Double] {
        outline.elements.filter { $0.name == "rect" && $0.attributes["fill"] == fill }.compactMap { Double($0.attributes["width"] ?? "") }
    }

    @Test func markupEscapesEverythingThatCouldBreakOut() {
        #expect(Markup.escape("<a href='x'>&\"]]>\u{1}\u{FFFF}é\n") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;]]&gt;\u{FFFD}\u{FFFD}é\n")
        #expect(Markup.identifier("chart gap/1") == "chart-gap-1")
        #expect(Markup.identifier("1st") == "k1st")
    }

    @Test func fixedDecimalsKeepTheirZerosWithoutLocale() {
        #expect(FixedDecimal.text(2.5, decimals: 2) == "2.50")
        #expect(FixedDecimal.text(3, decimals: 0) == "3")
        #expect(FixedDecimal.text(78, decimals: 1) == "78.0")
        #expect(FixedDecimal.text(-0.04, decimals: 1) == "0.0")
        #expect(FixedDecimal.text(-12.25, decimals: 1) == "-12.3")
        #expect(FixedDecimal.text(1e20, decimals: 1) == "1e+20")
        // 0.7889 → 78.89 → 78.9; 1/3 → 33.33… → 33.3; 1 → 100.0.
        #expect(FixedDecimal.percent(0.7889) == "78.9 %")
        #expect(FixedDecimal.percent(1.0 / 3.0) == "33.3 %")
        #expect(FixedDecimal.percent(1) == "100.0 %")
        #expect(ChartValueFormat.number(decimals: 2).text(4.4) == "4.40")
    }

    @Test func axisScalesEndOnRoundNumbers() {
        // Shares to 1: steps of 0.2 (five ticks). 12 sessions: 2.5 rounds up to whole 3, end 12.
        #expect(ChartAxis.niceScale(maximum: 1, format: .percent(decimals: 1)) == (1, 0.2))
        #expect(ChartAxis.niceScale(maximum: 12, format: .number(decimals: 0)) == (12, 3))
        // 0.37: magnitude 0.1, step 0.1 (3.7 ≤ 5), end 0.4. Nothing positive: 0 to 1.
        let small = ChartAxis.niceScale(maximum: 0.37, format: .number(decimals: 2))
        #expect(abs(small.end - 0.4) < 1e-12 && abs(small.step - 0.1) < 1e-12)
        #expect(ChartAxis.niceScale(maximum: 0, format: .number(decimals: 0)) == (1, 1))
    }

    @Test func barChart() throws {
        let chart = SVGBarChart(
            id: "bars", title: "Gap closed & more", summary: "Per area.",
            bars: [
                ChartBar(label: "Leader", value: 0.25), ChartBar(label: "Manager", value: 1), ChartBar(label: Self.hostile, value: 0.5),
                ChartBar(label: "People", value: 0, text: "no gap"),
            ],
            format: .percent(decimals: 1), maximum: 1)
        let svg = chart.svg()
        let outline = try #require(XMLOutline.parse(svg))
        _ = Self.checkRoot(outline, title: "Gap closed & more")
        #expect(outline.text(of: "desc") == ["Per area. Leader: 25.0 %; Manager: 100.0 %; \(Self.hostile): 50.0 %; People: no gap."])
        let texts = outline.text(of: "text")
        for value in ["25.0 %", "100.0 %", "50.0 %", "no gap", "Leader", "0 %", "20 %", "100 %"] {
            #expect(texts.contains(value), "\(value) printed")
        }
        // The hostile label (39 characters) prints whole, escaped in the file.
        #expect(texts.contains(Self.hostile))
        #expect(!svg.contains("<script") && svg.contains("&lt;script&gt;"))
        // Bars in proportion: 0.25, 1, 0.5 of the axis; the empty one has width 0.
        let bars = Self.widths(outline, fill: ChartPalette.blue)
        #expect(bars.count == 4)
        if bars.count == 4 {
            #expect(abs(bars[1] / bars[0] - 4) < 0.05 && abs(bars[1] / bars[2] - 2) < 0.05 && bars[3] == 0)
        }
        Self.checkDeterministic { chart.svg(inline: $0) }
    }

    @Test func stackedBarChart() throws {
        let categories = [
            ChartCategory(name: "on track", style: ChartStyle(color: ChartPalette.green, pattern: .solid)),
            ChartCategory(name: "behind", style: ChartStyle(color: ChartPalette.orange, pattern: .diagonal)),
            ChartCategory(name: "at risk", style: ChartStyle(color: ChartPalette.vermillion, pattern: .crosshatch)),
        ]
        let chart = SVGStackedBarChart(
            id: "stack", title: "Status", categories: categories,
            rows: [
                ChartStackRow(label: "A", values: [2, 1, 0]), ChartStackRow(label: Self.hostile, values: [0, 0, 3]),
                ChartStackRow(label: "C", values: [20, 1, 0]),
            ])
        let svg = chart.svg()
        let outline = try #require(XMLOutline.parse(svg))
        _ = Self.checkRoot(outline, title: "Status")
        #expect(outline.text(of: "desc") == [
            "A: 2 on track, 1 behind (total 3); \(Self.hostile): 3 at risk (total 3); C: 20 on track, 1 behind (total 21)."
        ])
        // Two patterned categories → two patterns, each over its colour; the solid one is a colour.
        let patterns = outline.elements.filter { $0.name == "pattern" }.compactMap { $0.attributes["id"] }
        #expect(patterns == ["stack-p0", "stack-p1"])
        let legendFills = outline.elements.filter { $0.name == "rect" && $0.attributes["width"] == "14" }.compactMap { $0.attributes["fill"] }
        #expect(legendFills == [ChartPalette.green, "url(#stack-p0)", "url(#stack-p1)"])
        // Axis to 21 (niceScale: steps of 5 → end 25). The on-track segments 2 and 20 are in
        // proportion 1 : 10.
        let green = Self.widths(outline, fill: ChartPalette.green).filter { $0 != 14 }
        #expect(green.count == 2)
        if green.count == 2 { #expect(abs(green[1] / green[0] - 10) < 0.1) }
        let texts = outline.text(of: "text")
        // Segments of 1 (1/25 of an axis of about 316 units: 12.6 < 13.2 for one digit and its
        // margin) are too narrow for their text: it goes beside the bar, after the total.
        #expect(texts.contains("3 · behind 1") && texts.contains("21 · behind 1"), "\(texts)")
        #expect(texts.contains("20") && texts.contains("2") && texts.contains("3"))
        Self.checkDeterministic { chart.svg(inline: $0) }
    }

    @Test func timeSeriesChart() throws {
        let chart = SVGTimeSeriesChart(
            id: "weeks", title: "Sessions", points: ["2027-01-04", "2027-01-11", "2027-01-18"],
            series: [ChartSeries(name: "planned", values: [1, 3, 6]), ChartSeries(name: Self.hostile, values: [1, 2])], valueName: "sessions")
        let svg = chart.svg()
        let outline = try #require(XMLOutline.parse(svg))
        _ = Self.checkRoot(outline, title: "Sessions")
        #expect(outline.text(of: "desc") == [
            "planned: 2027-01-04 1, 2027-01-11 3, 2027-01-18 6; \(Self.hostile): 2027-01-04 1, 2027-01-11 2."
        ])
        let lines = outline.elements.filter { $0.name == "path" && $0.attributes["fill"] == "none" }
        #expect(lines.count == 2)
        // The second series is dashed as well as coloured differently.
        #expect(lines.first?.attributes["stroke-dasharray"] == nil && lines.last?.attributes["stroke-dasharray"] == "7 4")
        #expect(lines.last?.attributes["d"]?.split(separator: " ").count == 2, "two points for two values")
        let texts = outline.text(of: "text")
        for value in ["1", "3", "6", "2", "2027-01-18", "sessions", "planned"] { #expect(texts.contains(value), "\(value)") }
        // Marker shapes differ per series: circles for the first, squares for the second.
        #expect(outline.count("circle") == 3 + 1)
        Self.checkDeterministic { chart.svg(inline: $0) }
    }

    @Test func labelledPointsAreSpacedAndEndOnTheLast() {
        func indices(_ count: Int) -> [Int] {
            SVGTimeSeriesChart(id: "x", title: "x", points: (0..<count).map(String.init), series: []).labelledIndices
        }
        #expect(indices(0) == [])
        #expect(indices(5) == [0, 1, 2, 3, 4])
        // 20 points, 8 labels at most: stride ⌈19 / 7⌉ = 3 → 0, 3, …, 18; 18 is too close to 19.
        #expect(indices(20) == [0, 3, 6, 9, 12, 15, 19])
        // 9 points: stride ⌈8 / 7⌉ = 2 → 0, 2, 4, 6, 8.
        #expect(indices(9) == [0, 2, 4, 6, 8])
    }

    @Test func heatMap() throws {
        let chart = SVGHeatMap(
            id: "heat", title: "Heat", rowLabels: ["Leader", Self.hostile], columnLabels: ["Q1", "Q2"], values: [[0, 0.5], [1]],
            format: .percent(decimals: 0))
        let svg = chart.svg()
        let outline = try #require(XMLOutline.parse(svg))
        _ = Self.checkRoot(outline, title: "Heat")
        #expect(outline.text(of: "desc") == ["Leader: Q1 0 %, Q2 50 %; \(Self.hostile): Q1 100 %, Q2 none."])
        // Viridis ends and middle: 0 → #440154, 0.5 → (33, 145, 140), 1 → #FDE725.
        let cells = outline.elements.filter { $0.name == "rect" && $0.attributes["height"] == "26" }.compactMap { $0.attributes["fill"] }
        #expect(cells == ["#440154", "#21918C", "#FDE725", "url(#heat-p0)"])
        // White text on the dark cell (luminance 21), dark text on the light ones (121, 221).
        let cellTexts = outline.elements.filter { $0.name == "text" && $0.attributes["font-size"] == "11" && $0.attributes["text-anchor"] == "middle" }
        #expect(cellTexts.compactMap { $0.attributes["fill"] }.suffix(3) == ["#ffffff", SVGCanvas.ink, SVGCanvas.ink])
        let texts = outline.text(of: "text")
        for value in ["0 %", "50 %", "100 %", "–", "no value", "Q1", "Leader"] { #expect(texts.contains(value), "\(value)") }
        Self.checkDeterministic { chart.svg(inline: $0) }
    }
}

extension ReportSVGTests {
    @Test func longLabelsAreCutWithAnEllipsis() throws {
        let label = String(repeating: "abcdefghij", count: 5)
        let chart = SVGBarChart(id: "long", title: "Long", bars: [ChartBar(label: label, value: 1)])
        let outline = try #require(XMLOutline.parse(chart.svg()))
        // 50 characters → the first 39 and "…"; the description keeps the whole label.
        #expect(outline.text(of: "text").contains(String(label.prefix(39)) + "…"))
        #expect(outline.text(of: "desc") == ["\(label): 1."])
    }
}
