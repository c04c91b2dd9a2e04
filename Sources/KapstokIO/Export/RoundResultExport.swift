import Foundation
import Kapstok

/// Renders a solved round as the output files of DESIGN.md: `pairings.csv`, `unmatched.csv`
/// and `summary.json`. Deterministic: the same result gives the same bytes, except for
/// `solve_seconds` in `summary.json`, the one measured field.
public enum RoundResultExport {
    /// The three output files, in the order they are written.
    public static func files(for result: RoundResult) -> [ExportedFile] {
        [
            ExportedFile(name: "pairings.csv", table: pairingsTable(result)),
            ExportedFile(name: "unmatched.csv", table: unmatchedTable(result)),
            ExportedFile(name: "summary.json", json: summary(result)),
        ]
    }

    /// The files a pairing round owns in an output folder it shares with other commands.
    public static let ownership = OutputFolder.Ownership(names: ["pairings.csv", "unmatched.csv", "summary.json"])

    /// Writes the output files into `directory` as one commit: all of them, or none changed
    /// (see ``OutputFolder``); CSV files in `dialect`.
    public static func write(
        _ result: RoundResult, to directory: URL, dialect: CSVDialect = .rfc4180, hook: ((OutputFolder.CommitStep) -> Void)? = nil
    ) throws(FileWriteError) {
        try OutputFolder(directory).commit(files(for: result).named(dialect: dialect), owning: ownership, command: "kapstok match", hook: hook)
    }

    /// `mentee_id,mentee_name,mentor_id,mentor_name,score,rank,reason`, in mentee order.
    public static func pairingsCSV(_ result: RoundResult) -> String { CSVWriter.text(pairingsTable(result)) }

    /// The table of ``pairingsCSV(_:)``.
    public static func pairingsTable(_ result: RoundResult) -> OutputTable {
        var table = OutputTable(header: ["mentee_id", "mentee_name", "mentor_id", "mentor_name", "score", "rank", "reason"])
        table.rows.reserveCapacity(result.pairs.count)
        for pair in result.pairs {
            let mentee = result.round.mentees[pair.mentee]
            let mentor = result.round.mentors[pair.mentor]
            table.append([
                .text(mentee.id), .text(mentee.name), .text(mentor.id), .text(mentor.name), .score(pair.score), .integer(pair.rank),
                .text(pair.reason),
            ])
        }
        return table
    }

    /// `mentee_id,mentee_name,reason`, in mentee order.
    public static func unmatchedCSV(_ result: RoundResult) -> String { CSVWriter.text(unmatchedTable(result)) }

    /// The table of ``unmatchedCSV(_:)``.
    public static func unmatchedTable(_ result: RoundResult) -> OutputTable {
        OutputTable(
            header: ["mentee_id", "mentee_name", "reason"],
            rows: result.unmatched.map { entry in
                let mentee = result.round.mentees[entry.mentee]
                return [.text(mentee.id), .text(mentee.name), .text(entry.reason)]
            })
    }

    /// The round's figures; scores rounded to 4 decimals.
    public static func summary(_ result: RoundResult) -> JSONValue {
        let outcome = result.outcome
        func score(_ value: Double?) -> JSONValue {
            guard let value else { return .null }
            return .number((value * 10_000).rounded() / 10_000)
        }
        return .object([
            JSONMember("status", .string(outcome.status.rawValue)),
            JSONMember("objective", .string(result.objective.rawValue)),
            JSONMember("mentees", .integer(result.round.mentees.count)),
            JSONMember("mentors", .integer(result.round.mentors.count)),
            JSONMember("capacity", .number(result.prepared.capacity.reduce(0, +))),
            JSONMember("matched", .integer(outcome.matched)),
            JSONMember("unmatched", .integer(result.unmatched.count)),
            JSONMember("total_score", score(outcome.totalScore)),
            JSONMember("min_score", score(outcome.minimumScore)),
            JSONMember("mean_score", score(result.meanScore)),
            JSONMember("bound", score(outcome.bound)),
            JSONMember("gap", outcome.gap.map { .number(($0 * 1e6).rounded() / 1e6) } ?? .null),
            JSONMember("solve_seconds", .number((outcome.solveSeconds * 1000).rounded() / 1000)),
            JSONMember("candidates", .integer(outcome.candidates)),
            JSONMember("allowed_pairs", .integer(result.allowedPairs)),
            JSONMember("pricing_rounds", .integer(outcome.pricingRounds)),
            JSONMember("scoring", .string(result.round.scores == nil ? "model" : "scores.csv")),
            JSONMember("method", .string(outcome.method)),
        ])
    }
}
