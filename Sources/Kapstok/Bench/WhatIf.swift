import LinearModel

/// A rule or weight a what-if run changes (`kapstok bench --vary name=v1,v2,…`), under its
/// `kapstok.toml` name.
public enum WhatIfSetting: String, Sendable, CaseIterable {
    /// `[rules] min_grade_gap`: an integer in ``Limits/minGradeGap``, or `off`.
    case minGradeGap = "min_grade_gap"
    /// Every mentor's capacity: `+k` or `-k` (k > 0 and ≤ 1000) shifts it, `=k` or `k` sets it
    /// (``Limits/capacity``). A shifted capacity is kept within 0…1000; at 0 a mentor takes nobody.
    case capacity
    /// `[pairing] default_capacity` (for mentors without a capacity cell): ``Limits/capacity``.
    case defaultCapacity = "default_capacity"
    /// `[rules] shared_language`: `true` or `false`.
    case sharedLanguage = "shared_language"
    /// `[rules] manager_chain`: `true` or `false`.
    case managerChain = "manager_chain"
    /// `[rules] avoid_repeat`: `true` or `false`.
    case avoidRepeat = "avoid_repeat"
    /// `[scoring] competency_weight` α: ``Limits/scoringWeight``.
    case competencyWeight = "competency_weight"
    /// `[scoring] domain_weight` β: ``Limits/scoringWeight``.
    case domainWeight = "domain_weight"
    /// `[pairing] objective`: `total` or `fair`.
    case objective

    /// What the setting accepts, in words, for error messages.
    public var accepted: String {
        switch self {
        case .minGradeGap: "an integer from \(Limits.minGradeGap.lowerBound) to \(Limits.minGradeGap.upperBound), or off"
        case .capacity: "+k or -k (k \(Limits.capacity)) to shift every mentor's capacity, or =k to set it"
        case .defaultCapacity: Limits.capacity.description
        case .sharedLanguage, .managerChain, .avoidRepeat: "true or false"
        case .competencyWeight, .domainWeight: Limits.scoringWeight.description
        case .objective: "total or fair"
        }
    }
}

/// One value of a what-if setting, checked.
public enum WhatIfValue: Sendable, Equatable {
    /// `min_grade_gap`; `nil` switches the rule off.
    case gradeGap(Int?)
    /// `capacity=+k` / `-k`: every mentor's capacity plus `k` (negative to lower it).
    case capacityShift(Double)
    /// `capacity==k` (or `capacity=k`): every mentor's capacity set to `k`.
    case capacitySet(Double)
    /// `default_capacity`, `competency_weight`, `domain_weight`.
    case number(Double)
    /// `shared_language`, `manager_chain`, `avoid_repeat`.
    case flag(Bool)
    case objective(PairingObjective)
}

/// Why a `--vary` text is not accepted: a message naming the allowed settings or the range.
public struct VariationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// A what-if setting with the values to try (`--vary domain_weight=0.1,0.3,0.5`).
public struct Variation: Sendable, Equatable {
    public struct Value: Sendable, Equatable {
        /// The value as typed (`+1`, `off`, `0.3`).
        public let text: String
        public let value: WhatIfValue
    }

    public let setting: WhatIfSetting
    public let values: [Value]

    /// Values per setting at most (each is a full optimiser run).
    public static let maximumValues = 50

    /// Parses `name=v1,v2,…`.
    ///
    /// - Throws: ``VariationError`` for a text without `=`, an unknown setting (naming the
    ///   allowed ones), an empty value, more than ``maximumValues`` values, or a value outside the
    ///   setting's range (naming it).
    public static func parse(_ text: String) throws(VariationError) -> Variation {
        let names = WhatIfSetting.allCases.map(\.rawValue).joined(separator: ", ")
        guard let equals = text.firstIndex(of: "=") else {
            throw VariationError(message: "--vary needs name=value[,value…], such as min_grade_gap=0,1,2; settings: \(names)")
        }
        let name = String(text[..<equals]).trimmed
        guard let setting = WhatIfSetting(rawValue: name) else {
            throw VariationError(message: "--vary: unknown setting \(quoted(name)); settings: \(names)")
        }
        let list = text[text.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmed }
        guard list.count <= maximumValues else {
            throw VariationError(message: "--vary \(name): at most \(maximumValues) values, got \(list.count)")
        }
        var values: [Value] = []
        for item in list {
            guard let value = parse(item, for: setting) else {
                throw VariationError(message: "--vary \(name): \(item.isEmpty ? "empty value" : quoted(item)) is not \(setting.accepted)")
            }
            values.append(Value(text: item, value: value))
        }
        return Variation(setting: setting, values: values)
    }

    private static func parse(_ text: String, for setting: WhatIfSetting) -> WhatIfValue? {
        func decimal(_ text: Substring) -> Double? {
            guard !text.isEmpty, text.allSatisfy({ "0123456789.".contains($0) }), let value = Double(text) else { return nil }
            return value
        }
        switch setting {
        case .minGradeGap:
            if text == "off" { return .gradeGap(nil) }
            guard text.allSatisfy({ "0123456789+-".contains($0) }), let gap = Int(text), Limits.minGradeGap.contains(gap) else { return nil }
            return .gradeGap(gap)
        case .capacity:
            let sign = text.first
            if sign == "+" || sign == "-" {
                guard let k = decimal(text.dropFirst()), Limits.capacity.contains(k) else { return nil }
                return .capacityShift(sign == "+" ? k : -k)
            }
            guard let k = decimal(sign == "=" ? text.dropFirst() : Substring(text)), Limits.capacity.contains(k) else { return nil }
            return .capacitySet(k)
        case .defaultCapacity:
            guard let k = decimal(Substring(text)), Limits.capacity.contains(k) else { return nil }
            return .number(k)
        case .competencyWeight, .domainWeight:
            guard let w = decimal(Substring(text)), Limits.scoringWeight.contains(w) else { return nil }
            return .number(w)
        case .sharedLanguage, .managerChain, .avoidRepeat:
            switch text {
            case "true": return .flag(true)
            case "false": return .flag(false)
            default: return nil
            }
        case .objective:
            return PairingObjective(rawValue: text).map(WhatIfValue.objective)
        }
    }

