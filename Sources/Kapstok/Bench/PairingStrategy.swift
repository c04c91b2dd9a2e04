import LinearModel

/// How a strategy run should go: the optimiser's time limit, the random strategy's seed.
public struct StrategyOptions: Sendable {
    /// Wall-clock limit for the optimiser, in seconds; `nil` means none. Heuristics ignore it.
    public var timeLimit: Double?

    public init(timeLimit: Double? = nil) {
        self.timeLimit = timeLimit
    }
}

/// A given pair that breaks a hard rule or overfills its mentor (``ManualStrategy``).
public struct PairViolation: Sendable, Hashable {
    public let mentee: Int
    public let mentor: Int
    /// The hard rules the pair breaks (``Eligibility/exclusions(mentee:mentor:)``, plus
    /// `not_scored` in scores mode for a pair missing from scores.csv); empty when only the
    /// capacity is exceeded.
    public let rules: [ExclusionRule]
    /// Whether taking this pair (in the given order) exceeds the mentor's capacity.
    public let overCapacity: Bool
    /// Whether the mentee was already paired by an earlier given pair (this one is ignored).
    public let duplicateMentee: Bool

    public init(mentee: Int, mentor: Int, rules: [ExclusionRule], overCapacity: Bool, duplicateMentee: Bool) {
        self.mentee = mentee
        self.mentor = mentor
        self.rules = rules
        self.overCapacity = overCapacity
        self.duplicateMentee = duplicateMentee
    }
}

/// What a strategy returns: one mentor index or `nil` per mentee, with status and time.
public struct StrategyResult: Sendable {
    /// The strategy's stable name: `optimal`, `fair`, `greedy`, `stable`, `random`, `manual`.
    public var strategy: String
    /// For each mentee (round order), the mentor index, or `nil`.
    public var assignment: [Int?]
    /// `optimal`/`fair`: the optimiser's status; heuristics and manual: `feasible`.
    public var status: PairingStatus
    /// Wall-clock seconds of the strategy (scoring not included: the round is prepared once).
    public var seconds: Double
    /// For `manual`: every given pair that breaks a rule; empty otherwise.
    public var violations: [PairViolation]

    public init(strategy: String, assignment: [Int?], status: PairingStatus, seconds: Double, violations: [PairViolation] = []) {
        self.strategy = strategy
        self.assignment = assignment
        self.status = status
        self.seconds = seconds
        self.violations = violations
    }
}

/// A way to pair a prepared round: the optimiser, a simple rule people use today, or a given
/// pairing. Every strategy sees the same candidates (the round's allowed pairs) and hard rules
/// (pins, capacities); only ``ManualStrategy`` may return pairs outside them.
public protocol PairingStrategy: Sendable {
    /// The stable snake_case name used in reports.
    var name: String { get }
    func pair(_ prepared: PreparedRound, options: StrategyOptions) throws -> StrategyResult
}

/// The optimiser: ``PairingSolver`` with objective `total` (name `optimal`) or `fair` (`fair`).
public struct OptimalStrategy: PairingStrategy {
    public let solver: any Solver
    public let objective: PairingObjective

    public init(solver: any Solver, objective: PairingObjective = .total) {
        self.solver = solver
        self.objective = objective
    }

    public var name: String { objective == .total ? "optimal" : "fair" }

    public func pair(_ prepared: PreparedRound, options: StrategyOptions) throws -> StrategyResult {
        let outcome = try self.outcome(prepared, options: options)
        return StrategyResult(strategy: name, assignment: outcome.assignment, status: outcome.status, seconds: outcome.solveSeconds)
    }

    /// The optimiser's whole outcome (bound, gap, method), which ``pair(_:options:)`` reduces to
    /// a ``StrategyResult``.
    public func outcome(_ prepared: PreparedRound, options: StrategyOptions) throws -> PairingOutcome {
        try outcome(prepared, pairing: PairingOptions(objective: objective, timeLimit: options.timeLimit))
    }

