import Testing

@testable import Diagnostics

@Suite struct DiagnosticLimitTests {
    private func location(_ file: String, _ line: Int) -> Diagnostic.Location {
        Diagnostic.Location(file: file, line: line, column: 1)
    }

    @Test func atTheLimitNothingIsHeldBack() {
        var collector = DiagnosticCollector(limitPerFile: 3)
        for line in 1...3 { collector.error(.emptyValue, "empty mentor id", at: location("m.csv", line)) }
        #expect(collector.diagnostics.count == 3)
        #expect(!collector.diagnostics.contains { $0.id == .problemsNotShown })
    }

    @Test func beyondTheLimitTheFirstInOrderAreShownAndTheRestCounted() {
        var collector = DiagnosticCollector(limitPerFile: 3)
        // Added in reverse order: the kept ones are still lines 1–3.
        for line in (1...10).reversed() { collector.error(.emptyValue, "empty mentor id", at: location("m.csv", line)) }
        collector.warning(.unknownColumn, "unknown column 'x' (ignored)", at: location("m.csv", 20))
        collector.error(.emptyValue, "empty mentee id", at: location("e.csv", 2))
        let shown = collector.diagnostics
        #expect(shown.map(\.description) == [
            "e.csv:2:1: error: empty mentee id",
            "m.csv:1:1: error: empty mentor id",
            "m.csv:2:1: error: empty mentor id",
            "m.csv:3:1: error: empty mentor id",
            "m.csv: 8 more problems not shown (7 errors, 1 warning)",
        ])
        #expect(collector.errorCount == 11)
        #expect(collector.warningCount == 1)
        #expect(collector.hasErrors)
    }

    @Test func heldBackErrorsStillThrow() {
        var collector = DiagnosticCollector(limitPerFile: 1)
        collector.warning(.unknownColumn, "unknown column 'x' (ignored)", at: location("m.csv", 1))
        collector.error(.emptyValue, "empty mentor id", at: location("m.csv", 2))
        #expect(throws: DiagnosticsError.self) { try collector.throwIfErrors() }
        do {
            try collector.throwIfErrors()
        } catch {
            #expect(error.errorCount == 1)
            #expect(error.diagnostics.map(\.description) == [
                "m.csv:1:1: warning: unknown column 'x' (ignored)",
                "m.csv: 1 more problem not shown (1 error)",
            ])
        }
    }

    /// Millions of problems cost the collector no more than twice its limit per file.
    @Test func memoryStaysBounded() {
        var collector = DiagnosticCollector()
        for line in 1...50_000 { collector.error(.invalidLevel, "invalid level 'x'", at: location("junk.csv", line)) }
        let shown = collector.diagnostics
        #expect(shown.count == DiagnosticCollector.defaultLimitPerFile + 1)
        #expect(shown.last?.description == "junk.csv: 49900 more problems not shown (49900 errors)")
        #expect(collector.errorCount == 50_000)
    }
}
