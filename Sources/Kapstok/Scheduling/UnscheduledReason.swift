import Diagnostics

/// The binding reason, in words, why a pair did not get all its sessions.
///
/// Checked from the most basic cause to the least: the two people share no window (or none long
/// enough); their common free days alone cannot hold the series at the required gaps (a program
/// too short, or a stretch without common free days longer than the maximum gap, usually an
/// absence); otherwise other sessions of a shared person took the days (weekly maximum, few
/// common days), and the plan is proven optimal or the best found in the time limit.
extension PlanningContext {
    func reason(pair: Int, placed: Int, wanted: Int, group: SolvedGroup) -> String {
        let info = calendar.pairs[pair]
        let mentee = Diagnostic.quoted(info.menteeID), mentor = Diagnostic.quoted(info.mentorID)
        let people = calendar.pairPeople[pair]
        let program = calendar.program
        var longest = 0
        var longestDay = Weekday.monday
        for weekday in Weekday.allCases {
            let common = ScheduleCalendar.intersection(
                calendar.windows[people.mentee][weekday.rawValue - 1], calendar.windows[people.mentor][weekday.rawValue - 1])
            if let best = common.map(\.minutes).max(), best > longest {
                longest = best
                longestDay = weekday
            }
        }
        if longest == 0 { return "\(mentee) and \(mentor) share no available hour on any weekday" }
        if calendar.weeklyStarts[pair].allSatisfy(\.isEmpty) {
            return "\(mentee) and \(mentor) share no \(program.sessionMinutes)-minute window on any weekday (the longest is \(longest) minutes, on \(longestDay.name))"
        }
        // A re-plan looks from the end of its freeze on.
        let from = max(calendar.firstDay, cutoff.map { Int((Double($0) / 1440).rounded(.down)) } ?? calendar.firstDay)
        if from > calendar.lastDay {
            return "the re-plan starts after the program's end \(program.end): no day is left for new sessions"
        }
        let lost = fixed.filter { $0.pair == info.key && ($0.status == .cancelled || $0.status == .noShow) }.count
        if lost > 0, placed + lost >= wanted {
            return "\(lost) of the pair's sessions \(lost == 1 ? "was" : "were") cancelled or not held"
        }
        let days = (from...calendar.lastDay).filter { !starts(pair: pair, day: $0).isEmpty }
        let fixedCount = fixed.filter { $0.pair == info.key && ($0.status == .planned || $0.status == .held) }.count
        let anchor = fixed.filter { $0.pair == info.key && ($0.status == .planned || $0.status == .held) }.map(\.start.date.dayNumber).max()
        let alone = longestChain(days: days, anchor: anchor)
        if alone + fixedCount < wanted {
            let needed = 7 * program.minGapWeeks * (max(1, wanted) - 1) + 1
            if calendar.dayCount < needed && anchor == nil {
                return "the program's \(calendar.dayCount) days are too short for \(wanted) sessions \(weekCount(program.minGapWeeks)) apart"
            }
            if let stretch = longestStretch(days: days, anchor: anchor), stretch.days > maxGapDays {
                var text = "\(mentee) and \(mentor) have no common free day from \(CalendarDate(dayNumber: stretch.from)) to \(CalendarDate(dayNumber: stretch.to)) (\(weeks(stretch.days)); sessions are at most \(weekCount(program.maxGapWeeks)) apart)"
                let away = absences(of: [info.menteeID, info.mentorID], overlapping: stretch.from...stretch.to)
                if !away.isEmpty { text += "; " + away.joined(separator: "; ") }
                return text
            }
            return "\(mentee) and \(mentor) have common free time on \(days.count) days; at most \(alone + fixedCount) of \(wanted) sessions fit \(program.minGapWeeks)–\(program.maxGapWeeks) weeks apart"
        }
        if unplannedPairs.contains(info.key) {
            return "\(mentee) and \(mentor) have no session in the sessions file; to schedule them, give the pair with --add-pairs"
        }
        // Contention: the shared person with the most pairs in the group.
        let groupPairs = group.pairs
        let shared = [(people.mentor, info.mentorID), (people.mentee, info.menteeID)].max { a, b in
            groupPairs.filter { calendar.pairPeople[$0].mentor == a.0 || calendar.pairPeople[$0].mentee == a.0 }.count
                < groupPairs.filter { calendar.pairPeople[$0].mentor == b.0 || calendar.pairPeople[$0].mentee == b.0 }.count
        }!
        let others = groupPairs.filter { calendar.pairPeople[$0].mentor == shared.0 || calendar.pairPeople[$0].mentee == shared.0 }.count
        let isMentor = shared.0 == people.mentor
        let maximum = isMentor ? program.mentorMaxPerWeek : program.menteeMaxPerWeek
        let partners = isMentor ? (others == 1 ? "1 mentee" : "\(others) mentees") : (others == 1 ? "1 mentor" : "\(others) mentors")
        let due = dueWeeks(pair: pair, placed: placed, group: group)
        var text = "\(Diagnostic.quoted(shared.1)) has \(partners) and at most \(maximum) session\(maximum == 1 ? "" : "s") a week"
        text += "; in \(due), when session \(placed + 1) is due, the days \(mentee) and \(mentor) share are taken by other sessions"
        text += group.plan.status == .optimal ? " (proven optimal)" : " (best plan found within the time limit)"
        return text
    }

