internal import CJigsawLP

/// A program's data: bounded columns and equality rows in the compressed sparse column form COIN-OR's
/// C interfaces take, shared by the linear (CLP) and integer (CBC) solves of the same component.
struct ProgramData: Sendable {
    /// Each column's lower bound.
    let lower: [Double]
    /// Each column's upper bound (`Double.infinity` for none).
    let upper: [Double]
    /// Where each column's entries start in ``rows`` and ``values`` (one more than the columns).
    let starts: [Int32]
    /// Each entry's row.
    let rows: [Int32]
    /// Each entry's coefficient.
    let values: [Double]
    /// Each row's right-hand side (the rows are equalities).
    let rowValues: [Double]

    /// `rowValues[r] = Σ coefficient · x[column]` over each row's entries, with `lower[c] ≤ x[c] ≤ upper[c]`.
    /// - Parameters:
    ///   - lower: each column's lower bound.
    ///   - upper: each column's upper bound (`Double.infinity` for none).
    ///   - rows: each row's (column, coefficient) entries.
    ///   - rowValues: each row's right-hand side.
    init(lower: [Double], upper: [Double], rows entries: [[(column: Int, coefficient: Double)]], rowValues: [Double]) {
        var perColumn = [[(row: Int32, value: Double)]](repeating: [], count: lower.count)
        for (row, list) in entries.enumerated() {
            for entry in list { perColumn[entry.column].append((Int32(row), entry.coefficient)) }
        }
        var starts: [Int32] = [0], rows: [Int32] = [], values: [Double] = []
        for column in perColumn {
            for entry in column {
                rows.append(entry.row)
                values.append(entry.value)
            }
            starts.append(Int32(rows.count))
        }
        self.lower = lower
        self.upper = upper
        self.starts = starts
        self.rows = rows
        self.values = values
        self.rowValues = rowValues
    }
}

/// A linear program with equality rows and bounded columns, solved by COIN-OR CLP: loaded once, then each
/// column's least and greatest feasible value found by changing the objective and re-solving from the last
/// basis.
///
/// Not `Sendable`: one per task. CLP is a real, maintained simplex implementation; the audit must not rest
/// on a hand-written one.
final class LinearProgram {
    /// The result of minimising or maximising a column.
    enum Outcome: Equatable {
        /// The optimum.
        case value(Double)
        /// No finite optimum (the column can grow without bound).
        case unbounded
        /// No point satisfies the constraints.
        case infeasible
    }

    private let model: UnsafeMutableRawPointer
    private let columns: Int
    private var objective: [Double]

    /// Loads a program.
    /// - Parameter data: the columns, rows and bounds.
    init(_ data: ProgramData) {
        columns = data.lower.count
        objective = [Double](repeating: 0, count: columns)
        model = Clp_newModel()
        Clp_setLogLevel(model, 0)
        Clp_loadProblem(model, Int32(columns), Int32(data.rowValues.count), data.starts, data.rows, data.values, data.lower,
                        data.upper.map { $0.isFinite ? $0 : Double.greatestFiniteMagnitude }, objective, data.rowValues, data.rowValues)
    }

    deinit {
        Clp_deleteModel(model)
    }

    /// The least or greatest value of column `column` over the feasible region.
    /// - Parameters:
    ///   - column: the column.
    ///   - maximise: `true` for the greatest value.
    /// - Returns: the outcome.
    /// - Throws: ``DisclosureError/Code/solverFailure`` when CLP stops without an answer.
    func optimise(column: Int, maximise: Bool) throws(DisclosureError) -> Outcome {
        for index in objective.indices where objective[index] != 0 { objective[index] = 0 }
        objective[column] = 1
        Clp_chgObjCoefficients(model, objective)
        Clp_setObjSense(model, maximise ? -1 : 1)
        _ = Clp_primal(model, 0)
        switch Clp_status(model) {
        case 0: return .value(Clp_objectiveValue(model))
        case 1: return .infeasible
        case 2: return .unbounded
        default:
            // Try once more from scratch before giving up (a numerically troubled warm start).
            _ = Clp_initialSolve(model)
            switch Clp_status(model) {
            case 0: return .value(Clp_objectiveValue(model))
            case 1: return .infeasible
            case 2: return .unbounded
            default:
                throw DisclosureError(.solverFailure, "the LP solver (COIN-OR CLP \(String(cString: Clp_Version()))) stopped without an answer (status \(Clp_status(model))); nothing was decided")
            }
        }
    }

    /// The CLP version, for reports.
    static var solverVersion: String { "COIN-OR CLP " + String(cString: Clp_Version()) }
}
