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

    private let archive: Archive
    private var inflated = 0
    /// The entry paths, in zip order.
    let paths: [String]

    /// Opens the zip in memory; `nil` when it is not a readable zip.
    init(data: Data) throws(Failure) {
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
    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The inflated bytes of a part.
    mutating func part(_ path: String) throws(Failure) -> Data {
        guard let entry = archive[path] else { throw .missing(path) }
        let limit = min(Self.maximumPartSize, Self.maximumTotalSize - inflated)
        let partLimitText = "part \(path) inflates to more than \(Self.maximumPartSize >> 20) MiB"
        let totalText = "its parts inflate to more than \(Self.maximumTotalSize >> 20) MiB together"
        if entry.uncompressedSize > UInt64(limit) {
            throw .tooLarge(entry.uncompressedSize > UInt64(Self.maximumPartSize) ? partLimitText : totalText)
        }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        struct OverLimit: Error {}
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if data.count + chunk.count > limit { throw OverLimit() }
                data.append(chunk)
            }
        } catch is OverLimit {
            throw .tooLarge(limit == Self.maximumPartSize ? partLimitText : totalText)
        } catch {
            throw .corrupt("\(error)")
        }
        inflated += data.count
        return data
    }
}
