import Kapstok

/// CommonMark text helpers for the report.
enum MarkdownText {
    /// The text safe inside a paragraph or a table cell: ASCII punctuation with a meaning is
    /// backslash-escaped (`<` `>` `&` `|` `*` `_` `` ` `` `[` `]` `\` `#` `!` `~`), line breaks
    /// become spaces.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { special.contains($0) }) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "#", "!", "~":
                escaped.append("\\")
                escaped.unicodeScalars.append(scalar)
            case "\n", "\r", "\t": escaped.append(" ")
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// The bytes ``escape(_:)`` changes.
    private static let special = Set("\\`*_[]<>|&#!~\n\r\t".utf8)

    /// A pipe table with its caption as a bold line above it; `None.` for no rows.
    static func table(_ table: HTMLTable) -> String {
        var text = "**\(escape(table.caption))**\n\n"
        guard !table.rows.isEmpty else { return text + "None.\n" }
        text += "| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |\n"
        text += "|" + table.columns.map { $0.isNumeric ? " ---: |" : " --- |" }.joined() + "\n"
        for row in table.rows { text += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        return text
    }
}

extension ProgressReportRenderer {
    /// The report as CommonMark (GitHub tables): summary, objectives, gap closed by area, the
    /// flagged goals and pairs, mentees, pairs and sessions per week.
    public static func markdown(_ report: ProgressReport, names: ReportNames) -> String {
        var sections = ["# Progress report\n"]
        sections.append("## Summary\n\n" + summary(report).map { "- \(MarkdownText.escape($0.term)): \(MarkdownText.escape($0.value))" }
            .joined(separator: "\n") + "\n")
        for (heading, table) in textSections(report, names: names) {
            sections.append("## \(MarkdownText.escape(heading))\n\n" + MarkdownText.table(table))
        }
        return sections.joined(separator: "\n")
    }

    /// The report's sections after the summary, in order, as heading and table (shared with HTML).
    static func textSections(_ report: ProgressReport, names: ReportNames) -> [(heading: String, table: HTMLTable)] {
        [
            ("Objectives", objectivesTable(report)),
            ("Gap closed", areasTable(report)),
            ("Goals at risk", goalsTable(atRisk(report), caption: "Goals at risk (behind their trajectory by more than the at-risk threshold, or overdue)", names: names)),
            ("Overdue goals", goalsTable(overdue(report), caption: "Open goals past their due date", names: names)),
            ("Goals not discussed", goalsTable(notDiscussed(report), caption: "Open goals not discussed in a held session recently", names: names)),
            ("Pairs with no recent session", pairsTable(quietPairs(report), caption: "Pairs with no session held recently", names: names)),
            ("Mentees", menteesTable(report, names: names)),
            ("Gap closed per mentee", menteeAreasTable(report, names: names)),
            ("Pairs", pairsTable(report.pairs, caption: "Sessions and goals per pair", names: names)),
            ("Sessions per week", weeksTable(report)),
        ]
    }
}
