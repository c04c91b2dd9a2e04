/// One setting of a what-if run (`kapstok bench --vary name=v1,v2,…`): the rule or weight
/// changed, its value, and the optimal strategy's pairing measured on the changed round.
public struct WhatIfRun: Sendable {
    /// The setting's snake_case name as typed: `min_grade_gap`, `capacity`, `domain_weight`, …
    public let setting: String
    /// The value as typed (`0`, `+1`, `false`, `0.3`), or `baseline` for the unchanged round.
    public let value: String
    /// Whether this is the unchanged round every other value is compared with.
    public let isBaseline: Bool
    /// The optimal strategy's run on the changed round; `nil` when the round cannot be prepared.
    public let run: BenchRun?
    /// Why the changed round has no run (for example a `require` rule the setting makes
    /// impossible); `nil` when it has one.
    public let problem: String?

    public init(setting: String, value: String, isBaseline: Bool, run: BenchRun?, problem: String?) {
        self.setting = setting
        self.value = value
        self.isBaseline = isBaseline
        self.run = run
        self.problem = problem
    }
}

/// One strategy on one generated round of a scaling sweep (`kapstok bench --sweep`).
public struct SweepMeasurement: Sendable, Equatable {
    public let strategy: String
    public let mentees: Int
    public let mentors: Int
    /// Allowed pairs of the round (the size the cost is fitted against).
    public let pairs: Int
    public let seed: UInt64
    /// Wall-clock seconds of the strategy alone (the round is prepared once per size and seed).
    public let seconds: Double
    /// Peak bytes allocated while the strategy ran, when measured; `nil` otherwise.
    public let memoryBytes: Int?

    public init(strategy: String, mentees: Int, mentors: Int, pairs: Int, seed: UInt64, seconds: Double, memoryBytes: Int?) {
        self.strategy = strategy
        self.mentees = mentees
        self.mentors = mentors
        self.pairs = pairs
        self.seed = seed
        self.seconds = seconds
        self.memoryBytes = memoryBytes
    }
}

/// A power law `y ≈ coefficient · pairs^exponent` fitted by least squares on log–log points.
public struct GrowthFit: Sendable, Equatable {
    public let strategy: String
    /// What was fitted: `seconds` or `memory_bytes`.
    public let quantity: String
    public let exponent: Double
    public let coefficient: Double
    /// Points used (sizes × seeds with a positive value).
    public let points: Int

    public init(strategy: String, quantity: String, exponent: Double, coefficient: Double, points: Int) {
        self.strategy = strategy
        self.quantity = quantity
        self.exponent = exponent
        self.coefficient = coefficient
        self.points = points
    }
}

/// One OR-Library GAP instance solved by `kapstok bench --orlib FILE`, in the file's own sense
/// (maximisation, or minimisation with `--minimise`).
public struct ORLibResult: Sendable, Equatable {
    /// `c515-1`-style name for gap1–gap12, `a05100`-style for gapa–gapd, else `<file>-<k>`.
    public let instance: String
    public let agents: Int
    public let jobs: Int
    /// The objective value of the best assignment found; `nil` without one.
    public let value: Double?
    /// The proven bound (upper when maximising, lower when minimising); `nil` when unknown.
    public let bound: Double?
    /// Relative gap between value and bound; 0 when proven optimal.
    public let gap: Double?
    public let status: PairingStatus
    public let seconds: Double
    /// The published optimum or best known value (`--known`), when the table has one.
    public let known: Double?
    /// Whether `known` is a proven optimum (false: best known only, as for gapd).
    public let knownIsOptimal: Bool

    public init(
        instance: String, agents: Int, jobs: Int, value: Double?, bound: Double?, gap: Double?,
        status: PairingStatus, seconds: Double, known: Double?, knownIsOptimal: Bool
    ) {
        self.instance = instance
        self.agents = agents
        self.jobs = jobs
        self.value = value
        self.bound = bound
        self.gap = gap
        self.status = status
        self.seconds = seconds
        self.known = known
        self.knownIsOptimal = knownIsOptimal
    }
}

/// Everything one `kapstok bench` run measured, for its HTML report: the strategies on one
/// round, what-if settings, a scaling sweep, or OR-Library instances (any of them may be empty).
public struct BenchReport: Sendable {
    public var title: String
    /// One line saying what was measured: "sample round: 40 mentees × 12 mentors, 412 allowed pairs".
    public var subtitle: String
    /// The round the strategies ran on; `nil` for a sweep or OR-Library run.
    public var prepared: PreparedRound?
    /// One run per strategy, in the order asked (`random` is its first seed).
    public var runs: [BenchRun]
    /// The random strategy over all its seeds (``BenchMetrics/summary(of:)``); empty without it.
    public var randomSummary: [MetricSummary]
    public var randomSeeds: Int
    public var whatIf: [WhatIfRun]
    public var sweep: [SweepMeasurement]
    public var fits: [GrowthFit]
    public var orlib: [ORLibResult]

    public init(
        title: String, subtitle: String, prepared: PreparedRound? = nil, runs: [BenchRun] = [],
        randomSummary: [MetricSummary] = [], randomSeeds: Int = 0, whatIf: [WhatIfRun] = [],
        sweep: [SweepMeasurement] = [], fits: [GrowthFit] = [], orlib: [ORLibResult] = []
    ) {
        self.title = title
        self.subtitle = subtitle
        self.prepared = prepared
        self.runs = runs
        self.randomSummary = randomSummary
        self.randomSeeds = randomSeeds
        self.whatIf = whatIf
        self.sweep = sweep
        self.fits = fits
        self.orlib = orlib
    }
}
