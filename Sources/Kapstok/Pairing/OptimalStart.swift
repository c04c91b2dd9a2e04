/// An optimal basis for the pairing LP restricted to a set of candidate pairs, computed outside
/// GLPK and handed to it as a warm start.
///
/// 1. The optimal pairing over the candidates, for the weights `M + s'_ij` (normalised scores), by shortest augmenting
///    paths (Crouse, *On implementing 2D rectangular assignment algorithms*, IEEE TAES 2016): one
///    row per mentor place (never more than the mentor's candidates), one column per mentee plus a
///    private "left empty" column per place.
/// 2. Dual values from shortest-path potentials `d` on the residual network of that pairing (no
///    negative cycle, since it is optimal): `u_i = max(0, d_i − d_S)`, `v_j = max(0, d_T − d_j)`
///    satisfy `u_i + v_j ≥ M + s_ij` on every candidate, with equality where complementary
///    slackness needs it (Ahuja, Magnanti & Orlin, *Network Flows*, §9.4).
/// 3. A basis: tight pairs and zero-dual slacks forming a forest in which each tree holds exactly
///    one slack, so the basis matrix is triangular.
///
/// GLPK then starts at an optimum of the restricted LP and only has to confirm it (and re-optimise
/// after pricing adds pairs); the proof of optimality over all pairs is still GLPK's basis and the
/// pricing of every pair with its duals.
struct OptimalStart {
    let problem: PairingProblem
    /// Candidate pairs per mentee: (mentor, score), duplicates allowed.
    let candidates: [[(mentor: Int, score: Double)]]
    let matchWeight: Double
    /// When to give up (the run's time limit): the searches below are not interruptible
    /// otherwise, and take seconds in the largest rounds.
    var deadline: ContinuousClock.Instant? = nil

    struct Result {
        var pairing: [Int?]
        var menteeDual: [Double]
        var mentorDual: [Double]
    }

    func solve() -> Result? {
        let n = problem.menteeCount
        let m = problem.mentorCount
        var (pairing, places) = problem.pinnedStart()
        guard problem.required.allSatisfy({ pairing[$0.key] == $0.value }) else { return nil }  // pins overfill a mentor
        var adjacency = [[(mentee: Int, score: Double)]](repeating: [], count: m)
        var seen = Set<Int>()
        var high = -Double.infinity
        for i in 0..<n where problem.required[i] == nil {
            for (j, score) in candidates[i] where seen.insert(i * m + j).inserted {
                adjacency[j].append((i, score))
                high = max(high, score)
            }
        }
        guard high > -.infinity else {
            // Nothing to choose: the pins alone, with every dual 0, are optimal.
            return Result(pairing: pairing, menteeDual: [Double](repeating: 0, count: n),
                          mentorDual: [Double](repeating: 0, count: m))
        }
        // One shortest-path search per place row: with far more fillable places than mentees
        // (capacities beyond demand) most searches end at their row's empty column after
        // exploring everything, so the start is left to GLPK (from the greedy pairing's basis).
        var fillable = 0
        for j in 0..<m { fillable += min(places[j], adjacency[j].count) }
        guard fillable <= 2 * n + 1000 else { return nil }
        guard assign(adjacency: adjacency, places: places, high: high, pairing: &pairing) else { return nil }
        return duals(adjacency: adjacency, places: places, pairing: pairing)
    }

