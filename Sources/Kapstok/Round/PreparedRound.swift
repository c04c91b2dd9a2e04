/// A round made ready for the optimiser: rules checked, every allowed pair scored.
///
/// The stage between loading and solving: `Round` → ``PreparedRound`` → ``PairingProblem``.
public struct PreparedRound: Sendable {
    public let round: Round
    public let eligibility: Eligibility
    /// The default fit model; `nil` in scores mode (scores come from `scores.csv`).
    public let scoring: ScoringModel?
    public let table: PairTable
    /// Each mentor's capacity, defaults applied.
    public let capacity: [Double]

    /// Scores the round and applies the hard rules.
    ///
    /// - Throws: ``RoundError`` listing every `require` rule that cannot hold (it breaks a hard
    ///   rule, is missing from `scores.csv`, or overfills its mentor).
    public init(round: Round) throws(RoundError) {
        self.round = round
        let eligibility = Eligibility(round: round)
        self.eligibility = eligibility
        capacity = round.mentors.map { $0.capacity ?? round.configuration.pairing.defaultCapacity }
        let menteeIndex = Dictionary(round.mentees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let mentorIndex = Dictionary(round.mentors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        if let scores = round.scores {
            scoring = nil
            var pairs: [(mentee: Int, mentor: Int, score: Double, load: Double)] = []
            pairs.reserveCapacity(scores.count)
            for entry in scores {
                guard let i = menteeIndex[entry.menteeID], let j = mentorIndex[entry.mentorID],
                    eligibility.isAllowed(mentee: i, mentor: j)
                else { continue }
                pairs.append((i, j, entry.score, entry.load))
            }
            table = PairTable(menteeCount: round.mentees.count, mentorCount: round.mentors.count, pairs: pairs)
        } else {
            let model = ScoringModel(round: round)
            scoring = model
            table = PairTable.scoring(round, model: model, eligibility: eligibility)
        }
        try checkRequirements()
    }

    /// A defence for rounds made in code: the loader already reports these rules as located
    /// errors (see ``Eligibility/impossibleRequirements(in:capacity:)``).
    private func checkRequirements() throws(RoundError) {
        let problems = eligibility.impossibleRequirements(in: round, capacity: capacity)
        if !problems.isEmpty { throw RoundError(problems: problems) }
    }

    /// The optimiser's view of the round.
    public var problem: PairingProblem {
        PairingProblem(table: table, capacity: capacity, required: eligibility.requiredMentor)
    }

    /// The score of an allowed pair, or `nil`.
    public func score(mentee i: Int, mentor j: Int) -> Double? {
        table.entry(mentee: i, mentor: j)?.score
    }
}

/// `require` rules that cannot hold; reported as input errors, each at its rule's location.
public struct RoundError: Error, Sendable, CustomStringConvertible {
    public struct Problem: Sendable {
        public let rule: PairRule
        public let message: String
    }

    public let problems: [Problem]

    public var description: String { problems.map(\.message).joined(separator: "\n") }
}
