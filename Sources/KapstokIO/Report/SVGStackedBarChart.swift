/// One row of a stacked bar chart: a value per category, in the chart's category order.
public struct ChartStackRow: Sendable, Hashable {
    public var label: String
    public var values: [Double]

    public init(label: String, values: [Double]) {
        self.label = label
        self.values = values
    }

    public var total: Double { values.reduce(0) { $0 + max($1, 0) } }
}

/// A stacked horizontal bar chart: one bar per row, split into its categories, each category
/// with its own colour and pattern and named in a legend.
///
/// Each segment's value is printed on it when it fits; beside the bar go the row's total and the
/// values of the segments too narrow to hold their text (`4 · at risk 1`). The text summary
/// lists every row with every non-zero value.
public struct SVGStackedBarChart: Sendable {
    public var id: String
    public var title: String
    public var summary: String
    public var categories: [ChartCategory]
    public var rows: [ChartStackRow]
    public var format: ChartValueFormat
    /// The value at the right end of the axis; nil: the largest row total.
    public var maximum: Double?
    public var width: Double

    public init(
        id: String, title: String, summary: String = "", categories: [ChartCategory], rows: [ChartStackRow],
        format: ChartValueFormat = .number(decimals: 0), maximum: Double? = nil, width: Double = 720
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.categories = categories
        self.rows = rows
        self.format = format
        self.maximum = maximum
        self.width = width
    }

    /// The row in words: `Ann – Bob: 2 on track, 1 at risk (total 3)`.
    func described(_ row: ChartStackRow) -> String {
        let parts = zip(categories, row.values).filter { $0.1 != 0 }.map { "\(format.text($0.1)) \($0.0.name)" }
        let list = parts.isEmpty ? "none" : parts.joined(separator: ", ")
        return "\(row.label): \(list) (total \(format.text(row.total)))"
    }

    /// The SVG document (`inline`: without the XML namespace, for an HTML page).
    public func svg(inline: Bool = false) -> String {
        var canvas = SVGCanvas(id: id, width: width, title: title, description: ChartSummary.join(summary, rows.map(described)))
        let top = canvas.legend(categories, y: canvas.heading()) + 2
        let labels = rows.map { SVGCanvas.truncated($0.label, to: 40) }
        let labelWidth = min(labels.map { SVGCanvas.textWidth($0) }.max() ?? 0, width * 0.4) + 16
        let fills = categories.map { canvas.fill($0.style) }

        // Measure what goes beside each bar with a first guess of the axis, then size the axis
        // so that the longest of those texts fits.
        let scaleMaximum = maximum ?? rows.map(\.total).max() ?? 1
        func axis(reserving reserve: Double) -> ChartAxis {
            ChartAxis(start: labelWidth, length: max(width - labelWidth - reserve, 40), maximum: scaleMaximum, format: format)
        }
        func besideTexts(_ axis: ChartAxis) -> [String] {
            rows.map { row in
                var beside = [format.text(row.total)]
                for (category, value) in row.values.enumerated() where category < categories.count && value > 0 {
                    let text = format.text(value)
                    if SVGCanvas.textWidth(text) + 6 > axis.length(of: value) { beside.append("\(categories[category].name) \(text)") }
                }
                return beside.joined(separator: " · ")
            }
        }
        let guess = besideTexts(axis(reserving: 120)).map { SVGCanvas.textWidth($0, size: 11) }.max() ?? 0
        let scale = axis(reserving: min(max(guess + 14, 60), width * 0.45))
        let beside = besideTexts(scale)
        let rowHeight = 26.0
        for (index, row) in rows.enumerated() {
            let rowY = top + Double(index) * rowHeight
            canvas.text(labels[index], x: labelWidth - 8, y: rowY + 17, anchor: "end")
            var x = scale.start
            for (category, value) in row.values.enumerated() where category < categories.count && value > 0 {
                let length = scale.length(of: value)
                canvas.rect(x: x, y: rowY + 4, width: length, height: rowHeight - 8, fill: fills[category])
                let text = format.text(value)
                if SVGCanvas.textWidth(text) + 6 <= length {
                    canvas.text(text, x: x + length / 2, y: rowY + 17, anchor: "middle", bold: true, halo: true)
                }
                x += length
            }
            canvas.text(beside[index], x: x + 5, y: rowY + 17, size: 11)
        }
        let bottom = top + Double(rows.count) * rowHeight
        canvas.height = scale.draw(on: &canvas, top: top, bottom: bottom) + 8
        return canvas.rendered(inline: inline)
    }
}
