import Diagnostics

/// A mentor: a senior person who takes up to `capacity` mentees in a round.
public struct Mentor: Sendable, Equatable {
    public var id: String
    public var name: String
    public var email: String?
    public var department: String?
    /// Job grade; higher is more senior; within ``Limits/grade`` (−1000…1000). `nil` when the
    /// file leaves it empty.
    public var grade: Int?
    public var location: String?
    /// Languages spoken, compared case-insensitively (`NL` = `nl`); empty when not given (the
    /// shared-language rule then does not apply).
    public var languages: [String]
    /// Most mentees (in load units) this mentor takes, within ``Limits/capacity`` (0 < c ≤ 1000);
    /// `nil` means the configured default.
    public var capacity: Double?
    /// Identifier of this person's manager, if given.
    public var managerID: String?
    /// Level 0–5 per competency, aligned with ``Framework/competencies``; empty in scores mode.
    public var competencyLevels: [Int]
    /// Expertise 0–5 per domain, aligned with ``Framework/domains``; empty in scores mode.
    public var domainExpertise: [Int]

    public init(
        id: String, name: String, email: String? = nil, department: String? = nil, grade: Int? = nil,
        location: String? = nil, languages: [String] = [], capacity: Double? = nil, managerID: String? = nil,
        competencyLevels: [Int] = [], domainExpertise: [Int] = []
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.department = department
        self.grade = grade
        self.location = location
        self.languages = languages
        self.capacity = capacity
        self.managerID = managerID
        self.competencyLevels = competencyLevels
        self.domainExpertise = domainExpertise
    }
}

/// A mentee: a high potential with competency gaps and domain interests.
public struct Mentee: Sendable, Equatable {
    public var id: String
    public var name: String
    public var email: String?
    public var department: String?
    public var grade: Int?
    public var location: String?
    public var languages: [String]
    public var managerID: String?
    /// Current level 0–5 per competency, aligned with ``Framework/competencies``; empty in scores mode.
    public var currentLevels: [Int]
    /// Target level per competency; `nil` means the configured default target.
    public var targetLevels: [Int?]
    /// Interest 0–5 per domain, aligned with ``Framework/domains``; empty in scores mode.
    public var domainInterest: [Int]

    public init(
        id: String, name: String, email: String? = nil, department: String? = nil, grade: Int? = nil,
        location: String? = nil, languages: [String] = [], managerID: String? = nil,
        currentLevels: [Int] = [], targetLevels: [Int?] = [], domainInterest: [Int] = []
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.department = department
        self.grade = grade
        self.location = location
        self.languages = languages
        self.managerID = managerID
        self.currentLevels = currentLevels
        self.targetLevels = targetLevels
        self.domainInterest = domainInterest
    }
}

/// A `forbid` or `require` rule from `constraints.csv`.
public struct PairRule: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case forbid
        case require
    }

    public var menteeID: String
    public var mentorID: String
    public var kind: Kind
    public var reason: String?
    /// Where in `constraints.csv` the rule comes from (its `mentee_id` cell), for messages;
    /// `nil` for rules made in code. Not part of the rule's identity (``==`` ignores it).
    public var location: Diagnostic.Location?

    public init(
        menteeID: String, mentorID: String, kind: Kind, reason: String? = nil, location: Diagnostic.Location? = nil
    ) {
        self.menteeID = menteeID
        self.mentorID = mentorID
        self.kind = kind
        self.reason = reason
        self.location = location
    }

    public static func == (lhs: PairRule, rhs: PairRule) -> Bool {
        (lhs.menteeID, lhs.mentorID, lhs.kind, lhs.reason) == (rhs.menteeID, rhs.mentorID, rhs.kind, rhs.reason)
    }
}

/// An earlier pair from `history.csv`.
public struct HistoryEntry: Sendable, Equatable {
    public var menteeID: String
    public var mentorID: String
    public var round: String?

    public init(menteeID: String, mentorID: String, round: String? = nil) {
        self.menteeID = menteeID
        self.mentorID = mentorID
        self.round = round
    }
}

/// One row of `org.csv`: a person of the organisation (in the program or not) and their manager.
///
/// The HRIS export of the whole org chart, through which the manager-chain rule follows people
/// who are not in the program.
public struct OrgEntry: Sendable, Equatable {
    public var id: String
    /// `nil` at the top of the organisation.
    public var managerID: String?

    public init(id: String, managerID: String? = nil) {
        self.id = id
        self.managerID = managerID
    }
}

/// A pair with an analyst-supplied score from `scores.csv`.
public struct ScoreEntry: Sendable, Equatable {
    public var menteeID: String
    public var mentorID: String
    /// Higher is better; within ``Limits/score`` (−1e9…1e9).
    public var score: Double
    /// What the pair uses of the mentor's capacity (default 1); within ``Limits/load`` (0 < load ≤ 1000).
    public var load: Double

    public init(menteeID: String, mentorID: String, score: Double, load: Double = 1) {
        self.menteeID = menteeID
        self.mentorID = mentorID
        self.score = score
        self.load = load
    }
}

/// Everything one pairing round needs: the framework, the people, the rules and the settings.
public struct Round: Sendable, Equatable {
    public var framework: Framework
    public var mentors: [Mentor]
    public var mentees: [Mentee]
    public var rules: [PairRule]
    public var history: [HistoryEntry]
    /// Analyst-supplied scores; when present they replace the scoring model and only listed pairs
    /// are candidates.
    public var scores: [ScoreEntry]?
    /// The organisation's chart from `org.csv` (empty without one); the people files' own
    /// `manager_id` cells come first (see ``ManagerChart``).
    public var org: [OrgEntry]
    public var configuration: Configuration
    /// Stated preference lists from `preferences.csv` (empty without one): the `stable`
    /// strategy's first choices and, with `[scoring] preference_weight` above 0, a score bonus
    /// for a mentee's stated mentors (``PreferenceBonus``).
    public var preferences: StatedPreferences

    public init(
        framework: Framework = .builtIn, mentors: [Mentor], mentees: [Mentee], rules: [PairRule] = [],
        history: [HistoryEntry] = [], scores: [ScoreEntry]? = nil, org: [OrgEntry] = [],
        configuration: Configuration = Configuration(), preferences: StatedPreferences = StatedPreferences()
    ) {
        self.preferences = preferences
        self.org = org
        self.framework = framework
        self.mentors = mentors
        self.mentees = mentees
        self.rules = rules
        self.history = history
        self.scores = scores
        self.configuration = configuration
    }
}

extension Round {
    /// The ids in both mentors.csv and mentees.csv, in mentee order: one person each (tiered
    /// programs), never paired with themselves.
    public var peopleInBothFiles: [String] {
        let mentorIDs = Set(mentors.map(\.id))
        return mentees.map(\.id).filter { mentorIDs.contains($0) }
    }
}
