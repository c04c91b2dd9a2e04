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
    /// A position in an input file: the path as given, and a 1-based line and column; in a
    /// spreadsheet, also the sheet (the line is then the row and the column the column number).
    ///
    /// The line is the physical line (a quoted CSV field that spans lines moves later records down).
    /// The column is the 1-based position, counted in Unicode scalars, of the first character of the
    /// field or token in its physical line.
    public struct Location: Hashable, Comparable, CustomStringConvertible, Sendable {
        /// The file path exactly as the user gave it.
        public var file: String
        /// 1-based physical line; in a spreadsheet, the row.
        public var line: Int
        /// 1-based column, counted in Unicode scalars from the start of the physical line; in a
        /// spreadsheet, the column number (A = 1).
        public var column: Int
        /// The sheet of a workbook (`.xlsx`), or `nil` for a text file.
        public var sheet: String?

        /// Creates a location.
        public init(file: String, line: Int, column: Int, sheet: String? = nil) {
            self.file = file
            self.line = line
            self.column = column
            self.sheet = sheet
        }

        /// `path:line:column`, the path escaped and shortened (``TerminalText/rendered(_:)``); in
        /// a workbook `path:Sheet!D7`, the sheet name quoted as Excel does when it holds anything
        /// but letters, digits and `_` (`'Mentees 2027'!D7`).
        public var description: String {
            guard let sheet else { return "\(TerminalText.rendered(file)):\(line):\(column)" }
            return "\(TerminalText.rendered(file)):\(TerminalText.rendered(Self.sheetReference(sheet)))!\(cellReference)"
        }

        /// The cell in A1 notation: `D7`.
        public var cellReference: String { Self.columnLetters(column) + String(line) }

        /// A sheet name as a formula would write it: as is when it is letters, digits and `_`
        /// (not starting with a digit), else in single quotes with quotes doubled.
        public static func sheetReference(_ sheet: String) -> String {
            let plain = !sheet.isEmpty && sheet.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }
                && !("0"..."9").contains(sheet.unicodeScalars.first!)
            return plain ? sheet : "'" + sheet.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        }

        /// A 1-based column number in letters: 1 → `A`, 26 → `Z`, 27 → `AA`, 16384 → `XFD`.
        public static func columnLetters(_ column: Int) -> String {
            var number = max(column, 1)
            var letters: [Character] = []
            while number > 0 {
                let remainder = (number - 1) % 26
                letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
                number = (number - 1) / 26
            }
            return String(letters.reversed())
        }

        /// The location after every other one in a file: where file-wide summaries sort.
        public static func endOfFile(_ file: String) -> Location {
            Location(file: file, line: .max, column: .max)
        }

        public static func < (lhs: Diagnostic.Location, rhs: Diagnostic.Location) -> Bool {
            (lhs.file, lhs.sheet ?? "", lhs.line, lhs.column) < (rhs.file, rhs.sheet ?? "", rhs.line, rhs.column)
        }
    }
}
