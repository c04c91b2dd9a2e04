import Testing

@testable import Diagnostics

@Suite struct DiagnosticTests {
    @Test func rendersLikeACompiler() {
        let location = Diagnostic.Location(file: "data/mentors.csv", line: 4, column: 12)
        let error = Diagnostic.error(.unknownColumn, "unknown column 'x'", at: location)
        let warning = Diagnostic.warning(.unknownColumn, "unknown column 'y' (ignored)", at: location)
        #expect(error.description == "data/mentors.csv:4:12: error: unknown column 'x'")
        #expect(warning.description == "data/mentors.csv:4:12: warning: unknown column 'y' (ignored)")
        #expect(error.isError && !warning.isError)
        #expect(error.id.rawValue == "unknown-column")
    }

    @Test func sortsByFileLineColumnThenErrorsFirst() {
        func at(_ file: String, _ line: Int, _ column: Int, _ severity: Diagnostic.Severity = .error) -> Diagnostic {
            Diagnostic(
                severity: severity, id: "x", message: "m",
                location: Diagnostic.Location(file: file, line: line, column: column))
        }
        let sorted = [at("b.csv", 1, 1), at("a.csv", 3, 1), at("a.csv", 2, 9), at("a.csv", 2, 3, .warning), at("a.csv", 2, 3)]
            .sorted()
        #expect(sorted.map(\.description) == [
            "a.csv:2:3: error: m", "a.csv:2:3: warning: m", "a.csv:2:9: error: m", "a.csv:3:1: error: m", "b.csv:1:1: error: m",
        ])
    }

    @Test func lineNumbersCompareNumerically() {
        let early = Diagnostic.Location(file: "a.csv", line: 9, column: 1)
        let late = Diagnostic.Location(file: "a.csv", line: 10, column: 1)
        #expect(early < late)
    }
}
