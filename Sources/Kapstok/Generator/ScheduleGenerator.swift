/// Generates realistic scheduling inputs, deterministically from a seed.
///
/// The input looks like the result of a pairing round in an office company: each mentor has a
/// few mentees (by default 1–3), mentors are `M00001`, `M00002`, … and mentees `E00001`, … (at
/// least five digits, more when the count needs them), and the pairs are listed mentor by
/// mentor. About half the people (``ownWindowsPerMille``) have their own weekly windows on 2–4
/// weekdays (Monday to Friday): mornings only, afternoons only, split days (a morning and an
/// afternoon row), two overlapping rows, or a long day; the others have no rows and are
/// available in the program's working hours. About a third of the people
/// (``absencePerMille``) are absent once, a few of them twice: a holiday of 5–16 days starting
/// on any day, or a training of 2–5 days starting on a Monday, always inside the program.
///
/// All randomness comes from ``SplitMix64`` through its fixed helpers and no dictionary or set
/// is iterated, so equal arguments give equal inputs on every platform. Pairs, windows and
/// absences each draw from their own stream.
///
/// ```swift
/// let input = ScheduleGenerator(pairs: 1_000, seed: 7, program: ProgramCalendar(Configuration.Program())).makeInput()
/// ```
///
/// - Complexity: O(pairs).
public struct ScheduleGenerator: Sendable, Hashable {
    /// The number of pairs of generated inputs.
    public let pairCount: Int
    /// How many mentees each mentor gets (the last mentor may get fewer).
    public let menteesPerMentor: ClosedRange<Int>
    /// The seed that determines everything else.
    public let seed: UInt64
    /// The program of the generated input; absences fall inside its dates.
    public let program: ProgramCalendar

    /// Per mille of people with their own availability rows.
    public static let ownWindowsPerMille = 500
    /// Per mille of people with at least one absence.
    public static let absencePerMille = 300
    /// Per mille of absent people with a second absence.
    public static let secondAbsencePerMille = 150

    /// Creates a generator.
    ///
    /// - Parameters:
    ///   - pairs: The number of pairs (≥ 0); every mentee has one mentor.
    ///   - menteesPerMentor: Mentees per mentor, drawn uniformly from this range.
    ///   - seed: Any value; equal seeds give equal inputs.
    ///   - program: The program's rules.
    /// - Precondition: `pairs >= 0`, `menteesPerMentor.lowerBound >= 1`, `program.start <= program.end`.
    public init(pairs: Int, menteesPerMentor: ClosedRange<Int> = 1...3, seed: UInt64, program: ProgramCalendar) {
        precondition(pairs >= 0, "the number of pairs must not be negative")
        precondition(menteesPerMentor.lowerBound >= 1, "every mentor needs at least one mentee")
        precondition(program.start <= program.end, "the program must not end before it starts")
        self.pairCount = pairs
        self.menteesPerMentor = menteesPerMentor
        self.seed = seed
        self.program = program
    }

    /// Generates the input: pairs (mentor by mentor), availability rows (mentors, then mentees,
    /// each person's rows by weekday and start) and absences (in the same order of people), with
    /// a wall clock without clock changes.
    public func makeInput() -> ScheduleInput {
        var root = SplitMix64(seed: seed)
        var pairRandom = SplitMix64(seed: root.next())
        var windowRandom = SplitMix64(seed: root.next())
        var absenceRandom = SplitMix64(seed: root.next())

        var groups: [Int] = []
        var assigned = 0
        while assigned < pairCount {
            let size = min(pairCount - assigned, pairRandom.uniform(in: menteesPerMentor))
            groups.append(size)
            assigned += size
        }
        let mentorIDs = (0 ..< groups.count).map { Self.identifier(prefix: "M", index: $0 + 1, count: groups.count) }
        var pairs: [SchedulePair] = []
        pairs.reserveCapacity(pairCount)
        var mentee = 0
        for (mentor, size) in groups.enumerated() {
            for _ in 0 ..< size {
                mentee += 1
                pairs.append(
                    SchedulePair(menteeID: Self.identifier(prefix: "E", index: mentee, count: pairCount), mentorID: mentorIDs[mentor]))
            }
        }
        let people = mentorIDs + pairs.map(\.menteeID)

        var availability: [AvailabilityWindow] = []
        var absences: [Absence] = []
        for person in people {
            if windowRandom.chance(perMille: Self.ownWindowsPerMille) {
                availability += Self.windows(of: person, random: &windowRandom)
            }
            if absenceRandom.chance(perMille: Self.absencePerMille) {
                var own = [absence(of: person, random: &absenceRandom)]
                if absenceRandom.chance(perMille: Self.secondAbsencePerMille) {
                    own.append(absence(of: person, random: &absenceRandom))
                }
                absences += own.sorted { $0.from < $1.from }
            }
        }
        return ScheduleInput(program: program, pairs: pairs, availability: availability, absences: absences)
    }

    /// `prefix` and `index` (1-based) in at least five digits, as many as `count` has.
    static func identifier(prefix: String, index: Int, count: Int) -> String {
        let width = max(5, String(count).count)
        let digits = String(index)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The day patterns of people with own windows, as `(start, end)` rows in minutes, and
    /// their weights: morning, afternoon, split day, two overlapping rows, long day.
    static let dayPatterns: [(weight: Int, rows: [[(Int, Int)]])] = [
        (3, [[(480, 720)], [(510, 720)], [(540, 750)], [(540, 720)]]),
        (3, [[(780, 1020)], [(810, 990)], [(780, 960)], [(810, 1050)]]),
        (2, [[(510, 690), (810, 990)], [(540, 720), (840, 1020)], [(480, 660), (780, 960)]]),
        (1, [[(540, 780), (720, 930)], [(480, 600), (570, 750)]]),
        (1, [[(510, 1020)], [(480, 960)]]),
    ]

    /// Rows on 2–4 distinct weekdays, Monday to Friday.
    static func windows(of person: String, random: inout SplitMix64) -> [AvailabilityWindow] {
        let days = random.distinctIndices(random.uniform(in: 2 ... 4), below: 5).sorted()
        let weights = dayPatterns.map(\.weight)
        var rows: [AvailabilityWindow] = []
        for day in days {
            let choices = dayPatterns[random.weightedIndex(weights)].rows
            let pattern = choices[random.uniform(below: choices.count)]
            for (start, end) in pattern {
                rows.append(
                    AvailabilityWindow(
                        personID: person, weekday: Weekday.allCases[day],
                        window: TimeWindow(start: ClockTime(minutes: start), end: ClockTime(minutes: end))))
            }
        }
        return rows
    }

    /// A holiday (5–16 days, any start) or a training (2–5 days from a Monday), inside the program.
    func absence(of person: String, random: inout SplitMix64) -> Absence {
        let first = program.start.dayNumber
        let last = program.end.dayNumber
        let isTraining = random.chance(perMille: 350)
        let length = min(last - first + 1, isTraining ? random.uniform(in: 2 ... 5) : random.uniform(in: 5 ... 16))
        var from = random.uniform(in: first ... (last - length + 1))
        if isTraining {
            let monday = CalendarDate(dayNumber: from).weekStart
            from = monday >= first ? monday : monday + 7
            if from + length - 1 > last { from = last - length + 1 }
        }
        return Absence(
            personID: person, from: CalendarDate(dayNumber: from), to: CalendarDate(dayNumber: from + length - 1),
            reason: isTraining ? "training" : "holiday")
    }
}
