import Kapstok

/// One labelled bar.
public struct ChartBar: Sendable, Hashable {
    public var label: String
    /// Negative values draw as empty bars (their text still prints).
    public var value: Double
    /// Printed instead of the formatted value when given ("no gap").
    public var text: String?

    public init(label: String, value: Double, text: String? = nil) {
        self.label = label
        self.value = value
        self.text = text
    }
}

/// A horizontal bar chart: one labelled bar per row, its value printed beside it.
///
/// The text summary (`<desc>`) lists every bar with its value after ``summary``.
public struct SVGBarChart: Sendable {
    /// Unique within a page: prefixes the ids of the title, the description and the patterns.
    public var id: String
    public var title: String
    /// A sentence before the bars' values in `<desc>`.
    public var summary: String
    public var bars: [ChartBar]
    public var format: ChartValueFormat
    /// The value at the right end of the axis; nil: the largest value (1 when none is positive).
    public var maximum: Double?
    public var style: ChartStyle
    /// In viewBox units (the SVG scales to its container).
    public var width: Double

    public init(
        id: String, title: String, summary: String = "", bars: [ChartBar], format: ChartValueFormat = .number(decimals: 0),
        maximum: Double? = nil, style: ChartStyle = ChartPalette.style(at: 0), width: Double = 720
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.bars = bars
        self.format = format
        self.maximum = maximum
        self.style = style
        self.width = width
    }

    /// The text printed for a bar.
    public func valueText(_ bar: ChartBar) -> String { bar.text ?? format.text(bar.value) }

    /// The SVG document (`inline`: without the XML namespace, for an HTML page).
    public func svg(inline: Bool = false) -> String {
        let description = ChartSummary.join(summary, bars.map { "\($0.label): \(valueText($0))" })
        var canvas = SVGCanvas(id: id, width: width, title: title, description: description)
        let top = canvas.heading() + 4
        let labels = bars.map { SVGCanvas.truncated($0.label, to: 40) }
        let labelWidth = min(labels.map { SVGCanvas.textWidth($0) }.max() ?? 0, width * 0.4) + 16
        let valueWidth = (bars.map { SVGCanvas.textWidth(valueText($0)) }.max() ?? 0) + 14
        let plot = ChartAxis(start: labelWidth, length: max(width - labelWidth - valueWidth - 8, 40),
            maximum: maximum ?? bars.map(\.value).max() ?? 1, format: format)
        let rowHeight = 24.0
        let fill = canvas.fill(style)
        for (index, bar) in bars.enumerated() {
            let rowY = top + Double(index) * rowHeight
            canvas.text(labels[index], x: labelWidth - 8, y: rowY + 16, anchor: "end")
            let length = plot.length(of: bar.value)
            canvas.rect(x: plot.start, y: rowY + 4, width: length, height: rowHeight - 8, fill: fill)
            canvas.text(valueText(bar), x: plot.start + length + 5, y: rowY + 16)
        }
        let bottom = top + Double(bars.count) * rowHeight
        canvas.height = plot.draw(on: &canvas, top: top, bottom: bottom) + 8
        return canvas.rendered(inline: inline)
    }
}

/// The `<desc>` text of a chart: the summary sentence, then each mark with its value.
enum ChartSummary {
    static func join(_ summary: String, _ items: [String]) -> String {
        let list = items.isEmpty ? "No data." : items.joined(separator: "; ") + "."
        return summary.isEmpty ? list : summary + " " + list
    }
}

/// A horizontal value axis from 0 to a rounded-up maximum, with its grid and tick labels.
struct ChartAxis {
    let start: Double
    let length: Double
    let end: Double
    let step: Double
    let format: ChartValueFormat

    init(start: Double, length: Double, maximum: Double, format: ChartValueFormat) {
        self.start = start
        self.length = length
        self.format = format
        (end, step) = Self.niceScale(maximum: maximum, format: format)
    }

    /// An end value and tick step: 1, 2, 2.5 or 5 times a power of ten, four or five ticks; whole
    /// steps for whole-number formats.
    static func niceScale(maximum: Double, format: ChartValueFormat) -> (end: Double, step: Double) {
        let maximum = maximum.isFinite && maximum > 0 ? maximum : 1
        var magnitude = 1.0
        while magnitude * 10 <= maximum { magnitude *= 10 }
        while magnitude > maximum { magnitude /= 10 }
        var step = magnitude
        for factor in [0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0] {
            let candidate = magnitude * factor
            if maximum / candidate <= 5 {
                step = candidate
                break
            }
        }
        if case .number(0) = format { step = max(step.rounded(.up), 1) }
        return ((maximum / step).rounded(.up) * step, step)
    }

    /// A tick's label: as few decimals as the step needs (`25 %`, `2.5`).
    static func tickText(_ value: Double, format: ChartValueFormat) -> String {
        switch format {
        case .percent: Format.number(value * 100, decimals: 2) + " %"
        case .number: Format.number(value, decimals: 2)
        }
    }

    func length(of value: Double) -> Double { value > 0 ? min(value / end, 1) * length : 0 }

    /// Grid lines and tick labels for the rows between `top` and `bottom`; returns the y below.
    func draw(on canvas: inout SVGCanvas, top rowsTop: Double, bottom: Double) -> Double {
        let ticks = Int((end / step).rounded())
        for tick in 0...ticks {
            let value = Double(tick) * step
            let x = start + length * value / end
            canvas.line(x1: x, y1: rowsTop, x2: x, y2: bottom, stroke: tick == 0 ? "#333333" : "#cccccc", dash: tick == 0 ? nil : "3 3")
            canvas.text(Self.tickText(value, format: format), x: x, y: bottom + 15, anchor: "middle", size: 10.5)
        }
        return bottom + 20
    }
}
