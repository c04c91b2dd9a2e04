/// Depth-first branch-and-bound over the Lagrangian bound of ``AssignmentRelaxation``: what
/// proves the OR-Library gapa–gapc instances whose root bound stays a few units from the
/// heuristic pairing.
///
/// A node pins some jobs to an agent and excludes some pairs. Its bound is the relaxation's
/// `L(u)` over the remaining pairs, warm-started from the parent's multipliers; a node is pruned
/// when that bound cannot beat the incumbent (by a whole unit for whole-number values), and the
/// pairs its reduced-cost fixing removes stay removed below it (the incumbent only rises). Every
/// pairing a node's heuristic finds is a pairing of the whole problem (repair may use excluded
/// pairs), so it may become the incumbent.
///
/// Branching: a job the knapsacks at the best multipliers do not take exactly once — the item
/// of highest value among those that took it (or, when none did, among its remaining pairs) is
/// pinned in the first child and excluded in the second. A node where every job is taken once
/// has a relaxed solution that is a pairing whose value equals the bound: it is solved.
///
/// The search is exhaustive unless stopped by the node limit or the deadline; `isProven` says
/// whether it finished. Deterministic: no step depends on the clock except stopping.
struct AssignmentBranchAndBound {
    typealias RawItem = (job: Int, agent: Int, value: Double, weight: Double)

    let jobs: Int
    let capacities: [Double]
    let items: [RawItem]
    let pins: [Int: Int]
    let integral: Bool

    /// The best pairing found (an item per job) and its value.
    private(set) var incumbent: [Int?]?
    private(set) var incumbentValue = -Double.infinity
    /// The root's Lagrangian bound, rounded as proven.
    private(set) var rootBound = Double.infinity
    private(set) var nodes = 0
    /// Whether the search tree was exhausted (so the incumbent is optimal, or none exists).
    private(set) var isProven = false

    /// Subgradient steps at a node other than the root.
    static let nodeIterations = 80

    init(jobs: Int, capacities: [Double], items: [RawItem], pinned: [Int: Int], integral: Bool) {
        self.jobs = jobs
        self.capacities = capacities
        self.items = items
        self.pins = pinned
        self.integral = integral
        var itemsOfJob = [[Int]](repeating: [], count: jobs)
        for (k, item) in items.enumerated() { itemsOfJob[item.job].append(k) }
        self.itemsOfJob = itemsOfJob
    }

    /// Offers a pairing found elsewhere as the incumbent.
    mutating func offer(_ assignment: [Int?], value: Double) {
        if value > incumbentValue {
            incumbent = assignment
            incumbentValue = value
        }
    }

    private struct Node {
        var pins: [Int: Int]
        var excluded: [Bool]
        var multipliers: [Double]?
    }

    /// Searches from a root relaxation already run (its incumbent and bound are taken over).
    mutating func search(root: AssignmentRelaxation, nodeLimit: Int, deadline: ContinuousClock.Instant?) {
        if let start = root.incumbent { offer(start, value: root.incumbentValue) }
        rootBound = root.provenBound
        var stack: [Node] = []
        guard let branches = children(of: root, pins: pins) else {
            // Nothing to branch on: the root is proven or pruned, or its relaxed choice leaves a
            // job without any pair (no assignment exists), or it never ran a step (its deadline
            // had passed: no relaxed choice) and then nothing is proven.
            isProven = root.isPruned || root.isProven || !root.relaxedChoice.isEmpty
            return
        }
        stack.append(contentsOf: branches)
        while let node = stack.popLast() {
            if nodes >= nodeLimit || deadline.hasPassed { return }
            nodes += 1
            guard var relaxation = AssignmentRelaxation(
                jobs: jobs, capacities: capacities, items: items, pinned: node.pins, excluded: node.excluded,
                integral: integral)
            else { continue }  // the pins overfill an agent: no pairing here
            if (0..<jobs).contains(where: { j in node.pins[j] == nil && !itemsOfJob[j].isEmpty && !hasAllowed(j, relaxation) }) {
                continue  // a job left without a pair
            }
            relaxation.cutoff = incumbentValue
            relaxation.run(
                iterationLimit: Self.nodeIterations, deadline: deadline, start: node.multipliers, step: 0.5,
                searching: false)
            if let found = relaxation.incumbent { offer(found, value: relaxation.incumbentValue) }
            if relaxation.isPruned || relaxation.isProven { continue }
            if deadline.hasPassed { return }
            if let branches = children(of: relaxation, pins: node.pins) { stack.append(contentsOf: branches) }
        }
        isProven = true
    }

    /// `itemsOfJob[j]`: the items of job `j`.
    private var itemsOfJob: [[Int]] = []

    private func hasAllowed(_ j: Int, _ relaxation: AssignmentRelaxation) -> Bool {
        itemsOfJob[j].contains { !relaxation.fixed[$0] }
    }

    /// The two children of a node (exclude pushed first, so the pin is explored first), or `nil`
    /// when its relaxed choice takes every job exactly once.
    private func children(of relaxation: AssignmentRelaxation, pins: [Int: Int]) -> [Node]? {
        let choice = relaxation.relaxedChoice
        guard !choice.isEmpty else { return nil }
        var takers = [[Int]](repeating: [], count: jobs)
        for (k, item) in items.enumerated() where choice[k] { takers[item.job].append(k) }
        var pick = -1
        var pickKey = (0, -Double.infinity, 0)
        for j in 0..<jobs where pins[j] == nil && takers[j].count != 1 {
            let candidates = takers[j].isEmpty
                ? itemsOfJob[j].filter { !relaxation.fixed[$0] }
                : takers[j]
            guard let best = candidates.max(by: { (items[$0].value, -$0) < (items[$1].value, -$1) }) else { continue }
            // Over-taken jobs first, then heavier ones.
            let key = (takers[j].count >= 2 ? 1 : 0, items[best].weight, -j)
            if pick < 0 || key.0 > pickKey.0 || (key.0 == pickKey.0 && (key.1, key.2) > (pickKey.1, pickKey.2)) {
                pick = best
                pickKey = key
            }
        }
        guard pick >= 0 else { return nil }
        let excluded = relaxation.fixed
        var pinned = pins
        pinned[items[pick].job] = pick
        var without = excluded
        without[pick] = true
        return [
            Node(pins: pins, excluded: without, multipliers: relaxation.multipliers),
            Node(pins: pinned, excluded: excluded, multipliers: relaxation.multipliers),
        ]
    }
}
