import Kapstok

/// Small hand-made programs for the tracking tests; every figure the tests expect is worked out
/// in their comments.
enum TrackingFixtures {
    /// Vision (leader, weight 2), Feedback (coach, weight 1), Finance and People (domains, weight 1).
    static let framework = Framework(items: [
        FrameworkItem(id: "leader.vision", name: "Vision", kind: .competency, group: "leader", weight: 2),
        FrameworkItem(id: "coach.feedback", name: "Feedback", kind: .competency, group: "coach", weight: 1),
        FrameworkItem(id: "domain.finance", name: "Finance", kind: .domain, group: "", weight: 1),
        FrameworkItem(id: "domain.people", name: "People", kind: .domain, group: "", weight: 1),
    ])

    static func day(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: 2027, month: month, day: day) }

    /// Monday 2027-01-04 to Monday 2027-03-01: 56 days, 9 ISO weeks.
    static let start = day(1, 4)
    static let end = day(3, 1)

    static func goal(
        _ id: String, _ mentee: String, _ mentor: String, _ item: String, _ baseline: Int, _ target: Int,
        _ status: GoalStatus, start: CalendarDate = start, due: CalendarDate = end
    ) -> Goal {
        Goal(
            id: id, menteeID: mentee, mentorID: mentor, itemID: item, baseline: baseline, target: target, start: start, due: due,
            status: status, title: "\(item): \(baseline) → \(target)", reason: "")
    }

    static func session(
        _ id: String, _ mentee: String, _ mentor: String, _ number: Int, _ date: CalendarDate, _ status: SessionStatus = .planned,
        heldOn: CalendarDate? = nil, ratings: (Int?, Int?) = (nil, nil), goals: [String] = [], notes: String = ""
    ) -> SessionLog {
        let session = Session(
            id: id, menteeID: mentee, mentorID: mentor, number: number,
            start: LocalDateTime(date: date, time: ClockTime(hours: 10, minutes: 0)),
            end: LocalDateTime(date: date, time: ClockTime(hours: 11, minutes: 0)), status: status)
        return SessionLog(
            session: session, heldOn: heldOn, menteeRating: ratings.0, mentorRating: ratings.1, goalsDiscussed: goals, notes: notes)
    }

    /// The report fixture: three mentees (E3 without goals), six goals, eight sessions, as of
    /// 2027-02-01 (28 of 56 days: half the program). `[tracking]`: not discussed after 2 weeks,
    /// no session after 2 weeks.
    static func reportSnapshot(objectives: [ProgramObjective] = []) -> TrackingSnapshot {
        var settings = TrackingSettings()
        settings.notDiscussedWeeks = 2
        settings.noSessionWeeks = 2
        return TrackingSnapshot(
            framework: framework, programStart: start, programEnd: end, today: day(2, 1),
            mentees: [Mentee(id: "E1", name: "Ann"), Mentee(id: "E2", name: "Bob"), Mentee(id: "E3", name: "Cas")],
            mentors: [Mentor(id: "M1", name: "Mia"), Mentor(id: "M2", name: "Max")],
            pairs: [
                PairID(menteeID: "E1", mentorID: "M1"), PairID(menteeID: "E2", mentorID: "M2"),
                PairID(menteeID: "E3", mentorID: "M1"), PairID(menteeID: "E1", mentorID: "M1"),
            ],
            goals: [
                // Listed out of order: the report sorts by mentee, then id.
                goal("G6", "E2", "M2", "coach.feedback", 3, 5, .dropped),
                goal("G1", "E1", "M1", "leader.vision", 1, 4, .active),
                goal("G2", "E1", "M1", "coach.feedback", 2, 4, .active, due: day(1, 25)),
                goal("G3", "E1", "M1", "domain.finance", 1, 3, .achieved),
                goal("G4", "E2", "M2", "leader.vision", 2, 4, .draft),
                goal("G5", "E2", "M2", "domain.people", 0, 4, .active),
            ],
            milestones: [],
            checkIns: [
                CheckIn(menteeID: "E1", itemID: "leader.vision", level: 2, date: day(1, 20), assessor: .selfAssessment),
                CheckIn(menteeID: "E1", itemID: "leader.vision", level: 3, date: day(1, 25), assessor: .mentor),
                // Same day, self ranks below mentor: the mentor's 3 stands.
                CheckIn(menteeID: "E1", itemID: "leader.vision", level: 4, date: day(1, 25), assessor: .selfAssessment),
                // After the report date: ignored.
                CheckIn(menteeID: "E1", itemID: "leader.vision", level: 5, date: day(2, 10), assessor: .hr),
                CheckIn(menteeID: "E1", itemID: "domain.finance", level: 2, date: day(1, 30), assessor: .manager),
                CheckIn(menteeID: "E2", itemID: "leader.vision", level: 3, date: day(1, 15), assessor: .mentor),
                CheckIn(menteeID: "E2", itemID: "domain.people", level: 1, date: day(1, 28), assessor: .hr),
                CheckIn(menteeID: "E2", itemID: "coach.feedback", level: 4, date: day(1, 20), assessor: .selfAssessment),
            ],
            sessions: [
                session("S1", "E1", "M1", 1, day(1, 11), .held, heldOn: day(1, 11), ratings: (4, 5), goals: ["G1", "G2"]),
                session(
                    "S2", "E1", "M1", 2, day(1, 25), .held, heldOn: day(1, 26), ratings: (5, nil), goals: ["G1"],
                    notes: "Good.\n- [ ] draft the vision memo\nTODO: ask HR"),
                session("S3", "E1", "M1", 3, day(2, 8)),
                session("S4", "E1", "M1", 4, day(2, 22)),
                session("S5", "E2", "M2", 1, day(1, 12), .cancelled),
                session("S6", "E2", "M2", 2, day(1, 19), .noShow),
                session("S7", "E2", "M2", 3, day(1, 26), .held, heldOn: day(1, 27), ratings: (3, 4), goals: ["G5"]),
                session("S8", "E2", "M2", 4, day(2, 15)),
            ],
            settings: settings, objectives: objectives)
    }
}
