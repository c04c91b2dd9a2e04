/// The error thrown when input has problems: every diagnostic of the run, sorted.
///
/// Its description is one rendered diagnostic per line (`path:line:column: error: message`),
/// warnings included, ready to print to standard error.
public struct DiagnosticsError: Error, CustomStringConvertible, Sendable {
    /// All diagnostics of the run (errors and warnings), sorted.
    public let diagnostics: [Diagnostic]

    /// Creates the error; the diagnostics are sorted.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
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
