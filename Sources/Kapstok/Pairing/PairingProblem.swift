/// A pairing round reduced to what the optimiser needs: capacities, allowed pairs, pins.
///
/// Indices are 0-based positions in the round's mentee and mentor arrays.
public struct PairingProblem: Sendable {
    public let table: PairTable
    /// Capacity of each mentor, in load units.
    public let capacity: [Double]
    /// Pinned pairs: mentee → mentor (`require` rules).
    public let required: [Int: Int]

    public init(table: PairTable, capacity: [Double], required: [Int: Int] = [:]) {
        precondition(capacity.count == table.mentorCount, "one capacity per mentor")
        self.table = table
        self.capacity = capacity
        self.required = required
        // One pass over the allowed pairs: who could use each mentor, and the score range.
        var takers = [Int](repeating: 0, count: table.mentorCount)
        var low = Double.infinity
        var high = -Double.infinity
        for i in 0..<table.menteeCount {
            let pinned = required[i]
            table.forEachAllowed(mentee: i) { j, score, _ in
                if pinned == nil { takers[j] += 1 }
                low = min(low, score)
                high = max(high, score)
            }
        }
        for j in required.values { takers[j] += 1 }
        places = capacity.indices.map { j in
            let whole = capacity[j].isFinite ? max(0, (capacity[j] + 1e-9).rounded(.down)) : 0
            return whole >= Double(takers[j]) ? takers[j] : Int(whole)
        }
        scale = ScoreScale(low: low, high: high)
    }

    public var menteeCount: Int { table.menteeCount }
    public var mentorCount: Int { table.mentorCount }

    /// Each mentor's capacity as a whole number of places, for unit loads (a capacity of 2.5
    /// holds 2 mentees), and never more than the mentees who could use them (those with the
    /// mentor among their allowed pairs, less those pinned elsewhere): a capacity of 999,999,999
    /// is as many places as takers, so that nothing sized by places grows with the capacity.
    public let places: [Int]
    /// The range of the allowed scores, for normalising them to `[0, 1]` in the optimiser.
    let scale: ScoreScale

    /// The pins placed first, in mentee order, while their mentors have places: the pairing every
    /// start builds on, and the places left for the rest.
    func pinnedStart() -> (pairing: [Int?], placesLeft: [Int]) {
        var placesLeft = places
        var pairing = [Int?](repeating: nil, count: menteeCount)
        for (i, j) in required.sorted(by: { $0.key < $1.key }) where placesLeft[j] > 0 {
            pairing[i] = j
            placesLeft[j] -= 1
        }
        return (pairing, placesLeft)
    }
}

/// The scores of a problem mapped affinely onto `[0, 1]`: `s' = (s − lo)/(hi − lo)` (all 0 when
/// every score is the same).
///
/// Among pairings matching the same number `K` of mentees, `Σ s = spread·Σ s' + K·lo`, so the
/// order by total score is the same in both units. The optimiser works and proves in normalised
/// units, where its tolerances do not depend on how large or spread out the scores are, and
/// converts back for reporting.
struct ScoreScale: Sendable {
    let low: Double
    let spread: Double
    private let inverseSpread: Double

    init(low: Double, high: Double) {
        self.low = low.isFinite ? low : 0
        spread = high > low ? high - low : 0
        inverseSpread = spread > 0 ? 1 / spread : 0
    }

    /// `s'` of a raw score (within a rounding error of `[0, 1]` for scores in the range).
    @inline(__always)
    func normalised(_ score: Double) -> Double {
        (score - low) * inverseSpread
    }

    /// The raw total of `matched` pairs whose normalised total is `total`.
    func raw(_ total: Double, matched: Int) -> Double {
        total * spread + Double(matched) * low
    }
}

/// How a pairing run should search.
public struct PairingOptions: Sendable {
    public var objective: PairingObjective
    /// Wall-clock limit for the whole lexicographic solve, in seconds; `nil` means none.
    public var timeLimit: Double?
    /// Best-scoring candidates per mentee in the first restricted model.
    public var initialCandidatesPerMentee: Int
    /// Most columns a pricing round adds per mentee.
    public var columnsPerMenteePerRound: Int
    /// A pairing to start from (one mentor index or `nil` per mentee), for example the previous
    /// round's; pairs it uses that are not allowed are ignored. `nil`: a greedy start.
    public var initialPairing: [Int?]?

    public init(
        objective: PairingObjective = .total, timeLimit: Double? = nil, initialCandidatesPerMentee: Int = 2,
        columnsPerMenteePerRound: Int = 1
    ) {
        self.objective = objective
        self.timeLimit = timeLimit
        self.initialCandidatesPerMentee = initialCandidatesPerMentee
        self.columnsPerMenteePerRound = columnsPerMenteePerRound
    }
}

/// The status of a pairing run, as `summary.json` reports it.
public enum PairingStatus: String, Sendable, Hashable {
    /// Proven optimal for the lexicographic objective.
    case optimal
    /// A solution is in hand but a limit other than time stopped the proof.
    case feasible
    /// No pairing meets the pins and capacities.
    case infeasible
    /// The time limit stopped the solve; the best pairing found is returned with a bound.
    case timeLimit = "time_limit"
}

/// The result of a pairing run.
public struct PairingOutcome: Sendable {
    public var status: PairingStatus
    /// For each mentee, the mentor it is paired with, or `nil`.
    public var assignment: [Int?]
    public var matched: Int
    public var totalScore: Double
    /// Lowest score among matched pairs; `nil` when nobody is matched.
    public var minimumScore: Double?
    /// Best proven upper bound on the total score among pairings that match as many mentees (for
    /// `fair`: that also reach the minimum score found), computed by the backend from a dual
    /// bound in normalised units and converted back; `nil` when infeasible or without a pairing.
    public var bound: Double?
    /// Relative gap `|total − bound| / (|total| + ε)` from the computed bound (tiny, not
    /// necessarily 0, when optimal).
    public var gap: Double?
    /// Pairs that entered the model.
    public var candidates: Int
    /// Wall-clock seconds spent solving (model building and pricing included).
    public var solveSeconds: Double
    /// Pricing rounds (LP re-solves) of column generation; 0 for a dense model.
    public var pricingRounds: Int
    /// A line on how the result was obtained and proven.
    public var method: String
    /// The formulation the core chose (``PairingFormulation/choose(for:solver:)``).
    public var formulation: PairingFormulation = .denseMIP
}
