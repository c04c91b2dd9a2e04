/// Gathers the diagnostics of a run so that every problem is reported at once.
///
/// Loaders keep going after an error and add everything they find; the caller then calls
/// ``throwIfErrors()`` once. The collector is a value: pass it `inout`.
///
/// **Bounded**: at most ``limitPerFile`` diagnostics (100 by default) are kept per file — the
/// first ones in sort order (line, column, errors first) — and the rest are only counted, so a
/// 200 MB file of junk costs a few kilobytes here, not gigabytes. ``diagnostics`` then ends each
/// such file with one summary, `path: N more problems not shown`, an error when any held-back
/// diagnostic was one: errors are never lost, so the exit code stays right.
public struct DiagnosticCollector: Sendable {
    /// How many diagnostics per file are kept unless a collector is made with another limit.
    public static let defaultLimitPerFile = 100

    /// How many diagnostics per file are kept and shown.
    public let limitPerFile: Int

    /// The diagnostics kept per file (unsorted; at most twice the limit between trims).
    private var kept: [String: [Diagnostic]] = [:]
    /// Per file, how many errors and warnings were dropped at a trim.
    private var dropped: [String: (errors: Int, warnings: Int)] = [:]
    /// Every error and warning collected, kept or not.
    public private(set) var errorCount = 0
    public private(set) var warningCount = 0

    /// Creates an empty collector.
    ///
    /// - Parameter limitPerFile: how many diagnostics per file are kept and shown (at least 1).
    public init(limitPerFile: Int = DiagnosticCollector.defaultLimitPerFile) {
        self.limitPerFile = max(1, limitPerFile)
    }

    /// Every diagnostic shown, sorted by file, line, column, severity and message; a file with
    /// more than ``limitPerFile`` ends with one ``Diagnostic/MessageID/problemsNotShown`` summary.
    public var diagnostics: [Diagnostic] {
        var result: [Diagnostic] = []
        for file in kept.keys.sorted() {
            let sorted = kept[file, default: []].sorted()
            result.append(contentsOf: sorted.prefix(limitPerFile))
            var errors = dropped[file]?.errors ?? 0, warnings = dropped[file]?.warnings ?? 0
            for diagnostic in sorted.dropFirst(limitPerFile) {
                if diagnostic.isError { errors += 1 } else { warnings += 1 }
            }
            if errors + warnings > 0 {
                result.append(Self.notShown(file: file, errors: errors, warnings: warnings))
            }
        }
        return result
    }

    /// The warnings shown, sorted.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The errors shown, sorted (with the summary of held-back ones, when it is an error).
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Whether any error was collected (shown or held back).
    public var hasErrors: Bool { errorCount > 0 }

    /// Adds one diagnostic.
    public mutating func collect(_ diagnostic: Diagnostic) {
        if diagnostic.isError { errorCount += 1 } else { warningCount += 1 }
        let file = diagnostic.location.file
        kept[file, default: []].append(diagnostic)
        if kept[file]!.count >= 2 * limitPerFile { trim(file) }
    }

    /// Keeps the first `limitPerFile` of a file's diagnostics in sort order and counts the rest.
    private mutating func trim(_ file: String) {
        var list = kept[file, default: []]
        list.sort()
        var counts = dropped[file] ?? (0, 0)
        for diagnostic in list[limitPerFile...] {
            if diagnostic.isError { counts.errors += 1 } else { counts.warnings += 1 }
        }
        list.removeSubrange(limitPerFile...)
        kept[file] = list
        dropped[file] = counts
    }

    /// Adds several diagnostics.
    public mutating func collect(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { collect(diagnostic) }
    }

    /// Adds everything another collector holds, the diagnostics it held back included (as
    /// counts), so error counts and summaries stay right.
    public mutating func collect(contentsOf other: DiagnosticCollector) {
        for list in other.kept.values {
            for diagnostic in list { collect(diagnostic) }
        }
        for (file, counts) in other.dropped {
            var mine = dropped[file] ?? (0, 0)
            mine.errors += counts.errors
            mine.warnings += counts.warnings
            dropped[file] = mine
            errorCount += counts.errors
            warningCount += counts.warnings
        }
    }

    /// Adds an error.
    public mutating func error(_ id: Diagnostic.MessageID, _ message: String, at location: Diagnostic.Location) {
        collect(.error(id, message, at: location))
    }

    /// Adds a warning.
    public mutating func warning(_ id: Diagnostic.MessageID, _ message: String, at location: Diagnostic.Location) {
        collect(.warning(id, message, at: location))
    }

    /// Throws every diagnostic shown (errors and warnings, sorted) if any error was collected.
    ///
    /// - Throws: ``DiagnosticsError`` when at least one error was collected.
    public func throwIfErrors() throws(DiagnosticsError) {
        if hasErrors { throw DiagnosticsError(diagnostics: diagnostics, errorCount: errorCount) }
    }

    /// The summary for held-back diagnostics, sorted after everything else in its file.
    static func notShown(file: String, errors: Int, warnings: Int) -> Diagnostic {
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) \(errors == 1 ? "error" : "errors")") }
        if warnings > 0 { parts.append("\(warnings) \(warnings == 1 ? "warning" : "warnings")") }
        let total = errors + warnings
        return Diagnostic(
            severity: errors > 0 ? .error : .warning, id: .problemsNotShown,
            message: "\(total) more \(total == 1 ? "problem" : "problems") not shown (\(parts.joined(separator: ", ")))",
            location: .endOfFile(file))
    }
}
