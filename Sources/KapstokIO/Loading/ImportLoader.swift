import Diagnostics
import Foundation
import Kapstok

/// The files of `kapstok import`: any of them, each optional.
public struct ImportSources: Sendable {
    public var mentors: InputSource?
    public var mentees: InputSource?
    public var framework: InputSource?
    public var constraints: InputSource?
    public var history: InputSource?
    public var org: InputSource?
    public var availability: InputSource?
    public var absences: InputSource?
    /// The workspace's kapstok.toml (the rules decide which cross-file checks apply).
    public var configuration: InputSource?

    public init(
        mentors: InputSource? = nil, mentees: InputSource? = nil, framework: InputSource? = nil,
        constraints: InputSource? = nil, history: InputSource? = nil, org: InputSource? = nil,
        availability: InputSource? = nil, absences: InputSource? = nil, configuration: InputSource? = nil
    ) {
        self.mentors = mentors
        self.mentees = mentees
        self.framework = framework
        self.constraints = constraints
        self.history = history
        self.org = org
        self.availability = availability
        self.absences = absences
        self.configuration = configuration
    }

    /// Whether no file is given.
    public var isEmpty: Bool {
        [mentors, mentees, framework, constraints, history, org, availability, absences].allSatisfy { $0 == nil }
    }
}

/// What an import read: each kind present only when its file was given.
public struct LoadedImport: Sendable {
    public var framework: Framework?
    public var mentors: [Mentor]?
    public var mentees: [Mentee]?
    public var rules: [PairRule]?
    public var history: [HistoryEntry]?
    public var org: [OrgEntry]?
    public var availability: [AvailabilityWindow]?
    public var absences: [Absence]?
    public var warnings: [Diagnostic]
}

/// Reads the files of `kapstok import` against what a workspace holds, with the diagnostics of
/// the file-based commands.
///
/// With both people files, the import is read as a round is (every cross-file check of
/// `match`: the same people in both files, manager loops and disagreements, impossible
/// `require` rules), with the workspace's framework unless a framework file is given. With one
/// people file or none, each file is checked on its own against the people of the file and of
/// the workspace (an id known to neither is a located error); the merged people are checked
/// as a whole when `match` runs on the workspace. A framework that differs from the
/// workspace's needs both people files in the same import, since their level columns follow it.
public enum ImportLoader {
    public static func load(_ sources: ImportSources, current: Round) throws(DiagnosticsError) -> LoadedImport {
        var diagnostics = DiagnosticCollector()
        var loaded = LoadedImport(warnings: [])
        var framework = current.framework
        if let mentors = sources.mentors, let mentees = sources.mentees {
            let round: Round
            do {
                let result = try RoundLoader().loadRound(
                    RoundSources(
                        mentors: mentors, mentees: mentees, framework: sources.framework, constraints: sources.constraints,
                        history: sources.history, configuration: sources.configuration, org: sources.org),
                    framework: current.framework)
                round = result.round
                diagnostics.collect(contentsOf: result.warnings)
            } catch {
                diagnostics.collect(contentsOf: error.diagnostics)
                try diagnostics.throwIfErrors()
                return loaded
            }
            framework = round.framework
            if sources.framework != nil { loaded.framework = round.framework }
            loaded.mentors = round.mentors
            loaded.mentees = round.mentees
            if sources.constraints != nil { loaded.rules = round.rules }
            if sources.history != nil { loaded.history = round.history }
            if sources.org != nil { loaded.org = round.org }
        } else {
            if let source = sources.framework, let read = FrameworkLoader.load(source, diagnostics: &diagnostics) {
                let hasPeople = !current.mentors.isEmpty || !current.mentees.isEmpty
                if read != current.framework && hasPeople {
                    diagnostics.error(
                        .frameworkNeedsPeople,
                        "this framework differs from the workspace's; import it together with mentors.csv and mentees.csv, whose level columns follow it",
                        at: Diagnostic.Location(file: source.path, line: 1, column: 1))
                }
                framework = read
                loaded.framework = read
            }
            let people = PeopleLoader(framework: framework)
            loaded.mentors = sources.mentors.flatMap { people.loadMentors($0, diagnostics: &diagnostics) }
            loaded.mentees = sources.mentees.flatMap { people.loadMentees($0, diagnostics: &diagnostics) }
            let known = KnownPeople(
                menteeIDs: Set(current.mentees.map(\.id)).union((loaded.mentees ?? []).map(\.id)),
                mentorIDs: Set(current.mentors.map(\.id)).union((loaded.mentors ?? []).map(\.id)))
            loaded.rules = sources.constraints.flatMap { ConstraintsLoader.load($0, people: known, diagnostics: &diagnostics) }
            loaded.history = sources.history.flatMap { HistoryLoader.load($0, people: known, diagnostics: &diagnostics) }
            loaded.org = sources.org.flatMap { OrgLoader.load($0, diagnostics: &diagnostics) }
        }
        var everyone = Set(current.mentors.map(\.id)).union(current.mentees.map(\.id))
        everyone.formUnion((loaded.mentors ?? []).map(\.id))
        everyone.formUnion((loaded.mentees ?? []).map(\.id))
        loaded.availability = sources.availability.flatMap { AvailabilityLoader.load($0, people: everyone, diagnostics: &diagnostics) }
        loaded.absences = sources.absences.flatMap { AbsencesLoader.load($0, people: everyone, diagnostics: &diagnostics) }
        try diagnostics.throwIfErrors()
        loaded.warnings = diagnostics.warnings
        return loaded
    }
}