    /// The outcome with every optimiser option (a start pairing, candidate counts): the one path
    /// to ``PairingSolver`` that ``PreparedRound/solve(using:options:)`` (`kapstok match`) and the
    /// bench share. The strategy's objective wins over `pairing.objective`.
    public func outcome(_ prepared: PreparedRound, pairing: PairingOptions) throws -> PairingOutcome {
        var options = pairing
        options.objective = objective
        return try PairingSolver(solver: solver).solve(prepared.problem, options: options)
    }
}

/// Allowed pairs taken in a fixed order while the mentee is free and the mentor's capacity
/// lasts, pins first (``CapacityFill``, the fill every heuristic and the optimiser's start share).
///
/// - ``Order/highestScore`` (the bench's `greedy`): highest-score pair first (ties: lower mentee
///   index, then lower mentor index).
/// - ``Order/scarcestMentee`` (`greedy_scarcest`, the optimiser's greedy start): mentees with
///   the fewest allowed mentors first (ties: lower index), each taking its best-scoring mentor
///   with room (ties: the first in the table's order), so that the start matches many mentees.
///
/// - Complexity: O(P log P) for P allowed pairs.
public struct GreedyStrategy: PairingStrategy {
    /// The order in which pairs are offered to the fill.
    public enum Order: Sendable, Hashable {
        case highestScore
        case scarcestMentee
    }

    public let order: Order

    public init(order: Order = .highestScore) {
        self.order = order
    }

    public var name: String { order == .highestScore ? "greedy" : "greedy_scarcest" }

    public func pair(_ prepared: PreparedRound, options: StrategyOptions) throws -> StrategyResult {
        let started = ContinuousClock.now
        let assignment = filled(CapacityFill(prepared.problem), prepared.problem)
        return StrategyResult(strategy: name, assignment: assignment, status: .feasible, seconds: PairingSolver.seconds(since: started))
    }

    /// The pairing the column-generation core starts from (every load 1): the fill over each
    /// mentor's whole places (``PairingProblem/places``), pins first.
    func startPairing(_ problem: PairingProblem) -> [Int?] {
        filled(CapacityFill(places: problem), problem)
    }

    private func filled(_ fill: CapacityFill, _ problem: PairingProblem) -> [Int?] {
        switch order {
        case .highestScore:
            var pairs = CapacityFill.candidates(problem)
            pairs.sort { ($0.score, -$0.mentee, -$0.mentor) > ($1.score, -$1.mentee, -$1.mentor) }
            return fill.filled(pairs)
        case .scarcestMentee:
            return fill.filledScarcestFirst(problem)
        }
    }
}

/// A uniformly random order of the allowed pairs (Fisher–Yates with ``SplitMix64`` from
/// `seed`), filled like ``GreedyStrategy``; deterministic from the seed.
public struct RandomStrategy: PairingStrategy {
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    public var name: String { "random" }

    public func pair(_ prepared: PreparedRound, options: StrategyOptions) throws -> StrategyResult {
        let started = ContinuousClock.now
        var pairs = CapacityFill.candidates(prepared.problem)
        var random = SplitMix64(seed: seed)
        random.shuffle(&pairs)
        let assignment = CapacityFill(prepared.problem).filled(pairs)
        return StrategyResult(strategy: name, assignment: assignment, status: .feasible, seconds: PairingSolver.seconds(since: started))
    }
}

/// Mentee-proposing deferred acceptance with mentor capacities (Gale & Shapley 1962; the
/// hospitals/residents algorithm, Roth 1984), over allowed pairs only, pins placed first and
/// never displaced.
///
/// Preferences: ``Preferences`` (stated lists first, then score order; ties broken by index).
/// Each free mentee proposes to its next mentor; the mentor keeps the proposal while its capacity
/// lasts, else drops its least preferred mentees if they rank below the proposer and that makes
/// room, else rejects. With unit loads the result is the mentee-optimal stable matching: no
/// blocking pair. (With loads other than 1 stability is not guaranteed.)
///
/// - Complexity: O(P log P): every pair is proposed at most once, a heap per mentor.
public struct StableStrategy: PairingStrategy {
    public let stated: StatedPreferences

    public init(stated: StatedPreferences = StatedPreferences()) {
        self.stated = stated
    }

