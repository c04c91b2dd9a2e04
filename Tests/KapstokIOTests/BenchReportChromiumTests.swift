import Foundation
import Kapstok
import Testing

@testable import KapstokIO

/// The bench report of the sample round as a browser draws it, by the mechanism of
/// ``ReportChromiumTests``: Debian's headless Chromium takes a screenshot, `Scripts/check_png.py`
/// fails on a blank page or when the charts' solid colours are missing; a printed PDF has pages.
///
/// Set `BENCH_RENDER_DIR` to keep the HTML, PNG and PDF in that folder for a look (the README's
/// `docs/bench-report.png` comes from there).
@Suite(.serialized) struct BenchReportChromiumTests {
    @Test func theBenchReportRendersOnScreenAndOnPaper() throws {
        #expect(FileManager.default.isExecutableFile(atPath: ReportChromiumTests.chromium), "install chromium (Scripts/install-dependencies.sh)")
        let (folder, isKept) = try ReportChromiumTests.outputFolder(keptIn: "BENCH_RENDER_DIR")
        defer { if !isKept { try? FileManager.default.removeItem(at: folder) } }
        let report = try BenchReportFixture.report()
        let started = Date()
        let html = BenchReportRenderer.html(report)
        let renderSeconds = Date().timeIntervalSince(started)
        let page = folder.appendingPathComponent("bench.html")
        try Data(html.utf8).write(to: page)
        let png = folder.appendingPathComponent("bench.png")
        let pdf = folder.appendingPathComponent("bench.pdf")
        let profile = folder.appendingPathComponent("chromium-profile", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: profile) }

        let shot = try ReportChromiumTests.chromium("--screenshot=\(png.path)", page: page, profile: profile)
        #expect(shot.status == 0, "chromium --screenshot failed:\n\(shot.output)")
        // The fills that must show in the first screen: the first strategy's solid blue (Okabe–Ito
        // #0072B2) and the second's orange (#E69F00) under its hatching, in the comparison chart.
        let check = try ReportChromiumTests.run("/usr/bin/env", [
            "python3", ReportChromiumTests.repository.appendingPathComponent("Scripts/check_png.py").path, png.path,
            "--expect-colour", "0072B2", "--expect-colour", "E69F00",
        ])
        #expect(check.status == 0, "check_png.py: \(check.output)")
        #expect(check.output.hasPrefix("1280x2400,"), "\(check.output)")

        let printed = try ReportChromiumTests.chromium("--print-to-pdf=\(pdf.path)", page: page, profile: profile)
        #expect(printed.status == 0, "chromium --print-to-pdf failed:\n\(printed.output)")
        let bytes = (try? Data(contentsOf: pdf)) ?? Data()
        #expect(bytes.starts(with: Data("%PDF-".utf8)), "not a PDF")
        let pages = String(decoding: bytes, as: UTF8.self).components(separatedBy: "/Type /Page\n").count - 1
        // Strategies, what-if, scaling and OR-Library each start a page: at least four.
        #expect(pages >= 4, "\(pages) pages")
        print("bench report: rendered in \(Format.number(renderSeconds * 1000, decimals: 1)) ms, \(html.utf8.count) bytes; \(check.output); PDF \(bytes.count) bytes, \(pages) pages")
    }
}
