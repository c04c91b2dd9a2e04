import Testing

@testable import Kapstok

/// ``ManagerChart/values(above:in:)``, which the manager-chain rule uses for every mentee.
@Suite struct ManagerChartTests {
    /// Equal to walking each chain on its own, on random charts with loops, unknown managers,
    /// people in both files and org.csv links.
    @Test func valuesAboveEqualWalkingEachChain() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let size = Int(random.next() % 12) + 1
            func person() -> String { "P\(random.next() % UInt64(size + 2))" }
            func manager() -> String? { random.next() % 4 == 0 ? nil : person() }
            let mentors = (0..<size).filter { _ in random.next() % 2 == 0 }.map { Mentor(id: "P\($0)", name: "m", managerID: manager()) }
            let mentees = (0..<size).filter { _ in random.next() % 2 == 0 }.map { Mentee(id: "P\($0)", name: "e", managerID: manager()) }
            let org = (0..<Int(random.next() % 6)).map { _ in OrgEntry(id: person(), managerID: manager()) }
            let chart = ManagerChart(mentors: mentors, mentees: mentees, org: org)
            let index = Dictionary(mentors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let ids = mentees.map(\.id) + mentors.map(\.id) + org.map(\.id)
            let expected = ids.map { chart.chain(above: $0).compactMap { index[$0] }.sorted() }
            #expect(chart.values(above: ids, in: index) == expected)
            // In any order, and one at a time.
            #expect(chart.values(above: ids.reversed(), in: index) == expected.reversed())
            #expect(ids.map { chart.values(above: [$0], in: index)[0] } == expected)
        }
    }

    /// 20,000 mentees each managed by the next: every chain is walked once. Walking each one
    /// on its own took minutes (`validate` on such a mentees.csv did not finish in two).
    @Test(.timeLimit(.minutes(1))) func aLongChainIsWalkedOnce() {
        let count = 20_000
        let mentees = (0..<count).map { Mentee(id: "E\($0)", name: "e", managerID: $0 + 1 < count ? "E\($0 + 1)" : "M1") }
        let chart = ManagerChart(mentors: [Mentor(id: "M1", name: "m")], mentees: mentees)
        let above = chart.values(above: mentees.map(\.id), in: ["M1": 0])
        #expect(above.allSatisfy { $0 == [0] })
        // A loop of 20,000: everyone has the others above, so no mentor but the one in it.
        let loop = (0..<count).map { Mentee(id: "E\($0)", name: "e", managerID: "E\(($0 + 1) % count)") }
        let looped = ManagerChart(mentors: [Mentor(id: "E5", name: "m")], mentees: loop)
        let values = looped.values(above: loop.map(\.id), in: ["E5": 0])
        #expect(values[5] == [] && values[4] == [0] && values[6] == [0])
    }
}
