/// Gathers the diagnostics of a run so that every problem is reported at once.
///
/// Loaders keep going after an error and add everything they find; the caller then calls
/// ``throwIfErrors()`` once. The collector is a value: pass it `inout`.
public struct DiagnosticCollector: Sendable {
    private var collected: [Diagnostic] = []

    /// Creates an empty collector.
    public init() {}

    /// Every diagnostic so far, sorted by file, line, column, severity and message.
    public var diagnostics: [Diagnostic] { collected.sorted() }

    /// The warnings so far, sorted.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The errors so far, sorted.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Whether any error was collected.
    public var hasErrors: Bool { collected.contains { $0.severity == .error } }

    /// Adds one diagnostic.
    public mutating func collect(_ diagnostic: Diagnostic) {
        collected.append(diagnostic)
    }

    /// Adds several diagnostics.
    public mutating func collect(contentsOf diagnostics: some Sequence<Diagnostic>) {
        collected.append(contentsOf: diagnostics)
    }

    /// Adds an error.
    public mutating func error(_ id: Diagnostic.MessageID, _ message: String, at location: Diagnostic.Location) {
        collect(.error(id, message, at: location))
    }

    /// Adds a warning.
    public mutating func warning(_ id: Diagnostic.MessageID, _ message: String, at location: Diagnostic.Location) {
        collect(.warning(id, message, at: location))
    }

    /// Throws every diagnostic (errors and warnings, sorted) if any of them is an error.
    ///
    /// - Throws: ``DiagnosticsError`` when at least one error was collected.
    public func throwIfErrors() throws(DiagnosticsError) {
        if hasErrors { throw DiagnosticsError(diagnostics: diagnostics) }
    }
}
