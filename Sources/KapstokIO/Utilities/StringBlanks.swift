extension String {
    /// The string without leading and trailing spaces, tabs, line breaks and no-break spaces.
    ///
    /// Returns `self` unchanged (no copy) in the common case that there is nothing to trim.
    var trimmingBlanks: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !first.isBlank && !last.isBlank { return self }
        guard let start = scalars.firstIndex(where: { !$0.isBlank }),
            let end = scalars.lastIndex(where: { !$0.isBlank })
        else { return "" }
        return String(scalars[start...end])
    }

    /// Whether the string is empty or only blanks.
    var isBlank: Bool {
        unicodeScalars.allSatisfy(\.isBlank)
    }
}

extension Unicode.Scalar {
    /// Spaces, tabs, line breaks and the no-break space (which Excel exports sometimes carry).
    var isBlank: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2007, 0x202F, 0xFEFF: return true
        default: return false
        }
    }
}
