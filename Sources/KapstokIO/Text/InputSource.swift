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

    /// The path shown in diagnostics.
    public var path: String {
        switch self {
        case .file(let url): InputFile.displayPath(of: url)
        case .contents(_, let path): path
        }
    }

    /// The bytes, or `nil` after adding `path:1:1: error: cannot read file (reason)`.
    public func bytes(diagnostics: inout DiagnosticCollector) -> [UInt8]? {
        switch self {
        case .file(let url): InputFile.read(url, diagnostics: &diagnostics)
        case .contents(let bytes, _): bytes
        }
    }
}
