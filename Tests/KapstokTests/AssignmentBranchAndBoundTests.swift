@testable import Kapstok
import Testing

/// The depth-first branch-and-bound over the Lagrangian bound (``AssignmentBranchAndBound``).
@Suite struct AssignmentBranchAndBoundTests {
    typealias Item = AssignmentBranchAndBound.RawItem

    /// Runs the root relaxation for `rootIterations` steps (few, so that the tree has work to do)
    /// and then the search.
    static func solve(
        jobs: Int, capacities: [Double], items: [Item], rootIterations: Int
    ) throws -> AssignmentBranchAndBound {
        var root = try #require(AssignmentRelaxation(
            jobs: jobs, capacities: capacities, items: items, pinned: [:], integral: true))
        root.run(iterationLimit: rootIterations, deadline: nil, searching: false)
        var tree = AssignmentBranchAndBound(jobs: jobs, capacities: capacities, items: items, pinned: [:], integral: true)
        tree.search(root: root, nodeLimit: 100_000, deadline: nil)
        return tree
    }

    /// The instance of ``AssignmentRelaxationTests``: the optimum is 12 (0→A, 1→B, 2→A).
    @Test("the tree finds and proves the hand-computed optimum 12 from a one-step root")
    func handInstance() throws {
        let tree = try Self.solve(jobs: 3, capacities: [3, 2], items: AssignmentRelaxationTests.items, rootIterations: 1)
        #expect(tree.isProven)
        #expect(tree.incumbentValue == 12)
        #expect(tree.incumbent == [0, 3, 4])
    }

    /// A root that never ran a step (its deadline had passed) has nothing to branch on: the tree
    /// must not call that proven, for "proven without an incumbent" means no assignment exists.
    @Test("a root without a single step proves nothing")
    func rootThatNeverRan() throws {
        let tree = try Self.solve(jobs: 3, capacities: [3, 2], items: AssignmentRelaxationTests.items, rootIterations: 0)
        #expect(!tree.isProven)
    }

    /// Three jobs of weight 2 and two agents of capacity 3: each agent holds one job at most, so
    /// no assignment places all three, and the exhausted tree says so.
    @Test("an instance without any assignment is exhausted without an incumbent")
    func infeasible() throws {
        var items: [Item] = []
        for job in 0..<3 { for agent in 0..<2 { items.append((job, agent, Double(job + agent), 2)) } }
        let tree = try Self.solve(jobs: 3, capacities: [3, 3], items: items, rootIterations: 5)
        #expect(tree.isProven)
        #expect(tree.incumbent == nil)
    }

    /// Best value over every assignment of each job to one agent within capacities, by
    /// enumeration (`nil` when none fits).
    static func exhaustive(jobs: Int, agents: Int, capacities: [Double], items: [Item]) -> Double? {
        var best: Double?
        var load = [Double](repeating: 0, count: agents)
        func place(_ job: Int, _ value: Double) {
            guard job < jobs else {
                best = max(best ?? -.infinity, value)
                return
            }
            for item in items where item.job == job && load[item.agent] + item.weight <= capacities[item.agent] {
                load[item.agent] += item.weight
                place(job + 1, value + item.value)
                load[item.agent] -= item.weight
            }
        }
        place(0, 0)
        return best
    }

    @Test("on 150 random small instances the tree's value equals exhaustive search", arguments: 0..<3)
    func matchesExhaustive(batch: Int) throws {
        var random = SplitMix64(seed: UInt64(batch) &+ 0x5EED)
        for _ in 0..<50 {
            let jobs = 3 + Int(random.uniform(below: 5))
            let agents = 2 + Int(random.uniform(below: 3))
            var items: [Item] = []
            for job in 0..<jobs {
                for agent in 0..<agents where agent == 0 || random.uniform(below: 5) > 0 {  // every job has a pair
                    items.append((job, agent, Double(random.uniform(below: 20)), Double(1 + random.uniform(below: 6))))
                }
            }
            let capacities = (0..<agents).map { _ in Double(2 + random.uniform(below: 2 * jobs)) }
            let expected = Self.exhaustive(jobs: jobs, agents: agents, capacities: capacities, items: items)
            let tree = try Self.solve(jobs: jobs, capacities: capacities, items: items, rootIterations: 2)
            #expect(tree.isProven)
            #expect(tree.incumbent.map { _ in tree.incumbentValue } == expected)
            if let chosen = tree.incumbent {
                // A real assignment: one item per job with items, of its job, within capacities.
                var load = [Double](repeating: 0, count: agents)
                var value = 0.0
                for (job, index) in chosen.enumerated() {
                    let k = try #require(index)
                    #expect(items[k].job == job)
                    load[items[k].agent] += items[k].weight
                    value += items[k].value
                }
                #expect(zip(load, capacities).allSatisfy { $0 <= $1 })
                #expect(value == tree.incumbentValue)
            }
        }
    }
}
