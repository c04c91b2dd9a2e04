import ArgumentParser
import Kapstok

/// SKELETON (bench-base branch only): the OR-Library bench's options; filled in on its own branch.
struct BenchORLibOptions: ParsableArguments {
    @Option(help: "An OR-Library GAP file (datasets/orlib-gap/README.md): solve every instance in it.")
    var orlib: String?

    var isGiven: Bool { orlib != nil }

    func run(output: BenchOutputOptions) throws -> BenchReport {
        throw ValidationError("orlib: not built yet")
    }
}
