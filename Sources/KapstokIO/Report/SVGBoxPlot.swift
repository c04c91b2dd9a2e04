import Kapstok

/// One row of a box plot: a label and the values whose distribution it shows.
public struct ChartDistribution: Sendable, Hashable {
    public var label: String
    public var values: [Double]

    public init(label: String, values: [Double]) {
        self.label = label
        self.values = values
    }

    /// The five-number summary and the mean, quartiles by nearest rank (the ⌈q·k⌉-th smallest of
    /// k values, as `p10_score`); `nil` without values.
    public var quartiles: (minimum: Double, lower: Double, median: Double, upper: Double, maximum: Double, mean: Double)? {
        let sorted = values.filter(\.isFinite).sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        let k = sorted.count
        // ⌈k·q⌉ in integers for q = 1/4, 1/2, 3/4.
        func rank(_ numerator: Int, _ denominator: Int) -> Double { sorted[(k * numerator + denominator - 1) / denominator - 1] }
        return (first, rank(1, 4), rank(1, 2), rank(3, 4), last, sorted.reduce(0, +) / Double(k))
    }
}

/// A horizontal box plot: per row, a whisker from the smallest to the largest value, a box
/// from the lower to the upper quartile (in the row's colour and pattern), a bold median line,
/// the mean as a diamond, and every value as a small tick below the box; the median and the
/// extremes are printed.
///
/// The text summary gives each row's count, minimum, quartiles, maximum and mean.
public struct SVGBoxPlot: Sendable {
    public var id: String
    public var title: String
    public var summary: String
    public var rows: [ChartDistribution]
    /// One style per row (cycling through the palette when missing).
    public var styles: [ChartStyle]
    public var format: ChartValueFormat
    public var valueName: String
    public var width: Double

    public init(
        id: String, title: String, summary: String = "", rows: [ChartDistribution], styles: [ChartStyle] = [],
        format: ChartValueFormat = .number(decimals: 1), valueName: String = "", width: Double = 720
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.rows = rows
        self.styles = styles
        self.format = format
        self.valueName = valueName
        self.width = width
    }

    func described(_ row: ChartDistribution) -> String {
        guard let q = row.quartiles else { return "\(row.label): no values" }
        let f = format.text
        return "\(row.label): \(row.values.count) values, minimum \(f(q.minimum)), lower quartile \(f(q.lower)), "
            + "median \(f(q.median)), upper quartile \(f(q.upper)), maximum \(f(q.maximum)), mean \(f(q.mean))"
    }

    /// The SVG document (`inline`: without the XML namespace, for an HTML page).
    public func svg(inline: Bool = false) -> String {
        var canvas = SVGCanvas(id: id, width: width, title: title, description: ChartSummary.join(summary, rows.map(described)))
        var top = canvas.heading() + 6
        if !valueName.isEmpty {
            canvas.text(valueName, x: 8, y: top + 4, size: 10.5)
            top += 12
        }
        let labels = rows.map { SVGCanvas.truncated($0.label, to: 28) }
        let labelWidth = min(labels.map { SVGCanvas.textWidth($0) }.max() ?? 0, width * 0.3) + 16
        let scale = ChartScale(kind: .linear, values: rows.flatMap(\.values))
        let start = labelWidth + 8
        let end = width - 40
        func x(_ value: Double) -> Double { start + (end - start) * (scale.position(value) ?? 0) }
        let rowHeight = 46.0
        let bottom = top + Double(rows.count) * rowHeight
        for (index, tick) in scale.ticks.enumerated() {
            canvas.line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, stroke: index == 0 ? "#333333" : "#cccccc", dash: index == 0 ? nil : "3 3")
            canvas.text(scale.tickText(tick, format: format), x: x(tick), y: bottom + 15, anchor: "middle", size: 10.5)
        }
        for (index, row) in rows.enumerated() {
            let style = index < styles.count ? styles[index] : ChartPalette.style(at: index)
            let rowY = top + Double(index) * rowHeight
            let middle = rowY + 19
            canvas.text(labels[index], x: labelWidth - 8, y: middle + 4, anchor: "end")
            guard let q = row.quartiles else {
                canvas.text("no values", x: start + 4, y: middle + 4, size: 11)
                continue
            }
            canvas.line(x1: x(q.minimum), y1: middle, x2: x(q.maximum), y2: middle, stroke: "#333333", width: 1.2)
            for end in [q.minimum, q.maximum] {
                canvas.line(x1: x(end), y1: middle - 6, x2: x(end), y2: middle + 6, stroke: "#333333", width: 1.2)
            }
            canvas.rect(x: x(q.lower), y: middle - 9, width: max(x(q.upper) - x(q.lower), 1.5), height: 18, fill: canvas.fill(style))
            canvas.line(x1: x(q.median), y1: middle - 11, x2: x(q.median), y2: middle + 11, stroke: SVGCanvas.ink, width: 3)
            // The mean: a white diamond outlined in ink.
            let (mx, n) = (x(q.mean), SVGCanvas.n)
            canvas.append("<path d=\"M\(n(mx)),\(n(middle - 5)) L\(n(mx + 4)),\(n(middle)) L\(n(mx)),\(n(middle + 5)) L\(n(mx - 4)),\(n(middle)) Z\" "
                + "fill=\"#ffffff\" stroke=\"\(SVGCanvas.ink)\" stroke-width=\"1.2\"/>")
            // Every value as a tick below the box.
            var ticks = ""
            for value in row.values where value.isFinite {
                ticks += "M\(SVGCanvas.n(x(value))),\(SVGCanvas.n(middle + 13)) v5 "
            }
            canvas.append("<path d=\"\(ticks)\" stroke=\"\(style.color)\" stroke-width=\"1\" stroke-opacity=\"0.8\"/>")
            canvas.text(format.text(q.minimum), x: x(q.minimum) - 4, y: middle - 3, anchor: "end", size: 10, halo: true)
            canvas.text(format.text(q.maximum), x: x(q.maximum) + 4, y: middle - 3, size: 10, halo: true)
            canvas.text(format.text(q.median), x: x(q.median), y: middle - 13, anchor: "middle", size: 10.5, bold: true, halo: true)
        }
        canvas.height = bottom + 26
        return canvas.rendered(inline: inline)
    }
}
