import Kapstok
import Testing

@testable import KapstokIO

/// `[tracking]` and `[[objectives]]` of kapstok.toml: every key, range and error, and the round
/// trip through ConfigurationWriter.
@Suite struct ConfigurationTrackingTests {
    private func load(_ text: String, framework: Framework? = nil) -> (configuration: Configuration, diagnostics: [String]) {
        var diagnostics = DiagnosticCollector()
        let configuration: Configuration
        if let framework {
            configuration = ConfigurationLoader.load(.text(text, path: "kapstok.toml"), framework: framework, diagnostics: &diagnostics)
        } else {
            configuration = ConfigurationLoader.load(text: text, file: "kapstok.toml", diagnostics: &diagnostics)
        }
        return (configuration, diagnostics.diagnostics.map(\.description))
    }

    @Test func readsEveryTrackingKey() {
        let (configuration, diagnostics) = load("""
            [tracking]
            on_track_shortfall = 10
            at_risk_shortfall = 40.5
            not_discussed_weeks = 4
            no_session_weeks = 156
            draft_goals = 10
            """)
        #expect(diagnostics.isEmpty)
        let tracking = configuration.tracking
        #expect(tracking.onTrackShortfall == 10)
        #expect(tracking.atRiskShortfall == 40.5)
        #expect(tracking.notDiscussedWeeks == 4)
        #expect(tracking.noSessionWeeks == 156)
        #expect(tracking.draftGoals == 10)
    }

    @Test func trackingDefaultsWithoutTheTable() {
        let tracking = load("").configuration.tracking
        #expect(tracking == TrackingSettings())
        #expect(tracking.onTrackShortfall == 16.5 && tracking.atRiskShortfall == 33)
    }

