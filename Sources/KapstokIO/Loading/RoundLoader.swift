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
    /// `org.csv` (`id,manager_id`), the whole org chart; `nil`: the manager chain follows only
    /// the people files.
    public var org: InputSource?
    /// `preferences.csv` (`person_id,choice,rank`), stated preference lists; `nil`: none.
    public var preferences: InputSource?

    /// Creates the set of sources.
    public init(
        mentors: InputSource, mentees: InputSource, framework: InputSource? = nil, scores: InputSource? = nil,
        constraints: InputSource? = nil, history: InputSource? = nil, configuration: InputSource? = nil,
        org: InputSource? = nil, preferences: InputSource? = nil
    ) {
        self.preferences = preferences
        self.org = org
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
/// then mentors and mentees, then scores, constraints, history, preferences (checked against the
/// people's ids, see ``PreferencesLoader``) and org.csv. Then the checks across files, once every
/// file is read:
/// - the round's size: more than ``Limits/maxPairs`` mentee–mentor pairs is an error at
///   mentors.csv:1:1, before anything is allocated for them;
/// - the same id in both people files is one person (tiered programs): two different
///   `manager_id`s for them is an error at the second (in mentees.csv);
/// - org.csv against the people files: where both give someone a manager and they differ, the
///   people files win, with a warning at the org.csv cell;
/// - the manager chart (``ManagerChart``): a loop is a warning; with the manager-chain rule on, a
///   `manager_id` that matches nobody in either people file or org.csv is a warning at that
///   cell, naming whom it affects;
/// - a `load` in scores.csv above its mentor's capacity is a warning (the pair can never be
///   chosen);
/// - a `preference_weight` above 0 with scores.csv and stated mentee choices is a warning at
///   preferences.csv:1:1: the bonus is not applied in scores mode (see ``PreferenceBonus``);
/// - every `require` rule that cannot hold (see ``Eligibility/impossibleRequirements(in:capacity:)``)
///   is an error at its cell in constraints.csv.
/// Every loader keeps going after an error, so one run reports every problem in every file.
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
        history: URL? = nil, config: URL? = nil, org: URL? = nil, preferences: URL? = nil
    ) throws(DiagnosticsError) -> (round: Round, warnings: [Diagnostic]) {
        try loadRound(
            RoundSources(
                mentors: .file(mentors), mentees: .file(mentees), framework: framework.map(InputSource.file),
                scores: scores.map(InputSource.file), constraints: constraints.map(InputSource.file),
                history: history.map(InputSource.file), configuration: config.map(InputSource.file),
                org: org.map(InputSource.file), preferences: preferences.map(InputSource.file)))
    }

    /// Loads a round from sources on disk or in memory.
    ///
    /// - Returns: the round and the warnings (sorted).
    /// - Throws: ``DiagnosticsError`` with every error and warning (sorted) if any error was found.
    public func loadRound(_ sources: RoundSources) throws(DiagnosticsError) -> (round: Round, warnings: [Diagnostic]) {
        try loadRound(sources, framework: .builtIn)
    }

    /// Loads a round whose framework, when `sources` has no framework file, is `defaultFramework`
    /// (a workspace's).
    public func loadRound(
        _ sources: RoundSources, framework defaultFramework: Framework
    ) throws(DiagnosticsError) -> (round: Round, warnings: [Diagnostic]) {
        let loaded = try loadRoundWithOutput(sources, framework: defaultFramework)
        return (loaded.round, loaded.warnings)
    }

    /// A loaded round with what its files say about the outputs: the configuration's `[output]`
    /// table and the dialect of the mentees file (else the mentors file), read once.
    public struct LoadedRound: Sendable {
        public var round: Round
        /// The warnings, sorted.
        public var warnings: [Diagnostic]
        /// `[output]` of `kapstok.toml` (empty without a configuration file).
        public var output: OutputPreferences
        /// ``CSVDialect/inferred(from:)`` of the mentees file, else the mentors file; `nil`
        /// when neither was read as a table.
        public var inferredDialect: CSVDialect?
    }

    /// ``loadRound(_:framework:)`` with the output settings the files give.
    public func loadRoundWithOutput(
        _ sources: RoundSources, framework defaultFramework: Framework = .builtIn
    ) throws(DiagnosticsError) -> LoadedRound {
        var diagnostics = DiagnosticCollector()
        let settings = sources.configuration.map { ConfigurationLoader.loadWithOutput($0, diagnostics: &diagnostics) }
        let configuration = settings?.configuration ?? Configuration()

        // An unreadable framework file is reported; the people are then checked without level
        // columns rather than against the built-in framework, which would only add noise.
        var framework = defaultFramework
        if let source = sources.framework {
            framework = FrameworkLoader.load(source, diagnostics: &diagnostics) ?? Framework(items: [])
        }
        let people = PeopleLoader(framework: framework, usesScores: sources.scores != nil)
        let mentorsTable = CSVReader.read(sources.mentors, headerNames: ["id", "name"], diagnostics: &diagnostics)
        let mentorsFile = mentorsTable.map { people.mentorsFile($0, diagnostics: &diagnostics) }
        let menteesTable = CSVReader.read(sources.mentees, headerNames: ["id", "name"], diagnostics: &diagnostics)
        let menteesFile = menteesTable.map { people.menteesFile($0, diagnostics: &diagnostics) }
        let inferredDialect = (menteesTable ?? mentorsTable).map(CSVDialect.inferred(from:))
        let known = KnownPeople(
            menteeIDs: menteesFile.map { Set($0.people.map(\.id)) },
            mentorIDs: mentorsFile.map { Set($0.people.map(\.id)) })

        let scoresFile = sources.scores.map { source in
            CSVReader.read(source, headerNames: ["mentee_id", "mentor_id", "score", "load"], diagnostics: &diagnostics)
                .map { ScoresLoader.scoresFile($0, people: known, diagnostics: &diagnostics) } ?? (entries: [], loadLocations: [])
        }
        let rules = sources.constraints.flatMap { ConstraintsLoader.load($0, people: known, diagnostics: &diagnostics) } ?? []
        let history = sources.history.flatMap { HistoryLoader.load($0, people: known, diagnostics: &diagnostics) } ?? []
        let preferences = sources.preferences.flatMap { PreferencesLoader.load($0, people: known, diagnostics: &diagnostics) }
            ?? StatedPreferences()
        let orgFile = sources.org.flatMap { source in
            CSVReader.read(source, headerNames: ["id", "manager_id"], diagnostics: &diagnostics).map { OrgLoader.orgFile($0, diagnostics: &diagnostics) }
        }

        let round = Round(
            framework: framework, mentors: mentorsFile?.people ?? [], mentees: menteesFile?.people ?? [], rules: rules,
            history: history, scores: scoresFile?.entries, org: orgFile?.entries ?? [], configuration: configuration,
            preferences: preferences)
        let checks = CrossFileChecks(
            round: round, mentors: mentorsFile ?? PeopleFile(), mentees: menteesFile ?? PeopleFile(),
            orgManagerLocations: orgFile?.managerLocations ?? [])
        let isTooLarge = checks.reportSize(mentorsPath: sources.mentors.path, diagnostics: &diagnostics)
        checks.reportSamePeople(mentorsPath: sources.mentors.path, diagnostics: &diagnostics)
        checks.reportOrgDisagreements(diagnostics: &diagnostics)
        let chart = ManagerChart(round: round)
        checks.reportLoops(chart, diagnostics: &diagnostics)
        // Without both people files every manager looks unknown: nothing useful to say.
        let hasBothFiles = !(mentorsFile?.people.isEmpty ?? true) && !(menteesFile?.people.isEmpty ?? true)
        if configuration.rules.managerChain && hasBothFiles {
            checks.reportUnknownManagers(chart, diagnostics: &diagnostics)
        }
        if let scoresFile { checks.reportLoadsOverCapacity(loadLocations: scoresFile.loadLocations, diagnostics: &diagnostics) }
        if let source = sources.preferences, scoresFile != nil, configuration.scoring.preferenceWeight > 0,
            !preferences.mentees.isEmpty
        {
            diagnostics.warning(
                .preferenceNotApplied,
                "preference_weight is not applied with scores.csv (its scores are on your own scale): "
                    + "add the bonus for stated choices to scores.csv; the stable strategy still uses these lists",
                at: Diagnostic.Location(file: source.path, line: 1, column: 1))
        }
        if !isTooLarge { checks.reportImpossibleRequirements(diagnostics: &diagnostics) }

        try diagnostics.throwIfErrors()
        return LoadedRound(
            round: round, warnings: diagnostics.warnings, output: settings?.output ?? OutputPreferences(), inferredDialect: inferredDialect)
    }
}

