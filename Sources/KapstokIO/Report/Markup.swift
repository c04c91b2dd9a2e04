/// Escaping for XML and HTML text: the one helper every SVG chart and HTML page goes through.
public enum Markup {
    /// The text made safe as element content or as a quoted attribute value, in XML and HTML.
    ///
    /// `&`, `<`, `>`, `"` and `'` become entity references (so `]]>` and `</script>` are inert),
    /// and characters XML 1.0 forbids (control characters other than tab, line feed and
    /// carriage return; U+FFFE and U+FFFF) become U+FFFD, so the output always parses.
    public static func escape(_ text: String) -> String {
        // Most texts (names, numbers, dates) need nothing: return them as they are.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 >= 0xC2 || Self.special.contains($0) }) else { return text }
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped.append("&amp;")
            case "<": escaped.append("&lt;")
            case ">": escaped.append("&gt;")
            case "\"": escaped.append("&quot;")
            case "'": escaped.append("&#39;")
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case let control where control.value < 0x20 || (0x7F...0x9F).contains(control.value):
                escaped.unicodeScalars.append("\u{FFFD}")
            case "\u{FFFE}", "\u{FFFF}": escaped.unicodeScalars.append("\u{FFFD}")
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `&`, `<`, `>`, `"`, `'`.
    private static let special: Set<UInt8> = [0x26, 0x3C, 0x3E, 0x22, 0x27]

    /// An identifier usable as an XML `id` or CSS class: ASCII letters, digits, `-` and `_` kept,
    /// anything else becomes `-`; a leading `k` is added when it would not start with a letter.
    public static func identifier(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let isSafe = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_"
            result.unicodeScalars.append(isSafe ? scalar : "-")
        }
        if let first = result.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) {
            return result
        }
        return "k" + result
    }
}
