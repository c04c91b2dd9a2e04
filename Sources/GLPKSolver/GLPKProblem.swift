internal import CGLPK
import LinearModel
import Foundation

/// Owns one `glp_prob` and mirrors a ``Model`` into it.
///
/// The only type that calls GLPK's C API. Not thread-safe: a problem is created, used and
/// released on one thread (GLPK's environment is thread-local). Every model handed to it has been
/// validated, so no bad index, bound or name reaches GLPK (which would abort the process).
/// GLPK's rows and columns are 1-based; the 0-based ``VariableID`` and ``ConstraintID`` handles
/// are shifted here and nowhere else.
final class GLPKProblem {
    private let pointer: OpaquePointer
    private let owner: UInt

    init() {
        GLPKEnvironment.retain()
        owner = GLPKEnvironment.currentThread
        guard let created = glp_create_prob() else {
            preconditionFailure("glp_create_prob returned NULL")
        }
        pointer = created
    }

    deinit {
        // Freed on another thread, the problem would corrupt that thread's GLPK environment; it
        // is then left to its own thread's environment instead (the session API never lets this
        // happen: sessions are closed on their thread).
        guard owner == GLPKEnvironment.currentThread else { return }
        glp_delete_prob(pointer)
        GLPKEnvironment.release()
    }

    /// Every use is on the creating thread; checked in release builds too. The session layer
    /// throws before a wrong-thread call gets here, so this stops only a bug in this module.
    private func assertOwner() {
        precondition(owner == GLPKEnvironment.currentThread, "a GLPK problem is used from another thread")
    }

    // MARK: Loading

    /// Loads a validated model: rows first, then the columns with their coefficients.
    func load(_ model: Model) {
        assertOwner()
        setSense(model.sense)
        glp_set_obj_coef(pointer, 0, model.objectiveOffset)
        if !model.constraints.isEmpty {
            _ = glp_add_rows(pointer, Int32(model.constraints.count))
            for (index, row) in model.constraints.enumerated() {
                setRow(index, row, withCoefficients: false)  // the columns below carry them
            }
        }
        var columns = [[(ConstraintID, Double)]](repeating: [], count: model.variables.count)
        for (rowIndex, row) in model.constraints.enumerated() {
            for (variable, coefficient) in zip(row.variables, row.coefficients) {
                columns[variable.index].append((ConstraintID(rowIndex), coefficient))
            }
        }
        addColumns(model.variables, columns: columns, firstIndex: 0)
    }

    func setSense(_ sense: ObjectiveSense) {
        glp_set_obj_dir(pointer, sense == .maximize ? GLP_MAX : GLP_MIN)
    }

    /// Appends columns that have been validated against the mirrored model.
    func addColumns(_ variables: [Variable], columns: [[(ConstraintID, Double)]], firstIndex: Int) {
        guard !variables.isEmpty else { return }
        assertOwner()
        _ = glp_add_cols(pointer, Int32(variables.count))
        var indices: [Int32] = [0]
        var values: [Double] = [0]
        for (offset, variable) in variables.enumerated() {
            let column = Int32(firstIndex + offset + 1)
            if let name = variable.name { glp_set_col_name(pointer, column, name) }
            glp_set_col_kind(pointer, column, variable.kind == .continuous ? GLP_CV : GLP_IV)
            let (type, lower, upper) = Self.boundType(variable.lower, variable.upper)
            glp_set_col_bnds(pointer, column, type, lower, upper)
            glp_set_obj_coef(pointer, column, variable.objective)
            let entries = columns[offset]
            if !entries.isEmpty {
                indices.removeSubrange(1...)
                values.removeSubrange(1...)
                for (row, coefficient) in entries {
                    indices.append(Int32(row.index + 1))
                    values.append(coefficient)
                }
                glp_set_mat_col(pointer, column, Int32(entries.count), indices, values)
            }
        }
    }

    /// Appends one validated row.
    func addRow(_ constraint: Constraint, index: Int) {
        assertOwner()
        _ = glp_add_rows(pointer, 1)
        setRow(index, constraint, withCoefficients: true)
    }

