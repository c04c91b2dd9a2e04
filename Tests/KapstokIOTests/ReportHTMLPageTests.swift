import Foundation
import Testing

@testable import KapstokIO

@Suite struct ReportHTMLPageTests {
    @Test func tablesHaveCaptionsAndScopedHeaders() {
        let table = HTMLTable(
            caption: "People & <pairs>", columns: [.init("Name"), .init("Held", numeric: true), .init("Since", unbroken: true)],
            rows: [["<b>Ann</b>", "3", "2027-01-04"]])
        #expect(table.html == """
            <div class="table"><table>
            <caption>People &amp; &lt;pairs&gt;</caption>
            <thead><tr><th scope="col">Name</th><th scope="col" class="num">Held</th><th scope="col">Since</th></tr></thead>
            <tbody>
            <tr><th scope="row">&lt;b&gt;Ann&lt;/b&gt;</th><td class="num">3</td><td class="nowrap">2027-01-04</td></tr>
            </tbody>
            </table></div>

            """)
        let plain = HTMLTable(caption: "c", columns: [.init("a")], rows: [["x"]], hasRowHeaders: false)
        #expect(plain.html.contains("<tr><td>x</td></tr>"))
    }

    @Test func thePageIsSelfContainedAndPrintable() {
        var page = HTMLPage(title: "Report </title><script>x</script>")
        page.heading("Summary & more", level: 9, id: "sum mary")
        page.paragraph("a < b: 5 %", className: "note")
        page.list(["one", "<two>"])
        page.definitions([("Held", "4 of 12")])
        page.contents([("sum mary", "Summary")])
        page.figure(svg: SVGBarChart(id: "c", title: "T", bars: [ChartBar(label: "x", value: 1)]).svg(inline: true), caption: "x: 1 & more")
        let html = page.rendered()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        #expect(html.contains("<title>Report &lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>"))
        #expect(!html.lowercased().contains("<script") && !html.contains("http") && !html.contains("<link"))
        // Levels are clamped to 1–6; ids made safe.
        #expect(html.contains("<h6 id=\"sum-mary\">Summary &amp; more</h6>") && html.contains("<a href=\"#sum-mary\">Summary</a>"))
        #expect(html.contains("<p class=\"note\">a &lt; b: 5\u{00A0}%</p>") && html.contains("<li>&lt;two&gt;</li>"))
        #expect(html.contains("<div><dt>Held</dt><dd>4 of 12</dd></div>"))
        #expect(html.contains("<figcaption>x: 1 &amp; more</figcaption>"))
        // One style element and nothing loaded from elsewhere; A4 print with unbroken rows and charts.
        #expect(html.components(separatedBy: "<style>").count == 2)
        for rule in ["@media print", "size: A4", "break-inside: avoid", "thead { display: table-header-group; }", "print-color-adjust: exact"] {
            #expect(HTMLPage.stylesheet.contains(rule), "\(rule)")
        }
        #expect(!HTMLPage.stylesheet.contains("@import") && !HTMLPage.stylesheet.contains("@font-face") && !HTMLPage.stylesheet.contains("url("))
        #expect(html == page.rendered())
    }
}
