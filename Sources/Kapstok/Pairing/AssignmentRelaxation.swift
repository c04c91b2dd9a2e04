/// The Lagrangian relaxation of the assignment rows of a generalised assignment problem, with a
/// primal heuristic and variable fixing built on it: what makes the OR-Library gapb–gapd
/// instances provable by GLPK's branch-and-cut.
///
/// Every job must go to exactly one agent (`Σ_i x_ij = 1`) and no agent may exceed its capacity
/// (`Σ_j a_ij x_ij ≤ b_i`, whole-number loads). Relaxing the assignment rows with multipliers
/// `u_j` leaves one 0-1 knapsack per agent, solved exactly by dynamic programming over its
/// capacity:
///
///     L(u) = Σ_j u_j + Σ_i max { Σ_j (v_ij − u_j) x_ij : Σ_j a_ij x_ij ≤ b_i, x ∈ {0,1} }
///
/// `L(u)` bounds the best assignment's value from above for every `u` (the relaxation drops
/// constraints; at its best `u` it equals the LP bound with each knapsack replaced by its convex
/// hull, so it is at least as tight as the LP relaxation). The multipliers follow subgradient
/// steps `u ← u − t·(1 − Σ_i x_ij)` with Polyak's step length (Fisher 1981, *Management Science*
/// 27:1–18; Fisher, Jaikumar and Van Wassenhove 1986, *Management Science* 32:1095–1103).
///
/// Each relaxed solution is repaired into a full assignment (a job taken by several agents stays
/// with its best one, a job taken by none goes to the best agent it still fits) and improved by
/// shift and swap moves; the best one is the incumbent `z*`.
///
/// **Fixing.** A pair `(j, i)` not chosen by agent `i`'s knapsack can be forced in at a cost: its
/// Lagrangian bound is `L − K_i + (v_ij − u_j) + D_i[b_i − a_ij]`, with `D_i[c]` the best
/// knapsack value at capacity `c` (the dynamic programme's table; exact for pairs of
/// non-positive reduced value, an upper bound otherwise). When that bound cannot beat `z*`
/// (by a whole unit for whole-number values), no assignment better than the incumbent uses the
/// pair, and it is fixed to 0 — the incumbent's own pairs are never fixed. A model over the
/// remaining pairs then holds the incumbent and every better assignment, so its proven bound,
/// and `max(z*, L)`, bound the original problem.
struct AssignmentRelaxation {
    /// A pair that may be chosen: job, agent, value (maximised), whole-number weight.
    struct Item {
        var job: Int
        var agent: Int
        var value: Double
        var weight: Int
    }

    let jobCount: Int
    let agentCount: Int
    let items: [Item]
    /// Whole-number values: bounds round down and improvements count in whole units.
    let integral: Bool
    /// Capacity of each agent left once the pinned jobs are placed.
    private let capacity: [Int]
    /// The pinned item of a job, if any.
    private let pinned: [Int?]
    /// Value of the pinned items (a constant of every assignment).
    private let pinnedValue: Double
    /// `itemAt[j * agentCount + i]`: the item of job `j` with agent `i`, or -1.
    private let itemAt: [Int]
    /// Items of each agent, not pinned.
    private let itemsOfAgent: [[Int]]
    /// Items of each job.
    private let itemsOfJob: [[Int]]

    /// Items proven unable to appear in an assignment better than the incumbent.
    private(set) var fixed: [Bool]
    /// The best assignment found: an item per job (`nil` for jobs without items).
    private(set) var incumbent: [Int?]?
    private(set) var incumbentValue = -Double.infinity
    /// The least Lagrangian bound seen (`+∞` before the first iteration).
    private(set) var bound = Double.infinity
    private(set) var iterations = 0
    /// A value known to be reached by some assignment elsewhere (a branch-and-bound incumbent):
    /// bounds, fixing and step lengths work against `max(incumbentValue, cutoff)`.
    var cutoff = -Double.infinity
    /// The multipliers at the least bound, and the knapsacks' choice there (for warm starts and
    /// branching).
    private(set) var multipliers: [Double] = []
    private(set) var relaxedChoice: [Bool] = []

    /// The value to beat: the incumbent's or the cutoff, whichever is higher.
    var threshold: Double { max(incumbentValue, cutoff) }

    /// Whether the bound shows that no assignment here beats ``threshold``.
    var isPruned: Bool {
        guard threshold > -Double.infinity else { return false }
        return integral ? (bound + 1e-6).rounded(.down) <= threshold : bound <= threshold + 1e-9 * (1 + abs(threshold))
    }

