import Foundation
import Kapstok

/// The input files of a pairing round; only mentors and mentees are required.
public struct RoundSources: Sendable {
    public var mentors: InputSource
    public var mentees: InputSource
    /// `framework.csv`; `nil` uses ``Framework/builtIn``.
    public var framework: InputSource?
    /// `scores.csv`; when given, framework columns in the people files become optional.
    public var scores: InputSource?
    public var constraints: InputSource?
    public var history: InputSource?
    /// `kapstok.toml`; `nil` uses the defaults.
    public var configuration: InputSource?

    /// Creates the set of sources.
    public init(
        mentors: InputSource, mentees: InputSource, framework: InputSource? = nil, scores: InputSource? = nil,
        constraints: InputSource? = nil, history: InputSource? = nil, configuration: InputSource? = nil
    ) {
        self.mentors = mentors
        self.mentees = mentees
        self.framework = framework
        self.scores = scores
        self.constraints = constraints
        self.history = history
        self.configuration = configuration
    }
}

/// Loads every input file of a pairing round into a ``Round``, reporting all problems at once.
///
/// Order: the configuration, then the framework (``Framework/builtIn`` when none is given),
/// then mentors and mentees, then scores, constraints and history (checked against the people's
/// ids), then the manager chains across both people files (a loop is a warning). Every loader
/// keeps going after an error, so one run reports every problem in every file.
///
/// The configured `default_capacity` and `default_target` are not copied into the people: empty
/// cells stay `nil` and scoring applies the configuration.
public struct RoundLoader: Sendable {
    /// Creates a loader.
    public init() {}

    /// Loads a round from files on disk.
    ///
    /// - Returns: the round and the warnings (sorted).
    /// - Throws: ``DiagnosticsError`` with every error and warning (sorted) if any error was found.
    public func loadRound(
        mentors: URL, mentees: URL, framework: URL? = nil, scores: URL? = nil, constraints: URL? = nil,
        history: URL? = nil, config: URL? = nil
    ) throws(DiagnosticsError) -> (round: Round, warnings: [Diagnostic]) {
        try loadRound(
            RoundSources(
                mentors: .file(mentors), mentees: .file(mentees), framework: framework.map(InputSource.file),
                scores: scores.map(InputSource.file), constraints: constraints.map(InputSource.file),
                history: history.map(InputSource.file), configuration: config.map(InputSource.file)))
    }

    /// Loads a round from sources on disk or in memory.
    ///
    /// - Returns: the round and the warnings (sorted).
    /// - Throws: ``DiagnosticsError`` with every error and warning (sorted) if any error was found.
    public func loadRound(_ sources: RoundSources) throws(DiagnosticsError) -> (round: Round, warnings: [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        let configuration = sources.configuration.map { ConfigurationLoader.load($0, diagnostics: &diagnostics) }
            ?? Configuration()

        // An unreadable framework file is reported; the people are then checked without level
        // columns rather than against the built-in framework, which would only add noise.
        var framework = Framework.builtIn
        if let source = sources.framework {
            framework = FrameworkLoader.load(source, diagnostics: &diagnostics) ?? Framework(items: [])
        }
        let people = PeopleLoader(framework: framework, usesScores: sources.scores != nil)
        let mentorsFile = CSVReader.read(sources.mentors, diagnostics: &diagnostics)
            .map { people.mentorsFile($0, diagnostics: &diagnostics) }
        let menteesFile = CSVReader.read(sources.mentees, diagnostics: &diagnostics)
            .map { people.menteesFile($0, diagnostics: &diagnostics) }
        let known = KnownPeople(
            menteeIDs: menteesFile.map { Set($0.people.map(\.id)) },
            mentorIDs: mentorsFile.map { Set($0.people.map(\.id)) })

        let scores = sources.scores.map { ScoresLoader.load($0, people: known, diagnostics: &diagnostics) ?? [] }
        let rules = sources.constraints.flatMap { ConstraintsLoader.load($0, people: known, diagnostics: &diagnostics) } ?? []
        let history = sources.history.flatMap { HistoryLoader.load($0, people: known, diagnostics: &diagnostics) } ?? []

        ManagerChains.reportLoops(
            mentors: mentorsFile ?? PeopleFile(), mentees: menteesFile ?? PeopleFile(), diagnostics: &diagnostics)

        try diagnostics.throwIfErrors()
        let round = Round(
            framework: framework, mentors: mentorsFile?.people ?? [], mentees: menteesFile?.people ?? [], rules: rules,
            history: history, scores: scores, configuration: configuration)
        return (round, diagnostics.warnings)
    }
}

/// Finds loops in the `manager_id` chains across mentors and mentees.
enum ManagerChains {
    /// Adds one `manager-cycle` warning per loop, at the manager cell of the loop member that
    /// comes first in file order. Self-references are errors reported by the people loader and
    /// are skipped here. Manager ids that are not people of the round end a chain.
    static func reportLoops(mentors: PeopleFile<Mentor>, mentees: PeopleFile<Mentee>, diagnostics: inout DiagnosticCollector) {
        // Each person's manager edge; someone in both files keeps their mentors.csv entry.
        var manager: [String: (id: String, location: Diagnostic.Location)] = [:]
        var order: [String] = []
        var isPerson = Set<String>()
        func add(id: String, managerID: String?, location: Diagnostic.Location?) {
            guard isPerson.insert(id).inserted else { return }
            order.append(id)
            if let managerID, let location, managerID != id { manager[id] = (managerID, location) }
        }
        for (person, location) in zip(mentors.people, mentors.managerLocations) {
            add(id: person.id, managerID: person.managerID, location: location)
        }
        for (person, location) in zip(mentees.people, mentees.managerLocations) {
            add(id: person.id, managerID: person.managerID, location: location)
        }
        var isDone = Set<String>()
        for start in order where !isDone.contains(start) {
            var path: [String] = []
            var positionOnPath: [String: Int] = [:]
            var current = start
            while !isDone.contains(current) {
                if let position = positionOnPath[current] {
                    report(loop: path[position...].map { ($0, manager[$0]?.location) }, diagnostics: &diagnostics)
                    break
                }
                positionOnPath[current] = path.count
                path.append(current)
                guard let next = manager[current]?.id, isPerson.contains(next) else { break }
                current = next
            }
            isDone.formUnion(path)
        }
    }

    /// Reports one loop, starting the chain at the member whose manager cell comes first.
    private static func report(loop: [(id: String, location: Diagnostic.Location?)], diagnostics: inout DiagnosticCollector) {
        let located = loop.enumerated().compactMap { index, member in member.location.map { (index, $0) } }
        guard let (first, location) = located.min(by: { $0.1 < $1.1 }) else { return }
        let ids = loop.map(\.id)
        let rotated = Array(ids[first...] + ids[..<first])
        let chain = (rotated + [rotated[0]]).map { "'\($0)'" }.joined(separator: " → ")
        diagnostics.warning(.managerCycle, "manager chain loops: \(chain)", at: location)
    }
}
