import Foundation
import Kapstok

/// Reads `kapstok.toml` into a ``Configuration``, checking every key, type and range.
///
/// Every key has a default, so a missing key or file is fine. An unknown table or key is an
/// error with a "did you mean" when a known name is close (or the key belongs in another
/// table). A value of the wrong type or out of range is an `invalid-value` error at the value.
/// Cross-key rules are checked after all keys are read: `start < end`,
/// `end` at most ``Limits/programYears`` years after `start`, `min_gap_weeks ≤ max_gap_weeks`, `session_minutes` a multiple of `slot_minutes`, and
/// `competency_weight + domain_weight > 0`. `[scoring] preference_weight` is
/// ``Limits/preferenceWeight`` (0…100 score points, see ``PreferenceBonus``).
///
/// Every number has the range stated in ``Limits`` (e.g. `time_limit_seconds` 0 < t ≤ 604800,
/// `default_capacity` 0 < c ≤ 1000, `min_grade_gap` −1000…1000, program dates
/// 2000-01-01…2099-12-31); a value outside is an `invalid-value` error at the value.
///
/// `[program]` also has the scheduling keys: `name` (1–200 characters, no control characters),
/// `working_hours` and the optional `preferred_hours` (`"HH:MM-HH:MM"`, start before end, read
/// by ``TimeWindow``), `freeze_hours` (``Limits/freezeHours``) and the optional `organizer` (an
/// e-mail address, checked as in the people files' contacts).
///
/// `[tracking]` (``TrackingSettings``): `on_track_shortfall` and `at_risk_shortfall` in
/// percentage points (``Limits/shortfallPoints``, 0–100, on_track ≤ at_risk; equal thresholds
/// leave no "behind" band), `not_discussed_weeks` and `no_session_weeks`
/// (``Limits/trackingWeeks``), `draft_goals` (``Limits/draftGoals``). `[[objectives]]`: one
/// ``ProgramObjective`` per table, at most ``Limits/objectives`` (`too-many-tables` at the first
/// one over; the rest are ignored); see `ConfigurationLoader+Objectives.swift` for its keys.
/// `[objectives]` written as a plain table, or `[[tracking]]`, is an error at the header.
///
/// Integers are accepted where a number is expected (`default_capacity = 2`); `min_grade_gap`
/// also accepts `false`, which switches the grade rule off (`nil`).
public enum ConfigurationLoader {
    /// The tables and keys Kapstok reads, in documentation order.
    public static let knownKeys: [(table: String, keys: [String])] = [
        ("scoring", ["competency_weight", "domain_weight", "preference_weight"]),
        ("rules", ["manager_chain", "min_grade_gap", "shared_language", "avoid_repeat"]),
        ("pairing", ["objective", "default_capacity", "default_target", "time_limit_seconds"]),
        (
            "program",
            [
                "name", "start", "end", "sessions", "min_gap_weeks", "max_gap_weeks", "session_minutes", "slot_minutes",
                "mentor_max_per_week", "mentee_max_per_week", "working_hours", "preferred_hours", "timezone",
                "freeze_hours", "organizer",
            ]
        ),
        ("tracking", ["on_track_shortfall", "at_risk_shortfall", "not_discussed_weeks", "no_session_weeks", "draft_goals"]),
        ("objectives", ["statement", "metric", "target", "scope", "levels", "items"]),
        ("output", ["csv_dialect", "xlsx"]),
    ]

    /// The tables written `[[name]]`, one element per item (an array of tables).
    public static let arraysOfTables: Set<String> = ["objectives"]

    /// The word for "every domain" in an objective's `scope`.
    public static let domainsScope = "domains"

    /// Reads a configuration file and checks each objective's `scope` against a framework:
    /// a role, `domains` or an item id (`unknown-scope` at the value, with a "did you mean").
    /// The other ``load(_:diagnostics:)`` checks only the scope's form (the framework may come
    /// from a file read later).
    public static func load(_ source: InputSource, framework: Framework, diagnostics: inout DiagnosticCollector) -> Configuration {
        guard let bytes = source.bytes(diagnostics: &diagnostics) else { return Configuration() }
        let document = TOMLParser.parse(bytes: bytes, file: source.path, diagnostics: &diagnostics)
        return configuration(from: document, framework: framework, diagnostics: &diagnostics)
    }

    /// Whether a scope names something of the framework: a role, `domains` or an item id.
    public static func scopeIsKnown(_ scope: String, in framework: Framework) -> Bool {
        scope == domainsScope || framework.roles.contains(scope) || framework.item(id: scope) != nil
    }

