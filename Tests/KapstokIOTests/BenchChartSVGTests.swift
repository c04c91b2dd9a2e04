import Foundation
import Kapstok
import Testing

@testable import KapstokIO

/// The chart primitives the bench report adds: grouped bars, box plot, x–y chart (log–log).
@Suite struct BenchChartSVGTests {
    static func rects(_ outline: XMLOutline, height: String) -> [Double] {
        outline.elements.filter { $0.name == "rect" && $0.attributes["height"] == height }.compactMap { Double($0.attributes["width"] ?? "") }
    }

    @Test func groupedBarsScaleEachGroupToItsLargestValue() throws {
        let (a, b) = (ChartPalette.style(at: 0), ChartPalette.style(at: 1))
        let chart = SVGGroupedBarChart(id: "g", title: "Metrics", groups: [
            ChartBarGroup(title: "Total", bars: [ChartGroupBar(label: "optimal", value: 10, text: "10", style: a),
                                                 ChartGroupBar(label: "greedy", value: 5, text: "5", style: b)]),
            ChartBarGroup(title: "Blocking", bars: [ChartGroupBar(label: "optimal", value: 2, text: "2", style: a),
                                                    ChartGroupBar(label: "random", value: 4, text: "4 ± 1", style: b, spread: 1)]),
        ])
        let svg = chart.svg()
        let outline = try #require(XMLOutline.parse(svg))
        #expect(outline.text(of: "desc") == ["Total: optimal 10, greedy 5; Blocking: optimal 2, random 4 ± 1."])
        // Group 1: 10 and 5 of 10 → 1, 0.5. Group 2: largest 4 + 1 = 5 → 2/5 = 0.4, 4/5 = 0.8.
        #expect(SVGGroupedBarChart.shares(chart.groups[1]) == [0.4, 0.8])
        let widths = Self.rects(outline, height: "13")
        #expect(widths.count == 4)
        if widths.count == 4, let full = widths.first {
            #expect(abs(widths[1] / full - 0.5) < 1e-3 && abs(widths[2] / full - 0.4) < 1e-3 && abs(widths[3] / full - 0.8) < 1e-3)
        }
        // Every bar names its strategy (direct labels), and the spread draws a whisker (3 lines).
        let texts = outline.text(of: "text")
        #expect(texts.filter { $0 == "optimal" }.count == 2 && texts.contains("greedy") && texts.contains("4 ± 1"))
        #expect(outline.elements.filter { $0.name == "line" && $0.attributes["stroke-width"] == "1.5" }.count == 3)
        #expect(!svg.contains("<script") && svg == chart.svg())
    }

    @Test func boxPlotDrawsQuartilesToScale() throws {
        let chart = SVGBoxPlot(id: "b", title: "Scores", rows: [ChartDistribution(label: "optimal", values: (1...10).map(Double.init))],
            format: .number(decimals: 1))
        let outline = try #require(XMLOutline.parse(chart.svg()))
        // Minimum 1, quartiles 3, 5, 8 (nearest rank), maximum 10, mean 5.5.
        #expect(outline.text(of: "desc") == [
            "optimal: 10 values, minimum 1.0, lower quartile 3.0, median 5.0, upper quartile 8.0, maximum 10.0, mean 5.5."
        ])
        // The box (3 to 8) against the whisker (1 to 10): 5/9 of its length.
        let box = try #require(Self.rects(outline, height: "18").first)
        let whisker = try #require(outline.elements.first { $0.name == "line" && $0.attributes["stroke-width"] == "1.2" })
        let length = (Double(whisker.attributes["x2"] ?? "") ?? 0) - (Double(whisker.attributes["x1"] ?? "") ?? 0)
        #expect(abs(box / length - 5.0 / 9.0) < 1e-3, "\(box) / \(length)")
        // One tick per value; the median and the extremes printed.
        #expect(outline.elements.contains { $0.name == "path" && ($0.attributes["d"] ?? "").components(separatedBy: "v5").count - 1 == 10 })
        #expect(["1.0", "5.0", "10.0"].allSatisfy(outline.text(of: "text").contains))
    }

    @Test func logLogChartPlacesPowersOfTenEvenly() throws {
        let chart = SVGXYChart(
            id: "s", title: "Seconds", series: [
                ChartXYSeries(name: "optimal (exponent 1.00)", points: [ChartPoint(x: 100, y: 0.001), ChartPoint(x: 1000, y: 0.01), ChartPoint(x: 10_000, y: 0.1)]),
                ChartXYSeries(name: "zero", points: [ChartPoint(x: 100, y: 0)]),
            ], xName: "pairs", xScale: .logarithmic, yScale: .logarithmic, yFormat: .number(decimals: 3))
        let outline = try #require(XMLOutline.parse(chart.svg()))
        let markers = outline.elements.filter { $0.name == "circle" && $0.attributes["r"] == "4" }
        let xs = markers.compactMap { Double($0.attributes["cx"] ?? "") }
        let ys = markers.compactMap { Double($0.attributes["cy"] ?? "") }
        // A power law y = 1e-5 · x is a straight line: equal steps per decade on both axes.
        #expect(xs.count == 3 && ys.count == 3)
        if xs.count == 3 && ys.count == 3 {
            #expect(abs((xs[1] - xs[0]) - (xs[2] - xs[1])) < 0.02 && abs((ys[1] - ys[0]) - (ys[2] - ys[1])) < 0.02)
        }
        // The zero cannot sit on a log axis: no square marker of size 8 (only the legend's, 9), no label.
        #expect(outline.elements.filter { $0.name == "rect" && $0.attributes["width"] == "8" }.isEmpty)
        #expect(outline.elements.filter { $0.name == "rect" && $0.attributes["width"] == "9" }.count == 1)
        let texts = outline.text(of: "text")
        #expect(texts.filter { $0 == "optimal (exponent 1.00)" }.count == 2, "legend and direct label")
        #expect(texts.filter { $0 == "zero" }.count == 1, "legend only")
        #expect(["100", "1000", "10000", "0.001", "0.01", "0.1"].allSatisfy(texts.contains))
        #expect(outline.text(of: "desc") == ["optimal (exponent 1.00): 100 0.001, 1000 0.010, 10000 0.100; zero: 100 0.000."])
    }
}
