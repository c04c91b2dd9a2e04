import Kapstok

/// The names a progress report shows for the ids it holds: people and framework items. An id
/// without a name shows as itself.
public struct ReportNames: Sendable, Hashable {
    public var mentees: [String: String]
    public var mentors: [String: String]
    /// Framework item id → name (`domain.finance` → `Finance`).
    public var items: [String: String]

    public init(mentees: [String: String] = [:], mentors: [String: String] = [:], items: [String: String] = [:]) {
        self.mentees = mentees
        self.mentors = mentors
        self.items = items
    }

    /// The names of a snapshot's people and framework (a later duplicate id keeps the first name).
    public init(mentees: [Mentee], mentors: [Mentor], framework: Framework) {
        self.init(
            mentees: Dictionary(mentees.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }),
            mentors: Dictionary(mentors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }),
            items: Dictionary(framework.items.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }))
    }

    public func mentee(_ id: String) -> String { mentees[id] ?? id }
    public func mentor(_ id: String) -> String { mentors[id] ?? id }
    public func item(_ id: String) -> String { items[id] ?? id }

    /// `Ann Smith – Bob Jones`.
    public func pair(_ pair: PairID) -> String { "\(mentee(pair.menteeID)) – \(mentor(pair.mentorID))" }
}
