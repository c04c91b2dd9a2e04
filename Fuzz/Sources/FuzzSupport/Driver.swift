// SPDX-License-Identifier: GPL-3.0-or-later
import CFuzzDriver

/// Starts libFuzzer from a target's `main`.
public enum FuzzDriver {
    /// Runs libFuzzer with the process arguments and a target's `LLVMFuzzerTestOneInput`.
    public static func run(
        argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
        _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt {
        var count = argc
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        return LLVMFuzzerRunDriver(&count, &arguments, testOneInput)
    }

    /// Calls a target body with the input bytes.
    @inline(__always)
    public static func input(_ data: UnsafePointer<UInt8>?, _ size: Int, _ body: ([UInt8]) -> Void) -> CInt {
        body(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
}
