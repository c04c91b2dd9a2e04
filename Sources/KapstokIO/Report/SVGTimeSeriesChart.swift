/// One line of a time-series chart: a value per point of the chart's x axis.
public struct ChartSeries: Sendable, Hashable {
    public var name: String
    public var values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}

/// A line chart over ordered points (weeks, months): each series with its own colour, dash
/// pattern and marker shape, named in a legend.
///
/// Values are printed beside the markers at evenly spaced points (every point when there are at
/// most ``labelledPoints``) and always at the last; the text summary lists every series at those
/// points and its last value.
public struct SVGTimeSeriesChart: Sendable {
    public var id: String
    public var title: String
    public var summary: String
    /// The x axis's points in order (`2027-03-01`).
    public var points: [String]
    public var series: [ChartSeries]
    public var format: ChartValueFormat
    /// The y axis's name (`sessions`).
    public var valueName: String
    public var width: Double
    public var height: Double
    /// At most this many points carry value texts and x labels.
    public var labelledPoints: Int

    public init(
        id: String, title: String, summary: String = "", points: [String], series: [ChartSeries],
        format: ChartValueFormat = .number(decimals: 0), valueName: String = "", width: Double = 720, height: Double = 320,
        labelledPoints: Int = 8
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.points = points
        self.series = series
        self.format = format
        self.valueName = valueName
        self.width = width
        self.height = height
        self.labelledPoints = labelledPoints
    }

    /// The markers and dash patterns, in series order (cycling).
    static let markers = ["circle", "square", "triangle", "diamond"]
    static let dashes: [String?] = [nil, "7 4", "2 3", "9 3 2 3"]

    /// The indices that carry labels: evenly spaced, the first and the last included.
    public var labelledIndices: [Int] {
        guard !points.isEmpty else { return [] }
        let limit = max(labelledPoints, 2)
        guard points.count > limit else { return Array(points.indices) }
        let stride = Int((Double(points.count - 1) / Double(limit - 1)).rounded(.up))
        var indices = Array(Swift.stride(from: 0, to: points.count - 1, by: stride))
        if let last = indices.last, points.count - 1 - last < stride, indices.count > 1 { indices.removeLast() }
        indices.append(points.count - 1)
        return indices
    }

    private func describe(_ line: ChartSeries, at indices: [Int]) -> String {
        let values = indices.filter { $0 < line.values.count }.map { "\(points[$0]) \(format.text(line.values[$0]))" }
        return "\(line.name): " + (values.isEmpty ? "no values" : values.joined(separator: ", "))
    }

