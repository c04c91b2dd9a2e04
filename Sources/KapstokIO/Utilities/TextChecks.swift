import Kapstok

/// Checks on free text that ends up in calendar files and messages others receive.
enum TextChecks {
    /// Whether the text holds a control character (C0, DEL, C1) or a line or paragraph separator.
    static func containsControlCharacter(_ text: String) -> Bool {
        TextRules.containsControlCharacter(text)
    }

    /// What is wrong with an e-mail address, or `nil` when it looks like `name@example.org`.
    ///
    /// Not RFC 5322 in full: one `@`, a non-empty part before it, a domain of non-empty labels with
    /// a dot, at most `Limits.programTextLength.upperBound` (200) characters, and none of blanks, control characters or
    /// `< > " , ; : \ ( ) [ ]` (which would break an `ATTENDEE` or `ORGANIZER` line).
    static func emailProblem(_ text: String) -> String? {
        let limit = Limits.programTextLength.upperBound
        if text.count > limit { return "longer than \(limit) characters" }
        if text.unicodeScalars.contains(where: { $0.isBlank || $0.properties.isWhitespace }) { return "contains a blank" }
        if containsControlCharacter(text) { return "contains a control character" }
        let forbidden: Set<Unicode.Scalar> = ["<", ">", "\"", ",", ";", ":", "\\", "(", ")", "[", "]"]
        if let bad = text.unicodeScalars.first(where: forbidden.contains) { return "contains \(Diagnostic.quoted(String(bad)))" }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return parts.count < 2 ? "has no '@'" : "has more than one '@'" }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard !parts[0].isEmpty, labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else {
            return "is not like name@example.org"
        }
        return nil
    }
}
