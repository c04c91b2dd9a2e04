/// The program of the scheduling benchmarks (issue 6) and generated names, for
/// `kapstok generate --pairs`.
extension ScheduleGenerator {
    /// The benchmark program: 26 weeks from Monday 2027-02-01 (to Sunday 2027-08-01), 8 sessions
    /// 3 to 6 weeks apart, mentors at most 2 a week and mentees 1, sessions of 60 minutes on a
    /// 30-minute grid, working hours 09:00–17:00 in Europe/Brussels, preferred hours 10:00–12:00.
    public static var benchmarkProgram: Configuration.Program {
        var program = Configuration.Program()
        program.name = "Mentoring program"
        program.start = CalendarDate(year: 2027, month: 2, day: 1)
        program.end = program.start.adding(days: 26 * 7 - 1)
        program.sessions = 8
        program.minGapWeeks = 3
        program.maxGapWeeks = 6
        program.mentorMaxPerWeek = 2
        program.menteeMaxPerWeek = 1
        program.sessionMinutes = 60
        program.slotMinutes = 30
        program.workingHours = "09:00-17:00"
        program.timezone = "Europe/Brussels"
        program.preferredHours = "10:00-12:00"
        return program
    }

    /// ``makeInput()`` with a name for every person: a first and a last name from the round
    /// generator's Dutch, French and international pools (a mentor has one name in all their
    /// pairs).
    ///
    /// The names come from a stream of their own, so the pairs, windows and absences are those
    /// of ``makeInput()``; equal arguments give equal names.
    public func makeNamedInput() -> ScheduleInput {
        var input = makeInput()
        var random = SplitMix64(seed: seed ^ 0x6E61_6D65_7321)  // "names!": apart from makeInput's streams
        var mentorName = ""
        for index in input.pairs.indices {
            if index == 0 || input.pairs[index - 1].mentorID != input.pairs[index].mentorID {
                mentorName = Self.name(random: &random)
            }
            input.pairs[index].mentorName = mentorName
            input.pairs[index].menteeName = Self.name(random: &random)
        }
        return input
    }

    /// "First Last", the last name from another pool for about one person in seven.
    static func name(random: inout SplitMix64) -> String {
        let culture = random.uniform(below: RoundGenerator.firstNames.count)
        let lastCulture = random.chance(perMille: 150) ? random.uniform(below: RoundGenerator.lastNames.count) : culture
        let first = RoundGenerator.firstNames[culture], last = RoundGenerator.lastNames[lastCulture]
        return first[random.uniform(below: first.count)] + " " + last[random.uniform(below: last.count)]
    }
}
