/// Generates realistic synthetic pairing rounds, deterministically from a seed.
///
/// The rounds look like an HR export of a mid-sized Benelux company: departments with their own
/// strengths (Finance mentors know finance, HR mentors coach), sites whose language mix follows
/// the country (Flemish sites Dutch and English, Walloon sites French and English, Brussels all
/// three, Paris mostly French, Amsterdam Dutch and English; a few people list a single language),
/// senior mentors (grades 12–16) and mentees in grades 8–12, a management hierarchy rooted at the
/// CEO in which mentors report to mentors and many mentees report to a mentor (or to a mentee who
/// does), mentor capacities of 1–3 (mostly 2, so total capacity is scarcer than demand at the
/// usual 10:3 ratio), a history of earlier pairs for about 10 % of mentees and `forbid`/`require`
/// rules for about 1 %. Every hard rule of the default configuration therefore excludes some
/// pairs, which is what makes a generated round a useful benchmark for the pairing optimiser.
///
/// The output depends only on the seed and the two sizes — the same on every platform — because
/// all randomness comes from ``SplitMix64`` through its fixed helpers, no floating-point value is
/// computed or formatted, and no dictionary or set is iterated. Mentors are generated from their
/// own random stream, so two rounds with the same seed and mentor count share their mentors
/// whatever the mentee count.
///
/// Generated rules are consistent with the default ``Configuration``: every `require` pins a pair
/// that the hard rules allow (not in the mentee's manager chain, grade gap respected, a shared
/// language, not a repeat from history), a mentee has at most one `require`, a mentor is required
/// at most `capacity` times, and no pair is both forbidden and required.
///
/// ```swift
/// let round = RoundGenerator(mentees: 1_000, mentors: 300, seed: 42).makeRound()
/// ```
///
/// - Complexity: O(mentees + mentors), plus O(mentors) per generated rule; 10,000 × 3,000 takes
///   a small fraction of a second in a release build.
public struct RoundGenerator: Sendable, Hashable {
    /// The number of mentees in generated rounds.
    public let menteeCount: Int
    /// The number of mentors in generated rounds.
    public let mentorCount: Int
    /// The seed that determines everything else.
    public let seed: UInt64

    /// Creates a generator for rounds of the given size.
    ///
    /// - Parameters:
    ///   - mentees: The number of mentees (≥ 0). Identifiers are `E` followed by at least three
    ///     digits, as many as `mentees` has (`E00001` … `E10000`).
    ///   - mentors: The number of mentors (≥ 0). Identifiers are `M` and at least three digits,
    ///     as many as `mentors` has (`M0001` … `M3000`).
    ///   - seed: Any value; equal seeds give equal rounds.
    /// - Precondition: `mentees >= 0`, `mentors >= 0`.
    public init(mentees: Int, mentors: Int, seed: UInt64) {
        precondition(mentees >= 0, "the number of mentees must not be negative")
        precondition(mentors >= 0, "the number of mentors must not be negative")
        self.menteeCount = mentees
        self.mentorCount = mentors
        self.seed = seed
    }

    /// Generates the round: ``Framework/builtIn``, the default ``Configuration``, the mentors
    /// (ordered by identifier), the mentees (ordered by identifier), the rules and the history.
    public func makeRound() -> Round {
        var root = SplitMix64(seed: seed)
        var mentorRandom = SplitMix64(seed: root.next())
        var menteeRandom = SplitMix64(seed: root.next())
        var historyRandom = SplitMix64(seed: root.next())
        var ruleRandom = SplitMix64(seed: root.next())

        let configuration = Configuration()
        var builder = Builder(
            framework: .builtIn, configuration: configuration,
            departmentCount: Self.activeDepartmentCount(mentors: mentorCount))
        builder.makeMentors(count: mentorCount, random: &mentorRandom)
        builder.makeMentees(count: menteeCount, random: &menteeRandom)
        builder.makeHistory(random: &historyRandom)
        builder.makeRules(random: &ruleRandom)
        return builder.round(random: &mentorRandom)
    }

