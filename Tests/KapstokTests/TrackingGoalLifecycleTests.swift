import Kapstok
import Testing

@Suite struct TrackingGoalLifecycleTests {
    static let start = CalendarDate(year: 2027, month: 2, day: 1)
    static let goal = Goal(
        id: "G0001", menteeID: "E1", mentorID: "M1", itemID: "coach.feedback", baseline: 2, target: 4, start: start,
        due: CalendarDate(year: 2027, month: 7, day: 30), status: .draft, title: "Giving and receiving feedback: 2 → 4", reason: "gap")
    static let at = "2027-03-01T09:30:00Z"

    static func with(_ status: GoalStatus) -> Goal {
        var goal = Self.goal
        goal.status = status
        return goal
    }

    /// Every pair of statuses: exactly draft → active | dropped and active → achieved | dropped move.
    @Test(arguments: GoalStatus.allCases)
    func everyTransition(from: GoalStatus) throws {
        let allowed: [GoalStatus: Set<GoalStatus>] = [.draft: [.active, .dropped], .active: [.achieved, .dropped]]
        for to in GoalStatus.allCases {
            let goal = Self.with(from)
            if allowed[from, default: []].contains(to) {
                let change = try GoalLifecycle.move(goal, to: to, actor: "coordinator", at: Self.at)
                #expect(change.goal.status == to)
                #expect(change.events == [GoalEvent(goalID: "G0001", at: Self.at, actor: "coordinator", field: "status", oldValue: from.rawValue, newValue: to.rawValue)])
            } else {
                #expect(throws: GoalProblems.self) { try GoalLifecycle.move(goal, to: to, actor: "coordinator", at: Self.at) }
            }
        }
    }

    @Test func refusalsSayWhy() {
        func message(_ from: GoalStatus, _ to: GoalStatus) -> String? {
            do {
                _ = try GoalLifecycle.move(Self.with(from), to: to, actor: "a", at: Self.at)
                return nil
            } catch {
                return error.messages.first
            }
        }
        #expect(message(.achieved, .active) == "cannot move goal 'G0001' from achieved to active; achieved and dropped goals are final")
        #expect(message(.dropped, .dropped) == "cannot move goal 'G0001' from dropped to dropped; achieved and dropped goals are final")
        #expect(message(.draft, .achieved) == "cannot move goal 'G0001' from draft to achieved; a draft goal is activated first")
        #expect(message(.active, .active) == "cannot move goal 'G0001' from active to active; it is active already")
        #expect(message(.active, .draft) == "cannot move goal 'G0001' from active to draft")
    }

    /// An edit records one event per changed field; a generated title follows a new target.
    @Test func editRecordsEachChangedField() throws {
        let due = CalendarDate(year: 2027, month: 6, day: 30)
        let change = try GoalLifecycle.edit(Self.goal, GoalEdit(target: 5, due: due, mentorID: "M2"), actor: "ann", at: Self.at)
        #expect(change.goal.target == 5 && change.goal.due == due && change.goal.mentorID == "M2")
        #expect(change.goal.title == "Giving and receiving feedback: 2 → 5")
        #expect(change.events.map { "\($0.field) \($0.oldValue) → \($0.newValue)" } == [
            "title Giving and receiving feedback: 2 → 4 → Giving and receiving feedback: 2 → 5", "target 4 → 5",
            "due 2027-07-30 → 2027-06-30", "mentor M1 → M2",
        ])
        #expect(change.events.allSatisfy { $0.actor == "ann" && $0.at == Self.at && $0.goalID == "G0001" })
        // A title given by hand is kept; an unchanged value records nothing.
        let titled = try GoalLifecycle.edit(Self.goal, GoalEdit(title: "Feedback weekly", baseline: 2, target: 3), actor: "ann", at: Self.at)
        #expect(titled.goal.title == "Feedback weekly")
        #expect(titled.events.map(\.field) == ["title", "target"])
        #expect(try GoalLifecycle.edit(Self.goal, GoalEdit(), actor: "ann", at: Self.at).events.isEmpty)
    }

    @Test func editProblemsAreAllReported() {
        func problems(_ edit: GoalEdit, on goal: Goal = Self.goal) -> [String] {
            do {
                _ = try GoalLifecycle.edit(goal, edit, actor: "a", at: Self.at)
                return []
            } catch {
                return error.messages
            }
        }
        #expect(problems(GoalEdit(baseline: 4)) == ["the target 4 is not above the baseline 4"])
        #expect(problems(GoalEdit(baseline: -1, target: 6)) == ["the baseline -1 is outside 0–5", "the target 6 is outside 0–5"])
        #expect(problems(GoalEdit(due: CalendarDate(year: 2027, month: 1, day: 31))) == ["the due date 2027-01-31 is before the start 2027-02-01"])
        #expect(problems(GoalEdit(title: "  ")) == ["the title is empty"])
        #expect(problems(GoalEdit(title: "a\u{7}b")) == ["the title 'a\\u{7}b' contains a control character"])
        #expect(problems(GoalEdit(title: String(repeating: "x", count: 201))) == ["the title has 201 characters; at most 200 are allowed"])
        #expect(problems(GoalEdit(mentorID: "")) == ["the mentor id is empty"])
        #expect(problems(GoalEdit(title: "x", target: 2, due: CalendarDate(year: 2026, month: 1, day: 1))).count == 2)
        #expect(problems(GoalEdit(title: "new"), on: Self.with(.achieved)) == ["goal 'G0001' is achieved; a closed goal cannot be edited"])
        #expect(problems(GoalEdit(title: "new"), on: Self.with(.dropped)) == ["goal 'G0001' is dropped; a closed goal cannot be edited"])
        #expect(problems(GoalEdit(title: String(repeating: "x", count: 200)), on: Self.with(.active)) == [])
    }

    @Test func milestoneProblems() {
        let today = CalendarDate(year: 2027, month: 3, day: 1)
        let ok = Milestone(id: "M1", goalID: "G0001", title: "Ask for feedback twice", due: CalendarDate(year: 2027, month: 3, day: 15))
        #expect(GoalLifecycle.problems(in: ok, of: Self.goal, today: today) == [])
        let early = Milestone(id: "M2", goalID: "G0001", title: "", due: CalendarDate(year: 2027, month: 1, day: 15), doneOn: CalendarDate(year: 2027, month: 3, day: 2))
        #expect(GoalLifecycle.problems(in: early, of: Self.goal, today: today) == [
            "the title is empty", "the due date 2027-01-15 is before the goal's start 2027-02-01", "the done day 2027-03-02 is after today 2027-03-01",
        ])
    }

    @Test func createChecksAndRecords() throws {
        let change = try GoalLifecycle.create(Self.goal, actor: "lead", at: Self.at)
        #expect(change.events == [GoalEvent(goalID: "G0001", at: Self.at, actor: "lead", field: "created", oldValue: "", newValue: "draft")])
        var bad = Self.goal
        bad.target = 1
        bad.due = CalendarDate(year: 2100, month: 1, day: 1)
        #expect(GoalLifecycle.problems(in: bad) == ["the target 1 is not above the baseline 2", "the due date 2100-01-01 is outside 2000-01-01 to 2099-12-31"])
        #expect(throws: GoalProblems.self) { try GoalLifecycle.create(bad, actor: "lead", at: Self.at) }
    }
}
