import ArgumentParser
import Diagnostics
import Foundation
import Kapstok
import KapstokIO
import KapstokStore

extension GoalStatus: ExpressibleByArgument {}
extension Assessor: ExpressibleByArgument {}

/// What goal and milestone commands need besides the workspace: the program's dates.
struct ProgramDates {
    var start: CalendarDate
    var end: CalendarDate

    init(_ configuration: Configuration) {
        start = configuration.program.start
        end = configuration.program.end
    }

    /// A due date as typed (`2027-05-01`, `4 weeks after the match`, `+6w`, `the end`), with the
    /// goal's start as the match; exit 64 with the grammar when it is not one.
    func resolve(_ text: String, match: CalendarDate, flag: String) throws -> CalendarDate {
        do {
            return try RelativeDate.resolve(text, anchors: RelativeDate.Anchors(match: match, programStart: start, programEnd: end))
        } catch {
            Terminal.error("error: \(flag): \(TerminalText.escaped(error.description))")
            throw ExitCode(64)
        }
    }
}

/// A level or rating typed on the command line, checked against its range.
func checkedValue(_ value: Int?, _ range: ClosedRange<Int>, flag: String) throws {
    if let value, !range.contains(value) {
        throw ValidationError("\(flag) must be between \(range.lowerBound) and \(range.upperBound); got \(value)")
    }
}

/// A title, note or evidence text typed on the command line.
func checkedText(_ text: String?, flag: String, maximum: Int, allowsLineBreaks: Bool) throws {
    guard let text else { return }
    if text.count > maximum { throw ValidationError("\(flag) is longer than \(maximum) characters") }
    let forbidden = text.unicodeScalars.contains {
        $0.properties.generalCategory == .control && !(allowsLineBreaks && ($0 == "\n" || $0 == "\t" || $0 == "\r"))
    }
    if forbidden { throw ValidationError("\(flag) must not hold control characters") }
}

/// Goal problems from the domain's rules: printed one per line, exit 65.
func refuse(_ problems: GoalProblems) -> ExitCode {
    for message in problems.messages { Terminal.error("error: \(TerminalText.escaped(message))") }
    Terminal.error("nothing was changed")
    return ExitCode(65)
}

extension KapstokCommand {
    /// `kapstok goal …`: the mentees' goals.
    struct GoalCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "goal",
            abstract: "List, add, edit and move goals (draft → active → achieved, or dropped), with their history.",
            subcommands: [List.self, Show.self, Add.self, Edit.self, Activate.self, Achieve.self, Drop.self])
    }

    /// `kapstok milestone …`: steps towards a goal.
    struct MilestoneCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "milestone",
            abstract: "Add milestones to goals (due dates may be relative: \"4 weeks after the match\") and mark them done.",
            subcommands: [Add.self, Done.self, List.self])
    }
}

