import Foundation
import ZIPFoundation

/// The zip container of a workbook, with the guards that keep a hostile file from exhausting
/// memory: at most ``maximumEntries`` entries, each extracted part at most ``maximumPartSize``
/// bytes inflated and all parts together at most ``maximumTotalSize``. The limits are checked
/// against the sizes the zip declares *and* against the bytes actually inflated, extraction
/// stopping as soon as a part goes over (a zip bomb declares small sizes).
struct XLSXArchive {
    /// The most entries a workbook zip may hold: 10,000 (a workbook with 100 sheets has about 250).
    static let maximumEntries = 10_000
    /// The most bytes one XML part may inflate to: 256 MiB (a 10,000-row × 30-column sheet is
    /// about 15 MiB).
    static let maximumPartSize = 256 << 20
    /// The most bytes all the parts read from one workbook may inflate to together: 512 MiB.
    static let maximumTotalSize = 512 << 20

    /// Why a part could not be had.
    enum Failure: Error {
        /// The part is not in the zip.
        case missing(String)
        /// Over a size guard: which one, as a message fragment.
        case tooLarge(String)
        /// The zip is damaged: ZIPFoundation's error.
        case corrupt(String)
    }

    private let bytes: Data
    /// Where each part's data lies, from the bounds check (``walk(_:)``).
    private let stored: [String: StoredPart]
    private var inflated = 0
    /// The entry paths, in zip order.
    let paths: [String]