/// The checks that need more than one file, run once every file is read.
struct CrossFileChecks {
    let round: Round
    let mentors: PeopleFile<Mentor>
    let mentees: PeopleFile<Mentee>
    /// Aligned with ``Round/org``.
    let orgManagerLocations: [Diagnostic.Location?]
    /// Where each manager edge of the chart is written, with the chart's precedence: mentors.csv,
    /// then mentees.csv, then org.csv.
    private(set) var managerLocation: [String: Diagnostic.Location] = [:]

    init(round: Round, mentors: PeopleFile<Mentor>, mentees: PeopleFile<Mentee>, orgManagerLocations: [Diagnostic.Location?]) {
        self.round = round
        self.mentors = mentors
        self.mentees = mentees
        self.orgManagerLocations = orgManagerLocations
        func add(_ id: String, _ manager: String?, _ location: Diagnostic.Location?) {
            if let manager, manager != id, let location, managerLocation[id] == nil { managerLocation[id] = location }
        }
        for (person, location) in zip(mentors.people, mentors.managerLocations) { add(person.id, person.managerID, location) }
        for (person, location) in zip(mentees.people, mentees.managerLocations) { add(person.id, person.managerID, location) }
        for (entry, location) in zip(round.org, orgManagerLocations) { add(entry.id, entry.managerID, location) }
    }

