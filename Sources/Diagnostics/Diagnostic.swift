/// One problem found in an input file, with its severity, stable identifier and location.
///
/// A diagnostic renders as `path:line:column: error: message` (or `warning:`), the format
/// compilers use, so editors and terminals can jump to the spot. Messages are lowercase
/// fragments without a final period, with user values in single quotes:
/// `unknown column 'leader.vison'; did you mean 'leader.vision'?`.
///
/// Diagnostics order by file path, then line, then column, then severity (errors first), then
/// message, so a sorted list is deterministic.
public struct Diagnostic: Error, CustomStringConvertible, Comparable, Hashable, Sendable {
    /// How bad a problem is: an error stops the run, a warning is reported and the run goes on.
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        case error
        case warning
    }

    /// Whether the problem stops the run.
    public var severity: Severity
    /// Stable identifier of the kind of problem, e.g. `unknown-column`; tests and tools match on it.
    public var id: MessageID
    /// A lowercase fragment with no final period; user values in single quotes.
    public var message: String
    /// Where the problem is.
    public var location: Diagnostic.Location

    /// Creates a diagnostic.
    public init(severity: Severity, id: MessageID, message: String, location: Diagnostic.Location) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
    }

    /// Creates an error diagnostic.
    public static func error(_ id: MessageID, _ message: String, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(severity: .error, id: id, message: message, location: location)
    }

    /// Creates a warning diagnostic.
    public static func warning(_ id: MessageID, _ message: String, at location: Diagnostic.Location) -> Diagnostic {
        Diagnostic(severity: .warning, id: id, message: message, location: location)
    }

    /// Whether this diagnostic is an error.
    public var isError: Bool { severity == .error }

    /// The rendered diagnostic: `path:line:column: error: message`.
    ///
    /// Path and message are shown through ``TerminalText/rendered(_:)`` and
    /// ``TerminalText/renderedMessage(_:)``: control and bidi characters escaped as `\u{1B}`, a
    /// quoted value over 200 scalars cut to 40, each cut at 1,000 scalars, so nothing from an
    /// input file can drive the terminal or flood it. The summary the collector adds when it holds
    /// diagnostics back (``MessageID/problemsNotShown``) renders as `path: N more problems not shown`.
    public var description: String {
        if id == .problemsNotShown {
            return "\(TerminalText.rendered(location.file)): \(TerminalText.rendered(message))"
        }
        return "\(location): \(severity.rawValue): \(TerminalText.renderedMessage(message))"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity == .error }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        return lhs.id.rawValue < rhs.id.rawValue
    }
}

extension Diagnostic {
    /// A position in an input file: the path as given, and a 1-based line and column.
    ///
    /// The line is the physical line (a quoted CSV field that spans lines moves later records down).
    /// The column is the 1-based position, counted in Unicode scalars, of the first character of the
    /// field or token in its physical line.
    public struct Location: Hashable, Comparable, CustomStringConvertible, Sendable {
        /// The file path exactly as the user gave it.
        public var file: String
        /// 1-based physical line.
        public var line: Int
        /// 1-based column, counted in Unicode scalars from the start of the physical line.
        public var column: Int

        /// Creates a location.
        public init(file: String, line: Int, column: Int) {
            self.file = file
            self.line = line
            self.column = column
        }

        /// `path:line:column`, the path escaped and shortened (``TerminalText/rendered(_:)``).
        public var description: String { "\(TerminalText.rendered(file)):\(line):\(column)" }

        /// The location after every other one in a file: where file-wide summaries sort.
        public static func endOfFile(_ file: String) -> Location {
            Location(file: file, line: .max, column: .max)
        }

        public static func < (lhs: Diagnostic.Location, rhs: Diagnostic.Location) -> Bool {
            (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
        }
    }
}
