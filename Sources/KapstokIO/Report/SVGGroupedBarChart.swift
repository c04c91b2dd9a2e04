import Kapstok

/// One bar of a grouped bar chart, with its own style and an optional error (± spread).
public struct ChartGroupBar: Sendable, Hashable {
    public var label: String
    /// Negative values draw as empty bars (their text still prints).
    public var value: Double
    /// Printed beside the bar (the raw value, `380.2 ± 5.1`).
    public var text: String
    public var style: ChartStyle
    /// Half the width of an error whisker around the value (a standard deviation); `nil`: none.
    public var spread: Double?

    public init(label: String, value: Double, text: String, style: ChartStyle, spread: Double? = nil) {
        self.label = label
        self.value = value
        self.text = text
        self.style = style
        self.spread = spread
    }
}

/// A titled group of bars on its own scale (one metric, one bar per strategy).
public struct ChartBarGroup: Sendable, Hashable {
    public var title: String
    public var bars: [ChartGroupBar]

    public init(title: String, bars: [ChartGroupBar]) {
        self.title = title
        self.bars = bars
    }
}

/// Horizontal bars in groups, each group scaled to its own largest value (bar + spread), so that
/// figures of different units sit side by side: every bar carries its label on the left (direct
/// labels, not colour alone), its style's colour and pattern, its printed value, and a whisker
/// for its spread.
///
/// The text summary lists every group with every bar's text.
public struct SVGGroupedBarChart: Sendable {
    public var id: String
    public var title: String
    public var summary: String
    public var groups: [ChartBarGroup]
    public var width: Double

    public init(id: String, title: String, summary: String = "", groups: [ChartBarGroup], width: Double = 720) {
        self.id = id
        self.title = title
        self.summary = summary
        self.groups = groups
        self.width = width
    }

    /// The length share 0–1 of each bar of a group: value over the group's largest value + spread.
    static func shares(_ group: ChartBarGroup) -> [Double] {
        let largest = group.bars.map { max($0.value, 0) + max($0.spread ?? 0, 0) }.filter(\.isFinite).max() ?? 0
        return group.bars.map { largest > 0 && $0.value.isFinite ? min(max($0.value, 0) / largest, 1) : 0 }
    }

    /// The SVG document (`inline`: without the XML namespace, for an HTML page).
    public func svg(inline: Bool = false) -> String {
        let described = groups.map { group in "\(group.title): " + group.bars.map { "\($0.label) \($0.text)" }.joined(separator: ", ") }
        var canvas = SVGCanvas(id: id, width: width, title: title, description: ChartSummary.join(summary, described))
        var y = canvas.heading() + 4
        let labels = groups.flatMap(\.bars).map { SVGCanvas.truncated($0.label, to: 24) }
        let labelWidth = min(labels.map { SVGCanvas.textWidth($0, size: 11) }.max() ?? 0, width * 0.3) + 24
        let valueWidth = (groups.flatMap(\.bars).map { SVGCanvas.textWidth($0.text, size: 11) }.max() ?? 0) + 16
        let length = max(width - labelWidth - valueWidth - 8, 60)
        let rowHeight = 18.0
        for group in groups {
            canvas.text(group.title, x: 8, y: y + 13, size: 12.5, bold: true)
            y += 20
            let shares = Self.shares(group)
            let largest = group.bars.map { max($0.value, 0) + max($0.spread ?? 0, 0) }.filter(\.isFinite).max() ?? 0
            canvas.line(x1: labelWidth, y1: y, x2: labelWidth, y2: y + Double(group.bars.count) * rowHeight, stroke: "#333333")
            for (index, bar) in group.bars.enumerated() {
                let rowY = y + Double(index) * rowHeight
                canvas.text(SVGCanvas.truncated(bar.label, to: 24), x: labelWidth - 6, y: rowY + 13, anchor: "end", size: 11)
                let barLength = length * shares[index]
                canvas.rect(x: labelWidth, y: rowY + 3, width: barLength, height: rowHeight - 5, fill: canvas.fill(bar.style))
                var textX = labelWidth + barLength + 5
                if let spread = bar.spread, spread > 0, largest > 0 {
                    let low = labelWidth + length * max(bar.value - spread, 0) / largest
                    let high = labelWidth + length * min((bar.value + spread) / largest, 1)
                    let middle = rowY + 3 + (rowHeight - 5) / 2
                    canvas.line(x1: low, y1: middle, x2: high, y2: middle, stroke: SVGCanvas.ink, width: 1.5)
                    canvas.line(x1: low, y1: middle - 5, x2: low, y2: middle + 5, stroke: SVGCanvas.ink, width: 1.5)
                    canvas.line(x1: high, y1: middle - 5, x2: high, y2: middle + 5, stroke: SVGCanvas.ink, width: 1.5)
                    textX = max(textX, high + 5)
                }
                canvas.text(bar.text, x: textX, y: rowY + 13, size: 11)
            }
            y += Double(group.bars.count) * rowHeight + 10
        }
        canvas.height = y + 4
        return canvas.rendered(inline: inline)
    }
}
