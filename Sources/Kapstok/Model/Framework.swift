/// The shared picture of the future top manager: competencies grouped by role, and domains.
///
/// Kapstok hangs every score, goal and report on these items. The built-in framework follows
/// the program vision (a top manager is a *leader*, a *manager* and a *coach*, and works in five
/// recurring domains); a `framework.csv` may replace it.
public struct Framework: Sendable, Equatable {
    /// Every item in file order: competencies and domains interleaved as given.
    public let items: [FrameworkItem]
    /// The competency items, in file order. Mentor and mentee level arrays follow this order.
    public let competencies: [FrameworkItem]
    /// The domain items, in file order. Expertise and interest arrays follow this order.
    public let domains: [FrameworkItem]

    /// Creates a framework from its items.
    ///
    /// - Precondition: identifiers are unique (the loader reports duplicates before building one).
    public init(items: [FrameworkItem]) {
        self.items = items
        self.competencies = items.filter { $0.kind == .competency }
        self.domains = items.filter { $0.kind == .domain }
    }

    /// The item with this identifier, if any.
    public func item(id: String) -> FrameworkItem? {
        items.first { $0.id == id }
    }

    /// The roles, in order of first appearance among the competencies.
    public var roles: [String] {
        var seen: [String] = []
        for item in competencies where !seen.contains(item.group) { seen.append(item.group) }
        return seen
    }
}

/// One competency or domain of the framework.
public struct FrameworkItem: Sendable, Hashable {
    /// Whether an item is a competency (a level 0–5 per person) or a domain (expertise or interest 0–5).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case competency
        case domain
    }

    /// Stable identifier, used as a CSV column name, e.g. `leader.vision`.
    public let id: String
    /// Human-readable name, used in reasons and reports.
    public let name: String
    public let kind: Kind
    /// The role (`leader`, `manager`, `coach`) for competencies; empty for domains.
    public let group: String
    /// Relative weight in the scoring sums (w_c for competencies, v_d for domains); > 0.
    public let weight: Double

    public init(id: String, name: String, kind: Kind, group: String, weight: Double = 1) {
        self.id = id
        self.name = name
        self.kind = kind
        self.group = group
        self.weight = weight
    }
}

extension Framework {
    /// The framework Kapstok ships with: three roles of three competencies each, and five domains.
    public static let builtIn = Framework(items: [
        FrameworkItem(id: "leader.vision", name: "Forming and conveying a vision", kind: .competency, group: "leader"),
        FrameworkItem(id: "leader.strategy", name: "Translating strategy into direction", kind: .competency, group: "leader"),
        FrameworkItem(id: "leader.integrity", name: "Acting with integrity and courage", kind: .competency, group: "leader"),
        FrameworkItem(id: "manager.planning", name: "Planning and organising work", kind: .competency, group: "manager"),
        FrameworkItem(id: "manager.results", name: "Steering on results", kind: .competency, group: "manager"),
        FrameworkItem(id: "manager.decisions", name: "Taking decisions under uncertainty", kind: .competency, group: "manager"),
        FrameworkItem(id: "coach.develop", name: "Developing employees", kind: .competency, group: "coach"),
        FrameworkItem(id: "coach.feedback", name: "Giving and receiving feedback", kind: .competency, group: "coach"),
        FrameworkItem(id: "coach.listening", name: "Listening and asking questions", kind: .competency, group: "coach"),
        FrameworkItem(id: "domain.customer", name: "Customer and solutions", kind: .domain, group: ""),
        FrameworkItem(id: "domain.finance", name: "Finance", kind: .domain, group: ""),
        FrameworkItem(id: "domain.change", name: "Change", kind: .domain, group: ""),
        FrameworkItem(id: "domain.people", name: "People", kind: .domain, group: ""),
        FrameworkItem(id: "domain.communication", name: "Communication culture", kind: .domain, group: ""),
    ])
}
