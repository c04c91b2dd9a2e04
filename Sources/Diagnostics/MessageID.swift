extension Diagnostic {
    /// The stable identifier of a kind of diagnostic, e.g. `unknown-column`.
    ///
    /// Identifiers never change once released; messages may be reworded. Tools and tests should
    /// match on the identifier.
    public struct MessageID: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
        public var rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        // MARK: Reporting

        /// The summary line for diagnostics the collector held back (beyond its per-file limit).
        public static let problemsNotShown: MessageID = "problems-not-shown"

        // MARK: Files and text

        /// A file could not be opened or read.
        public static let cannotReadFile: MessageID = "cannot-read-file"
        /// A file that must be UTF-8 (the TOML configuration) is not; or a UTF-8 file with invalid bytes.
        public static let invalidEncoding: MessageID = "invalid-encoding"
        /// A file larger than the input size limit.
        public static let fileTooLarge: MessageID = "file-too-large"
        /// A binary file (NUL bytes, an Excel workbook, a zip archive, a PDF…) given as text.
        public static let binaryFile: MessageID = "binary-file"

        // MARK: Workbooks (.xlsx)

        /// A password-protected (encrypted) workbook.
        public static let encryptedWorkbook: MessageID = "encrypted-workbook"
        /// A file given as a workbook that is another format: `.xls`, `.ods`, a `.docx`, text renamed `.xlsx`.
        public static let notAWorkbook: MessageID = "not-a-workbook"
        /// A workbook whose zip or XML cannot be read (truncated, corrupt, a part missing).
        public static let corruptWorkbook: MessageID = "corrupt-workbook"
        /// A workbook over a size guard (an XML part, the total inflated size, the entry count, the cells).
        public static let workbookTooLarge: MessageID = "workbook-too-large"
        /// A workbook XML part with a DTD or entity declarations, which `.xlsx` never needs.
        public static let workbookDTD: MessageID = "workbook-dtd"
        /// A workbook without worksheets.
        public static let noSheets: MessageID = "no-sheets"
        /// The sheet named after `#` is not in the workbook.
        public static let unknownSheet: MessageID = "unknown-sheet"
        /// A cell holding an Excel error value (`#N/A`, `#DIV/0!`).
        public static let cellError: MessageID = "cell-error"
        /// A formula cell without a saved (cached) value.
        public static let formulaWithoutValue: MessageID = "formula-without-value"
        /// A cell that cannot be read: a bad reference, a shared-string index out of range, a bad number or date.
        public static let invalidCell: MessageID = "invalid-cell"

        // MARK: CSV structure

        /// A CSV file without a header row.
        public static let emptyFile: MessageID = "empty-file"
        /// A quoted field runs to the end of the file.
        public static let unterminatedQuote: MessageID = "unterminated-quote"
        /// Text follows the closing quote of a quoted field.
        public static let textAfterQuote: MessageID = "text-after-quote"
        /// A record has more non-empty fields than the header has columns.
        public static let tooManyFields: MessageID = "too-many-fields"
        /// A quoted field that spans lines and swallowed records: its closing quote is probably missing.
        public static let unclosedQuote: MessageID = "unclosed-quote"
        /// A record saved with another separator than the rest of the file (e.g. `;` in a `,` file).
        public static let wrongSeparator: MessageID = "wrong-separator"
        /// Lines above the header row (a title such as `Mentor export 2027-01-15`).
        public static let titleRow: MessageID = "title-row"
        /// Two header cells have the same name.
        public static let duplicateColumn: MessageID = "duplicate-column"
        /// A column without a name holds values, which are ignored.
        public static let unnamedColumn: MessageID = "unnamed-column"
        /// A required column is missing.
        public static let missingColumn: MessageID = "missing-column"
        /// Framework columns are missing from a people file.
        public static let missingFrameworkColumns: MessageID = "missing-framework-columns"
        /// A column nobody reads; an error when it looks like a misspelt known column.
        public static let unknownColumn: MessageID = "unknown-column"

        // MARK: CSV values

        /// A required cell is empty.
        public static let emptyValue: MessageID = "empty-value"
        /// An identifier appears twice in one file.
        public static let duplicateID: MessageID = "duplicate-id"
        /// A level cell is empty.
        public static let emptyLevel: MessageID = "empty-level"
        /// A level cell is not an integer.
        public static let invalidLevel: MessageID = "invalid-level"
        /// A level is outside 0–5.
        public static let levelOutOfRange: MessageID = "level-out-of-range"
        /// A number cell (grade, capacity, weight, score, load) is not acceptable.
        public static let invalidNumber: MessageID = "invalid-number"
        /// A number outside its stated range (see `Limits` in Kapstok), e.g. a capacity over 1000.
        public static let numberOutOfRange: MessageID = "number-out-of-range"
        /// A capacity below 1 without scores.csv: every mentee takes 1, so it holds no mentee.
        public static let capacityHoldsNoMentee: MessageID = "capacity-holds-no-mentee"
        /// A scores.csv load above its mentor's capacity: the pair can never be chosen.
        public static let loadOverCapacity: MessageID = "load-over-capacity"
        /// A people file with a header but no data rows.
        public static let noRecords: MessageID = "no-records"
        /// More mentee–mentor pairs than a round can hold in memory.
        public static let roundTooLarge: MessageID = "round-too-large"
        /// A framework kind other than `competency` or `domain`.
        public static let invalidKind: MessageID = "invalid-kind"
        /// A framework identifier that would clash with a people-file column.
        public static let reservedID: MessageID = "reserved-id"
        /// A framework file without items.
        public static let emptyFramework: MessageID = "empty-framework"
        /// A constraint rule other than `forbid` or `require`.
        public static let invalidRule: MessageID = "invalid-rule"
        /// A person is their own manager.
        public static let selfManager: MessageID = "self-manager"
        /// A manager chain loops back on itself.
        public static let managerCycle: MessageID = "manager-cycle"
        /// A `manager_id` that matches nobody in the people files or org.csv.
        public static let unknownManager: MessageID = "unknown-manager"
        /// One person with two different managers (mentors.csv against mentees.csv, or org.csv
        /// against the people files).
        public static let conflictingManager: MessageID = "conflicting-manager"
        /// A `require` rule that cannot hold: it breaks a hard rule, has no score, overfills its
        /// mentor or pairs a person with themselves.
        public static let impossibleRequire: MessageID = "impossible-require"
        /// A mentee or mentor identifier not found in the people files.
        public static let unknownPerson: MessageID = "unknown-person"
        /// A pair listed twice in one file.
        public static let duplicatePair: MessageID = "duplicate-pair"
        /// Rules that cannot all hold (forbid and require one pair; two required mentors).
        public static let conflictingRules: MessageID = "conflicting-rules"
        /// A stated choice on the chooser's own side (a mentee choosing a mentee, a mentor a mentor).
        public static let sameSideChoice: MessageID = "same-side-choice"
        /// The same person and choice twice in preferences.csv.
        public static let duplicateChoice: MessageID = "duplicate-choice"
        /// The same person and rank twice in preferences.csv.
        public static let duplicateRank: MessageID = "duplicate-rank"
        /// A stated-preference setting that the round cannot apply (preference_weight in scores mode).
        public static let preferenceNotApplied: MessageID = "preference-not-applied"

        // MARK: Scheduling inputs

        /// A weekday that is not `mon`…`sun` or `monday`…`sunday`.
        public static let invalidWeekday: MessageID = "invalid-weekday"
        /// A time that is not `HH:MM`, or a date-time not like `2027-04-06T10:00:00+02:00`.
        public static let invalidTime: MessageID = "invalid-time"
        /// A date that is not a valid `YYYY-MM-DD` within the accepted years.
        public static let invalidDate: MessageID = "invalid-date"
        /// A span whose end is not after its start (a window, an absence, a session).
        public static let invalidSpan: MessageID = "invalid-span"
        /// More rows than a stated limit (availability rows per person, pairs per schedule).
        public static let tooManyRows: MessageID = "too-many-rows"
        /// A mentee listed with two mentors in one pairs file (a mentee has one mentor).
        public static let duplicateMentee: MessageID = "duplicate-mentee"
        /// A pair whose mentee and mentor are the same person.
        public static let selfPair: MessageID = "self-pair"
        /// A session time whose UTC offset is not the program time zone's offset at that time, or
        /// a local time that the time zone skips.
        public static let wrongUTCOffset: MessageID = "wrong-utc-offset"
        /// A session status that is not `planned`, `held`, `cancelled` or `no_show`; a goal status
        /// that is not `draft`, `active`, `achieved` or `dropped`.
        public static let invalidStatus: MessageID = "invalid-status"
        /// A session id, or a pair's session number, given twice.
        public static let duplicateSession: MessageID = "duplicate-session"
        /// An e-mail address that is not like `name@example.org`.
        public static let invalidEmail: MessageID = "invalid-email"

        // MARK: Tracking exchange (goals, check-ins, session logs)

        /// A cell naming a framework item (`item`) that is not in the framework.
        public static let unknownItem: MessageID = "unknown-item"
        /// A goal id (`goals_discussed`, or `goal_id` of an update) that is not in the workspace.
        public static let unknownGoal: MessageID = "unknown-goal"
        /// A goal discussed in a session of another pair than the goal's.
        public static let goalOfAnotherPair: MessageID = "goal-of-another-pair"
        /// A session id that is not in the workspace.
        public static let unknownSession: MessageID = "unknown-session"
        /// A check-in assessor that is not `self`, `mentor`, `manager` or `hr`.
        public static let invalidAssessor: MessageID = "invalid-assessor"
        /// A goal whose target is not above its baseline, or whose due date is before its start.
        public static let invalidGoal: MessageID = "invalid-goal"
        /// A date held, a rating or goals discussed on a session whose status is not `held`.
        public static let notHeld: MessageID = "not-held"
        /// Free text over its length limit (`Limits.noteLength`, `Limits.titleLength`).
        public static let textTooLong: MessageID = "text-too-long"
        /// Free text with a control character, or an empty title.
        public static let invalidText: MessageID = "invalid-text"
        /// An objective's scope that names no role, `domains` or framework item.
        public static let unknownScope: MessageID = "unknown-scope"
        /// More `[[objectives]]` tables than `Limits.objectives`.
        public static let tooManyTables: MessageID = "too-many-tables"

        // MARK: TOML

        /// TOML that does not parse.
        public static let tomlSyntax: MessageID = "toml-syntax"
        /// Valid TOML outside the subset Kapstok reads (arrays, inline tables, date-times…).
        public static let tomlUnsupported: MessageID = "toml-unsupported"
        /// A key set twice in one table.
        public static let duplicateKey: MessageID = "duplicate-key"
        /// A table header given twice.
        public static let duplicateTable: MessageID = "duplicate-table"
        /// A configuration table Kapstok does not know.
        public static let unknownTable: MessageID = "unknown-table"
        /// A configuration key Kapstok does not know.
        public static let unknownKey: MessageID = "unknown-key"
        /// A required configuration key is missing (`statement`, `metric` or `target` of an objective).
        public static let missingKey: MessageID = "missing-key"
        /// A configuration value of the wrong type or out of range.
        public static let invalidValue: MessageID = "invalid-value"

        // MARK: Workspace

        /// A goal status change the life cycle does not allow (`achieved → active`).
        public static let goalTransition: MessageID = "goal-transition"
        /// A record that breaks a rule of the workspace (a held session without a date, a
        /// target not above the baseline, a text too long).
        public static let invalidRecord: MessageID = "invalid-record"

        /// A file that ends before the numbers its own header announces (OR-Library GAP files).
        public static let truncatedFile: MessageID = "truncated-file"
        /// Numbers left after the last instance a file announces (OR-Library GAP files).
        public static let trailingData: MessageID = "trailing-data"

        /// A framework that differs from the workspace's, imported without both people files
        /// (whose level columns follow the framework).
        public static let frameworkNeedsPeople: MessageID = "framework-needs-people"
    }
}