extension KapstokCommand.GoalCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List goals, by mentee and id.")

        @Option(help: "Only this mentee's goals.") var mentee: String?
        @Option(help: "Only this mentor's goals.") var mentor: String?
        @Option(help: "Only goals in this status (draft, active, achieved, dropped).") var status: GoalStatus?
        @OptionGroup var workspace: WorkspaceOptions

        func run() throws {
            let store = try workspace.open()
            let goals = try workspaceWrite { try store.goals(mentee: mentee, mentor: mentor, status: status) }
            let show = TerminalText.escaped
            if goals.isEmpty {
                print("no goals\(mentee.map { " for '\(show($0))'" } ?? "")")
                return
            }
            print(TextTable.render(
                header: ["goal", "mentee", "mentor", "item", "level", "due", "status", "title"],
                rows: goals.map {
                    [$0.id, $0.menteeID, $0.mentorID, $0.itemID, "\($0.baseline) → \($0.target)", $0.due.description, $0.status.rawValue, $0.title]
                        .map(show)
                }))
            print(counted(goals.count, "goal"))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a goal, its milestones and its history (who changed what, when).")

        @Argument(help: "The goal id.") var id: String
        @OptionGroup var workspace: WorkspaceOptions

        func run() throws {
            let store = try workspace.open()
            let show = TerminalText.escaped
            let (goal, milestones, events) = try workspaceWrite {
                guard let goal = try store.goal(id) else { throw WorkspaceError.unknown(kind: "goal", id: id) }
                return (goal, try store.milestones(goalID: id), try store.events(goalID: id))
            }
            print("\(show(goal.id)) \(show(goal.title)) [\(goal.status.rawValue)]")
            print("  mentee \(show(goal.menteeID)), mentor \(show(goal.mentorID)), \(show(goal.itemID)) \(goal.baseline) → \(goal.target), \(goal.start) to \(goal.due)")
            if !goal.reason.isEmpty { print("  why: \(show(goal.reason))") }
            for milestone in milestones {
                let state = milestone.doneOn.map { "done \($0)" } ?? "due \(milestone.due)"
                print("  milestone \(show(milestone.id)): \(show(milestone.title)) (\(state))")
            }
            for event in events {
                let change: String
                switch (event.field, event.oldValue.isEmpty) {
                case ("created", _): change = "created (\(show(event.newValue)))"
                case (_, true): change = "\(show(event.field)): \(show(event.newValue))"
                default: change = "\(show(event.field)): \(show(event.oldValue)) → \(show(event.newValue))"
                }
                print("  \(show(event.at)) \(show(event.actor)): \(change)")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a goal by hand.",
            discussion: """
                The mentor defaults to the mentee's current mentor, the baseline to the latest \
                check-in of the item (or the level in mentees.csv), the due date to the program's end.
                Example:
                  kapstok goal add --mentee E07 --item coach.feedback --target 4 --due "12 weeks after the start"
                """)

        @Option(help: "The mentee.") var mentee: String
        @Option(help: "The framework item (a competency or domain id such as leader.vision).") var item: String
        @Option(parsing: .unconditional, help: "The target level (0–5, above the baseline).") var target: Int
        @Option(parsing: .unconditional, help: "The baseline level (0–5).") var baseline: Int?
        @Option(help: "The mentor (default: the mentee's current mentor).") var mentor: String?
        @Option(help: "Due date: YYYY-MM-DD or relative (\"4 weeks after the match\", \"+6w\", \"the end\").") var due: String?
        @Option(help: "Title (default: '<item name>: <baseline> → <target>').") var title: String?
        @Option(help: "Why this goal, in words.") var reason: String?
        @Flag(help: "Add it active rather than draft.") var active = false
        @Option(help: "The goal's start (the day its time counts from), YYYY-MM-DD; default today (UTC).") var today: String?
        @OptionGroup var workspace: WorkspaceOptions

        func validate() throws {
            try checkedValue(target, Limits.level, flag: "--target")
            try checkedValue(baseline, Limits.level, flag: "--baseline")
            try checkedText(title, flag: "--title", maximum: Limits.titleLength.upperBound, allowsLineBreaks: false)
            try checkedText(reason, flag: "--reason", maximum: Limits.noteLength, allowsLineBreaks: true)
            if let today { _ = try parseDay(today, flag: "--today") }
        }

        func run() throws {
            let (store, settings) = try workspace.openWithConfiguration()
            let dates = ProgramDates(settings.configuration)
            let start = try today.map { try parseDay($0, flag: "--today") } ?? Clock.today
            let (framework, menteeRecord, pairs, checkIns) = try workspaceWrite {
                (try store.framework(), try store.mentees().first { $0.id == mentee }, try store.currentPairs(), try store.checkIns(mentee: mentee))
            }
            guard let menteeRecord else {
                Terminal.error("error: unknown mentee '\(TerminalText.escaped(mentee))'")
                throw ExitCode(65)
            }
            guard let frameworkItem = framework.item(id: item) else {
                var message = "error: unknown framework item '\(TerminalText.escaped(item))'"
                if let close = Suggestion.closest(to: item, among: framework.items.map(\.id)) { message += "; did you mean '\(close)'?" }
                Terminal.error(message)
                throw ExitCode(65)
            }
            guard let mentorID = mentor ?? pairs.first(where: { $0.menteeID == mentee })?.mentorID else {
                Terminal.error("error: '\(TerminalText.escaped(mentee))' has no current mentor; give --mentor")
                throw ExitCode(65)
            }
            let assessed = checkIns.filter { $0.itemID == item }.max { $0.date < $1.date }?.level
            let competencyIndex = framework.competencies.firstIndex { $0.id == item }
            let level = baseline ?? assessed ?? competencyIndex.map { menteeRecord.currentLevels[$0] } ?? DraftGoals.defaultDomainBaseline
            let dueDate = try due.map { try dates.resolve($0, match: start, flag: "--due") } ?? dates.end
            if dueDate > dates.end || start > dates.end {
                Terminal.error("error: a goal runs within the program (it ends \(dates.end)); the goal would \(start > dates.end ? "start \(start)" : "be due \(dueDate)")")
                throw ExitCode(65)
            }
            if !pairs.contains(PairID(menteeID: mentee, mentorID: mentorID)) {
                Terminal.error("error: '\(TerminalText.escaped(mentorID))' is not the mentor of '\(TerminalText.escaped(mentee))' in the current pairs")
                throw ExitCode(65)
            }
            let goal = Goal(
                id: "", menteeID: mentee, mentorID: mentorID, itemID: item, baseline: level, target: target, start: start, due: dueDate,
                status: active ? .active : .draft, title: title ?? DraftGoals.title(item: frameworkItem, baseline: level, target: target),
                reason: reason ?? "added by hand")
            do {
                _ = try GoalLifecycle.create(goal, actor: workspace.actor, at: Clock.timestamp)
            } catch {
                throw refuse(error)
            }
            let added = try workspaceWrite { try store.addGoal(goal, at: Clock.timestamp, actor: workspace.actor) }
            print("added \(TerminalText.escaped(added.id)): \(TerminalText.escaped(added.title)) for \(TerminalText.escaped(mentee)) (\(added.status.rawValue), due \(added.due))")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a goal's title, levels, due date or mentor (each change goes in its history).")

        @Argument(help: "The goal id.") var id: String
        @Option(help: "New title.") var title: String?
        @Option(parsing: .unconditional, help: "New baseline level (0–5).") var baseline: Int?
        @Option(parsing: .unconditional, help: "New target level (0–5).") var target: Int?
        @Option(help: "New due date: YYYY-MM-DD or relative to the goal's start (\"+6w\", \"the end\").") var due: String?
        @Option(help: "New mentor.") var mentor: String?
        @OptionGroup var workspace: WorkspaceOptions

        func validate() throws {
            try checkedValue(target, Limits.level, flag: "--target")
            try checkedValue(baseline, Limits.level, flag: "--baseline")
            try checkedText(title, flag: "--title", maximum: Limits.titleLength.upperBound, allowsLineBreaks: false)
            if [title, due, mentor].allSatisfy({ $0 == nil }) && baseline == nil && target == nil {
                throw ValidationError("nothing to change: give --title, --baseline, --target, --due or --mentor")
            }
        }

        func run() throws {
            let (store, settings) = try workspace.openWithConfiguration()
            let goal = try workspaceWrite {
                guard let goal = try store.goal(id) else { throw WorkspaceError.unknown(kind: "goal", id: id) }
                return goal
            }
            let dueDate = try due.map { try ProgramDates(settings.configuration).resolve($0, match: goal.start, flag: "--due") }
            if let dueDate, dueDate > settings.configuration.program.end {
                Terminal.error("error: --due \(dueDate) is after the program's end \(settings.configuration.program.end)")
                throw ExitCode(65)
            }
            if let mentor, !(try workspaceWrite { try store.currentPairs() }).contains(PairID(menteeID: goal.menteeID, mentorID: mentor)) {
                Terminal.error("error: '\(TerminalText.escaped(mentor))' is not the mentor of '\(TerminalText.escaped(goal.menteeID))' in the current pairs")
                throw ExitCode(65)
            }
            let change: GoalChange
            do {
                change = try GoalLifecycle.edit(
                    goal, GoalEdit(title: title, baseline: baseline, target: target, due: dueDate, mentorID: mentor),
                    actor: workspace.actor, at: Clock.timestamp)
            } catch {
                throw refuse(error)
            }
            let events = try workspaceWrite { try store.updateGoal(change.goal, at: Clock.timestamp, actor: workspace.actor) }
            if events.isEmpty {
                print("\(TerminalText.escaped(id)): nothing changed")
            } else {
                for event in events {
                    print("\(TerminalText.escaped(id)): \(event.field) \(TerminalText.escaped(event.oldValue)) → \(TerminalText.escaped(event.newValue))")
                }
            }
        }
    }

    /// The status moves share their run.
    struct StatusMove {
        static func run(_ id: String, to status: GoalStatus, workspace: WorkspaceOptions) throws {
            let store = try workspace.open()
            let goal = try workspaceWrite {
                guard let goal = try store.goal(id) else { throw WorkspaceError.unknown(kind: "goal", id: id) }
                return goal
            }
            let change: GoalChange
            do {
                change = try GoalLifecycle.move(goal, to: status, actor: workspace.actor, at: Clock.timestamp)
            } catch {
                throw refuse(error)
            }
            _ = try workspaceWrite { try store.updateGoal(change.goal, at: Clock.timestamp, actor: workspace.actor) }
            print("\(TerminalText.escaped(id)): \(goal.status.rawValue) → \(status.rawValue)")
        }
    }

    struct Activate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "activate", abstract: "Make a draft goal active (the pair agreed on it).")
        @Argument(help: "The goal id.") var id: String
        @OptionGroup var workspace: WorkspaceOptions
        func run() throws { try StatusMove.run(id, to: .active, workspace: workspace) }
    }

    struct Achieve: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "achieve", abstract: "Mark an active goal achieved.")
        @Argument(help: "The goal id.") var id: String
        @OptionGroup var workspace: WorkspaceOptions
        func run() throws { try StatusMove.run(id, to: .achieved, workspace: workspace) }
    }

    struct Drop: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "drop", abstract: "Drop a draft or active goal (it leaves the report's gap figures).")
        @Argument(help: "The goal id.") var id: String
        @OptionGroup var workspace: WorkspaceOptions
        func run() throws { try StatusMove.run(id, to: .dropped, workspace: workspace) }
    }
}

