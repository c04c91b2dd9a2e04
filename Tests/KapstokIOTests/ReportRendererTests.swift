import Foundation
import Kapstok
import Testing

@testable import KapstokIO

/// The renderers on the hand-built ``ReportFixture`` report: every expected text below is worked
/// out from the fixture's figures (see its comments).
@Suite struct ReportRendererTests {
    static let report = ReportFixture.report
    static let names = ReportFixture.names
    /// The names as Markdown writes them (backslash before `<`, `>`, `&`, `]`).
    static let ann = #"Ann \<script\>alert(1)\</script\>"#
    static let dee = #"Dee \& "Co" \]\]\> 'x'"#

    // MARK: Markdown

    @Test func markdownSummary() {
        let text = ProgressReportRenderer.markdown(Self.report, names: Self.names)
        let lines = Set(text.split(separator: "\n").map(String.init))
        for line in [
            "# Progress report",
            "- As of: 2027-02-10",
            "- Program elapsed: 20.0 %",
            // 1 + 1 + 2 + 1 + 1 = 6 goals.
            "- Goals: 6: 1 on track, 1 behind, 2 at risk, 1 achieved, 1 dropped",
            "- Gap closed: 20.0 %",
            "- Sessions held of planned: 4 of 12 (33.3 %)",
            "- Sessions held of due by now: 4 of 5 (80.0 %)",
            "- Sessions cancelled, no-show: 1 cancelled, 0 no-show",
            // 13 / 3 = 4.33, 9 / 2 = 4.50, 22 / 5 = 4.40.
            "- Average rating: 4.40 (mentees 4.33 of 3, mentors 4.50 of 2)",
        ] {
            #expect(lines.contains(line), "missing: \(line)")
        }
        #expect(text == ProgressReportRenderer.markdown(Self.report, names: Self.names), "deterministic")
        // Every `<` is backslash-escaped: no HTML gets through a Markdown viewer.
        #expect(!text.replacingOccurrences(of: "\\<", with: "").contains("<"))
        #expect(text.contains(#"\<script\>"#))
    }

