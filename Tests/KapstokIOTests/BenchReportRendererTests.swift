import Foundation
import Kapstok
import Testing

@testable import KapstokIO

/// The bench's HTML report on the sample round: well-formed SVG with text alternatives, no
/// script or URL, the data tables equal to the metrics, hostile names escaped, sections only
/// with their data.
@Suite struct BenchReportRendererTests {
    /// The cells of the row headed `header` in the table captioned `caption` (first match).
    static func row(_ html: String, caption: String, header: String) -> [String]? {
        guard let table = html.range(of: "<caption>\(Markup.escape(caption))</caption>"),
            let end = html.range(of: "</table>", range: table.upperBound..<html.endIndex)
        else { return nil }
        let body = html[table.upperBound..<end.lowerBound]
        guard let start = body.range(of: "<th scope=\"row\">\(HTMLPage.text(header))</th>") else { return nil }
        let line = body[start.upperBound...].prefix { $0 != "\n" }
        return line.components(separatedBy: "</td>").dropLast().map { cell in
            String(cell[(cell.range(of: ">")?.upperBound ?? cell.startIndex)...])
        }
    }

    @Test func everyChartIsWellFormedXMLWithATextAlternative() throws {
        let html = BenchReportRenderer.html(try BenchReportFixture.report())
        let parts = svgParts(of: html)
        // 1 comparison + 1 scores + 1 load + 3 heat maps + 6 what-if + 2 scaling + 1 OR-Library.
        #expect(parts.count == 15, "\(parts.count) charts")
        for svg in parts {
            let outline = try #require(XMLOutline.parse(svg))
            let root = try #require(outline.elements.first)
            #expect(root.name == "svg" && root.attributes["role"] == "img")
            let title = outline.text(of: "title")
            let desc = outline.text(of: "desc")
            #expect(title.count == 1 && !(title.first ?? "").isEmpty)
            #expect(desc.count == 1 && (desc.first ?? "").count > 20, "\(desc)")
            let ids = outline.elements.filter { $0.name == "title" || $0.name == "desc" }.compactMap { $0.attributes["id"] }
            #expect(root.attributes["aria-labelledby"] == ids.joined(separator: " "))
        }
        // Every chart sits in a figure with a caption; the round's charts have their numbers.
        #expect(html.components(separatedBy: "<figure>").count - 1 == parts.count)
        #expect(html.components(separatedBy: "<figcaption>").count - 1 == parts.count)
        #expect(html.components(separatedBy: "<details class=\"numbers\">").count - 1 == 6)
        // Chart ids are unique on the page.
        let titleIDs = parts.compactMap { XMLOutline.parse($0)?.elements.first?.attributes["aria-labelledby"] }
        #expect(Set(titleIDs).count == parts.count)
    }

