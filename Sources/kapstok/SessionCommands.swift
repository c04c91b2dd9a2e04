import ArgumentParser
import Diagnostics
import Foundation
import Kapstok
import KapstokIO
import KapstokStore

extension KapstokCommand {
    /// `kapstok session …`: what happened in the planned sessions.
    struct SessionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "session",
            abstract: "Log sessions (held, cancelled, no-show, moved) and list them.",
            subcommands: [Log.self, List.self])
    }

    /// `kapstok checkin`: an assessed level with evidence.
    struct CheckInCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkin",
            abstract: "Record an assessed level (0–5) of a mentee's competency or domain, with evidence.",
            discussion: """
                Example:
                  kapstok checkin --mentee E07 --item coach.feedback --level 3 --assessor mentor \\
                      --evidence "ran the team's feedback round alone" --date 2027-04-12
                """)

        @Option(help: "The mentee.") var mentee: String
        @Option(help: "The framework item (competency or domain id).") var item: String
        @Option(parsing: .unconditional, help: "The assessed level, 0–5.") var level: Int
        @Option(help: "Who assessed it: self, mentor, manager or hr.") var assessor: Assessor
        @Option(help: "What the level rests on (at most \(Limits.noteLength) characters).") var evidence: String = ""
        @Option(help: "The day of the assessment, YYYY-MM-DD; default today (UTC).") var date: String?
        @OptionGroup var workspace: WorkspaceOptions

        func validate() throws {
            try checkedValue(level, Limits.level, flag: "--level")
            try checkedText(evidence, flag: "--evidence", maximum: Limits.noteLength, allowsLineBreaks: true)
            if let date { _ = try parseDay(date, flag: "--date") }
        }

        func run() throws {
            let store = try workspace.open()
            let day = try date.map { try parseDay($0, flag: "--date") } ?? Clock.today
            if day > Clock.today {
                Terminal.error("error: --date \(day) is after today (\(Clock.today)); a level is recorded once it is assessed")
                throw ExitCode(65)
            }
            let checkIn = CheckIn(menteeID: mentee, itemID: item, level: level, date: day, assessor: assessor, evidence: evidence)
            try workspaceWrite { try store.addCheckIn(checkIn) }
            print("recorded \(TerminalText.escaped(mentee)) \(TerminalText.escaped(item)) at level \(level) on \(day) (\(assessor.rawValue))")
        }
    }
}

extension KapstokCommand.SessionCommand {
    /// What happened to a session.
    enum Outcome: String, EnumerableFlag {
        case held
        case cancelled
        case noShow
        case moved

        static func name(for value: Outcome) -> NameSpecification { value == .noShow ? .customLong("no-show") : .long }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Log a session: held (with date, goals discussed, notes, ratings), cancelled, no-show or moved.",
            discussion: """
                Notes lines starting with '- [ ]', 'TODO' or '?' are open points on the next agenda.
                Examples:
                  kapstok session log S1a2b3c4d5e6f --held --on 2027-03-08 --goals G0001,G0002 \\
                      --mentee-rating 5 --mentor-rating 4 --notes "Planned the retrospective.
                  - [ ] Draft the team charter"
                  kapstok session log S1a2b3c4d5e6f --moved --to "2027-03-15 14:00"
                """)

        @Argument(help: "The session id (from sessions.csv or 'kapstok session list').") var id: String
        @Flag(help: "What happened.") var outcome: Outcome
        @Option(help: "Held: the day, YYYY-MM-DD (default: the planned day).") var on: String?
        @Option(help: "Held: the goals discussed, comma-separated ids.") var goals: String?
        @Option(help: "Notes (at most \(Limits.noteLength) characters; line breaks allowed).") var notes: String?
        @Option(name: .customLong("mentee-rating"), parsing: .unconditional, help: "Held: the mentee's rating, 1–5.") var menteeRating: Int?
        @Option(name: .customLong("mentor-rating"), parsing: .unconditional, help: "Held: the mentor's rating, 1–5.") var mentorRating: Int?
        @Option(help: "Moved: the new start, 'YYYY-MM-DD HH:MM' in the program's time zone (same length).") var to: String?
        @OptionGroup var workspace: WorkspaceOptions

