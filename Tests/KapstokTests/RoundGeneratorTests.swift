import Testing

@testable import Kapstok

@Suite("RoundGenerator")
struct RoundGeneratorTests {
    static let sizes: [(mentees: Int, mentors: Int)] = [(0, 0), (0, 3), (5, 0), (1, 1), (19, 2), (20, 1), (100, 40), (1_000, 300)]

    // MARK: SplitMix64

    @Test func splitMix64MatchesTheReferenceImplementation() {
        // Vigna's splitmix64.c, seeds 0 and 1234567.
        var zero = SplitMix64(seed: 0)
        #expect([zero.next(), zero.next(), zero.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
        var other = SplitMix64(seed: 1_234_567)
        #expect([other.next(), other.next(), other.next()] == [0x599E_D017_FB08_FC85, 0x2C73_F084_5854_0FA5, 0x883E_BCE5_A3F2_7C77])
    }

    @Test func uniformHelpersStayInRangeAndAreFixed() {
        var random = SplitMix64(seed: 99)
        var seen = Array(repeating: 0, count: 7)
        for _ in 0 ..< 7_000 {
            let value = random.uniform(below: 7)
            #expect((0 ..< 7).contains(value))
            seen[value] += 1
        }
        #expect(seen.allSatisfy { $0 > 850 && $0 < 1_150 }, "roughly uniform: \(seen)")
        for _ in 0 ..< 1_000 {
            #expect((-3 ... 3).contains(random.uniform(in: -3 ... 3)))
            #expect(random.uniform(in: 5 ... 5) == 5)
            #expect(random.weightedIndex([0, 3, 0, 1]) % 2 == 1)
        }
        _ = random.uniform(in: Int.min ... Int.max)
        let drawn = random.distinctIndices(10, below: 10)
        #expect(drawn.sorted() == Array(0 ..< 10))
        var shuffled = Array(0 ..< 50)
        random.shuffle(&shuffled)
        #expect(shuffled.sorted() == Array(0 ..< 50))
        #expect(shuffled != Array(0 ..< 50))

        // Pinned: these helpers must not change with the toolchain.
        var pinned = SplitMix64(seed: 2027)
        let values = (0 ..< 8).map { _ in pinned.uniform(below: 1_000) }
        var replay = SplitMix64(seed: 2027)
        #expect(values == (0 ..< 8).map { _ in replay.uniform(below: 1_000) })
        #expect(values == RoundGeneratorTests.pinnedUniformValues)
    }

    /// Cross-checked against a C implementation of SplitMix64 with Lemire's method.
    static let pinnedUniformValues = [348, 880, 225, 929, 727, 179, 711, 555]

    // MARK: Determinism

    @Test func sameSeedGivesTheSameRound() {
        let first = RoundGenerator(mentees: 300, mentors: 90, seed: 42).makeRound()
        let second = RoundGenerator(mentees: 300, mentors: 90, seed: 42).makeRound()
        #expect(first == second)
    }

    @Test func differentSeedsGiveDifferentRounds() {
        let first = RoundGenerator(mentees: 300, mentors: 90, seed: 42).makeRound()
        let second = RoundGenerator(mentees: 300, mentors: 90, seed: 43).makeRound()
        #expect(first != second)
        #expect(first.mentors != second.mentors)
        #expect(first.mentees != second.mentees)
    }

    @Test func mentorsDoNotDependOnTheMenteeCount() {
        let small = RoundGenerator(mentees: 50, mentors: 30, seed: 5).makeRound()
        let large = RoundGenerator(mentees: 500, mentors: 30, seed: 5).makeRound()
        #expect(small.mentors == large.mentors)
    }

    /// Pins the generated content, so that a change to the generator — or a platform or toolchain
    /// that draws differently — is noticed: benchmark instances are identified by size and seed.
    /// When the generator is changed on purpose, update the value (and say so in the commit).
    @Test func outputIsPinned() {
        let round = RoundGenerator(mentees: 100, mentors: 40, seed: 2027).makeRound()
        #expect(Self.fingerprint(round) == Self.pinnedFingerprint, "fingerprint \(Self.fingerprint(round))")
    }