    /// The most sessions the pair could hold alone on `days`, consecutive ones 7·min…7·max days
    /// apart (the first within the gap after `anchor`, when given).
    func longestChain(days: [Int], anchor: Int?) -> Int {
        var best = [Int](repeating: 0, count: days.count)
        var result = 0
        var low = 0
        for k in days.indices {
            if let anchor {
                let gap = days[k] - anchor
                best[k] = gap >= minGapDays && gap <= maxGapDays ? 1 : 0
            } else {
                best[k] = 1
            }
            while low < k, days[k] - days[low] > maxGapDays { low += 1 }
            var j = low
            while j < k, days[k] - days[j] >= minGapDays {
                if best[j] > 0 { best[k] = max(best[k], best[j] + 1) }
                j += 1
            }
            result = max(result, best[k])
        }
        return result
    }

    /// The longest run of program days without a common free day.
    func longestStretch(days: [Int], anchor: Int?) -> (from: Int, to: Int, days: Int)? {
        let start = cutoff.map { Int((Double($0) / 1440).rounded(.down)) } ?? calendar.firstDay
        var boundaries = [(anchor ?? max(calendar.firstDay, start) - 1)] + days.filter { $0 > (anchor ?? Int.min) } + [calendar.lastDay + 1]
        boundaries.sort()
        var best: (Int, Int, Int)?
        for (a, b) in zip(boundaries, boundaries.dropFirst()) where b - a - 1 > (best?.2 ?? 0) {
            best = (a + 1, b - 1, b - a - 1)
        }
        return best
    }

    /// `1 week`, `3 weeks`.
    func weekCount(_ weeks: Int) -> String { weeks == 1 ? "1 week" : "\(weeks) weeks" }

    func weeks(_ days: Int) -> String {
        days % 7 == 0 ? "\(days / 7) weeks" : "\(days) days"
    }

    /// The absences of these people that overlap the days, in words.
    func absences(of ids: [String], overlapping days: ClosedRange<Int>) -> [String] {
        calendar.absences.filter { ids.contains($0.personID) && $0.from.dayNumber <= days.upperBound && $0.to.dayNumber >= days.lowerBound }
            .map { "\(Diagnostic.quoted($0.personID)) is absent \($0.from) to \($0.to)" }
    }

    /// "weeks 10–14" of the program, the window in which the pair's next session was due.
    func dueWeeks(pair: Int, placed: Int, group: SolvedGroup) -> String {
        let problem = group.problem.problem
        let local = group.pairs.firstIndex(of: pair) ?? 0
        let placedDays = problem.tracks.indices.filter { problem.tracks[$0].pair == local }.compactMap { group.plan.placements[$0]?.day }
        let previous = placedDays.max() ?? fixed.filter { $0.pair == calendar.pairs[pair].key }.map(\.start.date.dayNumber).max()
        let from = previous.map { $0 + minGapDays } ?? calendar.firstDay
        let to = min(calendar.lastDay, previous.map { $0 + maxGapDays } ?? calendar.lastDay)
        let week = { (day: Int) in (day - calendar.firstDay + ScheduleCalendar.weekdayIndex(calendar.firstDay)) / 7 + 1 }
        let a = week(from), b = week(max(from, to))
        return a == b ? "week \(a)" : "weeks \(a)–\(b)"
    }
}