    /// Subgradient steps between two local-search bursts on the incumbent.
    static let searchInterval = 150
    /// Random perturbations per burst.
    static let kicksPerSearch = 30

    /// Most `Σ_i (b_i + 1)·items_i` cells a dynamic-programming pass may fill.
    static let cellLimit = 4_000_000

    /// A relaxation of these items, or `nil` when it does not apply: a weight or capacity that is
    /// not a whole number, knapsacks too large to tabulate, or pins that overfill an agent.
    ///
    /// - Parameters:
    ///   - jobs: jobs (0-based); a job with items must be assigned, one without is ignored.
    ///   - capacities: capacity of each agent (0-based), rounded down to a whole number.
    ///   - items: `(job, agent, value, weight)` with `weight` a whole number.
    ///   - pinned: job → the index in `items` it must take.
    init?(jobs: Int, capacities: [Double], items raw: [(job: Int, agent: Int, value: Double, weight: Double)],
          pinned pins: [Int: Int], excluded: [Bool]? = nil, integral: Bool) {
        jobCount = jobs
        agentCount = capacities.count
        self.integral = integral
        var items: [Item] = []
        items.reserveCapacity(raw.count)
        for entry in raw {
            guard entry.weight >= 0, entry.weight == entry.weight.rounded(), entry.weight < 1e9 else { return nil }
            items.append(Item(job: entry.job, agent: entry.agent, value: entry.value, weight: Int(entry.weight)))
        }
        self.items = items
        var capacity = capacities.map { $0.isFinite && $0 < 1e9 ? Int(max(0, ($0 + 1e-9).rounded(.down))) : -1 }
        var pinned = [Int?](repeating: nil, count: jobs)
        var pinnedValue = 0.0
        for (job, index) in pins {
            pinned[job] = index
            let item = items[index]
            guard capacity[item.agent] >= 0 else { return nil }
            capacity[item.agent] -= item.weight
            pinnedValue += item.value
            if capacity[item.agent] < 0 { return nil }
        }
        guard !capacity.contains(where: { $0 < 0 }) else { return nil }
        var itemAt = [Int](repeating: -1, count: jobs * agentCount)
        var itemsOfAgent = [[Int]](repeating: [], count: agentCount)
        var itemsOfJob = [[Int]](repeating: [], count: jobs)
        var fixed = [Bool](repeating: false, count: items.count)
        for (index, item) in items.enumerated() {
            itemAt[item.job * agentCount + item.agent] = index
            itemsOfJob[item.job].append(index)
            if let pin = pinned[item.job] {
                fixed[index] = pin != index
            } else if item.weight > capacity[item.agent] || excluded?[index] == true {
                fixed[index] = true  // never fits
            } else {
                itemsOfAgent[item.agent].append(index)
            }
        }
        var cells = 0
        for (agent, list) in itemsOfAgent.enumerated() {
            let total = list.reduce(0) { $0 + items[$1].weight }
            cells += (min(capacity[agent], total) + 1) * list.count
        }
        guard cells <= Self.cellLimit else { return nil }
        self.capacity = capacity
        self.pinned = pinned
        self.pinnedValue = pinnedValue
        self.itemAt = itemAt
        self.itemsOfAgent = itemsOfAgent
        self.itemsOfJob = itemsOfJob
        self.fixed = fixed
    }

    /// Whether the bound proves the incumbent optimal.
    var isProven: Bool {
        incumbent != nil && provenBound <= incumbentValue + (integral ? 0 : 1e-9 * (1 + abs(incumbentValue)))
    }

    /// The bound as proven: `L` rounded down for whole-number values (less a rounding margin of
    /// 1e-6), never below the incumbent.
    var provenBound: Double {
        let rounded = integral ? (bound + 1e-6).rounded(.down) : bound + 1e-9 * (1 + abs(bound))
        return max(rounded, incumbentValue)
    }

    /// Whether item `index` must stay in a model that is to hold the incumbent and every better
    /// assignment.
    func isKept(_ index: Int) -> Bool {
        !fixed[index] || incumbent?[items[index].job] == index
    }

    // MARK: Subgradient search

