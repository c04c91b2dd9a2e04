/// One strategy's pairing and its measures.
public struct BenchRun: Sendable {
    public let result: StrategyResult
    public let metrics: BenchMetrics

    public init(result: StrategyResult, metrics: BenchMetrics) {
        self.result = result
        self.metrics = metrics
    }
}

/// A figure over several runs (the random strategy over seeds): mean ± sample standard deviation.
public struct MetricSummary: Sendable, Equatable {
    /// The field's snake_case name (``BenchMetrics/fields``).
    public let name: String
    /// Runs in which the field has a value.
    public let count: Int
    /// `nil` when no run has a value.
    public let mean: Double?
    /// Sample standard deviation `√(Σ (x − mean)² / (count − 1))`; `nil` below two values.
    public let standardDeviation: Double?
}

extension BenchMetrics {
    /// Mean and standard deviation of every field over runs, in ``fields`` order.
    public static func summary(of runs: [BenchMetrics]) -> [MetricSummary] {
        summary(table: runs.map(\.fields))
    }
}

extension PreparedRound {
    /// Runs each strategy on this round and measures it; the preference orders behind ranks,
    /// blocking pairs and envy are built once.
    ///
    /// - Throws: what a strategy throws (the optimiser's internal failures).
    public func bench(
        _ strategies: [any PairingStrategy], options: StrategyOptions = StrategyOptions(),
        stated: StatedPreferences = StatedPreferences()
    ) throws -> [BenchRun] {
        let preferences = Preferences(self, stated: stated)
        return try strategies.map { strategy in
            let result = try strategy.pair(self, options: options)
            return BenchRun(result: result, metrics: metrics(of: result, preferences: preferences))
        }
    }
}
