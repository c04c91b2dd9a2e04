/// Places each track inside the week the model chose: one of its options (day, start), so that
/// consecutive sessions of a pair are `7·min … 7·max` days apart and no person has two sessions
/// that overlap.
///
/// Tracks constrain each other only when they are consecutive sessions of a pair in boundary
/// weeks (exactly min or max weeks apart), or share a person in the same week; each connected
/// component of those constraints is searched depth first, in date order, keeping the assignment
/// with the lowest sum of option ranks (options are listed best first). The search stops after
/// ``nodeLimit`` nodes with the best assignment found; a component without one is returned so
/// that the week model can cut that combination off.
struct DayPlacement {
    let problem: GroupProblem
    /// The run's deadline: the search stops there too (checked every 1,000 nodes).
    var deadline: ContinuousClock.Instant? = nil
    static let nodeLimit = 20_000

    enum Outcome {
        case placed([GroupProblem.Option?])
        /// The tracks (with their weeks) that cannot be placed together.
        case conflict([(track: Int, week: Int)])
    }

    func place(weeks: [Int?]) -> Outcome {
        let tracks = problem.tracks
        let placed = weeks.indices.filter { weeks[$0] != nil }
        var optionsOf: [Int: [GroupProblem.Option]] = Dictionary(uniqueKeysWithValues: placed.map { t in
            (t, problem.options(t, tracks[t].weeks.firstIndex(of: weeks[t]!)!))
        })
        // Along each pair's chain, keep only the days that lie on some walk keeping every gap
        // (forward and backward), so that the search below never meets a dead end the chain
        // alone decides; an empty track means that run of weeks is impossible.
        for start in placed where start == 0 || weeks[start - 1] == nil || tracks[start - 1].pair != tracks[start].pair {
            var chain = [start]
            while let last = chain.last, last + 1 < tracks.count, weeks[last + 1] != nil,
                tracks[last + 1].pair == tracks[last].pair, tracks[last + 1].number == tracks[last].number + 1
            {
                chain.append(last + 1)
            }
            guard chain.count > 1 else { continue }
            let maxGap = problem.maxGap(pair: tracks[start].pair)
            func keeps(_ a: Int, _ b: Int) -> Bool { b - a >= problem.minGapDays && b - a <= maxGap }
            var days = chain.map { Set(optionsOf[$0]!.map(\.day)) }
            for i in 1..<chain.count { days[i] = days[i].filter { d in days[i - 1].contains { keeps($0, d) } } }
            for i in stride(from: chain.count - 2, through: 0, by: -1) {
                days[i] = days[i].filter { d in days[i + 1].contains { keeps(d, $0) } }
            }
            if let empty = days.firstIndex(where: \.isEmpty) {
                return .conflict(chain.prefix(through: max(empty, 1)).map { ($0, weeks[$0]!) })
            }
            for (i, t) in chain.enumerated() { optionsOf[t]!.removeAll { !days[i].contains($0.day) } }
        }
        // Constraint graph.
        var neighbours: [Int: [Int]] = [:]
        func link(_ a: Int, _ b: Int) {
            neighbours[a, default: []].append(b)
            neighbours[b, default: []].append(a)
        }
        var byPersonWeek: [Int: [Int: [Int]]] = [:]
        for t in placed {
            let people = problem.pairs[tracks[t].pair]
            for person in [people.mentee, people.mentor] { byPersonWeek[person, default: [:]][weeks[t]!, default: []].append(t) }
        }
        for (_, weeksOfPerson) in byPersonWeek {
            for (_, members) in weeksOfPerson where members.count > 1 {
                for x in members.indices { for y in members.indices where y > x { link(members[x], members[y]) } }
            }
        }
        for t in placed {
            let next = t + 1
            guard next < tracks.count, tracks[next].pair == tracks[t].pair, tracks[next].number == tracks[t].number + 1,
                let weekA = weeks[t], let weekB = weeks[next]
            else { continue }
            let gap = weekB - weekA
            if gap == problem.minGapDays || gap == problem.maxGap(pair: tracks[t].pair) { link(t, next) }
        }
        // Components, in date order.
        var component = [Int: Int]()
        var components: [[Int]] = []
        for t in placed.sorted(by: { (weeks[$0]!, $0) < (weeks[$1]!, $1) }) where component[t] == nil {
            var stack = [t]
            var members: [Int] = []
            component[t] = components.count
            while let x = stack.popLast() {
                members.append(x)
                for y in neighbours[x] ?? [] where component[y] == nil {
                    component[y] = components.count
                    stack.append(y)
                }
            }
            components.append(members.sorted { (weeks[$0]!, optionsOf[$0]!.count, $0) < (weeks[$1]!, optionsOf[$1]!.count, $1) })
        }
        var result = [GroupProblem.Option?](repeating: nil, count: tracks.count)
        for members in components {
            guard let chosen = search(members, options: optionsOf) else {
                // The smallest conflict to cut: a run of one pair's sessions whose days cannot
                // keep the gaps, or one person's sessions in one week, when those alone cannot be
                // placed; otherwise the whole component.
                if let run = infeasibleRun(members, weeks: weeks) { return .conflict(run) }
                for (_, weeksOfPerson) in byPersonWeek.sorted(by: { $0.key < $1.key }) {
                    for (week, cluster) in weeksOfPerson.sorted(by: { $0.key < $1.key })
                    where cluster.count > 1 && cluster.allSatisfy(members.contains) && search(cluster, options: optionsOf) == nil {
                        return .conflict(cluster.map { ($0, week) })
                    }
                }
                return .conflict(members.map { ($0, weeks[$0]!) })
            }
            for (t, option) in zip(members, chosen) { result[t] = option }
        }
        return .placed(result)
    }

