/// Every allowed mentee–mentor pair of a round with its score and load.
///
/// Two layouts: `dense` keeps one `Float` per mentee–mentor pair (the scoring model's output,
/// `-infinity` marking pairs the hard rules exclude) and every load is 1; `sparse` keeps only the
/// listed pairs (scores mode), each with a `Double` score and a load. Indices are 0-based positions
/// in the round's mentee and mentor arrays.
public struct PairTable: Sendable {
    public let menteeCount: Int
    public let mentorCount: Int
    let storage: Storage
    /// Whether every allowed pair uses one unit of capacity: then the pairing LP has an integral
    /// optimum and no branching is needed. Computed once (a pass over all pairs).
    public let hasUnitLoads: Bool

    enum Storage: Sendable {
        /// Row-major `menteeCount × mentorCount` scores.
        case dense([Float])
        /// CSR by mentee: `start[i]..<start[i+1]` index into `mentor`, `score`, `load`.
        case sparse(start: [Int], mentor: [Int32], score: [Double], load: [Double])
    }

    /// A dense table from a row-major score matrix (`-infinity` = not allowed).
    public init(menteeCount: Int, mentorCount: Int, denseScores: [Float]) {
        precondition(denseScores.count == menteeCount * mentorCount)
        self.menteeCount = menteeCount
        self.mentorCount = mentorCount
        storage = .dense(denseScores)
        hasUnitLoads = true
    }

    /// A sparse table from listed pairs; duplicates must have been rejected by the loader.
    public init(menteeCount: Int, mentorCount: Int, pairs: [(mentee: Int, mentor: Int, score: Double, load: Double)]) {
        self.menteeCount = menteeCount
        self.mentorCount = mentorCount
        let sorted = pairs.sorted { ($0.mentee, $0.mentor) < ($1.mentee, $1.mentor) }
        var start = [Int](repeating: 0, count: menteeCount + 1)
        for pair in sorted { start[pair.mentee + 1] += 1 }
        for i in 0..<menteeCount { start[i + 1] += start[i] }
        storage = .sparse(
            start: start, mentor: sorted.map { Int32($0.mentor) }, score: sorted.map(\.score), load: sorted.map(\.load))
        hasUnitLoads = pairs.allSatisfy { $0.load == 1 }
    }

    /// The number of allowed pairs.
    public var allowedCount: Int {
        switch storage {
        case .dense(let scores): scores.reduce(0) { $0 + ($1 == -.infinity ? 0 : 1) }
        case .sparse(_, let mentor, _, _): mentor.count
        }
    }

    /// The score and load of a pair, or `nil` when the pair is not allowed.
    public func entry(mentee i: Int, mentor j: Int) -> (score: Double, load: Double)? {
        switch storage {
        case .dense(let scores):
            let value = scores[i * mentorCount + j]
            return value == -.infinity ? nil : (Double(value), 1)
        case .sparse(let start, let mentor, let score, let load):
            for k in start[i]..<start[i + 1] where Int(mentor[k]) == j { return (score[k], load[k]) }
            return nil
        }
    }

    /// Calls `body(mentor, score, load)` for every allowed mentor of mentee `i`, in mentor order.
    @inline(__always)
    public func forEachAllowed(mentee i: Int, _ body: (Int, Double, Double) throws -> Void) rethrows {
        switch storage {
        case .dense(let scores):
            try scores.withUnsafeBufferPointer { buffer in
                let base = i * mentorCount
                for j in 0..<mentorCount {
                    let value = buffer[base + j]
                    if value != -.infinity { try body(j, Double(value), 1) }
                }
            }
        case .sparse(let start, let mentor, let score, let load):
            for k in start[i]..<start[i + 1] { try body(Int(mentor[k]), score[k], load[k]) }
        }
    }
}

extension PairTable {
    /// Scores every pair of a round with the default model and excludes what the hard rules forbid.
    ///
    /// Runs on all cores (rows are independent); the result does not depend on the thread count.
    ///
    /// - Complexity: O(mentees · mentors · (competencies + domains)).
    public static func scoring(_ round: Round, model: ScoringModel, eligibility: Eligibility) -> PairTable {
        let n = round.mentees.count
        let m = round.mentors.count
        var scores = [Float](repeating: 0, count: n * m)
        scores.withUnsafeMutableBufferPointer { buffer in
            let base = UnsafeSendable(buffer)
            let chunks = min(n, 64)
            ParallelLoop.run(count: chunks) { chunk in
                let rows = (n * chunk / max(1, chunks))..<(n * (chunk + 1) / max(1, chunks))
                for i in rows {
                    let row = UnsafeMutableBufferPointer(rebasing: base.buffer[i * m..<(i + 1) * m])
                    model.scoreAllMentors(mentee: i, into: row)
                    eligibility.excludeDisallowed(mentee: i, scores: row)
                }
            }
        }
        return PairTable(menteeCount: n, mentorCount: m, denseScores: scores)
    }
}
