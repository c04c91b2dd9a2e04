import Kapstok
import Testing

@Suite struct TrackingAgendaTests {
    typealias F = TrackingFixtures

    /// E1's goals with M1, as of 2027-02-01; goals run 01-04…03-01 (elapsed 0.5) unless said;
    /// not discussed after 4 weeks (28 days); the framework's heaviest weight is 2 (Vision).
    ///
    /// score = 0.5·gap + 0.25·quiet + 0.25·pressure, gap = w·(target − current)/(5·2):
    /// - A3 finance 0 → 2, due 01-25 (overdue): gap 1·2/10 = 0.2; discussed 01-11, 21 days:
    ///   quiet 0.75; pressure 1 → 0.1 + 0.1875 + 0.25 = 0.5375.
    /// - A2 feedback 1 → 4, current 1: gap 1·3/10 = 0.3; never discussed, 28 days since start:
    ///   quiet 1; pressure 0.5 → 0.15 + 0.25 + 0.125 = 0.525.
    /// - A0 and A1 vision 1 → 4, current 2 (check-in): gap 2·2/10 = 0.4; discussed 01-25, 7 days:
    ///   quiet 0.25; pressure 0.5 → 0.2 + 0.0625 + 0.125 = 0.3875 each: A0 before A1 by id.
    /// - A4 people 2 → 3, current 3: gap 0; discussed 01-25: 0.25; pressure 0.5 → 0.1875.
    /// - A7 (achieved) and E2's B1 are not on the agenda.
    static func snapshot(withNextSessions: Bool = true) -> TrackingSnapshot {
        var settings = TrackingSettings()
        settings.notDiscussedWeeks = 4
        var sessions = [
            F.session("S1", "E1", "M1", 1, F.day(1, 11), .held, heldOn: F.day(1, 11), goals: ["A3"], notes: "TODO: older point"),
            F.session(
                "S2", "E1", "M1", 2, F.day(1, 25), .held, heldOn: F.day(1, 25), goals: ["A1", "A0", "A4"],
                notes: "Summary line\n  - [ ] read the finance primer\nTODO: book a shadow day\n? who signs off the budget\r\nTODOS are not points\n- [x] done item\n- [ ]   \nTODO"),
            F.session("S0", "E2", "M2", 1, F.day(2, 2)),
        ]
        if withNextSessions {
            sessions += [F.session("S4", "E1", "M1", 4, F.day(2, 22)), F.session("S3", "E1", "M1", 3, F.day(2, 8))]
        }
        return TrackingSnapshot(
            framework: F.framework, programStart: F.start, programEnd: F.end, today: F.day(2, 1),
            mentees: [Mentee(id: "E1", name: "Ann"), Mentee(id: "E2", name: "Bob")], mentors: [Mentor(id: "M1", name: "Mia")],
            pairs: [PairID(menteeID: "E1", mentorID: "M1")],
            goals: [
                F.goal("A1", "E1", "M1", "leader.vision", 1, 4, .active),
                F.goal("A2", "E1", "M1", "coach.feedback", 1, 4, .draft),
                F.goal("A3", "E1", "M1", "domain.finance", 0, 2, .active, due: F.day(1, 25)),
                F.goal("A4", "E1", "M1", "domain.people", 2, 3, .active),
                F.goal("A0", "E1", "M1", "leader.vision", 1, 4, .active),
                F.goal("A7", "E1", "M1", "coach.feedback", 0, 1, .achieved),
                F.goal("B1", "E2", "M2", "leader.vision", 0, 5, .active),
            ],
            milestones: [
                Milestone(id: "m1", goalID: "A1", title: "memo", due: F.day(2, 5)),
                Milestone(id: "m2", goalID: "A2", title: "ask", due: F.day(2, 8)),
                Milestone(id: "m3", goalID: "A1", title: "later", due: F.day(2, 9)),
                Milestone(id: "m4", goalID: "A3", title: "late", due: F.day(1, 20)),
                Milestone(id: "m5", goalID: "A1", title: "done", due: F.day(2, 3), doneOn: F.day(1, 30)),
                Milestone(id: "m6", goalID: "A7", title: "closed goal", due: F.day(2, 4)),
                Milestone(id: "m7", goalID: "B1", title: "other mentee", due: F.day(2, 4)),
            ],
            checkIns: [
                CheckIn(menteeID: "E1", itemID: "leader.vision", level: 2, date: F.day(1, 20), assessor: .mentor),
                CheckIn(menteeID: "E1", itemID: "domain.people", level: 3, date: F.day(1, 28), assessor: .selfAssessment),
                CheckIn(menteeID: "E2", itemID: "coach.feedback", level: 5, date: F.day(1, 28), assessor: .hr),
            ],
            sessions: sessions, settings: settings)
    }

