/// A failure inside GLPK that is not a solve outcome: the library refused or broke down.
///
/// Infeasible, unbounded and limit-stopped solves are not errors; they come back in the
/// result's termination.
public struct GLPKError: Error, Sendable, Hashable, CustomStringConvertible {
    /// GLPK's return code (for example `GLP_EFAIL`), as its symbolic name.
    public let code: String
    /// The GLPK routine that failed.
    public let operation: String
    public let detail: String

    public var description: String {
        "GLPK error \(code) - while running \(operation)" + (detail.isEmpty ? "" : ": \(detail)")
    }
}
