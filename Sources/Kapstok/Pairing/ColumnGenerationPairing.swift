import LinearModel

/// Solves each step as a linear program over a growing set of candidate pairs, and proves with
/// a bound computed over every allowed pair that no pairing does better.
///
/// With every load equal to 1 and integral capacities, the pairing constraints form a bipartite
/// b-matching system, whose matrix is totally unimodular: the LP's basic optima are integral, so
/// the simplex method alone solves the integer problem (Schrijver, *Combinatorial Optimization*,
/// Thm. 21.1).
///
/// **Scores are normalised** to `s' = (s − lo)/(hi − lo) ∈ [0, 1]` (see ``ScoreScale``): every
/// tolerance below is then absolute and independent of how large or spread out the scores are.
///
/// **Level 1, most matched.** The lexicographic objective becomes one weighted objective
/// `c_ij = M + s'_ij` with `M = min(n, Σ places) + 1`: a pairing with `K + 1` matches is worth at
/// least `(K + 1)·M`, one with `K` at most `K·M + K < (K + 1)·M` (no pairing matches more than
/// `min(n, Σ places)`, so `K < M`; note `min(n, m)` would not do: a mentor can take several).
///
/// **Column generation.** The LP starts from each mentee's best few pairs; after every solve, the
/// dual values `u_i` (mentee rows) and `v_j` (mentor rows) price every pair left out,
/// `d_ij = c_ij − u_i − v_j`; pairs with `d_ij > 10⁻⁹` are added, the best few per mentee, and the
/// LP is re-solved (Desrosiers & Lübbecke, *A Primer in Column Generation*, 2005).
///
/// **The proof is computed, not inferred from the solver's status.** When nothing prices out,
/// the duals are repaired over *all* allowed pairs into an exactly feasible dual:
/// `v'_j = max(0, v_j)` and `u'_i = max(0, max_j (M + s'_ij − v'_j))` (mentors without a place
/// left are skipped: their dual can be taken as large as needed at no cost). By weak duality
/// `B = Σ u'_i + Σ places_j·v'_j` bounds the weight of every pairing. So
/// - `B < (K + 1)·M` proves that no pairing matches more than the `K` found (a margin of about 1
///   in normalised units);
/// - `B − K·M` bounds `Σ s'` over every pairing that matches `K`: `(u', v')` with `w = −M` is a
///   feasible dual of "maximise `Σ s'` subject to `Σ x = K`", so this is that second-level LP's
///   bound, obtained without solving it (the combined optimum's duals are optimal for it).
///
/// The gap `B − (K·M + Σ s'_x)` of the pairing `x` found is summed term by term from
/// complementary slackness (`u'_i` of unmatched mentees, `v'_j` of mentors with room,
/// `u'_i + v'_j − M − s'_ij` of chosen pairs), each term small, so that it is not lost in the
/// rounding of `B ≈ K·M`. A step is `optimal` when level 1 is proven and this normalised gap is at
/// most ``gapTolerance``; the bound is reported in score units as `spread·(Σ s'_x + gap) + K·lo`.
///
/// Each restricted LP is warm-started from its optimal basis, computed by ``OptimalStart`` with a
/// network algorithm: GLPK's simplex then confirms the optimum in a pivot or two instead of the
/// thousands it needs from a heuristic start (measured: 5,000 × 1,500 from 13 s to 1 s). GLPK's
/// reduced-cost tolerance is tightened to 1e-10 (normalised units) so that the basis it accepts
/// leaves nothing for the certificate to charge.
///
/// When the time limit stops the search, the last repaired duals still bound every pairing
/// (see ``timeLimitBound(for:)``); the status is then `time_limit` with that bound.
///
/// The session belongs to the thread that created it (every call checks).
struct ColumnGenerationPairing: PairingBackend {
    let problem: PairingProblem
    let options: PairingOptions
    private let session: any SolverSession
    /// Per column: mentee, mentor, score, normalised score.
    private var columnMentee: [Int] = []
    private var columnMentor: [Int] = []
    private var columnScore: [Double] = []
    private var columnValue: [Double] = []
    /// Current upper bound of each column (0 when the threshold excludes it).
    private var columnUpper: [Double] = []
    private var present: Set<Int> = []
    private var threshold = -Double.infinity
    /// The starting pairing (feasible, pins kept): what a step returns when the time limit stops
    /// the LP before it has an integral solution.
    private var startPairing: [Int?] = []
    /// The weight of one match, `M = min(n, Σ places) + 1` (scores normalised to `[0, 1]`).
    private let matchWeight: Double
    private let scale: ScoreScale
    /// Places left after the pins.
    private let placesLeft: [Int]
    /// The repaired (exactly feasible) duals of the last pricing pass at the current threshold,
    /// `(u', v')`; `nil` before one.
    private var repairedDuals: (mentee: [Double], mentor: [Double])?
    /// The run's deadline, which the warm start's searches check too.
    private var deadline: ContinuousClock.Instant?
    /// `Σ_i max(0, max_j s_ij)` at the current threshold, from the last complete pricing pass
    /// (so that a time-limited step does not need another pass over every pair).
    private var crudeBound: Double?
    private(set) var pricingRounds = 0
    /// Pairs whose reduced cost (normalised units) is at most this are not added.
    private let tolerance = 1e-9
    /// The largest normalised gap `B − (K·M + Σ s'_x)` accepted as a proof of optimality: a
    /// millionth of the score spread. Measured on generated rounds (seed 1): 2e-13 at 1,000 × 300,
    /// 2.4e-11 at 3,000 × 900 (1.9e-7 there with GLPK's default `tol_dj`, see
    /// ``simplexTolerance``).
    static let gapTolerance = 1e-6
    /// GLPK's `tol_dj` for the restricted LPs: its default 1e-7 leaves pairs in the model with a
    /// positive reduced cost up to 1e-7, each of which the certificate then charges to the gap.
    static let simplexTolerance = 1e-10
    var candidateCount: Int { columnMentee.count }
    var method: String {
        "linear program with column generation: \(candidateCount) of \(problem.table.allowedCount) allowed pairs "
            + "entered, \(pricingRounds) pricing round\(pricingRounds == 1 ? "" : "s")"
    }

