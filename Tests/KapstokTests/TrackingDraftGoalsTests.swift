import GLPKSolver
import Kapstok
import Testing

@Suite struct TrackingDraftGoalsTests {
    /// Vision (leader, w 2), Feedback (coach, w 1.5), Planning (manager, w 1), Listening (coach,
    /// w 1); domains Finance and People (w 1).
    static let framework = Framework(items: [
        FrameworkItem(id: "leader.vision", name: "Vision", kind: .competency, group: "leader", weight: 2),
        FrameworkItem(id: "coach.feedback", name: "Feedback", kind: .competency, group: "coach", weight: 1.5),
        FrameworkItem(id: "manager.planning", name: "Planning", kind: .competency, group: "manager", weight: 1),
        FrameworkItem(id: "coach.listening", name: "Listening", kind: .competency, group: "coach", weight: 1),
        FrameworkItem(id: "domain.finance", name: "Finance", kind: .domain, group: "", weight: 1),
        FrameworkItem(id: "domain.people", name: "People", kind: .domain, group: "", weight: 1),
    ])

    /// Mentee: current 1, 2, 2, 3; targets 4, 4, 3, default 4 → gaps 3, 2, 1, 1; Σ w·g = 6 + 3 + 1
    /// + 1 = 11. Interest Finance 5, People 0.
    /// Mentor: levels 3, 5, 5, 3; expertise Finance 4, People 5.
    /// Terms (α = 70, β = 30): Vision covers 2 of 3 → 70·2·3/11·2/3 = 25.45; Finance 30·5/(5·5)·4
    /// = 24; Feedback full 2 → 70·3/11 = 19.09; Planning full 1 → 70/11 = 6.36; Listening: the
    /// mentor (3) is not above the mentee (3), no term; People: no interest, no term.
    static let mentee = Mentee(id: "E1", name: "Ann", currentLevels: [1, 2, 2, 3], targetLevels: [4, 4, 3, nil], domainInterest: [5, 0])
    static let mentor = Mentor(id: "M1", name: "Mia", competencyLevels: [3, 5, 5, 3], domainExpertise: [4, 5])
    static let match = CalendarDate(year: 2027, month: 2, day: 1)
    static let end = CalendarDate(year: 2027, month: 7, day: 30)

    static func goals(limit: Int, domainLevels: [String: Int] = [:]) -> [Goal] {
        DraftGoals.make(
            mentee: mentee, mentor: mentor, framework: framework, configuration: Configuration(), matchDate: match, due: end,
            limit: limit, round: 2, domainLevels: domainLevels)
    }

