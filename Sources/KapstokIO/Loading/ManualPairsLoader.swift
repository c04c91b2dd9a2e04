import Kapstok

/// Reads a given pairing (`kapstok bench --manual FILE`, `kapstok evaluate --pairings FILE`): a
/// `pairings.csv` as `match` writes it, read by ``SchedulePairsLoader`` (only `mentee_id` and
/// `mentor_id` are required; the same rules on empty ids, a mentee listed twice, self-pairs),
/// then checked against the round: an id that is not one of the round's mentees or mentors is an
/// `unknown-person` error at its cell, with a "did you mean". Pairs that break the round's rules
/// or overfill a mentor are not errors: ``ManualStrategy`` counts them.
public enum ManualPairsLoader {
    /// The pairs as (mentee index, mentor index) in file order, with the file's warnings.
    ///
    /// - Throws: ``DiagnosticsError`` with every problem of the file.
    public static func load(
        _ source: InputSource, round: Round
    ) throws(DiagnosticsError) -> (pairs: [(mentee: Int, mentor: Int)], warnings: [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        guard let table = CSVReader.read(source, headerNames: Set(SchedulePairsLoader.columns), diagnostics: &diagnostics) else {
            try diagnostics.throwIfErrors()
            return ([], diagnostics.warnings)
        }
        let given = SchedulePairsLoader.load(table, diagnostics: &diagnostics)
        let menteeIndex = Dictionary(round.mentees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let mentorIndex = Dictionary(round.mentors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var mentees = KnownIDs(Set(menteeIndex.keys), noun: "mentee", context: "(not in the mentees file)")
        var mentors = KnownIDs(Set(mentorIndex.keys), noun: "mentor", context: "(not in the mentors file)")
        let mentorColumn = table.header.firstIndex { $0.text == "mentor_id" }
        let recordsByLine = Dictionary(table.records.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
        var pairs: [(mentee: Int, mentor: Int)] = []
        for pair in given {
            guard let location = pair.location else { continue }
            var mentorLocation = location
            if let mentorColumn, let record = recordsByLine[location.line] {
                mentorLocation = table.location(of: record.field(at: mentorColumn))
            }
            let knownMentee = mentees.check(pair.menteeID, at: location, diagnostics: &diagnostics)
            let knownMentor = mentors.check(pair.mentorID, at: mentorLocation, diagnostics: &diagnostics)
            if knownMentee, knownMentor, let i = menteeIndex[pair.menteeID], let j = mentorIndex[pair.mentorID] {
                pairs.append((i, j))
            }
        }
        try diagnostics.throwIfErrors()
        return (pairs, diagnostics.warnings)
    }
}