    /// An error when the round has more pairs than ``Limits/maxPairs``; returns whether it has.
    func reportSize(mentorsPath: String, diagnostics: inout DiagnosticCollector) -> Bool {
        let menteeCount = round.mentees.count, mentorCount = round.mentors.count
        guard Limits.pairCount(mentees: menteeCount, mentors: mentorCount) == nil else { return false }
        let (product, overflow) = menteeCount.multipliedReportingOverflow(by: mentorCount)
        let pairs = overflow ? "more than \(Int.max)" : "\(product)"
        diagnostics.error(
            .roundTooLarge,
            "round too large: \(menteeCount) mentees × \(mentorCount) mentors = \(pairs) pairs; "
                + "the limit is \(Limits.maxPairs) pairs (the score table takes 4 bytes per pair)",
            at: Diagnostic.Location(file: mentorsPath, line: 1, column: 1))
        return true
    }

    /// Someone in both people files is one person: an error where the two rows name different managers.
    func reportSamePeople(mentorsPath: String, diagnostics: inout DiagnosticCollector) {
        var mentorManager: [String: String?] = [:]
        for mentor in mentors.people { mentorManager[mentor.id] = mentor.managerID }
        for (mentee, location) in zip(mentees.people, mentees.managerLocations) {
            guard let entry = mentorManager[mentee.id], let mentorSide = entry, let menteeSide = mentee.managerID,
                mentorSide != menteeSide, let location
            else { continue }
            diagnostics.error(
                .conflictingManager,
                "\(Diagnostic.quoted(mentee.id)) is also in \(Self.fileName(mentorsPath)) with manager \(Diagnostic.quoted(mentorSide)), here \(Diagnostic.quoted(menteeSide)); "
                    + "one person has one manager chain",
                at: location)
        }
    }