    /// Sets a row's name and bounds, and its coefficients when asked (a row added to a loaded
    /// model; in `load` the columns carry them).
    private func setRow(_ index: Int, _ row: Constraint, withCoefficients: Bool) {
        let number = Int32(index + 1)
        if let name = row.name { glp_set_row_name(pointer, number, name) }
        let (type, lower, upper) = Self.boundType(row.lower, row.upper)
        glp_set_row_bnds(pointer, number, type, lower, upper)
        if withCoefficients && !row.variables.isEmpty {
            let indices: [Int32] = [0] + row.variables.map { Int32($0.index + 1) }
            let values: [Double] = [0] + row.coefficients
            glp_set_mat_row(pointer, number, Int32(row.variables.count), indices, values)
        }
    }

    func setObjective(_ coefficients: [Double]) {
        assertOwner()
        for (index, coefficient) in coefficients.enumerated() {
            glp_set_obj_coef(pointer, Int32(index + 1), coefficient)
        }
    }

    func setBounds(column index: Int, lower: Double, upper: Double) {
        assertOwner()
        let (type, low, high) = Self.boundType(lower, upper)
        glp_set_col_bnds(pointer, Int32(index + 1), type, low, high)
    }

    /// GLPK's bound type for an interval; infinite sides become free sides.
    static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): (GLP_FR, 0, 0)
        case (true, false): (GLP_LO, lower, 0)
        case (false, true): (GLP_UP, 0, upper)
        case (true, true): lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }

    /// Installs a starting basis (validated by the session: sizes and the basic count).
    func setBasis(variables: [BasisStatus], constraints: [BasisStatus]) {
        assertOwner()
        func code(_ status: BasisStatus) -> Int32 {
            switch status {
            case .basic: GLP_BS
            case .atLower: GLP_NL
            case .atUpper: GLP_NU
            }
        }
        for (index, status) in constraints.enumerated() { glp_set_row_stat(pointer, Int32(index + 1), code(status)) }
        for (index, status) in variables.enumerated() { glp_set_col_stat(pointer, Int32(index + 1), code(status)) }
    }

    // MARK: Solving

    /// Runs the primal simplex from the current basis (no presolve, so the basis is kept).
    func simplex(parameters: SolveParameters, columns: Int, rows: Int) throws -> SolveResult {
        assertOwner()
        var control = glp_smcp()
        glp_init_smcp(&control)
        control.msg_lev = parameters.logHandler == nil ? GLP_MSG_OFF : GLP_MSG_ON
        control.meth = GLP_PRIMAL
        control.presolve = GLP_OFF
        if let tolerance = parameters.reducedCostTolerance, tolerance.isFinite, tolerance > 0 { control.tol_dj = tolerance }
        if let milliseconds = Self.milliseconds(parameters.timeLimit) { control.tm_lim = milliseconds }
        let started = ContinuousClock.now
        let iterationsBefore = glp_get_it_cnt(pointer)
        var code = GLPKOutputCapture(handler: parameters.logHandler).capturing { glp_simplex(pointer, &control) }
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
            // The warm basis broke down numerically: rebuild a crash basis once and go on.
            glp_adv_basis(pointer, 0)
            code = GLPKOutputCapture(handler: parameters.logHandler).capturing { glp_simplex(pointer, &control) }
        }
        let stats = SolveStats(
            solveTime: Self.seconds(since: started),
            simplexIterations: Int(glp_get_it_cnt(pointer) - iterationsBefore))
        let termination: Termination
        switch code {
        case 0:
            termination = Self.lpTermination(status: glp_get_status(pointer))
        case GLP_ETMLIM:
            termination = Termination(
                reason: glp_get_status(pointer) == GLP_FEAS ? .feasible : .noSolutionFound, limit: .time,
                detail: "simplex time limit reached")
        case GLP_EITLIM:
            termination = Termination(
                reason: glp_get_status(pointer) == GLP_FEAS ? .feasible : .noSolutionFound, limit: .iteration,
                detail: "simplex iteration limit reached")
        case GLP_ESING, GLP_ECOND, GLP_EBADB:
            termination = Termination(reason: .numericalError, detail: Self.codeName(code))
        default:
            throw GLPKError(code: Self.codeName(code), operation: "glp_simplex", detail: "")
        }
        guard termination.hasPrimalFeasibleSolution else {
            return SolveResult(termination: termination, stats: stats)
        }
        var values = [Double](repeating: 0, count: columns)
        for index in 0..<columns { values[index] = glp_get_col_prim(pointer, Int32(index + 1)) }
        var duals = [Double](repeating: 0, count: rows)
        for index in 0..<rows { duals[index] = glp_get_row_dual(pointer, Int32(index + 1)) }
        let objective = glp_get_obj_val(pointer)
        return SolveResult(
            termination: termination, objectiveValue: objective,
            bestBound: termination.reason == .optimal ? objective : nil, values: values, duals: duals, stats: stats)
    }

    /// Solves the LP relaxation, then runs GLPK's branch-and-cut from its basis, recording the
    /// best bound it proves.
    ///
    /// GLPK's MIP presolver is not used: when it removes every column it calls `glp_add_cols`
    /// with 0 columns, which aborts the process (GLPK 5.0).
    func branchAndCut(parameters: SolveParameters, options: GLPKParameters, columns: Int) throws -> SolveResult {
        assertOwner()
        let started = ContinuousClock.now
        let relaxation = try simplex(parameters: parameters, columns: columns, rows: 0)
        switch relaxation.termination.reason {
        case .optimal:
            break
        case .unbounded:
            return SolveResult(
                termination: Termination(reason: .infeasibleOrUnbounded, detail: "the LP relaxation is unbounded"),
                stats: relaxation.stats)
        case .feasible:
            return SolveResult(
                termination: Termination(reason: .noSolutionFound, limit: relaxation.termination.limit,
                                         detail: "stopped while solving the LP relaxation"),
                stats: relaxation.stats)
        default:
            return SolveResult(termination: relaxation.termination, stats: relaxation.stats)
        }
        var remaining = parameters
        if let limit = parameters.timeLimit { remaining.timeLimit = max(0.001, limit - Self.seconds(since: started)) }
        return try integerSearch(parameters: remaining, options: options, columns: columns, started: started)
    }

    private func integerSearch(
        parameters: SolveParameters, options: GLPKParameters, columns: Int, started: ContinuousClock.Instant
    ) throws -> SolveResult {
        var control = glp_iocp()
        glp_init_iocp(&control)
        if options.cuttingPlanes {
            control.gmi_cuts = options.gomoryCuts ? GLP_ON : GLP_OFF
            control.mir_cuts = options.mirCuts ? GLP_ON : GLP_OFF
            control.cov_cuts = options.coverCuts ? GLP_ON : GLP_OFF
            control.clq_cuts = options.cliqueCuts ? GLP_ON : GLP_OFF
        }
        control.msg_lev = parameters.logHandler == nil ? GLP_MSG_OFF : GLP_MSG_ON
        control.presolve = GLP_OFF
        if parameters.startingSolution != nil, let seconds = options.proximitySearchSeconds, seconds > 0,
           let milliseconds = Self.milliseconds(min(seconds, parameters.timeLimit ?? seconds)) {
            control.ps_heur = GLP_ON
            control.ps_tm_lim = milliseconds
        }
        control.mip_gap = parameters.relativeGap
        if let tolerance = parameters.objectiveTolerance, tolerance.isFinite, tolerance >= 0 { control.tol_obj = tolerance }
        if let milliseconds = Self.milliseconds(parameters.timeLimit) { control.tm_lim = milliseconds }
        let progress = BranchProgress()
        progress.start = parameters.startingSolution.map { [0] + $0 }  // 1-based for GLPK
        control.cb_info = Unmanaged.passUnretained(progress).toOpaque()
        control.cb_func = { tree, info in
            guard let tree, let info else { return }
            let progress = Unmanaged<BranchProgress>.fromOpaque(info).takeUnretainedValue()
            let reason = glp_ios_reason(tree)
            if reason == GLP_ISELECT { progress.nodes += 1 }
            if reason == GLP_IHEUR, let start = progress.start {
                // Offered once, at the first node whose LP is solved (the root).
                progress.start = nil
                progress.startAccepted = glp_ios_heur_sol(tree, start) == 0
            }
            let best = glp_ios_best_node(tree)
            if best != 0 { progress.bound = glp_ios_node_bound(tree, best) }
        }
        let code = withExtendedLifetime(progress) {
            GLPKOutputCapture(handler: parameters.logHandler).capturing { glp_intopt(pointer, &control) }
        }
        let stats = SolveStats(solveTime: Self.seconds(since: started), nodes: progress.nodes)
        let status = glp_mip_status(pointer)
        let hasSolution = status == GLP_OPT || status == GLP_FEAS
        let termination: Termination
        switch code {
        case 0 where status == GLP_OPT:
            termination = Termination(reason: .optimal, detail: "integer optimum proven")
        case 0 where status == GLP_NOFEAS:
            termination = Termination(reason: .infeasible, detail: "no integer solution exists")
        case GLP_EMIPGAP:
            termination = Termination(reason: .optimal, detail: "relative gap tolerance reached")
        case GLP_ETMLIM:
            termination = Termination(
                reason: hasSolution ? .feasible : .noSolutionFound, limit: .time, detail: "time limit reached")
        case 0:
            termination = Termination(reason: .otherError, detail: "unexpected MIP status \(status)")
        default:
            throw GLPKError(code: Self.codeName(code), operation: "glp_intopt", detail: "")
        }
        guard hasSolution, termination.hasPrimalFeasibleSolution else {
            return SolveResult(termination: termination, stats: stats)
        }
        var values = [Double](repeating: 0, count: columns)
        for index in 0..<columns { values[index] = glp_mip_col_val(pointer, Int32(index + 1)) }
        let objective = glp_mip_obj_val(pointer)
        // A proven optimum means every branch left was pruned because its bound was within
        // tol_obj·(1 + |incumbent|) of the incumbent: that is the bound GLPK proved.
        let margin = control.tol_obj * (1 + abs(objective))
        let maximise = glp_get_obj_dir(pointer) == GLP_MAX
        let proven = maximise ? objective + margin : objective - margin
        // Stopped early: the best open node's bound, but never tighter than what pruning proved.
        let open = progress.bound.map { maximise ? max($0, proven) : min($0, proven) }
        let bound: Double? = termination.reason == .optimal && code == 0 ? proven : open
        return SolveResult(
            termination: termination, objectiveValue: objective, bestBound: bound, values: values, stats: stats)
    }

    // MARK: Helpers

    private static func lpTermination(status: Int32) -> Termination {
        switch status {
        case GLP_OPT: Termination(reason: .optimal, detail: "LP optimum")
        case GLP_NOFEAS: Termination(reason: .infeasible, detail: "the LP has no feasible solution")
        case GLP_UNBND: Termination(reason: .unbounded, detail: "the LP is unbounded")
        case GLP_FEAS: Termination(reason: .feasible, detail: "feasible, not proven optimal")
        default: Termination(reason: .otherError, detail: "unexpected LP status \(status)")
        }
    }

    static func milliseconds(_ seconds: Double?) -> Int32? {
        guard let seconds, seconds.isFinite else { return nil }
        return Int32(clamping: Int64(max(1, (seconds * 1000).rounded(.up))))
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// The symbolic name of a GLPK return code.
    static func codeName(_ code: Int32) -> String {
        let names: [Int32: String] = [
            GLP_EBADB: "GLP_EBADB", GLP_ESING: "GLP_ESING", GLP_ECOND: "GLP_ECOND", GLP_EBOUND: "GLP_EBOUND",
            GLP_EFAIL: "GLP_EFAIL", GLP_EOBJLL: "GLP_EOBJLL", GLP_EOBJUL: "GLP_EOBJUL", GLP_EITLIM: "GLP_EITLIM",
            GLP_ETMLIM: "GLP_ETMLIM", GLP_ENOPFS: "GLP_ENOPFS", GLP_ENODFS: "GLP_ENODFS", GLP_EROOT: "GLP_EROOT",
            GLP_ESTOP: "GLP_ESTOP", GLP_EMIPGAP: "GLP_EMIPGAP", GLP_ENOFEAS: "GLP_ENOFEAS", GLP_ENOCVG: "GLP_ENOCVG",
            GLP_EINSTAB: "GLP_EINSTAB", GLP_EDATA: "GLP_EDATA", GLP_ERANGE: "GLP_ERANGE",
        ]
        return names[code] ?? "code \(code)"
    }
}

/// What the branch-and-cut callback learns while GLPK searches.
private final class BranchProgress {
    var bound: Double?
    var nodes = 0
    /// The starting solution still to offer (index 0 unused, GLPK's columns are 1-based).
    var start: [Double]?
    var startAccepted = false
}
