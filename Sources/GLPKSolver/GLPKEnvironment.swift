internal import CGLPK
import Foundation
import Synchronization

/// Bookkeeping for GLPK's per-thread environment.
///
/// GLPK keeps its memory in a thread-local environment that must be freed with `glp_free_env`
/// on the thread that used it, or it leaks; freeing it also frees every problem object of that
/// thread. So each thread counts its live problems, and the last one out frees the environment.
enum GLPKEnvironment {
    private static let liveProblems = Mutex<[UInt: Int]>([:])

    static var currentThread: UInt {
        #if os(Linux)
        UInt(pthread_self())
        #else
        UInt(bitPattern: pthread_self())
        #endif
    }

    static func retain() {
        let thread = currentThread
        liveProblems.withLock { $0[thread, default: 0] += 1 }
    }

    static func release() {
        let thread = currentThread
        let remaining = liveProblems.withLock { counts -> Int in
            let left = (counts[thread] ?? 1) - 1
            counts[thread] = left > 0 ? left : nil
            return left
        }
        if remaining <= 0 { _ = glp_free_env() }
    }
}

/// Routes GLPK's terminal output to an optional handler instead of standard output.
final class GLPKOutputCapture {
    let handler: (@Sendable (String) -> Void)?

    init(handler: (@Sendable (String) -> Void)?) {
        self.handler = handler
    }

    /// Runs `body` with GLPK's terminal output captured (or swallowed), then restores the default.
    func capturing<T>(_ body: () throws -> T) rethrows -> T {
        let info = Unmanaged.passUnretained(self).toOpaque()
        glp_term_hook({ info, text in
            guard let info, let text else { return 1 }
            let capture = Unmanaged<GLPKOutputCapture>.fromOpaque(info).takeUnretainedValue()
            capture.handler?(String(cString: text))
            return 1
        }, info)
        defer { glp_term_hook(nil, nil) }
        return try withExtendedLifetime(self) { try body() }
    }
}

