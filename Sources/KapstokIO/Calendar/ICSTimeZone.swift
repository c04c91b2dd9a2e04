import Foundation
import Kapstok

/// The `VTIMEZONE` of a time zone (RFC 5545 §3.6.5), generated from Foundation's `TimeZone`
/// for the years a calendar covers.
///
/// The zone's offset changes are found with `nextDaylightSavingTimeTransition(after:)` in the
/// covered years and the year before (a January event falls under the previous autumn's
/// change). Three forms, the first that fits:
///
/// - **No change** (Asia/Kolkata, UTC): one `STANDARD` with the zone's offset.
/// - **One yearly rule** (Europe/Brussels, America/New_York, Australia/Sydney): one `DAYLIGHT`
///   and one `STANDARD`, each with `RRULE:FREQ=YEARLY;BYMONTH=m;BYDAY=nWD` ("nth weekday of the
///   month", or `-1` for the last; the last is preferred when both describe every change) at
///   the local time before the change, and `DTSTART` the rule's date in 1970 — the form Outlook
///   and Google write and understand. A rule is used only when, recomputed for every covered
///   year, it gives exactly the zone's transitions (instant, offsets) and nothing else.
/// - **Otherwise** (rules that change in the covered years, zones such as Asia/Jerusalem whose
///   change is "the Friday before the last Sunday", or changes that are not DST): one
///   sub-component per transition with just its `DTSTART` (no `RRULE`, no `RDATE` needed),
///   after a first one from 1970 with the offset before the first transition. Correct for the
///   covered years; outside them a client keeps the last offset.
///
/// `TZNAME` is written from the offset (`GMT+1`, `GMT-4`, `GMT+5:30`, `GMT`), Foundation's own
/// form on Linux, so the output does not depend on the locale's or ICU's abbreviations.
struct ICSTimeZone {
    struct Observance: Equatable {
        var isDaylight: Bool
        /// Local time (the offset before the change) of the onset.
        var start: LocalDateTime
        var startSeconds: Int
        var offsetFrom: Int
        var offsetTo: Int
        var rule: YearlyRule?
    }

    /// "The `ordinal`th `weekday` of `month`" (`ordinal` −1 is the last).
    struct YearlyRule: Equatable {
        var month: Int
        var weekday: Weekday
        var ordinal: Int

        func date(in year: Int) -> CalendarDate? {
            if ordinal == -1 {
                let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
                return last.adding(days: -((last.weekday.rawValue - weekday.rawValue + 7) % 7))
            }
            let first = CalendarDate(year: year, month: month, day: 1)
            let day = 1 + (weekday.rawValue - first.weekday.rawValue + 7) % 7 + 7 * (ordinal - 1)
            return day <= CalendarDate.daysIn(month: month, year: year) ? CalendarDate(year: year, month: month, day: day) : nil
        }

        var byDay: String {
            let codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
            return String(ordinal) + codes[weekday.rawValue - 1]
        }
    }

    let identifier: String
    let observances: [Observance]

    /// A transition: the UTC instant (seconds since 1970) and the offsets either side.
    struct Transition: Equatable {
        var instant: Int
        var offsetFrom: Int
        var offsetTo: Int
        var isDaylight: Bool

        /// The onset in the local time before the change: what `DTSTART` of an observance holds.
        var localOnset: (date: CalendarDate, seconds: Int) {
            let local = instant + offsetFrom
            let day = local >= 0 ? local / 86400 : (local - 86399) / 86400
            return (CalendarDate(dayNumber: day), local - day * 86400)
        }
    }

