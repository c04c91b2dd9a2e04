import GLPKSolver
import LinearModel
import Testing

@testable import Kapstok

/// The scheduler against the independent ``ScheduleChecker``, the greedy baseline and an
/// exhaustive search, on random small programs with fixed seeds.
@Suite struct SchedulerPropertyTests {
    static func program(weeks: Int = 16, sessions: Int = 5, edit: (inout Configuration.Program) -> Void = { _ in }) -> ProgramCalendar {
        var program = Configuration.Program()
        program.start = CalendarDate(year: 2027, month: 2, day: 1)
        program.end = program.start.adding(days: 7 * weeks - 1)
        program.sessions = sessions
        program.minGapWeeks = 2
        program.maxGapWeeks = 4
        program.mentorMaxPerWeek = 1
        program.preferredHours = "10:00-12:00"
        edit(&program)
        return ProgramCalendar(program)
    }

    static func schedule(_ input: ScheduleInput) throws -> ScheduleResult {
        try Scheduler.schedule(input, solver: GLPKSolver(options: .scheduling), timeLimit: 60)
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func everyRuleHoldsAndGreedyIsNeverBetter(seed: UInt64) throws {
        let program = Self.program(weeks: 12 + Int(seed % 5), sessions: 4 + Int(seed % 3)) {
            $0.mentorMaxPerWeek = 1 + Int(seed % 2)
            $0.menteeMaxPerWeek = 1
        }
        let input = ScheduleGenerator(pairs: 30, menteesPerMentor: 1...4, seed: seed, program: program).makeInput()
        let result = try Self.schedule(input)
        #expect(ScheduleChecker.violations(result.sessions, for: input) == [])
        #expect(result.groups.allSatisfy { $0.status == .optimal })
        // The greedy plan is feasible, so the proven optimum completes at least as many pairs,
        // and with as many complete pairs, places at least as many sessions.
        let greedy = GreedyScheduler.schedule(input)
        #expect(ScheduleChecker.violations(greedy, for: input) == [])
        let greedyComplete = Dictionary(grouping: greedy, by: \.pair).values.filter { $0.count == program.sessions }.count
        #expect(result.completePairs >= greedyComplete)
        if result.completePairs == greedyComplete { #expect(result.sessionsPlaced >= greedy.count) }
        // Counts agree with the sessions.
        #expect(result.sessionsPlaced == result.sessions.count)
        #expect(result.sessionsMissing == input.pairs.count * program.sessions - result.sessionsPlaced)
        #expect(result.unscheduled.map(\.missing).reduce(0, +) == result.sessionsMissing)
        #expect(Set(result.sessions.map(\.id)).count == result.sessions.count)
    }

    @Test func sameInputSameOutput() throws {
        let input = ScheduleGenerator(pairs: 40, seed: 7, program: Self.program()).makeInput()
        let a = try Self.schedule(input), b = try Self.schedule(input)
        #expect(a.sessions == b.sessions)
        #expect(a.unscheduled == b.unscheduled)
    }

    /// Tiny programs where every plan can be listed: GLPK's plan has the most complete pairs
    /// and then the most sessions of all plans the checker accepts.
    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func equalsExhaustiveSearch(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let program = Self.program(weeks: 4, sessions: 2) {
            $0.minGapWeeks = 1
            $0.maxGapWeeks = 2
            $0.mentorMaxPerWeek = 1
            $0.sessionMinutes = 60
            $0.slotMinutes = 60
            $0.preferredHours = nil
        }
        let pairs = (1...(2 + Int(seed % 2))).map { SchedulePair(menteeID: "E\($0)", mentorID: "M1") }
        var availability: [AvailabilityWindow] = []
        for person in ["M1"] + pairs.map(\.menteeID) {
            // One or two weekdays, one or two hours each: a handful of slots.
            for weekday in [Weekday.monday, .wednesday, .friday] where random.uniform(in: 0...2) > 0 {
                let start = 9 + random.uniform(in: 0...1)
                availability.append(AvailabilityWindow(
                    personID: person, weekday: weekday,
                    window: TimeWindow(start: ClockTime(hours: start, minutes: 0), end: ClockTime(hours: start + 1 + random.uniform(in: 0...1), minutes: 0))))
            }
        }
        var absences: [Absence] = []
        if random.uniform(in: 0...1) == 1 {
            absences.append(Absence(personID: "M1", from: program.start.adding(days: 7), to: program.start.adding(days: 11)))
        }
        let input = ScheduleInput(program: program, pairs: pairs, availability: availability, absences: absences)
        let result = try Self.schedule(input)
        #expect(ScheduleChecker.violations(result.sessions, for: input) == [])
        let best = Self.exhaustiveBest(input)
        #expect(result.completePairs == best.complete)
        #expect(result.sessionsPlaced == best.sessions)
    }

    /// Lists every chain of each pair (sessions 1…k at slots of the whole program), every
    /// combination of chains, and keeps the best (complete pairs, sessions) the checker accepts.
    static func exhaustiveBest(_ input: ScheduleInput) -> (complete: Int, sessions: Int) {
        let program = input.program
        var slots: [LocalDateTime] = []
        var day = program.start
        while day <= program.end {
            for hour in 0..<24 { slots.append(LocalDateTime(date: day, time: ClockTime(hours: hour, minutes: 0))) }
            day = day.adding(days: 1)
        }
        let checker = ScheduleChecker(input)
        func session(_ pair: SchedulePair, _ number: Int, _ start: LocalDateTime) -> Session {
            Session(
                id: "\(pair.menteeID)-\(number)", menteeID: pair.menteeID, mentorID: pair.mentorID, number: number, start: start,
                end: LocalDateTime(date: start.date, time: ClockTime(minutes: start.time.minutes + program.sessionMinutes)))
        }
        // Slots each pair can use alone.
        let usable = input.pairs.map { pair in slots.filter { checker.violations([session(pair, 1, $0)]).isEmpty } }
        var chains: [[[Session]]] = []
        for (index, pair) in input.pairs.enumerated() {
            var all: [[Session]] = [[]]
            var frontier: [[Session]] = [[]]
            for number in 1...program.sessions {
                var next: [[Session]] = []
                for chain in frontier {
                    for slot in usable[index] where chain.last.map({ $0.start < slot }) ?? true {
                        let longer = chain + [session(pair, number, slot)]
                        if checker.violations(longer).isEmpty { next.append(longer) }
                    }
                }
                all += next
                frontier = next
            }
            chains.append(all)
        }
        var best = (complete: 0, sessions: 0)
        func combine(_ index: Int, _ sessions: [Session], _ complete: Int) {
            if index == chains.count {
                if (complete, sessions.count) > (best.complete, best.sessions) { best = (complete, sessions.count) }
                return
            }
            for chain in chains[index] {
                let together = sessions + chain
                if !chain.isEmpty && !checker.violations(together).isEmpty { continue }
                combine(index + 1, together, complete + (chain.count == program.sessions ? 1 : 0))
            }
        }
        combine(0, [], 0)
        return best
    }
}

@Suite struct ReplanPropertyTests {
    static func setting(seed: UInt64) throws -> (input: ScheduleInput, first: ScheduleResult) {
        let program = SchedulerPropertyTests.program(weeks: 20, sessions: 6) { $0.mentorMaxPerWeek = 2 }
        let input = ScheduleGenerator(pairs: 30, menteesPerMentor: 1...3, seed: seed, program: program).makeInput()
        return (input, try SchedulerPropertyTests.schedule(input))
    }

    /// The checker's violations of a re-plan, but the maximum gap where the re-plan stretched
    /// it (over an absence, or for --not-before) and said so in the change.
    static func violations(_ result: ReplanResult, _ input: ScheduleInput) -> [String] {
        let stretched = Set(result.changes.filter { $0.why.contains("stretched") }.map { PairID(menteeID: $0.menteeID, mentorID: $0.mentorID).description })
        let maximum = 7 * input.program.maxGapWeeks
        return ScheduleChecker.violations(result.schedule.sessions, for: input).filter { line in
            // "pair 'E1' and 'M1': sessions #1 and #2 are 40 days apart, not 14–28"
            guard line.contains(" days apart"), stretched.contains(where: { line.contains("pair \($0)") }),
                let days = line.split(separator: " ").firstIndex(of: "days").map({ Int(line.split(separator: " ")[$0 - 1]) ?? 0 })
            else { return true }
            return days <= maximum
        }
    }

    static func replan(_ input: ScheduleInput, _ request: ReplanRequest) throws -> ReplanResult {
        try Scheduler.replan(input, request: request, solver: GLPKSolver(options: .scheduling), timeLimit: 60)
    }

    @Test(arguments: 1...6 as ClosedRange<UInt64>)
    func noChangeMovesNothing(seed: UInt64) throws {
        let (input, first) = try Self.setting(seed: seed)
        let today = input.program.start.adding(days: 30)
        let result = try Self.replan(input, ReplanRequest(sessions: first.sessions, today: today))
        #expect(result.changes.isEmpty)
        #expect(result.schedule.sessions == first.sessions)
        #expect(result.schedule.groups.allSatisfy { $0.status == .unchanged })
    }

    /// A mentor's four-week absence: held and past sessions never move, sessions of other groups
    /// never move, every rule still holds, and moved sessions keep their id and raise SEQUENCE.
    @Test(arguments: 1...6 as ClosedRange<UInt64>)
    func absenceMovesOnlyItsGroupAndNeverThePast(seed: UInt64) throws {
        let (input, first) = try Self.setting(seed: seed)
        let today = input.program.start.adding(days: 35)
        var sessions = first.sessions
        for index in sessions.indices where sessions[index].start.date < today && index % 3 != 0 { sessions[index].status = .held }
        let mentor = try #require(input.pairs.first?.mentorID)
        var changed = input
        changed.absences.append(Absence(personID: mentor, from: today, to: today.adding(days: 27)))
        let result = try Self.replan(changed, ReplanRequest(sessions: sessions, today: today))
        let after = Dictionary(uniqueKeysWithValues: result.schedule.sessions.map { ($0.id, $0) })
        let groupPeople = Set(try #require(result.schedule.groups.first { $0.people.contains(mentor) }).people)
        for old in sessions {
            let now = try #require(after[old.id], "session \(old.id) disappeared")
            let frozen = old.status != .planned || old.start.minuteNumber < today.dayNumber * 1440 + 48 * 60
            if frozen || !groupPeople.contains(old.mentorID) {
                // Never moved; a frozen session the absence makes impossible is cancelled instead.
                let cancelledInFreeze = frozen && old.status == .planned && now.status == .cancelled && old.mentorID == mentor
                #expect(now.start == old.start && (now.status == old.status || cancelledInFreeze), "\(old.id) should not move")
            }
            if now.start != old.start { #expect(now.sequence == old.sequence + 1) }
        }
        let live = result.schedule.sessions.filter { $0.status != .cancelled }
        // Every rule holds, but the maximum gap where the re-plan stretched it over the absence
        // (and said so in the change).
        let violations = Self.violations(result, changed)
        #expect(violations == [])
        #expect(live.allSatisfy { $0.mentorID != mentor || $0.start.date < today || $0.start.date > today.adding(days: 27) })
        #expect(result.changes.allSatisfy { groupPeople.contains($0.mentorID) })
        #expect(result.changes.count == sessions.filter { after[$0.id]!.start != $0.start || after[$0.id]!.status != $0.status }.count)
    }

    @Test func leavingCancelsFromTodayAndAddedPairsGetSessions() throws {
        let (input, first) = try Self.setting(seed: 3)
        let today = input.program.start.adding(days: 21)
        let leaver = input.pairs[0].menteeID
        let newPair = SchedulePair(menteeID: "E-NEW", mentorID: input.pairs[5].mentorID)
        let result = try Self.replan(input, ReplanRequest(sessions: first.sessions, today: today, leaving: [leaver], addedPairs: [newPair]))
        for session in result.schedule.sessions where session.menteeID == leaver {
            #expect(session.start.date < today ? session.status == .planned : session.status == .cancelled)
        }
        let added = result.schedule.sessions.filter { $0.menteeID == "E-NEW" }
        #expect(!added.isEmpty)
        #expect(added.allSatisfy { $0.start.date >= today })
        #expect(result.changes.contains { $0.kind == .added && $0.menteeID == "E-NEW" })
        #expect(result.changes.filter { $0.kind == .cancelled }.allSatisfy { $0.why.contains("leaves the program") || $0.menteeID != leaver })
    }

    @Test func notBeforeMovesTheSessionAndWhatTheCadenceForces() throws {
        let (input, first) = try Self.setting(seed: 4)
        let today = input.program.start.adding(days: 14)
        let target = try #require(first.sessions.first { $0.number == 2 && $0.start.date > today.adding(days: 3) })
        let notBefore = target.start.date.adding(days: 10)
        let result = try Self.replan(input, ReplanRequest(
            sessions: first.sessions, today: today, moveRequests: [.init(sessionID: target.id, notBefore: notBefore)]))
        let moved = try #require(result.schedule.sessions.first { $0.id == target.id })
        #expect(moved.status == .cancelled || moved.start.date >= notBefore)
        #expect(Self.violations(result, input) == [])
        #expect(result.changes.contains { $0.sessionID == target.id })
    }
}

@Suite struct LargeGroupTests {
    /// A group whose model would exceed the cap on week variables is not built: the greedy plan
    /// is used and reported as not proven, and every rule still holds. (The cap is 200,000, about
    /// one mentor with 60 mentees and 52 sessions each over three years; lowered here to 100 so
    /// that a mentor with 3 mentees, about 400 variables, exceeds it.)
    @Test func aGroupOverTheCapGetsTheGreedyPlan() throws {
        let pairs = (1...3).map { SchedulePair(menteeID: "E\($0)", mentorID: "M1") }
        let input = ScheduleInput(program: SchedulerPropertyTests.program(weeks: 20, sessions: 6), pairs: pairs)
        let capped = try Scheduler.schedule(input, solver: GLPKSolver(options: .scheduling), timeLimit: 60, largestModel: 100)
        #expect(capped.groups.map(\.status) == [.timeLimit])
        #expect(capped.sessionsPlaced > 0)
        #expect(ScheduleChecker.violations(capped.sessions, for: input) == [])
        let solved = try SchedulerPropertyTests.schedule(input)
        #expect(solved.groups.map(\.status) == [.optimal])
        #expect((solved.completePairs, solved.sessionsPlaced) >= (capped.completePairs, capped.sessionsPlaced))
    }
}

/// Cases found by trying the commands as a careless coordinator would.
@Suite struct ReplanRegressionTests {
    static func program(_ edit: (inout Configuration.Program) -> Void = { _ in }) -> ProgramCalendar {
        var program = Configuration.Program()
        edit(&program)
        return ProgramCalendar(program)
    }

    /// An absence announced weeks ahead stretches the gap over it instead of cancelling the
    /// rest of the series (as it does when announced on its first day).
    @Test(arguments: ["2027-02-20", "2027-03-01"])
    func anAbsenceAnnouncedAheadStretchesTheGap(today: String) throws {
        let input = ScheduleInput(program: Self.program(), pairs: [SchedulePair(menteeID: "E01", mentorID: "M01")])
        let first = try Scheduler.schedule(input, solver: GLPKSolver(options: .scheduling), timeLimit: 60)
        #expect(first.completePairs == 1)
        var changed = input
        changed.absences = [Absence(personID: "E01", from: date("2027-03-01"), to: date("2027-03-31"))]
        let result = try Scheduler.replan(changed, request: ReplanRequest(sessions: first.sessions, today: date(today)), solver: GLPKSolver(options: .scheduling), timeLimit: 60)
        #expect(result.changes.allSatisfy { $0.kind == .moved }, "\(result.changes.map(\.why))")
        #expect(result.schedule.completePairs == 1)
        #expect(result.schedule.sessions.allSatisfy { $0.start.date < date("2027-03-01") || $0.start.date > date("2027-03-31") })
    }

    /// A pair added by one re-plan (and so only in sessions.csv, not in pairings.csv) keeps its
    /// sessions in the next re-plan.
    @Test func anAddedPairSurvivesTheNextReplan() throws {
        let pairs = [SchedulePair(menteeID: "E01", mentorID: "M01")]
        let input = ScheduleInput(program: Self.program(), pairs: pairs)
        let first = try Scheduler.schedule(input, solver: GLPKSolver(options: .scheduling), timeLimit: 60)
        let added = SchedulePair(menteeID: "E02", mentorID: "M01")
        let today = date("2027-02-08")
        let second = try Scheduler.replan(input, request: ReplanRequest(sessions: first.sessions, today: today, addedPairs: [added]), solver: GLPKSolver(options: .scheduling), timeLimit: 60)
        #expect(second.schedule.sessions.filter { $0.menteeID == "E02" }.count == 6)
        let third = try Scheduler.replan(input, request: ReplanRequest(sessions: second.schedule.sessions, today: today), solver: GLPKSolver(options: .scheduling), timeLimit: 60)
        #expect(third.changes.isEmpty)
        #expect(third.schedule.sessions == second.schedule.sessions)
    }

    /// The autumn night's repeated hour: a session from 02:00 to 03:00 on 2027-10-31 in
    /// Brussels would last two hours, so it is not offered.
    @Test func noSessionSpansTheAutumnClockChange() throws {
        struct Brussels2027: WallClock {
            // +02:00 until 2027-10-31 03:00 (the first 02:00–03:00), +01:00 after.
            func utcOffsetSeconds(at local: LocalDateTime) -> Int {
                local < LocalDateTime(date: date("2027-10-31"), time: ClockTime(hours: 3, minutes: 0)) ? 7200 : 3600
            }
            func exists(_ local: LocalDateTime) -> Bool { true }
        }
        let program = Self.program {
            $0.start = CalendarDate(year: 2027, month: 10, day: 31)
            $0.end = CalendarDate(year: 2027, month: 11, day: 1)
            $0.sessions = 1
        }
        let window = TimeWindow(start: ClockTime(hours: 2, minutes: 0), end: ClockTime(hours: 3, minutes: 0))
        let input = ScheduleInput(
            program: program, pairs: [SchedulePair(menteeID: "A1", mentorID: "B1")],
            availability: ["A1", "B1"].map { AvailabilityWindow(personID: $0, weekday: .sunday, window: window) }, clock: Brussels2027())
        let result = try Scheduler.schedule(input, solver: GLPKSolver(options: .scheduling), timeLimit: 60)
        #expect(result.sessions.isEmpty)
    }
}