    public var name: String { "stable" }

    public func pair(_ prepared: PreparedRound, options: StrategyOptions) throws -> StrategyResult {
        let started = ContinuousClock.now
        let preferences = Preferences(prepared, stated: stated)
        let assignment = Self.deferredAcceptance(prepared.problem, preferences: preferences)
        return StrategyResult(strategy: name, assignment: assignment, status: .feasible, seconds: PairingSolver.seconds(since: started))
    }

    static func deferredAcceptance(_ problem: PairingProblem, preferences: Preferences) -> [Int?] {
        let n = problem.menteeCount
        let m = problem.mentorCount
        var fill = CapacityFill(problem)
        var assignment = fill.pinned
        // Per mentor, the mentees held (not pins) in a heap whose top is the least preferred:
        // key −(rank·n + mentee), so larger rank (then larger index) pops first.
        var held = [MinHeap](repeating: MinHeap(), count: m)
        var heldLoad = [[Int: Double]](repeating: [:], count: m)
        func key(_ i: Int, _ j: Int) -> Double { -Double(Int(preferences.mentorRank(mentor: j, mentee: i)) * n + i) }
        var next = [Int](repeating: 0, count: n)
        var free = (0..<n).filter { assignment[$0] == nil && problem.required[$0] == nil }.reversed() as [Int]
        while let i = free.popLast() {
            let list = preferences.menteeOrder(i)
            while next[i] < list.count {
                let (j, load) = list[next[i]]
                next[i] += 1
                if fill.fits(j, load) {
                    fill.take(j, load)
                    held[j].push(key(i, j), i)
                    heldLoad[j][i] = load
                    assignment[i] = j
                    break
                }
                // Drop the least preferred held mentees ranked below `i` until `i` fits.
                let mine = key(i, j)
                var dropped: [(Double, Int)] = []
                var freed = 0.0
                while !fill.fits(j, load - freed), let top = held[j].pop() {
                    if top.0 >= mine {  // not worse than i (keys are negated)
                        held[j].push(top.0, top.1)
                        break
                    }
                    dropped.append(top)
                    freed += heldLoad[j][top.1] ?? 1
                }
                if fill.fits(j, load - freed) {
                    for (_, k) in dropped {
                        fill.release(j, heldLoad[j][k] ?? 1)
                        heldLoad[j][k] = nil
                        assignment[k] = nil
                        free.append(k)
                    }
                    fill.take(j, load)
                    held[j].push(mine, i)
                    heldLoad[j][i] = load
                    assignment[i] = j
                    break
                }
                for (value, k) in dropped { held[j].push(value, k) }
            }
        }
        return assignment
    }
}

/// A given pairing, for example last year's pairings.csv: taken as given, in order, with every
/// pair that breaks a hard rule, overfills its mentor or repeats a mentee counted (not refused).
/// A mentee listed twice keeps its first pair. Indices out of range are skipped (the loader
/// reports unknown people).
public struct ManualStrategy: PairingStrategy {
    public let pairs: [(mentee: Int, mentor: Int)]

    public init(pairs: [(mentee: Int, mentor: Int)]) {
        self.pairs = pairs
    }

    public var name: String { "manual" }

    public func pair(_ prepared: PreparedRound, options: StrategyOptions) throws -> StrategyResult {
        let started = ContinuousClock.now
        let n = prepared.round.mentees.count
        let m = prepared.round.mentors.count
        var assignment = [Int?](repeating: nil, count: n)
        var used = [Double](repeating: 0, count: m)
        var violations: [PairViolation] = []
        let scores = BenchScores(prepared)
        for (i, j) in pairs where i >= 0 && i < n && j >= 0 && j < m {
            var rules = prepared.eligibility.exclusions(mentee: i, mentor: j)
            if rules.isEmpty && prepared.table.entry(mentee: i, mentor: j) == nil { rules = [.notScored] }
            if assignment[i] != nil {
                violations.append(PairViolation(mentee: i, mentor: j, rules: rules, overCapacity: false, duplicateMentee: true))
                continue
            }
            let load = scores.load(mentee: i, mentor: j)
            used[j] += load
            let over = used[j] > prepared.capacity[j] + 1e-9
            assignment[i] = j
            if !rules.isEmpty || over {
                violations.append(PairViolation(mentee: i, mentor: j, rules: rules, overCapacity: over, duplicateMentee: false))
            }
        }
        return StrategyResult(
            strategy: name, assignment: assignment, status: .feasible, seconds: PairingSolver.seconds(since: started),
            violations: violations)
    }
}

