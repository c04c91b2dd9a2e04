/// One term of a pair's score: what a single competency or domain contributes.
public struct ScoreTerm: Sendable, Hashable {
    public let item: FrameworkItem
    /// Score points this term adds (the terms of a pair, with its ``PreferenceBonus``, sum to
    /// its score).
    public let points: Double
    /// Competencies: the mentee's gap in levels. Domains: the mentee's interest.
    public let need: Int
    /// Competencies: levels of the gap the mentor covers. Domains: the mentor's expertise.
    public let offer: Int

    /// The term in words, for reasons: "covers 2 of 3 levels on Developing employees",
    /// "strong in Finance".
    public var phrase: String {
        switch item.kind {
        case .competency:
            offer >= need
                ? "covers the full \(need)-level gap on \(item.name)"
                : "covers \(offer) of \(need) levels on \(item.name)"
        case .domain:
            switch offer {
            case 4...: "strong in \(item.name)"
            case 3: "experienced in \(item.name)"
            default: "some expertise in \(item.name)"
            }
        }
    }
}

extension ScoringModel {
    /// Every non-zero framework term of a pair's score, largest first (ties in framework order);
    /// the stated-choice bonus is ``preferenceBonus(mentee:mentor:)``, not a term (it has no
    /// framework item, and draft goals follow the terms).
    public func breakdown(mentee i: Int, mentor j: Int) -> [ScoreTerm] {
        var terms: [(order: Int, term: ScoreTerm)] = []
        let count = competencyCount
        for c in 0..<count {
            let gap = menteeGap[i * count + c]
            guard gap > 0 else { continue }
            let lead = max(0, mentorLevels[j * count + c] - menteeCurrent[i * count + c])
            let points = competencyFactor[i * count + c] * min(1, lead * menteeInverseGap[i * count + c])
            guard points > 0 else { continue }
            terms.append((c, ScoreTerm(item: framework.competencies[c], points: points, need: Int(gap), offer: Int(min(lead, gap)))))
        }
        for d in 0..<domainCount {
            let expertise = mentorExpertise[j * domainCount + d]
            let points = domainFactor[i * domainCount + d] * expertise
            guard points > 0 else { continue }
            let interest = domainFactor[i * domainCount + d] > 0 ? 1 : 0
            terms.append((count + d, ScoreTerm(item: framework.domains[d], points: points, need: interest, offer: Int(expertise))))
        }
        return terms.sorted { ($0.term.points, -$0.order) > ($1.term.points, -$1.order) }.map(\.term)
    }

    /// The pair's reason: its largest contributions in words, at most `limit` of them, then the
    /// stated-choice bonus when there is one: "…; the mentee's 1st of 3 stated choices (+10)".
    public func reason(mentee i: Int, mentor j: Int, limit: Int = 3) -> String {
        let terms = breakdown(mentee: i, mentor: j).prefix(limit)
        var text = terms.isEmpty ? "covers none of the mentee's gaps or interests" : terms.map(\.phrase).joined(separator: "; ")
        if let bonus = preferenceBonus(mentee: i, mentor: j) { text += "; \(bonus.phrase) (+\(Format.number(bonus.points)))" }
        return text
    }
}
