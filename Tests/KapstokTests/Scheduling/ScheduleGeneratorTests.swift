import Testing

@testable import Kapstok

@Suite("ScheduleGenerator")
struct ScheduleGeneratorTests {
    static let program = GreedySchedulerTests.benchmarkProgram()

    @Test func sameSeedSameInputOtherSeedOtherInput() {
        let first = ScheduleGenerator(pairs: 500, seed: 3, program: Self.program).makeInput()
        let again = ScheduleGenerator(pairs: 500, seed: 3, program: Self.program).makeInput()
        let other = ScheduleGenerator(pairs: 500, seed: 4, program: Self.program).makeInput()
        #expect(first.pairs == again.pairs)
        #expect(first.availability == again.availability)
        #expect(first.absences == again.absences)
        #expect(first.availability != other.availability)
        #expect(first.absences != other.absences)
    }

    @Test(arguments: [0, 1, 7, 2_000])
    func pairsFollowTheMenteesPerMentor(pairs: Int) {
        let input = ScheduleGenerator(pairs: pairs, menteesPerMentor: 1 ... 3, seed: 5, program: Self.program).makeInput()
        #expect(input.pairs.count == pairs)
        #expect(Set(input.pairs.map(\.menteeID)).count == pairs, "every mentee once")
        var perMentor: [String: Int] = [:]
        for pair in input.pairs { perMentor[pair.mentorID, default: 0] += 1 }
        let mentors = perMentor.keys.sorted()
        #expect(mentors == input.pairs.map(\.mentorID).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } })
        #expect(perMentor.values.allSatisfy { (1 ... 3).contains($0) })
        #expect(input.pairs.first.map { $0.menteeID == "E00001" && $0.mentorID == "M00001" } ?? (pairs == 0))
        if pairs >= 2_000 {
            let average = Double(pairs) / Double(mentors.count)
            #expect(average > 1.8 && average < 2.2, "about 2 mentees per mentor: \(average)")
        }
    }

    @Test func roughlyHalfHaveOwnWindowsAndAThirdAreAbsent() {
        let input = ScheduleGenerator(pairs: 3_000, seed: 9, program: Self.program).makeInput()
        let people = Set(input.pairs.flatMap { [$0.menteeID, $0.mentorID] })
        let withRows = Set(input.availability.map(\.personID))
        let absent = Set(input.absences.map(\.personID))
        #expect(withRows.isSubset(of: people) && absent.isSubset(of: people))
        let rowShare = Double(withRows.count) / Double(people.count)
        let absentShare = Double(absent.count) / Double(people.count)
        #expect(rowShare > 0.45 && rowShare < 0.55, "\(rowShare)")
        #expect(absentShare > 0.25 && absentShare < 0.35, "\(absentShare)")
        #expect(input.absences.count > absent.count, "some people are away twice")

        var days: [String: Set<Weekday>] = [:]
        var rowsPerDay: [String: Int] = [:]
        for row in input.availability {
            days[row.personID, default: []].insert(row.weekday)
            rowsPerDay["\(row.personID) \(row.weekday)", default: 0] += 1
            #expect(row.window.start < row.window.end)
            #expect(row.weekday < .saturday)
        }
        #expect(days.values.allSatisfy { (2 ... 4).contains($0.count) })
        #expect(rowsPerDay.values.contains(2), "some split or overlapping days")
        let starts = input.availability.map(\.window.start.minutes)
        #expect(starts.contains { $0 < 720 } && starts.contains { $0 >= 720 }, "mornings and afternoons")

        for absence in input.absences {
            let length = absence.from.days(to: absence.to) + 1
            #expect((2 ... 16).contains(length))
            #expect(absence.from >= Self.program.start && absence.to <= Self.program.end)
            if absence.reason == "training" { #expect(absence.from.weekday == .monday) }
        }
        #expect(Set(input.absences.map(\.reason)) == ["holiday", "training"])
    }
}
