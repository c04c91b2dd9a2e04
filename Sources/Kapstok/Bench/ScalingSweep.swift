import LinearModel

/// Measures the peak memory of a piece of work (the sweep's probe; the process-level reading
/// lives outside the domain, in KapstokIO).
public protocol PeakMemoryProbe {
    /// Starts a measurement: the peak so far is forgotten.
    func start()
    /// The peak bytes since ``start()`` above what was in use at that moment; `nil` when the
    /// reading failed.
    func peakBytes() -> Int?
}

/// The size of one generated round of a sweep.
public struct SweepSize: Sendable, Hashable, CustomStringConvertible {
    public let mentees: Int
    public let mentors: Int

    public init(mentees: Int, mentors: Int) {
        self.mentees = mentees
        self.mentors = mentors
    }

    /// `2000x700`, as typed in `--sizes`.
    public var description: String { "\(mentees)x\(mentors)" }
}

/// `kapstok bench --sweep`: generated rounds (``RoundGenerator``, as `kapstok generate` makes
/// them) of growing size and several seeds, every strategy on each, timed and measured.
///
/// Each round is generated and prepared once per size and seed (scoring is not timed); then each
/// strategy runs on it, and its ``StrategyResult/seconds`` and the probe's peak are recorded.
/// Everything but the seconds and the memory is deterministic.
public struct ScalingSweep: Sendable {
    /// The strategies a sweep can run, in report order (`manual` needs a given pairing).
    public static let strategyNames = ["optimal", "fair", "greedy", "stable", "random"]
    /// The default sizes: about 2.9 mentees per mentor, up to the 2,000 × 700 round of the
    /// issue's speed target.
    public static let defaultSizes = [
        SweepSize(mentees: 125, mentors: 45), SweepSize(mentees: 250, mentors: 90), SweepSize(mentees: 500, mentors: 175),
        SweepSize(mentees: 1_000, mentors: 350), SweepSize(mentees: 2_000, mentors: 700),
    ]
    /// The default number of seeds per size: 1, 2, 3.
    public static let defaultSeeds = 3

    public var sizes: [SweepSize]
    public var seeds: [UInt64]
    /// Names from ``strategyNames``; others are skipped.
    public var strategies: [String]
    /// The optimiser's time limit per run, in seconds; `nil` for none.
    public var timeLimit: Double?

    public init(
        sizes: [SweepSize] = ScalingSweep.defaultSizes, seeds: [UInt64] = Array(1...UInt64(ScalingSweep.defaultSeeds)),
        strategies: [String] = ScalingSweep.strategyNames, timeLimit: Double? = nil
    ) {
        self.sizes = sizes
        self.seeds = seeds
        self.strategies = strategies
        self.timeLimit = timeLimit
    }

    /// The strategy of a name, seeded with the round's seed for `random`.
    static func strategy(named name: String, solver: any Solver, seed: UInt64) -> (any PairingStrategy)? {
        switch name {
        case "optimal": OptimalStrategy(solver: solver, objective: .total)
        case "fair": OptimalStrategy(solver: solver, objective: .fair)
        case "greedy": GreedyStrategy()
        case "stable": StableStrategy()
        case "random": RandomStrategy(seed: seed)
        default: nil
        }
    }

    /// Runs the sweep: sizes in order, then seeds, then strategies.
    ///
    /// - Parameters:
    ///   - memory: the probe around each strategy run; `nil` leaves ``SweepMeasurement/memoryBytes`` empty.
    ///   - progress: called after each measurement (the CLI prints a line).
    /// - Throws: what preparing a round or a strategy throws (internal failures only).
    public func run(
        solver: any Solver, memory: (any PeakMemoryProbe)? = nil, progress: ((SweepMeasurement) -> Void)? = nil
    ) throws -> [SweepMeasurement] {
        var measurements: [SweepMeasurement] = []
        for size in sizes {
            for seed in seeds {
                let round = RoundGenerator(mentees: size.mentees, mentors: size.mentors, seed: seed).makeRound()
                let prepared = try PreparedRound(round: round)
                for name in strategies {
                    guard let strategy = Self.strategy(named: name, solver: solver, seed: seed) else { continue }
                    memory?.start()
                    let result = try strategy.pair(prepared, options: StrategyOptions(timeLimit: timeLimit))
                    let bytes = memory?.peakBytes()
                    let measurement = SweepMeasurement(
                        strategy: name, mentees: size.mentees, mentors: size.mentors, pairs: prepared.table.allowedCount,
                        seed: seed, seconds: result.seconds, memoryBytes: bytes)
                    measurements.append(measurement)
                    progress?(measurement)
                }
            }
        }
        return measurements
    }
}
