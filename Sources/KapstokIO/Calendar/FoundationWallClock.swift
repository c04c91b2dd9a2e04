import Foundation
import Kapstok

/// The wall clock of an IANA time zone (`Europe/Brussels`), from Foundation's time-zone database.
///
/// A local time maps to the UTC instants `local − offset` whose offset is that `offset`: one
/// normally, none in the hour skipped when clocks go forward (`exists` is `false`; the offset
/// given is the one before the change), two in the hour repeated when they go back (the first,
/// daylight one is given).
public struct FoundationWallClock: WallClock {
    /// The IANA name the clock was made from.
    public let identifier: String
    private let timeZone: TimeZone

    /// The clock of a time zone; `nil` when Foundation does not know the name.
    public init?(identifier: String) {
        guard let timeZone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.timeZone = timeZone
    }

    public func utcOffsetSeconds(at local: LocalDateTime) -> Int {
        let matches = instantOffsets(of: local)
        // Two matches: the larger offset is the earlier instant (the first occurrence).
        return matches.max() ?? offset(atUTC: wallSeconds(local) - 2 * 86_400)
    }

    public func exists(_ local: LocalDateTime) -> Bool {
        !instantOffsets(of: local).isEmpty
    }

    /// The offsets `o` for which the instant `local − o` has offset `o`.
    private func instantOffsets(of local: LocalDateTime) -> [Int] {
        let wall = wallSeconds(local)
        // Any offset in use near this time: offsets are within ±18 h, and zones do not change
        // twice within four days.
        var candidates: [Int] = []
        for shift in [-2 * 86_400, 0, 2 * 86_400] {
            let candidate = offset(atUTC: wall + shift)
            if !candidates.contains(candidate) { candidates.append(candidate) }
        }
        return candidates.filter { offset(atUTC: wall - $0) == $0 }
    }

    /// The local time read as if it were UTC, in seconds since 1970.
    private func wallSeconds(_ local: LocalDateTime) -> Int { local.minuteNumber * 60 }

    private func offset(atUTC seconds: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
