import Diagnostics

/// A change asked of a goal: the fields to set; nil leaves a field as it is.
public struct GoalEdit: Sendable, Hashable {
    public var title: String?
    public var baseline: Int?
    public var target: Int?
    public var due: CalendarDate?
    public var mentorID: String?

    public init(title: String? = nil, baseline: Int? = nil, target: Int? = nil, due: CalendarDate? = nil, mentorID: String? = nil) {
        self.title = title
        self.baseline = baseline
        self.target = target
        self.due = due
        self.mentorID = mentorID
    }
}

/// A goal after a change, with one history event per field that changed (none when nothing did).
public struct GoalChange: Sendable, Hashable {
    public var goal: Goal
    public var events: [GoalEvent]

    public init(goal: Goal, events: [GoalEvent]) {
        self.goal = goal
        self.events = events
    }
}

/// Why a goal or a change of it is refused: every problem, as lowercase message fragments with
/// user values quoted (the CLI prints one per line).
public struct GoalProblems: Error, Sendable, Hashable, CustomStringConvertible {
    public var goalID: String
    public var messages: [String]

    public init(goalID: String, messages: [String]) {
        self.goalID = goalID
        self.messages = messages
    }

    public var description: String { messages.joined(separator: "\n") }
}

/// The goal's life as pure functions: the caller (the store) gives the actor and the timestamp,
/// and records the new goal and its events in one transaction.
///
/// Rules:
/// - Status moves follow ``GoalStatus/canMove(to:)``: draft → active | dropped, active → achieved
///   | dropped; achieved and dropped are final.
/// - A closed (achieved or dropped) goal cannot be edited.
/// - Levels within ``Limits/level``; target above baseline; due on or after the start; title per
///   ``TextRules/titleProblem(_:)``; a mentor id not empty.
/// - A title that ends in `": <baseline> → <target>"` (as draft goals are titled) follows a new
///   baseline or target when the edit does not set a title itself.
/// - Event fields: `created`, `status`, `title`, `baseline`, `target`, `due`, `mentor`.
public enum GoalLifecycle {
    /// Every problem of a goal as a whole (for `goal add` and imports), empty when it is sound.
    public static func problems(in goal: Goal) -> [String] {
        var messages: [String] = []
        for (name, level) in [("baseline", goal.baseline), ("target", goal.target)] where !Limits.level.contains(level) {
            messages.append("the \(name) \(level) is outside \(Limits.describe(Limits.level))")
        }
        if Limits.level.contains(goal.baseline), Limits.level.contains(goal.target), goal.target <= goal.baseline {
            messages.append("the target \(goal.target) is not above the baseline \(goal.baseline)")
        }
        if goal.due < goal.start {
            messages.append("the due date \(goal.due) is before the start \(goal.start)")
        }
        for (name, date) in [("start", goal.start), ("due date", goal.due)] where !Limits.programDate.contains(date) {
            messages.append("the \(name) \(date) is outside \(Limits.programDate.lowerBound) to \(Limits.programDate.upperBound)")
        }
        if let problem = TextRules.titleProblem(goal.title) { messages.append(problem) }
        if goal.reason.count > Limits.noteLength {
            messages.append("the reason has \(goal.reason.count) characters; at most \(Limits.noteLength) are allowed")
        }
        if goal.mentorID.isEmpty { messages.append("the mentor id is empty") }
        if goal.menteeID.isEmpty { messages.append("the mentee id is empty") }
        return messages
    }

    /// Every problem of a milestone of `goal`: its title, a due date within
    /// ``Limits/programDate`` and not before the goal's start, a done day not after `today`.
    public static func problems(in milestone: Milestone, of goal: Goal, today: CalendarDate) -> [String] {
        var messages: [String] = []
        if let problem = TextRules.titleProblem(milestone.title) { messages.append(problem) }
        if !Limits.programDate.contains(milestone.due) {
            messages.append("the due date \(milestone.due) is outside \(Limits.programDate.lowerBound) to \(Limits.programDate.upperBound)")
        } else if milestone.due < goal.start {
            messages.append("the due date \(milestone.due) is before the goal's start \(goal.start)")
        }
        if let done = milestone.doneOn, done > today { messages.append("the done day \(done) is after today \(today)") }
        return messages
    }

    /// A new goal, checked, with its `created` event (new value: the status).
    public static func create(_ goal: Goal, actor: String, at timestamp: String) throws(GoalProblems) -> GoalChange {
        let messages = problems(in: goal)
        guard messages.isEmpty else { throw GoalProblems(goalID: goal.id, messages: messages) }
        let event = GoalEvent(goalID: goal.id, at: timestamp, actor: actor, field: "created", oldValue: "", newValue: goal.status.rawValue)
        return GoalChange(goal: goal, events: [event])
    }

    /// The goal moved to a status (`activate`, `achieve`, `drop`).
    public static func move(_ goal: Goal, to status: GoalStatus, actor: String, at timestamp: String) throws(GoalProblems) -> GoalChange {
        guard goal.status.canMove(to: status) else {
            throw GoalProblems(goalID: goal.id, messages: [refusal(goal, to: status)])
        }
        var moved = goal
        moved.status = status
        let event = GoalEvent(goalID: goal.id, at: timestamp, actor: actor, field: "status", oldValue: goal.status.rawValue, newValue: status.rawValue)
        return GoalChange(goal: moved, events: [event])
    }

    private static func refusal(_ goal: Goal, to status: GoalStatus) -> String {
        let from = "cannot move goal \(Diagnostic.quoted(goal.id)) from \(goal.status.rawValue) to \(status.rawValue)"
        switch (goal.status, status) {
        case (.achieved, _), (.dropped, _): return "\(from); achieved and dropped goals are final"
        case (let same, let next) where same == next: return "\(from); it is \(same.rawValue) already"
        case (.draft, .achieved): return "\(from); a draft goal is activated first"
        default: return from
        }
    }

    /// The goal with an edit applied.
    public static func edit(_ goal: Goal, _ edit: GoalEdit, actor: String, at timestamp: String) throws(GoalProblems) -> GoalChange {
        guard goal.status.isOpen else {
            throw GoalProblems(
                goalID: goal.id,
                messages: ["goal \(Diagnostic.quoted(goal.id)) is \(goal.status.rawValue); a closed goal cannot be edited"])
        }
        var edited = goal
        if let baseline = edit.baseline { edited.baseline = baseline }
        if let target = edit.target { edited.target = target }
        if let due = edit.due { edited.due = due }
        if let mentorID = edit.mentorID { edited.mentorID = mentorID }
        if let title = edit.title {
            edited.title = title
        } else if edited.baseline != goal.baseline || edited.target != goal.target {
            let old = ": \(goal.baseline) → \(goal.target)"
            if goal.title.hasSuffix(old) {
                edited.title = String(goal.title.dropLast(old.count)) + ": \(edited.baseline) → \(edited.target)"
            }
        }
        let messages = problems(in: edited)
        guard messages.isEmpty else { throw GoalProblems(goalID: goal.id, messages: messages) }
        var events: [GoalEvent] = []
        func record(_ field: String, _ old: String, _ new: String) {
            if old != new {
                events.append(GoalEvent(goalID: goal.id, at: timestamp, actor: actor, field: field, oldValue: old, newValue: new))
            }
        }
        record("title", goal.title, edited.title)
        record("baseline", String(goal.baseline), String(edited.baseline))
        record("target", String(goal.target), String(edited.target))
        record("due", goal.due.description, edited.due.description)
        record("mentor", goal.mentorID, edited.mentorID)
        return GoalChange(goal: edited, events: events)
    }
}
