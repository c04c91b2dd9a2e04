/// Recognises files that are not text at all, so that one clear error replaces thousands of
/// consequential ones: an Excel workbook picked instead of its CSV export, a PDF, an archive.
///
/// Checked on the raw bytes, before decoding: known signatures first (`PK\u{3}\u{4}` zip, which
/// is what `.xlsx` and `.ods` are; the OLE header of `.xls`; `%PDF-`; gzip), then NUL bytes (a
/// text file in any encoding Kapstok reads has none, except UTF-16 with a byte order mark, which
/// is checked first), then mostly non-text bytes: more than 10 % C0 controls other than tab and
/// line breaks in the first 64 KiB.
public enum BinaryDetection {
    /// What kind of binary file the bytes are, as a message fragment, or `nil` for text.
    ///
    /// The fragment says what the file is and what to do, e.g. `this is an Excel workbook
    /// (.xlsx), not a CSV file; …` (a workbook itself is read by ``XLSXReader``).
    public static func problem(in bytes: [UInt8]) -> String? {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return nil  // UTF-16 with a byte order mark: text, full of NUL bytes.
        }
        let exportHint = "save it as an Excel workbook (.xlsx) or as CSV (File > Save As > CSV UTF-8)"
        if starts(bytes, with: [0x50, 0x4B, 0x03, 0x04]) || starts(bytes, with: [0x50, 0x4B, 0x05, 0x06]) {
            let head = Array(bytes.prefix(256))
            if contains(head, Array("application/vnd.oasis.opendocument.spreadsheet".utf8)) {
                return "this is an OpenDocument spreadsheet (.ods), not a CSV file; \(exportHint)"
            }
            if contains(bytes, Array("xl/".utf8)) || contains(head, Array("[Content_Types].xml".utf8)) {
                return "this is an Excel workbook (.xlsx), not a CSV file; \(exportHint)"
            }
            return "this is a zip archive, not a CSV file; unpack it, or export the spreadsheet in it as CSV"
        }
        if starts(bytes, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return "this is an Excel 97–2003 workbook (.xls) or another Office document, not a CSV file; \(exportHint)"
        }
        if starts(bytes, with: Array("%PDF-".utf8)) {
            return "this is a PDF document, not a CSV file"
        }
        if starts(bytes, with: [0x1F, 0x8B]) {
            return "this is a gzip archive, not a CSV file; unpack it first"
        }
        if let nul = bytes.firstIndex(of: 0) {
            // UTF-16 without a byte order mark: every other byte of ASCII text is NUL.
            let sample = bytes.prefix(4096)
            let evenNULs = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let oddNULs = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let half = sample.count / 2
            if half >= 2, max(evenNULs, oddNULs) * 4 >= half * 3, min(evenNULs, oddNULs) * 20 <= half {
                return "the file looks like UTF-16 without a byte order mark; re-save it as CSV UTF-8"
            }
            return "the file contains NUL bytes (the first at byte \(nul + 1)): it is not a text file; \(exportHint)"
        }
        let sample = bytes.prefix(1 << 16)
        let controls = sample.count { byte in
            byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F
        }
        if sample.count >= 16, controls * 10 > sample.count {
            return "the file is mostly not text (\(controls * 100 / sample.count) % control bytes): it is not a CSV file"
        }
        return nil
    }

    private static func starts(_ bytes: [UInt8], with prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && bytes[0..<prefix.count].elementsEqual(prefix)
    }

    /// Whether `needle` occurs in `haystack`.
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