    @Test func markdownTables() {
        let text = ProgressReportRenderer.markdown(Self.report, names: Self.names)
        let lines = Set(text.split(separator: "\n").map(String.init))
        for line in [
            // Objectives: 4/12 = 33.3 % against 80.0 %; a rating with two decimals; no value yet.
            "| 80 % of planned sessions held | at risk | 33.3 % | 80.0 % | 4 of 12 planned sessions held (33.3 %); target 80 % |",
            "| Average rating of at least 4 | realised | 4.40 | 4.00 | average 4.40 of 5 ratings; target 4 |",
            "| @SUM(A1) of the leader gap | at risk | – | 50.0 % | nothing to measure yet |",
            // Areas: leader 1 of 4 = 25.0 %; people has no gap.
            "| Leader | 2 | 4 | 1 | 25.0 % |",
            "| People | 0 | 0 | 0 | – |",
            "| All | 5 | 10 | 2 | 20.0 % |",
            // G2 at risk, never discussed: level 1 (1 → 4), progress 0, expected 45 %, 45 points.
            "| G2 | \(Self.ann) | \(Self.dee) | Finance | =HYPERLINK(\"x\") finance | at risk | 1 (1 → 4) | 0.0 % / 45.0 % | 45.0 | 2027-06-28 | never |",
            "| G4 | Bo Berg | Eve Ek | Giving and receiving feedback | Feedback | at risk, overdue | 1 (1 → 3) | 0.0 % / 100.0 % | 100.0 | 2027-02-01 | 2027-01-11 |",
            // The quiet pair: none held of 4 planned, 1 due (0.0 %), 1 cancelled.
            "| Cy O'Neil | \(Self.dee) | 0 | 4 | 1 | 0.0 % | 1 | 0 | never | – / – | 1 behind, 1 dropped |",
            // Pair M1/E1: 2 of 2 due held; mentee ratings 9 / 2 = 4.50, mentor 4 / 1 = 4.00.
            "| \(Self.ann) | \(Self.dee) | 2 | 4 | 2 | 100.0 % | 0 | 0 | 2027-02-01 | 4.50 / 4.00 | 1 on track, 1 at risk |",
            // Mentees: M1's name from the lookup, gap 1 of 5 = 20.0 %; M2 1 of 3 = 33.3 %.
            "| \(Self.ann) | M1 | 2 | 1 | 0 | 1 | 0 | 0 | 0 | 1 | 20.0 % |",
            "| Bo Berg | M2 | 2 | 0 | 0 | 1 | 1 | 0 | 1 | 0 | 33.3 % |",
            "| \(Self.ann) | Leader | 1 | 2 | 1 | 50.0 % |",
            // Weeks: cumulative planned 9 and held 4 by 2027-02-08; held stops after the report date.
            "| 2027-02-08 | 1 | 0 | 9 | 4 |",
            "| 2027-02-15 | 2 | 0 | 11 | – |",
        ] {
            #expect(lines.contains(line), "missing: \(line)")
        }
        // Only G4 is overdue, only G2 not discussed: each list has one row after its header.
        let overdue = Self.section("Overdue goals", in: text)
        #expect(overdue.filter { $0.hasPrefix("| G") && !$0.hasPrefix("| Goal") }.count == 1 && overdue.contains { $0.hasPrefix("| G4 |") })
        let notDiscussed = Self.section("Goals not discussed", in: text)
        #expect(notDiscussed.filter { $0.hasPrefix("| G") && !$0.hasPrefix("| Goal") }.map { String($0.prefix(6)) } == ["| G2 |"])
        // M1's manager area has no goals: not listed.
        #expect(!lines.contains("| \(Self.ann) | Manager | 0 | 0 | 0 | – |"))
    }

