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
    }

    public var menteeCount: Int { table.menteeCount }
    public var mentorCount: Int { table.mentorCount }

    /// Each mentor's capacity as a whole number of places, for unit loads (a capacity of 2.5
    /// holds 2 mentees).
    var places: [Int] { capacity.map { max(0, Int(($0 + 1e-9).rounded(.down))) } }

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
    /// Best proven upper bound on the total score among pairings that match as many mentees.
    public var bound: Double?
    /// Relative gap `|total − bound| / (|total| + ε)`; 0 when optimal.
    public var gap: Double?
    /// Pairs that entered the model.
    public var candidates: Int
    /// Wall-clock seconds spent solving (model building and pricing included).
    public var solveSeconds: Double
    /// Pricing rounds (LP re-solves) of column generation; 0 for a dense model.
    public var pricingRounds: Int
    /// A line on how the result was obtained and proven.
    public var method: String
}