    init(zone: TimeZone, years: ClosedRange<Int>) {
        identifier = zone.identifier
        let firstYear = years.lowerBound - 1
        let transitions = Self.transitions(of: zone, years: firstYear...years.upperBound)
        if transitions.isEmpty {
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(CalendarDate(year: years.lowerBound, month: 1, day: 1).dayNumber) * 86400))
            observances = [Self.epochObservance(isDaylight: false, offset: offset)]
        } else if let yearly = Self.yearlyObservances(transitions, years: firstYear...years.upperBound) {
            observances = yearly
        } else {
            let first = transitions[0]
            let before = zone.isDaylightSavingTime(for: Date(timeIntervalSince1970: Double(first.instant - 1)))
            observances = [Self.epochObservance(isDaylight: before, offset: first.offsetFrom)]
                + transitions.map { transition in
                    let onset = transition.localOnset
                    return Observance(
                        isDaylight: transition.isDaylight, start: Self.localDateTime(onset.date, onset.seconds),
                        startSeconds: onset.seconds % 60, offsetFrom: transition.offsetFrom, offsetTo: transition.offsetTo,
                        rule: nil)
                }
        }
    }

    /// Every offset change whose local onset falls in `years` (changes of name or DST flag
    /// alone, which move no clock, are skipped).
    static func transitions(of zone: TimeZone, years: ClosedRange<Int>) -> [Transition] {
        let from = (CalendarDate(year: years.lowerBound, month: 1, day: 1).dayNumber - 2) * 86400
        let to = (CalendarDate(year: years.upperBound + 1, month: 1, day: 1).dayNumber + 2) * 86400
        var result: [Transition] = []
        var cursor = Date(timeIntervalSince1970: Double(from))
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next.timeIntervalSince1970 < Double(to) {
            let instant = Int(next.timeIntervalSince1970.rounded())
            let transition = Transition(
                instant: instant,
                offsetFrom: zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant - 1))),
                offsetTo: zone.secondsFromGMT(for: next), isDaylight: zone.isDaylightSavingTime(for: next))
            if transition.offsetFrom != transition.offsetTo, years.contains(transition.localOnset.date.year) {
                result.append(transition)
            }
            guard next > cursor else { break }
            cursor = next
        }
        return result
    }

    /// One `DAYLIGHT` and one `STANDARD` with yearly rules, when the transitions are exactly one
    /// of each per year, each described by one rule; `nil` otherwise.
    static func yearlyObservances(_ transitions: [Transition], years: ClosedRange<Int>) -> [Observance]? {
        var observances: [Observance] = []
        for isDaylight in [true, false] {
            let ofKind = transitions.filter { $0.isDaylight == isDaylight }
            guard let first = ofKind.first, ofKind.count == years.count else { return nil }
            let onset = first.localOnset
            let isLast = onset.date.day + 7 > CalendarDate.daysIn(month: onset.date.month, year: onset.date.year)
            let candidates = (isLast ? [-1] : []) + ((onset.date.day - 1) / 7 + 1 <= 4 ? [(onset.date.day - 1) / 7 + 1] : [])
            let rule = candidates.lazy
                .map { YearlyRule(month: onset.date.month, weekday: onset.date.weekday, ordinal: $0) }
                .first { rule in
                    zip(years, ofKind).allSatisfy { year, transition in
                        transition.localOnset.date == rule.date(in: year) && transition.localOnset.seconds == onset.seconds
                            && transition.offsetFrom == first.offsetFrom && transition.offsetTo == first.offsetTo
                    }
                }
            guard let rule, let epochDate = rule.date(in: 1970) else { return nil }
            observances.append(
                Observance(
                    isDaylight: isDaylight, start: localDateTime(epochDate, onset.seconds), startSeconds: onset.seconds % 60,
                    offsetFrom: first.offsetFrom, offsetTo: first.offsetTo, rule: rule))
        }
        // The two rules must hand over to each other: daylight starts from standard's offset.
        guard observances[0].offsetFrom == observances[1].offsetTo, observances[1].offsetFrom == observances[0].offsetTo else { return nil }
        // Standard first, as Outlook and Google write it.
        return observances.reversed()
    }

    static func epochObservance(isDaylight: Bool, offset: Int) -> Observance {
        Observance(
            isDaylight: isDaylight, start: LocalDateTime(date: CalendarDate(year: 1970, month: 1, day: 1), time: ClockTime(minutes: 0)),
            startSeconds: 0, offsetFrom: offset, offsetTo: offset, rule: nil)
    }

    static func localDateTime(_ date: CalendarDate, _ seconds: Int) -> LocalDateTime {
        LocalDateTime(date: date, time: ClockTime(minutes: seconds / 60))
    }

    /// Appends `BEGIN:VTIMEZONE` … `END:VTIMEZONE`.
    func write(to lines: inout ICSContentLines) {
        lines.append("BEGIN", "VTIMEZONE")
        lines.append("TZID", identifier)
        for observance in observances {
            let kind = observance.isDaylight ? "DAYLIGHT" : "STANDARD"
            lines.append("BEGIN", kind)
            lines.append("DTSTART", ICSFormat.local(observance.start, seconds: observance.startSeconds))
            lines.append("TZOFFSETFROM", ICSFormat.offset(observance.offsetFrom))
            lines.append("TZOFFSETTO", ICSFormat.offset(observance.offsetTo))
            lines.append("TZNAME", ICSFormat.offsetName(observance.offsetTo))
            if let rule = observance.rule {
                lines.append("RRULE", "FREQ=YEARLY;BYMONTH=\(rule.month);BYDAY=\(rule.byDay)")
            }
            lines.append("END", kind)
        }
        lines.append("END", "VTIMEZONE")
    }
}