    /// The restricted master before any pair enters: one row per mentee (≤ 1), one per mentor
    /// (≤ its places). The session it is loaded into is scoped by the caller
    /// (``IncrementalSolver/withSession(for:_:)``), on the caller's thread.
    static func masterModel(for problem: PairingProblem) -> Model {
        var model = Model(sense: .maximize)
        for _ in 0..<problem.menteeCount { model.addConstraint([], upper: 1) }
        for places in problem.places { model.addConstraint([], upper: Double(places)) }
        return model
    }

    /// - Parameter session: a session holding ``masterModel(for:)``.
    init(
        problem: PairingProblem, options: PairingOptions, session: any SolverSession,
        deadline: ContinuousClock.Instant? = nil
    ) throws {
        self.problem = problem
        self.options = options
        self.session = session
        self.deadline = deadline
        scale = problem.scale
        matchWeight = Double(min(problem.menteeCount, problem.places.reduce(0, +))) + 1
        placesLeft = problem.pinnedStart().placesLeft
        try addInitialColumns()
    }

    // MARK: Steps

    mutating func solve(threshold: Double, deadline: ContinuousClock.Instant?) throws -> PairingStep {
        self.deadline = deadline
        let changed = threshold != self.threshold
        if changed {
            repairedDuals = nil
            crudeBound = nil
        }
        try applyThreshold(threshold)
        if changed { _ = try installOptimalBasis() }
        return try optimize(deadline: deadline)
    }

    // MARK: Restricted master

