import Kapstok

/// Reads the contacts of calendar attendees from a `mentors.csv` or `mentees.csv`: `id`, `name`
/// and the optional `email` only (the other columns are neither read nor checked, and get no
/// warning).
///
/// Rules: `id` and `name` not empty (`empty-value`); ids unique (`duplicate-id`); an `email`,
/// when given, like `name@example.org` without blanks, control characters or `<>`
/// (`invalid-email`); an empty one is `nil`.
public enum ContactLoader {
    /// Reads a people file's contacts; `nil` when it cannot be read or has no header.
    public static func load(_ source: InputSource, diagnostics: inout DiagnosticCollector) -> [Contact]? {
        guard let table = CSVReader.read(source, headerNames: ["id", "name", "email"], diagnostics: &diagnostics) else { return nil }
        return load(table, diagnostics: &diagnostics)
    }

    /// Builds the contacts of a parsed people file, in file order.
    public static func load(_ table: CSVTable, diagnostics: inout DiagnosticCollector) -> [Contact] {
        let layout = ColumnLayout(
            table: table, required: ["id", "name"], optional: ["email"], warnsUnknownColumns: false, diagnostics: &diagnostics)
        let idColumn = layout.index(of: "id"), nameColumn = layout.index(of: "name"), emailColumn = layout.index(of: "email")
        var contacts: [Contact] = []
        var firstLine: [String: Int] = [:]
        for record in table.records {
            let cells = RecordCells(table: table, record: record)
            var id = ScheduleCells.required(cells, column: idColumn, what: "id", diagnostics: &diagnostics)
            if let known = id, let line = firstLine[known] {
                diagnostics.error(.duplicateID, "duplicate id \(Diagnostic.quoted(known)) (first on \(table.lineWord) \(line))", at: cells.location(idColumn))
                id = nil
            } else if let known = id {
                firstLine[known] = record.line
            }
            let name = ScheduleCells.required(cells, column: nameColumn, what: "name", diagnostics: &diagnostics)
            let email = cells.optionalText(emailColumn)
            if let email, let problem = TextChecks.emailProblem(email) {
                diagnostics.error(
                    .invalidEmail, "invalid email \(Diagnostic.quoted(email)): \(problem) (expected an address like name@example.org)",
                    at: cells.location(emailColumn))
                continue
            }
            guard let id, let name else { continue }
            contacts.append(Contact(id: id, name: name, email: email, location: cells.location(idColumn)))
        }
        return contacts
    }
}
