import Foundation
import Kapstok

#if canImport(Glibc)
import Glibc
#endif

/// The peak resident memory of this process during a piece of work, from Linux's `/proc`.
///
/// What is measured: ``start()`` returns freed heap pages to the system (`malloc_trim(0)`, so
/// that memory the work allocates must be faulted in again rather than reused unseen), resets
/// the kernel's high-water mark (`5` written to `/proc/self/clear_refs`, Linux ≥ 4.0) and reads
/// the resident size `VmRSS`; ``peakBytes()`` reads the new high-water mark `VmHWM` from
/// `/proc/self/status` and returns `VmHWM − VmRSS at start`. So the figure is the growth of the
/// resident set at its peak: page-granular (4 KiB), counting every allocator of the process
/// (Swift arrays and GLPK's own memory alike) and every thread; memory allocated and already
/// freed within a page that stayed resident is not seen. It is not the bytes requested from
/// `malloc`.
///
/// Not thread-safe: one measurement at a time (the sweep runs one strategy at a time).
public final class ResidentMemoryProbe: PeakMemoryProbe, @unchecked Sendable {
    private var baseline = 0

    /// A probe, or `nil` where `/proc/self/status` or `/proc/self/clear_refs` cannot be used.
    public static func make() -> ResidentMemoryProbe? {
        let probe = ResidentMemoryProbe()
        guard probe.resetPeak(), probe.status("VmRSS") != nil, probe.status("VmHWM") != nil else { return nil }
        return probe
    }

    private init() {}

    /// glibc's `malloc_trim(size_t pad)` (declared in `malloc.h`, which Swift's Glibc module does
    /// not import), found with `dlsym`; `nil` on other C libraries.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()

    public func start() {
        _ = Self.mallocTrim?(0)
        _ = resetPeak()
        baseline = status("VmRSS") ?? 0
    }

    public func peakBytes() -> Int? {
        guard let peak = status("VmHWM") else { return nil }
        return max(0, peak - baseline)
    }

    private func resetPeak() -> Bool {
        let descriptor = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let written = "5".withCString { write(descriptor, $0, 1) }
        return written == 1
    }

    /// A `kB` field of `/proc/self/status` (`VmRSS:   12345 kB`), in bytes.
    private func status(_ field: String) -> Int? {
        guard case .success(let bytes) = InputFile.readBytes(atPath: "/proc/self/status", limit: 1 << 20) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let digits = line.dropFirst(field.count + 1).filter { $0.isNumber }
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }
}
