import Kapstok

/// Reads `constraints.csv` (`mentee_id,mentor_id,rule[,reason]`): forbidden and required pairs.
///
/// Rules: ids must be known (`unknown-person` error); `rule` is `forbid` or `require` (any
/// case); a pair both forbidden and required is an error, as is a mentee requiring two
/// different mentors (`conflicting-rules`); the same rule twice for one pair is a warning
/// (`duplicate-pair`) and kept once. An empty `reason` is `nil`. Each rule keeps the location of
/// its `mentee_id` cell; the round loader reports `require` rules that cannot hold there, once
/// every file is read.
public enum ConstraintsLoader {
    /// Reads a constraints file; `nil` when it cannot be read or has no header.
    public static func load(_ source: InputSource, people: KnownPeople, diagnostics: inout DiagnosticCollector) -> [PairRule]? {
        guard let table = CSVReader.read(source, headerNames: ["mentee_id", "mentor_id", "rule", "reason"], diagnostics: &diagnostics) else { return nil }
        return load(table, people: people, diagnostics: &diagnostics)
    }

    /// Builds the rules of a parsed `constraints.csv`, in file order.
    public static func load(_ table: CSVTable, people: KnownPeople, diagnostics: inout DiagnosticCollector) -> [PairRule] {
        let layout = ColumnLayout(
            table: table, required: ["mentee_id", "mentor_id", "rule"], optional: ["reason"], diagnostics: &diagnostics)
        let pairs = PairReader(layout: layout, people: people)
        let ruleColumn = layout.index(of: "rule"), reasonColumn = layout.index(of: "reason")
        var rules: [PairRule] = []
        var firstRule: [PairKey: (kind: PairRule.Kind, line: Int)] = [:]
        var requiredMentor: [String: (mentor: String, line: Int)] = [:]
        for record in table.records {
            let cells = RecordCells(table: table, record: record)
            let pair = pairs.read(cells, diagnostics: &diagnostics)
            let kind = ruleColumn.flatMap { readKind(cells, column: $0, diagnostics: &diagnostics) }
            guard let pair, let kind else { continue }
            let location = cells.location(pairs.mentee)
            let key = PairKey(mentee: pair.mentee, mentor: pair.mentor)
            if let first = firstRule[key] {
                if first.kind == kind {
                    diagnostics.warning(
                        .duplicatePair,
                        "duplicate rule \(Diagnostic.quoted(kind.rawValue)) for mentee \(Diagnostic.quoted(pair.mentee)) and mentor \(Diagnostic.quoted(pair.mentor)) (first on \(table.lineWord) \(first.line))",
                        at: location)
                } else {
                    diagnostics.error(
                        .conflictingRules,
                        "mentee \(Diagnostic.quoted(pair.mentee)) and mentor \(Diagnostic.quoted(pair.mentor)) are both forbidden and required (first rule on \(table.lineWord) \(first.line))",
                        at: location)
                }
                continue
            }
            firstRule[key] = (kind, record.line)
            if kind == .require {
                if let earlier = requiredMentor[pair.mentee] {
                    diagnostics.error(
                        .conflictingRules,
                        "mentee \(Diagnostic.quoted(pair.mentee)) already requires mentor \(Diagnostic.quoted(earlier.mentor)) (\(table.lineWord) \(earlier.line)); a mentee gets one mentor",
                        at: location)
                } else {
                    requiredMentor[pair.mentee] = (pair.mentor, record.line)
                }
            }
            rules.append(PairRule(
                menteeID: pair.mentee, mentorID: pair.mentor, kind: kind, reason: cells.optionalText(reasonColumn),
                location: location))
        }
        return rules
    }

    private static func readKind(_ cells: RecordCells, column: Int, diagnostics: inout DiagnosticCollector) -> PairRule.Kind? {
        let text = cells.text(column)
        if let kind = PairRule.Kind(rawValue: text.lowercased()) { return kind }
        let names = PairRule.Kind.allCases.map(\.rawValue)
        var message = text.isEmpty ? "empty rule" : "invalid rule \(Diagnostic.quoted(text))"
        if !text.isEmpty, let suggestion = Suggestion.closest(to: text, among: names) {
            message += "; did you mean \(Diagnostic.quoted(suggestion))?"
        } else {
            message += " (expected 'forbid' or 'require')"
        }
        diagnostics.error(.invalidRule, message, at: cells.location(column))
        return nil
    }
}
