// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry point of the `sessionlogs` target; the body is FuzzTargets.sessionLogs (FuzzSupport).
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzDriver.input(data, size, FuzzTargets.sessionLogs)
}

/// The process entry point (SwiftPM links `main` to `fuzz_sessionlogs_main`): libFuzzer's driver.
@_cdecl("fuzz_sessionlogs_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc: argc, argv: argv, fuzz)
}
