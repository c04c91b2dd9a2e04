import Foundation
import Kapstok
import Testing

@testable import KapstokIO

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A progress report built by hand (the renderers only print figures; every figure here is
/// chosen and its expected text worked out in the tests' comments), with hostile names.
enum ReportFixture {
    static func day(_ text: String) -> CalendarDate {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
    }

    static let hostileMentee = "Ann <script>alert(1)</script>"
    static let hostileMentor = "Dee & \"Co\" ]]> 'x'"

    static let names = ReportNames(
        mentees: ["M1": hostileMentee, "M2": "Bo Berg", "M3": "Cy O'Neil"],
        mentors: ["E1": hostileMentor, "E2": "Eve Ek"],
        items: Dictionary(uniqueKeysWithValues: Framework.builtIn.items.map { ($0.id, $0.name) }))

    static func goal(
        _ id: String, _ mentee: String, _ mentor: String, _ item: String, _ baseline: Int, _ target: Int, due: String = "2027-06-28",
        status: GoalStatus = .active, title: String
    ) -> Goal {
        Goal(id: id, menteeID: mentee, mentorID: mentor, itemID: item, baseline: baseline, target: target, start: day("2027-01-04"),
            due: day(due), status: status, title: title, reason: "gap of \(target - baseline) levels", round: 1)
    }

    static func counts(
        onTrack: Int = 0, behind: Int = 0, atRisk: Int = 0, achieved: Int = 0, dropped: Int = 0, overdue: Int = 0, notDiscussed: Int = 0
    ) -> TrackCounts {
        var counts = TrackCounts()
        counts.onTrack = onTrack
        counts.behind = behind
        counts.atRisk = atRisk
        counts.achieved = achieved
        counts.dropped = dropped
        counts.overdue = overdue
        counts.notDiscussed = notDiscussed
        return counts
    }

    static func sessions(
        planned: Int, due: Int, held: Int, cancelled: Int = 0, noShow: Int = 0, mentee: (Int, Int) = (0, 0), mentor: (Int, Int) = (0, 0)
    ) -> SessionFigures {
        var figures = SessionFigures()
        figures.planned = planned
        figures.dueByNow = due
        figures.held = held
        figures.cancelled = cancelled
        figures.noShow = noShow
        (figures.menteeRatings, figures.menteeRatingSum) = mentee
        (figures.mentorRatings, figures.mentorRatingSum) = mentor
        return figures
    }

    static func area(_ area: String, _ label: String, gap: Double, closed: Double, goals: Int) -> AreaGap {
        AreaGap(area: area, label: label, figures: GapFigures(gap: gap, closed: closed, goals: goals))
    }

    /// Six goals over three pairs; all weights 1.
    /// - G1 M1/E1 leader.vision 2→4, now 3: progress 0.5, expected 0.3, shortfall −20: on track.
    /// - G2 M1/E1 domain.finance 1→4, now 1: progress 0, expected 0.45, shortfall 45: at risk, not discussed.
    /// - G3 M2/E2 manager.planning 2→3, now 3: achieved.
    /// - G4 M2/E2 coach.feedback 1→3, due 2027-02-01, now 1: overdue, at risk, shortfall 100.
    /// - G5 M3/E1 leader.strategy 3→5, now 3: progress 0, expected 0.25, shortfall 25: behind.
    /// - G6 M3/E1 coach.listening 2→4: dropped.
    static let goals: [GoalProgress] = [
        GoalProgress(goal: goal("G1", "M1", "E1", "leader.vision", 2, 4, title: "Vision: from 2 to 4"), currentLevel: 3, progress: 0.5,
            expected: 0.3, shortfallPoints: -20, track: .onTrack, overdue: false, lastDiscussed: day("2027-02-01"), notDiscussed: false),
        GoalProgress(goal: goal("G2", "M1", "E1", "domain.finance", 1, 4, title: "=HYPERLINK(\"x\") finance"), currentLevel: 1, progress: 0,
            expected: 0.45, shortfallPoints: 45, track: .atRisk, overdue: false, lastDiscussed: nil, notDiscussed: true),
        GoalProgress(goal: goal("G3", "M2", "E2", "manager.planning", 2, 3, status: .achieved, title: "Planning"), currentLevel: 3,
            progress: 1, expected: 0.3, shortfallPoints: -70, track: .achieved, overdue: false, lastDiscussed: day("2027-01-25"),
            notDiscussed: false),
        GoalProgress(goal: goal("G4", "M2", "E2", "coach.feedback", 1, 3, due: "2027-02-01", title: "Feedback"), currentLevel: 1,
            progress: 0, expected: 1, shortfallPoints: 100, track: .atRisk, overdue: true, lastDiscussed: day("2027-01-11"),
            notDiscussed: false),
        GoalProgress(goal: goal("G5", "M3", "E1", "leader.strategy", 3, 5, title: "Strategy"), currentLevel: 3, progress: 0,
            expected: 0.25, shortfallPoints: 25, track: .behind, overdue: false, lastDiscussed: nil, notDiscussed: false),
        GoalProgress(goal: goal("G6", "M3", "E1", "coach.listening", 2, 4, status: .dropped, title: "Listening"), currentLevel: 2,
            progress: 0, expected: 0.3, shortfallPoints: 30, track: .dropped, overdue: false, lastDiscussed: nil, notDiscussed: false),
    ]

    /// Weeks from Monday 2027-01-04: planned 2,1,2,1,2,1,2,1 (12), held 1,1,1,0,1,0,0,0 (4).
    /// Cumulative planned 2,3,5,6,8,9,11,12; held (weeks up to 2027-02-10) 1,2,3,3,4,4.
    static let weeks: [WeekSessions] = zip([2, 1, 2, 1, 2, 1, 2, 1], [1, 1, 1, 0, 1, 0, 0, 0]).enumerated().map { index, counts in
        WeekSessions(weekStart: day("2027-01-04").adding(days: 7 * index), planned: counts.0, held: counts.1)
    }

    static let report = ProgressReport(
        asOf: day("2027-02-10"), programStart: day("2027-01-04"), programEnd: day("2027-06-28"), elapsed: 0.2,
        areas: [
            // leader: G1 gap 2 closed 1, G5 gap 2 closed 0 → 1/4 = 25.0 %.
            area("leader", "Leader", gap: 4, closed: 1, goals: 2),
            // manager: G3 gap 1 closed 1 → 100.0 %.
            area("manager", "Manager", gap: 1, closed: 1, goals: 1),
            // coach: G4 gap 2 closed 0 (G6 dropped, out of scope) → 0.0 %.
            area("coach", "Coach", gap: 2, closed: 0, goals: 1),
            area("domains", "Domains", gap: 3, closed: 0, goals: 1),
            area("domain.finance", "Finance", gap: 3, closed: 0, goals: 1),
            area("domain.people", "People", gap: 0, closed: 0, goals: 0),
            // all: gap 4 + 1 + 2 + 3 = 10, closed 2 → 20.0 %.
            area("all", "All", gap: 10, closed: 2, goals: 5),
        ],
        mentees: [
            MenteeProgress(menteeID: "M1", name: "", areas: [
                area("leader", "Leader", gap: 2, closed: 1, goals: 1), area("manager", "Manager", gap: 0, closed: 0, goals: 0),
                area("domains", "Domains", gap: 3, closed: 0, goals: 1),
            ], overall: GapFigures(gap: 5, closed: 1, goals: 2), goals: counts(onTrack: 1, atRisk: 1, notDiscussed: 1)),
            MenteeProgress(menteeID: "M2", name: "Bo Berg", areas: [
                area("manager", "Manager", gap: 1, closed: 1, goals: 1), area("coach", "Coach", gap: 2, closed: 0, goals: 1),
            ], overall: GapFigures(gap: 3, closed: 1, goals: 2), goals: counts(atRisk: 1, achieved: 1, overdue: 1)),
            MenteeProgress(menteeID: "M3", name: "Cy O'Neil", areas: [area("leader", "Leader", gap: 2, closed: 0, goals: 1)],
                overall: GapFigures(gap: 2, closed: 0, goals: 1), goals: counts(behind: 1, dropped: 1)),
        ],
        pairs: [
            PairProgress(pair: PairID(menteeID: "M1", mentorID: "E1"),
                sessions: sessions(planned: 4, due: 2, held: 2, mentee: (2, 9), mentor: (1, 4)), lastHeld: day("2027-02-01"),
                noRecentSession: false, goals: counts(onTrack: 1, atRisk: 1, notDiscussed: 1)),
            PairProgress(pair: PairID(menteeID: "M2", mentorID: "E2"),
                sessions: sessions(planned: 4, due: 2, held: 2, mentee: (1, 4), mentor: (1, 5)), lastHeld: day("2027-01-25"),
                noRecentSession: false, goals: counts(atRisk: 1, achieved: 1, overdue: 1)),
            PairProgress(pair: PairID(menteeID: "M3", mentorID: "E1"), sessions: sessions(planned: 4, due: 1, held: 0, cancelled: 1),
                lastHeld: nil, noRecentSession: true, goals: counts(behind: 1, dropped: 1)),
        ],
        goals: goals,
        goalCounts: counts(onTrack: 1, behind: 1, atRisk: 2, achieved: 1, dropped: 1, overdue: 1, notDiscussed: 1),
        // 4 of 12 held (33.3 %), 4 of 5 due (80.0 %); mentee ratings 3 summing 13 (4.33), mentor
        // 2 summing 9 (4.50), together 22 / 5 = 4.40.
        sessions: sessions(planned: 12, due: 5, held: 4, cancelled: 1, mentee: (3, 13), mentor: (2, 9)),
        weeks: weeks,
        objectives: [
            ObjectiveResult(objective: ProgramObjective(statement: "80 % of planned sessions held", metric: .sessionsHeld, target: 0.8),
                value: 4.0 / 12.0, status: .atRisk, detail: "4 of 12 planned sessions held (33.3 %); target 80 %"),
            ObjectiveResult(objective: ProgramObjective(statement: "Average rating of at least 4", metric: .averageRating, target: 4),
                value: 4.4, status: .realised, detail: "average 4.40 of 5 ratings; target 4"),
            ObjectiveResult(objective: ProgramObjective(statement: "@SUM(A1) of the leader gap", metric: .gapClosed, target: 0.5, scope: "leader"),
                value: nil, status: .atRisk, detail: "nothing to measure yet"),
        ])
}

/// What an XML parser saw: element names with attributes, and the text of `title`, `desc` and
/// `text` elements.
final class XMLOutline: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [(element: String, text: String)] = []
    private var open: [String] = []
    private var buffer = ""
    var error: String?

    /// Parses a document; nil (with the parser's error recorded) when it is not well-formed.
    static func parse(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> XMLOutline? {
        let outline = XMLOutline()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = outline
        guard parser.parse() else {
            Issue.record("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?") line \(parser.lineNumber) column \(parser.columnNumber)",
                sourceLocation: sourceLocation)
            return nil
        }
        return outline
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        open.append(name)
        buffer = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if ["title", "desc", "text"].contains(name) { texts.append((name, buffer)) }
        buffer = ""
        open.removeLast()
    }

    func text(of element: String) -> [String] { texts.filter { $0.element == element }.map(\.text) }
    func count(_ element: String) -> Int { elements.filter { $0.name == element }.count }
}

/// The `<svg>…</svg>` parts of a page.
func svgParts(of html: String) -> [String] {
    var parts: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
        parts.append(String(rest[start.lowerBound..<end.upperBound]))
        rest = rest[end.upperBound...]
    }
    return parts
}