    @Test func thePageIsSelfContained() throws {
        let report = try BenchReportFixture.report()
        let html = BenchReportRenderer.html(report)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for forbidden in ["<script", "http://", "https://", "@import", "@font-face", " src=", "<link", "<iframe", "<img"] {
            #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
        }
        // Links only to the page's own headings.
        for link in html.components(separatedBy: "href=\"").dropFirst() { #expect(link.hasPrefix("#")) }
        // Print: new pages for the experiment sections, the numbers shown.
        #expect(html.contains("section.new-page { break-before: page;") && html.contains("::details-content"))
        // Deterministic: the same report, the same bytes.
        #expect(html == BenchReportRenderer.html(report))
    }

    @Test func theBenchTableHoldsTheMetrics() throws {
        let report = try BenchReportFixture.report()
        let html = BenchReportRenderer.html(report)
        let caption = "Bench table: every metric per strategy"
        let optimal = report.runs[0].metrics
        // Cells in strategy order: optimal, greedy, stable, random (mean ± sd over 5 seeds).
        let total = try #require(Self.row(html, caption: caption, header: "Total score"))
        #expect(total.count == 4)
        #expect(total.first == FixedDecimal.text(optimal.totalScore, decimals: 1))
        #expect(total.dropFirst().first == FixedDecimal.text(report.runs[1].metrics.totalScore, decimals: 1))
        let randomTotal = try #require(report.randomSummary.first { $0.name == "total_score" })
        #expect(total.last == FixedDecimal.text(try #require(randomTotal.mean), decimals: 1) + " ± "
            + FixedDecimal.text(try #require(randomTotal.standardDeviation), decimals: 1))
        let matched = try #require(Self.row(html, caption: caption, header: "Mentees matched"))
        #expect(matched.first == String(optimal.matched))
        let gap = try #require(Self.row(html, caption: caption, header: "Weighted gap covered"))
        #expect(gap.first.map { $0.replacingOccurrences(of: "\u{00A0}", with: " ") } == FixedDecimal.percent(try #require(optimal.gapCovered)))
        let gini = try #require(Self.row(html, caption: caption, header: "Mentor load Gini"))
        #expect(gini.dropFirst(2).first == report.runs[2].metrics.loadGini.map { FixedDecimal.text($0, decimals: 3) })
        let blocking = try #require(Self.row(html, caption: caption, header: "Blocking pairs"))
        #expect(blocking.dropFirst(2).first == String(report.runs[2].metrics.blockingPairs))

        // Score distribution: pairs and minimum as the metrics count them.
        let scores = try #require(Self.row(html, caption: "scores of the matched pairs per strategy", header: "optimal"))
        #expect(scores.first == String(optimal.matched))
        #expect(scores.dropFirst().first == optimal.minScore.map { FixedDecimal.text($0, decimals: 2) })
        // Mentor load: min, max, Gini; the mentors per load add up to every mentor.
        let load = try #require(Self.row(html, caption: "mentor load per strategy", header: "greedy"))
        let greedy = report.runs[1].metrics
        #expect(Array(load.prefix(3)) == [greedy.loadMin, greedy.loadMax].map { $0.map { FixedDecimal.text($0, decimals: 2) } ?? "–" }
            + [greedy.loadGini.map { FixedDecimal.text($0, decimals: 3) } ?? "–"])
        #expect(load.dropFirst(3).compactMap { Int($0) }.reduce(0, +) == report.prepared?.round.mentors.count)
        // Domain coverage per strategy.
        let domains = try #require(Self.row(html, caption: "domain interest met", header: "optimal"))
        #expect(domains.map { $0.replacingOccurrences(of: "\u{00A0}", with: " ") }
            == optimal.domainCoverage.map { $0.share.map { FixedDecimal.percent($0) } ?? "–" })
        // What-if: the value 0 (greedy stand-in) against the baseline (optimal), with its change.
        let zero = try #require(Self.row(html, caption: "min_grade_gap: each value with its change against the baseline", header: "0"))
        let change = greedy.totalScore - optimal.totalScore
        #expect(zero.dropFirst().first == FixedDecimal.text(greedy.totalScore, decimals: 1) + " ("
            + (change < 0 ? "−" : "+") + FixedDecimal.text(abs(change), decimals: 1) + ")")
        let two = try #require(Self.row(html, caption: "min_grade_gap: each value with its change against the baseline", header: "2"))
        #expect(two.last == "a require rule cannot hold")
        // Sweep: 1e-7 · 1000^1.5 = 0.0031623 s → 0.0032; memory 100 · 1000 B = 0.10 MiB (100 000 / 1 048 576 = 0.095).
        let sweep = try #require(Self.row(html, caption: "Sweep: mean over seeds per strategy and size", header: "optimal"))
        #expect(sweep.first == "40 × 12")
        let sizes = html.components(separatedBy: "<th scope=\"row\">optimal</th><td class=\"num\">400 × 120</td>")
        #expect(sizes.count == 2)
        #expect(sizes.last?.hasPrefix("<td class=\"num\">1000</td><td class=\"num\">2</td><td class=\"num\">0.0032</td><td class=\"num\">0.10</td>") == true)
        // OR-Library: the gap 7/6357 = 0.110 % and the value 4 above the best known 6353.
        let d = try #require(Self.row(html, caption: "OR-Library GAP: value, proven bound, gap, status and time per instance", header: "d05100"))
        #expect(d == ["5 × 100", "6357", "6350", "0.11\u{00A0}%", "time_limit", "30.20", "6353 (best known)", "4"])
    }

    @Test func hostileNamesAreEscaped() throws {
        let html = BenchReportRenderer.html(try BenchReportFixture.report(hostile: true))
        #expect(!html.contains(BenchReportFixture.hostile))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;&amp;&quot;&#39;"))
        #expect(html.contains("<title>Bench &lt;script&gt;&amp;&quot;&#39;</title>"))
        for svg in svgParts(of: html) { #expect(XMLOutline.parse(svg) != nil) }
        // The hostile strategy's row in the scores table, escaped.
        #expect(Self.row(html, caption: "scores of the matched pairs per strategy", header: BenchReportFixture.hostile) != nil)
    }

    @Test func sectionsAppearOnlyWithTheirData() throws {
        let full = try BenchReportFixture.report()
        let orlibOnly = BenchReportRenderer.html(BenchReport(title: "OR", subtitle: "", orlib: full.orlib))
        #expect(orlibOnly.contains("id=\"orlib-heading\""))
        for absent in ["strategies-heading", "scores-heading", "load-heading", "coverage-heading", "what-if-heading", "scaling-heading", "<nav"] {
            #expect(!orlibOnly.contains(absent), "\(absent)")
        }
        #expect(svgParts(of: orlibOnly).count == 1)
        let sweepOnly = BenchReportRenderer.html(BenchReport(title: "Sweep", subtitle: "", sweep: full.sweep, fits: full.fits))
        #expect(sweepOnly.contains("id=\"scaling-heading\"") && !sweepOnly.contains("orlib-heading"))
        // Seconds and memory, log–log: the legend names the fitted exponents.
        #expect(svgParts(of: sweepOnly).count == 2)
        #expect(sweepOnly.contains("optimal (exponent 1.50)") && sweepOnly.contains("greedy (exponent 1.00)"))
        let empty = BenchReportRenderer.html(BenchReport(title: "Nothing", subtitle: ""))
        #expect(empty.contains("Nothing was measured.") && svgParts(of: empty).isEmpty)
    }

    @Test func distributionsMatchTheMetrics() throws {
        let report = try BenchReportFixture.report()
        let prepared = try #require(report.prepared)
        for run in report.runs {
            let scores = prepared.pairScores(of: run.result.assignment)
            #expect(scores == scores.sorted())
            #expect(abs(scores.reduce(0, +) - run.metrics.totalScore) < 1e-9)
            #expect(scores.first == run.metrics.minScore)
            let loads = prepared.mentorLoads(of: run.result.assignment)
            #expect(loads.count == prepared.round.mentors.count)
            #expect(loads.min() == run.metrics.loadMin && loads.max() == run.metrics.loadMax)
            // Each role's share is a weighted mean of its competencies' shares: between them.
            let competencies = prepared.competencyCoverage(of: run.result.assignment)
            for (role, share) in run.metrics.roleCoverage {
                guard let share else { continue }
                let own = zip(prepared.round.framework.competencies, competencies).filter { $0.0.group == role }.compactMap(\.1.share)
                #expect(own.min().map { $0 - 1e-12 <= share } == true && own.max().map { share <= $0 + 1e-12 } == true, "\(role)")
            }
        }
        // Nobody matched: nothing covered where there is a gap.
        let none = prepared.competencyCoverage(of: [Int?](repeating: nil, count: prepared.round.mentees.count))
        #expect(none.contains { $0.share != nil } && none.allSatisfy { $0.share == nil || $0.share == 0 })
    }

    @Test func quartilesByNearestRank() {
        // k = 10 values 1…10: ⌈2.5⌉ = 3rd → 3, ⌈5⌉ = 5th → 5, ⌈7.5⌉ = 8th → 8; mean 5.5.
        let q = ChartDistribution(label: "x", values: (1...10).reversed().map(Double.init)).quartiles
        #expect(q?.minimum == 1 && q?.lower == 3 && q?.median == 5 && q?.upper == 8 && q?.maximum == 10 && q?.mean == 5.5)
        // One value: every quartile is it.
        #expect(ChartDistribution(label: "y", values: [4]).quartiles?.lower == 4)
        #expect(ChartDistribution(label: "z", values: []).quartiles == nil)
    }

    @Test func logScalesTickAtPowersOfTen() {
        // 100 … 10 000 → ticks 100, 1000, 10 000; 0.0031 … 3.16 → 0.001 … 10.
        let pairs = ChartScale(kind: .logarithmic, values: [100, 10_000])
        #expect(pairs.ticks.map { pairs.tickText($0, format: .number(decimals: 0)) } == ["100", "1000", "10000"])
        let seconds = ChartScale(kind: .logarithmic, values: [0.0031, 3.16])
        #expect(seconds.ticks.map { seconds.tickText($0, format: .number(decimals: 4)) } == ["0.001", "0.01", "0.1", "1", "10"])
        #expect(seconds.position(0) == nil && seconds.position(0.001) == 0 && seconds.position(10) == 1)
        // Linear 3.2 … 7.9: range 4.7 → step 1 (4.7 steps ≤ 5), from ⌊3.2⌋ = 3 to ⌈7.9⌉ = 8: six ticks.
        let linear = ChartScale(kind: .linear, values: [3.2, 7.9])
        #expect(linear.low == 3 && linear.high == 8 && linear.ticks.count == 6)
        #expect(linear.tickText(3, format: .number(decimals: 2)) == "3")
        // A flat 0.116 is padded by 10 % to 0.1044 … 0.1276: range 0.0232 → step 0.005 (4.64
        // steps), ticks 0.100 … 0.130 printed with the three decimals the step needs.
        let flat = ChartScale(kind: .linear, values: [0.116, 0.116])
        #expect(flat.ticks.map { flat.tickText($0, format: .number(decimals: 3)) } == ["0.1", "0.105", "0.11", "0.115", "0.12", "0.125", "0.13"])
        let shares = ChartScale(kind: .linear, values: [0, 0.47])
        #expect(shares.ticks.map { shares.tickText($0, format: .percent(decimals: 1)) } == ["0 %", "10 %", "20 %", "30 %", "40 %", "50 %"])
    }

    @Test func coefficientsPrintInScientificNotation() {
        #expect(BenchReportRenderer.scientific(1e-7) == "1.00e-7")
        #expect(BenchReportRenderer.scientific(2.4149e-5) == "2.41e-5")
        #expect(BenchReportRenderer.scientific(9.999) == "1.00e1")
        #expect(BenchReportRenderer.scientific(100) == "1.00e2")
    }
}
