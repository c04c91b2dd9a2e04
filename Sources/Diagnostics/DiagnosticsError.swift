/// The error thrown when input has problems: every diagnostic of the run, sorted.
///
/// Its description is one rendered diagnostic per line (`path:line:column: error: message`),
/// warnings included, ready to print to standard error.
public struct DiagnosticsError: Error, CustomStringConvertible, Sendable {
    /// All diagnostics shown (errors and warnings), sorted; a file with more than the collector's
    /// limit ends with a `problems-not-shown` summary.
    public let diagnostics: [Diagnostic]

    /// How many errors the run found, including those the collector held back: say
    /// "`errorCount` errors", not the count of ``errors``.
    public let errorCount: Int

    /// Creates the error; the diagnostics are sorted.
    ///
    /// - Parameter errorCount: every error found; `nil` counts the errors among `diagnostics`.
    public init(diagnostics: [Diagnostic], errorCount: Int? = nil) {
        self.diagnostics = diagnostics.sorted()
        self.errorCount = errorCount ?? diagnostics.filter(\.isError).count
    }

    /// The errors among the diagnostics.
    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }

    /// The warnings among the diagnostics.
    public var warnings: [Diagnostic] { diagnostics.filter { !$0.isError } }

    /// One rendered diagnostic per line, without a trailing newline.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
