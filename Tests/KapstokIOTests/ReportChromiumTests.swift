import Foundation
import Kapstok
import Testing

@testable import KapstokIO

/// The HTML report as a browser draws it: Debian's headless Chromium (`/usr/bin/chromium`,
/// installed by Scripts/install-dependencies.sh) takes a screenshot and prints a PDF of the
/// fixture report; `Scripts/check_png.py` decodes the PNG and fails on a blank page or when the
/// charts' solid colours are missing.
///
/// Set `REPORT_RENDER_DIR` to keep the HTML, PNG and PDF in that folder for a look.
@Suite(.serialized) struct ReportChromiumTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let chromium = "/usr/bin/chromium"

    /// Runs a program; its exit status and output (stdout and stderr together).
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// One Chromium launch: headless, no sandbox (containers), a throw-away profile.
    static func chromium(_ output: String, page: URL, profile: URL) throws -> (status: Int32, output: String) {
        try run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
            "--user-data-dir=\(profile.path)", output, "--window-size=1280,2400", page.absoluteString,
        ])
    }

    /// The folder for a rendering: the one named by the environment variable (kept), else a
    /// temporary one (`isKept` false: remove it after).
    static func outputFolder(keptIn variable: String) throws -> (url: URL, isKept: Bool) {
        guard let path = ProcessInfo.processInfo.environment[variable] else { return (try Fixture.temporaryDirectory(), false) }
        let url = URL(fileURLWithPath: path, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return (url, true)
    }

    @Test func theReportRendersOnScreenAndOnPaper() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.chromium), "install chromium (Scripts/install-dependencies.sh)")
        let (folder, isKept) = try Self.outputFolder(keptIn: "REPORT_RENDER_DIR")
        defer { if !isKept { try? FileManager.default.removeItem(at: folder) } }
        let page = folder.appendingPathComponent("report.html")
        try Data(ProgressReportRenderer.html(ReportFixture.report, names: ReportFixture.names).utf8).write(to: page)
        let png = folder.appendingPathComponent("report.png")
        let pdf = folder.appendingPathComponent("report.pdf")
        let profile = folder.appendingPathComponent("chromium-profile", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: profile) }

        let started = Date()
        let shot = try Self.chromium("--screenshot=\(png.path)", page: page, profile: profile)
        #expect(shot.status == 0, "chromium --screenshot failed:\n\(shot.output)")
        // The solid fills that must show: the bar chart's blue (Okabe–Ito #0072B2) and the
        // on-track green (#009E73) of the status chart.
        let check = try Self.run("/usr/bin/env", ["python3", Self.repository.appendingPathComponent("Scripts/check_png.py").path, png.path,
            "--expect-colour", "0072B2", "--expect-colour", "009E73"])
        #expect(check.status == 0, "check_png.py: \(check.output)")
        #expect(check.output.hasPrefix("1280x2400,"), "\(check.output)")

        let printed = try Self.chromium("--print-to-pdf=\(pdf.path)", page: page, profile: profile)
        #expect(printed.status == 0, "chromium --print-to-pdf failed:\n\(printed.output)")
        let bytes = (try? Data(contentsOf: pdf)) ?? Data()
        #expect(bytes.starts(with: Data("%PDF-".utf8)), "not a PDF")
        // A page of text with three vector charts: tens of kilobytes; an empty page is about 1 kB.
        #expect(bytes.count > 20_000, "PDF of \(bytes.count) bytes")
        let pages = String(decoding: bytes, as: UTF8.self).components(separatedBy: "/Type /Page\n").count - 1
        let seconds = Date().timeIntervalSince(started)
        print("chromium: screenshot and PDF in \(Format.number(seconds, decimals: 1)) s; \(check.output); PDF \(bytes.count) bytes, \(pages) pages")
    }

    /// The checker can fail: a white image is blank.
    @Test func aWhiteImageIsBlank() throws {
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("white.png")
        try Self.whitePNG(width: 4, height: 3).write(to: path)
        let check = try Self.run("/usr/bin/env", ["python3", Self.repository.appendingPathComponent("Scripts/check_png.py").path, path.path])
        #expect(check.status == 1, "\(check.output)")
        // 12 white pixels: none non-white, one colour.
        #expect(check.output.hasPrefix("4x3, 0 non-white pixels (0.0 %), 1 distinct colours"), "\(check.output)")
    }

    /// A white RGB PNG, filter 0 on every row, stored (uncompressed) deflate.
    static func whitePNG(width: Int, height: Int) -> Data {
        func chunk(_ kind: String, _ body: [UInt8]) -> [UInt8] {
            let typed = Array(kind.utf8) + body
            return bigEndian(UInt32(body.count)) + typed + bigEndian(crc32(typed))
        }
        let raw = [UInt8]((0..<height).flatMap { _ in [0] + [UInt8](repeating: 255, count: width * 3) })
        // zlib: header 78 01, one stored block (final), Adler-32.
        let length = UInt16(raw.count)
        var stream: [UInt8] = [0x78, 0x01, 0x01, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
        stream += raw + bigEndian(adler32(raw))
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", stream) + chunk("IEND", []))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var (a, b): (UInt32, UInt32) = (1, 0)
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }
}
