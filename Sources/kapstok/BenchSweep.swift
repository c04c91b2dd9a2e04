import ArgumentParser
import Kapstok

/// SKELETON (bench-base branch only): the sweep's options; filled in on its own branch.
struct BenchSweepOptions: ParsableArguments {
    @Flag(help: "Run generated rounds of growing size and several seeds; report how time and memory grow.")
    var sweep = false

    var isGiven: Bool { sweep }

    func run(output: BenchOutputOptions) throws -> BenchReport {
        throw ValidationError("sweep: not built yet")
    }
}