    static let pinnedFingerprint: UInt64 = 14_346_209_480_395_571_154

    // MARK: Shape

    @Test(arguments: RoundGeneratorTests.sizes.indices)
    func sizesAndFrameworkAlignment(sizeIndex: Int) {
        let (menteeCount, mentorCount) = Self.sizes[sizeIndex]
        let round = RoundGenerator(mentees: menteeCount, mentors: mentorCount, seed: 7).makeRound()
        #expect(round.mentees.count == menteeCount)
        #expect(round.mentors.count == mentorCount)
        #expect(round.framework == Framework.builtIn)
        #expect(round.configuration == Configuration())
        #expect(round.scores == nil)
        let competencies = round.framework.competencies.count
        let domains = round.framework.domains.count
        for mentor in round.mentors {
            #expect(mentor.competencyLevels.count == competencies)
            #expect(mentor.domainExpertise.count == domains)
        }
        for mentee in round.mentees {
            #expect(mentee.currentLevels.count == competencies)
            #expect(mentee.targetLevels.count == competencies)
            #expect(mentee.domainInterest.count == domains)
        }
        Self.checkReferences(round)
        Self.checkRules(round)
    }

    @Test func valuesAreInRange() {
        let round = RoundGenerator(mentees: 2_000, mentors: 600, seed: 11).makeRound()
        let levels = 0 ... 5
        let languages: Set<String> = ["nl", "fr", "en"]
        for mentor in round.mentors {
            #expect(mentor.competencyLevels.allSatisfy(levels.contains))
            #expect(mentor.domainExpertise.allSatisfy(levels.contains))
            #expect(mentor.grade.map { (12 ... 16).contains($0) } == true)
            #expect(mentor.capacity.map { [1, 2, 3].contains($0) } ?? true)
            #expect(mentor.languages.allSatisfy(languages.contains))
            #expect(Set(mentor.languages).count == mentor.languages.count)
            #expect(mentor.department?.isEmpty == false)
            #expect(mentor.location?.isEmpty == false)
        }
        for mentee in round.mentees {
            #expect(mentee.currentLevels.allSatisfy(levels.contains))
            #expect(mentee.targetLevels.allSatisfy { $0.map(levels.contains) ?? true })
            #expect(mentee.domainInterest.allSatisfy(levels.contains))
            #expect(mentee.grade.map { (8 ... 12).contains($0) } ?? true)
            #expect(mentee.languages.allSatisfy(languages.contains))
            #expect(mentee.department?.isEmpty == false)
            #expect(mentee.location?.isEmpty == false)
        }
    }

    @Test func identifiersAndEmailsAreUniqueAndWellFormed() {
        let round = RoundGenerator(mentees: 10_000, mentors: 3_000, seed: 1).makeRound()
        #expect(round.mentees.first?.id == "E00001")
        #expect(round.mentees.last?.id == "E10000")
        #expect(round.mentors.first?.id == "M0001")
        #expect(round.mentors.last?.id == "M3000")
        let ids = round.mentees.map(\.id) + round.mentors.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(round.mentees.map(\.id) == round.mentees.map(\.id).sorted())
        #expect(round.mentors.map(\.id) == round.mentors.map(\.id).sorted())

        let emails = round.mentees.compactMap(\.email) + round.mentors.compactMap(\.email)
        #expect(emails.count == ids.count)
        #expect(Set(emails).count == emails.count)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-.")
        for email in emails {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            #expect(parts.count == 2 && parts[1] == "company.example", "\(email)")
            #expect(parts[0].contains(".") && parts[0].allSatisfy(allowed.contains), "\(email)")
        }
        #expect(round.mentors.allSatisfy { !$0.name.isEmpty } && round.mentees.allSatisfy { !$0.name.isEmpty })

        Self.checkReferences(round)
        Self.checkRules(round)
    }

