import ArgumentParser
import Kapstok

/// SKELETON: the sweep's options.
struct BenchSweepOptions: ParsableArguments {
    @Flag(help: "Run generated rounds of growing size and several seeds; report how time and memory grow.")
    var sweep = false

    var isGiven: Bool { sweep }

    func run(output: BenchOutputOptions, shared: BenchSharedOptions) throws -> BenchReport {
        throw ValidationError("sweep: not built yet")
    }
}