    @Test func trackingRangesAndTheirOrder() {
        let (configuration, diagnostics) = load("""
            [tracking]
            on_track_shortfall = -0.5
            at_risk_shortfall = 100.5
            not_discussed_weeks = 0
            no_session_weeks = 157
            draft_goals = 11
            """)
        #expect(diagnostics == [
            "kapstok.toml:2:22: error: invalid value '-0.5' for 'on_track_shortfall' (expected a number from 0 to 100)",
            "kapstok.toml:3:21: error: invalid value '100.5' for 'at_risk_shortfall' (expected a number from 0 to 100)",
            "kapstok.toml:4:23: error: invalid value '0' for 'not_discussed_weeks' (expected an integer 1–156)",
            "kapstok.toml:5:20: error: invalid value '157' for 'no_session_weeks' (expected an integer 1–156)",
            "kapstok.toml:6:15: error: invalid value '11' for 'draft_goals' (expected an integer 1–10)",
        ])
        #expect(configuration.tracking == TrackingSettings())
        // on_track 40 > at_risk 20: one error at at_risk; equal thresholds are fine (no "behind" band).
        #expect(load("[tracking]\non_track_shortfall = 40\nat_risk_shortfall = 20\n").diagnostics == [
            "kapstok.toml:3:21: error: at_risk_shortfall '20' is less than on_track_shortfall '40'"
        ])
        #expect(load("[tracking]\non_track_shortfall = 20\nat_risk_shortfall = 20\n").diagnostics.isEmpty)
        // at_risk 10 alone is below the default on_track 16.5.
        #expect(load("[tracking]\nat_risk_shortfall = 10\n").diagnostics == [
            "kapstok.toml:2:21: error: at_risk_shortfall '10' is less than on_track_shortfall '16.5'"
        ])
        #expect(load("[tracking]\ndraft_goal = 2\n").diagnostics == [
            "kapstok.toml:2:1: error: unknown key 'draft_goal' in [tracking]; did you mean 'draft_goals'?"
        ])
    }

    @Test func readsObjectivesInFileOrder() {
        let (configuration, diagnostics) = load("""
            [[objectives]]
            statement = "80 % of planned sessions held"
            metric = "sessions_held"
            target = 0.8

            [[objectives]]
            statement = "Half the goals achieved"
            metric = "goals_achieved"
            target = "50 %"

            [[objectives]]
            statement = "Leaders close two levels on two items"
            metric = "mentees_closing"
            target = "75%"
            scope = "leader"
            levels = 2
            items = 2

            [[objectives]]
            statement = "Sessions rated 4 or better"
            metric = "average_rating"
            target = 4

            [[objectives]]
            statement = "Domain gap"
            metric = "gap_closed"
            target = 1
            scope = "domains"
            """)
        #expect(diagnostics.isEmpty)
        #expect(configuration.objectives == [
            ProgramObjective(statement: "80 % of planned sessions held", metric: .sessionsHeld, target: 0.8),
            ProgramObjective(statement: "Half the goals achieved", metric: .goalsAchieved, target: 0.5),
            ProgramObjective(
                statement: "Leaders close two levels on two items", metric: .menteesClosing, target: 0.75, scope: "leader",
                levels: 2, items: 2),
            ProgramObjective(statement: "Sessions rated 4 or better", metric: .averageRating, target: 4),
            ProgramObjective(statement: "Domain gap", metric: .gapClosed, target: 1, scope: "domains"),
        ])
    }

    @Test func objectiveErrorsAreLocated() {
        let (configuration, diagnostics) = load("""
            [[objectives]]
            metric = "sessions_hled"
            target = 1.5

            [[objectives]]
            statement = ""
            metric = "goals_on_track"
            target = "120 %"
            levels = 2

            [[objectives]]
            statement = "Ratings"
            metric = "average_rating"
            target = 0.5
            scope = "leader"
            colour = "red"

            [[objectives]]
            statement = "Closing"
            metric = "mentees_closing"
            target = 0
            levels = 6
            items = 51
            scope = " leader"

            [[objectives]]
            statement = "Twice"
            statement = "Twice"
            metric = "popularity"
            target = 0.5
            """)
        #expect(diagnostics == [
            "kapstok.toml:1:1: error: missing key 'statement' in '[[objectives]]'",
            "kapstok.toml:2:10: error: unknown metric 'sessions_hled'; did you mean 'sessions_held'?",
            "kapstok.toml:6:13: error: invalid value '' for 'statement' (expected a text of 1–200 characters without control characters)",
            "kapstok.toml:8:10: error: invalid value '120 %' for 'target' (expected a share > 0 and ≤ 1, or a percentage like \"80 %\")",
            "kapstok.toml:9:1: error: 'levels' does not apply to metric 'goals_on_track' (only to 'mentees_closing')",
            "kapstok.toml:14:10: error: invalid value '0.5' for 'target' (expected a number from 1 to 5)",
            "kapstok.toml:15:1: error: 'scope' does not apply to metric 'average_rating' (only to 'gap_closed' and 'mentees_closing')",
            "kapstok.toml:16:1: error: unknown key 'colour' in [[objectives]]",
            "kapstok.toml:21:10: error: invalid value '0' for 'target' (expected a share > 0 and ≤ 1, or a percentage like \"80 %\")",
            "kapstok.toml:22:10: error: invalid value '6' for 'levels' (expected an integer 1–5)",
            "kapstok.toml:23:9: error: invalid value '51' for 'items' (expected an integer 1–50)",
            "kapstok.toml:24:9: error: invalid value ' leader' for 'scope' (expected a role, \"domains\" or a framework item id (1–200 characters, no blanks around it))",
            "kapstok.toml:28:1: error: duplicate key 'statement' (first on line 27)",
            "kapstok.toml:29:10: error: unknown metric 'popularity' for 'metric' (expected one of \"sessions_held\", \"goals_achieved\", \"goals_on_track\", \"gap_closed\", \"mentees_closing\", \"average_rating\")",
        ])
        // Every objective had a problem: none is kept.
        #expect(configuration.objectives.isEmpty)
    }

    @Test func tableKindsMustMatch() {
        #expect(load("[objectives]\nmetric = \"gap_closed\"\n[[tracking]]\ndraft_goals = 2\n").diagnostics == [
            "kapstok.toml:1:1: error: '[objectives]' is an array of tables: write '[[objectives]]' above each one",
            "kapstok.toml:3:1: error: '[[tracking]]' is a table, not an array of tables: write '[tracking]'",
        ])
        #expect(load("[[objective]]\n").diagnostics == [
            "kapstok.toml:1:1: error: unknown table '[[objective]]'; did you mean '[[objectives]]'?"
        ])
        #expect(load("[tracking]\nmetric = \"gap_closed\"\n").diagnostics == [
            "kapstok.toml:2:1: error: unknown key 'metric' in [tracking]; did you mean 'metric' in [[objectives]]?"
        ])
    }

    @Test func atMostLimitObjectives() {
        let one = "[[objectives]]\nstatement = \"s\"\nmetric = \"sessions_held\"\ntarget = 0.5\n"
        let text = String(repeating: one, count: Limits.objectives + 2)
        let (configuration, diagnostics) = load(text)
        // Table 101 starts on line 4 × 100 + 1 = 401; one error there, 101 and 102 ignored.
        #expect(diagnostics == ["kapstok.toml:401:1: error: more than 100 '[[objectives]]' tables (the rest are ignored)"])
        #expect(configuration.objectives.count == Limits.objectives)
    }

    @Test func scopeIsCheckedAgainstTheFramework() {
        let text = """
            [[objectives]]
            statement = "a"
            metric = "gap_closed"
            target = 0.5
            scope = "leader.vison"

            [[objectives]]
            statement = "b"
            metric = "gap_closed"
            target = 0.5
            scope = "sales"

            [[objectives]]
            statement = "c"
            metric = "mentees_closing"
            target = 0.5
            scope = "coach"

            [[objectives]]
            statement = "d"
            metric = "gap_closed"
            target = 0.5
            scope = "domain.finance"
            """
        // Without a framework only the form is checked: all four are kept.
        #expect(load(text).configuration.objectives.count == 4)
        let (configuration, diagnostics) = load(text, framework: .builtIn)
        #expect(diagnostics == [
            "kapstok.toml:5:9: error: unknown scope 'leader.vison'; did you mean 'leader.vision'?",
            "kapstok.toml:11:9: error: unknown scope 'sales' (expected a role (leader, manager, coach), 'domains' or a framework item id)",
        ])
        #expect(configuration.objectives.map(\.scope) == ["coach", "domain.finance"])
        #expect(ConfigurationLoader.scopeIsKnown("domains", in: .builtIn))
        #expect(ConfigurationLoader.scopeIsKnown("manager", in: .builtIn))
        #expect(!ConfigurationLoader.scopeIsKnown("Leader", in: .builtIn))
    }

    @Test func arraysOfTablesInTheParser() {
        var diagnostics = DiagnosticCollector()
        let document = TOMLParser.parse(
            text: "[[a]]\nx = 1\n[[a]]\nx = 2\nx = 3\n[b]\n[[b]]\n[a]\n[[ c ]]\n[[d]\n", file: "t.toml", diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.map(\.description) == [
            "t.toml:5:1: error: duplicate key 'x' (first on line 4)",
            "t.toml:7:1: error: '[[b]]' clashes with the table '[b]' on line 6",
            "t.toml:8:1: error: '[a]' clashes with the array of tables '[[a]]' on line 1",
            "t.toml:10:4: error: expected ']]' to close the table header, found ']'",
        ])
        #expect(document.arrayOfTables("a").map { $0.entries.map(\.valueText) } == [["1"], ["2"]])
        #expect(document.arrayOfTables("c").count == 1)
        #expect(document.table("a") == nil)
        #expect(document.table("b")?.isArrayElement == false)
    }

    @Test func writtenConfigurationRoundTrips() {
        var configuration = Configuration()
        configuration.tracking.onTrackShortfall = 12.25
        configuration.tracking.atRiskShortfall = 30
        configuration.tracking.notDiscussedWeeks = 3
        configuration.tracking.noSessionWeeks = 10
        configuration.tracking.draftGoals = 5
        configuration.objectives = [
            ProgramObjective(statement: "80 % held, \"really\"", metric: .sessionsHeld, target: 0.8),
            ProgramObjective(statement: "Ratings", metric: .averageRating, target: 4.5),
            ProgramObjective(statement: "Closing", metric: .menteesClosing, target: 1.0 / 3, scope: "leader", levels: 2, items: 3),
            ProgramObjective(statement: "Gap", metric: .gapClosed, target: 0.00001, scope: "domain.finance"),
            ProgramObjective(statement: "Default closing", metric: .menteesClosing, target: 0.5),
        ]
        let text = ConfigurationWriter.toml(configuration)
        #expect(text.contains("[[objectives]]\nstatement = \"Default closing\"\nmetric = \"mentees_closing\"\ntarget = 0.5\nlevels = 1\nitems = 1\n"))
        let (read, diagnostics) = load(text, framework: .builtIn)
        #expect(diagnostics.isEmpty)
        #expect(read == configuration)
    }
}