    /// Seeds the model with each mentee's best pairs, each mentor's best mentees (so that every
    /// mentor's capacity has takers) and a greedy pairing (``GreedyStrategy`` in its
    /// ``GreedyStrategy/Order/scarcestMentee`` order, so that the seed can match as many
    /// mentees as possible), then starts the simplex from the optimal basis over the seed (or
    /// from the given initial pairing).
    private mutating func addInitialColumns() throws {
        let n = problem.menteeCount
        let m = problem.mentorCount
        // Enough of each mentor's best mentees to fill its places twice over, but no more than a
        // fair share of the mentees would need (a capacity of thousands seeds no more pairs than
        // the round's average demand per mentor: pricing adds any others the optimum uses).
        let share = 2 * ((n + max(1, m) - 1) / max(1, m)) + 2
        var perMentor = problem.places.map { TopK(capacity: min(2 * $0 + 2, share)) }
        var chosen: [(mentee: Int, mentor: Int, score: Double)] = []
        var seen = Set<Int>()
        for i in 0..<n {
            if let pinned = problem.required[i] {
                if let entry = problem.table.entry(mentee: i, mentor: pinned) {
                    chosen.append((i, pinned, entry.score))
                    seen.insert(i * m + pinned)
                }
                continue
            }
            var best = TopK(capacity: options.initialCandidatesPerMentee)
            problem.table.forEachAllowed(mentee: i) { j, score, _ in
                best.insert(key: score, tie: score, mentor: j)
                perMentor[j].insert(key: score, tie: score, mentor: i)
            }
            for item in best.sorted() where seen.insert(i * m + item.mentor).inserted {
                chosen.append((i, item.mentor, item.tie))
            }
        }
        for (j, best) in perMentor.enumerated() {
            for item in best.sorted() where seen.insert(item.mentor * m + j).inserted {
                chosen.append((item.mentor, j, item.tie))
            }
        }
        let start = options.initialPairing.map(feasiblePart) ?? GreedyStrategy(order: .scarcestMentee).startPairing(problem)
        for (i, mentor) in start.enumerated() {
            guard let j = mentor, seen.insert(i * m + j).inserted, let entry = problem.table.entry(mentee: i, mentor: j)
            else { continue }
            chosen.append((i, j, entry.score))
        }
        chosen.sort { ($0.mentee, $0.mentor) < ($1.mentee, $1.mentor) }
        try addColumns(chosen)
        startPairing = start
        if options.initialPairing == nil, try installOptimalBasis() != nil { return }
        try installBasis(from: start)
    }

    /// Computes the optimum over the columns now usable (see ``OptimalStart``) and installs its
    /// basis; `nil` (basis untouched) if that fails.
    private mutating func installOptimalBasis() throws -> OptimalStart.Result? {
        var candidates = [[(mentor: Int, score: Double)]](repeating: [], count: problem.menteeCount)
        for index in 0..<candidateCount where columnUpper[index] == 1 && problem.required[columnMentee[index]] == nil {
            candidates[columnMentee[index]].append((columnMentor[index], columnValue[index]))
        }
        var start = OptimalStart(problem: problem, candidates: candidates, matchWeight: matchWeight)
        start.deadline = deadline
        guard let optimal = start.solve() else {
            return nil
        }
        try installBasis(optimal)
        return optimal
    }

