import Kapstok

/// Reads number cells against their range from ``Limits``, with one wording for every file.
///
/// A cell that is not a number: `invalid capacity 'x' (expected a number > 0 and ≤ 1000)`.
/// A number outside the range (including one too large for a `Double`, like `1e400`):
/// `capacity '999999999' out of range (expected a number > 0 and ≤ 1000)`.
enum NumberCells {
    /// The number in `text`, or `nil` after an `invalid-number` error at `location`.
    ///
    /// - Parameters:
    ///   - what: the cell's name in messages, e.g. `capacity`, `score`.
    ///   - allowsDecimalComma: accept `0,5` (files separated by `;` or tab).
    static func number(
        _ text: String, what: String, range: NumberRange, allowsDecimalComma: Bool, at location: Diagnostic.Location,
        diagnostics: inout DiagnosticCollector
    ) -> Double? {
        guard let value = NumberParsing.decimal(text, allowsDecimalComma: allowsDecimalComma) else {
            let shown = text.isEmpty ? "empty \(what)" : "invalid \(what) \(Diagnostic.quoted(text))"
            diagnostics.error(.invalidNumber, "\(shown) (expected \(range))", at: location)
            return nil
        }
        guard range.contains(value) else {
            diagnostics.error(.numberOutOfRange, "\(what) \(Diagnostic.quoted(text)) out of range (expected \(range))", at: location)
            return nil
        }
        return value
    }

    /// The integer in `text`, or `nil` after an error at `location`: `invalid-number` for text or
    /// a decimal, `number-out-of-range` outside `range` (also when too large for an `Int`).
    static func integer(
        _ text: String, what: String, range: ClosedRange<Int>, at location: Diagnostic.Location,
        diagnostics: inout DiagnosticCollector
    ) -> Int? {
        let expected = "expected an integer \(Limits.describe(range))"
        switch NumberParsing.readInteger(text) {
        case .integer(let value) where range.contains(value):
            return value
        case .integer, .tooLarge:
            diagnostics.error(.numberOutOfRange, "\(what) \(Diagnostic.quoted(text)) out of range (\(expected))", at: location)
        case .decimal:
            diagnostics.error(.invalidNumber, "invalid \(what) \(Diagnostic.quoted(text)): a decimal (\(expected))", at: location)
        case .invalid:
            diagnostics.error(.invalidNumber, "invalid \(what) \(Diagnostic.quoted(text)) (\(expected))", at: location)
        }
        return nil
    }
}
