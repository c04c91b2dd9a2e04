import Kapstok

/// One instance of the generalised assignment problem (GAP) in J. E. Beasley's OR-Library
/// format, and its translation into a scores-mode round.
///
/// `m` agents with capacities `b[i]`; `n` jobs; assigning job `j` to agent `i` costs `c[i][j]`
/// and uses `a[i][j]` of the agent's capacity. In Kapstok terms an agent is a mentor
/// (`capacity = b[i]`), a job a mentee, and each (job, agent) pair a line of `scores.csv` with
/// `load = a[i][j]`.
public struct GAPInstance: Sendable, Equatable {
    public let agents: Int
    public let jobs: Int
    /// `cost[i][j]`, agent-major as in the file.
    public let cost: [[Int]]
    /// `resource[i][j]`: what job `j` uses of agent `i`'s capacity.
    public let resource: [[Int]]
    /// `capacity[i]` of agent `i`.
    public let capacity: [Int]

    public init(agents: Int, jobs: Int, cost: [[Int]], resource: [[Int]], capacity: [Int]) {
        self.agents = agents
        self.jobs = jobs
        self.cost = cost
        self.resource = resource
        self.capacity = capacity
    }

    /// The mentor id of agent `i` (0-based): `A1`, `A2`, …
    public static func mentorID(_ i: Int) -> String { "A\(i + 1)" }
    /// The mentee id of job `j` (0-based): `J1`, `J2`, …
    public static func menteeID(_ j: Int) -> String { "J\(j + 1)" }

    /// The score of a pair: the cost for a maximisation instance, its negation for a
    /// minimisation one (Kapstok maximises).
    public func score(agent i: Int, job j: Int, maximise: Bool) -> Int {
        maximise ? cost[i][j] : -cost[i][j]
    }

    /// The instance as a scores-mode round: every (job, agent) pair is a candidate.
    public func round(maximise: Bool) -> Round {
        let mentors = (0..<agents).map { i in
            Mentor(id: Self.mentorID(i), name: "Agent \(i + 1)", capacity: Double(capacity[i]))
        }
        let mentees = (0..<jobs).map { j in Mentee(id: Self.menteeID(j), name: "Job \(j + 1)") }
        var scores: [ScoreEntry] = []
        scores.reserveCapacity(agents * jobs)
        for j in 0..<jobs {
            for i in 0..<agents {
                scores.append(ScoreEntry(
                    menteeID: Self.menteeID(j), mentorID: Self.mentorID(i),
                    score: Double(score(agent: i, job: j, maximise: maximise)), load: Double(resource[i][j])))
            }
        }
        return Round(framework: .builtIn, mentors: mentors, mentees: mentees, scores: scores)
    }

    /// The total cost and each agent's used capacity of an assignment (one agent index or `nil`
    /// per job), recomputed from the instance's own numbers.
    public func evaluate(_ assignment: [Int?]) -> (cost: Int, used: [Int]) {
        var used = [Int](repeating: 0, count: agents)
        var total = 0
        for (j, agent) in assignment.enumerated() {
            guard let i = agent else { continue }
            used[i] += resource[i][j]
            total += cost[i][j]
        }
        return (total, used)
    }
}

/// Reads OR-Library GAP files: whitespace-separated integers, line breaks meaningless.
///
/// The reading itself is ``read(_:)`` (see `GAPReader.swift`), which reports every problem at its
/// line and column; this entry point keeps the text-based form the tests use.
public enum GAPFormat {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// All instances of a file: `P` (the instance count, absent in single-instance files such as
    /// Yagiura's `e05100`), then per instance `m n`, the m×n costs, the m×n resource values and
    /// the m capacities.
    ///
    /// - Parameter hasCount: whether the file starts with `P`; `nil` detects it (see ``read(_:)``).
    /// - Throws: ``Failure`` holding the located diagnostics (`file:line:column: error: …`).
    public static func instances(in text: String, file: String, hasCount: Bool? = nil) throws(Failure) -> [GAPInstance] {
        do {
            return try read(.text(text, path: file), hasCount: hasCount)
        } catch {
            throw Failure(description: error.diagnostics.map(\.description).joined(separator: "\n"))
        }
    }
}
