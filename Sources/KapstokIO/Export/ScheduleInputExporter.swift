import Kapstok

/// Renders a ``ScheduleInput`` as the files `kapstok schedule` reads, e.g. for
/// `kapstok generate --pairs`.
///
/// Files, in order: `pairings.csv` (`mentee_id,mentee_name,mentor_id,mentor_name`),
/// `availability.csv` (`person_id,weekday,start,end`, weekdays as `mon`…`sun`),
/// `absences.csv` (`person_id,from,to,reason`) — both with just a header when empty — and
/// `kapstok.toml` (the whole configuration, see ``ConfigurationWriter``). Rows keep the input's
/// order; cells go through ``CSVWriter``. Loading the files with ``ScheduleLoader`` gives back
/// the input's pairs, windows and absences (without their locations) and the configuration's
/// program, provided ids and names have no surrounding blanks.
public enum ScheduleInputExporter {
    /// The files a generated scheduling input owns in an output folder (see ``OutputFolder``).
    public static let ownership = OutputFolder.Ownership(names: ["pairings.csv", "availability.csv", "absences.csv", "kapstok.toml"])

    /// The files of an input, in the order listed above; `configuration` becomes `kapstok.toml`
    /// (its program should be the one `input.program` was made from).
    public static func files(for input: ScheduleInput, configuration: Configuration) -> [ExportedFile] {
        [
            ExportedFile(name: "pairings.csv", table: pairingsTable(input.pairs)),
            ExportedFile(name: "availability.csv", table: availabilityTable(input.availability)),
            ExportedFile(name: "absences.csv", table: absencesTable(input.absences)),
            ExportedFile(name: "kapstok.toml", text: ConfigurationWriter.toml(configuration)),
        ]
    }

    /// `pairings.csv`: `mentee_id,mentee_name,mentor_id,mentor_name`.
    public static func pairingsCSV(_ pairs: [SchedulePair]) -> String { CSVWriter.text(pairingsTable(pairs)) }

    /// The table of ``pairingsCSV(_:)``.
    public static func pairingsTable(_ pairs: [SchedulePair]) -> OutputTable {
        OutputTable(
            header: ["mentee_id", "mentee_name", "mentor_id", "mentor_name"],
            rows: pairs.map { [.text($0.menteeID), .text($0.menteeName), .text($0.mentorID), .text($0.mentorName)] })
    }

    /// `availability.csv`: `person_id,weekday,start,end` (times of day `HH:MM`: text).
    public static func availabilityCSV(_ windows: [AvailabilityWindow]) -> String { CSVWriter.text(availabilityTable(windows)) }

    /// The table of ``availabilityCSV(_:)``.
    public static func availabilityTable(_ windows: [AvailabilityWindow]) -> OutputTable {
        OutputTable(
            header: ["person_id", "weekday", "start", "end"],
            rows: windows.map { row in
                [.text(row.personID), .text(row.weekday.shortName), .text(row.window.start.description), .text(row.window.end.description)]
            })
    }

    /// `absences.csv`: `person_id,from,to,reason`.
    public static func absencesCSV(_ absences: [Absence]) -> String { CSVWriter.text(absencesTable(absences)) }

    /// The table of ``absencesCSV(_:)``.
    public static func absencesTable(_ absences: [Absence]) -> OutputTable {
        OutputTable(
            header: ["person_id", "from", "to", "reason"],
            rows: absences.map { [.text($0.personID), .date($0.from), .date($0.to), .text($0.reason)] })
    }
}