    static func section(_ heading: String, in text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "## " + heading) else { return [] }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.endIndex
        return Array(lines[(start + 1)..<end])
    }

    @Test func markdownEscapesMarkupCharacters() {
        #expect(MarkdownText.escape("a|b <i>*x*</i> [l](u) & `c`\n_d_ #1 !") == ##"a\|b \<i\>\*x\*\</i\> \[l\](u) \& \`c\` \_d\_ \#1 \!"##)
        let empty = HTMLTable(caption: "Things", columns: [.init("A")], rows: [])
        #expect(MarkdownText.table(empty) == "**Things**\n\nNone.\n")
    }

    // MARK: CSV

    /// The CSV read back by the project's own reader: `section|mentee|mentor|goal|key|metric` → value.
    static func csvFigures(sourceLocation: SourceLocation = #_sourceLocation) -> (header: [String], rows: [[String]]) {
        let text = ProgressReportRenderer.csv(report, names: names)
        guard let table = parsedTable(text, file: "report.csv", sourceLocation: sourceLocation) else { return ([], []) }
        return (table.header.map(\.text), table.records.map { $0.fields.map(\.text) })
    }

    static func value(_ rows: [[String]], _ section: String, mentee: String = "", mentor: String = "", goal: String = "", key: String = "",
        _ metric: String) -> String?
    {
        let matches = rows.filter { $0.count == 7 && $0[0...5] == [section, mentee, mentor, goal, key, metric][...] }
        return matches.count == 1 ? matches[0][6] : nil
    }

    @Test func csvLongFormat() {
        let (header, rows) = Self.csvFigures()
        #expect(header == ["section", "mentee_id", "mentor_id", "goal_id", "key", "metric", "value"])
        // program 4 + sessions 14 + goals 8 + 7 areas × 5 + 3 objectives × 9 + mentees 3 × (5 + 8) + 6
        // mentee areas × 5 + pairs 3 × (4 + 14 + 8) + goals 6 × 18 + weeks 8 × 2 = 359.
        #expect(rows.count == 359)
        #expect(rows.allSatisfy { $0.count == 7 })
        let v = { (section: String, mentee: String, mentor: String, goal: String, key: String, metric: String) in
            Self.value(rows, section, mentee: mentee, mentor: mentor, goal: goal, key: key, metric)
        }
        #expect(v("program", "", "", "", "", "as_of") == "2027-02-10")
        #expect(v("program", "", "", "", "", "elapsed") == "0.2")
        // 4 / 12 rounded to 6 decimals; 22 / 5.
        #expect(v("sessions", "", "", "", "", "held_share") == "0.333333")
        #expect(v("sessions", "", "", "", "", "rating_average") == "4.4")
        #expect(v("sessions", "", "", "", "", "mentee_rating_average") == "4.333333")
        #expect(v("goals", "", "", "", "", "total") == "6")
        #expect(v("area", "", "", "", "leader", "share") == "0.25")
        #expect(v("area", "", "", "", "domain.people", "share") == "", "no gap: empty")
        #expect(v("objective", "", "", "", "1", "metric") == "sessions_held")
        #expect(v("objective", "", "", "", "3", "value") == "")
        // Formula protection through CSVWriter: `@…` and `=…` get a leading quote; −20 stays a number.
        #expect(v("objective", "", "", "", "3", "statement") == "'@SUM(A1) of the leader gap")
        #expect(v("goal", "M1", "E1", "G2", "", "title") == "'=HYPERLINK(\"x\") finance")
        #expect(v("goal", "M1", "E1", "G1", "", "shortfall_points") == "-20")
        #expect(v("goal", "M1", "E1", "G2", "", "last_discussed") == "")
        #expect(v("goal", "M1", "E1", "G2", "", "not_discussed") == "true")
        #expect(v("goal", "M2", "E2", "G4", "", "overdue") == "true")
        #expect(v("goal", "M2", "E2", "G3", "", "track") == "achieved")
        #expect(v("mentee", "M1", "", "", "", "name") == ReportFixture.hostileMentee)
        // M2: 1 of 3.
        #expect(v("mentee", "M2", "", "", "", "share") == "0.333333")
        #expect(v("mentee_area", "M1", "", "", "domains", "gap") == "3")
        #expect(v("mentee_goals", "M2", "", "", "", "overdue") == "1")
        #expect(v("pair", "M3", "E1", "", "", "no_recent_session") == "true")
        #expect(v("pair", "M3", "E1", "", "", "last_held") == "")
        #expect(v("pair", "M1", "E1", "", "", "mentor_name") == ReportFixture.hostileMentor)
        #expect(v("pair_sessions", "M1", "E1", "", "", "mentee_rating_average") == "4.5")
        #expect(v("pair_goals", "M3", "E1", "", "", "dropped") == "1")
        #expect(v("week", "", "", "", "2027-02-22", "planned") == "1")
        #expect(ProgressReportRenderer.csv(Self.report, names: Self.names) == ProgressReportRenderer.csv(Self.report, names: Self.names))
    }

    // MARK: JSON

    static func jsonObject(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let text = ProgressReportRenderer.json(report, names: names)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any], sourceLocation: sourceLocation)
    }

    @Test func jsonFields() throws {
        let json = try Self.jsonObject()
        #expect(json["report_version"] as? Int == 1)
        #expect(json["as_of"] as? String == "2027-02-10" && json["program_end"] as? String == "2027-06-28")
        #expect(json["elapsed"] as? Double == 0.2)
        let sessions = try #require(json["sessions"] as? [String: Any])
        #expect(sessions["held_share"] as? Double == 0.333333 && sessions["held_share_to_date"] as? Double == 0.8)
        #expect(sessions["mentor_rating_average"] as? Double == 4.5 && sessions["no_show"] as? Int == 0)
        let counts = try #require(json["goal_counts"] as? [String: Any])
        #expect(counts["at_risk"] as? Int == 2 && counts["total"] as? Int == 6 && counts["not_discussed"] as? Int == 1)
        let areas = try #require(json["areas"] as? [[String: Any]])
        #expect(areas.map { $0["area"] as? String ?? "?" } == ["leader", "manager", "coach", "domains", "domain.finance", "domain.people", "all"])
        #expect(areas[5]["share"] is NSNull && areas[6]["share"] as? Double == 0.2 && areas[0]["label"] as? String == "Leader")
        let objectives = try #require(json["objectives"] as? [[String: Any]])
        #expect(objectives.count == 3)
        #expect(objectives[2]["value"] is NSNull && objectives[2]["scope"] as? String == "leader" && objectives[2]["status"] as? String == "at_risk")
        #expect(objectives[0]["scope"] is NSNull && objectives[0]["target"] as? Double == 0.8)
        let mentees = try #require(json["mentees"] as? [[String: Any]])
        #expect(mentees[0]["name"] as? String == ReportFixture.hostileMentee && mentees[0]["share"] as? Double == 0.2)
        #expect((mentees[1]["areas"] as? [[String: Any]])?.map { $0["area"] as? String ?? "?" } == ["manager", "coach"])
        #expect((mentees[2]["goal_counts"] as? [String: Any])?["behind"] as? Int == 1)
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        #expect(pairs[2]["last_held"] is NSNull && pairs[2]["no_recent_session"] as? Bool == true)
        #expect(pairs[0]["mentor_name"] as? String == ReportFixture.hostileMentor && pairs[0]["last_held"] as? String == "2027-02-01")
        #expect((pairs[1]["sessions"] as? [String: Any])?["mentee_rating_average"] as? Double == 4)
        let goals = try #require(json["goals"] as? [[String: Any]])
        #expect(goals.map { $0["goal_id"] as? String ?? "?" } == ["G1", "G2", "G3", "G4", "G5", "G6"])
        // JSON keeps text as it is (no spreadsheet here).
        #expect(goals[1]["title"] as? String == "=HYPERLINK(\"x\") finance" && goals[1]["last_discussed"] is NSNull)
        #expect(goals[0]["shortfall_points"] as? Double == -20 && goals[0]["track"] as? String == "on_track")
        #expect(goals[3]["overdue"] as? Bool == true && goals[3]["item_name"] as? String == "Giving and receiving feedback")
        #expect(goals[0]["round"] as? Int == 1 && goals[0]["current_level"] as? Int == 3 && goals[0]["start"] as? String == "2027-01-04")
        let weeks = try #require(json["weeks"] as? [[String: Any]])
        #expect(weeks.count == 8 && weeks[7]["week_start"] as? String == "2027-02-22" && weeks[0]["planned"] as? Int == 2)
    }

    @Test func jsonKeysKeepTheirOrder() {
        let text = ProgressReportRenderer.json(Self.report, names: Self.names)
        let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topLevel == [
            "report_version", "as_of", "program_start", "program_end", "elapsed", "sessions", "goal_counts", "areas", "objectives",
            "mentees", "pairs", "goals", "weeks",
        ])
        #expect(text == ProgressReportRenderer.json(Self.report, names: Self.names))
    }

    // MARK: HTML

    @Test func htmlIsSelfContainedAndEscaped() throws {
        let html = ProgressReportRenderer.html(Self.report, names: Self.names)
        let lower = html.lowercased()
        for forbidden in ["<script", "http", "<link", "@import", "src=", "@font-face", "javascript:"] {
            #expect(!lower.contains(forbidden), "\(forbidden)")
        }
        #expect(!html.replacingOccurrences(of: "url(#", with: "").contains("url("), "only references to the page's own patterns")
        #expect(html.contains("Ann &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Dee &amp; &quot;Co&quot; ]]&gt; &#39;x&#39;"))
        #expect(html == ProgressReportRenderer.html(Self.report, names: Self.names), "deterministic")

        // Three charts, each well-formed on its own, in the order of the issue.
        let charts = svgParts(of: html)
        #expect(charts.count == 3)
        let titles = try charts.map { try #require(XMLOutline.parse($0)).text(of: "title") }
        #expect(titles == [["Gap closed per role and domain"], ["Goal status per pair"], ["Sessions held over time"]])
        // The status chart names the pairs; its summary lists each pair's goals.
        let status = try #require(XMLOutline.parse(charts[1]))
        #expect(status.text(of: "desc").first?.contains("Bo Berg – Eve Ek: 1 at risk, 1 achieved (total 2)") == true)
        // The sessions chart: planned to 12, held to 4 at the report date (6 weeks).
        let sessions = try #require(XMLOutline.parse(charts[2]))
        #expect(sessions.text(of: "desc").first?.contains("held: 2027-01-04 1, 2027-01-11 2, 2027-01-18 3, 2027-01-25 3, 2027-02-01 4, 2027-02-08 4") == true)
        // Per mentee table, flagged lists and the quiet pair are on the page.
        #expect(html.contains("<caption>Mentees</caption>") && html.contains("<th scope=\"col\" class=\"num\">Gap closed</th>"))
        #expect(html.contains("<th scope=\"row\">G2</th>") && html.contains("<td>at risk, overdue</td>"))
        #expect(html.contains("<caption>Pairs with no session held recently</caption>"))
        #expect(html.contains("<dt>Sessions held of planned</dt><dd>4 of 12 (33.3\u{00A0}%)</dd>"))
    }

    @Test func theStatusChartShowsThePairsMostAtRisk() {
        // 30 pairs: pair i has i mod 4 goals at risk and i mod 3 behind; 25 are shown, those
        // with 3 at risk first (then 2 behind before 1 before 0), ties in pair order.
        var report = Self.report
        report.pairs = (0..<30).map { index in
            var counts = TrackCounts()
            counts.atRisk = index % 4
            counts.behind = index % 3
            let id = String(format: "%02d", index)
            return PairProgress(pair: PairID(menteeID: "M" + id, mentorID: "E"), sessions: SessionFigures(), lastHeld: nil,
                noRecentSession: false, goals: counts)
        }
        let shown = ProgressReportRenderer.chartPairs(report)
        #expect(shown.count == 25)
        // at risk 3: indices 3, 7, 11, …, 27 (7 pairs); behind = index mod 3: 11 and 23 (2), then
        // 7 and 19 (1), then 3, 15, 27 (0).
        #expect(shown.prefix(7).map(\.pair.menteeID) == ["M11", "M23", "M07", "M19", "M03", "M15", "M27"])
        // The 5 left out have no goal at risk: indices 0, 12, 24 (behind 0) and two of … none with at-risk > 0.
        let left = Set(report.pairs.map(\.pair)).subtracting(shown.map(\.pair))
        #expect(left.count == 5)
        #expect(report.pairs.filter { left.contains($0.pair) }.allSatisfy { $0.goals.atRisk == 0 })
        let html = ProgressReportRenderer.html(report, names: Self.names)
        #expect(html.contains("The 25 of 30 pairs with the most goals at risk, then behind."))
    }
}

extension ReportRendererTests {
    /// Every JSON field and CSV section is named in the README's field reference.
    @Test func theFieldReferenceNamesEveryField() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let reference = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        var keys = Set<String>()
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                for member in members {
                    keys.insert(member.key)
                    collect(member.value)
                }
            case .array(let elements): elements.forEach(collect)
            default: break
            }
        }
        collect(ProgressReportRenderer.document(Self.report, names: Self.names))
        #expect(keys.count > 60)
        let (_, rows) = Self.csvFigures()
        let sections = Set(rows.map { $0[0] })
        #expect(sections.count == 13)
        for name in keys.union(sections).sorted() { #expect(reference.contains("`\(name)`"), "\(name) not in the README's field reference") }
    }
}