    /// Step 1: the optimal pairing over the candidates (pins already in `pairing`).
    /// - Returns: `false` when the deadline passed first.
    private func assign(
        adjacency: [[(mentee: Int, score: Double)]], places: [Int], high: Double, pairing: inout [Int?]
    ) -> Bool {
        let n = problem.menteeCount
        var rowMentor: [Int] = []
        // One row per place that could be filled: never more than the mentor's candidates.
        for (j, count) in places.enumerated() where !adjacency[j].isEmpty {
            rowMentor += [Int](repeating: j, count: min(count, adjacency[j].count))
        }
        let rows = rowMentor.count
        let columns = n + rows
        let emptyCost = high + matchWeight  // cost(place, mentee) = high − s; empty: high + M
        var u = [Double](repeating: 0, count: rows)
        var v = [Double](repeating: 0, count: columns)
        var rowOfColumn = [Int](repeating: -1, count: columns)
        var columnOfRow = [Int](repeating: -1, count: rows)
        var distance = [Double](repeating: .infinity, count: columns)
        var previousRow = [Int](repeating: -1, count: columns)
        var settled = [Bool](repeating: false, count: columns)
        var touched: [Int] = []
        var visitedRows: [Int] = []
        var heap = MinHeap()
        // Among columns at the same distance a free one is taken first (its path ends there):
        // with many equal scores and large capacities, equal-distance assigned columns would
        // otherwise be explored one by one (2 mentors × 1,000 places and 2,000 identical mentees
        // took minutes). Heap values carry that preference: `column` when free, `column +
        // columns` when assigned.
        func code(_ column: Int) -> Int { rowOfColumn[column] < 0 ? column : column + columns }
        // A work budget: beyond it the start is left to GLPK (from the greedy pairing's basis).
        // Measured: 10,000 × 3,000 scans at most 8.5 million arcs per start, under a fifth of it.
        let arcs = adjacency.reduce(0) { $0 + $1.count }
        let budget = 40_000_000 + 400 * arcs
        var scanned = 0
        for start in 0..<rows {
            if start % 128 == 0, deadline.hasPassed { return false }
            if scanned > budget { return false }
            touched.removeAll(keepingCapacity: true)
            visitedRows.removeAll(keepingCapacity: true)
            heap.removeAll()
            var row = start
            var pathLength = 0.0
            var sink = -1
            while sink < 0 {
                visitedRows.append(row)
                scanned += adjacency[rowMentor[row]].count
                let base = pathLength - u[row]
                for (mentee, score) in adjacency[rowMentor[row]] where !settled[mentee] {
                    let reduced = base + (high - score) - v[mentee]
                    if reduced < distance[mentee] {
                        if distance[mentee] == .infinity { touched.append(mentee) }
                        distance[mentee] = reduced
                        previousRow[mentee] = row
                        heap.push(reduced, code(mentee))
                    }
                }
                let empty = n + row
                if !settled[empty] {
                    let reduced = base + emptyCost - v[empty]
                    if reduced < distance[empty] {
                        if distance[empty] == .infinity { touched.append(empty) }
                        distance[empty] = reduced
                        previousRow[empty] = row
                        heap.push(reduced, code(empty))
                    }
                }
                var next = -1
                while let (key, coded) = heap.pop() {
                    let column = coded >= columns ? coded - columns : coded
                    if settled[column] || key > distance[column] { continue }
                    next = column
                    break
                }
                guard next >= 0 else { break }
                settled[next] = true
                pathLength = distance[next]
                if rowOfColumn[next] < 0 { sink = next } else { row = rowOfColumn[next] }
            }
            guard sink >= 0 else { break }
            u[start] += pathLength
            for r in visitedRows where r != start { u[r] += pathLength - distance[columnOfRow[r]] }
            for column in touched where settled[column] { v[column] -= pathLength - distance[column] }
            var column = sink
            while true {
                let r = previousRow[column]
                rowOfColumn[column] = r
                let displaced = columnOfRow[r]
                columnOfRow[r] = column
                if r == start { break }
                column = displaced
            }
            for column in touched {
                distance[column] = .infinity
                settled[column] = false
            }
        }
        for r in 0..<rows where columnOfRow[r] >= 0 && columnOfRow[r] < n {
            pairing[columnOfRow[r]] = rowMentor[r]
        }
        return true
    }

