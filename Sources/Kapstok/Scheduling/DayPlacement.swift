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
    static let nodeLimit = 20_000

    enum Outcome {
        case placed([GroupProblem.Option?])
        /// The tracks (with their weeks) that cannot be placed together.
        case conflict([(track: Int, week: Int)])
    }

    func place(weeks: [Int?]) -> Outcome {
        let tracks = problem.tracks
        let placed = weeks.indices.filter { weeks[$0] != nil }
        let optionsOf: [Int: [GroupProblem.Option]] = Dictionary(uniqueKeysWithValues: placed.map { t in
            (t, tracks[t].options[tracks[t].weeks.firstIndex(of: weeks[t]!)!])
        })
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
                return .conflict(members.map { ($0, weeks[$0]!) })
            }
            for (t, option) in zip(members, chosen) { result[t] = option }
        }
        return .placed(result)
    }

    private func search(_ members: [Int], options: [Int: [GroupProblem.Option]]) -> [GroupProblem.Option]? {
        if members.count == 1 { return options[members[0]]!.first.map { [$0] } }
        let tracks = problem.tracks
        let length = problem.sessionMinutes
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
                let shares = o.mentee == people.mentee || o.mentee == people.mentor || o.mentor == people.mentee || o.mentor == people.mentor
                if shares && abs(value.start - option.start) < length { return false }
            }
            return true
        }
        func visit(_ depth: Int, _ cost: Int) {
            nodes += 1
            if nodes > Self.nodeLimit || cost >= bestCost { return }
            if depth == members.count {
                best = chosen.map { $0! }
                bestCost = cost
                return
            }
            for (rank, option) in options[members[depth]]!.enumerated() where consistent(depth, option) {
                chosen[depth] = option
                visit(depth + 1, cost + rank)
                chosen[depth] = nil
                if bestCost == 0 || nodes > Self.nodeLimit { return }
            }
        }
        visit(0, 0)
        return best
    }
}
