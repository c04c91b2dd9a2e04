/// A table of an HTML page: a caption, column headers (`<th scope="col">`) and rows whose first
/// cell is the row's header (`<th scope="row">`).
public struct HTMLTable: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public var title: String
        /// Right-aligned, with tabular figures.
        public var isNumeric: Bool
        /// Kept on one line (dates).
        public var isUnbroken: Bool

        public init(_ title: String, numeric: Bool = false, unbroken: Bool = false) {
            self.title = title
            self.isNumeric = numeric
            self.isUnbroken = unbroken
        }

        /// The cells' class attribute, empty for plain text.
        var classAttribute: String {
            let classes = (isNumeric ? ["num"] : []) + (isUnbroken ? ["nowrap"] : [])
            return classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        }
    }

    public var caption: String
    public var columns: [Column]
    /// Plain text cells (escaped when rendered), one per column.
    public var rows: [[String]]
    /// Whether the first cell of each row is its header.
    public var hasRowHeaders: Bool

    public init(caption: String, columns: [Column], rows: [[String]], hasRowHeaders: Bool = true) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.hasRowHeaders = hasRowHeaders
    }

    /// The table's markup.
    public var html: String {
        var html = "<div class=\"table\"><table>\n<caption>\(Markup.escape(caption))</caption>\n<thead><tr>"
        for column in columns {
            html += "<th scope=\"col\"\(column.isNumeric ? " class=\"num\"" : "")>\(Markup.escape(column.title))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                let numeric = index < columns.count ? columns[index].classAttribute : ""
                if index == 0 && hasRowHeaders {
                    html += "<th scope=\"row\"\(numeric)>\(HTMLPage.text(cell))</th>"
                } else {
                    html += "<td\(numeric)>\(HTMLPage.text(cell))</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }
}

/// Builds one self-contained HTML page: inline CSS only, no script, no external resource, no
/// web font; readable on screen (limited line width) and on A4 paper (`@media print`: charts,
/// figures and table rows are not split across pages, table headers repeat, nothing is hidden).
///
/// Every text goes through ``Markup/escape(_:)``; only SVG from the charts of this module and
/// the page's own tags are inserted as markup.
public struct HTMLPage: Sendable {
    /// Text as page content: escaped (``Markup/escape(_:)``), with a number and its ` %` kept on
    /// one line (a no-break space).
    public static func text(_ text: String) -> String {
        let escaped = Markup.escape(text)
        return escaped.utf8.contains(UInt8(ascii: "%")) ? escaped.replacingOccurrences(of: " %", with: "\u{00A0}%") : escaped
    }

    public var title: String
    /// The `lang` attribute.
    public var language: String
    private var body = ""

    public init(title: String, language: String = "en") {
        self.title = title
        self.language = language
    }

    /// A heading, level 1–6 (clamped); `id` makes it a link target for the table of contents.
    public mutating func heading(_ text: String, level: Int = 2, id: String? = nil) {
        let level = min(max(level, 1), 6)
        let anchor = id.map { " id=\"\(Markup.identifier($0))\"" } ?? ""
        body += "<h\(level)\(anchor)>\(Markup.escape(text))</h\(level)>\n"
    }

    public mutating func paragraph(_ text: String, className: String? = nil) {
        body += "<p\(className.map { " class=\"\(Markup.identifier($0))\"" } ?? "")>\(Self.text(text))</p>\n"
    }

    /// A bulleted list of plain text items.
    public mutating func list(_ items: [String]) {
        body += "<ul>\n" + items.map { "<li>\(Self.text($0))</li>\n" }.joined() + "</ul>\n"
    }

    /// Terms and their values (`<dl>`), e.g. the summary's figures.
    public mutating func definitions(_ pairs: [(term: String, value: String)]) {
        body += "<dl class=\"figures\">\n"
        for pair in pairs { body += "<div><dt>\(Markup.escape(pair.term))</dt><dd>\(Self.text(pair.value))</dd></div>\n" }
        body += "</dl>\n"
    }

    /// A list of links to the page's headings (`(id, text)`).
    public mutating func contents(_ entries: [(id: String, text: String)]) {
        body += "<nav aria-label=\"Contents\"><ul class=\"contents\">\n"
        for entry in entries { body += "<li><a href=\"#\(Markup.identifier(entry.id))\">\(Markup.escape(entry.text))</a></li>\n" }
        body += "</ul></nav>\n"
    }

    public mutating func table(_ table: HTMLTable) { body += table.html }

    /// A chart with its text summary as the caption. `svg` must come from this module's charts
    /// (rendered `inline`).
    public mutating func figure(svg: String, caption: String) {
        body += "<figure>\n\(svg)\n<figcaption>\(Self.text(caption))</figcaption>\n</figure>\n"
    }

    /// A chart with its caption, followed by its figures as a table in a `<details>` element
    /// (closed on screen, shown when printed): the chart's text alternative in numbers.
    public mutating func figure(svg: String, caption: String, numbers: HTMLTable) {
        figure(svg: svg, caption: caption)
        body += "<details class=\"numbers\"><summary>The numbers: \(Self.text(numbers.caption))</summary>\n\(numbers.html)</details>\n"
    }

    /// Opens and closes a grid of small charts (two or more side by side on a wide screen).
    public mutating func beginGrid() { body += "<div class=\"grid\">\n" }

    public mutating func endGrid() { body += "</div>\n" }

    /// Opens and closes a `<section>`; `newPage`: it starts a new page when printed.
    public mutating func beginSection(id: String? = nil, newPage: Bool = false) {
        body += "<section\(id.map { " id=\"\(Markup.identifier($0))\"" } ?? "")\(newPage ? " class=\"new-page\"" : "")>\n"
    }

    public mutating func endSection() { body += "</section>\n" }

    /// The stylesheet: system fonts, dark text, light rules; A4 print with no split rows or charts.
    public static let stylesheet = """
        :root { color-scheme: light; }
        body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #1a1a1a; background: #ffffff;
          line-height: 1.45; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; max-width: 76rem; font-size: 15px; }
        h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
        h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .15rem; }
        h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
        p, li { max-width: 46rem; }
        .subtitle { color: #333333; margin-top: 0; }
        .note { color: #333333; font-size: .92rem; }
        a { color: #004f7c; }
        ul.contents { columns: 2; padding-left: 1.2rem; }
        dl.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .5rem 1rem; margin: .5rem 0 1rem; }
        dl.figures div { border-left: 3px solid #0072B2; padding: .15rem .6rem; }
        dt { font-size: .85rem; color: #333333; }
        dd { margin: 0; font-weight: bold; font-variant-numeric: tabular-nums; }
        .table { overflow-x: auto; margin: .6rem 0 1.2rem; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        caption { text-align: left; font-weight: bold; padding: .3rem 0; caption-side: top; }
        th, td { border-bottom: 1px solid #b0b0b0; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #1a1a1a; }
        tbody th { font-weight: normal; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num, .nowrap { white-space: nowrap; }
        figure { margin: 1rem 0 1.6rem; }
        figure svg { display: block; max-width: 100%; height: auto; }
        figcaption { font-size: .88rem; color: #333333; margin-top: .3rem; max-width: 46rem; }
        details.numbers { margin: -.9rem 0 1.6rem; }
        details.numbers summary { cursor: pointer; font-size: .88rem; color: #004f7c; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 0 1.2rem; }
        .grid figure { margin: .6rem 0; }
        @media print {
          @page { size: A4; margin: 14mm 12mm 16mm; }
          body { max-width: none; padding: 0; font-size: 10pt; }
          h2 { break-after: avoid; page-break-after: avoid; }
          h3 { break-after: avoid; page-break-after: avoid; }
          figure, svg, dl.figures div { break-inside: avoid; page-break-inside: avoid; }
          tr, th, td { break-inside: avoid; page-break-inside: avoid; }
          table { font-size: 7.5pt; }
          th, td { padding: 2px 3px; overflow-wrap: break-word; }
          td.num { white-space: normal; overflow-wrap: normal; }
          thead { display: table-header-group; }
          .table { overflow: visible; }
          nav { display: none; }
          section.new-page { break-before: page; page-break-before: always; }
          details.numbers::details-content { content-visibility: visible; display: block; }
          details.numbers summary { color: #1a1a1a; list-style: none; }
          * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
          a { color: #1a1a1a; text-decoration: none; }
        }
        """

    /// The whole page.
    public func rendered() -> String {
        """
        <!DOCTYPE html>
        <html lang="\(Markup.escape(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Markup.escape(title))</title>
        <style>
        \(Self.stylesheet)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