    /// Opens the zip in memory; `nil` when it is not a readable zip.
    init(data: Data) throws(Failure) {
        let walked = Self.walk(data)
        if let problem = walked.problem { throw .corrupt(problem) }
        bytes = data
        stored = walked.parts
        // ZIPFoundation lists the entries (and so vouches for the directory); the parts are then
        // read from where the bounds check found them.
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .corrupt("\(error)")
        }
        var paths: [String] = []
        for entry in archive {
            paths.append(entry.path)
            if paths.count > Self.maximumEntries {
                throw .tooLarge("it holds more than \(Self.maximumEntries) zip entries")
            }
        }
        self.paths = paths
    }

    /// Whether the zip has an entry at `path`.
    func contains(_ path: String) -> Bool { stored[path] != nil }

    /// The inflated bytes of a part.
    mutating func part(_ path: String) throws(Failure) -> Data {
        guard let part = stored[path] else { throw .missing(path) }
        let limit = min(Self.maximumPartSize, Self.maximumTotalSize - inflated)
        let partLimitText = "part \(path) inflates to more than \(Self.maximumPartSize >> 20) MiB"
        let totalText = "its parts inflate to more than \(Self.maximumTotalSize >> 20) MiB together"
        if part.uncompressedSize > limit {
            throw .tooLarge(part.uncompressedSize > Self.maximumPartSize ? partLimitText : totalText)
        }
        var data = Data()
        data.reserveCapacity(part.uncompressedSize)
        struct OverLimit: Error {}
        struct Truncated: Error {}
        let start = bytes.startIndex + part.dataStart
        switch part.method {
        case 0:
            guard part.compressedSize <= limit else { throw .tooLarge(limit == Self.maximumPartSize ? partLimitText : totalText) }
            data = bytes.subdata(in: start..<(start + part.compressedSize))
        case 8:
            // ZIPFoundation's inflate, fed by a provider that ends at the part's last byte: a
            // deflate stream that does not end there is an error (its own reader would keep
            // asking for more, forever).
            let source = bytes
            do {
                let checksum = try Data.decompress(
                    size: Int64(part.compressedSize), bufferSize: 1 << 16, skipCRC32: false,
                    provider: { position, size in
                        guard position < Int64(part.compressedSize) else { throw Truncated() }
                        let from = start + Int(position)
                        return source.subdata(in: from..<min(from + size, start + part.compressedSize))
                    },
                    consumer: { chunk in
                        if data.count + chunk.count > limit { throw OverLimit() }
                        data.append(chunk)
                    })
                if checksum != part.checksum { throw Failure.corrupt("part \(path) fails its checksum") }
            } catch is OverLimit {
                throw .tooLarge(limit == Self.maximumPartSize ? partLimitText : totalText)
            } catch is Truncated {
                throw .corrupt("part \(path) is cut short")
            } catch let failure as Failure {
                throw failure
            } catch {
                throw .corrupt("\(error)")
            }
        default:
            throw .corrupt("part \(path) uses compression method \(part.method), which no workbook uses")
        }
        inflated += data.count
        return data
    }

    /// Why ZIPFoundation must not be given these bytes, or `nil`: a record of the zip's directory
    /// that points past the end of the file, or ZIP64 fields.
    ///
    /// ZIPFoundation reads an in-memory archive through a `FILE` whose reads trap (a Swift range
    /// error) once a seek has gone past the end, and turns 64-bit offsets into `off_t` with a
    /// trapping conversion: a damaged or hostile zip would stop the process instead of giving an
    /// error (found by `fuzz-xlsx`). So, before it opens the bytes, every place it seeks to while
    /// listing and extracting entries is checked to lie within the file: the central directory
    /// found as ZIPFoundation finds it (the last end-of-directory signature), each of its
    /// records, each local header, its data and the data descriptor after it (whose sizes, when
    /// it has one, ZIPFoundation reads by: a size past the end made it loop forever on empty
    /// reads, also found by `fuzz-xlsx`). ZIP64 archives are
    /// refused: no workbook under 4 GiB needs one, and Excel writes none. This checks bounds
    /// only; the zip is still read by ZIPFoundation.
    static func outOfBounds(_ data: Data) -> String? { walk(data).problem }

    /// Where a part's data lies in the zip: offset of its first byte, sizes, method, CRC-32.
    struct StoredPart {
        var dataStart: Int
        var compressedSize: Int
        /// The size it declares inflated (checked again on the bytes actually inflated).
        var uncompressedSize: Int
        var method: Int
        var checksum: UInt32
    }

    /// The bounds check of ``outOfBounds(_:)``, and where each part's data lies.
    static func walk(_ data: Data) -> (problem: String?, parts: [String: StoredPart]) {
        var parts: [String: StoredPart] = [:]
        let problem = walk(data, into: &parts)
        return (problem, parts)
    }

    private static func walk(_ data: Data, into parts: inout [String: StoredPart]) -> String? {
        let bytes = [UInt8](data)
        let count = bytes.count
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func signature(_ at: Int, _ value: Int) -> Bool { at >= 0 && at + 4 <= count && u32(at) == value }
        guard count >= 22 else { return nil }  // no directory at all: ZIPFoundation says so itself
        var end = count - 22
        while end >= 0, !signature(end, 0x0605_4B50) { end -= 1 }
        guard end >= 0 else { return nil }
        if signature(end - 20, 0x0706_4B50) { return "it uses ZIP64 records, which no workbook needs" }
        let entries = u16(end + 10), directorySize = u32(end + 12), directory = u32(end + 16)
        if entries == 0xFFFF || directorySize == 0xFFFF_FFFF || directory == 0xFFFF_FFFF {
            return "it uses ZIP64 records, which no workbook needs"
        }
        let pastEnd = "its directory points past the end of the file"
        var record = directory
        for _ in 0..<entries {
            guard record + 46 <= count, signature(record, 0x0201_4B50) else { return record > count ? pastEnd : nil }
            let flags = u16(record + 8), method = u16(record + 10)
            let compressed = u32(record + 20), uncompressed = u32(record + 24)
            let nameLength = u16(record + 28), extraLength = u16(record + 30), commentLength = u16(record + 32)
            let local = u32(record + 42)
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                return "it uses ZIP64 records, which no workbook needs"
            }
            guard local + 30 <= count, signature(local, 0x0403_4B50) else { return pastEnd }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            let dataEnd = dataStart + (method == 0 ? uncompressed : compressed)
            if dataStart > count || dataEnd > count || (flags & 0x8 != 0 && dataEnd + 16 > count) { return pastEnd }
            var part = StoredPart(
                dataStart: dataStart, compressedSize: method == 0 ? uncompressed : compressed, uncompressedSize: uncompressed,
                method: method, checksum: UInt32(u32(record + 16)))
            if flags & 0x8 != 0 {
                // The sizes and checksum are then in the data descriptor after the data (its
                // signature optional), as ZIPFoundation reads them.
                let sizes = dataEnd + (signature(dataEnd, 0x0807_4B50) ? 8 : 4)
                part.compressedSize = method == 0 ? u32(sizes + 4) : u32(sizes)
                part.uncompressedSize = u32(sizes + 4)
                part.checksum = UInt32(u32(sizes - 4))
                if dataStart + part.compressedSize > count { return pastEnd }
            }
            parts[String(decoding: bytes[(record + 46)..<min(count, record + 46 + nameLength)], as: UTF8.self)] = part
            record += 46 + nameLength + extraLength + commentLength
            if record > count { return pastEnd }
        }
        return nil
    }
}