    /// Reads a configuration file from disk or memory.
    ///
    /// - Returns: the configuration; keys with problems keep their defaults (and the problems are
    ///   in `diagnostics`). An unreadable file adds `cannot-read-file` and gives the defaults.
    public static func load(_ source: InputSource, diagnostics: inout DiagnosticCollector) -> Configuration {
        loadWithOutput(source, diagnostics: &diagnostics).configuration
    }

    /// Reads configuration text, e.g. a fixture in a test.
    public static func load(text: String, file: String, diagnostics: inout DiagnosticCollector) -> Configuration {
        load(bytes: Array(text.utf8), file: file, diagnostics: &diagnostics)
    }

    /// Reads the bytes of a configuration file.
    public static func load(bytes: [UInt8], file: String, diagnostics: inout DiagnosticCollector) -> Configuration {
        let document = TOMLParser.parse(bytes: bytes, file: file, diagnostics: &diagnostics)
        return configuration(from: document, diagnostics: &diagnostics)
    }

    /// Maps a parsed TOML document onto a configuration.
    ///
    /// - Parameter framework: when given, each objective's `scope` is checked against it.
    public static func configuration(
        from document: TOMLDocument, framework: Framework? = nil, diagnostics: inout DiagnosticCollector
    ) -> Configuration {
        settings(from: document, framework: framework, diagnostics: &diagnostics).configuration
    }

    /// Reads a configuration file with its `[output]` table (``OutputPreferences``), which is no
    /// part of the domain ``Configuration``.
    public static func loadWithOutput(
        _ source: InputSource, diagnostics: inout DiagnosticCollector
    ) -> (configuration: Configuration, output: OutputPreferences) {
        guard let bytes = source.bytes(diagnostics: &diagnostics) else { return (Configuration(), OutputPreferences()) }
        let document = TOMLParser.parse(bytes: bytes, file: source.path, diagnostics: &diagnostics)
        return settings(from: document, diagnostics: &diagnostics)
    }

    /// ``configuration(from:framework:diagnostics:)`` with the `[output]` table.
    public static func settings(
        from document: TOMLDocument, framework: Framework? = nil, diagnostics: inout DiagnosticCollector
    ) -> (configuration: Configuration, output: OutputPreferences) {
        var reader = ConfigurationReader()
        var objectiveTables = 0
        for table in document.tables {
            guard let keys = knownKeys.first(where: { $0.table == table.name })?.keys else {
                if table.name.isEmpty {
                    for entry in table.entries { reader.reportUnknown(entry, inTable: "", known: [], diagnostics: &diagnostics) }
                } else {
                    var message = "unknown table '\(header(table.name, isArray: table.isArrayElement))'"
                    if let suggestion = Suggestion.closest(to: table.name, among: knownKeys.map(\.table)) {
                        message += "; did you mean '\(header(suggestion, isArray: arraysOfTables.contains(suggestion)))'?"
                    } else {
                        let known = knownKeys.map { header($0.table, isArray: arraysOfTables.contains($0.table)) }
                        message += " (known tables: \(known.joined(separator: ", ")))"
                    }
                    diagnostics.error(.unknownTable, message, at: table.location)
                }
                continue
            }
            let isArray = arraysOfTables.contains(table.name)
            guard table.isArrayElement == isArray else {
                let message = isArray
                    ? "'[\(table.name)]' is an array of tables: write '[[\(table.name)]]' above each one"
                    : "'[[\(table.name)]]' is a table, not an array of tables: write '[\(table.name)]'"
                diagnostics.error(.unknownTable, message, at: table.location)
                continue
            }
            if isArray {
                objectiveTables += 1
                if objectiveTables == Limits.objectives + 1 {
                    diagnostics.error(
                        .tooManyTables, "more than \(Limits.objectives) '[[\(table.name)]]' tables (the rest are ignored)",
                        at: table.location)
                }
                guard objectiveTables <= Limits.objectives else { continue }
                if let objective = reader.objective(table, known: keys, framework: framework, diagnostics: &diagnostics) {
                    reader.configuration.objectives.append(objective)
                }
                continue
            }
            for entry in table.entries {
                if keys.contains(entry.key) {
                    reader.apply(entry, table: table.name, diagnostics: &diagnostics)
                } else {
                    reader.reportUnknown(entry, inTable: table.name, known: keys, diagnostics: &diagnostics)
                }
            }
        }
        reader.checkCrossKeyRules(diagnostics: &diagnostics)
        return (reader.configuration, reader.output)
    }

