import Diagnostics
import Kapstok

/// The short summary a pairing round prints on the terminal.
enum SummaryTable {
    static func render(_ result: RoundResult, folder: String?) -> String {
        let outcome = result.outcome
        let round = result.round
        let proof: String
        switch outcome.status {
        case .optimal: proof = "optimal (proven by GLPK)"
        case .feasible: proof = "feasible (not proven optimal)"
        case .infeasible: proof = "infeasible (no pairing meets the require rules and capacities)"
        case .timeLimit: proof = "time limit reached (best pairing found, not proven optimal)"
        }
        func score(_ value: Double?) -> String { value.map { Format.number($0) } ?? "–" }
        let share = round.mentees.isEmpty ? "0" : Format.number(100 * Double(outcome.matched) / Double(round.mentees.count), decimals: 1)
        var rows: [(String, String)] = [
            ("status", proof),
            ("objective", result.objective.rawValue),
            ("mentees", String(round.mentees.count)),
            ("mentors", "\(round.mentors.count) (capacity \(Format.number(result.prepared.capacity.reduce(0, +))))"),
            ("matched", "\(outcome.matched) (\(share) %)"),
            ("unmatched", String(result.unmatched.count)),
            ("total score", score(outcome.totalScore)),
            ("min / mean score", "\(score(outcome.minimumScore)) / \(score(result.meanScore))"),
            ("bound / gap", "\(score(outcome.bound)) / \(outcome.gap.map { Format.number($0 * 100, decimals: 3) + " %" } ?? "–")"),
            ("candidates", "\(outcome.candidates) of \(result.allowedPairs) allowed pairs"),
            ("solve time", "\(Format.number(outcome.solveSeconds, decimals: 3)) s"),
        ]
        if let folder { rows.append(("written to", TerminalText.escaped(folder))) }
        let width = rows.map(\.0.count).max() ?? 0
        let lines = rows.map { label, value in
            "  " + label + String(repeating: " ", count: width - label.count) + "  " + value
        }
        return (["Kapstok pairing round"] + lines).joined(separator: "\n")
    }
}
