import Foundation
import Kapstok

/// One point of an x–y chart.
public struct ChartPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// One series of an x–y chart: markers at its points, joined by a line when ``isConnected``, and
/// an optional second line (a fitted curve) drawn thin and dashed in the same colour.
public struct ChartXYSeries: Sendable, Hashable {
    public var name: String
    public var points: [ChartPoint]
    public var isConnected: Bool
    /// A curve through these points (a fit), drawn as a thin dashed line.
    public var curve: [ChartPoint]

    public init(name: String, points: [ChartPoint], isConnected: Bool = true, curve: [ChartPoint] = []) {
        self.name = name
        self.points = points
        self.isConnected = isConnected
        self.curve = curve
    }
}

/// How an axis maps values: evenly, or by powers of ten (values ≤ 0 are left out).
public enum ChartScaleKind: Sendable, Hashable {
    case linear
    case logarithmic
}

/// A value axis of an x–y chart: its ends and ticks, linear with round steps, or logarithmic
/// with one tick per power of ten.
struct ChartScale {
    let kind: ChartScaleKind
    let low: Double
    let high: Double
    let ticks: [Double]
    /// The decimals a linear tick needs to show its step (`0.005` → 3); 0 for log scales.
    let tickDecimals: Int

    /// A scale covering `values` (finite ones; positive ones when logarithmic). Linear scales
    /// start at 0 when `includesZero`, else at a round value below the smallest.
    init(kind: ChartScaleKind, values: [Double], includesZero: Bool = false) {
        self.kind = kind
        switch kind {
        case .linear:
            let finite = values.filter(\.isFinite)
            var low = finite.min() ?? 0
            var high = finite.max() ?? 1
            if includesZero { low = min(low, 0); high = max(high, 0) }
            if high - low < 1e-12 {
                let pad = abs(high) > 1e-12 ? abs(high) * 0.1 : 1
                low -= pad
                high += pad
                if includesZero && finite.allSatisfy({ $0 >= 0 }) { low = max(low, 0) }
            }
            let step = ChartAxis.niceScale(maximum: (high - low), format: .number(decimals: 2)).step
            let first = (low / step).rounded(.down)
            let last = (high / step).rounded(.up)
            self.low = first * step
            self.high = max(last, first + 1) * step
            ticks = (0...Int(max(last - first, 1))).map { (first + Double($0)) * step }
            var decimals = 0
            while decimals < 8, abs((step * pow(10, Double(decimals))).rounded() - step * pow(10, Double(decimals))) > 1e-6 { decimals += 1 }
            tickDecimals = decimals
        case .logarithmic:
            let positive = values.filter { $0.isFinite && $0 > 0 }
            let lowPower = (log10(positive.min() ?? 1)).rounded(.down)
            var highPower = (log10(positive.max() ?? 10)).rounded(.up)
            if highPower <= lowPower { highPower = lowPower + 1 }
            low = pow(10, lowPower)
            high = pow(10, highPower)
            ticks = (0...Int(highPower - lowPower)).map { pow(10, lowPower + Double($0)) }
            tickDecimals = 0
        }
    }

    /// The value's position 0–1 along the axis (clamped); `nil` for a value a log axis cannot show.
    func position(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch kind {
        case .linear:
            return min(max((value - low) / (high - low), 0), 1)
        case .logarithmic:
            guard value > 0 else { return nil }
            return min(max((log10(value) - log10(low)) / (log10(high) - log10(low)), 0), 1)
        }
    }

    /// A tick's text: a power of ten with the decimals it needs (`0.001`, `1000`), or a linear
    /// tick with the decimals its step needs (`0.115`, `25 %`).
    func tickText(_ value: Double, format: ChartValueFormat) -> String {
        switch kind {
        case .logarithmic:
            let power = Int(log10(value).rounded())
            return Format.number(value, decimals: max(-power, 0))
        case .linear:
            switch format {
            case .percent: return Format.number(value * 100, decimals: max(tickDecimals - 2, 0)) + " %"
            case .number: return Format.number(value, decimals: tickDecimals)
            }
        }
    }
}

