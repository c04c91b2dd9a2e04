import Kapstok

/// Reads `org.csv` (`id,manager_id`): the organisation's whole reporting chart, an HRIS export,
/// through which the manager-chain rule follows people who are not in the program.
///
/// Rules: `id` and `manager_id` columns are required; every `id` is filled and unique
/// (`empty-value`, `duplicate-id` errors); an empty `manager_id` marks the top of the
/// organisation. A person named as their own manager is a warning (`self-manager`) and treated
/// as the top — HRIS exports often write the chief executive that way. Loops and managers that
/// match nobody are reported by the round loader, across all files. Where org.csv and the
/// people files disagree on someone's manager, the people files win (with a warning).
public enum OrgLoader {
    /// Reads an org file; `nil` when it cannot be read or has no header.
    public static func load(_ source: InputSource, diagnostics: inout DiagnosticCollector) -> [OrgEntry]? {
        guard let table = CSVReader.read(source, headerNames: ["id", "manager_id"], diagnostics: &diagnostics) else { return nil }
        return load(table, diagnostics: &diagnostics)
    }

    /// Builds the entries of a parsed `org.csv`, in file order.
    public static func load(_ table: CSVTable, diagnostics: inout DiagnosticCollector) -> [OrgEntry] {
        orgFile(table, diagnostics: &diagnostics).entries
    }

    /// The entries with where each one's `manager_id` cell is (`nil` where it is empty).
    static func orgFile(
        _ table: CSVTable, diagnostics: inout DiagnosticCollector
    ) -> (entries: [OrgEntry], managerLocations: [Diagnostic.Location?]) {
        let layout = ColumnLayout(table: table, required: ["id", "manager_id"], optional: [], diagnostics: &diagnostics)
        let idColumn = layout.index(of: "id"), managerColumn = layout.index(of: "manager_id")
        var entries: [OrgEntry] = []
        var locations: [Diagnostic.Location?] = []
        var firstLine: [String: Int] = [:]
        for record in table.records {
            let cells = RecordCells(table: table, record: record)
            let id = cells.text(idColumn)
            guard !id.isEmpty else {
                if idColumn != nil { diagnostics.error(.emptyValue, "empty id", at: cells.location(idColumn)) }
                continue
            }
            if let line = firstLine[id] {
                diagnostics.error(.duplicateID, "duplicate id \(Diagnostic.quoted(id)) (first on \(table.lineWord) \(line))", at: cells.location(idColumn))
                continue
            }
            firstLine[id] = record.line
            var manager = cells.optionalText(managerColumn)
            if manager == id {
                diagnostics.warning(
                    .selfManager, "\(Diagnostic.quoted(id)) is their own manager; read as the top of the organisation",
                    at: cells.location(managerColumn))
                manager = nil
            }
            entries.append(OrgEntry(id: id, managerID: manager))
            locations.append(manager == nil ? nil : cells.location(managerColumn))
        }
        return (entries, locations)
    }
}
