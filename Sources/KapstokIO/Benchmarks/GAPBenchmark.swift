import Kapstok

/// The names of OR-Library GAP instances and their published optima or best known values, for
/// `kapstok bench --orlib FILE [--known]` (`datasets/orlib-gap/README.md`).
public enum GAPBenchmark {
    /// A published value in its own objective sense.
    public struct KnownValue: Sendable, Equatable {
        public let value: Int
        /// A proven optimum (false: the best value known, as for type D).
        public let isOptimal: Bool
        /// Whether the value is for the instance solved as a maximisation problem.
        public let maximise: Bool
    }

    /// The name of each instance of a file, from the file's own name (its last path component,
    /// `.txt` dropped) and the instances' sizes:
    /// - `gap1` … `gap12`: `c<agents><jobs>-<k>`, e.g. `c515-1` (OR-Library's own names);
    /// - `gapa` … `gapd`: `<type><agents, 2 digits><jobs>`, e.g. `a05100`, `d20200`;
    /// - a file holding one instance whose name is already of that form (Yagiura's `e05100`):
    ///   the file's name;
    /// - anything else: `<file>-<k>`.
    public static func instanceNames(file path: String, instances: [GAPInstance]) -> [String] {
        var base = String(path.split(separator: "/").last ?? Substring(path))
        if base.hasSuffix(".txt") { base.removeLast(4) }
        if base.hasPrefix("gap"), let number = Int(base.dropFirst(3)), (1...12).contains(number), String(number) == base.dropFirst(3) {
            return instances.enumerated().map { "c\($1.agents)\($1.jobs)-\($0 + 1)" }
        }
        if base.count == 4, base.hasPrefix("gap"), let type = base.last, "abcd".contains(type) {
            return instances.map { "\(type)\(twoDigits($0.agents))\($0.jobs)" }
        }
        if instances.count == 1, let only = instances.first, let type = base.first, "abcde".contains(type),
            base == "\(type)\(twoDigits(only.agents))\(only.jobs)"
        {
            return [base]
        }
        return instances.indices.map { "\(base)-\($0 + 1)" }
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The published value of an instance in the sense asked, or `nil` when the table has none
    /// (gap1–12 are tabled as maximisation problems, gapa–gapd and e05100 as minimisation ones).
    public static func known(instance: String, maximise: Bool) -> KnownValue? {
        guard let entry = table[instance], entry.maximise == maximise else { return nil }
        return entry
    }

    /// gap1–gap12 (maximisation; OR-Library gapinfo page), gapa–gapc (minimisation; Chu &
    /// Beasley 1997, proven optimal), gapd (minimisation, best known) and e05100 (minimisation,
    /// proven optimal): the values of `datasets/orlib-gap/README.md`.
    static let table: [String: KnownValue] = {
        var table: [String: KnownValue] = [:]
        let maximisation: [(String, [Int])] = [
            ("c515", [336, 327, 339, 341, 326]), ("c520", [434, 436, 420, 419, 428]),
            ("c525", [580, 564, 573, 570, 564]), ("c530", [656, 644, 673, 647, 664]),
            ("c824", [563, 558, 564, 568, 559]), ("c832", [761, 759, 758, 752, 747]),
            ("c840", [942, 949, 968, 945, 951]), ("c848", [1133, 1134, 1141, 1117, 1127]),
            ("c1030", [709, 717, 712, 723, 706]), ("c1040", [958, 963, 960, 947, 947]),
            ("c1050", [1139, 1178, 1195, 1171, 1171]), ("c1060", [1451, 1449, 1433, 1447, 1446]),
        ]
        for (group, values) in maximisation {
            for (k, value) in values.enumerated() {
                table["\(group)-\(k + 1)"] = KnownValue(value: value, isOptimal: true, maximise: true)
            }
        }
        let sizes = ["05100", "05200", "10100", "10200", "20100", "20200"]
        let minimisation: [(type: String, values: [Int], optimal: Bool)] = [
            ("a", [1698, 3235, 1360, 2623, 1158, 2339], true),
            ("b", [1843, 3552, 1407, 2827, 1166, 2339], true),
            ("c", [1931, 3456, 1402, 2806, 1243, 2391], true),
            ("d", [6353, 12742, 6348, 12432, 6190, 12241], false),
        ]
        for entry in minimisation {
            for (size, value) in zip(sizes, entry.values) {
                table[entry.type + size] = KnownValue(value: value, isOptimal: entry.optimal, maximise: false)
            }
        }
        table["e05100"] = KnownValue(value: 12681, isOptimal: true, maximise: false)
        return table
    }()
}