    @Test func identifierWidthFollowsTheSize() {
        #expect(RoundGenerator(mentees: 100, mentors: 40, seed: 1).makeRound().mentees.last?.id == "E100")
        #expect(RoundGenerator(mentees: 100, mentors: 40, seed: 1).makeRound().mentors.first?.id == "M001")
        #expect(RoundGenerator.identifier(prefix: "E", index: 7, count: 12_345) == "E00007")
        #expect(RoundGenerator.identifier(prefix: "M", index: 7, count: 9) == "M007")
    }

    @Test func emailPartFoldsAccentsAndDropsPunctuation() {
        #expect(RoundGenerator.emailPart("Sébastien") == "sebastien")
        #expect(RoundGenerator.emailPart("D'Hondt") == "dhondt")
        #expect(RoundGenerator.emailPart("Van den Broeck") == "vandenbroeck")
        #expect(RoundGenerator.emailPart("Jean-Pierre") == "jean-pierre")
        #expect(RoundGenerator.emailPart("Zoë Yılmaz Müller Gaëlle") == "zoeyilmazmullergaelle")
    }

    /// The properties the pairing benchmarks rely on: every hard rule bites somewhere, capacity
    /// is scarcer than demand, departments shape the profiles.
    @Test func roundsAreRealistic() {
        let round = RoundGenerator(mentees: 1_000, mentors: 300, seed: 3).makeRound()
        let mentorsByID = Dictionary(uniqueKeysWithValues: round.mentors.map { ($0.id, $0) })
        let managerOf = Self.managerTable(round)

        let capacity = round.mentors.reduce(0) { $0 + Int($1.capacity ?? round.configuration.pairing.defaultCapacity) }
        #expect(capacity > 500 && capacity < 700, "total capacity \(capacity)")

        // Exactly one mentor without a manager (the CEO); every other mentor reports to a mentor.
        #expect(round.mentors.filter { $0.managerID == nil }.count == 1)
        #expect(round.mentors.allSatisfy { $0.managerID.map { mentorsByID[$0] != nil } ?? true })
        let reportingToMentor = round.mentees.filter { $0.managerID.map { mentorsByID[$0] != nil } ?? false }
        let reportingToMentee = round.mentees.filter { $0.managerID?.hasPrefix("E") ?? false }
        #expect(reportingToMentor.count > 400 && reportingToMentor.count < 600)
        #expect(reportingToMentee.count > 30)
        #expect(round.mentees.contains { $0.managerID == nil })

        // Every hard rule excludes some pairs.
        var excludedByChain = 0, excludedByGrade = 0, excludedByLanguage = 0
        for mentee in round.mentees {
            let chain = Self.chain(of: mentee.managerID, in: managerOf)
            for mentor in round.mentors {
                if chain.contains(mentor.id) { excludedByChain += 1 }
                if let menteeGrade = mentee.grade, let mentorGrade = mentor.grade, mentorGrade < menteeGrade + 1 {
                    excludedByGrade += 1
                }
                if !Self.shareLanguage(mentee.languages, mentor.languages) { excludedByLanguage += 1 }
            }
        }
        let pairs = round.mentees.count * round.mentors.count
        #expect(excludedByChain > 1_000)
        #expect(excludedByGrade > pairs / 50 && excludedByGrade < pairs / 4, "\(excludedByGrade)")
        #expect(excludedByLanguage > pairs / 50 && excludedByLanguage < pairs / 4, "\(excludedByLanguage)")
        #expect(round.mentees.contains { $0.languages.count == 1 })
        #expect(round.mentors.contains { $0.languages.count == 1 })

        // History for about 10 % of mentees, rules for about 1 %.
        #expect(Set(round.history.map(\.menteeID)).count > 60 && Set(round.history.map(\.menteeID)).count < 140)
        #expect(round.rules.filter { $0.kind == .require }.count == 3)
        #expect(round.rules.filter { $0.kind == .forbid }.count == 7)
        #expect(round.rules.allSatisfy { $0.reason?.isEmpty == false })

        // Targets mostly left to the default; favourite domains.
        let withTargets = round.mentees.filter { $0.targetLevels.contains { $0 != nil } }.count
        #expect(withTargets > 150 && withTargets < 450, "\(withTargets)")
        #expect(round.mentees.allSatisfy { $0.domainInterest.contains { $0 >= 4 } })

        // Department profiles: Finance mentors know finance, HR mentors know people.
        let domains = round.framework.domains.map(\.id)
        func meanExpertise(_ department: String, _ domain: String, among mentors: [Mentor]) -> Int {
            guard let index = domains.firstIndex(of: domain) else { return -1 }
            let group = mentors.filter { $0.department == department }
            guard !group.isEmpty else { return -1 }
            return 100 * group.reduce(0) { $0 + $1.domainExpertise[index] } / group.count
        }
        let finance = meanExpertise("Finance", "domain.finance", among: round.mentors)
        let others = round.mentors.filter { $0.department != "Finance" }
        #expect(finance >= 420, "Finance mentors' mean finance expertise ×100: \(finance)")
        #expect(finance > meanExpertise("Sales", "domain.finance", among: others) + 100)
        #expect(meanExpertise("HR", "domain.people", among: round.mentors) >= 420)
    }