    /// How many of the catalogue's departments a round with this many mentors uses: about one per
    /// four mentors, at least three, at most all of them.
    static func activeDepartmentCount(mentors: Int) -> Int {
        min(departments.count, max(3, mentors / 4))
    }

    /// `prefix` followed by `index` (1-based) in at least three digits, as many as `count` has.
    static func identifier(prefix: String, index: Int, count: Int) -> String {
        let width = max(3, String(count).count)
        let digits = String(index)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

// MARK: - Builder

extension RoundGenerator {
    /// A reference to a person while the round is being built.
    enum PersonReference: Equatable {
        /// A mentor by generation index (hierarchy order: the CEO first, managers before reports).
        case mentor(Int)
        /// A mentee by index.
        case mentee(Int)
    }

    /// A mentor before identifiers are assigned.
    struct DraftMentor {
        /// Index into ``RoundGenerator/departments``, or `nil` for the CEO.
        var department: Int?
        var grade: Int
        var site: Int
        var languages: [String]
        var capacity: Double?
        /// Generation index of the manager; always smaller than this mentor's own index.
        var manager: Int?
        var firstName: String
        var lastName: String
        var email: String
        var levels: [Int]
        var expertise: [Int]
    }

    /// A mentee before conversion.
    struct DraftMentee {
        var department: Int
        var grade: Int?
        var site: Int
        var languages: [String]
        var manager: PersonReference?
        var firstName: String
        var lastName: String
        var email: String
        var levels: [Int]
        var targets: [Int?]
        var interest: [Int]
    }

    /// Builds one round step by step; each step draws from its own random stream.
    struct Builder {
        let framework: Framework
        let configuration: Configuration
        let departmentCount: Int
        /// Per department: indices of the competencies its people are strong in.
        let strongCompetencies: [[Int]]
        /// Per department: indices of the domains its people know and like.
        let strongDomains: [[Int]]
        /// Indices of the `leader` competencies, which seniority strengthens.
        let leaderCompetencies: [Int]

        var mentors: [DraftMentor] = []
        var mentees: [DraftMentee] = []
        /// Per department, per grade 12…15: generation indices of its mentors.
        var mentorsByDepartmentAndGrade: [[[Int]]] = []
        var history: [(mentee: Int, mentor: Int, round: Int)] = []
        /// Per mentee: mentors of earlier rounds.
        var historyMentors: [[Int]] = []
        var rules: [(mentee: Int, mentor: Int, kind: PairRule.Kind, reason: String)] = []
        /// Per mentee: mentors it must not be paired with (forbid rules).
        var forbiddenMentors: [[Int]] = []
        /// Used e-mail local parts and how often each was handed out.
        var emailUses: [String: Int] = [:]

        static let lowestMentorGrade = 12
        static let headGrade = 15
        static let ceoGrade = 16

        init(framework: Framework, configuration: Configuration, departmentCount: Int) {
            self.framework = framework
            self.configuration = configuration
            self.departmentCount = departmentCount
            let competencyIDs = framework.competencies.map(\.id)
            let domainIDs = framework.domains.map(\.id)
            let active = RoundGenerator.departments.prefix(departmentCount)
            self.strongCompetencies = active.map { department in
                department.competencies.compactMap { competencyIDs.firstIndex(of: $0) }
            }
            self.strongDomains = active.map { department in
                department.domains.compactMap { domainIDs.firstIndex(of: $0) }
            }
            self.leaderCompetencies = framework.competencies.indices.filter {
                framework.competencies[$0].group == "leader"
            }
            self.mentorsByDepartmentAndGrade = Array(
                repeating: Array(repeating: [], count: Self.headGrade - Self.lowestMentorGrade + 1),
                count: departmentCount)
        }

        // MARK: People

        /// The CEO, one head per department (grade 15, at headquarters, reporting to the CEO), then
        /// the other mentors (grades 12–14), each reporting to a mentor of the next grade up in
        /// their department.
        mutating func makeMentors(count: Int, random: inout SplitMix64) {
            guard count > 0 else { return }
            mentors.reserveCapacity(count)
            appendMentor(department: nil, grade: Self.ceoGrade, site: headquarters, manager: nil, random: &random)
            let headCount = min(departmentCount, count - 1)
            for department in 0 ..< headCount {
                appendMentor(
                    department: department, grade: Self.headGrade, site: headquarters, manager: 0,
                    random: &random)
            }
            let departmentWeights = RoundGenerator.departments.prefix(departmentCount).map(\.weight)
            var others: [(department: Int, grade: Int)] = []
            others.reserveCapacity(count - 1 - headCount)
            for _ in 0 ..< (count - 1 - headCount) {
                let department = random.weightedIndex(departmentWeights)
                let grade = [14, 13, 12][random.weightedIndex([25, 35, 40])]
                others.append((department, grade))
            }
            // Senior first, so that every manager exists before their reports (stable order).
            let ordered = others.indices.sorted { left, right in
                others[left].grade != others[right].grade
                    ? others[left].grade > others[right].grade : left < right
            }
            for index in ordered {
                let (department, grade) = others[index]
                let manager = pickManager(department: department, above: grade, random: &random) ?? 0
                let site = random.weightedIndex(RoundGenerator.sites.map(\.weight))
                appendMentor(department: department, grade: grade, site: site, manager: manager, random: &random)
            }
        }

        /// A mentor of `department` whose grade is the lowest one above `grade` (trying
        /// `preferred` steps up first), or `nil` when the department has none above it.
        func pickManager(
            department: Int, above grade: Int, preferredSteps: Int = 1, random: inout SplitMix64
        ) -> Int? {
            let lists = mentorsByDepartmentAndGrade[department]
            let start = max(Self.lowestMentorGrade, grade + preferredSteps)
            for candidateGrade in start ... Self.headGrade {
                if let manager = random.element(of: lists[candidateGrade - Self.lowestMentorGrade]) {
                    return manager
                }
            }
            // The preferred grade and above are empty: any grade above `grade`.
            if start > grade + 1 {
                for candidateGrade in max(Self.lowestMentorGrade, grade + 1) ..< start {
                    if let manager = random.element(of: lists[candidateGrade - Self.lowestMentorGrade]) {
                        return manager
                    }
                }
            }
            return nil
        }

        mutating func appendMentor(
            department: Int?, grade: Int, site: Int, manager: Int?, random: inout SplitMix64
        ) {
            var languages = pickLanguages(site: site, random: &random)
            if !languages.isEmpty, !languages.contains("en"), random.chance(perMille: 400) {
                languages.append("en")
            }
            let (firstName, lastName) = pickName(site: site, random: &random)
            let email = makeEmail(firstName: firstName, lastName: lastName)
            let capacity: Double?
            if department == nil {
                capacity = 1
            } else if grade >= Self.headGrade {
                capacity = random.chance(perMille: 500) ? 1 : 2
            } else {
                capacity = [1, 2, 3, nil][random.weightedIndex([20, 62, 15, 3])]
            }

            // Competency levels: mostly 3–5, stronger where the department is strong and for
            // the most senior; two personal strengths and one personal weakness.
            let competencyCount = framework.competencies.count
            var levels = (0 ..< competencyCount).map { _ in 2 + random.weightedIndex([10, 35, 40, 15]) }
            if let department {
                for index in strongCompetencies[department] where random.chance(perMille: 700) {
                    levels[index] += 1
                }
            }
            if grade >= Self.headGrade {
                for index in leaderCompetencies where random.chance(perMille: 500) { levels[index] += 1 }
            }
            if competencyCount > 0 {
                for _ in 0 ..< 2 { levels[random.uniform(below: competencyCount)] += 1 }
                levels[random.uniform(below: competencyCount)] -= 1
            }
            levels = levels.map { min(5, max(1, $0)) }

            // Domain expertise: modest in general, 4–5 in the department's own domains, plus one
            // personal field of experience.
            let domainCount = framework.domains.count
            var expertise = (0 ..< domainCount).map { _ in random.weightedIndex([5, 20, 35, 30, 10]) }
            if let department {
                for index in strongDomains[department] { expertise[index] = 4 + random.uniform(below: 2) }
            } else {
                expertise = expertise.map { $0 + 1 }
            }
            if domainCount > 0 { expertise[random.uniform(below: domainCount)] += 2 }
            expertise = expertise.map { min(5, $0) }

            let index = mentors.count
            mentors.append(
                DraftMentor(
                    department: department, grade: grade, site: site, languages: languages,
                    capacity: capacity, manager: manager, firstName: firstName, lastName: lastName,
                    email: email, levels: levels, expertise: expertise))
            if let department, grade >= Self.lowestMentorGrade, grade <= Self.headGrade {
                mentorsByDepartmentAndGrade[department][grade - Self.lowestMentorGrade].append(index)
            }
        }

        /// Mentees in grades 8–12; about half report to a mentor of their department, one in eight
        /// to a more senior mentee (a team lead in the program), the others to someone outside it.
        mutating func makeMentees(count: Int, random: inout SplitMix64) {
            guard count > 0 else { return }
            enum ManagerKind { case mentor, mentee, outside }
            let departmentWeights = RoundGenerator.departments.prefix(departmentCount).map(\.weight)
            let siteWeights = RoundGenerator.sites.map(\.weight)
            var kinds: [ManagerKind] = []
            kinds.reserveCapacity(count)
            mentees.reserveCapacity(count)
            for _ in 0 ..< count {
                let department = random.weightedIndex(departmentWeights)
                let grade: Int? = random.chance(perMille: 5) ? nil : 8 + random.weightedIndex([10, 20, 30, 25, 15])
                let site = random.weightedIndex(siteWeights)
                let languages = pickLanguages(site: site, random: &random)
                let (firstName, lastName) = pickName(site: site, random: &random)
                let email = makeEmail(firstName: firstName, lastName: lastName)
                let kind: ManagerKind
                switch random.weightedIndex([50, 12, 38]) {
                case 0: kind = mentors.isEmpty ? .outside : .mentor
                case 1: kind = .mentee
                default: kind = .outside
                }
                kinds.append(kind)

                // Current levels mostly 1–3, a little higher where the department is strong; one
                // personal strength and one weakness.
                let competencyCount = framework.competencies.count
                var levels = (0 ..< competencyCount).map { _ in random.weightedIndex([2, 25, 45, 28]) }
                for index in strongCompetencies[department] where random.chance(perMille: 400) {
                    levels[index] += 1
                }
                if competencyCount > 0 {
                    levels[random.uniform(below: competencyCount)] += 1
                    levels[random.uniform(below: competencyCount)] -= 1
                }
                levels = levels.map { min(4, max(0, $0)) }

                // Targets: most mentees leave them to the configuration's default; some set a few
                // explicitly, and a few fill in every one.
                var targets = [Int?](repeating: nil, count: competencyCount)
                let targetStyle = random.weightedIndex([72, 23, 5])
                if targetStyle > 0, competencyCount > 0 {
                    let explicit = targetStyle == 2
                        ? Array(0 ..< competencyCount)
                        : random.distinctIndices(min(competencyCount, 2 + random.uniform(below: 4)), below: competencyCount)
                    for index in explicit { targets[index] = 3 + random.weightedIndex([20, 35, 45]) }
                }

                // Interest: low in general, two favourite domains (often one of the department's).
                let domainCount = framework.domains.count
                var interest = (0 ..< domainCount).map { _ in random.weightedIndex([30, 35, 25, 10]) }
                if domainCount > 0 {
                    var favourites = random.distinctIndices(min(2, domainCount), below: domainCount)
                    if !favourites.isEmpty, random.chance(perMille: 500),
                        let own = random.element(of: strongDomains[department]), !favourites.contains(own)
                    {
                        favourites[0] = own
                    }
                    for index in favourites { interest[index] = 4 + random.uniform(below: 2) }
                }

                mentees.append(
                    DraftMentee(
                        department: department, grade: grade, site: site, languages: languages, manager: nil,
                        firstName: firstName, lastName: lastName, email: email, levels: levels,
                        targets: targets, interest: interest))
            }

            // Managers. Team leads are mentees (grade ≥ 10) who do not report to another mentee,
            // which keeps every chain finite.
            var teamLeads = Array(repeating: [Int](), count: departmentCount)
            for (index, mentee) in mentees.enumerated() where kinds[index] != .mentee {
                if let grade = mentee.grade, grade >= 10 { teamLeads[mentee.department].append(index) }
            }
            for index in mentees.indices {
                var kind = kinds[index]
                let grade = mentees[index].grade
                if kind == .mentee {
                    var lead: Int?
                    for _ in 0 ..< 8 {
                        guard let candidate = random.element(of: teamLeads[mentees[index].department]) else { break }
                        if let leadGrade = mentees[candidate].grade, leadGrade > (grade ?? 12) {
                            lead = candidate
                            break
                        }
                    }
                    if let lead {
                        mentees[index].manager = .mentee(lead)
                        continue
                    }
                    kind = mentors.isEmpty ? .outside : .mentor
                }
                if kind == .mentor {
                    let manager = pickManager(
                        department: mentees[index].department, above: grade ?? 11,
                        preferredSteps: 1 + random.uniform(below: 2), random: &random) ?? 0
                    mentees[index].manager = .mentor(manager)
                }
            }
        }

        func pickLanguages(site: Int, random: inout SplitMix64) -> [String] {
            let mixes = RoundGenerator.sites[site].languageMixes
            return mixes[random.weightedIndex(mixes.map(\.weight))].languages
        }

        func pickName(site: Int, random: inout SplitMix64) -> (first: String, last: String) {
            let culture = random.weightedIndex(RoundGenerator.sites[site].nameCultures)
            // A few people carry a first name from one culture and a last name from another.
            let lastCulture = random.chance(perMille: 150) ? random.uniform(below: 3) : culture
            let first = RoundGenerator.firstNames[culture]
            let last = RoundGenerator.lastNames[lastCulture]
            return (first[random.uniform(below: first.count)], last[random.uniform(below: last.count)])
        }

        /// `first.last@company.example`, with a number after the last name from the second person
        /// of that name on (`jan.peeters2@…`).
        mutating func makeEmail(firstName: String, lastName: String) -> String {
            let local = RoundGenerator.emailPart(firstName) + "." + RoundGenerator.emailPart(lastName)
            let uses = (emailUses[local] ?? 0) + 1
            emailUses[local] = uses
            return (uses == 1 ? local : local + String(uses)) + "@" + RoundGenerator.emailDomain
        }

        // MARK: Hard rules

        /// Whether `mentor` is `mentee`'s manager or anyone above them.
        func isInManagerChain(mentor: Int, mentee: Int) -> Bool {
            var current = mentees[mentee].manager
            var steps = 0
            while let reference = current, steps <= mentors.count + mentees.count {
                steps += 1
                switch reference {
                case .mentor(let index):
                    if index == mentor { return true }
                    current = mentors[index].manager.map { .mentor($0) }
                case .mentee(let index):
                    current = mentees[index].manager
                }
            }
            return false
        }

        /// Whether the default configuration's hard rules, the history and the forbid rules so far
        /// allow the pair.
        func isAllowed(mentee: Int, mentor: Int) -> Bool {
            let hardRules = configuration.rules
            if let gap = hardRules.minGradeGap, let menteeGrade = mentees[mentee].grade,
                mentors[mentor].grade < menteeGrade + gap
            {
                return false
            }
            if hardRules.sharedLanguage, !mentees[mentee].languages.isEmpty, !mentors[mentor].languages.isEmpty,
                !mentees[mentee].languages.contains(where: mentors[mentor].languages.contains)
            {
                return false
            }
            if hardRules.avoidRepeat, historyMentors[mentee].contains(mentor) { return false }
            if forbiddenMentors[mentee].contains(mentor) { return false }
            if hardRules.managerChain, isInManagerChain(mentor: mentor, mentee: mentee) { return false }
            return true
        }

        // MARK: History and rules

        /// About 10 % of mentees had a mentor before (2 % of them twice), usually one that suited
        /// them then: senior enough and speaking a common language.
        mutating func makeHistory(random: inout SplitMix64) {
            historyMentors = Array(repeating: [], count: mentees.count)
            forbiddenMentors = Array(repeating: [], count: mentees.count)
            guard !mentors.isEmpty else { return }
            let latest = RoundGenerator.historyRounds.count - 1
            for mentee in mentees.indices where random.chance(perMille: 100) {
                let pairs = random.chance(perMille: 200) ? 2 : 1
                for pair in 0 ..< pairs {
                    var chosen: Int?
                    for _ in 0 ..< 20 {
                        let candidate = random.uniform(below: mentors.count)
                        if historyMentors[mentee].contains(candidate) { continue }
                        let gradeOK = (mentees[mentee].grade ?? 0) < mentors[candidate].grade
                        let shared = mentees[mentee].languages.isEmpty || mentors[candidate].languages.isEmpty
                            || mentees[mentee].languages.contains(where: mentors[candidate].languages.contains)
                        if gradeOK, shared {
                            chosen = candidate
                            break
                        }
                    }
                    guard let mentor = chosen else { continue }
                    let round = pair == 0 ? latest - random.uniform(below: 2) : max(0, latest - 2)
                    historyMentors[mentee].append(mentor)
                    history.append((mentee, mentor, round))
                }
            }
        }

        /// About 0.7 % of mentees get a `forbid` and 0.3 % a `require` (rounds of 20 mentees and
        /// more get at least one of each), each on a different mentee.
        ///
        /// - Precondition: ``makeHistory(random:)`` has run.
        mutating func makeRules(random: inout SplitMix64) {
            precondition(historyMentors.count == mentees.count, "make the history before the rules")
            guard !mentors.isEmpty, mentees.count >= 20 else { return }
            let requireCount = max(1, mentees.count * 3 / 1000)
            let forbidCount = max(1, mentees.count * 7 / 1000)
            let candidates = random.distinctIndices(
                min(mentees.count, 4 * requireCount + forbidCount), below: mentees.count)
            let defaultCapacity = configuration.pairing.defaultCapacity
            var required = Array(repeating: 0, count: mentors.count)
            var next = 0

            var requires = 0
            while requires < requireCount, next < candidates.count - forbidCount {
                let mentee = candidates[next]
                next += 1
                let mentor = scanMentors(for: mentee, random: &random) { builder, mentor in
                    Double(required[mentor]) + 1 <= (builder.mentors[mentor].capacity ?? defaultCapacity)
                }
                guard let mentor else { continue }
                required[mentor] += 1
                requires += 1
                let reason = RoundGenerator.requireReasons[random.uniform(below: RoundGenerator.requireReasons.count)]
                rules.append((mentee, mentor, .require, reason))
            }

            for mentee in candidates[next...].prefix(forbidCount) {
                let mentor = scanMentors(for: mentee, random: &random) { _, _ in true }
                    ?? random.uniform(below: mentors.count)
                forbiddenMentors[mentee].append(mentor)
                let reason = RoundGenerator.forbidReasons[random.uniform(below: RoundGenerator.forbidReasons.count)]
                rules.append((mentee, mentor, .forbid, reason))
            }
            rules.sort { ($0.mentee, $0.mentor) < ($1.mentee, $1.mentor) }
        }

        /// The first mentor, from a random starting point, that the hard rules allow for `mentee`
        /// and that passes `accept`; mentors of the mentee's own department are tried first.
        func scanMentors(
            for mentee: Int, random: inout SplitMix64, accept: (Builder, Int) -> Bool
        ) -> Int? {
            let offset = random.uniform(below: mentors.count)
            for sameDepartment in [true, false] {
                for step in 0 ..< mentors.count {
                    let mentor = (offset + step) % mentors.count
                    if sameDepartment, mentors[mentor].department != mentees[mentee].department { continue }
                    if isAllowed(mentee: mentee, mentor: mentor), accept(self, mentor) { return mentor }
                }
            }
            return nil
        }

        // MARK: Output

        /// The finished round. Mentors are shuffled (`random`) before identifiers are assigned, so
        /// identifier order says nothing about the hierarchy.
        func round(random: inout SplitMix64) -> Round {
            var order = Array(mentors.indices)
            random.shuffle(&order)
            var position = Array(repeating: 0, count: mentors.count)
            for (place, index) in order.enumerated() { position[index] = place }
            let mentorIDs = mentors.indices.map {
                RoundGenerator.identifier(prefix: "M", index: position[$0] + 1, count: mentors.count)
            }
            let menteeIDs = mentees.indices.map {
                RoundGenerator.identifier(prefix: "E", index: $0 + 1, count: mentees.count)
            }
            func departmentName(_ index: Int?) -> String {
                index.map { RoundGenerator.departments[$0].name } ?? RoundGenerator.executiveDepartment
            }

            let outputMentors = order.map { index in
                let mentor = mentors[index]
                return Mentor(
                    id: mentorIDs[index], name: mentor.firstName + " " + mentor.lastName, email: mentor.email,
                    department: departmentName(mentor.department), grade: mentor.grade,
                    location: RoundGenerator.sites[mentor.site].name, languages: mentor.languages,
                    capacity: mentor.capacity, managerID: mentor.manager.map { mentorIDs[$0] },
                    competencyLevels: mentor.levels, domainExpertise: mentor.expertise)
            }
            let outputMentees = mentees.indices.map { index in
                let mentee = mentees[index]
                let managerID: String? = switch mentee.manager {
                case .mentor(let manager): mentorIDs[manager]
                case .mentee(let manager): menteeIDs[manager]
                case nil: nil
                }
                return Mentee(
                    id: menteeIDs[index], name: mentee.firstName + " " + mentee.lastName, email: mentee.email,
                    department: departmentName(mentee.department), grade: mentee.grade,
                    location: RoundGenerator.sites[mentee.site].name, languages: mentee.languages,
                    managerID: managerID, currentLevels: mentee.levels, targetLevels: mentee.targets,
                    domainInterest: mentee.interest)
            }
            let outputRules = rules.map {
                PairRule(menteeID: menteeIDs[$0.mentee], mentorID: mentorIDs[$0.mentor], kind: $0.kind, reason: $0.reason)
            }
            let outputHistory = history.sorted { ($0.mentee, $0.round) < ($1.mentee, $1.round) }.map {
                HistoryEntry(
                    menteeID: menteeIDs[$0.mentee], mentorID: mentorIDs[$0.mentor],
                    round: RoundGenerator.historyRounds[$0.round])
            }
            return Round(
                framework: framework, mentors: outputMentors, mentees: outputMentees, rules: outputRules,
                history: outputHistory, configuration: configuration)
        }
    }
}
