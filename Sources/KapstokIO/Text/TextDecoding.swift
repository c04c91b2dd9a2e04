/// The encoding an input file was found to be in.
public enum TextEncoding: String, Sendable, Hashable {
    /// UTF-8 without a byte order mark.
    case utf8
    /// UTF-8 with a byte order mark (Excel's "CSV UTF-8").
    case utf8WithBOM
    /// UTF-16 little-endian with a byte order mark (Excel's "Unicode text").
    case utf16LittleEndian
    /// UTF-16 big-endian with a byte order mark.
    case utf16BigEndian
    /// Windows-1252, assumed when the bytes are not valid UTF-8 (Excel's plain "CSV" on Windows).
    case windows1252
}

/// Turns the bytes of an input file into UTF-8 bytes, detecting the encoding.
///
/// Detection, in order: a UTF-8 byte order mark (dropped); a UTF-16 byte order mark (converted);
/// valid UTF-8; otherwise Windows-1252, which maps every byte (0x80–0x9F to the characters Excel
/// puts there, e.g. 0x80 to `€`). The result never contains a byte order mark.
public enum TextDecoding {
    /// Decodes file bytes into UTF-8 bytes and names the encoding found.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func utf8Bytes(from bytes: [UInt8]) -> (bytes: [UInt8], encoding: TextEncoding) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let rest = Array(bytes[3...])
            if isValidUTF8(rest) { return (rest, .utf8WithBOM) }
            return (windows1252ToUTF8(rest), .windows1252)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return (utf16ToUTF8(bytes[2...], bigEndian: false), .utf16LittleEndian)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return (utf16ToUTF8(bytes[2...], bigEndian: true), .utf16BigEndian)
        }
        if isValidUTF8(bytes) { return (bytes, .utf8) }
        return (windows1252ToUTF8(bytes), .windows1252)
    }

    /// Whether the bytes are well-formed UTF-8.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        // Pure ASCII is the common case; check it first without building a String.
        if !bytes.contains(where: { $0 >= 0x80 }) { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// Converts Windows-1252 bytes to UTF-8.
    ///
    /// The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1
    /// control characters with the same code, as the WHATWG encoding standard does.
    public static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let scalar: UInt32 = byte < 0xA0 ? UInt32(windows1252High[Int(byte) - 0x80]) : UInt32(byte)
            appendUTF8(scalar, to: &output)
        }
        return output
    }

    /// The Unicode code points of Windows-1252 bytes 0x80–0x9F.
    private static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Converts UTF-16 code units (bytes after the byte order mark) to UTF-8; bad surrogates
    /// become U+FFFD and an odd trailing byte is dropped.
    private static func utf16ToUTF8(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? (first << 8 | second) : (second << 8 | first))
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// Appends the UTF-8 encoding of a scalar value below U+10000.
    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        if scalar < 0x80 {
            output.append(UInt8(scalar))
        } else if scalar < 0x800 {
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        } else {
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
