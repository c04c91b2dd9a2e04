import Testing

@testable import KapstokIO

@Suite struct SuggestionTests {
    @Test func distanceCountsTranspositionsAsOneEdit() {
        func distance(_ a: String, _ b: String) -> Int {
            Suggestion.distance(Array(a.unicodeScalars), Array(b.unicodeScalars))
        }
        #expect(distance("email", "emial") == 1)
        #expect(distance("leader.vision", "leader.vison") == 1)
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("", "abc") == 3)
        #expect(distance("same", "same") == 0)
    }

    @Test func closestRespectsLengthDependentBounds() {
        let known = ["id", "name", "email", "leader.vision", "coach.develop"]
        #expect(Suggestion.closest(to: "leader.vison", among: known) == "leader.vision")
        #expect(Suggestion.closest(to: "coach.devlop", among: known) == "coach.develop")
        #expect(Suggestion.closest(to: "leadr.visin", among: known) == "leader.vision")
        #expect(Suggestion.closest(to: "emial", among: known) == "email")
        #expect(Suggestion.closest(to: "Name", among: known) == "name")
        #expect(Suggestion.closest(to: "ID", among: known) == "id")
        #expect(Suggestion.closest(to: "age", among: known) == nil)
        #expect(Suggestion.closest(to: "ip", among: known) == nil)
        #expect(Suggestion.closest(to: "cost_center", among: known) == nil)
    }
}