/// An x–y chart: series of points with marker shapes, dash patterns and colours of their own,
/// each named in a legend and directly at its last point; axes linear or logarithmic (a log–log
/// chart shows a power law as a straight line); or categorical x (``xLabels``), for settings.
///
/// Vertical reference lines (``marks``) label one x each (`baseline`). The text summary lists
/// every series with every point.
public struct SVGXYChart: Sendable {
    public var id: String
    public var title: String
    public var summary: String
    public var series: [ChartXYSeries]
    public var xName: String
    public var yName: String
    public var xScale: ChartScaleKind
    public var yScale: ChartScaleKind
    public var xFormat: ChartValueFormat
    public var yFormat: ChartValueFormat
    /// Categorical x: point x values are indices into these labels.
    public var xLabels: [String]?
    /// Dashed vertical lines at these x values, labelled.
    public var marks: [(x: Double, label: String)]
    /// Linear y axes start at 0.
    public var yIncludesZero: Bool
    public var width: Double
    public var height: Double

    public init(
        id: String, title: String, summary: String = "", series: [ChartXYSeries], xName: String = "", yName: String = "",
        xScale: ChartScaleKind = .linear, yScale: ChartScaleKind = .linear, xFormat: ChartValueFormat = .number(decimals: 0),
        yFormat: ChartValueFormat = .number(decimals: 2), xLabels: [String]? = nil, marks: [(x: Double, label: String)] = [],
        yIncludesZero: Bool = false, width: Double = 720, height: Double = 360
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.series = series
        self.xName = xName
        self.yName = yName
        self.xScale = xScale
        self.yScale = yScale
        self.xFormat = xFormat
        self.yFormat = yFormat
        self.xLabels = xLabels
        self.marks = marks
        self.yIncludesZero = yIncludesZero
        self.width = width
        self.height = height
    }

    /// The x of a point as printed: its label when categorical.
    func xText(_ x: Double) -> String {
        if let xLabels, let index = Int(exactly: x), xLabels.indices.contains(index) { return xLabels[index] }
        return xFormat.text(x)
    }

    private func describe(_ line: ChartXYSeries) -> String {
        let values = line.points.map { "\(xText($0.x)) \(yFormat.text($0.y))" }
        return "\(line.name): " + (values.isEmpty ? "no values" : values.joined(separator: ", "))
    }

