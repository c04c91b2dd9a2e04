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
            ExportedFile(name: "pairings.csv", text: pairingsCSV(input.pairs)),
            ExportedFile(name: "availability.csv", text: availabilityCSV(input.availability)),
            ExportedFile(name: "absences.csv", text: absencesCSV(input.absences)),
            ExportedFile(name: "kapstok.toml", text: ConfigurationWriter.toml(configuration)),
        ]
    }

    /// `pairings.csv`: `mentee_id,mentee_name,mentor_id,mentor_name`.
    public static func pairingsCSV(_ pairs: [SchedulePair]) -> String {
        var writer = CSVWriter(header: ["mentee_id", "mentee_name", "mentor_id", "mentor_name"])
        for pair in pairs { writer.appendRow([pair.menteeID, pair.menteeName, pair.mentorID, pair.mentorName]) }
        return writer.text
    }

    /// `availability.csv`: `person_id,weekday,start,end`.
    public static func availabilityCSV(_ windows: [AvailabilityWindow]) -> String {
        var writer = CSVWriter(header: ["person_id", "weekday", "start", "end"])
        for row in windows {
            writer.appendRow([row.personID, row.weekday.shortName, row.window.start.description, row.window.end.description])
        }
        return writer.text
    }

    /// `absences.csv`: `person_id,from,to,reason`.
    public static func absencesCSV(_ absences: [Absence]) -> String {
        var writer = CSVWriter(header: ["person_id", "from", "to", "reason"])
        for absence in absences {
            writer.appendRow([absence.personID, absence.from.description, absence.to.description, absence.reason])
        }
        return writer.text
    }
}
