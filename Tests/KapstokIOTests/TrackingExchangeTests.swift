import Foundation
import Kapstok
import Testing

@testable import KapstokIO

/// The CSV exchange of goals, check-ins and session logs: loaders, exporters, round trips and
/// hostile input.
@Suite struct TrackingExchangeTests {
    static let references = ExchangeReferences(
        menteeIDs: ["E1", "E2"], mentorIDs: ["M1", "M2"], framework: .builtIn,
        goals: [
            "G0001": PairID(menteeID: "E1", mentorID: "M1"), "G0002": PairID(menteeID: "E2", mentorID: "M2"),
            "G0003": PairID(menteeID: "E1", mentorID: "M1"),
        ],
        sessionIDs: ["s-1", "s-2", "s-3", "s-5"])
    static let start = CalendarDate(year: 2027, month: 2, day: 1)
    static let goalHeader = "goal_id,mentee_id,mentor_id,item,baseline,target,due,status,title"
    static let sessionHeader = "session_id,mentee_id,mentor_id,number,start,end,status,sequence,held_on,mentee_rating,mentor_rating,goals_discussed,notes"

    private func goals(_ text: String, references: ExchangeReferences = references) -> ([Goal], [String]) {
        var diagnostics = DiagnosticCollector()
        let goals = GoalsLoader.load(.text(text, path: "goals.csv"), references: references, defaultStart: Self.start, diagnostics: &diagnostics)
        return (goals ?? [], diagnostics.diagnostics.map(\.description))
    }

    private func checkIns(_ text: String, references: ExchangeReferences = references) -> ([CheckIn], [String]) {
        var diagnostics = DiagnosticCollector()
        let checkIns = CheckInsLoader.load(.text(text, path: "checkins.csv"), references: references, diagnostics: &diagnostics)
        return (checkIns ?? [], diagnostics.diagnostics.map(\.description))
    }

    private func logs(_ text: String, references: ExchangeReferences = references) throws -> ([SessionLog], [String]) {
        let clock = try #require(FoundationWallClock(identifier: "Europe/Brussels"))
        var diagnostics = DiagnosticCollector()
        let logs = SessionLogsLoader.load(.text(text, path: "sessions.csv"), clock: clock, references: references, diagnostics: &diagnostics)
        return (logs ?? [], diagnostics.diagnostics.map(\.description))
    }

    private func date(_ text: String) -> CalendarDate { LocalTimeFormat.date(text)! }

    // MARK: Goals