        func validate() throws {
            try checkedValue(menteeRating, Limits.rating, flag: "--mentee-rating")
            try checkedValue(mentorRating, Limits.rating, flag: "--mentor-rating")
            try checkedText(notes, flag: "--notes", maximum: Limits.noteLength, allowsLineBreaks: true)
            if let on { _ = try parseDay(on, flag: "--on") }
            if outcome != .held && (on != nil || goals != nil || menteeRating != nil || mentorRating != nil) {
                throw ValidationError("--on, --goals and ratings are for a held session (--held)")
            }
            if (outcome == .moved) != (to != nil) {
                throw ValidationError(outcome == .moved ? "--moved needs --to 'YYYY-MM-DD HH:MM'" : "--to is for --moved")
            }
            if let to, Self.localTime(to) == nil {
                throw ValidationError("--to must be 'YYYY-MM-DD HH:MM', not '\(TerminalText.escaped(to))'")
            }
        }

        static func localTime(_ text: String) -> LocalDateTime? {
            let parts = text.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, let date = LocalTimeFormat.date(String(parts[0])), Limits.programDate.contains(date),
                parts[1].count == 5, let time = ClockTime(parts[1]), time.minutes < 1440
            else { return nil }
            return LocalDateTime(date: date, time: time)
        }

        func run() throws {
            let (store, settings) = try workspace.openWithConfiguration()
            let program = settings.configuration.program
            let show = TerminalText.escaped
            let current = try workspaceWrite {
                guard let log = try store.sessionLog(id: id) else { throw WorkspaceError.unknown(kind: "session", id: id) }
                return log
            }
            switch outcome {
            case .moved:
                let start = Self.localTime(to ?? "")!
                let minutes = current.session.end.minuteNumber - current.session.start.minuteNumber
                let end = LocalDateTime(minuteNumber: start.minuteNumber + minutes)
                let moved = try workspaceWrite { try store.moveSession(id: id, start: start, end: end, program: program.start...program.end, at: Clock.timestamp, actor: workspace.actor) }
                print("\(show(id)) moved to \(moved.start.date) \(moved.start.time) (sequence \(moved.sequence)); run 'kapstok schedule --out' or 'replan --out' for the calendar files")
            case .held, .cancelled, .noShow:
                let status: SessionStatus = outcome == .held ? .held : outcome == .cancelled ? .cancelled : .noShow
                let discussed = (goals ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let heldOn = outcome == .held ? try on.map { try parseDay($0, flag: "--on") } ?? current.session.start.date : nil
                var problems: [String] = []
                if Set(discussed).count != discussed.count { problems.append("--goals names a goal twice") }
                if let heldOn {
                    if heldOn > Clock.today { problems.append("held on \(heldOn), after today (\(Clock.today)); log a session once it is held") }
                    if heldOn < program.start || heldOn > program.end {
                        problems.append("held on \(heldOn), outside the program (\(program.start) to \(program.end))")
                    }
                }
                if !problems.isEmpty {
                    for problem in problems { Terminal.error("error: \(show(id)): \(problem)") }
                    Terminal.error("nothing was changed")
                    throw ExitCode(65)
                }
                let log = try workspaceWrite {
                    try store.logSession(
                        id: id, status: status, heldOn: heldOn, menteeRating: menteeRating, mentorRating: mentorRating,
                        goalsDiscussed: discussed, notes: notes, at: Clock.timestamp, actor: workspace.actor)
                }
                var line = "\(show(id)) (\(show(log.session.menteeID))–\(show(log.session.mentorID)), session \(log.session.number)): \(status.rawValue)"
                if let heldOn { line += " on \(heldOn)" }
                if !discussed.isEmpty { line += ", discussed \(discussed.map(show).joined(separator: ", "))" }
                print(line)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the workspace's sessions (of one mentee or all).")
        @Option(help: "Only this mentee's sessions.") var mentee: String?
        @OptionGroup var workspace: WorkspaceOptions

        func run() throws {
            let store = try workspace.open()
            let logs = try workspaceWrite { try store.sessionLogs() }.filter { mentee == nil || $0.session.menteeID == mentee }
            let show = TerminalText.escaped
            print(TextTable.render(
                header: ["session", "mentee", "mentor", "n", "start", "status", "held on", "goals"],
                rows: logs.map {
                    [$0.session.id, $0.session.menteeID, $0.session.mentorID, "\($0.session.number)",
                     "\($0.session.start.date) \($0.session.start.time)", $0.session.status.rawValue,
                     $0.heldOn?.description ?? "", $0.goalsDiscussed.joined(separator: "|")].map(show)
                }))
            print(counted(logs.count, "session"))
        }
    }
}
