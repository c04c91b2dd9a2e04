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
    public static func goalsCSV(_ goals: [Goal]) -> String {
        var writer = CSVWriter(header: goalColumns)
        for goal in goals {
            writer.appendRow([
                goal.id, goal.menteeID, goal.mentorID, goal.itemID, String(goal.baseline), String(goal.target),
                goal.due.description, goal.status.rawValue, goal.title, goal.start.description, goal.reason,
            ])
        }
        return writer.text
    }

    /// `mentee_id,item,level,date,assessor,evidence`.
    public static func checkInsCSV(_ checkIns: [CheckIn]) -> String {
        var writer = CSVWriter(header: CheckInsLoader.columns)
        for checkIn in checkIns {
            writer.appendRow([
                checkIn.menteeID, checkIn.itemID, String(checkIn.level), checkIn.date.description,
                checkIn.assessor.rawValue, checkIn.evidence,
            ])
        }
        return writer.text
    }

    /// `session_id,mentee_id,mentor_id,number,start,end,status,sequence,held_on,mentee_rating,
    /// mentor_rating,goals_discussed,notes`: the columns of `sessions.csv` as `schedule` writes
    /// them (times with the UTC offset of `clock`), then the log; `goals_discussed` `|`-separated.
    public static func sessionsCSV(_ logs: [SessionLog], clock: any WallClock) -> String {
        let sessionColumns = SessionsLoader.columns + ["sequence"]
        var writer = CSVWriter(header: sessionColumns + SessionLogsLoader.logColumns)
        for log in logs {
            let session = log.session
            writer.appendRow([
                session.id, session.menteeID, session.mentorID, String(session.number),
                LocalTimeFormat.string(session.start, clock: clock), LocalTimeFormat.string(session.end, clock: clock),
                session.status.rawValue, String(session.sequence),
                log.heldOn?.description ?? "", log.menteeRating.map(String.init) ?? "",
                log.mentorRating.map(String.init) ?? "", log.goalsDiscussed.joined(separator: "|"), log.notes,
            ])
        }
        return writer.text
    }
}
