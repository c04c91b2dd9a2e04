import Kapstok
import Testing

@Suite struct TrackingProgressReportTests {
    typealias F = TrackingFixtures

    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) < tolerance
    }

    /// Every goal figure, worked by hand. As of 2027-02-01; goals run 2027-01-04…2027-03-01 (56
    /// days, 28 elapsed: expected 0.5) unless said otherwise.
    @Test func goalFigures() throws {
        let report = ProgressReport.make(from: F.reportSnapshot())
        #expect(report.goals.map(\.goal.id) == ["G1", "G2", "G3", "G4", "G5", "G6"])
        let g = Dictionary(uniqueKeysWithValues: report.goals.map { ($0.goal.id, $0) })
        let g1 = try #require(g["G1"]), g2 = try #require(g["G2"]), g3 = try #require(g["G3"])
        let g4 = try #require(g["G4"]), g5 = try #require(g["G5"]), g6 = try #require(g["G6"])
        // G1: vision 1 → 4. Check-ins: 01-20 self 2; 01-25 mentor 3 and self 4 (mentor wins the
        // day); 02-10 hr 5 is after the report date. Current 3; progress (3−1)/3 = 2/3;
        // shortfall (0.5 − 2/3)·100 = −16.67 → on track. Last discussed S2, held 01-26.
        #expect(g1.currentLevel == 3)
        #expect(Self.close(g1.progress, 2.0 / 3))
        #expect(g1.expected == 0.5)
        #expect(Self.close(g1.shortfallPoints, -50.0 / 3, 1e-8))
        #expect(g1.track == .onTrack)
        #expect(g1.lastDiscussed == F.day(1, 26))
        #expect(!g1.notDiscussed && !g1.overdue)
        // G2: feedback 2 → 4, due 01-25 (21 days; 28 elapsed → expected 1). No check-in: current
        // = baseline 2, progress 0, shortfall 100; overdue → at risk. Discussed 01-11, 21 days ago ≥ 14.
        #expect(g2.currentLevel == 2 && g2.progress == 0 && g2.expected == 1 && g2.shortfallPoints == 100)
        #expect(g2.overdue && g2.track == .atRisk)
        #expect(g2.lastDiscussed == F.day(1, 11) && g2.notDiscussed)
        // G3: achieved; finance check-in 2 (manager). Progress counts as 1; shortfall 0.5 − 1 = −50.
        #expect(g3.currentLevel == 2 && g3.progress == 1 && g3.shortfallPoints == -50 && g3.track == .achieved)
        #expect(!g3.notDiscussed && !g3.overdue && g3.lastDiscussed == nil)
        // G4: draft, vision 2 → 4, check-in 3: progress 0.5, shortfall 0 → on track; never
        // discussed, 28 days since its start ≥ 14 → not discussed.
        #expect(g4.currentLevel == 3 && g4.progress == 0.5 && g4.shortfallPoints == 0 && g4.track == .onTrack)
        #expect(g4.notDiscussed && g4.lastDiscussed == nil)
        // G5: people 0 → 4, hr check-in 1: progress 0.25, shortfall 25 → behind (16.5 ≤ 25 ≤ 33).
        // Discussed in S7, held 01-27 (5 days ago).
        #expect(g5.currentLevel == 1 && g5.progress == 0.25 && g5.shortfallPoints == 25 && g5.track == .behind)
        #expect(g5.lastDiscussed == F.day(1, 27) && !g5.notDiscussed)
        // G6: dropped; feedback self-assessed 4: progress (4−3)/2 = 0.5.
        #expect(g6.track == .dropped && g6.currentLevel == 4 && g6.progress == 0.5 && !g6.notDiscussed)

        // Counts: on track G1 G4, behind G5, at risk G2, achieved G3, dropped G6; overdue G2;
        // not discussed G2 G4.
        let counts = report.goalCounts
        #expect([counts.onTrack, counts.behind, counts.atRisk, counts.achieved, counts.dropped] == [2, 1, 1, 1, 1])
        #expect(counts.overdue == 1 && counts.notDiscussed == 2 && counts.total == 6)
        #expect(report.elapsed == 0.5)
        #expect(report.asOf == F.day(2, 1) && report.programStart == F.start && report.programEnd == F.end)
    }

    /// Gap figures: gap = w·(target − baseline), closed = w·clamp(current − baseline); dropped out.
    /// G1 vision w2: gap 6, closed 4. G2 feedback w1: gap 2, closed 0. G3 finance (achieved): gap
    /// 2, closed 2. G4 vision w2: gap 4, closed 2. G5 people: gap 4, closed 1. G6 dropped.
    @Test func areaFigures() throws {
        let report = ProgressReport.make(from: F.reportSnapshot())
        func figures(_ areas: [AreaGap]) -> [String] {
            areas.map { "\($0.area)|\($0.label)|\(Format.number($0.figures.gap))|\(Format.number($0.figures.closed))|\($0.figures.goals)" }
        }
        // Program: leader G1+G4 = 10/6; coach G2 = 2/0; domains G3+G5 = 6/3; finance 2/2;
        // people 4/1; all 18/9 over 5 goals.
        #expect(figures(report.areas) == [
            "leader|Leader|10|6|2", "coach|Coach|2|0|1", "domains|Domains|6|3|2", "domain.finance|Finance|2|2|1",
            "domain.people|People|4|1|1", "all|All|18|9|5",
        ])
        #expect(report.areas.last?.figures.share == 0.5)
        #expect(report.mentees.map(\.menteeID) == ["E1", "E2", "E3"])
        #expect(report.mentees.map(\.name) == ["Ann", "Bob", "Cas"])
        // E1: G1, G2, G3 → overall 10/6 over 3.
        #expect(figures(report.mentees[0].areas) == [
            "leader|Leader|6|4|1", "coach|Coach|2|0|1", "domains|Domains|2|2|1", "domain.finance|Finance|2|2|1",
            "domain.people|People|0|0|0",
        ])
        #expect(report.mentees[0].overall == GapFigures(gap: 10, closed: 6, goals: 3))
        // E2: G4, G5 (G6 dropped) → overall 8/3 over 2.
        #expect(figures(report.mentees[1].areas) == [
            "leader|Leader|4|2|1", "coach|Coach|0|0|0", "domains|Domains|4|1|1", "domain.finance|Finance|0|0|0",
            "domain.people|People|4|1|1",
        ])
        #expect(report.mentees[1].overall == GapFigures(gap: 8, closed: 3, goals: 2))
        #expect(report.mentees[1].overall.share == 0.375)
        // E3: nothing.
        #expect(report.mentees[2].overall == GapFigures() && report.mentees[2].overall.share == nil)
        #expect(report.mentees[2].areas.count == 5)
        // Mentee counts: E1 on track 1 (G1), at risk 1 (G2), achieved 1; overdue 1; not discussed 1 (G2).
        let e1 = report.mentees[0].goals
        #expect([e1.onTrack, e1.behind, e1.atRisk, e1.achieved, e1.dropped, e1.overdue, e1.notDiscussed] == [1, 0, 1, 1, 0, 1, 1])
        // E2: on track G4, behind G5, dropped G6; not discussed G4.
        let e2 = report.mentees[1].goals
        #expect([e2.onTrack, e2.behind, e2.atRisk, e2.achieved, e2.dropped, e2.overdue, e2.notDiscussed] == [1, 1, 0, 0, 1, 0, 1])
    }

    /// Sessions: E1–M1 S1 held 01-11 (4, 5), S2 held 01-26 (5, –), S3 02-08 and S4 02-22 planned;
    /// E2–M2 S5 01-12 cancelled, S6 01-19 no-show, S7 held 01-27 (3, 4), S8 02-15 planned.
    @Test func sessionFigures() throws {
        let report = ProgressReport.make(from: F.reportSnapshot())
        let all = report.sessions
        // Planned 8; due by now (start ≤ 02-01): S1 S2 S5 S6 S7 = 5; held 3; cancelled 1; no-show 1.
        #expect([all.planned, all.dueByNow, all.held, all.cancelled, all.noShow] == [8, 5, 3, 1, 1])
        // Mentee ratings 4 + 5 + 3 = 12 over 3; mentor 5 + 4 = 9 over 2; together 21 / 5 = 4.2.
        #expect([all.menteeRatings, all.menteeRatingSum, all.mentorRatings, all.mentorRatingSum] == [3, 12, 2, 9])
        #expect(Self.close(all.averageRating, 4.2) && all.heldShare == 0.375 && all.heldShareToDate == 0.6)
        // Pairs in the given order, the repeated E1–M1 once.
        #expect(report.pairs.map(\.pair.menteeID) == ["E1", "E2", "E3"])
        let p1 = report.pairs[0], p2 = report.pairs[1], p3 = report.pairs[2]
        // E1–M1: planned 4, due 2 (S1 S2), held 2; ratings mentee 4+5, mentor 5; last held 01-26,
        // 6 days before 02-01 < 14 → recent.
        #expect([p1.sessions.planned, p1.sessions.dueByNow, p1.sessions.held, p1.sessions.cancelled, p1.sessions.noShow] == [4, 2, 2, 0, 0])
        #expect([p1.sessions.menteeRatings, p1.sessions.menteeRatingSum, p1.sessions.mentorRatings, p1.sessions.mentorRatingSum] == [2, 9, 1, 5])
        #expect(p1.lastHeld == F.day(1, 26) && !p1.noRecentSession)
        #expect([p1.goals.onTrack, p1.goals.atRisk, p1.goals.achieved, p1.goals.total] == [1, 1, 1, 3])
        // E2–M2: planned 4, due 3 (S5 S6 S7), held 1, cancelled 1, no-show 1; last held 01-27.
        #expect([p2.sessions.planned, p2.sessions.dueByNow, p2.sessions.held, p2.sessions.cancelled, p2.sessions.noShow] == [4, 3, 1, 1, 1])
        #expect(p2.lastHeld == F.day(1, 27) && !p2.noRecentSession)
        #expect([p2.goals.onTrack, p2.goals.behind, p2.goals.dropped, p2.goals.total] == [1, 1, 1, 3])
        // E3–M1: no session; 28 days since the program's start ≥ 14 → flagged.
        #expect(p3.sessions == SessionFigures() && p3.lastHeld == nil && p3.noRecentSession)
        #expect(p3.goals.total == 0)
    }

    /// Weeks from Monday 01-04 to Monday 03-01: planned by planned start, held by held day.
    @Test func weeks() {
        let report = ProgressReport.make(from: F.reportSnapshot())
        // 01-04: –. 01-11: S1, S5 planned; S1 held. 01-18: S6. 01-25: S2, S7 planned; S2 (01-26)
        // and S7 (01-27) held. 02-01: –. 02-08: S3. 02-15: S8. 02-22: S4. 03-01: –.
        #expect(report.weeks.map { "\($0.weekStart) \($0.planned)/\($0.held)" } == [
            "2027-01-04 0/0", "2027-01-11 2/1", "2027-01-18 1/0", "2027-01-25 2/2", "2027-02-01 0/0",
            "2027-02-08 1/0", "2027-02-15 1/0", "2027-02-22 1/0", "2027-03-01 0/0",
        ])
    }

    /// Objectives at half the program (elapsed 0.5).
    @Test func objectives() throws {
        let objectives = [
            // 3 of 8 held = 0.375 < 0.8; expected 0.8 × 0.5 = 0.4 > 0.375 → at risk.
            ProgramObjective(statement: "80 % held", metric: .sessionsHeld, target: 0.8),
            // 1 achieved of 5 not dropped = 0.2 < 0.3; 0.3 × 0.5 = 0.15 ≤ 0.2 → on track.
            ProgramObjective(statement: "30 % achieved", metric: .goalsAchieved, target: 0.3),
            // On track 2 of 4 open (G1 G4 of G1 G2 G4 G5) = 0.5 ≥ 0.5 → realised.
            ProgramObjective(statement: "half on track", metric: .goalsOnTrack, target: 0.5),
            // Leader: 6 of 10 = 0.6 < 0.8; 0.4 ≤ 0.6 → on track.
            ProgramObjective(statement: "leader gap", metric: .gapClosed, target: 0.8, scope: "leader"),
            // 2 levels on 1 item: E1 yes (G1 closed 2, G3 achieved 2), E2 no (G4 1, G5 1) → 1 of 2
            // = 0.5 ≥ 0.5 → realised.
            ProgramObjective(statement: "closing", metric: .menteesClosing, target: 0.5, levels: 2, items: 1),
            // 4.2 < 4.5, ≥ 4.5 − 0.5 = 4 → on track.
            ProgramObjective(statement: "rating", metric: .averageRating, target: 4.5),
            // Nothing in scope: no value → at risk.
            ProgramObjective(statement: "nothing", metric: .gapClosed, target: 0.5, scope: "domain.unknown"),
            // Finance only: G3 achieved, 2 of 2 → realised.
            ProgramObjective(statement: "finance", metric: .gapClosed, target: 0.9, scope: "domain.finance"),
            // Domains: G3 2 + G5 1 of 2 + 4 = 0.5 ≥ 0.6 × 0.5 = 0.3 → on track.
            ProgramObjective(statement: "domains", metric: .gapClosed, target: 0.6, scope: "domains"),
        ]
        let report = ProgressReport.make(from: F.reportSnapshot(objectives: objectives))
        let results = report.objectives
        #expect(results.map(\.status) == [.atRisk, .onTrack, .realised, .onTrack, .realised, .onTrack, .atRisk, .realised, .onTrack])
        #expect(Self.close(results[0].value, 0.375) && Self.close(results[1].value, 0.2) && Self.close(results[2].value, 0.5))
        #expect(Self.close(results[3].value, 0.6) && Self.close(results[4].value, 0.5) && Self.close(results[5].value, 4.2))
        #expect(results[6].value == nil && Self.close(results[7].value, 1) && Self.close(results[8].value, 0.5))
        #expect(results[0].detail == "3 of 8 planned sessions held (37.5 %); target 80 %; expected by now 40 % (50 % of the program elapsed)")
        #expect(results[2].detail == "2 of 4 open goals on track (50 %); target 50 %; on track from 40 %")
        #expect(results[3].detail == "6 of 10 weighted levels closed on the Leader role (60 %); target 80 %; expected by now 40 % (50 % of the program elapsed)")
        #expect(results[4].detail.hasPrefix("1 of 2 mentees with goals on all items closed at least 2 levels on at least 1 item (50 %)"))
        #expect(results[5].detail == "average rating 4.2 over 5 ratings by mentees and mentors; target 4.5; on track from 4")
        #expect(results[6].detail.hasPrefix("0 of 0 weighted levels closed on 'domain.unknown': no gap to close"))
    }

    /// Shortfall thresholds at their boundaries: a goal 0 → 2 with 1 level closed (progress 0.5),
    /// running 200 days from 2027-01-04. Day 132: expected 0.66 → 16 points → on track. Day 133:
    /// 0.665 → 16.5 → behind (16.5 itself is behind). Day 166: 0.83 → 33 → behind (33 itself is
    /// behind). Day 167: 0.835 → 33.5 → at risk.
    @Test(arguments: [(132, GoalTrack.onTrack, 16.0), (133, .behind, 16.5), (166, .behind, 33.0), (167, .atRisk, 33.5)])
    func trackThresholds(day: Int, track: GoalTrack, shortfall: Double) throws {
        let start = F.start
        let goal = F.goal("G1", "E1", "M1", "leader.vision", 0, 2, .active, start: start, due: start.adding(days: 200))
        let snapshot = TrackingSnapshot(
            framework: F.framework, programStart: start, programEnd: start.adding(days: 200), today: start.adding(days: day),
            mentees: [Mentee(id: "E1", name: "Ann")], mentors: [], pairs: [], goals: [goal], milestones: [],
            checkIns: [CheckIn(menteeID: "E1", itemID: "leader.vision", level: 1, date: start, assessor: .mentor)], sessions: [])
        let progress = try #require(ProgressReport.make(from: snapshot).goals.first)
        #expect(progress.shortfallPoints == shortfall)
        #expect(progress.track == track)
    }

    /// Custom thresholds from `[tracking]` apply: at 16 points with on-track below 10 → behind;
    /// with at-risk above 15 → at risk.
    @Test func thresholdsComeFromSettings() throws {
        var snapshot = F.reportSnapshot()
        let start = F.start
        snapshot.goals = [F.goal("G1", "E1", "M1", "leader.vision", 0, 2, .active, start: start, due: start.adding(days: 200))]
        snapshot.checkIns = [CheckIn(menteeID: "E1", itemID: "leader.vision", level: 1, date: start, assessor: .mentor)]
        snapshot.today = start.adding(days: 132)
        snapshot.programEnd = start.adding(days: 200)
        snapshot.settings.onTrackShortfall = 10
        #expect(ProgressReport.make(from: snapshot).goals.first?.track == .behind)
        snapshot.settings.atRiskShortfall = 15
        #expect(ProgressReport.make(from: snapshot).goals.first?.track == .atRisk)
    }

    /// The generator's program gives a deterministic report whose counts add up.
    @Test func generatedProgramIsConsistent() {
        let snapshot = TrackingGenerator(mentees: 60, mentors: 20, seed: 3).makeSnapshot()
        let report = ProgressReport.make(from: snapshot)
        #expect(report == ProgressReport.make(from: TrackingGenerator(mentees: 60, mentors: 20, seed: 3).makeSnapshot()))
        #expect(report.goals.count == snapshot.goals.count && report.goalCounts.total == snapshot.goals.count)
        #expect(report.sessions.planned == snapshot.sessions.count)
        #expect(report.weeks.map(\.planned).reduce(0, +) == snapshot.sessions.count)
        #expect(report.weeks.map(\.held).reduce(0, +) == report.sessions.held)
        #expect(report.pairs.map(\.sessions.held).reduce(0, +) == report.sessions.held)
        #expect(report.mentees.map(\.goals.total).reduce(0, +) == snapshot.goals.count)
        #expect(report.objectives.count == 6)
        let all = report.areas.last?.figures ?? GapFigures()
        #expect(all.goals == report.goalCounts.total - report.goalCounts.dropped)
        #expect(all.closed <= all.gap)
    }
}
