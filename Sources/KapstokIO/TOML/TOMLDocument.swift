import Kapstok

/// A value in the TOML subset Kapstok reads.
public enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A local date, `2027-02-01`.
    case date(CalendarDate)

    /// The kind of value with an article, for messages: "a string", "an integer"…
    public var kindDescription: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .boolean: "a boolean"
        case .date: "a date"
        }
    }
}

/// One `key = value` line, with where the key and the value start.
public struct TOMLEntry: Sendable, Equatable {
    public var key: String
    public var value: TOMLValue
    /// The value as written in the file, except that strings show their contents (no quotes,
    /// escapes resolved); used to quote the value back in messages.
    public var valueText: String
    public var keyLocation: Diagnostic.Location
    public var valueLocation: Diagnostic.Location

    public init(key: String, value: TOMLValue, valueText: String, keyLocation: Diagnostic.Location, valueLocation: Diagnostic.Location) {
        self.key = key
        self.value = value
        self.valueText = valueText
        self.keyLocation = keyLocation
        self.valueLocation = valueLocation
    }
}

/// A `[name]` table, or one `[[name]]` element of an array of tables, and its entries in file
/// order. The root table (keys before any header) has the empty name.
public struct TOMLTable: Sendable, Equatable {
    public var name: String
    /// Where the header starts (`[`); line 1, column 1 for the root table.
    public var location: Diagnostic.Location
    public var entries: [TOMLEntry]
    /// Whether the header was `[[name]]`: one element of the array of tables `name` (each
    /// `[[name]]` header starts a new element, in file order).
    public var isArrayElement: Bool

    public init(name: String, location: Diagnostic.Location, entries: [TOMLEntry] = [], isArrayElement: Bool = false) {
        self.name = name
        self.location = location
        self.entries = entries
        self.isArrayElement = isArrayElement
    }

    /// The entry for a key, if present.
    public func entry(_ key: String) -> TOMLEntry? {
        entries.first { $0.key == key }
    }
}

/// A parsed TOML file: the root table first, then the tables in file order.
public struct TOMLDocument: Sendable, Equatable {
    public var file: String
    public var tables: [TOMLTable]

    public init(file: String, tables: [TOMLTable]) {
        self.file = file
        self.tables = tables
    }

    /// The table with this name, if present (`""` for the root table); not an array element.
    public func table(_ name: String) -> TOMLTable? {
        tables.first { $0.name == name && !$0.isArrayElement }
    }

    /// The elements of the array of tables `name` (`[[name]]`), in file order.
    public func arrayOfTables(_ name: String) -> [TOMLTable] {
        tables.filter { $0.name == name && $0.isArrayElement }
    }
}
