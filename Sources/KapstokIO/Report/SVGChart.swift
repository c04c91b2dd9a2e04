import Kapstok

// The pieces every chart shares: how values print, how categories look (colour and pattern),
// and the canvas that writes the SVG text. Every chart is deterministic: coordinates print with
// at most two decimals through `Format.number`, values through ``ChartValueFormat``, never
// through the locale.

/// How a chart prints its values.
public enum ChartValueFormat: Sendable, Hashable {
    /// A share 0–1 as a percentage with exactly `decimals` decimals: 0.789 → `78.9 %`.
    case percent(decimals: Int)
    /// A number with exactly `decimals` decimals: `3` (0), `2.50` (2).
    case number(decimals: Int)

    /// The value as printed.
    public func text(_ value: Double) -> String {
        switch self {
        case .percent(let decimals): FixedDecimal.percent(value, decimals: decimals)
        case .number(let decimals): FixedDecimal.text(value, decimals: decimals)
        }
    }
}

/// Numbers with a fixed count of decimals, independent of locale.
public enum FixedDecimal {
    /// `value` rounded to `decimals` decimals (0…15), trailing zeros kept: `2.50`, `78.0`, `3`.
    /// Non-finite values print as `Format.number` prints them (`nan`, `inf`, `-inf`).
    public static func text(_ value: Double, decimals: Int) -> String {
        let decimals = min(max(decimals, 0), 15)
        let text = Format.number(value, decimals: decimals)
        guard value.isFinite, decimals > 0, !text.contains("e") else { return text }
        let present = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 }
        guard let present else { return text + "." + String(repeating: "0", count: decimals) }
        return text + String(repeating: "0", count: decimals - present)
    }

    /// A share 0–1 as a percentage: `percent(0.7889)` → `78.9 %` (one decimal by default).
    public static func percent(_ share: Double, decimals: Int = 1) -> String {
        text(share * 100, decimals: decimals) + " %"
    }
}

/// A fill pattern drawn over a category's colour, so that categories differ without colour.
public enum ChartPattern: String, Sendable, Hashable, CaseIterable {
    case solid
    case diagonal
    case dots
    case crosshatch
    case horizontal
    case vertical
}

/// How one category of a chart looks: a colour of a colour-blind-safe palette and a pattern.
public struct ChartStyle: Sendable, Hashable {
    /// `#rrggbb`.
    public var color: String
    public var pattern: ChartPattern

    public init(color: String, pattern: ChartPattern) {
        self.color = color
        self.pattern = pattern
    }
}

/// The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), safe for the common
/// forms of colour blindness, each colour paired with its own pattern.
public enum ChartPalette {
    public static let blue = "#0072B2"
    public static let orange = "#E69F00"
    public static let skyBlue = "#56B4E9"
    public static let green = "#009E73"
    public static let yellow = "#F0E442"
    public static let vermillion = "#D55E00"
    public static let purple = "#CC79A7"
    public static let grey = "#999999"

    /// Eight distinct styles; ``style(at:)`` cycles through them.
    public static let styles: [ChartStyle] = [
        ChartStyle(color: blue, pattern: .solid),
        ChartStyle(color: orange, pattern: .diagonal),
        ChartStyle(color: skyBlue, pattern: .dots),
        ChartStyle(color: vermillion, pattern: .crosshatch),
        ChartStyle(color: green, pattern: .horizontal),
        ChartStyle(color: purple, pattern: .vertical),
        ChartStyle(color: yellow, pattern: .diagonal),
        ChartStyle(color: grey, pattern: .dots),
    ]

    /// The style of the category at `index` (0-based).
    public static func style(at index: Int) -> ChartStyle { styles[index % styles.count] }
}

/// A named category of a chart (a stack segment, a line).
public struct ChartCategory: Sendable, Hashable {
    public var name: String
    public var style: ChartStyle

    public init(name: String, style: ChartStyle) {
        self.name = name
        self.style = style
    }
}

/// Writes one SVG document: a root with `role="img"`, `<title>` and `<desc>`, pattern
/// definitions, then the marks. Internal: the charts build on it.
struct SVGCanvas {
    static let font = "font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\""
    static let ink = "#1a1a1a"
    static let fontSize = 12.0

    let id: String
    let width: Double
    var height: Double = 0
    var title: String
    var description: String
    private var definitions = ""
    private var definedStyles: [ChartStyle: String] = [:]
    private(set) var body = ""

    init(id: String, width: Double, title: String, description: String) {
        self.id = Markup.identifier(id)
        self.width = width
        self.title = title
        self.description = description
    }

    /// A coordinate or length: at most two decimals.
    static func n(_ value: Double) -> String { Format.number(value, decimals: 2) }