    /// Runs subgradient steps until the bound proves the incumbent, the step length has
    /// shrunk away, `iterationLimit` steps are done or `deadline` passes.
    mutating func run(
        iterationLimit: Int, deadline: ContinuousClock.Instant?, start: [Double]? = nil, step initialStep: Double = 2.0,
        searching: Bool = true
    ) {
        let free = (0..<jobCount).filter { pinned[$0] == nil && !itemsOfJob[$0].isEmpty }
        guard !free.isEmpty else {
            // Everything pinned: the pins are the assignment.
            incumbent = (0..<jobCount).map { pinned[$0] }
            incumbentValue = pinnedValue
            bound = pinnedValue
            return
        }
        // Start each multiplier at the job's second-best value: its best agent then sees a
        // positive reduced value, the others none.
        var u = [Double](repeating: 0, count: jobCount)
        for j in free {
            var first = -Double.infinity
            var second = -Double.infinity
            for k in itemsOfJob[j] where !fixed[k] {
                let v = items[k].value
                if v > first { second = first; first = v } else if v > second { second = v }
            }
            u[j] = second.isFinite ? second : (first.isFinite ? first - 1 : 0)
        }
        if let start { u = start }
        var step = initialStep
        var sinceImprovement = 0
        var random = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
        var tables = KnapsackTables(agentCount: agentCount)
        var chosen = [Bool](repeating: false, count: items.count)
        var taken = [Int](repeating: 0, count: jobCount)
        while iterations < iterationLimit {
            if iterations % 8 == 0, deadline.hasPassed { break }
            iterations += 1
            var value = pinnedValue
            for j in free { value += u[j] }
            var knapsack = [Double](repeating: 0, count: agentCount)
            for i in 0..<agentCount {
                knapsack[i] = tables.solve(
                    agent: i, items: itemsOfAgent[i], self, u: u, capacity: capacity[i], excluded: fixed, chosen: &chosen)
                value += knapsack[i]
            }
            if value < bound - 1e-12 * (1 + abs(value)) {
                bound = value
                multipliers = u
                relaxedChoice = chosen
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 15 {
                    step /= 2
                    sinceImprovement = 0
                }
            }
            for j in free { taken[j] = 0 }
            for (k, item) in items.enumerated() where chosen[k] { taken[item.job] += 1 }
            var norm = 0.0
            for j in free {
                let g = Double(1 - taken[j])
                norm += g * g
            }
            repair(chosen: chosen)
            if searching, iterations % Self.searchInterval == 0 { search(kicks: Self.kicksPerSearch, random: &random) }
            fix(multipliers: u, knapsack: knapsack, total: value, tables: tables, chosen: chosen)
            if isProven || isPruned || norm == 0 || step < 1e-4 { break }
            let target = threshold > -Double.infinity ? threshold : value - 0.05 * (abs(value) + 1)
            let length = step * max(value - target, 1e-6 * (1 + abs(value))) / norm
            for j in free { u[j] -= length * Double(1 - taken[j]) }
        }
    }

    /// Fixes to 0 every unchosen item whose forced-in bound cannot beat the incumbent.
    private mutating func fix(multipliers u: [Double], knapsack: [Double], total: Double, tables: KnapsackTables, chosen: [Bool]) {
        let threshold = threshold
        guard threshold > -Double.infinity else { return }
        let margin = integral ? 1 - 1e-6 : -1e-9 * (1 + abs(threshold))
        for i in 0..<agentCount {
            let best = tables.best[i]
            for k in itemsOfAgent[i] where !fixed[k] && !chosen[k] {
                let item = items[k]
                let room = capacity[i] - item.weight
                let forced = total - knapsack[i] + (item.value - u[item.job]) + best[min(room, best.count - 1)]
                if forced < threshold + margin && incumbent?[item.job] != k { fixed[k] = true }
            }
        }
    }

    // MARK: Primal heuristic