    @Test func readsGoalsWithAndWithoutTheOptionalColumns() {
        let (read, diagnostics) = goals("""
            \(Self.goalHeader),start,reason
            G0001,E1,M1,leader.vision,2,4,2027-07-30,Active,Vision: from 2 to 4,2027-03-01,"gap 2, weight 1"
            ,E2,M2,domain.finance,0,5,2027-12-31,draft,New goal,,
            """)
        #expect(diagnostics.isEmpty)
        #expect(read == [
            Goal(id: "G0001", menteeID: "E1", mentorID: "M1", itemID: "leader.vision", baseline: 2, target: 4,
                 start: date("2027-03-01"), due: date("2027-07-30"), status: .active, title: "Vision: from 2 to 4",
                 reason: "gap 2, weight 1"),
            // Empty goal_id: a new goal; empty start: the default start.
            Goal(id: "", menteeID: "E2", mentorID: "M2", itemID: "domain.finance", baseline: 0, target: 5,
                 start: Self.start, due: date("2027-12-31"), status: .draft, title: "New goal", reason: ""),
        ])
        let (plain, none) = goals("\(Self.goalHeader)\nG0002,E2,M2,coach.develop,1,2,2027-05-01,achieved,t\n")
        #expect(none.isEmpty)
        #expect(plain.map(\.start) == [Self.start])
        #expect(plain.map(\.reason) == [""])
        #expect(plain.map(\.status) == [.achieved])
    }

    /// A file without `start` and `reason` columns (or with an empty start) keeps what the
    /// workspace has for a goal it knows; new goals get the default start and no reason.
    @Test func goalsWithoutStartOrReasonKeepTheStoredOnes() {
        let stored = Goal(
            id: "G0002", menteeID: "E2", mentorID: "M2", itemID: "coach.develop", baseline: 1, target: 2,
            start: date("2027-03-15"), due: date("2027-05-01"), status: .active, title: "t", reason: "gap 1")
        var diagnostics = DiagnosticCollector()
        let plain = GoalsLoader.load(
            .text("\(Self.goalHeader)\nG0002,E2,M2,coach.develop,1,2,2027-05-01,achieved,t\n,E1,M1,leader.vision,1,2,2027-05-01,draft,n\n",
                  path: "goals.csv"),
            references: Self.references, defaultStart: Self.start, existing: ["G0002": stored], diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.isEmpty)
        #expect(plain?.map(\.start) == [date("2027-03-15"), Self.start])
        #expect(plain?.map(\.reason) == ["gap 1", ""])
        // An empty start cell keeps it too; an empty reason cell clears the reason (the column is there).
        let empty = GoalsLoader.load(
            .text("\(Self.goalHeader),start,reason\nG0002,E2,M2,coach.develop,1,2,2027-05-01,achieved,t,,\n", path: "goals.csv"),
            references: Self.references, defaultStart: Self.start, existing: ["G0002": stored], diagnostics: &diagnostics)
        #expect(empty?.map(\.start) == [date("2027-03-15")])
        #expect(empty?.map(\.reason) == [""])
    }

    @Test func reportsEveryGoalProblemInOneRun() {
        let long = String(repeating: "x", count: 201)
        let (read, diagnostics) = goals("""
            \(Self.goalHeader),start
            G0001,E9,M1,leader.vison,4,4,2027-13-01,actve,,
            G0001,E1,M3,leader.vision,x,6,2027-01-01,done,\(long),2027-02-01
            G0009,E1,M1,leader.vision,1,3,2027-01-31,active,t,2027-02-01
            G0002,,,,,,,,\u{7}bell,
            """)
        #expect(diagnostics == [
            // Two-character ids are too short for a "did you mean" (see Suggestion); goal ids are not.
            "goals.csv:2:7: error: unknown mentee 'E9'",
            "goals.csv:2:13: error: unknown framework item 'leader.vison'; did you mean 'leader.vision'?",
            "goals.csv:2:28: error: target '4' is not above baseline '4'",
            "goals.csv:2:30: error: invalid due '2027-13-01' (expected a date like 2027-04-06 (YYYY-MM-DD))",
            "goals.csv:2:41: error: invalid status 'actve'; did you mean 'active'?",
            "goals.csv:2:47: error: empty title (expected 1–200 characters)",
            "goals.csv:3:1: error: duplicate goal_id 'G0001' (first on line 2)",
            "goals.csv:3:10: error: unknown mentor 'M3'",
            "goals.csv:3:27: error: invalid baseline 'x' (expected an integer 0–5)",
            "goals.csv:3:29: error: target '6' out of range (expected an integer 0–5)",
            "goals.csv:3:31: error: due '2027-01-01' is before start '2027-02-01'",
            "goals.csv:3:42: error: invalid status 'done' (expected 'draft', 'active', 'achieved', 'dropped')",
            "goals.csv:3:47: error: title has 201 characters (at most 200)",
            "goals.csv:4:1: error: unknown goal 'G0009'; did you mean 'G0001'?",
            "goals.csv:4:31: error: due '2027-01-31' is before start '2027-02-01'",
            "goals.csv:5:7: error: empty mentee_id",
            "goals.csv:5:8: error: empty mentor_id",
            "goals.csv:5:9: error: empty item",
            "goals.csv:5:10: error: invalid baseline '' (expected an integer 0–5)",
            "goals.csv:5:11: error: invalid target '' (expected an integer 0–5)",
            "goals.csv:5:12: error: empty due (expected a date like 2027-04-06 (YYYY-MM-DD))",
            "goals.csv:5:13: error: empty status (expected 'draft', 'active', 'achieved', 'dropped')",
            "goals.csv:5:14: error: title contains a control character",
        ])
        #expect(read.isEmpty)
    }

    @Test func goalIDsAreFreeWithoutReferences() {
        let (read, diagnostics) = goals(
            "\(Self.goalHeader)\nX-7,anyone,someone,whatever,0,1,2027-05-01,draft,t\n", references: ExchangeReferences())
        #expect(diagnostics.isEmpty)
        #expect(read.map(\.id) == ["X-7"])
    }

    // MARK: Check-ins

    @Test func readsCheckIns() {
        let (read, diagnostics) = checkIns("""
            mentee_id,item,level,date,assessor,evidence
            E1,leader.vision,3,2027-04-06,self,"Led the kick-off;
            wrote the plan"
            E2,domain.finance,0,2027-04-07,HR,
            E1,leader.vision,5,2099-12-31,Manager,'@mention
            """)
        #expect(diagnostics.isEmpty)
        #expect(read == [
            CheckIn(menteeID: "E1", itemID: "leader.vision", level: 3, date: date("2027-04-06"), assessor: .selfAssessment,
                    evidence: "Led the kick-off;\nwrote the plan"),
            CheckIn(menteeID: "E2", itemID: "domain.finance", level: 0, date: date("2027-04-07"), assessor: .hr),
            // The writer's `'` before a formula start is undone.
            CheckIn(menteeID: "E1", itemID: "leader.vision", level: 5, date: date("2099-12-31"), assessor: .manager, evidence: "@mention"),
        ])
    }

    @Test func reportsEveryCheckInProblemInOneRun() {
        let long = String(repeating: "y", count: Limits.noteLength + 1)
        let (read, diagnostics) = checkIns("""
            mentee_id,item,level,date,assessor,evidence
            E3,leader.vison,6,06/04/2027,slef,a\u{1}b
            E1,,-1,,,
            ,x,3.5,2027-02-29,peer,\(long)
            """)
        #expect(diagnostics == [
            "checkins.csv:2:1: error: unknown mentee 'E3'",
            "checkins.csv:2:4: error: unknown framework item 'leader.vison'; did you mean 'leader.vision'?",
            "checkins.csv:2:17: error: level '6' out of range (expected an integer 0–5)",
            "checkins.csv:2:19: error: invalid date '06/04/2027' (expected a date like 2027-04-06 (YYYY-MM-DD))",
            "checkins.csv:2:30: error: invalid assessor 'slef'; did you mean 'self'?",
            "checkins.csv:2:35: error: evidence contains a control character (only tabs and line breaks are allowed)",
            "checkins.csv:3:4: error: empty item",
            "checkins.csv:3:5: error: level '-1' out of range (expected an integer 0–5)",
            "checkins.csv:3:8: error: empty date (expected a date like 2027-04-06 (YYYY-MM-DD))",
            "checkins.csv:3:9: error: empty assessor (expected 'self', 'mentor', 'manager', 'hr')",
            "checkins.csv:4:1: error: empty mentee_id",
            "checkins.csv:4:2: error: unknown framework item 'x'",
            "checkins.csv:4:4: error: invalid level '3.5': a decimal (expected an integer 0–5)",
            "checkins.csv:4:8: error: invalid date '2027-02-29' (expected a date like 2027-04-06 (YYYY-MM-DD))",
            "checkins.csv:4:19: error: invalid assessor 'peer' (expected 'self', 'mentor', 'manager', 'hr')",
            "checkins.csv:4:24: error: evidence has 10001 characters (at most 10000)",
        ])
        #expect(read.isEmpty)
    }

    // MARK: Session logs

    @Test func readsSessionLogs() throws {
        let (read, diagnostics) = try logs("""
            \(Self.sessionHeader)
            s-1,E1,M1,1,2027-03-23T10:00:00+01:00,2027-03-23T11:00:00+01:00,held,0,2027-03-24,5,4, G0001 ,"'- [ ] send the plan
            TODO call HR"
            s-2,E1,M1,2,2027-04-13T10:00:00+02:00,2027-04-13T11:00:00+02:00,held,1,,,3,,
            s-3,E2,M2,1,2027-04-14T10:00:00+02:00,2027-04-14T11:00:00+02:00,cancelled,2,,,,,ill
            """)
        #expect(diagnostics.isEmpty)
        #expect(read.map(\.session.id) == ["s-1", "s-2", "s-3"])
        #expect(read.map(\.heldOn) == [date("2027-03-24"), date("2027-04-13"), nil])  // s-2: its planned day
        #expect(read.map(\.menteeRating) == [5, nil, nil])
        #expect(read.map(\.mentorRating) == [4, 3, nil])
        #expect(read.map(\.goalsDiscussed) == [["G0001"], [], []])
        #expect(read.map(\.notes) == ["- [ ] send the plan\nTODO call HR", "", "ill"])
        #expect(read.map(\.session.status) == [.held, .held, .cancelled])
        #expect(read.map(\.session.sequence) == [0, 1, 2])
        #expect(read.map { $0.session.location?.description } == ["sessions.csv:2:1", "sessions.csv:4:1", "sessions.csv:5:1"])
    }

    @Test func reportsEverySessionLogProblemInOneRun() throws {
        let (read, diagnostics) = try logs("""
            \(Self.sessionHeader)
            s-1,E1,M1,1,2027-03-23T10:00:00+01:00,2027-03-23T11:00:00+01:00,planned,0,2027-03-23,,,,
            s-2,E1,M1,2,2027-04-13T10:00:00+02:00,2027-04-13T11:00:00+02:00,held,0,13/04/2027,6,0,G0002|G0009||G0001,a\u{2}
            s-9,E9,M1,3,2027-04-20T10:00:00+02:00,2027-04-20T11:00:00+02:00,held,0,,x,,,
            s-1,E1,M1,5,2027-05-04T10:00:00+02:00,2027-05-04T11:00:00+02:00,planned,0,,,,,
            s-5,E1,M1,4,2027-04-27T10:00:00+02:00,2027-04-27T11:00:00+02:00,no_show,0,,1,,G0001|G0001,
            s-3,E2,M2,1,2027-04-14T10:00:00+02:00,2027-04-14T11:00:00+02:00,cancelled,0,,,2,G0002,
            """)
        #expect(diagnostics == [
            // Columns: session_id 1, mentee_id 5, start 13, end 39, status 65; after `planned`
            // (7 letters) held_on is at 75, after `held` at 72.
            "sessions.csv:2:75: error: held_on '2027-03-23' given for a session with status 'planned' (only held sessions have one)",
            "sessions.csv:3:72: error: invalid held_on '13/04/2027' (expected a date like 2027-04-06 (YYYY-MM-DD))",
            "sessions.csv:3:83: error: mentee_rating '6' out of range (expected an integer 1–5)",
            "sessions.csv:3:85: error: mentor_rating '0' out of range (expected an integer 1–5)",
            "sessions.csv:3:87: error: empty goal id in goals_discussed 'G0002|G0009||G0001'",
            "sessions.csv:3:87: error: goal 'G0002' belongs to mentee 'E2' and mentor 'M2', not to this session's pair",
            "sessions.csv:3:87: error: unknown goal 'G0009'; did you mean 'G0001'?",
            "sessions.csv:3:106: error: notes contains a control character (only tabs and line breaks are allowed)",
            "sessions.csv:4:5: error: unknown mentee 'E9'",
            "sessions.csv:4:73: error: invalid mentee_rating 'x' (expected an integer 1–5)",
            "sessions.csv:5:1: error: duplicate session_id 's-1' (first on line 2)",
            // no_show (7 letters): held_on 75, mentee_rating 76, mentor_rating 78, goals 79.
            "sessions.csv:6:76: error: mentee_rating '1' given for a session with status 'no_show' (only held sessions have one)",
            "sessions.csv:6:79: error: goals_discussed 'G0001|G0001' given for a session with status 'no_show' (only held sessions have one)",
            "sessions.csv:6:79: warning: goal 'G0001' listed twice in goals_discussed",
            // cancelled (9 letters): mentor_rating 79, goals 81.
            "sessions.csv:7:79: error: mentor_rating '2' given for a session with status 'cancelled' (only held sessions have one)",
            "sessions.csv:7:81: error: goals_discussed 'G0002' given for a session with status 'cancelled' (only held sessions have one)",
        ])
        #expect(read.isEmpty)
    }

    @Test func unknownSessionIDsAreReported() throws {
        let (read, diagnostics) = try logs("""
            \(Self.sessionHeader)
            s-4,E1,M1,1,2027-03-23T10:00:00+01:00,2027-03-23T11:00:00+01:00,planned,0,,,,,
            """)
        #expect(diagnostics == ["sessions.csv:2:1: error: unknown session 's-4'"])
        #expect(read.isEmpty)
    }

    @Test func aPlainSessionsFileIsNotALog() throws {
        let (read, diagnostics) = try logs("""
            session_id,mentee_id,mentor_id,number,start,end,status,sequence
            s-1,E1,M1,1,2027-03-23T10:00:00+01:00,2027-03-23T11:00:00+01:00,held,0
            """)
        #expect(diagnostics == [
            "sessions.csv:1:1: error: missing columns 'held_on', 'mentee_rating', 'mentor_rating', 'goals_discussed', 'notes'"
        ])
        // The rows still read (the missing columns are empty): the CLI refuses on the error.
        #expect(read.count == 1)
    }

    // MARK: Round trips

    @Test func goalsRoundTrip() {
        let goals: [Goal] = [
            Goal(id: "G0001", menteeID: "E1", mentorID: "M1", itemID: "leader.vision", baseline: 2, target: 4,
                 start: date("2027-02-01"), due: date("2027-07-30"), status: .active, title: "=SUM(A1) \"quoted\", comma",
                 reason: "- [ ] gap of 2\nweight 1.5;\ttab"),
            Goal(id: "G0002", menteeID: "E2", mentorID: "M2", itemID: "domain.finance", baseline: 0, target: 5,
                 start: date("2027-03-01"), due: date("2027-03-01"), status: .dropped, title: "'=already quoted", reason: "+ plus"),
            Goal(id: "G0003", menteeID: "E1", mentorID: "M1", itemID: "coach.develop", baseline: 4, target: 5,
                 start: date("2027-02-01"), due: date("2099-12-31"), status: .draft, title: "-3.5", reason: "@x"),
        ]
        let text = TrackingExport.goalsCSV(goals)
        #expect(text.hasPrefix("goal_id,mentee_id,mentor_id,item,baseline,target,due,status,title,start,reason\n"))
        #expect(text.contains("G0001,E1,M1,leader.vision,2,4,2027-07-30,active,\"'=SUM(A1) \"\"quoted\"\", comma\",2027-02-01,"))
        #expect(text.contains(",''=already quoted,"))
        let (read, diagnostics) = self.goals(text)
        #expect(diagnostics.isEmpty)
        #expect(read == goals)
        #expect(TrackingExport.goalsCSV(read) == text)
    }

    @Test func checkInsRoundTrip() {
        let checkIns = [
            CheckIn(menteeID: "E1", itemID: "leader.vision", level: 0, date: date("2027-04-06"), assessor: .selfAssessment, evidence: "=1+1"),
            CheckIn(menteeID: "E2", itemID: "domain.people", level: 5, date: date("2000-01-01"), assessor: .mentor, evidence: "line\nbreak, \"quote\""),
            CheckIn(menteeID: "E1", itemID: "coach.develop", level: 3, date: date("2027-04-06"), assessor: .manager),
            CheckIn(menteeID: "E1", itemID: "coach.develop", level: 3, date: date("2027-04-06"), assessor: .hr, evidence: "'''-x"),
        ]
        let text = TrackingExport.checkInsCSV(checkIns)
        #expect(text.hasPrefix("mentee_id,item,level,date,assessor,evidence\nE1,leader.vision,0,2027-04-06,self,'=1+1\n"))
        let (read, diagnostics) = self.checkIns(text)
        #expect(diagnostics.isEmpty)
        #expect(read == checkIns)
    }

    @Test func sessionLogsRoundTrip() throws {
        let clock = try #require(FoundationWallClock(identifier: "Europe/Brussels"))
        func session(_ id: String, _ mentee: String, _ mentor: String, _ number: Int, _ day: String, _ status: SessionStatus, sequence: Int = 0) -> Session {
            Session(
                id: id, menteeID: mentee, mentorID: mentor, number: number,
                start: LocalDateTime(date: date(day), time: ClockTime(hours: 10, minutes: 0)),
                end: LocalDateTime(date: date(day), time: ClockTime(minutes: 1440)), status: status, sequence: sequence)
        }
        let logs = [
            SessionLog(session: session("s-1", "E1", "M1", 1, "2027-03-23", .held), heldOn: date("2027-03-25"), menteeRating: 5,
                       mentorRating: 1, goalsDiscussed: ["G0001"], notes: "- [ ] send the plan\nTODO: call, \"HR\"\n\tindented"),
            SessionLog(session: session("s-2", "E1", "M1", 2, "2027-10-31", .planned, sequence: 3)),
            SessionLog(session: session("s-3", "E2", "M2", 1, "2027-04-14", .cancelled, sequence: 1), notes: "=ill"),
        ]
        let text = TrackingExport.sessionsCSV(logs, clock: clock)
        #expect(text.hasPrefix(Self.sessionHeader + "\ns-1,E1,M1,1,2027-03-23T10:00:00+01:00,2027-03-24T00:00:00+01:00,held,0,2027-03-25,5,1,G0001,\"'- [ ] send"))
        // The sessions.csv columns are exactly what `schedule` writes.
        let schedule = ScheduleExport(
            program: ProgramCalendar(Configuration().program), clock: clock, timeZone: try #require(.init(identifier: "Europe/Brussels")),
            stamp: .init(timeIntervalSince1970: 0), contacts: [:])
        let scheduleLines = schedule.sessionsCSV(logs.map(\.session)).split(separator: "\n")
        let exchangeLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(exchangeLines[0].hasPrefix(scheduleLines[0] + ","))
        #expect(exchangeLines[1].hasPrefix(scheduleLines[1] + ","))
        #expect(exchangeLines[4].hasPrefix(scheduleLines[2] + ","))  // s-1's notes span three lines
        let (read, diagnostics) = try self.logs(text)
        #expect(diagnostics.isEmpty)
        #expect(read.map { log in var copy = log; copy.session.location = nil; return copy } == logs)
    }

    // MARK: Hostile input

    @Test func hostileFiles() throws {
        let clock = try #require(FoundationWallClock(identifier: "Europe/Brussels"))
        func all(_ bytes: [UInt8]) -> [[String]] {
            var results: [[String]] = []
            var d1 = DiagnosticCollector(), d2 = DiagnosticCollector(), d3 = DiagnosticCollector()
            _ = GoalsLoader.load(.contents(bytes, path: "f.csv"), references: Self.references, defaultStart: Self.start, diagnostics: &d1)
            _ = CheckInsLoader.load(.contents(bytes, path: "f.csv"), references: Self.references, diagnostics: &d2)
            _ = SessionLogsLoader.load(.contents(bytes, path: "f.csv"), clock: clock, references: Self.references, diagnostics: &d3)
            for d in [d1, d2, d3] { results.append(d.diagnostics.map(\.description)) }
            return results
        }
        // Empty file: one error each.
        #expect(all([]) == Array(repeating: ["f.csv:1:1: error: file is empty (a header row is required)"], count: 3))
        // Binary: one error each, nothing else.
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]
        #expect(all(zip).allSatisfy { $0.count == 1 && $0[0].contains("error:") })
        // Header only: no rows, no error (an empty export is valid).
        #expect(goals(Self.goalHeader + "\n").1.isEmpty)
        #expect(checkIns("mentee_id,item,level,date,assessor,evidence\n").1.isEmpty)
        #expect(try logs(Self.sessionHeader + "\n").1.isEmpty)
        // Missing and extra columns: as in the other loaders (missing an error, unknown a warning,
        // a misspelling an error with a "did you mean").
        #expect(checkIns("mentee_id,item,level,date,assesor,comment\nE1,leader.vision,3,2027-04-06,self,x\n").1 == [
            "checkins.csv:1:1: error: missing column 'evidence'",
            "checkins.csv:1:27: error: unknown column 'assesor'; did you mean 'assessor'?",
            "checkins.csv:1:35: warning: unknown column 'comment' (ignored)",
        ])
        // BOM, CRLF and `;`: read as usual.
        let (bom, bomDiagnostics) = checkIns("\u{FEFF}mentee_id;item;level;date;assessor;evidence\r\nE1;leader.vision;2;2027-04-06;mentor;\"a\r\nb\"\r\n")
        #expect(bomDiagnostics.isEmpty)
        #expect(bom.map(\.evidence) == ["a\nb"])
        // A huge cell: one located error, quickly.
        let huge = String(repeating: "z", count: 2_000_000)
        let (none, hugeDiagnostics) = checkIns("mentee_id,item,level,date,assessor,evidence\nE1,leader.vision,2,2027-04-06,hr,\(huge)\n")
        #expect(none.isEmpty)
        #expect(hugeDiagnostics == ["checkins.csv:2:34: error: evidence has 2000000 characters (at most 10000)"])
        let (noGoal, goalDiagnostics) = goals("\(Self.goalHeader)\n\(huge),E1,M1,leader.vision,1,2,2027-05-01,draft,t\n")
        #expect(noGoal.isEmpty)
        #expect(goalDiagnostics.count == 1 && goalDiagnostics[0].hasPrefix("goals.csv:2:1: error: unknown goal 'zzzz"))
    }

    @Test func idsWithFormulaStartsRoundTripAndControlCharactersAreRefused() {
        let checkIns = [CheckIn(menteeID: "=E1", itemID: "-x", level: 2, date: date("2027-04-06"), assessor: .hr)]
        let text = TrackingExport.checkInsCSV(checkIns)
        #expect(text.hasSuffix("'=E1,'-x,2,2027-04-06,hr,\n"))
        let (read, diagnostics) = self.checkIns(text, references: ExchangeReferences())
        #expect(diagnostics.isEmpty)
        #expect(read == checkIns)
        let (none, problems) = self.checkIns(
            "mentee_id,item,level,date,assessor,evidence\nE\u{1D}1,leader\u{7}.vision,2,2027-04-06,hr,\n", references: ExchangeReferences())
        #expect(none.isEmpty)
        #expect(problems == [
            "checkins.csv:2:1: error: mentee id 'E\\u{1D}1' contains a control character",
            "checkins.csv:2:5: error: framework item id 'leader\\u{7}.vision' contains a control character",
        ])
    }

    @Test func restoredUndoesNeutralized() {
        for cell in ["=x", "'=x", "''=x", "-3.5", "'-3.5", "-x", "+", "@", "\tx", "'", "''", "plain", "'plain", "", "-", "'-"] {
            #expect(CSVWriter.restored(CSVWriter.neutralized(cell)) == cell, "\(cell)")
        }
        #expect(CSVWriter.neutralized("'=x") == "''=x")
        #expect(CSVWriter.neutralized("'plain") == "'plain")
    }
}