    /// The approximate width of a line of text (average glyph 0.6 em; wide enough for digits).
    static func textWidth(_ text: String, size: Double = fontSize) -> Double { Double(text.count) * size * 0.6 }

    /// The text cut to `limit` characters with an ellipsis.
    static func truncated(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(limit - 1, 1))) + "…"
    }

    /// The fill for a style: its colour, or a pattern over its colour (defined once).
    mutating func fill(_ style: ChartStyle) -> String {
        guard style.pattern != .solid else { return style.color }
        if let name = definedStyles[style] { return "url(#\(name))" }
        let name = "\(id)-p\(definedStyles.count)"
        definedStyles[style] = name
        let mark: String
        switch style.pattern {
        case .solid: mark = ""
        case .diagonal:
            mark = "<path d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\" stroke=\"#000\" stroke-opacity=\"0.55\" stroke-width=\"1.5\"/>"
        case .dots:
            mark = "<circle cx=\"2\" cy=\"2\" r=\"1.3\" fill=\"#000\" fill-opacity=\"0.55\"/><circle cx=\"6\" cy=\"6\" r=\"1.3\" fill=\"#000\" fill-opacity=\"0.55\"/>"
        case .crosshatch:
            mark = "<path d=\"M0,0 L8,8 M8,0 L0,8\" stroke=\"#000\" stroke-opacity=\"0.5\" stroke-width=\"1\"/>"
        case .horizontal:
            mark = "<path d=\"M0,2 H8 M0,6 H8\" stroke=\"#000\" stroke-opacity=\"0.5\" stroke-width=\"1\"/>"
        case .vertical:
            mark = "<path d=\"M2,0 V8 M6,0 V8\" stroke=\"#000\" stroke-opacity=\"0.5\" stroke-width=\"1\"/>"
        }
        definitions += "<pattern id=\"\(name)\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">"
            + "<rect width=\"8\" height=\"8\" fill=\"\(style.color)\"/>\(mark)</pattern>"
        return "url(#\(name))"
    }

    mutating func append(_ markup: String) { body += markup }

    /// A rectangle with an outline, so that neighbouring marks stay apart on paper.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String = "#333333") {
        body += "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(width, 0)))\" height=\"\(Self.n(height))\" "
            + "fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"0.5\"/>"
    }

    /// A line of text. `anchor` is `start`, `middle` or `end`; `halo` draws a white outline
    /// behind the glyphs so that the text reads over any fill.
    mutating func text(
        _ text: String, x: Double, y: Double, anchor: String = "start", size: Double = fontSize, bold: Bool = false,
        halo: Bool = false, rotate: Double? = nil
    ) {
        var attributes = "x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" fill=\"\(Self.ink)\""
        if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if halo { attributes += " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
        if let rotate { attributes += " transform=\"rotate(\(Self.n(rotate)) \(Self.n(x)) \(Self.n(y)))\"" }
        body += "<text \(attributes)>\(Markup.escape(text))</text>"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#bbbbbb", width: Double = 1, dash: String? = nil) {
        body += "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
    }

    /// The chart's title, drawn at the top; returns the y below it.
    mutating func heading() -> Double {
        text(title, x: 8, y: 20, size: 15, bold: true)
        return 32
    }

    /// A legend of swatches and names in rows from `y`; returns the y below it.
    mutating func legend(_ categories: [ChartCategory], y: Double, left: Double = 8) -> Double {
        var x = left
        var row = y
        for category in categories {
            let itemWidth = 18 + Self.textWidth(category.name) + 16
            if x > left, x + itemWidth > width - 8 {
                x = left
                row += 20
            }
            rect(x: x, y: row, width: 14, height: 14, fill: fill(category.style))
            text(category.name, x: x + 19, y: row + 11.5)
            x += itemWidth
        }
        return row + 24
    }

    /// The document. `inline` leaves out the XML namespace (HTML5 knows `svg`), so that a page
    /// holds no URL at all; a standalone file needs it.
    func rendered(inline: Bool) -> String {
        let namespace = inline ? "" : " xmlns=\"http://www.w3.org/2000/svg\""
        var svg = "<svg\(namespace) viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\""
        svg += " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" \(Self.font)"
        svg += " style=\"print-color-adjust:exact;-webkit-print-color-adjust:exact\">"
        svg += "<title id=\"\(id)-title\">\(Markup.escape(title))</title>"
        svg += "<desc id=\"\(id)-desc\">\(Markup.escape(description))</desc>"
        if !definitions.isEmpty { svg += "<defs>\(definitions)</defs>" }
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
        svg += body
        svg += "</svg>"
        return svg
    }
}
