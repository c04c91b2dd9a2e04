/// Who manages whom across mentors.csv, mentees.csv and org.csv: built once per round, and the
/// only place that walks `manager_id` chains (for the manager-chain rule, its explanations and
/// the loader's warnings about loops and unknown managers).
///
/// Precedence where sources disagree: a person's `manager_id` in mentors.csv wins, then
/// mentees.csv (someone in both files is one person; the loader reports two different managers
/// as an error), then org.csv — the people files are what HR prepared for this round, org.csv
/// fills in where they are empty and links people outside the program (the loader warns where
/// org.csv disagrees). A person named as their own manager has no manager edge (the loader
/// reports it as an error).
public struct ManagerChart: Sendable {
    /// Each person's manager, after precedence.
    public let managerOf: [String: String]
    /// Everyone known: the ids of both people files and of org.csv.
    public let knownIDs: Set<String>
    /// The program's people in file order (mentors, then mentees not already among them), then
    /// the org.csv ids not in the people files.
    public let order: [String]
    /// How many of ``order`` are the program's people (mentors and mentees).
    let programCount: Int

    /// Builds the chart of a round.
    public init(round: Round) {
        self.init(mentors: round.mentors, mentees: round.mentees, org: round.org)
    }

    /// Builds the chart from the people files and the org chart.
    public init(mentors: [Mentor], mentees: [Mentee], org: [OrgEntry] = []) {
        let count = mentors.count + mentees.count + org.count
        var managerOf: [String: String] = [:]
        managerOf.reserveCapacity(count)
        var known = Set<String>()
        known.reserveCapacity(count)
        var order: [String] = []
        order.reserveCapacity(count)
        func add(_ id: String, manager: String?) {
            if known.insert(id).inserted { order.append(id) }
            if let manager, manager != id, managerOf[id] == nil { managerOf[id] = manager }
        }
        for mentor in mentors { add(mentor.id, manager: mentor.managerID) }
        for mentee in mentees { add(mentee.id, manager: mentee.managerID) }
        programCount = order.count
        for entry in org { add(entry.id, manager: entry.managerID) }
        self.managerOf = managerOf
        self.knownIDs = known
        self.order = order
    }

    /// The ids above a person, nearest first: the manager, their manager, … It stops at the top,
    /// at a manager who is not known (that id is still included), or before an id would repeat
    /// (a loop).
    public func chain(above id: String) -> [String] {
        var chain: [String] = []
        // Chains are short: a linear search finds a repeat without hashing; past 32 levels a
        // set keeps a long chain linear.
        var seen: Set<String>?
        var next = managerOf[id]
        while let manager = next {
            if let set = seen {
                if set.contains(manager) { break }
            } else if manager == id || chain.contains(manager) {
                break
            }
            chain.append(manager)
            if seen != nil {
                seen!.insert(manager)
            } else if chain.count == 32 {
                seen = Set(chain + [id])
            }
            next = managerOf[manager]
        }
        return chain
    }

    /// For each of `ids`, the values `index` gives the ids of its ``chain(above:)``, sorted:
    /// the same as `chain(above: id).compactMap { index[$0] }.sorted()` for each id, but every
    /// person's chain is walked once and shared by the people under them, so a chain of
    /// 100,000 people (or a loop that long) costs its length, not its length squared.
    public func values(above ids: [String], in index: [String: Int]) -> [[Int]] {
        // Per person: the values of the ids strictly above, in no order and without repeats.
        var memo: [String: [Int]] = [:]
        func resolve(_ start: String) -> [Int] {
            if let known = memo[start] { return known }
            var path: [String] = []
            var position: [String: Int] = [:]
            var current = start
            // The values above the last person on `path`.
            var above: [Int]
            var loopStart: Int?
            while true {
                position[current] = path.count
                path.append(current)
                guard let manager = managerOf[current] else {
                    above = []
                    break
                }
                if let known = memo[manager] {
                    above = known + (index[manager].map { [$0] } ?? [])
                    break
                }
                if let at = position[manager] {
                    loopStart = at
                    above = []
                    break
                }
                current = manager
            }
            var end = path.count
            if let loopStart {
                // Everyone in a loop has the loop's other members above them (the chain stops
                // before it would repeat).
                let members = path[loopStart...].compactMap { index[$0] }
                for id in path[loopStart...] {
                    let own = index[id]
                    memo[id] = own.map { value in members.filter { $0 != value } } ?? members
                }
                above = members
                end = loopStart
                // The person just below the loop has every member above them.
                if end > 0 {
                    memo[path[end - 1]] = above
                    end -= 1
                }
            } else {
                memo[path[end - 1]] = above
                end -= 1
            }
            // Down the rest of the path: each one has the person above and everything above them.
            while end > 0 {
                let upper = path[end]
                if let value = index[upper] { above.append(value) }
                memo[path[end - 1]] = above
                end -= 1
            }
            return memo[start] ?? []
        }
        return ids.map { resolve($0).sorted() }
    }

    /// The ids from `start` up to `target`, both included, or `nil` when `target` is not above
    /// `start`.
    public func path(from start: String, to target: String) -> [String]? {
        let chain = chain(above: start)
        guard let index = chain.firstIndex(of: target) else { return nil }
        return [start] + chain[...index]
    }

    /// Every loop in the chart, once each, as its members in chain order (each one's manager is
    /// the next, the last one's is the first), starting from the member met first in ``order``.
    public func loops() -> [[String]] {
        var loops: [[String]] = []
        var isDone = Set<String>()
        for start in order where !isDone.contains(start) {
            var path: [String] = []
            var positionOnPath: [String: Int] = [:]
            var current = start
            while !isDone.contains(current) {
                if let position = positionOnPath[current] {
                    loops.append(Array(path[position...]))
                    break
                }
                positionOnPath[current] = path.count
                path.append(current)
                guard let next = managerOf[current], knownIDs.contains(next) else { break }
                current = next
            }
            isDone.formUnion(path)
        }
        return loops
    }

    /// The manager edges, reached from the program's people, that point at nobody known: each
    /// as the person whose `manager_id` names an unknown id, and that id. Above such a person the
    /// manager-chain rule cannot see. In ``order``, each person once.
    public func unknownManagers() -> [(person: String, manager: String)] {
        var found: [(person: String, manager: String)] = []
        var isDone = Set<String>()
        for start in order.prefix(programCount) {
            var current = start
            while isDone.insert(current).inserted, let manager = managerOf[current] {
                guard knownIDs.contains(manager) else {
                    found.append((current, manager))
                    break
                }
                current = manager
            }
        }
        return found
    }
}
