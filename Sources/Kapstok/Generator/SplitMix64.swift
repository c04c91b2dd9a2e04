/// A small, fast, seedable pseudo-random generator (SplitMix64) with platform-independent output.
///
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014) advances a 64-bit counter by the golden-ratio increment and scrambles it with two
/// xor-shift-multiply rounds. Its output depends only on the seed and on wrapping 64-bit
/// integer arithmetic, so a seed gives the same sequence on every platform and Swift version.
///
/// The type conforms to `RandomNumberGenerator`, but the standard library's algorithms built on
/// it (`Int.random(in:using:)`, `shuffle(using:)`, …) are not guaranteed to stay the same across
/// Swift releases. Code that must reproduce its output across toolchains — the round generator,
/// seeded tests — uses the helpers defined here instead, which are fixed.
///
/// Not cryptographically secure. A value type: copying it forks the sequence.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The internal counter; the next output is derived from `state &+ 0x9E37_79B9_7F4A_7C15`.
    public private(set) var state: UInt64

    /// Creates a generator whose sequence is determined by `seed` alone.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// Returns the next 64 pseudo-random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Returns a uniformly distributed integer in `0 ..< bound`, without modulo bias.
    ///
    /// Uses Lemire's multiply-and-reject method ("Fast random integer generation in an
    /// interval", ACM TOMACS 2019), written out here so that the result never depends on the
    /// standard library's implementation.
    ///
    /// - Precondition: `bound > 0`.
    public mutating func uniform(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// Returns a uniformly distributed integer in `0 ..< bound`.
    ///
    /// - Precondition: `bound > 0`.
    public mutating func uniform(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(truncatingIfNeeded: uniform(below: UInt64(bound)))
    }

    /// Returns a uniformly distributed integer in `range`.
    public mutating func uniform(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        // width == 0 only for the full 64-bit range, where every output is already uniform.
        let offset = width == 0 ? next() : uniform(below: width)
        return range.lowerBound &+ Int(truncatingIfNeeded: offset)
    }

    /// Returns `true` with probability `perMille / 1000`, using integer arithmetic only.
    public mutating func chance(perMille: Int) -> Bool {
        uniform(below: 1000) < perMille
    }

    /// Returns an index into `weights`, each chosen with probability proportional to its weight.
    ///
    /// - Precondition: every weight is ≥ 0 and at least one is > 0.
    public mutating func weightedIndex(_ weights: [Int]) -> Int {
        var total = 0
        for weight in weights {
            precondition(weight >= 0, "weights must not be negative")
            total += weight
        }
        precondition(total > 0, "at least one weight must be positive")
        var remaining = uniform(below: total)
        for (index, weight) in weights.enumerated() {
            if remaining < weight { return index }
            remaining -= weight
        }
        return weights.count - 1  // unreachable: remaining < total
    }

    /// Returns a random element of `elements`, or `nil` when it is empty.
    public mutating func element<C: Collection>(of elements: C) -> C.Element? where C.Index == Int {
        guard !elements.isEmpty else { return nil }
        return elements[elements.startIndex + uniform(below: elements.count)]
    }

    /// Shuffles `elements` in place with the Fisher–Yates algorithm.
    public mutating func shuffle<T>(_ elements: inout [T]) {
        guard elements.count > 1 else { return }
        for index in stride(from: elements.count - 1, to: 0, by: -1) {
            let other = uniform(below: index + 1)
            if other != index { elements.swapAt(index, other) }
        }
    }

    /// Returns `count` distinct indices from `0 ..< upperBound`, in random order.
    ///
    /// - Precondition: `0 <= count <= upperBound`.
    public mutating func distinctIndices(_ count: Int, below upperBound: Int) -> [Int] {
        precondition(count >= 0 && count <= upperBound, "cannot draw that many distinct indices")
        var pool = Array(0 ..< upperBound)
        var result: [Int] = []
        result.reserveCapacity(count)
        for drawn in 0 ..< count {
            let pick = drawn + uniform(below: upperBound - drawn)
            pool.swapAt(drawn, pick)
            result.append(pool[drawn])
        }
        return result
    }
}