    private static func quoted(_ text: String) -> String { "'" + text + "'" }
}

extension Round {
    /// A copy of the round with one what-if value applied (see ``WhatIfSetting``).
    ///
    /// - Throws: ``VariationError`` when both scoring weights would be 0 (the score is a
    ///   weighted mean of the two fits and needs α + β > 0), or for a weight in scores mode
    ///   (scores.csv gives the scores: the weight would change nothing).
    public func applying(_ setting: WhatIfSetting, _ value: WhatIfValue) throws(VariationError) -> Round {
        if scores != nil && (setting == .competencyWeight || setting == .domainWeight) {
            throw VariationError(message: "scores.csv gives the scores; \(setting.rawValue) changes nothing")
        }
        var round = self
        var configuration = round.configuration
        switch (setting, value) {
        case (.minGradeGap, .gradeGap(let gap)):
            configuration.rules.minGradeGap = gap
        case (.capacity, .capacityShift(let shift)):
            let upper = Limits.capacity.upperBound
            for j in round.mentors.indices {
                let base = round.mentors[j].capacity ?? configuration.pairing.defaultCapacity
                round.mentors[j].capacity = min(upper, max(0, base + shift))
            }
        case (.capacity, .capacitySet(let capacity)):
            for j in round.mentors.indices { round.mentors[j].capacity = capacity }
        case (.defaultCapacity, .number(let capacity)):
            configuration.pairing.defaultCapacity = capacity
        case (.sharedLanguage, .flag(let on)):
            configuration.rules.sharedLanguage = on
        case (.managerChain, .flag(let on)):
            configuration.rules.managerChain = on
        case (.avoidRepeat, .flag(let on)):
            configuration.rules.avoidRepeat = on
        case (.competencyWeight, .number(let weight)):
            configuration.scoring.competencyWeight = weight
        case (.domainWeight, .number(let weight)):
            configuration.scoring.domainWeight = weight
        case (.objective, .objective(let objective)):
            configuration.pairing.objective = objective
        default:
            preconditionFailure("a \(setting.rawValue) variation with a value of another setting")
        }
        if configuration.scoring.competencyWeight + configuration.scoring.domainWeight <= 0 {
            throw VariationError(message: "competency_weight and domain_weight are both 0; the score needs one above 0")
        }
        round.configuration = configuration
        return round
    }
}

extension PreparedRound {
    /// Re-runs the optimiser with each value of each variation (the round re-prepared: rules,
    /// candidates and scores as the changed setting makes them) and measures it.
    ///
    /// The first run is the unchanged round (`baseline`, with this round's objective); then every
    /// value in the order given. The `objective` setting changes the optimiser's objective, every
    /// other setting runs it with the baseline's. A value that makes the round impossible (a
    /// `require` rule it breaks, or both scoring weights 0) gives a run with a `problem` and no
    /// measures.
    ///
    /// - Parameters:
    ///   - solver: the optimiser's solver (GLPK in the CLI).
    ///   - stated: the preference lists behind ranks, blocking pairs and envy.
    ///   - baseline: the optimiser's run on this round with its own objective, when already
    ///     measured (the bench's `optimal` or `fair` run); `nil`: run here.
    /// - Throws: what the optimiser throws (its internal failures).
    public func whatIf(
        _ variations: [Variation], solver: any Solver, options: StrategyOptions = StrategyOptions(),
        stated: StatedPreferences = StatedPreferences(), baseline: BenchRun? = nil
    ) throws -> [WhatIfRun] {
        let objective = round.configuration.pairing.objective
        func measured(_ prepared: PreparedRound, objective: PairingObjective) throws -> BenchRun {
            let strategy = OptimalStrategy(solver: solver, objective: objective)
            return try prepared.bench([strategy], options: options, stated: stated)[0]
        }
        let first = try baseline ?? measured(self, objective: objective)
        var runs = [WhatIfRun(setting: "baseline", value: "baseline", isBaseline: true, run: first, problem: nil)]
        for variation in variations {
            for value in variation.values {
                let setting = variation.setting.rawValue
                let changed: PreparedRound
                do {
                    let round = try round.applying(variation.setting, value.value)
                    changed = try PreparedRound(round: round)
                } catch let error as VariationError {
                    runs.append(WhatIfRun(setting: setting, value: value.text, isBaseline: false, run: nil, problem: error.message))
                    continue
                } catch let error as RoundError {
                    runs.append(WhatIfRun(
                        setting: setting, value: value.text, isBaseline: false, run: nil,
                        problem: error.problems.map(\.message).joined(separator: "; ")))
                    continue
                }
                let run = try measured(changed, objective: changed.round.configuration.pairing.objective)
                runs.append(WhatIfRun(setting: setting, value: value.text, isBaseline: false, run: run, problem: nil))
            }
        }
        return runs
    }
}

extension String {
    fileprivate var trimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " { scalars.removeFirst() }
        while let last = scalars.last, last == " " { scalars.removeLast() }
        return String(scalars)
    }
}


