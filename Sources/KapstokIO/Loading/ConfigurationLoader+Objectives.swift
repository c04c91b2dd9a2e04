import Kapstok

/// `[[objectives]]` tables: one ``ProgramObjective`` each.
///
/// Keys: `statement` (required, 1–200 characters without control characters,
/// ``Limits/titleLength``); `metric` (required, one of ``ObjectiveMetric``'s raw values, with a
/// "did you mean"); `target` (required): for `average_rating` a number 1 ≤ t ≤ 5
/// (``Limits/objectiveRating``), for every other metric a share 0 < t ≤ 1
/// (``Limits/objectiveShare``) or a percentage string such as `"80 %"` or `"80%"` (0 < p ≤ 100,
/// read as p / 100; the writer writes the share); `scope` (optional; `gap_closed` and
/// `mentees_closing` only): a role, `domains` or a framework item id — its form is checked here
/// (not empty, no surrounding blanks or control characters, at most 200 characters), what it names
/// only when a framework is given (``ConfigurationLoader/load(_:framework:diagnostics:)``);
/// `levels` (1–5, ``Limits/objectiveLevels``) and `items` (1–50, ``Limits/objectiveItems``),
/// optional, `mentees_closing` only, default 1. A missing required key is `missing-key` at the
/// table header; a key given for a metric it does not apply to is `invalid-value`. An objective
/// with any problem is left out.
extension ConfigurationReader {
    mutating func objective(
        _ table: TOMLTable, known keys: [String], framework: Framework?, diagnostics: inout DiagnosticCollector
    ) -> ProgramObjective? {
        var isValid = true
        var statement: String?, metric: ObjectiveMetric?, targetEntry: TOMLEntry?
        var scope: (text: String, entry: TOMLEntry)?, levels: (Int, TOMLEntry)?, items: (Int, TOMLEntry)?
        let metricNames = ObjectiveMetric.allCases.map(\.rawValue)
        for entry in table.entries {
            guard keys.contains(entry.key) else {
                reportUnknown(entry, inTable: "[objectives]", known: keys, diagnostics: &diagnostics)
                isValid = false
                continue
            }
            var value = ValueReader(entry: entry)
            switch entry.key {
            case "statement":
                statement = value.text(limit: Limits.titleLength)
            case "metric":
                let expected = metricNames.map { "\"\($0)\"" }.joined(separator: ", ")
                if let text = value.string(expected: "one of \(expected)") {
                    if let known = ObjectiveMetric(rawValue: text) {
                        metric = known
                    } else if let suggestion = Suggestion.closest(to: text, among: metricNames) {
                        value.problems.append(.error(
                            .invalidValue,
                            "unknown metric \(Diagnostic.quoted(text)); did you mean \(Diagnostic.quoted(suggestion))?",
                            at: entry.valueLocation))
                    } else {
                        value.report(expected: "one of \(expected)", prefix: "unknown metric")
                    }
                }
            case "target":
                targetEntry = entry
            case "scope":
                let expected = "a role, \"\(ConfigurationLoader.domainsScope)\" or a framework item id"
                if let text = value.string(expected: expected) {
                    if text.isEmpty || text.trimmingBlanks != text || text.count > Limits.titleLength.upperBound
                        || TextChecks.containsControlCharacter(text)
                    {
                        value.report(expected: expected + " (1–200 characters, no blanks around it)")
                    } else {
                        scope = (text, entry)
                    }
                }
            case "levels":
                value.integer(in: Limits.objectiveLevels).map { levels = ($0, entry) }
            case "items":
                value.integer(in: Limits.objectiveItems).map { items = ($0, entry) }
            default:
                break
            }
            if !value.problems.isEmpty { isValid = false }
            diagnostics.collect(contentsOf: value.problems)
        }
        let present = Set(table.entries.map(\.key))
        let missing = ["statement", "metric", "target"].filter { !present.contains($0) }
        if !missing.isEmpty {
            let names = missing.map { Diagnostic.quoted($0) }.joined(separator: ", ")
            diagnostics.error(
                .missingKey, "missing \(missing.count == 1 ? "key" : "keys") \(names) in '[[objectives]]'", at: table.location)
            isValid = false
        }
        var target: Double?
        if let metric, let targetEntry {
            target = Self.target(targetEntry, metric: metric, diagnostics: &diagnostics)
            if target == nil { isValid = false }
        }
        if let metric {
            let applies: [(String, TOMLEntry?, Bool)] = [
                ("scope", scope?.entry, metric == .gapClosed || metric == .menteesClosing),
                ("levels", levels?.1, metric == .menteesClosing),
                ("items", items?.1, metric == .menteesClosing),
            ]
            for (key, entry, isAllowed) in applies where !isAllowed {
                guard let entry else { continue }
                let metrics = key == "scope" ? "'gap_closed' and 'mentees_closing'" : "'mentees_closing'"
                diagnostics.error(
                    .invalidValue,
                    "\(Diagnostic.quoted(key)) does not apply to metric \(Diagnostic.quoted(metric.rawValue)) (only to \(metrics))",
                    at: entry.keyLocation)
                isValid = false
            }
        }
        if let scope, let framework, !ConfigurationLoader.scopeIsKnown(scope.text, in: framework) {
            let candidates = [ConfigurationLoader.domainsScope] + framework.roles + framework.items.map(\.id)
            var message = "unknown scope \(Diagnostic.quoted(scope.text))"
            if let suggestion = Suggestion.closest(to: scope.text, among: candidates) {
                message += "; did you mean \(Diagnostic.quoted(suggestion))?"
            } else {
                message += " (expected a role (\(framework.roles.joined(separator: ", "))), '\(ConfigurationLoader.domainsScope)' or a framework item id)"
            }
            diagnostics.error(.unknownScope, message, at: scope.entry.valueLocation)
            isValid = false
        }
        guard isValid, let statement, let metric, let target else { return nil }
        return ProgramObjective(
            statement: statement, metric: metric, target: target, scope: scope?.text, levels: levels?.0 ?? 1,
            items: items?.0 ?? 1)
    }

    /// The target of an objective: a rating for `average_rating`, else a share or a percentage.
    private static func target(_ entry: TOMLEntry, metric: ObjectiveMetric, diagnostics: inout DiagnosticCollector) -> Double? {
        var value = ValueReader(entry: entry)
        defer { diagnostics.collect(contentsOf: value.problems) }
        if metric == .averageRating {
            return value.number(in: Limits.objectiveRating)
        }
        let range = Limits.objectiveShare
        let expected = "a share > 0 and ≤ 1, or a percentage like \"80 %\""
        if case .string(let text) = entry.value {
            let trimmed = text.trimmingBlanks
            if trimmed.hasSuffix("%"),
                let percent = NumberParsing.decimal(String(trimmed.dropLast()).trimmingBlanks, allowsDecimalComma: true),
                range.contains(percent / 100)
            {
                return percent / 100
            }
            value.report(expected: expected)
            return nil
        }
        return value.number(expected: expected) { range.contains($0) }
    }
}
