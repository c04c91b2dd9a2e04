import ArgumentParser
import Kapstok

/// SKELETON (bench-base branch only): the round bench's options; filled in on its own branch.
struct BenchRoundOptions: ParsableArguments {
    @OptionGroup var input: RoundOptions

    var isGiven: Bool { input.hasFiles }

    func run(output: BenchOutputOptions) throws -> BenchReport {
        throw ValidationError("round bench: not built yet")
    }
}
