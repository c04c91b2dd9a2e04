/// Making user-supplied text safe to show on a terminal, and short enough to read.
///
/// Input files are hostile: a header cell can hold `ESC[2J` (clear the screen) and a fake "ok",
/// a name can hold a right-to-left override that makes `M1` read as `1M`, a cell can be 200 MB
/// long. Everything Kapstok prints that came from a user — cell values, names, ids, file paths —
/// goes through ``escaped(_:)`` (diagnostics do so when rendered) and, when quoted in a message,
/// through ``Diagnostic/quoted(_:)``.
///
/// **Escape style**: each unsafe Unicode scalar becomes Swift's escape `\u{XX}` with its code
/// point in uppercase hex, e.g. ESC → `\u{1B}`, NUL → `\u{0}`, a tab → `\u{9}`, U+202E → `\u{202E}`.
/// Unsafe are: the C0 controls U+0000–U+001F (tab and line breaks included, so a message stays
/// one line), DEL U+007F, the C1 controls U+0080–U+009F, the bidirectional controls (U+061C,
/// U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the line and paragraph separators U+2028 and
/// U+2029, and the invisible U+200B (zero width space), U+2060 (word joiner) and U+FEFF (byte
/// order mark). Everything else, accents and CJK included, is shown as is. A backslash is not
/// escaped.
public enum TerminalText {
    /// The longest user value ``Diagnostic/quoted(_:)`` shows, in Unicode scalars, before `…`.
    public static let quotedValueLimit = 40

    /// The longest rendered diagnostic message and file path, in Unicode scalars, before `…`;
    /// a backstop for messages that embed user text without ``Diagnostic/quoted(_:)``.
    public static let renderedTextLimit = 1_000

    /// Whether a scalar must be shown escaped.
    public static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// The text with every unsafe scalar written as `\u{XX}` (see the type's documentation).
    ///
    /// - Complexity: O(n); printable ASCII text is returned without a copy.
    public static func escaped(_ text: String) -> String {
        // Fast path: printable ASCII only (the usual id, name or path).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var output = ""
        output.unicodeScalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if needsEscaping(scalar) {
                output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// The text cut to at most `limit` Unicode scalars, with `…` appended when it was cut.
    ///
    /// - Complexity: O(limit), however long the text.
    public static func shortened(_ text: String, to limit: Int) -> String {
        let limit = max(limit, 0)
        // A UTF-8 count within the limit means the scalar count is too.
        if text.utf8.count <= limit { return text }
        var scalars = text.unicodeScalars.makeIterator()
        var kept = String.UnicodeScalarView()
        for _ in 0..<limit {
            guard let scalar = scalars.next() else { return text }
            kept.append(scalar)
        }
        guard scalars.next() != nil else { return text }
        kept.append("…")
        return String(kept)
    }

    /// Shortened to ``renderedTextLimit`` scalars, then escaped: how diagnostics show their
    /// message and file path.
    public static func rendered(_ text: String) -> String {
        escaped(shortened(text, to: renderedTextLimit))
    }

    /// A quoted stretch of a message longer than this (in scalars) is a user value that was not
    /// passed through ``Diagnostic/quoted(_:)``; rendering cuts it to ``quotedValueLimit``.
    public static let unquotedValueLimit = 200

    /// How diagnostics show a message: each single-quoted stretch longer than
    /// ``unquotedValueLimit`` scalars cut to ``quotedValueLimit`` plus `…` (so a 200 MB cell
    /// quoted by a loader still leaves the rest of the message readable), then ``rendered(_:)``.
    public static func renderedMessage(_ message: String) -> String {
        // Short messages cannot hold a long quoted stretch.
        guard message.utf8.count > unquotedValueLimit else { return escaped(message) }
        let scalars = message.unicodeScalars
        var output = String.UnicodeScalarView()
        var count = 0
        var index = scalars.startIndex
        // Stop copying once the overall limit is passed: `rendered` cuts there anyway.
        while index < scalars.endIndex, count <= renderedTextLimit {
            let scalar = scalars[index]
            output.append(scalar)
            count += 1
            index = scalars.index(after: index)
            guard scalar == "'", let close = scalars[index...].firstIndex(of: "'") else { continue }
            let head = scalars[index...].prefix(unquotedValueLimit + 1)
            if head.count > unquotedValueLimit, head.endIndex <= close {
                output.append(contentsOf: head.prefix(quotedValueLimit))
                output.append("…")
                output.append("'")
                count += quotedValueLimit + 2
                index = scalars.index(after: close)
            }
        }
        return rendered(String(output))
    }
}

extension Diagnostic {
    /// A user value as messages quote it: in single quotes, shortened to
    /// ``TerminalText/quotedValueLimit`` (40) Unicode scalars plus `…`, unsafe characters escaped:
    /// `'leader.vison'`, `'\u{1B}[2J'`, `'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…'`.
    ///
    /// Every message that shows a cell value, a column name or an id should use this, so no
    /// message grows with its input and none can move the terminal's cursor.
    public static func quoted(_ value: String) -> String {
        "'" + TerminalText.escaped(TerminalText.shortened(value, to: TerminalText.quotedValueLimit)) + "'"
    }
}
