extension GrowthFit {
    /// The power law `y ≈ c · x^e` through points by ordinary least squares on `(ln x, ln y)`:
    /// `e = Σ (u − ū)(v − v̄) / Σ (u − ū)²`, `c = exp(v̄ − e·ū)`, with `u = ln x`, `v = ln y`.
    ///
    /// Points with `x ≤ 0` or `y ≤ 0` (no logarithm) or not finite are left out.
    ///
    /// - Returns: the fit, or `nil` with fewer than two distinct `x` among the points kept.
    public static func fit(
        strategy: String, quantity: String, points: [(x: Double, y: Double)]
    ) -> GrowthFit? {
        let kept = points.filter { $0.x > 0 && $0.y > 0 && $0.x.isFinite && $0.y.isFinite }
        guard let first = kept.first, kept.contains(where: { $0.x != first.x }) else { return nil }
        let u = kept.map { naturalLogarithm($0.x) }
        let v = kept.map { naturalLogarithm($0.y) }
        let count = Double(kept.count)
        let meanU = u.reduce(0, +) / count
        let meanV = v.reduce(0, +) / count
        var covariance = 0.0
        var variance = 0.0
        for (a, b) in zip(u, v) {
            covariance += (a - meanU) * (b - meanV)
            variance += (a - meanU) * (a - meanU)
        }
        let exponent = covariance / variance
        return GrowthFit(
            strategy: strategy, quantity: quantity, exponent: exponent,
            coefficient: naturalExponential(meanV - exponent * meanU), points: kept.count)
    }

    /// Per strategy (in the order they first appear), the fit of `seconds` and, where measured,
    /// of `memory_bytes`, against allowed pairs.
    public static func fits(of measurements: [SweepMeasurement]) -> [GrowthFit] {
        var order: [String] = []
        for measurement in measurements where !order.contains(measurement.strategy) { order.append(measurement.strategy) }
        return order.flatMap { strategy -> [GrowthFit] in
            let mine = measurements.filter { $0.strategy == strategy }
            let seconds = fit(strategy: strategy, quantity: "seconds", points: mine.map { (Double($0.pairs), $0.seconds) })
            let memory = fit(
                strategy: strategy, quantity: "memory_bytes",
                points: mine.compactMap { m in m.memoryBytes.map { (Double(m.pairs), Double($0)) } })
            return [seconds, memory].compactMap { $0 }
        }
    }
}

/// e^x without Foundation: x = k·ln 2 + r with |r| ≤ ln 2 / 2, e^r by its Taylor series summed
/// until the terms vanish, times 2^k. 0 below −745, infinity above 709.8.
func naturalExponential(_ x: Double) -> Double {
    guard x.isFinite else { return x.isNaN ? x : (x > 0 ? x : 0) }
    if x > 709.8 { return .infinity }
    if x < -745 { return 0 }
    let ln2 = 0.693_147_180_559_945_309_417_232_121_458
    let k = (x / ln2).rounded()
    let r = x - k * ln2
    var term = 1.0
    var sum = 1.0
    var n = 1.0
    while true {
        term *= r / n
        let next = sum + term
        if next == sum { break }
        sum = next
        n += 1
    }
    // 2^k in two steps, so that neither factor overflows or underflows on its own.
    let half = (k / 2).rounded(.towardZero)
    return sum * Double(sign: .plus, exponent: Int(half), significand: 1)
        * Double(sign: .plus, exponent: Int(k - half), significand: 1)
}
