import Kapstok
import Testing

@testable import KapstokIO

@Suite struct FrameworkLoaderTests {
    private func load(_ text: String) -> (framework: Framework?, diagnostics: [String]) {
        var diagnostics = DiagnosticCollector()
        let framework = FrameworkLoader.load(.text(text, path: "framework.csv"), diagnostics: &diagnostics)
        return (framework, diagnostics.diagnostics.map(\.description))
    }

    @Test func readsItemsInFileOrder() throws {
        let (framework, diagnostics) = load("""
            id,name,kind,group,weight
            lead.vision,Vision,competency,leader,2
            dom.money,Money,domain,,
            coach.grow,Growing people,Competency,coach,0.5

            """)
        #expect(diagnostics.isEmpty)
        let loaded = try #require(framework)
        #expect(loaded.items == [
            FrameworkItem(id: "lead.vision", name: "Vision", kind: .competency, group: "leader", weight: 2),
            FrameworkItem(id: "dom.money", name: "Money", kind: .domain, group: "", weight: 1),
            FrameworkItem(id: "coach.grow", name: "Growing people", kind: .competency, group: "coach", weight: 0.5),
        ])
        #expect(loaded.competencies.map(\.id) == ["lead.vision", "coach.grow"])
    }

    @Test func weightColumnIsOptional() {
        let (framework, diagnostics) = load("id;name;kind;group\nx;X;domain;\n")
        #expect(diagnostics.isEmpty)
        #expect(framework?.items.first?.weight == 1)
    }

    @Test func reportsEveryRowProblem() {
        let (_, diagnostics) = load("""
            id,name,kind,group,weight
            a,A,competency,leader,1
            a,A again,domain,,1
            ,Nameless,domain,,1
            b,,skill,leader,0
            c,C,competency,,-1
            name,Clash,domain,,1
            d.target,Target,domain,,1
            e,E,domain,,abc
            """)
        #expect(diagnostics == [
            "framework.csv:3:1: error: duplicate framework id 'a' (first on line 2)",
            "framework.csv:4:1: error: empty framework id",
            "framework.csv:5:3: error: empty name for framework item 'b'",
            "framework.csv:5:4: error: invalid kind 'skill' (expected 'competency' or 'domain')",
            "framework.csv:5:17: error: weight '0' out of range (expected a number > 0 and ≤ 1000)",
            "framework.csv:6:16: error: empty group for competency 'c' (the role, e.g. 'leader')",
            "framework.csv:6:17: error: weight '-1' out of range (expected a number > 0 and ≤ 1000)",
            "framework.csv:7:1: error: framework id 'name' is also a column of the people files; choose another id",
            "framework.csv:8:1: error: framework id 'd.target' must not end in '.target' (that suffix marks target columns)",
            "framework.csv:9:13: error: invalid weight 'abc' (expected a number > 0 and ≤ 1000)",
        ])
    }

    @Test func needsAtLeastOneItemAndTheRequiredColumns() {
        #expect(load("id,name,kind,group\n").diagnostics == ["framework.csv:1:1: error: framework has no items"])
        #expect(load("id,name,type\nx,X,domain\n").diagnostics == [
            "framework.csv:1:1: error: missing columns 'kind', 'group'",
            "framework.csv:1:9: warning: unknown column 'type' (ignored)",
        ])
    }
}
