import Dispatch

/// Runs independent iterations on all cores.
enum ParallelLoop {
    /// Calls `body(k)` for every `k` in `0..<count`, concurrently; returns when all are done.
    static func run(count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}

/// Carries a buffer whose disjoint slices are written by different threads.
struct UnsafeSendable<Buffer>: @unchecked Sendable {
    let buffer: Buffer
    init(_ buffer: Buffer) { self.buffer = buffer }
}
