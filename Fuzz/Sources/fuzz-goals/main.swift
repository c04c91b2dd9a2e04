// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry point of the `goals` target; the body is FuzzTargets.goals (FuzzSupport).
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzDriver.input(data, size, FuzzTargets.goals)
}

/// The process entry point (SwiftPM links `main` to `fuzz_goals_main`): libFuzzer's driver.
@_cdecl("fuzz_goals_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc: argc, argv: argv, fuzz)
}
