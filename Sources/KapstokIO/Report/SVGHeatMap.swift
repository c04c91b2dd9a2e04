/// A heat map: rows × columns of values, each cell shaded on a colour-blind-safe sequential
/// scale (viridis) and printed with its value; empty cells are hatched and marked `–`.
///
/// The legend shows the scale in five steps with their values; the text summary lists every row
/// with its cells.
public struct SVGHeatMap: Sendable {
    public var id: String
    public var title: String
    public var summary: String
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// `values[row][column]`; nil for an empty cell. Missing entries count as empty.
    public var values: [[Double?]]
    public var format: ChartValueFormat
    /// The scale's ends; nil: the smallest and largest values.
    public var minimum: Double?
    public var maximum: Double?
    public var width: Double

    public init(
        id: String, title: String, summary: String = "", rowLabels: [String], columnLabels: [String], values: [[Double?]],
        format: ChartValueFormat = .number(decimals: 0), minimum: Double? = nil, maximum: Double? = nil, width: Double = 720
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.format = format
        self.minimum = minimum
        self.maximum = maximum
        self.width = width
    }

    /// The value of a cell, nil when empty or missing.
    public func value(row: Int, column: Int) -> Double? {
        row < values.count && column < values[row].count ? values[row][column] : nil
    }

    /// Viridis (van der Walt & Smith, matplotlib), from dark to light.
    static let stops: [(Double, Double, Double)] = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]

    /// The colour for a position 0–1 on the scale, and whether text on it should be white.
    static func color(at position: Double) -> (fill: String, lightText: Bool) {
        let t = min(max(position.isFinite ? position : 0, 0), 1) * Double(stops.count - 1)
        let lower = min(Int(t), stops.count - 2)
        let f = t - Double(lower)
        let (a, b) = (stops[lower], stops[lower + 1])
        let rgb = [a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f].map { Int($0.rounded()) }
        let hex = rgb.map { component -> String in
            let digits = String(component, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }
        let luminance = 0.2126 * Double(rgb[0]) + 0.7152 * Double(rgb[1]) + 0.0722 * Double(rgb[2])
        return ("#" + hex.joined(), luminance < 120)
    }

    /// The SVG document (`inline`: without the XML namespace, for an HTML page).
    public func svg(inline: Bool = false) -> String {
        let described = rowLabels.indices.map { row in
            "\(rowLabels[row]): " + columnLabels.indices.map { column in
                "\(columnLabels[column]) " + (value(row: row, column: column).map(format.text) ?? "none")
            }.joined(separator: ", ")
        }
        var canvas = SVGCanvas(id: id, width: width, title: title, description: ChartSummary.join(summary, described))
        let present = values.flatMap { $0 }.compactMap { $0 }.filter(\.isFinite)
        let low = minimum ?? present.min() ?? 0
        let high = max(maximum ?? present.max() ?? 1, low)
        func position(_ value: Double) -> Double { high > low ? (value - low) / (high - low) : 1 }

        var y = canvas.heading()
        // Legend: five steps of the scale, and the empty cell.
        var x = 8.0
        for step in 0..<5 {
            let value = low + (high - low) * Double(step) / 4
            let color = Self.color(at: position(value)).fill
            canvas.rect(x: x, y: y, width: 14, height: 14, fill: color)
            let text = format.text(value)
            canvas.text(text, x: x + 18, y: y + 11.5, size: 11)
            x += 28 + SVGCanvas.textWidth(text, size: 11)
        }
        let empty = canvas.fill(ChartStyle(color: "#ffffff", pattern: .diagonal))
        canvas.rect(x: x + 8, y: y, width: 14, height: 14, fill: empty)
        canvas.text("no value", x: x + 26, y: y + 11.5, size: 11)
        y += 26

        let labels = rowLabels.map { SVGCanvas.truncated($0, to: 36) }
        let labelWidth = min(labels.map { SVGCanvas.textWidth($0) }.max() ?? 0, width * 0.35) + 14
        let columns = max(columnLabels.count, 1)
        var cellWidth = max((width - labelWidth - 12) / Double(columns), 24)
        let cellHeight = 26.0
        let headers = columnLabels.map { SVGCanvas.truncated($0, to: 28) }
        let rotated = headers.contains { SVGCanvas.textWidth($0, size: 11) > cellWidth - 4 }
        if rotated, let last = headers.last {
            // A header at −45° reaches right by about 0.71 of its length from its column's
            // middle: narrow the cells so that the last one stays inside the chart.
            let overhang = max(SVGCanvas.textWidth(last, size: 11) * 0.71 - cellWidth / 2, 0)
            cellWidth = max((width - labelWidth - 12 - overhang) / Double(columns), 24)
        }
        let headerHeight = rotated ? min((headers.map { SVGCanvas.textWidth($0, size: 11) }.max() ?? 0) * 0.72 + 12, 150) : 20
        for (column, header) in headers.enumerated() {
            let center = labelWidth + cellWidth * (Double(column) + 0.5)
            if rotated {
                canvas.text(header, x: center - 2, y: y + headerHeight - 4, size: 11, rotate: -45)
            } else {
                canvas.text(header, x: center, y: y + headerHeight - 6, anchor: "middle", size: 11)
            }
        }
        y += headerHeight
        for (row, label) in labels.enumerated() {
            let rowY = y + Double(row) * cellHeight
            canvas.text(label, x: labelWidth - 8, y: rowY + 17, anchor: "end")
            for column in columnLabels.indices {
                let cellX = labelWidth + cellWidth * Double(column)
                guard let value = value(row: row, column: column), value.isFinite else {
                    canvas.rect(x: cellX, y: rowY, width: cellWidth, height: cellHeight, fill: empty, stroke: "#ffffff")
                    canvas.text("–", x: cellX + cellWidth / 2, y: rowY + 17, anchor: "middle", halo: true)
                    continue
                }
                let color = Self.color(at: position(value))
                canvas.rect(x: cellX, y: rowY, width: cellWidth, height: cellHeight, fill: color.fill, stroke: "#ffffff")
                let text = SVGCanvas.truncated(format.text(value), to: max(Int(cellWidth / 7), 3))
                canvas.append("<text x=\"\(SVGCanvas.n(cellX + cellWidth / 2))\" y=\"\(SVGCanvas.n(rowY + 17))\" font-size=\"11\" "
                    + "text-anchor=\"middle\" fill=\"\(color.lightText ? "#ffffff" : SVGCanvas.ink)\">\(Markup.escape(text))</text>")
            }
        }
        canvas.height = y + Double(rowLabels.count) * cellHeight + 10
        return canvas.rendered(inline: inline)
    }
}
