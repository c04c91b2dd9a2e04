import Testing

@testable import KapstokIO

@Suite struct TextDecodingTests {
    @Test func plainUTF8PassesThrough() {
        let bytes = Array("id,name\nM1,Zoë\n".utf8)
        let (decoded, encoding) = TextDecoding.utf8Bytes(from: bytes)
        #expect(decoded == bytes)
        #expect(encoding == .utf8)
    }

    @Test func byteOrderMarkIsDropped() {
        let (decoded, encoding) = TextDecoding.utf8Bytes(from: [0xEF, 0xBB, 0xBF] + Array("id".utf8))
        #expect(String(decoding: decoded, as: UTF8.self) == "id")
        #expect(encoding == .utf8WithBOM)
    }

    @Test func windows1252IsConvertedWhenNotUTF8() {
        // "Café" with é = 0xE9, then "5 €" with € = 0x80, and curly quotes 0x93/0x94.
        let bytes: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x35, 0x20, 0x80, 0x20, 0x93, 0x78, 0x94]
        let (decoded, encoding) = TextDecoding.utf8Bytes(from: bytes)
        #expect(String(decoding: decoded, as: UTF8.self) == "Café 5 € “x”")
        #expect(encoding == .windows1252)
    }

    @Test func windows1252UndefinedBytesBecomeC1Controls() {
        let (decoded, _) = TextDecoding.utf8Bytes(from: [0x81, 0x8D])
        #expect(Array(String(decoding: decoded, as: UTF8.self).unicodeScalars.map(\.value)) == [0x81, 0x8D])
    }

    @Test func utf16LittleEndianWithBOM() {
        let text = "id\tnaam\nM1\tRené\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (decoded, encoding) = TextDecoding.utf8Bytes(from: bytes)
        #expect(String(decoding: decoded, as: UTF8.self) == text)
        #expect(encoding == .utf16LittleEndian)
    }

    @Test func utf16BigEndianWithBOM() {
        let text = "a;é"
        let bytes: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let (decoded, encoding) = TextDecoding.utf8Bytes(from: bytes)
        #expect(String(decoding: decoded, as: UTF8.self) == text)
        #expect(encoding == .utf16BigEndian)
    }
}