    /// The SVG document (`inline`: without the XML namespace, for an HTML page).
    public func svg(inline: Bool = false) -> String {
        let labelled = labelledIndices
        var canvas = SVGCanvas(id: id, width: width, title: title,
            description: ChartSummary.join(summary, series.map { describe($0, at: labelled) }))
        let categories = series.indices.map { ChartCategory(name: series[$0].name, style: ChartPalette.style(at: $0)) }
        let top = Self.legend(categories, on: &canvas, y: canvas.heading(), width: width) + (valueName.isEmpty ? 0 : 16)
        let maximum = series.flatMap(\.values).filter(\.isFinite).max() ?? 1
        let (end, step) = ChartAxis.niceScale(maximum: maximum, format: format)
        let tickTexts = stride(from: 0.0, through: end + step / 2, by: step).map { ChartAxis.tickText($0, format: format) }
        let left = 16 + (tickTexts.map { SVGCanvas.textWidth($0, size: 10.5) }.max() ?? 0)
        let right = width - 16 - 40
        let bottom = max(height - 44, top + 80)
        func x(_ index: Int) -> Double {
            points.count > 1 ? left + 20 + (right - left - 20) * Double(index) / Double(points.count - 1) : (left + right) / 2
        }
        func y(_ value: Double) -> Double { bottom - (bottom - top - 10) * min(max(value, 0) / end, 1) }

        for (tick, text) in tickTexts.enumerated() {
            let value = Double(tick) * step
            canvas.line(x1: left, y1: y(value), x2: right, y2: y(value), stroke: tick == 0 ? "#333333" : "#cccccc", dash: tick == 0 ? nil : "3 3")
            canvas.text(text, x: left - 5, y: y(value) + 4, anchor: "end", size: 10.5)
        }
        if !valueName.isEmpty { canvas.text(valueName, x: 8, y: top - 8, size: 10.5) }
        for index in labelled {
            canvas.line(x1: x(index), y1: bottom, x2: x(index), y2: bottom + 4, stroke: "#333333")
            canvas.text(points[index], x: x(index), y: bottom + 17, anchor: "middle", size: 10.5)
        }
        for (number, line) in series.enumerated() {
            let style = categories[number].style
            let coordinates = line.values.indices.filter { $0 < points.count }.map { (x($0), y(line.values[$0])) }
            let path = coordinates.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(SVGCanvas.n($0.element.0)),\(SVGCanvas.n($0.element.1))" }
            let dash = Self.dashes[number % Self.dashes.count].map { " stroke-dasharray=\"\($0)\"" } ?? ""
            canvas.append("<path d=\"\(path.joined(separator: " "))\" fill=\"none\" stroke=\"\(style.color)\" stroke-width=\"2.5\"\(dash)/>")
            for (index, point) in coordinates.enumerated() {
                canvas.append(Self.marker(number, x: point.0, y: point.1, color: style.color, size: labelled.contains(index) ? 4.5 : 2.5))
            }
        }
        // Value texts: at each labelled point the highest series above its marker, the lowest
        // below, any between to the right.
        for index in labelled {
            let ranked = series.indices.filter { index < series[$0].values.count }.sorted {
                (series[$0].values[index], $1) > (series[$1].values[index], $0)
            }
            for (rank, number) in ranked.enumerated() {
                let value = series[number].values[index]
                let below = rank == ranked.count - 1 && rank > 0 && y(value) + 18 < bottom - 3
                let offset: (Double, Double, String) = rank == 0 ? (0, -9, "middle") : below ? (0, 18, "middle") : (8, 4, "start")
                canvas.text(format.text(value), x: x(index) + offset.0, y: y(value) + offset.1, anchor: offset.2, size: 11, bold: true, halo: true)
            }
        }
        canvas.height = bottom + 28
        return canvas.rendered(inline: inline)
    }

    /// The legend with each series's line sample and marker (shared with ``SVGXYChart``).
    static func legend(_ categories: [ChartCategory], on canvas: inout SVGCanvas, y: Double, width: Double) -> Double {
        var x = 8.0
        var row = y
        for (number, category) in categories.enumerated() {
            let itemWidth = 34 + SVGCanvas.textWidth(category.name) + 18
            if x > 8, x + itemWidth > width - 8 {
                x = 8
                row += 20
            }
            canvas.line(x1: x, y1: row + 7, x2: x + 28, y2: row + 7, stroke: category.style.color, width: 2.5,
                dash: Self.dashes[number % Self.dashes.count])
            canvas.append(Self.marker(number, x: x + 14, y: row + 7, color: category.style.color, size: 4.5))
            canvas.text(category.name, x: x + 34, y: row + 11.5)
            x += itemWidth
        }
        return row + 30
    }

    /// A marker of the series's shape, outlined in white so that it stands out on lines.
    static func marker(_ number: Int, x: Double, y: Double, color: String, size r: Double) -> String {
        let n = SVGCanvas.n
        let paint = "fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"1\""
        switch markers[number % markers.count] {
        case "square":
            return "<rect x=\"\(n(x - r))\" y=\"\(n(y - r))\" width=\"\(n(2 * r))\" height=\"\(n(2 * r))\" \(paint)/>"
        case "triangle":
            return "<path d=\"M\(n(x)),\(n(y - r * 1.2)) L\(n(x + r * 1.1)),\(n(y + r * 0.8)) L\(n(x - r * 1.1)),\(n(y + r * 0.8)) Z\" \(paint)/>"
        case "diamond":
            return "<path d=\"M\(n(x)),\(n(y - r * 1.3)) L\(n(x + r * 1.1)),\(n(y)) L\(n(x)),\(n(y + r * 1.3)) L\(n(x - r * 1.1)),\(n(y)) Z\" \(paint)/>"
        default:
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" \(paint)/>"
        }
    }
}
