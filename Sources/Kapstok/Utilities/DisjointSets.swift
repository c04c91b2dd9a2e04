/// Union–find over `0..<count` with path halving: the trees of the pairing's warm-start basis
/// and the scheduler's connected groups of pairs.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) {
        parent = Array(0..<count)
    }

    /// The root of the tree that holds `x`.
    mutating func root(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Hangs the tree of root `child` under the root `newRoot` (both must be roots).
    mutating func attach(_ child: Int, to newRoot: Int) {
        parent[child] = newRoot
    }
}