    /// The shortest run of consecutive sessions of one pair among `members` whose weeks leave
    /// no days that keep the gaps.
    private func infeasibleRun(_ members: [Int], weeks: [Int?]) -> [(track: Int, week: Int)]? {
        let tracks = problem.tracks
        let set = Set(members)
        var best: [(track: Int, week: Int)]?
        for start in members.sorted() {
            var run: [(track: Int, week: Int)] = []
            var t = start
            while set.contains(t), let week = weeks[t], let k = tracks[t].weeks.firstIndex(of: week) {
                run.append((t, k))
                if run.count > 1, !problem.chainFeasible(run) {
                    if best == nil || run.count < best!.count { best = run.map { ($0.track, tracks[$0.track].weeks[$0.week]) } }
                    break
                }
                t += 1
                guard t < tracks.count, tracks[t].pair == tracks[start].pair, tracks[t].number == tracks[t - 1].number + 1 else { break }
            }
        }
        return best
    }

    private func search(_ members: [Int], options: [Int: [GroupProblem.Option]]) -> [GroupProblem.Option]? {
        if members.count == 1 { return options[members[0]]!.first.map { [$0] } }
        let tracks = problem.tracks
        var chosen = [GroupProblem.Option?](repeating: nil, count: members.count)
        var best: [GroupProblem.Option]?
        var bestCost = Int.max
        var nodes = 0
        func consistent(_ index: Int, _ option: GroupProblem.Option) -> Bool {
            let t = members[index]
            let people = problem.pairs[tracks[t].pair]
            for (other, value) in chosen.enumerated() {
                guard let value else { continue }
                let u = members[other]
                if tracks[u].pair == tracks[t].pair {
                    let gap = abs(value.day - option.day)
                    if abs(tracks[u].number - tracks[t].number) == 1 && (gap < problem.minGapDays || gap > problem.maxGap(pair: tracks[t].pair)) { return false }
                    continue
                }
                guard value.day == option.day else { continue }
                let o = problem.pairs[tracks[u].pair]
                if problem.clash(o, at: value.start, people, at: option.start) { return false }
            }
            return true
        }
        func visit(_ depth: Int, _ cost: Int) {
            nodes += 1
            if nodes > Self.nodeLimit || cost >= bestCost { return }
            if nodes % 1000 == 0, let deadline, ContinuousClock.now >= deadline { nodes = Self.nodeLimit + 1; return }
            if depth == members.count {
                best = chosen.map { $0! }
                bestCost = cost
                return
            }
            for (rank, option) in options[members[depth]]!.enumerated() where consistent(depth, option) {
                chosen[depth] = option
                // Forward check: every later track must keep an option, or this one is wrong.
                let open = (depth + 1..<members.count).allSatisfy { later in
                    options[members[later]]!.contains { consistent(later, $0) }
                }
                if open { visit(depth + 1, cost + rank) }
                chosen[depth] = nil
                if bestCost == 0 || nodes > Self.nodeLimit { return }
            }
        }
        visit(0, 0)
        return best
    }
}
