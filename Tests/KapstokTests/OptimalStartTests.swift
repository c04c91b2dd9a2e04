@testable import Kapstok
import Testing

@Suite struct OptimalStartTests {
    /// On small random problems, over all allowed pairs: the pairing is the lexicographic
    /// optimum (brute force), and the duals are feasible and complementary to it, so together
    /// they form an optimal basis for GLPK.
    @Test(arguments: 0..<50)
    func optimalPairingAndValidDuals(seed: UInt64) throws {
        let problem = randomProblem(seed: 5000 + seed, unitLoads: true)
        var candidates = [[(mentor: Int, score: Double)]](repeating: [], count: problem.menteeCount)
        var spread = 0.0
        for i in 0..<problem.menteeCount where problem.required[i] == nil {
            problem.table.forEachAllowed(mentee: i) { j, score, _ in
                candidates[i].append((j, score))
                spread = max(spread, score)
            }
        }
        let weight = Double(min(problem.menteeCount, problem.mentorCount)) * spread + 1
        let start = try #require(OptimalStart(problem: problem, candidates: candidates, matchWeight: weight).solve())
        let reference = BruteForcePairing(problem: problem).best(.total)
        var matched = 0
        var total = 0.0
        var load = [Double](repeating: 0, count: problem.mentorCount)
        for (i, mentor) in start.pairing.enumerated() {
            guard let j = mentor else { continue }
            let entry = try #require(problem.table.entry(mentee: i, mentor: j))
            matched += 1
            total += entry.score
            load[j] += 1
        }
        #expect(matched == reference.matched)
        #expect(abs(total - reference.total) < 1e-6 || reference.matched == 0)
        let tolerance = 1e-6
        for (i, list) in candidates.enumerated() {
            #expect(start.menteeDual[i] >= 0)
            if start.menteeDual[i] > tolerance { #expect(start.pairing[i] != nil) }
            // Reduced cost w − u − v: ≤ 0 for pairs left out (at their lower bound), ≥ 0 for pairs
            // in the pairing (at their upper bound 1).
            for (j, score) in list {
                let reduced = weight + score - start.menteeDual[i] - start.mentorDual[j]
                if start.pairing[i] == j {
                    #expect(reduced >= -tolerance)
                } else {
                    #expect(reduced <= tolerance)
                }
            }
        }
        for j in 0..<problem.mentorCount {
            #expect(start.mentorDual[j] >= 0)
            if start.mentorDual[j] > tolerance { #expect(load[j] >= (problem.capacity[j] + 1e-9).rounded(.down)) }
        }
    }
}