    /// Installs the optimal basis of ``OptimalStart``: tight pairs and zero-dual slacks forming a
    /// forest with exactly one basic slack per tree (so the basis matrix is triangular); rows
    /// with room left keep their slack basic; pairs in the pairing but not tight sit at their upper
    /// bound.
    private mutating func installBasis(_ start: OptimalStart.Result) throws {
        let n = problem.menteeCount
        let m = problem.mentorCount
        let tolerance = 1e-9 * (matchWeight + 100)
        var sets = DisjointSets(count: n + m)
        func root(_ x: Int) -> Int { sets.root(x) }
        var hasSlack = [Bool](repeating: false, count: n + m)
        var variables = [BasisStatus](repeating: .atLower, count: candidateCount)
        var constraints = [BasisStatus](repeating: .atUpper, count: n + m)
        var load = [Double](repeating: 0, count: m)
        func reducedCost(_ index: Int) -> Double {
            matchWeight + columnValue[index] - start.menteeDual[columnMentee[index]] - start.mentorDual[columnMentor[index]]
        }
        // Pairs of the pairing: basic when tight, else at their upper bound; pins are fixed.
        for index in 0..<candidateCount where start.pairing[columnMentee[index]] == columnMentor[index] {
            let i = columnMentee[index]
            let j = columnMentor[index]
            load[j] += 1
            if problem.required[i] == j || reducedCost(index) > tolerance {
                variables[index] = .atUpper
            } else {
                variables[index] = .basic
                let child = root(i), newRoot = root(n + j)
                sets.attach(child, to: newRoot)
            }
        }
        // Rows with room left must keep their slack basic.
        for i in 0..<n where start.pairing[i] == nil {
            constraints[i] = .basic
            hasSlack[root(i)] = true
        }
        let places = problem.places
        for j in 0..<m where load[j] < Double(places[j]) {
            constraints[n + j] = .basic
            hasSlack[root(n + j)] = true
        }
        // Tight pairs outside the pairing join trees, never two trees that both have a slack.
        for index in 0..<candidateCount
        where variables[index] == .atLower && columnUpper[index] == 1 && abs(reducedCost(index)) <= tolerance {
            let a = root(columnMentee[index])
            let b = root(n + columnMentor[index])
            guard a != b, !(hasSlack[a] && hasSlack[b]) else { continue }
            variables[index] = .basic
            sets.attach(a, to: b)
            hasSlack[b] = hasSlack[a] || hasSlack[b]
        }
        // Each tree left without a slack takes one of a row whose dual is zero (else any row:
        // the basis is then primal feasible but not dual feasible, and the simplex goes on).
        var chosenRow = [Int](repeating: -1, count: n + m)
        for row in 0..<(n + m) {
            let r = root(row)
            guard !hasSlack[r] else { continue }
            let dual = row < n ? start.menteeDual[row] : start.mentorDual[row - n]
            if chosenRow[r] < 0 || (dual <= tolerance && !isZeroDual(chosenRow[r], start, tolerance)) { chosenRow[r] = row }
        }
        for r in 0..<(n + m) where chosenRow[r] >= 0 { constraints[chosenRow[r]] = .basic }
        try session.setBasis(variables: variables, constraints: constraints)
    }

    private func isZeroDual(_ row: Int, _ start: OptimalStart.Result, _ tolerance: Double) -> Bool {
        let n = problem.menteeCount
        return (row < n ? start.menteeDual[row] : start.mentorDual[row - n]) <= tolerance
    }

    /// The part of a given pairing that is allowed and fits the capacities, pins first.
    private func feasiblePart(of pairing: [Int?]) -> [Int?] {
        var (result, remaining) = problem.pinnedStart()
        for (i, mentor) in pairing.enumerated().prefix(problem.menteeCount) where result[i] == nil {
            guard let j = mentor, j >= 0, j < problem.mentorCount, problem.required[i] == nil,
                problem.table.entry(mentee: i, mentor: j) != nil, remaining[j] >= 1
            else { continue }
            result[i] = j
            remaining[j] -= 1
        }
        return result
    }

    /// A starting basis from a pairing whose pairs are all columns: its pairs are basic, the rows
    /// of unmatched mentees and every mentor row are basic slacks. The basis matrix is triangular,
    /// hence valid, and primal feasible.
    private mutating func installBasis(from pairing: [Int?]) throws {
        let n = problem.menteeCount
        let m = problem.mentorCount
        var variables = [BasisStatus](repeating: .atLower, count: candidateCount)
        var constraints = [BasisStatus](repeating: .basic, count: n + m)
        for index in 0..<candidateCount where pairing[columnMentee[index]] == columnMentor[index] {
            variables[index] = .basic
            constraints[columnMentee[index]] = .atUpper
        }
        try session.setBasis(variables: variables, constraints: constraints)
    }

    private mutating func addColumns(_ columns: [(mentee: Int, mentor: Int, score: Double)]) throws {
        guard !columns.isEmpty else { return }
        let n = problem.menteeCount
        var variables: [Variable] = []
        var entries: [[(ConstraintID, Double)]] = []
        variables.reserveCapacity(columns.count)
        entries.reserveCapacity(columns.count)
        for column in columns {
            let pinned = problem.required[column.mentee] == column.mentor
            let upper = pinned || column.score >= threshold ? 1.0 : 0.0
            variables.append(
                Variable(
                    lower: pinned ? 1 : 0, upper: upper, kind: .continuous,
                    objective: matchWeight + scale.normalised(column.score)))
            entries.append([(ConstraintID(column.mentee), 1), (ConstraintID(n + column.mentor), 1)])
            present.insert(column.mentee * problem.mentorCount + column.mentor)
            columnMentee.append(column.mentee)
            columnMentor.append(column.mentor)
            columnScore.append(column.score)
            columnValue.append(scale.normalised(column.score))
            columnUpper.append(upper)
        }
        try session.addVariables(variables, columns: entries)
    }