    /// `[name]` or `[[name]]`.
    static func header(_ name: String, isArray: Bool) -> String {
        isArray ? "[[\(name)]]" : "[\(name)]"
    }
}

/// Applies entries one by one and remembers where each key was set, for cross-key checks.
struct ConfigurationReader {
    var configuration = Configuration()
    var output = OutputPreferences()
    var locations: [String: TOMLEntry] = [:]
    /// Keys whose value was rejected: cross-key rules involving them are not checked (the
    /// default that stands in would only give a second, misleading error).
    var rejectedKeys: Set<String> = []

    // MARK: Keys

    mutating func apply(_ entry: TOMLEntry, table: String, diagnostics: inout DiagnosticCollector) {
        locations[entry.key] = entry
        var value = ValueReader(entry: entry)
        defer {
            if !value.problems.isEmpty { rejectedKeys.insert(entry.key) }
            diagnostics.collect(contentsOf: value.problems)
        }
        switch (table, entry.key) {
        case ("scoring", "competency_weight"):
            value.number(in: Limits.scoringWeight).map { configuration.scoring.competencyWeight = $0 }
        case ("scoring", "domain_weight"):
            value.number(in: Limits.scoringWeight).map { configuration.scoring.domainWeight = $0 }
        case ("scoring", "preference_weight"):
            value.number(in: Limits.preferenceWeight).map { configuration.scoring.preferenceWeight = $0 }
        case ("rules", "manager_chain"):
            value.boolean().map { configuration.rules.managerChain = $0 }
        case ("rules", "min_grade_gap"):
            if case .boolean(false) = entry.value {
                configuration.rules.minGradeGap = nil
            } else if let gap = value.integer(
                expected: "an integer \(Limits.describe(Limits.minGradeGap)), or false to switch the rule off",
                isValid: Limits.minGradeGap.contains)
            {
                configuration.rules.minGradeGap = gap
            }
        case ("rules", "shared_language"):
            value.boolean().map { configuration.rules.sharedLanguage = $0 }
        case ("rules", "avoid_repeat"):
            value.boolean().map { configuration.rules.avoidRepeat = $0 }
        case ("pairing", "objective"):
            let names = PairingObjective.allCases.map(\.rawValue)
            let expected = names.map { "\"\($0)\"" }.joined(separator: " or ")
            if let text = value.string(expected: expected) {
                if let objective = PairingObjective(rawValue: text) {
                    configuration.pairing.objective = objective
                } else {
                    value.report(expected: expected)
                }
            }
        case ("pairing", "default_capacity"):
            value.number(in: Limits.capacity).map { configuration.pairing.defaultCapacity = $0 }
        case ("pairing", "default_target"):
            value.integer(in: Limits.level).map { configuration.pairing.defaultTarget = $0 }
        case ("pairing", "time_limit_seconds"):
            value.number(in: Limits.timeLimitSeconds).map { configuration.pairing.timeLimitSeconds = $0 }
        case ("program", "start"):
            value.date(in: Limits.programDate).map { configuration.program.start = $0 }
        case ("program", "end"):
            value.date(in: Limits.programDate).map { configuration.program.end = $0 }
        case ("program", "sessions"):
            value.integer(in: Limits.sessions).map { configuration.program.sessions = $0 }
        case ("program", "min_gap_weeks"):
            value.integer(in: Limits.gapWeeks).map { configuration.program.minGapWeeks = $0 }
        case ("program", "max_gap_weeks"):
            value.integer(in: Limits.gapWeeks).map { configuration.program.maxGapWeeks = $0 }
        case ("program", "session_minutes"):
            value.integer(in: Limits.minutes).map { configuration.program.sessionMinutes = $0 }
        case ("program", "slot_minutes"):
            value.integer(in: Limits.minutes).map { configuration.program.slotMinutes = $0 }
        case ("program", "mentor_max_per_week"):
            value.integer(in: Limits.perWeek).map { configuration.program.mentorMaxPerWeek = $0 }
        case ("program", "mentee_max_per_week"):
            value.integer(in: Limits.perWeek).map { configuration.program.menteeMaxPerWeek = $0 }
        case ("program", "name"):
            value.text(limit: Limits.programTextLength).map { configuration.program.name = $0 }
        case ("program", "working_hours"):
            value.hours().map { configuration.program.workingHours = $0 }
        case ("program", "preferred_hours"):
            value.hours().map { configuration.program.preferredHours = $0 }
        case ("program", "freeze_hours"):
            value.integer(in: Limits.freezeHours).map { configuration.program.freezeHours = $0 }
        case ("program", "organizer"):
            let expected = "an e-mail address like \"coordinator@example.org\""
            if let text = value.string(expected: expected) {
                if let problem = TextChecks.emailProblem(text) {
                    value.report(expected: expected, found: "an address that \(problem)", prefix: "invalid e-mail address")
                } else {
                    configuration.program.organizer = text
                }
            }
        case ("tracking", "on_track_shortfall"):
            value.number(in: Limits.shortfallPoints).map { configuration.tracking.onTrackShortfall = $0 }
        case ("tracking", "at_risk_shortfall"):
            value.number(in: Limits.shortfallPoints).map { configuration.tracking.atRiskShortfall = $0 }
        case ("tracking", "not_discussed_weeks"):
            value.integer(in: Limits.trackingWeeks).map { configuration.tracking.notDiscussedWeeks = $0 }
        case ("tracking", "no_session_weeks"):
            value.integer(in: Limits.trackingWeeks).map { configuration.tracking.noSessionWeeks = $0 }
        case ("tracking", "draft_goals"):
            value.integer(in: Limits.draftGoals).map { configuration.tracking.draftGoals = $0 }
        case ("output", "csv_dialect"):
            let expected = CSVDialect.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            if let text = value.string(expected: expected) {
                if let dialect = CSVDialect(rawValue: text) {
                    output.csvDialect = dialect
                } else {
                    value.report(expected: expected, prefix: "unknown CSV dialect")
                }
            }
        case ("output", "xlsx"):
            value.boolean().map { output.writesWorkbook = $0 }
        case ("program", "timezone"):
            let expected = "a time zone name like \"Europe/Brussels\""
            if let text = value.string(expected: expected) {
                if TimeZone(identifier: text) != nil {
                    configuration.program.timezone = text
                } else {
                    value.report(expected: expected, prefix: "unknown time zone")
                }
            }
        default:
            break
        }
    }