    @Test func largeRoundIsConsistent() {
        let round = RoundGenerator(mentees: 10_000, mentors: 3_000, seed: 20_270_201).makeRound()
        #expect(round.mentees.count == 10_000 && round.mentors.count == 3_000)
        #expect(round.rules.filter { $0.kind == .require }.count == 30)
        #expect(round.rules.filter { $0.kind == .forbid }.count == 70)
        Self.checkReferences(round)
        Self.checkRules(round)
    }

    // MARK: Helpers

    static func managerTable(_ round: Round) -> [String: String?] {
        var table: [String: String?] = [:]
        for mentor in round.mentors { table[mentor.id] = mentor.managerID }
        for mentee in round.mentees { table[mentee.id] = mentee.managerID }
        return table
    }

    /// The manager identifiers above a person, nearest first.
    static func chain(of manager: String?, in table: [String: String?]) -> [String] {
        var chain: [String] = []
        var current = manager
        while let id = current, chain.count <= table.count {
            chain.append(id)
            current = table[id] ?? nil
        }
        return chain
    }

    static func shareLanguage(_ first: [String], _ second: [String]) -> Bool {
        first.isEmpty || second.isEmpty || first.contains(where: second.contains)
    }

    /// Manager identifiers refer to existing people, chains end, mentors report to mentors.
    static func checkReferences(_ round: Round, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let table = managerTable(round)
        let mentorIDs = Set(round.mentors.map(\.id))
        for mentor in round.mentors {
            if let manager = mentor.managerID {
                #expect(mentorIDs.contains(manager), "\(mentor.id) → \(manager)", sourceLocation: sourceLocation)
                #expect(manager != mentor.id, sourceLocation: sourceLocation)
            }
        }
        for mentee in round.mentees {
            if let manager = mentee.managerID {
                #expect(table[manager] != nil, "\(mentee.id) → \(manager)", sourceLocation: sourceLocation)
            }
        }
        for id in table.keys {
            let chain = chain(of: table[id] ?? nil, in: table)
            #expect(!chain.contains(id) && chain.count < table.count + 1, "cycle at \(id)", sourceLocation: sourceLocation)
        }
        let menteeIDs = Set(round.mentees.map(\.id))
        for entry in round.history {
            #expect(menteeIDs.contains(entry.menteeID) && mentorIDs.contains(entry.mentorID), sourceLocation: sourceLocation)
            #expect(entry.round?.isEmpty == false, sourceLocation: sourceLocation)
        }
        let historyPairs = round.history.map { [$0.menteeID, $0.mentorID] }
        #expect(Set(historyPairs).count == historyPairs.count, "history pairs repeat", sourceLocation: sourceLocation)
    }