    @Test func goalsRankedByHandComputedScore() {
        let agenda = Agenda.make(snapshot: Self.snapshot(), menteeID: "E1")
        #expect(agenda.items.map(\.goal.id) == ["A3", "A2", "A0", "A1", "A4"])
        #expect(agenda.items.map(\.score) == [0.5375, 0.525, 0.3875, 0.3875, 0.1875])
        #expect(agenda.items.map(\.remainingGap) == [2, 3, 4, 4, 0])
        #expect(agenda.items.map(\.daysSinceDiscussed) == [21, 28, 7, 7, 7])
        #expect(agenda.items.map(\.daysToDue) == [-7, 28, 28, 28, 28])
        #expect(agenda.items.map(\.reason) == [
            "2 of 2 levels still to close on Finance (level 0, target 2, weight 1); discussed 3 weeks ago; overdue by 1 week (due 2027-01-25)",
            "3 of 3 levels still to close on Feedback (level 1, target 4, weight 1); never discussed since its start 4 weeks ago; due in 4 weeks (2027-03-01); still a draft: activate or drop it",
            "2 of 3 levels still to close on Vision (level 2, target 4, weight 2); discussed 1 week ago; due in 4 weeks (2027-03-01)",
            "2 of 3 levels still to close on Vision (level 2, target 4, weight 2); discussed 1 week ago; due in 4 weeks (2027-03-01)",
            "target 3 on People reached (level 3); ready to be marked achieved; discussed 1 week ago; due in 4 weeks (2027-03-01)",
        ])
    }

    /// Next session: S3 on 02-08 (S4 later, S0 is E2's). Milestones of open goals, not done, due
    /// on or before 02-08: m4 (01-20, overdue), m1 (02-05), m2 (02-08).
    @Test func milestonesBeforeTheNextSession() {
        let agenda = Agenda.make(snapshot: Self.snapshot(), menteeID: "E1")
        #expect(agenda.nextSession?.id == "S3")
        #expect(agenda.horizon == F.day(2, 8))
        #expect(agenda.milestones.map(\.id) == ["m4", "m1", "m2"])
    }

    /// Without a planned session ahead: 4 weeks from 02-01 is 03-01, so m3 (02-09) joins.
    @Test func milestonesWithinFourWeeksWithoutASession() {
        let agenda = Agenda.make(snapshot: Self.snapshot(withNextSessions: false), menteeID: "E1")
        #expect(agenda.nextSession == nil)
        #expect(agenda.horizon == F.day(3, 1))
        #expect(agenda.milestones.map(\.id) == ["m4", "m1", "m2", "m3"])
    }

    /// The last held session is S2 (01-25): its `- [ ]`, `TODO` and `?` lines, markers removed;
    /// "TODOS…", "- [x]" and lines empty after the marker are not points; S1's are older.
    @Test func openPointsOfTheLastSession() {
        let agenda = Agenda.make(snapshot: Self.snapshot(), menteeID: "E1")
        #expect(agenda.lastSession?.session.id == "S2")
        #expect(agenda.openPoints == ["read the finance primer", "book a shadow day", "who signs off the budget"])
    }

    @Test func menteeWithoutRecordsHasAnEmptyAgenda() {
        let agenda = Agenda.make(snapshot: Self.snapshot(), menteeID: "E9")
        #expect(agenda.items.isEmpty && agenda.milestones.isEmpty && agenda.openPoints.isEmpty)
        #expect(agenda.lastSession == nil && agenda.nextSession == nil)
    }

    @Test func openPointMarkers() {
        #expect(Agenda.openPoints(in: "TODO call\n\tTODO:  plan  \n?x\nnothing ? here\n- [ ]a") == ["call", "plan", "x", "a"])
        #expect(Agenda.openPoints(in: "") == [])
    }
}
