import Kapstok
import Testing

@Suite struct TrackingRelativeDateTests {
    /// Match 2027-01-31 (a month end, for the clamping), program 2027-02-01…2027-07-30.
    static let anchors = RelativeDate.Anchors(
        match: CalendarDate(year: 2027, month: 1, day: 31), programStart: CalendarDate(year: 2027, month: 2, day: 1),
        programEnd: CalendarDate(year: 2027, month: 7, day: 30))

    static func resolve(_ text: String) throws -> String {
        try RelativeDate.resolve(text, anchors: anchors).description
    }

    @Test(arguments: [
        ("2027-03-15", "2027-03-15"),
        // 01-31 + 28 days.
        ("4 weeks after the match", "2027-02-28"),
        ("4 WEEKS  After The Match", "2027-02-28"),
        // 07-30 − 14 days.
        ("2 weeks before the end", "2027-07-16"),
        // 02-01 + 10 days.
        ("10 days after the start", "2027-02-11"),
        ("1 day before the program start", "2027-01-31"),
        // Calendar months from 01-31: February has 28 days in 2027, April 30.
        ("1 month after the match", "2027-02-28"),
        ("3 months after the match", "2027-04-30"),
        ("12 months after the match", "2028-01-31"),
        ("2 months before the end", "2027-05-30"),
        ("0 days after the end", "2027-07-30"),
        ("the end", "2027-07-30"),
        ("match", "2027-01-31"),
        ("+4w", "2027-02-28"),
        ("+10d", "2027-02-10"),
        ("+1M", "2027-02-28"),
        ("+0d", "2027-01-31"),
    ])
    func everyForm(text: String, expected: String) throws {
        #expect(try Self.resolve(text) == expected)
    }

    @Test(arguments: [
        ("", "empty date; \(RelativeDate.expected)"),
        ("   ", "empty date; \(RelativeDate.expected)"),
        ("next week", "invalid date 'next week'; \(RelativeDate.expected)"),
        ("2027-3-15", "invalid date '2027-3-15'; \(RelativeDate.expected)"),
        ("2027-02-30", "'2027-02-30' is not a calendar date"),
        ("2100-01-01", "'2100-01-01' falls on 2100-01-01, outside 2000-01-01 to 2099-12-31"),
        ("four weeks after the match", "expected a whole number of days, weeks or months instead of 'four' in 'four weeks after the match'"),
        ("-4 weeks after the match", "expected a whole number of days, weeks or months instead of '-4' in '-4 weeks after the match'"),
        ("4 fortnights after the match", "unknown unit 'fortnights' in '4 fortnights after the match'; expected days, weeks or months"),
        ("4 weeks since the match", "expected 'after' or 'before' instead of 'since' in '4 weeks since the match'"),
        ("4 weeks after the kickoff", "unknown anchor 'the kickoff' in '4 weeks after the kickoff'; expected the match, the start or the end"),
        ("10000 days after the match", "'10000' in '10000 days after the match' is too large; at most 9999"),
        ("9999 weeks after the end", "'9999 weeks after the end' falls on 2219-03-19, outside 2000-01-01 to 2099-12-31"),
        ("+4", "invalid date '+4'; \(RelativeDate.expected)"),
        ("+4y", "invalid date '+4y'; \(RelativeDate.expected)"),
        ("+w", "expected a whole number of days, weeks or months instead of '' in '+w'"),
        ("-4w", "invalid date '-4w'; \(RelativeDate.expected)"),
    ])
    func errors(text: String, message: String) {
        do {
            let date = try RelativeDate.resolve(text, anchors: Self.anchors)
            Issue.record("'\(text)' resolved to \(date)")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func parsedFormsAndTheirWords() throws {
        #expect(try RelativeDate.parse("2 weeks before the end") == .offset(amount: -2, unit: .weeks, anchor: .end))
        #expect(try RelativeDate.parse("+3m") == .offset(amount: 3, unit: .months, anchor: .match))
        #expect(try RelativeDate.parse("2027-03-15") == .absolute(CalendarDate(year: 2027, month: 3, day: 15)))
        #expect(RelativeDate.offset(amount: -2, unit: .weeks, anchor: .end).description == "2 weeks before the end")
        #expect(RelativeDate.offset(amount: 1, unit: .months, anchor: .match).description == "1 month after the match")
        #expect(RelativeDate.offset(amount: 0, unit: .days, anchor: .start).description == "the start")
    }

    /// Month arithmetic: clamped to the month's end, across years both ways, leap years.
    @Test func calendarMonths() {
        let jan31 = CalendarDate(year: 2028, month: 1, day: 31)
        #expect(jan31.adding(months: 1) == CalendarDate(year: 2028, month: 2, day: 29))
        #expect(jan31.adding(months: -2) == CalendarDate(year: 2027, month: 11, day: 30))
        #expect(jan31.adding(months: -13) == CalendarDate(year: 2026, month: 12, day: 31))
        #expect(jan31.adding(months: 23) == CalendarDate(year: 2029, month: 12, day: 31))
        #expect(jan31.adding(months: 0) == jan31)
    }
}
