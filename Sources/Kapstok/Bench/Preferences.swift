/// Stated preference lists by person id, best first (from an optional preferences.csv).
public struct StatedPreferences: Sendable, Equatable {
    /// Mentee id → mentor ids.
    public var mentees: [String: [String]]
    /// Mentor id → mentee ids.
    public var mentors: [String: [String]]

    public init(mentees: [String: [String]] = [:], mentors: [String: [String]] = [:]) {
        self.mentees = mentees
        self.mentors = mentors
    }
}

/// Both sides' preference orders over a round's allowed pairs, as rank arrays.
///
/// A person prefers the people on their stated list in list order (first occurrence counts;
/// names that are unknown or not allowed are skipped), then everyone else allowed by score,
/// higher first. Ranks are `1 +` the number strictly preferred, so equal scores outside the
/// stated list share a rank; deferred acceptance breaks such ties by index.
///
/// - Complexity: O(P log P) to build for P allowed pairs; O(1) per rank; memory 2 × mentees ×
///   mentors × 4 bytes.
struct Preferences {
    let menteeCount: Int
    let mentorCount: Int
    /// `menteeRanks[i·m + j]`: mentee i's rank of mentor j, 0 when not allowed.
    private var menteeRanks: [Int32]
    /// `mentorRanks[j·n + i]`: mentor j's rank of mentee i, 0 when not allowed.
    private var mentorRanks: [Int32]
    /// Per mentee, allowed mentors best first (ties by index), with the pair's load.
    private var orders: [[(mentor: Int, load: Double)]]
    /// Allowed mentors per mentee and mentees per mentor (the worst rank + 1 is "nobody").
    let menteeOptions: [Int]
    let mentorOptions: [Int]

    init(_ prepared: PreparedRound, stated: StatedPreferences) {
        let round = prepared.round
        let n = round.mentees.count
        let m = round.mentors.count
        menteeCount = n
        mentorCount = m
        let menteeIndex = Dictionary(round.mentees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let mentorIndex = Dictionary(round.mentors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        func positions(_ lists: [String: [String]], owners: [String: Int], others: [String: Int]) -> [Int: [Int: Int]] {
            var result: [Int: [Int: Int]] = [:]
            for (owner, list) in lists {
                guard let a = owners[owner] else { continue }
                var seen: [Int: Int] = [:]
                for id in list { if let b = others[id], seen[b] == nil { seen[b] = seen.count } }
                result[a] = seen
            }
            return result
        }
        let menteeStated = positions(stated.mentees, owners: menteeIndex, others: mentorIndex)
        let mentorStated = positions(stated.mentors, owners: mentorIndex, others: menteeIndex)

        typealias Entry = (other: Int, stated: Int, score: Double, load: Double)
        func ranked(_ entries: inout [Entry], into ranks: inout [Int32], base: Int) {
            entries.sort { ($0.stated, -$0.score, $0.other) < ($1.stated, -$1.score, $1.other) }
            var rank: Int32 = 0
            for (position, entry) in entries.enumerated() {
                if position == 0 || entry.stated != entries[position - 1].stated || entry.score != entries[position - 1].score {
                    rank = Int32(position + 1)
                }
                ranks[base + entry.other] = rank
            }
        }
        menteeRanks = [Int32](repeating: 0, count: n * m)
        mentorRanks = [Int32](repeating: 0, count: n * m)
        orders = []
        orders.reserveCapacity(n)
        var byMentor = [[Entry]](repeating: [], count: m)
        var menteeOptions = [Int](repeating: 0, count: n)
        for i in 0..<n {
            var entries: [Entry] = []
            let mine = menteeStated[i]
            prepared.table.forEachAllowed(mentee: i) { j, score, load in
                entries.append((j, mine?[j] ?? Int.max, score, load))
                byMentor[j].append((i, mentorStated[j]?[i] ?? Int.max, score, load))
            }
            ranked(&entries, into: &menteeRanks, base: i * m)
            menteeOptions[i] = entries.count
            orders.append(entries.map { ($0.other, $0.load) })
        }
        for j in 0..<m { ranked(&byMentor[j], into: &mentorRanks, base: j * n) }
        self.menteeOptions = menteeOptions
        mentorOptions = byMentor.map(\.count)
    }

    /// Mentee i's allowed mentors, most preferred first (ties by mentor index).
    func menteeOrder(_ i: Int) -> [(mentor: Int, load: Double)] { orders[i] }

    /// Mentee i's rank of mentor j (1 = first choice), 0 when the pair is not allowed.
    func menteeRank(mentee i: Int, mentor j: Int) -> Int32 { menteeRanks[i * mentorCount + j] }

    /// Mentor j's rank of mentee i (1 = first choice), 0 when the pair is not allowed.
    func mentorRank(mentor j: Int, mentee i: Int) -> Int32 { mentorRanks[j * menteeCount + i] }
}
