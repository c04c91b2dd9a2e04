// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry point of the `xlsx` target; the body is FuzzTargets.xlsx (FuzzSupport).
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzDriver.input(data, size, FuzzTargets.xlsx)
}

/// The process entry point (SwiftPM links `main` to `fuzz_xlsx_main`): libFuzzer's driver.
@_cdecl("fuzz_xlsx_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc: argc, argv: argv, fuzz)
}
