/// Finds the known name a misspelt one was probably meant to be ("did you mean").
public enum Suggestion {
    /// The candidate closest to `name`, if it is close enough to be a likely typo.
    ///
    /// Names compare case-insensitively by optimal-string-alignment distance (Levenshtein plus
    /// adjacent transpositions, so `emial` is one edit from `email`). A candidate matches when it
    /// differs only in case, or when the distance is at most `maxDistance(candidate)`: 2 for names
    /// of 8 or more characters, 1 for 4–7, 0 for shorter ones (so `age` is not taken for `name`).
    /// Ties go to the earliest candidate.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        closest(to: name, among: candidates, maxDistance: defaultMaxDistance)
    }

    /// The candidate closest to `name` within a caller-chosen distance bound.
    static func closest(
        to name: String, among candidates: some Sequence<String>, maxDistance: (String) -> Int
    ) -> String? {
        let lowered = Array(name.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let limit = maxDistance(candidate)
            let other = Array(candidate.lowercased().unicodeScalars)
            // The distance is at least the difference in length: a long unknown name (a hostile
            // header) is never compared cell by cell with short candidates.
            guard abs(other.count - lowered.count) <= limit else { continue }
            let distance = Suggestion.distance(lowered, other)
            guard distance == 0 || distance <= limit else { continue }
            if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The default typo bound for a candidate name (see ``closest(to:among:)``).
    static func defaultMaxDistance(_ candidate: String) -> Int {
        let length = candidate.unicodeScalars.count
        if length >= 8 { return 2 }
        return length >= 4 ? 1 : 0
    }

    /// The optimal-string-alignment distance between two scalar sequences.
    static func distance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        let width = rhs.count + 1
        // Three rolling rows: two back (for transpositions), previous, current.
        var twoBack = [Int](repeating: 0, count: width)
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...lhs.count {
            current[0] = i
            for j in 1...rhs.count {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    value = min(value, twoBack[j - 2] + 1)
                }
                current[j] = value
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[rhs.count]
    }
}