    /// Reports a key that is not known in its table, suggesting the likely one.
    mutating func reportUnknown(_ entry: TOMLEntry, inTable table: String, known: [String], diagnostics: inout DiagnosticCollector) {
        let place = table.isEmpty ? "outside any table" : "in [\(table)]"
        var message = "unknown key \(Diagnostic.quoted(entry.key)) \(place)"
        if let suggestion = Suggestion.closest(to: entry.key, among: known) {
            message += "; did you mean \(Diagnostic.quoted(suggestion))?"
        } else if let (otherTable, key) = Self.keyInOtherTable(entry.key, excluding: table) {
            let header = ConfigurationLoader.header(otherTable, isArray: ConfigurationLoader.arraysOfTables.contains(otherTable))
            message += "; did you mean \(Diagnostic.quoted(key)) in \(header)?"
        }
        diagnostics.error(.unknownKey, message, at: entry.keyLocation)
    }

    /// The same or a close key in another table, e.g. `default_target` put under `[rules]`.
    private static func keyInOtherTable(_ key: String, excluding table: String) -> (String, String)? {
        let others = ConfigurationLoader.knownKeys.filter { $0.table != table }
        for (otherTable, keys) in others where keys.contains(key) { return (otherTable, key) }
        for (otherTable, keys) in others {
            if let suggestion = Suggestion.closest(to: key, among: keys) { return (otherTable, suggestion) }
        }
        return nil
    }

    // MARK: Cross-key rules

    mutating func checkCrossKeyRules(diagnostics: inout DiagnosticCollector) {
        func valid(_ keys: String...) -> Bool { rejectedKeys.isDisjoint(with: keys) }
        let scoring = configuration.scoring
        if valid("competency_weight", "domain_weight"), scoring.competencyWeight + scoring.domainWeight <= 0,
            let entry = locations["domain_weight"] ?? locations["competency_weight"]
        {
            diagnostics.error(
                .invalidValue, "competency_weight and domain_weight cannot both be 0", at: entry.valueLocation)
        }
        let program = configuration.program
        let datesValid = valid("start", "end")
        if datesValid, program.start >= program.end, let entry = locations["end"] ?? locations["start"] {
            diagnostics.error(
                .invalidValue, "end '\(program.end)' must be after start '\(program.start)'", at: entry.valueLocation)
        }
        if datesValid, program.start < program.end, program.end > program.start.adding(years: Limits.programYears),
            let entry = locations["end"] ?? locations["start"]
        {
            diagnostics.error(
                .invalidValue,
                "end '\(program.end)' is more than \(Limits.programYears) years after start '\(program.start)'",
                at: entry.valueLocation)
        }
        if valid("min_gap_weeks", "max_gap_weeks"), program.minGapWeeks > program.maxGapWeeks, let entry = locations["max_gap_weeks"] ?? locations["min_gap_weeks"] {
            diagnostics.error(
                .invalidValue,
                "max_gap_weeks '\(program.maxGapWeeks)' is less than min_gap_weeks '\(program.minGapWeeks)'",
                at: entry.valueLocation)
        }
        let tracking = configuration.tracking
        if valid("on_track_shortfall", "at_risk_shortfall"), tracking.onTrackShortfall > tracking.atRiskShortfall,
            let entry = locations["at_risk_shortfall"] ?? locations["on_track_shortfall"]
        {
            diagnostics.error(
                .invalidValue,
                "at_risk_shortfall '\(NumberFormatting.decimal(tracking.atRiskShortfall))' is less than on_track_shortfall '\(NumberFormatting.decimal(tracking.onTrackShortfall))'",
                at: entry.valueLocation)
        }
        if valid("session_minutes", "slot_minutes"), program.sessionMinutes % program.slotMinutes != 0,
            let entry = locations["session_minutes"] ?? locations["slot_minutes"]
        {
            diagnostics.error(
                .invalidValue,
                "session_minutes '\(program.sessionMinutes)' is not a multiple of slot_minutes '\(program.slotMinutes)'",
                at: entry.valueLocation)
        }
    }
}

