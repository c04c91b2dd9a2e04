import ArgumentParser
import Kapstok

/// SKELETON (bench-base branch only): the HTML report writer; filled in on its own branch.
extension BenchOutputOptions {
    func writeHTML(_ report: BenchReport) throws {
        guard html != nil else { return }
        throw ValidationError("--html: not built yet")
    }
}