    /// Applies a threshold to the columns already in the model.
    private mutating func applyThreshold(_ threshold: Double) throws {
        self.threshold = threshold
        for index in 0..<candidateCount {
            let pinned = problem.required[columnMentee[index]] == columnMentor[index]
            let upper = pinned || columnScore[index] >= threshold ? 1.0 : 0.0
            if upper != columnUpper[index] {
                try session.setBounds(of: VariableID(index), lower: pinned ? 1 : 0, upper: upper)
                columnUpper[index] = upper
            }
        }
    }

    /// Solve, price, add, repeat — until nothing prices out or the deadline passes; then the
    /// certificate over all allowed pairs decides whether the step is proven.
    private mutating func optimize(deadline: ContinuousClock.Instant?) throws -> PairingStep {
        while true {
            if deadline.hasPassed {
                return PairingStep(
                    termination: Termination(reason: .feasible, limit: .time, detail: "time limit reached"),
                    assignment: startPairing, bound: timeLimitBound(for: startPairing))
            }
            var parameters = deadline.parameters
            parameters.reducedCostTolerance = Self.simplexTolerance
            let result = try session.solveRelaxation(parameters: parameters)
            pricingRounds += 1
            switch result.termination.reason {
            case .optimal:
                break
            case .infeasible, .unbounded, .infeasibleOrUnbounded:
                // Only pins can make this LP infeasible (x = 0 is feasible otherwise).
                return PairingStep(termination: result.termination, assignment: nil, bound: nil)
            case .feasible, .noSolutionFound, .numericalError, .otherError:
                let found = assignment(from: result) ?? startPairing
                return PairingStep(termination: result.termination, assignment: found, bound: timeLimitBound(for: found))
            }
            // A pricing pass over every pair takes seconds in the largest rounds: it stops at the
            // deadline, and the bound then comes from the last complete pass.
            guard let pricing = price(duals: result.duals, deadline: deadline) else {
                let found = assignment(from: result) ?? startPairing
                return PairingStep(
                    termination: Termination(reason: .feasible, limit: .time, detail: "time limit reached while pricing"),
                    assignment: found, bound: timeLimitBound(for: found))
            }
            repairedDuals = pricing.repaired
            crudeBound = pricing.crude
            if pricing.columns.isEmpty {
                guard let chosen = assignment(from: result) else {
                    return PairingStep(
                        termination: Termination(reason: .numericalError, detail: "the LP optimum is not integral"),
                        assignment: startPairing, bound: timeLimitBound(for: startPairing))
                }
                let proof = certificate(for: chosen, duals: pricing.repaired)
                let gap = proof.restScore + proof.gap
                let mostMatched = gap + 1e-6 < matchWeight
                guard mostMatched, proof.gap <= Self.gapTolerance else {
                    return PairingStep(
                        termination: Termination(
                            reason: .feasible,
                            detail: "no pair prices out, but the bound over all pairs leaves a normalised gap of \(proof.gap)"),
                        assignment: chosen, bound: timeLimitBound(for: chosen))
                }
                return PairingStep(
                    termination: Termination(reason: .optimal, detail: "proven by the dual bound over all allowed pairs"),
                    assignment: chosen,
                    bound: scale.raw(proof.pinnedScore + proof.restScore + proof.gap, matched: proof.pinned + proof.restMatched))
            }
            if deadline.hasPassed {
                let found = assignment(from: result) ?? startPairing
                return PairingStep(
                    termination: Termination(reason: .feasible, limit: .time, detail: "time limit reached while pricing"),
                    assignment: found, bound: timeLimitBound(for: found))
            }
            try addColumns(pricing.columns)
            // The warm start is not interruptible either: skip it once the deadline has passed
            // (the next loop turn then returns the pairing in hand).
            if !deadline.hasPassed { _ = try installOptimalBasis() }
        }
    }