    /// The SVG document (`inline`: without the XML namespace, for an HTML page).
    public func svg(inline: Bool = false) -> String {
        var canvas = SVGCanvas(id: id, width: width, title: title, description: ChartSummary.join(summary, series.map(describe)))
        let categories = series.indices.map { ChartCategory(name: series[$0].name, style: ChartPalette.style(at: $0)) }
        var top = SVGTimeSeriesChart.legend(categories, on: &canvas, y: canvas.heading(), width: width)
        if !yName.isEmpty { top += 14 }
        let allPoints = series.flatMap { $0.points + $0.curve }
        let xs: ChartScale
        if let xLabels {
            xs = ChartScale(kind: .linear, values: [0, Double(max(xLabels.count - 1, 1))])
        } else {
            xs = ChartScale(kind: xScale, values: allPoints.map(\.x))
        }
        let ys = ChartScale(kind: yScale, values: allPoints.map(\.y), includesZero: yIncludesZero && yScale == .linear)
        let yTicks = ys.ticks.map { ys.tickText($0, format: yFormat) }
        let left = 14 + (yTicks.map { SVGCanvas.textWidth($0, size: 10.5) }.max() ?? 0)
        // Room on the right for the direct labels at each series's last point.
        let labelRoom = min((series.map { SVGCanvas.textWidth(SVGCanvas.truncated($0.name, to: 24), size: 11) }.max() ?? 0) + 14, width * 0.3)
        let right = width - 8 - labelRoom
        let bottom = max(height - 46, top + 80)
        let inset = xLabels == nil ? 0.0 : 24.0
        func x(_ value: Double) -> Double? { xs.position(value).map { left + inset + (right - left - 2 * inset) * $0 } }
        func y(_ value: Double) -> Double? { ys.position(value).map { bottom - (bottom - top - 8) * $0 } }

        for (index, tick) in ys.ticks.enumerated() {
            guard let ty = y(tick) else { continue }
            canvas.line(x1: left, y1: ty, x2: right, y2: ty, stroke: index == 0 ? "#333333" : "#cccccc", dash: index == 0 ? nil : "3 3")
            canvas.text(yTicks[index], x: left - 5, y: ty + 4, anchor: "end", size: 10.5)
        }
        if !yName.isEmpty { canvas.text(yName, x: 8, y: top - 8, size: 10.5) }
        let xTicks: [(Double, String)] = xLabels.map { labels in labels.indices.map { (Double($0), SVGCanvas.truncated(labels[$0], to: 14)) } }
            ?? xs.ticks.map { ($0, xs.tickText($0, format: xFormat)) }
        for (value, text) in xTicks {
            guard let tx = x(value) else { continue }
            canvas.line(x1: tx, y1: top, x2: tx, y2: bottom, stroke: "#e2e2e2", dash: "2 4")
            canvas.line(x1: tx, y1: bottom, x2: tx, y2: bottom + 4, stroke: "#333333")
            canvas.text(text, x: tx, y: bottom + 17, anchor: "middle", size: 10.5)
        }
        if !xName.isEmpty { canvas.text(xName, x: (left + right) / 2, y: bottom + 34, anchor: "middle", size: 11) }
        for mark in marks {
            guard let mx = x(mark.x) else { continue }
            canvas.line(x1: mx, y1: top - 4, x2: mx, y2: bottom, stroke: "#333333", width: 1.5, dash: "6 3")
            canvas.text(mark.label, x: mx + 4, y: top + 6, size: 10.5, bold: true, halo: true)
        }

        var ends: [(y: Double, text: String, color: String)] = []
        for (number, line) in series.enumerated() {
            let color = categories[number].style.color
            let dash = SVGTimeSeriesChart.dashes[number % SVGTimeSeriesChart.dashes.count]
            func path(_ points: [ChartPoint]) -> String {
                var d: [String] = []
                var pen = false
                for point in points {
                    guard let px = x(point.x), let py = y(point.y) else {
                        pen = false
                        continue
                    }
                    d.append("\(pen ? "L" : "M")\(SVGCanvas.n(px)),\(SVGCanvas.n(py))")
                    pen = true
                }
                return d.joined(separator: " ")
            }
            if !line.curve.isEmpty {
                canvas.append("<path d=\"\(path(line.curve))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.2\" stroke-dasharray=\"1 3\"/>")
            }
            if line.isConnected, line.points.count > 1 {
                canvas.append("<path d=\"\(path(line.points))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.2\""
                    + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>")
            }
            var last: (Double, Double)?
            for point in line.points {
                guard let px = x(point.x), let py = y(point.y) else { continue }
                canvas.append(SVGTimeSeriesChart.marker(number, x: px, y: py, color: color, size: 4))
                if last == nil || px >= last!.0 { last = (px, py) }
            }
            if let last { ends.append((last.1, SVGCanvas.truncated(line.name, to: 24), color)) }
        }
        // Direct labels right of the plot at their series's last height, pushed apart to 13 units.
        let order = ends.indices.sorted { (ends[$0].y, $0) < (ends[$1].y, $1) }
        var placed = [Double](repeating: 0, count: ends.count)
        var floor = -Double.infinity
        for index in order {
            placed[index] = max(ends[index].y + 4, floor + 13)
            floor = placed[index]
        }
        for index in ends.indices {
            canvas.text(ends[index].text, x: right + 8, y: placed[index], size: 11, bold: true, halo: true)
        }
        canvas.height = bottom + (xName.isEmpty ? 26 : 42)
        return canvas.rendered(inline: inline)
    }
}
