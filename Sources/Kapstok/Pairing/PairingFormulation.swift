import LinearModel

/// How the pairing core models a problem: the one decision between its two exact formulations,
/// made from the problem and what the solver declares it can do.
///
/// - ``columnGeneration``: every load is 1 and the solver keeps a model between solves
///   (``IncrementalSolver``): a linear program over a growing set of pairs, exact because the
///   b-matching matrix is totally unimodular, proven by a bound over every allowed pair
///   (``ColumnGenerationPairing``).
/// - ``denseMIP``: otherwise (loads other than 1, as in OR-Library GAP instances, or a solver
///   without sessions): a mixed-integer program over all allowed pairs (``DensePairing``).
///
/// The choice is reported in ``PairingOutcome/formulation`` (and, in words, in
/// ``PairingOutcome/method``).
public enum PairingFormulation: String, Sendable, Hashable {
    case columnGeneration = "column_generation"
    case denseMIP = "dense_mip"

    /// The formulation the pairing core uses for this problem and solver.
    public static func choose(for problem: PairingProblem, solver: any Solver) -> PairingFormulation {
        problem.table.hasUnitLoads && solver is any IncrementalSolver ? .columnGeneration : .denseMIP
    }
}