    /// The pairing of an LP solution, or `nil` if it is not integral (which total unimodularity
    /// rules out for basic solutions; kept as a check against numerical trouble).
    private func assignment(from result: SolveResult) -> [Int?]? {
        guard result.values.count == candidateCount else { return nil }
        var chosen = [Int?](repeating: nil, count: problem.menteeCount)
        for (index, value) in result.values.enumerated() {
            if abs(value - value.rounded()) > 1e-6 { return nil }
            if value > 0.5 { chosen[columnMentee[index]] = columnMentor[index] }
        }
        return chosen
    }

    /// What the repaired duals `(u', v')` prove about a pairing `x`, in normalised units. Pinned
    /// mentees are fixed: they and the places they use are left out of the free part, whose dual
    /// bound is `B_rest = restMatched·M + restScore + gap`, with `gap` summed from complementary
    /// slackness (see the type's documentation).
    struct Certificate {
        var pinned = 0
        var pinnedScore = 0.0
        var restMatched = 0
        var restScore = 0.0
        var gap = 0.0
    }

    func certificate(for pairing: [Int?], duals: (mentee: [Double], mentor: [Double])) -> Certificate {
        var proof = Certificate()
        var load = [Int](repeating: 0, count: problem.mentorCount)
        for (i, mentor) in pairing.enumerated() {
            guard let j = mentor, let entry = problem.table.entry(mentee: i, mentor: j) else {
                if problem.required[i] == nil { proof.gap += duals.mentee[i] }
                continue
            }
            let value = scale.normalised(entry.score)
            if problem.required[i] == j {
                proof.pinned += 1
                proof.pinnedScore += value
                continue
            }
            load[j] += 1
            proof.restMatched += 1
            proof.restScore += value
            proof.gap += duals.mentee[i] + duals.mentor[j] - matchWeight - value
        }
        for j in 0..<problem.mentorCount where placesLeft[j] > load[j] {
            proof.gap += Double(placesLeft[j] - load[j]) * duals.mentor[j]
        }
        proof.gap = max(0, proof.gap)
        return proof
    }

    /// A proven upper bound on the total score of any pairing that matches at least as many
    /// mentees as `pairing`, when the proof is not complete (time limit, numerical trouble).
    ///
    /// With repaired duals from a pricing pass at this threshold: a pairing with `K_r ≥ restMatched`
    /// free matches has `Σ s' ≤ B_rest − K_r·M`, so `K_r ≤ restMatched + ⌊(restScore + gap)/M⌋`,
    /// and its raw total is linear in `K_r`: the larger of the two ends bounds it. Never above
    /// ``bestScoreBound()``, which holds for every pairing.
    private func timeLimitBound(for pairing: [Int?]) -> Double {
        let crude = crudeBound ?? bestScoreBound()
        guard let duals = repairedDuals else { return crude }
        let proof = certificate(for: pairing, duals: duals)
        let slack = proof.restScore + proof.gap
        let extra = (slack / matchWeight).rounded(.down)
        var best = -Double.infinity
        for added in [0, extra] {
            let score = proof.pinnedScore + slack - added * matchWeight
            best = max(best, scale.raw(score, matched: proof.pinned + proof.restMatched + Int(added)))
        }
        return min(crude, best)
    }

    /// `Σ_i max(0, max_j s_ij)` over the pairs at or above the threshold (pins count as their own
    /// score): no pairing scores more.
    private func bestScoreBound() -> Double {
        var bound = 0.0
        for i in 0..<problem.menteeCount {
            if let pinned = problem.required[i] {
                bound += problem.table.entry(mentee: i, mentor: pinned)?.score ?? 0
                continue
            }
            var best = 0.0
            problem.table.forEachAllowed(mentee: i) { _, score, _ in if score >= threshold { best = max(best, score) } }
            bound += best
        }
        return bound
    }