/// Mentor capacities in load units, pins placed first: the fill shared by the heuristics.
struct CapacityFill {
    let capacity: [Double]
    private(set) var used: [Double]
    /// The pins alone (in mentee order, while their mentor has room).
    private(set) var pinned: [Int?]
    private let required: [Int: Int]

    init(_ problem: PairingProblem) {
        capacity = problem.capacity
        required = problem.required
        used = [Double](repeating: 0, count: problem.mentorCount)
        pinned = [Int?](repeating: nil, count: problem.menteeCount)
        for (i, j) in problem.required.sorted(by: { $0.key < $1.key }) {
            guard let entry = problem.table.entry(mentee: i, mentor: j), fits(j, entry.load) else { continue }
            take(j, entry.load)
            pinned[i] = j
        }
    }

    /// The fill of the column-generation core (every load 1): each mentor's capacity is its whole
    /// places (``PairingProblem/places``), and the pins are ``PairingProblem/pinnedStart()``'s.
    init(places problem: PairingProblem) {
        let (pairing, placesLeft) = problem.pinnedStart()
        capacity = problem.places.map(Double.init)
        required = problem.required
        used = zip(problem.places, placesLeft).map { Double($0 - $1) }
        pinned = pairing
    }

    func fits(_ j: Int, _ load: Double) -> Bool { used[j] + load <= capacity[j] + 1e-9 }
    mutating func take(_ j: Int, _ load: Double) { used[j] += load }
    mutating func release(_ j: Int, _ load: Double) { used[j] -= load }

    /// The allowed pairs of mentees without a pin, in (mentee, mentor) order.
    static func candidates(_ problem: PairingProblem) -> [(mentee: Int, mentor: Int, score: Double, load: Double)] {
        var pairs: [(mentee: Int, mentor: Int, score: Double, load: Double)] = []
        for i in 0..<problem.menteeCount where problem.required[i] == nil {
            problem.table.forEachAllowed(mentee: i) { j, score, load in pairs.append((i, j, score, load)) }
        }
        return pairs
    }

    /// Mentees without a pin, the fewest allowed mentors first (ties: lower index), each taking
    /// its best-scoring allowed mentor with room (ties: the first in the table's order). One pass
    /// over the pairs per step, no sort of the pairs.
    func filledScarcestFirst(_ problem: PairingProblem) -> [Int?] {
        var state = self
        var assignment = pinned
        var options = [Int](repeating: 0, count: problem.menteeCount)
        for i in 0..<problem.menteeCount where assignment[i] == nil && required[i] == nil {
            problem.table.forEachAllowed(mentee: i) { _, _, _ in options[i] += 1 }
        }
        let order = (0..<problem.menteeCount).filter { options[$0] > 0 }.sorted { (options[$0], $0) < (options[$1], $1) }
        for i in order {
            var best: (score: Double, mentor: Int, load: Double)?
            problem.table.forEachAllowed(mentee: i) { j, score, load in
                if state.fits(j, load) && score > (best?.score ?? -.infinity) { best = (score, j, load) }
            }
            if let best {
                state.take(best.mentor, best.load)
                assignment[i] = best.mentor
            }
        }
        return assignment
    }

    /// Takes the pairs in the given order while the mentee is free and the mentor has room.
    func filled(_ pairs: [(mentee: Int, mentor: Int, score: Double, load: Double)]) -> [Int?] {
        var state = self
        var assignment = pinned
        for pair in pairs where assignment[pair.mentee] == nil && state.fits(pair.mentor, pair.load) {
            state.take(pair.mentor, pair.load)
            assignment[pair.mentee] = pair.mentor
        }
        return assignment
    }
}