/// Reads one entry's value as a given type, reporting `invalid-value` at the value.
struct ValueReader {
    let entry: TOMLEntry
    /// The problems found, added to the run's collector by the caller.
    var problems: [Diagnostic] = []

    /// Reports the value as invalid: "invalid value 'x' for 'key' (expected …[, found …])".
    mutating func report(expected: String, found: String? = nil, prefix: String = "invalid value") {
        var message = "\(prefix) \(Diagnostic.quoted(entry.valueText)) for \(Diagnostic.quoted(entry.key)) (expected \(expected)"
        if let found { message += ", found \(found)" }
        problems.append(.error(.invalidValue, message + ")", at: entry.valueLocation))
    }

    /// A finite number (integer or float) within bounds.
    mutating func number(expected: String, isValid: (Double) -> Bool) -> Double? {
        let number: Double
        switch entry.value {
        case .integer(let integer): number = Double(integer)
        case .float(let float): number = float
        default:
            report(expected: expected, found: entry.value.kindDescription)
            return nil
        }
        guard number.isFinite, isValid(number) else {
            report(expected: expected)
            return nil
        }
        return number
    }

    mutating func number(in range: NumberRange) -> Double? {
        number(expected: range.description) { range.contains($0) }
    }

    mutating func integer(expected: String, isValid: (Int) -> Bool = { _ in true }) -> Int? {
        guard case .integer(let integer) = entry.value else {
            report(expected: expected, found: entry.value.kindDescription)
            return nil
        }
        guard isValid(integer) else {
            report(expected: expected)
            return nil
        }
        return integer
    }

    mutating func integer(in range: ClosedRange<Int>) -> Int? {
        integer(expected: "an integer \(Limits.describe(range))") { range.contains($0) }
    }

    mutating func boolean() -> Bool? {
        guard case .boolean(let boolean) = entry.value else {
            report(expected: "true or false", found: entry.value.kindDescription)
            return nil
        }
        return boolean
    }

    mutating func string(expected: String) -> String? {
        guard case .string(let string) = entry.value else {
            report(expected: expected, found: entry.value.kindDescription)
            return nil
        }
        return string
    }

    /// Hours `"HH:MM-HH:MM"` with start before end (``TimeWindow``), as written.
    mutating func hours() -> String? {
        let expected = "hours like \"09:00-17:00\""
        guard let text = string(expected: expected) else { return nil }
        guard TimeWindow(text) != nil else {
            report(expected: expected)
            return nil
        }
        return text
    }

    /// A string of `limit` characters without control characters (it goes into calendar texts).
    mutating func text(limit: ClosedRange<Int>) -> String? {
        let expected = "a text of \(limit.lowerBound)–\(limit.upperBound) characters without control characters"
        guard let text = string(expected: expected) else { return nil }
        guard limit.contains(text.count), !TextChecks.containsControlCharacter(text) else {
            report(expected: expected)
            return nil
        }
        return text
    }

    mutating func date(in range: ClosedRange<CalendarDate>) -> CalendarDate? {
        let expected = "a date from \(range.lowerBound) to \(range.upperBound)"
        guard case .date(let date) = entry.value else {
            report(expected: expected, found: entry.value.kindDescription)
            return nil
        }
        guard range.contains(date) else {
            report(expected: expected)
            return nil
        }
        return date
    }
}
