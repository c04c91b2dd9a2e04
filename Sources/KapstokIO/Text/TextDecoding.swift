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

/// The result of decoding an input file: UTF-8 bytes, the encoding found and, for a UTF-8 file
/// with invalid bytes, where the first one is.
public struct DecodedText: Sendable, Equatable {
    /// The text as UTF-8, without a byte order mark; invalid UTF-8 bytes replaced by U+FFFD.
    public var bytes: [UInt8]
    /// The encoding the file was found to be in.
    public var encoding: TextEncoding
    /// For a UTF-8 file with invalid bytes: the first one. `nil` when the text decoded cleanly.
    public var invalidUTF8: InvalidUTF8?

    /// The first invalid byte of a file that is UTF-8 elsewhere.
    public struct InvalidUTF8: Sendable, Equatable {
        /// The offset of the first invalid byte in the decoded `bytes`' source, after any BOM.
        public var offset: Int
        /// The first invalid byte itself, e.g. 0xE9 (a Windows-1252 `é`).
        public var byte: UInt8
        /// How many invalid sequences there are in all (at least 1).
        public var count: Int
        /// 1-based line and column (in scalars, as in ``Diagnostic/Location``) of the first one.
        public var line: Int
        public var column: Int
    }
}

/// Turns the bytes of an input file into UTF-8 bytes, detecting the encoding.
///
/// Detection, in order: a UTF-8 byte order mark (dropped); a UTF-16 byte order mark (converted);
/// valid UTF-8; otherwise, when the file has valid UTF-8 multi-byte sequences and no more invalid
/// sequences than valid ones, UTF-8 with errors (``DecodedText/invalidUTF8`` says where; the bytes
/// become U+FFFD, never Windows-1252 mojibake like `Ã©`); otherwise Windows-1252, which maps every
/// byte (0x80–0x9F to the characters Excel puts there, e.g. 0x80 to `€`). A file with a UTF-8
/// byte order mark is always UTF-8. The result never contains a byte order mark.
public enum TextDecoding {
    /// Decodes file bytes into UTF-8 bytes and names the encoding found.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func utf8Bytes(from bytes: [UInt8]) -> (bytes: [UInt8], encoding: TextEncoding) {
        let decoded = decode(bytes)
        return (decoded.bytes, decoded.encoding)
    }

    /// Decodes file bytes, reporting invalid bytes in a file that is UTF-8 elsewhere.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func decode(_ bytes: [UInt8]) -> DecodedText {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let rest = Array(bytes[3...])
            let scan = UTF8Scan(rest)
            if scan.invalid == 0 { return DecodedText(bytes: rest, encoding: .utf8WithBOM) }
            return DecodedText(bytes: lossyUTF8(rest), encoding: .utf8WithBOM, invalidUTF8: scan.firstInvalid(in: rest))
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return DecodedText(bytes: utf16ToUTF8(bytes[2...], bigEndian: false), encoding: .utf16LittleEndian)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return DecodedText(bytes: utf16ToUTF8(bytes[2...], bigEndian: true), encoding: .utf16BigEndian)
        }
        let scan = UTF8Scan(bytes)
        if scan.invalid == 0 { return DecodedText(bytes: bytes, encoding: .utf8) }
        if scan.validMultiByte > 0, scan.validMultiByte >= scan.invalid {
            return DecodedText(bytes: lossyUTF8(bytes), encoding: .utf8, invalidUTF8: scan.firstInvalid(in: bytes))
        }
        return DecodedText(bytes: windows1252ToUTF8(bytes), encoding: .windows1252)
    }

    /// Whether the bytes are well-formed UTF-8.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        // Pure ASCII is the common case; check it first without building a String.
        if !bytes.contains(where: { $0 >= 0x80 }) { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// UTF-8 with every invalid sequence replaced by U+FFFD.
    private static func lossyUTF8(_ bytes: [UInt8]) -> [UInt8] {
        Array(String(decoding: bytes, as: UTF8.self).utf8)
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

/// One pass over bytes counting valid UTF-8 multi-byte sequences and invalid sequences
/// (maximal subparts, as U+FFFD replacement counts them).
struct UTF8Scan {
    private(set) var validMultiByte = 0
    private(set) var invalid = 0
    private(set) var firstInvalidOffset: Int?

    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length = Self.sequenceLength(buffer, at: index)
                if length > 0 {
                    validMultiByte += 1
                    index += length
                } else {
                    invalid += 1
                    if firstInvalidOffset == nil { firstInvalidOffset = index }
                    index += 1
                    // Skip the continuation bytes of this broken sequence: one error, not several.
                    while index < count, buffer[index] & 0xC0 == 0x80 { index += 1 }
                }
            }
        }
    }

    /// The length of a well-formed multi-byte sequence at `index`, or 0 when it is not one.
    private static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = buffer[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard index + length <= buffer.count else { return 0 }
        let second = buffer[index + 1]
        guard second >= low, second <= high else { return 0 }
        for offset in 2..<length where buffer[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }

    /// Where the first invalid byte is, with line and column counted as the CSV reader does.
    func firstInvalid(in bytes: [UInt8]) -> DecodedText.InvalidUTF8? {
        guard let offset = firstInvalidOffset else { return nil }
        var line = 1, column = 1, index = 0
        while index < offset {
            let byte = bytes[index]
            if byte == 0x0D {
                line += 1
                column = 1
                if index + 1 < offset, bytes[index + 1] == 0x0A { index += 1 }
            } else if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return DecodedText.InvalidUTF8(offset: offset, byte: bytes[offset], count: invalid, line: line, column: column)
    }
}
