import ArgumentParser
import Foundation
import Kapstok
import KapstokIO
import KapstokStore

/// `--html FILE`: the bench's HTML report (``BenchReportRenderer``), written atomically.
extension BenchOutputOptions {
    /// Refuses (exit 73) an `--html` path that is one of the bench's input files (after
    /// following symbolic links, or the same file by device and inode) or one of the own files
    /// of a workspace (when the file's folder holds one), before anything runs.
    func refuseOverwriting(inputs: [String]) throws {
        guard let html else { return }
        let target = URL(fileURLWithPath: html)
        // A workbook input names its sheet (`program.xlsx#Mentees`): the file is the part before.
        if let input = inputs.first(where: { Self.isSameFile(XLSXReader.splitSheet($0).file, html) }) {
            Terminal.error("error: --html '\(TerminalText.escaped(html))' is the input file '\(TerminalText.escaped(input))'; write the report elsewhere")
            throw ExitCode(73)
        }
        let folder = target.deletingLastPathComponent()
        if WorkspaceLayout.isWorkspace(folder) { try WorkspaceOptions.refuseOwnFile(html, flag: "--html", of: folder) }
        if let out, Self.isInside(html, folder: out) {
            Terminal.error("error: --html '\(TerminalText.escaped(html))' is inside the --out folder '\(TerminalText.escaped(out))', whose files are replaced together; write the report beside it")
            throw ExitCode(73)
        }
    }

    /// Whether `path` lies in `folder` or below it (symbolic links followed).
    static func isInside(_ path: String, folder: String) -> Bool {
        func parts(_ text: String) -> [String] {
            URL(fileURLWithPath: text).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        }
        let (file, root) = (parts(path), parts(folder))
        return file.count > root.count && Array(file.prefix(root.count)) == root
    }

    /// Whether two paths name one file: the same path after symbolic links, or the same device
    /// and inode (a hard link).
    static func isSameFile(_ a: String, _ b: String) -> Bool {
        let (urlA, urlB) = (URL(fileURLWithPath: a), URL(fileURLWithPath: b))
        if urlA.standardizedFileURL.resolvingSymlinksInPath().path == urlB.standardizedFileURL.resolvingSymlinksInPath().path { return true }
        func identity(_ path: String) -> [Int]? {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let device = (attributes[.systemNumber] as? NSNumber)?.intValue,
                let inode = (attributes[.systemFileNumber] as? NSNumber)?.intValue
            else { return nil }
            return [device, inode]
        }
        guard let first = identity(a), let second = identity(b) else { return false }
        return first == second
    }

    /// Writes the report to `--html` (nothing without it), atomically: the old file stays whole
    /// until the new one is complete. Exit 73 when it cannot be written or names a workspace's
    /// own file.
    func writeHTML(_ report: BenchReport) throws {
        guard let html else { return }
        try refuseOverwriting(inputs: [])
        do {
            try AtomicFileWriter.write(Data(BenchReportRenderer.html(report).utf8), to: URL(fileURLWithPath: html))
        } catch {
            Terminal.error("error: --html: \(TerminalText.escaped(error.description))")
            throw ExitCode(73)
        }
    }
}
