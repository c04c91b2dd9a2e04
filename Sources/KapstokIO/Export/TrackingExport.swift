import Kapstok

/// Writes the exchange files of a workspace — goals, check-ins and session logs — as CSV that
/// ``GoalsLoader``, ``CheckInsLoader`` and ``SessionLogsLoader`` read back to the same values.
///
/// Through ``CSVWriter``: `,`-separated, `\n` line endings, quoting where needed (notes with line
/// breaks stay one cell), formula neutralisation (a note `- [ ] call HR` is written `'- [ ] call
/// HR`; the loaders undo it). Rows in the order given (the store gives a stable order); every
/// column always written, in a fixed order. Deterministic: the same values give the same bytes.
public enum TrackingExport {
    /// The goals file's header: the required columns, then `start` and `reason`.
    public static let goalColumns = GoalsLoader.columns + GoalsLoader.optionalColumns

    /// `goal_id,mentee_id,mentor_id,item,baseline,target,due,status,title,start,reason`.
    public static func goalsCSV(_ goals: [Goal]) -> String { CSVWriter.text(goalsTable(goals)) }

    /// The table of ``goalsCSV(_:)``.
    public static func goalsTable(_ goals: [Goal]) -> OutputTable {
        OutputTable(header: goalColumns, rows: goals.map { goal in
            [
                .text(goal.id), .text(goal.menteeID), .text(goal.mentorID), .text(goal.itemID), .integer(goal.baseline),
                .integer(goal.target), .date(goal.due), .text(goal.status.rawValue), .text(goal.title), .date(goal.start),
                .text(goal.reason),
            ]
        })
    }

    /// `mentee_id,item,level,date,assessor,evidence`.
    public static func checkInsCSV(_ checkIns: [CheckIn]) -> String { CSVWriter.text(checkInsTable(checkIns)) }

    /// The table of ``checkInsCSV(_:)``.
    public static func checkInsTable(_ checkIns: [CheckIn]) -> OutputTable {
        OutputTable(header: CheckInsLoader.columns, rows: checkIns.map { checkIn in
            [
                .text(checkIn.menteeID), .text(checkIn.itemID), .integer(checkIn.level), .date(checkIn.date),
                .text(checkIn.assessor.rawValue), .text(checkIn.evidence),
            ]
        })
    }

    /// `session_id,mentee_id,mentor_id,number,start,end,status,sequence,held_on,mentee_rating,
    /// mentor_rating,goals_discussed,notes`: the columns of `sessions.csv` as `schedule` writes
    /// them (times with the UTC offset of `clock`), then the log; `goals_discussed` `|`-separated.
    public static func sessionsCSV(_ logs: [SessionLog], clock: any WallClock) -> String {
        CSVWriter.text(sessionsTable(logs, clock: clock))
    }

    /// The table of ``sessionsCSV(_:clock:)``.
    public static func sessionsTable(_ logs: [SessionLog], clock: any WallClock) -> OutputTable {
        let sessionColumns = SessionsLoader.columns + ["sequence"]
        func time(_ local: LocalDateTime) -> OutputCell { .dateTime(local, text: LocalTimeFormat.string(local, clock: clock)) }
        return OutputTable(header: sessionColumns + SessionLogsLoader.logColumns, rows: logs.map { log in
            let session = log.session
            return [
                .text(session.id), .text(session.menteeID), .text(session.mentorID), .integer(session.number),
                time(session.start), time(session.end), .text(session.status.rawValue), .integer(session.sequence),
                .optional(log.heldOn, OutputCell.date), .optional(log.menteeRating, OutputCell.integer),
                .optional(log.mentorRating, OutputCell.integer), .text(log.goalsDiscussed.joined(separator: "|")), .text(log.notes),
            ]
        })
    }
}
