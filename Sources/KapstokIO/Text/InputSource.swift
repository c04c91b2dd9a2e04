import Foundation

/// Where a loader gets a file's bytes: from disk, or from memory (tests, other front ends).
public enum InputSource: Sendable, Equatable {
    /// A file on disk; diagnostics show its path as given.
    case file(URL)
    /// Bytes already in memory, with the path to show in diagnostics.
    case contents([UInt8], path: String)

    /// Text in memory (encoded as UTF-8), with the path to show in diagnostics.
    public static func text(_ text: String, path: String) -> InputSource {
        .contents(Array(text.utf8), path: path)
    }

    /// The path as given, with a workbook's `#Sheet` if it has one.
    public var givenPath: String {
        switch self {
        case .file(let url): InputFile.displayPath(of: url)
        case .contents(_, let path): path
        }
    }

    /// The path shown in diagnostics: the file, without a workbook's `#Sheet`
    /// (`mentees.xlsx#Mentees` shows as `mentees.xlsx`; the sheet goes in ``Diagnostic/Location/sheet``).
    public var path: String { split.file }

    /// The sheet a path `file.xlsx#Sheet name` names (see ``XLSXReader/splitSheet(_:fileExists:)``);
    /// `nil` for any other path, and for a path that exists as a file as a whole.
    public var sheet: String? { split.sheet }

    private var split: (file: String, sheet: String?) {
        switch self {
        case .file(let url):
            XLSXReader.splitSheet(InputFile.displayPath(of: url)) { FileManager.default.fileExists(atPath: $0) }
        case .contents(_, let path):
            XLSXReader.splitSheet(path) { _ in false }
        }
    }

    /// The bytes, or `nil` after adding `path:1:1: error: cannot read file (reason)`.
    public func bytes(diagnostics: inout DiagnosticCollector) -> [UInt8]? {
        switch self {
        case .file(let url):
            let split = split
            guard split.sheet != nil else { return InputFile.read(url, diagnostics: &diagnostics) }
            return InputFile.read(URL(fileURLWithPath: split.file), diagnostics: &diagnostics)
        case .contents(let bytes, _): return bytes
        }
    }
}