    @Test func largestWeightedCoveredGapsInOrder() {
        let goals = Self.goals(limit: 3)
        #expect(goals.map(\.itemID) == ["leader.vision", "domain.finance", "coach.feedback"])
        // Vision: baseline 1, target 1 + 2 covered = 3 (the mentor's level); Finance: no check-in,
        // baseline 1, target min(expertise 4, 1 + 2) = 3; Feedback: 2 → 4 in full.
        #expect(goals.map(\.title) == ["Vision: 1 → 3", "Finance: 1 → 3", "Feedback: 2 → 4"])
        #expect(goals.map(\.baseline) == [1, 1, 2] && goals.map(\.target) == [3, 3, 4])
        #expect(goals.allSatisfy { $0.id.isEmpty && $0.status == .draft && $0.start == Self.match && $0.due == Self.end })
        #expect(goals.allSatisfy { $0.menteeID == "E1" && $0.mentorID == "M1" && $0.round == 2 })
        #expect(goals[0].reason == "largest weighted gap the mentor covers: 3 levels on Vision (from 1 to 4, weight 2); the mentor is at 3 and covers 2 of 3 levels, so this goal aims at 3 (4 weighted levels)")
        #expect(goals[1].reason.hasPrefix("2nd largest weighted term the mentor covers: interest 5 of 5 in Finance (weight 1); the mentor's expertise is 4; baseline 1 (no check-in yet, so level 1 assumed)"))
        #expect(goals[2].reason == "3rd largest weighted gap the mentor covers: 2 levels on Feedback (from 2 to 4, weight 1.5); the mentor is at 5 and covers the full gap")
        for goal in goals { #expect(GoalLifecycle.problems(in: goal) == []) }
    }

    /// All the mentor covers: the four terms; never Listening or People.
    @Test func nothingTheMentorDoesNotCover() {
        let goals = Self.goals(limit: 10)
        #expect(goals.map(\.itemID) == ["leader.vision", "domain.finance", "coach.feedback", "manager.planning"])
        #expect(goals.last?.title == "Planning: 2 → 3")
    }

    /// A Finance check-in sets the baseline: at 3, target min(4, 5) = 4; at 4 the mentor (4) has
    /// nothing above it, so the next term (Planning) takes the third place.
    @Test func domainBaselineFromTheLatestCheckIn() {
        #expect(Self.goals(limit: 3, domainLevels: ["domain.finance": 3]).map(\.title) == ["Vision: 1 → 3", "Finance: 3 → 4", "Feedback: 2 → 4"])
        #expect(Self.goals(limit: 3, domainLevels: ["domain.finance": 4]).map(\.title) == ["Vision: 1 → 3", "Feedback: 2 → 4", "Planning: 2 → 3"])
    }

    /// The same goals from a prepared round of two mentees and two mentors, for each pair.
    @Test func fromAPreparedRound() throws {
        let other = Mentor(id: "M2", name: "Max", competencyLevels: [5, 0, 0, 0], domainExpertise: [0, 0])
        let second = Mentee(id: "E2", name: "Bob", currentLevels: [4, 4, 4, 4], targetLevels: [4, 4, 4, 4], domainInterest: [0, 0])
        var configuration = Configuration()
        configuration.rules.sharedLanguage = false
        let round = Round(framework: Self.framework, mentors: [Self.mentor, other], mentees: [Self.mentee, second], configuration: configuration)
        let prepared = try PreparedRound(round: round)
        let same = DraftGoals.make(prepared: prepared, mentee: 0, mentor: 0, matchDate: Self.match, due: Self.end, limit: 3, round: 2)
        #expect(same == Self.goals(limit: 3))
        // M2 covers only Vision, in full (5 ≥ 4): 1 → 4.
        #expect(DraftGoals.make(prepared: prepared, mentee: 0, mentor: 1, matchDate: Self.match, due: Self.end, limit: 3).map(\.title) == ["Vision: 1 → 4"])
        // E2 has no gap and no interest: no goals.
        #expect(DraftGoals.make(prepared: prepared, mentee: 1, mentor: 0, matchDate: Self.match, due: Self.end, limit: 3).isEmpty)
    }

    /// A match recorded in a workspace: the Finance baseline is the check-in that wins on the
    /// latest day on or before the match (hr's 3 over self's 2 on the same day; the 5 after the
    /// match is not known yet), and the Vision goal the pair already has is not made again.
    @Test func workspaceMatchUsesTheLatestCheckInsAndSkipsGoalsAlreadyThere() throws {
        var configuration = Configuration()
        configuration.rules.sharedLanguage = false
        let round = Round(framework: Self.framework, mentors: [Self.mentor], mentees: [Self.mentee], configuration: configuration)
        let result = try PreparedRound(round: round).solve(using: GLPKSolver(), options: PairingOptions())
        let before = CalendarDate(year: 2027, month: 1, day: 20)
        let checkIns = [
            CheckIn(menteeID: "E1", itemID: "domain.finance", level: 1, date: CalendarDate(year: 2027, month: 1, day: 5), assessor: .hr),
            CheckIn(menteeID: "E1", itemID: "domain.finance", level: 3, date: before, assessor: .hr),
            CheckIn(menteeID: "E1", itemID: "domain.finance", level: 2, date: before, assessor: .selfAssessment),
            CheckIn(menteeID: "E1", itemID: "domain.finance", level: 5, date: CalendarDate(year: 2027, month: 3, day: 1), assessor: .hr),
        ]
        let vision = Goal(
            id: "G1", menteeID: "E1", mentorID: "M1", itemID: "leader.vision", baseline: 1, target: 3, start: Self.match,
            due: Self.end, title: "Vision: 1 → 3", reason: "")
        var dropped = vision
        dropped.itemID = "coach.feedback"
        dropped.status = .dropped
        let made = DraftGoals.make(
            result: result, matchDate: Self.match, due: Self.end, limit: 3, checkIns: checkIns, existing: [vision, dropped])
        // Drafts: Vision 1 → 3, Finance 3 → min(4, 3 + 2) = 4, Feedback 2 → 4; Vision is there,
        // a dropped Feedback goal does not count.
        #expect(made.goals.map(\.title) == ["Finance: 3 → 4", "Feedback: 2 → 4"])
        #expect(made.alreadyThere == 1)
    }

    @Test func longNamesAreCutToTheTitleLimit() {
        let item = FrameworkItem(id: "x", name: String(repeating: "a", count: 300), kind: .competency, group: "leader")
        let title = DraftGoals.title(item: item, baseline: 1, target: 3)
        #expect(title.count == Limits.titleLength.upperBound && title.hasSuffix("…: 1 → 3"))
    }
}