    /// Turns a relaxed solution into a full assignment, improves it by local search and keeps it
    /// when it beats the incumbent.
    private mutating func repair(chosen: [Bool]) {
        var room = capacity
        var assignment = [Int](repeating: -1, count: jobCount)
        var pending: [Int] = []
        // Jobs some knapsack took: the best such agent that still has room.
        var takers = [[Int]](repeating: [], count: jobCount)
        for (k, item) in items.enumerated() where chosen[k] { takers[item.job].append(k) }
        for j in 0..<jobCount where !itemsOfJob[j].isEmpty {
            if let pin = pinned[j] {
                assignment[j] = pin
                continue
            }
            if takers[j].count == 1 {
                let k = takers[j][0]
                assignment[j] = k
                room[items[k].agent] -= items[k].weight
            } else {
                pending.append(j)
            }
        }
        // Then the others, hardest to place first, each to its best agent with room.
        func lightest(_ j: Int) -> Int { itemsOfJob[j].map { items[$0].weight }.min() ?? 0 }
        let order = pending.map { (job: $0, weight: lightest($0), taken: takers[$0].isEmpty ? 1 : 0) }
            .sorted { ($0.taken, -$0.weight, $0.job) < ($1.taken, -$1.weight, $1.job) }
        for (j, _, _) in order {
            var pick = -1
            for k in (takers[j].isEmpty ? itemsOfJob[j] : takers[j]) where items[k].weight <= room[items[k].agent] {
                if pick < 0 || items[k].value > items[pick].value { pick = k }
            }
            if pick < 0 {
                for k in itemsOfJob[j] where items[k].weight <= room[items[k].agent] {
                    if pick < 0 || items[k].value > items[pick].value { pick = k }
                }
            }
            guard pick >= 0 else { return }  // no room anywhere: this round gives no assignment
            assignment[j] = pick
            room[items[pick].agent] -= items[pick].weight
        }
        improve(&assignment, room: &room)
        var value = 0.0
        for k in assignment where k >= 0 { value += items[k].value }
        if value > incumbentValue {
            incumbentValue = value
            incumbent = assignment.map { $0 >= 0 ? $0 : nil }
        }
    }

    /// Iterated local search from the incumbent: `kicks` times, move two or three random jobs
    /// to random agents they fit, improve by shifts, swaps and ejection chains, and keep the
    /// result when it beats the incumbent. Deterministic for a given generator state.
    private mutating func search(kicks: Int, random: inout SplitMix64) {
        guard let start = incumbent else { return }
        let movable = (0..<jobCount).filter { pinned[$0] == nil && start[$0] != nil }
        guard !movable.isEmpty else { return }
        var best = start.map { $0 ?? -1 }
        var bestValue = incumbentValue
        var room = capacity
        for k in best where k >= 0 && pinned[items[k].job] == nil { room[items[k].agent] -= items[k].weight }
        var bestRoom = room
        var chained = best
        improve(&chained, room: &room, chains: true)
        var value = chained.reduce(0.0) { $1 >= 0 ? $0 + items[$1].value : $0 }
        if value > bestValue { best = chained; bestValue = value; bestRoom = room }
        for _ in 0..<kicks {
            var assignment = best
            room = bestRoom
            let count = 2 + Int(random.uniform(below: 2))
            for _ in 0..<count {
                let j = movable[Int(random.uniform(below: UInt64(movable.count)))]
                let current = items[assignment[j]]
                let options = itemsOfJob[j].filter {
                    items[$0].agent != current.agent && items[$0].weight <= room[items[$0].agent]
                }
                guard !options.isEmpty else { continue }
                let k = options[Int(random.uniform(below: UInt64(options.count)))]
                room[current.agent] += current.weight
                room[items[k].agent] -= items[k].weight
                assignment[j] = k
            }
            improve(&assignment, room: &room, chains: true)
            value = assignment.reduce(0.0) { $1 >= 0 ? $0 + items[$1].value : $0 }
            if value > bestValue + (integral ? 0.5 : 1e-12) {
                best = assignment
                bestValue = value
                bestRoom = room
            }
        }
        if bestValue > incumbentValue {
            incumbentValue = bestValue
            incumbent = best.map { $0 >= 0 ? $0 : nil }
        }
    }