    /// Rules refer to existing people; `require` rules are allowed by the default hard rules, at
    /// most one per mentee, within mentor capacity; no pair is both forbidden and required.
    static func checkRules(_ round: Round, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let table = managerTable(round)
        let mentors = Dictionary(uniqueKeysWithValues: round.mentors.map { ($0.id, $0) })
        let mentees = Dictionary(uniqueKeysWithValues: round.mentees.map { ($0.id, $0) })
        let historyPairs = Set(round.history.map { [$0.menteeID, $0.mentorID] })
        let forbidden = Set(round.rules.filter { $0.kind == .forbid }.map { [$0.menteeID, $0.mentorID] })
        var requiresPerMentee: [String: Int] = [:]
        var requiresPerMentor: [String: Int] = [:]
        for rule in round.rules {
            guard let mentee = mentees[rule.menteeID], let mentor = mentors[rule.mentorID] else {
                Issue.record("rule refers to unknown people: \(rule)", sourceLocation: sourceLocation)
                continue
            }
            guard rule.kind == .require else { continue }
            requiresPerMentee[mentee.id, default: 0] += 1
            requiresPerMentor[mentor.id, default: 0] += 1
            #expect(!chain(of: mentee.managerID, in: table).contains(mentor.id), "\(rule)", sourceLocation: sourceLocation)
            if let menteeGrade = mentee.grade, let mentorGrade = mentor.grade {
                #expect(mentorGrade >= menteeGrade + 1, "\(rule)", sourceLocation: sourceLocation)
            }
            #expect(shareLanguage(mentee.languages, mentor.languages), "\(rule)", sourceLocation: sourceLocation)
            #expect(!historyPairs.contains([mentee.id, mentor.id]), "\(rule)", sourceLocation: sourceLocation)
            #expect(!forbidden.contains([mentee.id, mentor.id]), "\(rule)", sourceLocation: sourceLocation)
        }
        #expect(requiresPerMentee.values.allSatisfy { $0 <= 1 }, sourceLocation: sourceLocation)
        for (mentorID, count) in requiresPerMentor {
            let capacity = mentors[mentorID]?.capacity ?? round.configuration.pairing.defaultCapacity
            #expect(Double(count) <= capacity, "\(mentorID) required \(count) times", sourceLocation: sourceLocation)
        }
        let rulePairs = round.rules.map { [$0.menteeID, $0.mentorID] }
        #expect(Set(rulePairs).count == rulePairs.count, "duplicate rules", sourceLocation: sourceLocation)
    }

    /// FNV-1a over a canonical text of the round (integers only, no floating-point formatting).
    static func fingerprint(_ round: Round) -> UInt64 {
        var text = ""
        func add(_ parts: [String]) { text += parts.joined(separator: ",") + "\n" }
        func number(_ value: Int?) -> String { value.map(String.init) ?? "-" }
        for mentor in round.mentors {
            add([mentor.id, mentor.name, mentor.email ?? "-", mentor.department ?? "-", number(mentor.grade),
                 mentor.location ?? "-", mentor.languages.joined(separator: "|"), number(mentor.capacity.map { Int($0) }),
                 mentor.managerID ?? "-"] + mentor.competencyLevels.map(String.init) + mentor.domainExpertise.map(String.init))
        }
        for mentee in round.mentees {
            add([mentee.id, mentee.name, mentee.email ?? "-", mentee.department ?? "-", number(mentee.grade),
                 mentee.location ?? "-", mentee.languages.joined(separator: "|"), mentee.managerID ?? "-"]
                + mentee.currentLevels.map(String.init) + mentee.targetLevels.map(number) + mentee.domainInterest.map(String.init))
        }
        for rule in round.rules { add([rule.menteeID, rule.mentorID, rule.kind.rawValue, rule.reason ?? "-"]) }
        for entry in round.history { add([entry.menteeID, entry.mentorID, entry.round ?? "-"]) }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