extension KapstokCommand.MilestoneCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a milestone to a goal.",
            discussion: """
                Example:
                  kapstok milestone add --goal G0003 --title "Lead one team retrospective" --due "4 weeks after the match"
                """)

        @Option(help: "The goal id.") var goal: String
        @Option(help: "What is to be done (1–\(Limits.titleLength.upperBound) characters).") var title: String
        @Option(help: "Due date: YYYY-MM-DD or relative (\"4 weeks after the match\", \"2 weeks before the end\", \"+10d\").") var due: String
        @OptionGroup var workspace: WorkspaceOptions

        func validate() throws {
            try checkedText(title, flag: "--title", maximum: Limits.titleLength.upperBound, allowsLineBreaks: false)
            if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--title must not be empty") }
        }

        func run() throws {
            let (store, settings) = try workspace.openWithConfiguration()
            let record = try workspaceWrite {
                guard let record = try store.goal(goal) else { throw WorkspaceError.unknown(kind: "goal", id: goal) }
                return record
            }
            let day = try ProgramDates(settings.configuration).resolve(due, match: record.start, flag: "--due")
            var problems = GoalLifecycle.problems(in: Milestone(id: "", goalID: goal, title: title, due: day), of: record, today: Clock.today)
            if !record.status.isOpen { problems.append("goal \(Diagnostic.quoted(goal)) is \(record.status.rawValue); milestones are for open goals") }
            if day > settings.configuration.program.end {
                problems.append("the due date \(day) is after the program's end \(settings.configuration.program.end)")
            }
            if !problems.isEmpty { throw refuse(GoalProblems(goalID: goal, messages: problems)) }
            let milestone = try workspaceWrite {
                try store.addMilestone(goalID: goal, title: title, due: day, at: Clock.timestamp, actor: workspace.actor)
            }
            print("added \(TerminalText.escaped(milestone.id)) to \(TerminalText.escaped(goal)): \(TerminalText.escaped(title)), due \(day)")
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a milestone done.")
        @Argument(help: "The milestone id.") var id: String
        @Option(help: "The day it was done, YYYY-MM-DD; default today (UTC).") var on: String?
        @OptionGroup var workspace: WorkspaceOptions

        func validate() throws {
            if let on { _ = try parseDay(on, flag: "--on") }
        }

        func run() throws {
            let store = try workspace.open()
            let day = try on.map { try parseDay($0, flag: "--on") } ?? Clock.today
            if day > Clock.today {
                Terminal.error("error: --on \(day) is after today (\(Clock.today)); a milestone is done when it is done")
                throw ExitCode(65)
            }
            if let done = try workspaceWrite({ try store.milestones() }).first(where: { $0.id == id })?.doneOn {
                Terminal.error("error: milestone '\(TerminalText.escaped(id))' was done on \(done) already")
                throw ExitCode(65)
            }
            let milestone = try workspaceWrite { try store.completeMilestone(id, on: day, at: Clock.timestamp, actor: workspace.actor) }
            print("\(TerminalText.escaped(milestone.id)) done on \(day): \(TerminalText.escaped(milestone.title))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List milestones, of one goal or all.")
        @Option(help: "Only this goal's milestones.") var goal: String?
        @OptionGroup var workspace: WorkspaceOptions

        func run() throws {
            let store = try workspace.open()
            let milestones = try workspaceWrite { try store.milestones(goalID: goal) }
            let show = TerminalText.escaped
            print(TextTable.render(
                header: ["milestone", "goal", "due", "done", "title"],
                rows: milestones.map { [$0.id, $0.goalID, $0.due.description, $0.doneOn?.description ?? "", $0.title].map(show) }))
            print(counted(milestones.count, "milestone"))
        }
    }
}

/// A plain text table for the terminal: columns padded to their widest cell.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }
}
