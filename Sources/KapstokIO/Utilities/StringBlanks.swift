extension String {
    /// The string without leading and trailing spaces, tabs, line breaks and no-break spaces.
    ///
    /// Returns `self` unchanged (no copy) in the common case that there is nothing to trim.
    var trimmingBlanks: String {
        // Fast path on bytes: ASCII non-blank at both ends (the usual cell) needs no work.
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return self }
        if firstByte < 0x80, lastByte < 0x80, !Self.isASCIIBlank(firstByte), !Self.isASCIIBlank(lastByte) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !first.isBlank && !last.isBlank { return self }
        guard let start = scalars.firstIndex(where: { !$0.isBlank }),
            let end = scalars.lastIndex(where: { !$0.isBlank })
        else { return "" }
        return String(scalars[start...end])
    }

    @inline(__always)
    private static func isASCIIBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
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