    /// Prices every allowed pair not yet in the model, in parallel over mentees, and repairs the
    /// duals over every allowed pair at or above the threshold: `v'_j = max(0, v_j)`,
    /// `u'_i = max(0, max_j (M + s'_ij − v'_j))` over mentors with a place left (0 for pinned
    /// mentees, which the certificate leaves out).
    ///
    /// Also returns `Σ_i max(0, max_j s_ij)` over those pairs (the crude bound on every pairing).
    /// - Returns: `nil` when the deadline passed before every pair was priced.
    private func price(duals: [Double], deadline: ContinuousClock.Instant?) -> (
        columns: [(mentee: Int, mentor: Int, score: Double)], repaired: (mentee: [Double], mentor: [Double]),
        crude: Double
    )? {
        let n = problem.menteeCount
        let m = problem.mentorCount
        let mentorDual = duals[n..<(n + m)].map { max(0, $0) }
        let k = options.columnsPerMenteePerRound
        let chunks = min(max(1, n), 32)
        let results = UnsafeResults<[(Int, Int, Double)]>(count: chunks, initial: [])
        let repaired = UnsafeResults<Double>(count: n, initial: 0)
        let bests = UnsafeResults<Double>(count: n, initial: 0)
        let stopped = UnsafeResults<Bool>(count: chunks, initial: false)
        let threshold = self.threshold
        let table = problem.table
        let required = problem.required
        let present = self.present
        let tolerance = self.tolerance
        let matchWeight = self.matchWeight
        // Mentors without a place left take no pair: an infinite dual prices them out (and keeps
        // them out of the repair) without a test per pair.
        let placesLeft = self.placesLeft
        let scale = self.scale
        let pricingDual = mentorDual.indices.map { placesLeft[$0] > 0 ? mentorDual[$0] : .infinity }
        ParallelLoop.run(count: chunks) { chunk in
            var columns: [(Int, Int, Double)] = []
            for i in (n * chunk / chunks)..<(n * (chunk + 1) / chunks) {
                if i % 64 == 0, deadline.hasPassed {
                    stopped.set(chunk, true)
                    return
                }
                if let pinned = required[i] {
                    bests.set(i, table.entry(mentee: i, mentor: pinned)?.score ?? 0)
                    continue
                }
                let base = duals[i] - matchWeight
                var best = TopK(capacity: k)
                var repair = 0.0
                var bestScore = 0.0
                table.forEachAllowed(mentee: i) { j, score, _ in
                    guard score >= threshold else { return }
                    bestScore = max(bestScore, score)
                    let value = scale.normalised(score)
                    let dual = pricingDual[j]
                    repair = max(repair, matchWeight + value - dual)
                    let reduced = value - base - dual
                    if reduced > tolerance && !present.contains(i * m + j) {
                        best.insert(key: reduced, tie: score, mentor: j)
                    }
                }
                repaired.set(i, repair)
                bests.set(i, bestScore)
                for item in best.sorted() { columns.append((i, item.mentor, item.tie)) }
            }
            results.set(chunk, columns)
        }
        if stopped.values.contains(true) { return nil }
        var columns: [(mentee: Int, mentor: Int, score: Double)] = []
        for part in results.values {
            columns += part.map { (mentee: $0.0, mentor: $0.1, score: $0.2) }
        }
        return (columns, (repaired.values, mentorDual), bests.values.reduce(0, +))
    }
}

/// The `capacity` entries with the largest keys (ties: larger `tie`, then smaller mentor).
struct TopK {
    struct Item {
        var key: Double
        var tie: Double
        var mentor: Int
    }

    let capacity: Int
    private var items: [Item] = []

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity + 1)
    }

    private static func isBetter(_ a: Item, _ b: Item) -> Bool {
        (a.key, a.tie, -a.mentor) > (b.key, b.tie, -b.mentor)
    }

    mutating func insert(key: Double, tie: Double, mentor: Int) {
        let item = Item(key: key, tie: tie, mentor: mentor)
        if items.count == capacity, let last = items.last, !Self.isBetter(item, last) { return }
        var position = items.count
        while position > 0 && Self.isBetter(item, items[position - 1]) { position -= 1 }
        items.insert(item, at: position)
        if items.count > capacity { items.removeLast() }
    }

    /// Best first.
    func sorted() -> [Item] { items }
}

/// Per-chunk results written by concurrent workers, each to its own slot of a fixed buffer.
final class UnsafeResults<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value>

    init(count: Int, initial: Value) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: initial)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// Writes slot `index`; each slot is written by one worker only.
    func set(_ index: Int, _ value: Value) { slots[index] = value }

    /// All slots in order; read after the workers are done.
    var values: [Value] { Array(slots) }
}

