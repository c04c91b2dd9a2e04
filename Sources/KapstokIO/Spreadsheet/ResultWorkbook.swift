import Foundation

/// `round.xlsx`: every result in an output folder as one workbook, a sheet per result file.
///
/// It is made in the same commit as the files it shows (``OutputFolder/Derived``), from this
/// command's tables and from the result files other commands left in the folder (read back by
/// ``OutputTableReading``), so after `match` and then `schedule` into one folder it holds
/// Pairings, Unmatched and Summary beside Sessions, Unscheduled, Changes and Schedule.
///
/// Sheets: one per CSV file, and one per JSON file that has no CSV file of the same name (a
/// summary; `bench.json` repeats `bench.csv` and gets none). Order: Pairings, Unmatched,
/// Summary, Sessions, Unscheduled, Changes, Schedule, Strategies (`bench.csv`), What-if, then
/// the others by file name. Names: the file's name without extension, first letter upper case,
/// `-` as a space (`pairings-greedy.csv` → `Pairings greedy`), made valid by
/// ``XLSXWriter/sheetName(_:taken:)``. Calendars, reports and other files are not shown.
public enum ResultWorkbook {
    /// The workbook's file name in the output folder.
    public static let fileName = "round.xlsx"

    /// Known result files and their sheets, in workbook order.
    static let knownSheets: [(file: String, sheet: String)] = [
        ("pairings.csv", "Pairings"), ("unmatched.csv", "Unmatched"), ("summary.json", "Summary"),
        ("sessions.csv", "Sessions"), ("unscheduled.csv", "Unscheduled"), ("changes.csv", "Changes"),
        ("schedule.json", "Schedule"), ("bench.csv", "Strategies"), ("whatif.csv", "What-if"),
    ]

    /// The derivation that adds `round.xlsx` to a commit of `own` files, whose typed tables are
    /// `tables` (by file name; a CSV file without one is read back like a carried file).
    public static func derived(own: [(name: String, data: Data)], tables: [String: OutputTable]) -> OutputFolder.Derived {
        OutputFolder.Derived(names: [fileName]) { carried throws(FileWriteError) in
            let ownNames = Set(own.map(\.name))
            let files = own + carried.filter { !ownNames.contains($0.name) }
            do throws(XLSXWriteError) {
                return [(fileName, try XLSXWriter.workbook(sheets(files, tables: tables)))]
            } catch {
                throw FileWriteError(path: fileName, operation: "write", reason: error.description)
            }
        }
    }

    /// The sheets for a set of result files (see the type's documentation).
    public static func sheets(_ files: [(name: String, data: Data)], tables: [String: OutputTable] = [:]) -> [XLSXSheet] {
        let csvStems = Set(files.filter { $0.name.hasSuffix(".csv") }.map { stem($0.name) })
        var shown: [(order: Int, file: String, sheet: String, table: OutputTable)] = []
        for file in files where !file.name.contains("/") {
            let table: OutputTable?
            if file.name.hasSuffix(".csv") {
                table = tables[file.name] ?? OutputTableReading.table(csv: file.data, file: file.name)
            } else if file.name.hasSuffix(".json"), !csvStems.contains(stem(file.name)) {
                table = OutputTableReading.table(json: file.data)
            } else {
                table = nil
            }
            guard let table else { continue }
            let known = knownSheets.firstIndex { $0.file == file.name }
            shown.append((known ?? knownSheets.count, file.name, known.map { knownSheets[$0].sheet } ?? title(file.name), table))
        }
        shown.sort { ($0.order, $0.file) < ($1.order, $1.file) }
        var taken: Set<String> = []
        return shown.map { entry in
            let name = XLSXWriter.sheetName(entry.sheet, taken: taken)
            taken.insert(name.lowercased())
            return XLSXSheet(name: name, table: entry.table)
        }
    }

    private static func stem(_ name: String) -> Substring {
        name.prefix(upTo: name.lastIndex(of: ".") ?? name.endIndex)
    }

    /// `pairings-greedy.csv` → `Pairings greedy`.
    private static func title(_ name: String) -> String {
        let words = stem(name).replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
