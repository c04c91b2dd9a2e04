import Testing

@testable import Diagnostics

@Suite struct DiagnosticCollectorTests {
    @Test func warningsAloneDoNotThrow() throws {
        var collector = DiagnosticCollector()
        collector.warning(.unknownColumn, "unknown column 'x' (ignored)", at: Diagnostic.Location(file: "a.csv", line: 1, column: 5))
        try collector.throwIfErrors()
        #expect(collector.warnings.count == 1)
        #expect(!collector.hasErrors)
    }

    @Test func throwsEveryDiagnosticSortedWhenAnyIsAnError() {
        var collector = DiagnosticCollector()
        collector.error(.emptyValue, "empty name for mentor 'M2'", at: Diagnostic.Location(file: "m.csv", line: 3, column: 4))
        collector.warning(.unknownColumn, "unknown column 'x' (ignored)", at: Diagnostic.Location(file: "m.csv", line: 1, column: 9))
        collector.error(.emptyValue, "empty mentor id", at: Diagnostic.Location(file: "m.csv", line: 2, column: 1))
        do {
            try collector.throwIfErrors()
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == 3)
            #expect(error.errors.count == 2)
            #expect(error.warnings.count == 1)
            #expect(error.description == """
                m.csv:1:9: warning: unknown column 'x' (ignored)
                m.csv:2:1: error: empty mentor id
                m.csv:3:4: error: empty name for mentor 'M2'
                """)
        }
    }
}
