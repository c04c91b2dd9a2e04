import Kapstok

/// Reads `framework.csv` (`id,name,kind,group[,weight]`) into a ``Framework``.
///
/// Rules: `id`, `name`, `kind` and `group` columns are required, `weight` is optional. Every
/// cell of `id`, `name` and `kind` must be filled; `kind` is `competency` or `domain`; `group`
/// (the role) must be filled for competencies; `weight` is a number in ``Limits/frameworkWeight`` (0 < w ≤ 1000), empty meaning 1.
/// Identifiers are unique, must not end in `.target` and must not be a people-file column name
/// (`id`, `name`, `email`, …). The file needs at least one item.
///
/// Rows with problems other than a missing or duplicate id or a bad kind still yield an item, so
/// that the people files can be checked against the intended framework; the run fails anyway.
public enum FrameworkLoader {
    /// Reads a framework file.
    ///
    /// - Returns: the framework, or `nil` when the file cannot be read or has no header.
    public static func load(_ source: InputSource, diagnostics: inout DiagnosticCollector) -> Framework? {
        guard let table = CSVReader.read(source, headerNames: ["id", "name", "kind", "group", "weight"], diagnostics: &diagnostics) else { return nil }
        return load(table, diagnostics: &diagnostics)
    }

    /// Builds a framework from a parsed `framework.csv`.
    public static func load(_ table: CSVTable, diagnostics: inout DiagnosticCollector) -> Framework {
        let layout = ColumnLayout(
            table: table, required: ["id", "name", "kind", "group"], optional: ["weight"], diagnostics: &diagnostics)
        let idColumn = layout.index(of: "id"), nameColumn = layout.index(of: "name")
        let kindColumn = layout.index(of: "kind"), groupColumn = layout.index(of: "group")
        let weightColumn = layout.index(of: "weight")
        var items: [FrameworkItem] = []
        var firstLine: [String: Int] = [:]
        for record in table.records {
            let cells = RecordCells(table: table, record: record)
            let id = cells.text(idColumn)
            var isUsable = true
            if id.isEmpty {
                if idColumn != nil { diagnostics.error(.emptyValue, "empty framework id", at: cells.location(idColumn)) }
                isUsable = false
            } else if let line = firstLine[id] {
                diagnostics.error(
                    .duplicateID, "duplicate framework id \(Diagnostic.quoted(id)) (first on \(table.lineWord) \(line))", at: cells.location(idColumn))
                isUsable = false
            } else {
                firstLine[id] = record.line
                checkReserved(id, at: cells.location(idColumn), diagnostics: &diagnostics)
            }
            let name = cells.text(nameColumn)
            if name.isEmpty, nameColumn != nil {
                diagnostics.error(.emptyValue, "empty name for framework item \(Diagnostic.quoted(id))", at: cells.location(nameColumn))
            }
            let kindText = cells.text(kindColumn)
            let kind = FrameworkItem.Kind(rawValue: kindText.lowercased())
            if kind == nil, kindColumn != nil {
                diagnostics.error(
                    .invalidKind,
                    kindText.isEmpty
                        ? "empty kind for framework item \(Diagnostic.quoted(id)) (expected 'competency' or 'domain')"
                        : "invalid kind \(Diagnostic.quoted(kindText)) (expected 'competency' or 'domain')",
                    at: cells.location(kindColumn))
            }
            let group = cells.text(groupColumn)
            if kind == .competency, group.isEmpty, groupColumn != nil {
                diagnostics.error(
                    .emptyValue, "empty group for competency \(Diagnostic.quoted(id)) (the role, e.g. 'leader')",
                    at: cells.location(groupColumn))
            }
            var weight = 1.0
            let weightText = cells.text(weightColumn)
            if !weightText.isEmpty {
                weight = NumberCells.number(
                    weightText, what: "weight", range: Limits.frameworkWeight,
                    allowsDecimalComma: cells.allowsDecimalComma, at: cells.location(weightColumn),
                    diagnostics: &diagnostics) ?? 1
            }
            guard isUsable, let kind else { continue }
            items.append(FrameworkItem(id: id, name: name, kind: kind, group: group, weight: weight))
        }
        if items.isEmpty && firstLine.isEmpty {
            diagnostics.error(.emptyFramework, "framework has no items", at: table.startLocation)
        }
        return Framework(items: items)
    }

    /// The column names of the people files, which framework identifiers must not take.
    static let peopleColumns: Set<String> = [
        "id", "name", "email", "department", "grade", "location", "languages", "capacity", "manager_id",
    ]

    private static func checkReserved(_ id: String, at location: Diagnostic.Location, diagnostics: inout DiagnosticCollector) {
        if peopleColumns.contains(id) {
            diagnostics.error(
                .reservedID, "framework id \(Diagnostic.quoted(id)) is also a column of the people files; choose another id",
                at: location)
        } else if id.hasSuffix(".target") {
            diagnostics.error(
                .reservedID, "framework id \(Diagnostic.quoted(id)) must not end in '.target' (that suffix marks target columns)",
                at: location)
        }
    }
}