    /// A warning where org.csv gives someone of the people files a different manager.
    func reportOrgDisagreements(diagnostics: inout DiagnosticCollector) {
        guard !round.org.isEmpty else { return }
        var peopleManager: [String: String] = [:]
        for mentor in round.mentors { if let manager = mentor.managerID { peopleManager[mentor.id] = manager } }
        for mentee in round.mentees where peopleManager[mentee.id] == nil {
            if let manager = mentee.managerID { peopleManager[mentee.id] = manager }
        }
        for (entry, location) in zip(round.org, orgManagerLocations) {
            guard let orgManager = entry.managerID, let location, let manager = peopleManager[entry.id],
                manager != orgManager
            else { continue }
            diagnostics.warning(
                .conflictingManager,
                "manager \(Diagnostic.quoted(orgManager)) of \(Diagnostic.quoted(entry.id)) differs from the people files, which give \(Diagnostic.quoted(manager)); "
                    + "the people files win",
                at: location)
        }
    }

    /// One `manager-cycle` warning per loop, at the manager cell of the loop member that comes
    /// first (by file, line and column), the chain starting there.
    func reportLoops(_ chart: ManagerChart, diagnostics: inout DiagnosticCollector) {
        for loop in chart.loops() {
            let located = loop.enumerated().compactMap { index, id in managerLocation[id].map { (index, $0) } }
            guard let (first, location) = located.min(by: { $0.1 < $1.1 }) else { continue }
            let rotated = Array(loop[first...] + loop[..<first])
            let chain = (rotated + [rotated[0]]).map { Diagnostic.quoted($0) }.joined(separator: " → ")
            diagnostics.warning(.managerCycle, "manager chain loops: \(chain)", at: location)
        }
    }

    /// A warning at each `manager_id` cell, reached from the program's people, that names nobody known.
    func reportUnknownManagers(_ chart: ManagerChart, diagnostics: inout DiagnosticCollector) {
        for (person, manager) in chart.unknownManagers() {
            guard let location = managerLocation[person] else { continue }
            diagnostics.warning(
                .unknownManager,
                "manager \(Diagnostic.quoted(manager)) of \(Diagnostic.quoted(person)) is unknown: the manager-chain rule cannot see above \(Diagnostic.quoted(person))",
                at: location)
        }
    }

    /// A warning at each `load` cell above its mentor's capacity.
    func reportLoadsOverCapacity(loadLocations: [Diagnostic.Location?], diagnostics: inout DiagnosticCollector) {
        guard let scores = round.scores else { return }
        let defaultCapacity = round.configuration.pairing.defaultCapacity
        var capacity: [String: Double] = [:]
        for mentor in round.mentors { capacity[mentor.id] = mentor.capacity ?? defaultCapacity }
        for (entry, location) in zip(scores, loadLocations) {
            guard let location, let limit = capacity[entry.mentorID], entry.load > limit + 1e-9 else { continue }
            diagnostics.warning(
                .loadOverCapacity,
                "load \(Format.number(entry.load, decimals: 6)) exceeds mentor \(Diagnostic.quoted(entry.mentorID))'s capacity "
                    + "\(Format.number(limit, decimals: 6)): this pair can never be chosen",
                at: location)
        }
    }

    /// An error at the constraints.csv cell of each `require` rule that cannot hold.
    func reportImpossibleRequirements(diagnostics: inout DiagnosticCollector) {
        guard round.rules.contains(where: { $0.kind == .require }) else { return }
        let eligibility = Eligibility(round: round)
        let capacity = round.mentors.map { $0.capacity ?? round.configuration.pairing.defaultCapacity }
        for problem in eligibility.impossibleRequirements(in: round, capacity: capacity) {
            guard let location = problem.rule.location else { continue }
            diagnostics.error(.impossibleRequire, problem.message, at: location)
        }
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