    /// Step 2: duals from shortest-path potentials on the residual network (nodes: S, T, mentees,
    /// mentors), computed with a queue-based Bellman–Ford from a virtual root.
    private func duals(adjacency: [[(mentee: Int, score: Double)]], places: [Int], pairing: [Int?]) -> Result? {
        let n = problem.menteeCount
        let m = problem.mentorCount
        let source = 0
        let sink = 1
        func mentee(_ i: Int) -> Int { 2 + i }
        func mentor(_ j: Int) -> Int { 2 + n + j }
        let nodes = 2 + n + m
        var arcs = [[(to: Int, cost: Double)]](repeating: [], count: nodes)
        var load = [Int](repeating: 0, count: m)
        var matched = 0
        for i in 0..<n where problem.required[i] == nil {
            if let j = pairing[i] {
                load[j] += 1
                matched += 1
                arcs[mentee(i)].append((source, 0))
            } else {
                arcs[source].append((mentee(i), 0))
            }
        }
        for j in 0..<m {
            for (i, score) in adjacency[j] where problem.required[i] == nil {
                let weight = matchWeight + score
                if pairing[i] == j {
                    arcs[mentor(j)].append((mentee(i), weight))
                } else {
                    arcs[mentee(i)].append((mentor(j), -weight))
                }
            }
            if load[j] < places[j] { arcs[mentor(j)].append((sink, 0)) }
            if load[j] > 0 { arcs[sink].append((mentor(j), 0)) }
        }
        arcs[sink].append((source, 0))
        if matched > 0 { arcs[source].append((sink, 0)) }

        var distance = [Double](repeating: 0, count: nodes)
        var queued = [Bool](repeating: true, count: nodes)
        var queue = Array(0..<nodes)
        var head = 0
        var relaxations = 0
        let limit = 50 * nodes + 1_000_000
        let tolerance = 1e-9 * (matchWeight + 100)
        while head < queue.count {
            let node = queue[head]
            head += 1
            queued[node] = false
            for (to, cost) in arcs[node] where distance[node] + cost < distance[to] - tolerance {
                distance[to] = distance[node] + cost
                relaxations += 1
                if relaxations > limit { return nil }  // too slow (or a cycle): fall back
                if !queued[to] {
                    queued[to] = true
                    queue.append(to)
                }
            }
            if head > 4 * nodes {  // compact the queue
                queue.removeFirst(head)
                head = 0
            }
        }
        var menteeDual = [Double](repeating: 0, count: n)
        var mentorDual = [Double](repeating: 0, count: m)
        for i in 0..<n where problem.required[i] == nil && pairing[i] != nil {
            menteeDual[i] = max(0, distance[mentee(i)] - distance[source])
        }
        for j in 0..<m { mentorDual[j] = max(0, distance[sink] - distance[mentor(j)]) }
        return Result(pairing: pairing, menteeDual: menteeDual, mentorDual: mentorDual)
    }
}

/// A binary min-heap of (key, value) pairs; the caller skips stale entries.
struct MinHeap {
    private var keys: [Double] = []
    private var values: [Int] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    private func isLess(_ a: Int, _ b: Int) -> Bool {
        keys[a] < keys[b] || (keys[a] == keys[b] && values[a] < values[b])
    }

    mutating func push(_ key: Double, _ value: Int) {
        keys.append(key)
        values.append(value)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard isLess(child, parent) else { break }
            keys.swapAt(child, parent)
            values.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let key = keys.first, let value = values.first else { return nil }
        let lastKey = keys.removeLast()
        let lastValue = values.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            values[0] = lastValue
            var parent = 0
            while true {
                let left = 2 * parent + 1
                var smallest = parent
                if left < keys.count && isLess(left, smallest) { smallest = left }
                if left + 1 < keys.count && isLess(left + 1, smallest) { smallest = left + 1 }
                if smallest == parent { break }
                keys.swapAt(parent, smallest)
                values.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return (key, value)
    }
}
