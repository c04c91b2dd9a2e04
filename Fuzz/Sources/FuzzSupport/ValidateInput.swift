// SPDX-License-Identifier: GPL-3.0-or-later
import KapstokIO

/// One fuzz input of the `validate` target, split into the files of a round.
///
/// The input is cut at every byte `0x1E` (ASCII *record separator*, which no real input file
/// holds) into up to eight sections, in this order:
///
/// | # | file | empty or missing section |
/// |---|---|---|
/// | 0 | `mentors.csv` | an empty file |
/// | 1 | `mentees.csv` | an empty file |
/// | 2 | `kapstok.toml` | no configuration (defaults) |
/// | 3 | `framework.csv` | the built-in framework |
/// | 4 | `scores.csv` | no scores (default scoring) |
/// | 5 | `constraints.csv` | none |
/// | 6 | `history.csv` | none |
/// | 7 | `org.csv` | no org chart (the people files' `manager_id` only) |
///
/// Bytes after the eighth separator belong to the last section. To give an optional file that is
/// empty, put a single line ending in its section. Writing a seed by hand:
/// `printf 'id,name\n…\x1eid,name\n…\x1e[rules]\n…' > Corpus/validate/x`.
public struct ValidateInput {
    /// The separator byte.
    public static let separator: UInt8 = 0x1E
    /// The file names, in section order.
    public static let names = [
        "mentors.csv", "mentees.csv", "kapstok.toml", "framework.csv", "scores.csv", "constraints.csv",
        "history.csv", "org.csv",
    ]

    /// The sections, `names.count` of them; a missing section is empty.
    public let sections: [[UInt8]]

    public init(_ bytes: [UInt8]) {
        var sections: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in bytes {
            if byte == Self.separator, sections.count < Self.names.count - 1 {
                sections.append(current)
                current = []
            } else {
                current.append(byte)
            }
        }
        sections.append(current)
        while sections.count < Self.names.count { sections.append([]) }
        self.sections = sections
    }

    /// Joins files into one input (for making seeds and for tests).
    public static func join(_ files: [[UInt8]]) -> [UInt8] {
        Array(files.joined(separator: [separator]))
    }

    /// The section as a required file: always given, maybe empty.
    func required(_ index: Int) -> InputSource {
        .contents(sections[index], path: Self.names[index])
    }

    /// The section as an optional file: `nil` when empty.
    func optional(_ index: Int) -> InputSource? {
        sections[index].isEmpty ? nil : .contents(sections[index], path: Self.names[index])
    }

    /// The round's sources.
    public var sources: RoundSources {
        RoundSources(
            mentors: required(0), mentees: required(1), framework: optional(3), scores: optional(4),
            constraints: optional(5), history: optional(6), configuration: optional(2), org: optional(7))
    }
}