    /// Shift and swap moves (and, with `chains`, ejection chains of two shifts) until none
    /// improves (or a pass limit).
    private func improve(_ assignment: inout [Int], room: inout [Int], chains: Bool = false) {
        let gain = integral ? 0.5 : 1e-12
        let movable = (0..<jobCount).filter { pinned[$0] == nil && assignment[$0] >= 0 }
        for _ in 0..<20 {
            var improved = false
            for j in movable {
                let current = items[assignment[j]]
                var best = -1
                var bestGain = gain
                for k in itemsOfJob[j] where items[k].agent != current.agent && items[k].weight <= room[items[k].agent] {
                    let delta = items[k].value - current.value
                    if delta > bestGain { best = k; bestGain = delta }
                }
                if best >= 0 {
                    room[current.agent] += current.weight
                    room[items[best].agent] -= items[best].weight
                    assignment[j] = best
                    improved = true
                }
            }
            for (position, j1) in movable.enumerated() {
                for j2 in movable[(position + 1)...] {
                    let first = items[assignment[j1]]
                    let second = items[assignment[j2]]
                    guard first.agent != second.agent else { continue }
                    let k1 = itemAt[j1 * agentCount + second.agent]
                    let k2 = itemAt[j2 * agentCount + first.agent]
                    guard k1 >= 0, k2 >= 0 else { continue }
                    let delta = items[k1].value + items[k2].value - first.value - second.value
                    guard delta > gain,
                          room[first.agent] + first.weight - items[k2].weight >= 0,
                          room[second.agent] + second.weight - items[k1].weight >= 0
                    else { continue }
                    room[first.agent] += first.weight - items[k2].weight
                    room[second.agent] += second.weight - items[k1].weight
                    assignment[j1] = k1
                    assignment[j2] = k2
                    improved = true
                }
            }
            if !improved && chains { improved = chain(&assignment, room: &room, movable: movable, gain: gain) }
            if !improved { break }
        }
    }

    /// The first improving ejection chain: job `j1` moves to an agent without room for it, which
    /// makes room by moving one of its jobs `j2` to a third agent (or to `j1`'s). Whether one
    /// was applied.
    private func chain(_ assignment: inout [Int], room: inout [Int], movable: [Int], gain: Double) -> Bool {
        var jobsOf = [[Int]](repeating: [], count: agentCount)
        for j in movable { jobsOf[items[assignment[j]].agent].append(j) }
        for j1 in movable {
            let first = items[assignment[j1]]
            for k1 in itemsOfJob[j1] {
                let target = items[k1]
                guard target.agent != first.agent, target.weight > room[target.agent] else { continue }
                let lift = target.value - first.value
                for j2 in jobsOf[target.agent] {
                    let second = items[assignment[j2]]
                    guard room[target.agent] + second.weight >= target.weight else { continue }
                    for k2 in itemsOfJob[j2] {
                        let landing = items[k2]
                        guard landing.agent != target.agent else { continue }
                        let free = room[landing.agent] + (landing.agent == first.agent ? first.weight : 0)
                        guard landing.weight <= free, lift + landing.value - second.value > gain else { continue }
                        room[first.agent] += first.weight
                        room[target.agent] += second.weight - target.weight
                        room[landing.agent] -= landing.weight
                        assignment[j1] = k1
                        assignment[j2] = k2
                        return true
                    }
                }
            }
        }
        return false
    }
}

/// The dynamic-programming tables of the agents' knapsacks, reused between iterations.
private struct KnapsackTables {
    /// `best[i][c]`: the best reduced value agent `i`'s knapsack reaches within capacity `c`.
    var best: [[Double]]
    /// Whether item `position` improved cell `c`, row-major; reused.
    private var took: [Bool] = []

    init(agentCount: Int) {
        best = [[Double]](repeating: [0], count: agentCount)
    }

    /// Solves agent `agent`'s knapsack over its items of positive reduced value, marks the chosen
    /// ones in `chosen` (clearing its other items) and returns its value.
    mutating func solve(
        agent: Int, items list: [Int], _ relaxation: AssignmentRelaxation, u: [Double], capacity: Int,
        excluded: [Bool], chosen: inout [Bool]
    ) -> Double {
        var candidates: [(index: Int, profit: Double, weight: Int)] = []
        var total = 0
        for k in list {
            chosen[k] = false
            guard !excluded[k] else { continue }
            let item = relaxation.items[k]
            let profit = item.value - u[item.job]
            if profit > 0 {
                candidates.append((k, profit, item.weight))
                total += item.weight
            }
        }
        let size = min(capacity, total) + 1
        var table = [Double](repeating: 0, count: size)
        let cells = size * candidates.count
        if took.count < cells { took = [Bool](repeating: false, count: cells) }
        for (position, candidate) in candidates.enumerated() {
            let row = position * size
            var c = size - 1
            while c >= 0 {
                var better = false
                if c >= candidate.weight {
                    let with = table[c - candidate.weight] + candidate.profit
                    if with > table[c] {
                        table[c] = with
                        better = true
                    }
                }
                took[row + c] = better
                c -= 1
            }
        }
        var c = size - 1
        for position in candidates.indices.reversed() where took[position * size + c] {
            chosen[candidates[position].index] = true
            c -= candidates[position].weight
        }
        best[agent] = table
        return table[size - 1]
    }
}


