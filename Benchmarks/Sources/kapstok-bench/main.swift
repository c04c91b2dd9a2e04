import Foundation
import GLPKSolver
import Kapstok
import LinearModel

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

let sizes = CommandLine.arguments.dropFirst().compactMap { arg -> (Int, Int)? in
    let parts = arg.split(separator: "x").compactMap { Int($0) }
    return parts.count == 2 ? (parts[0], parts[1]) : nil
}
for (n, m) in sizes.isEmpty ? [(100, 40), (1000, 300)] : sizes {
    var round: Round!
    let gen = seconds { round = RoundGenerator(mentees: n, mentors: m, seed: 1).makeRound() }
    var prepared: PreparedRound!
    let prep = try seconds { prepared = try PreparedRound(round: round) }
    var result: RoundResult!
    let solve = try seconds { result = try prepared.solve(using: GLPKSolver(), options: PairingOptions(initialCandidatesPerMentee: Int(ProcessInfo.processInfo.environment["K0"] ?? "8")!, columnsPerMenteePerRound: Int(ProcessInfo.processInfo.environment["K1"] ?? "8")!)) }
    let o = result.outcome
    print("\(n)x\(m): gen \(gen)s score \(prep)s (\(Double(n*m)/prep/1e6) Mpairs/s) solve \(solve)s status \(o.status) matched \(o.matched) total \(o.totalScore) bound \(o.bound ?? -1) cand \(o.candidates) rounds \(o.pricingRounds) \(o.method)")
}
if CommandLine.arguments.contains("--rewarm") {
    let round = RoundGenerator(mentees: 2000, mentors: 700, seed: 1).makeRound()
    let prepared = try PreparedRound(round: round)
    let first = try PairingSolver(solver: GLPKSolver()).solve(prepared.problem, options: PairingOptions())
    var opts = PairingOptions()
    opts.initialPairing = first.assignment
    let second = try PairingSolver(solver: GLPKSolver()).solve(prepared.problem, options: opts)
    print("cold \(first.solveSeconds) warm \(second.solveSeconds) rounds \(second.pricingRounds) \(second.totalScore == first.totalScore)")
}
