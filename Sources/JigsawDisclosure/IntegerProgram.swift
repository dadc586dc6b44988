internal import CJigsawLP
internal import Foundation

/// The same programs as ``LinearProgram`` with every column integer, solved by COIN-OR CBC (branch and
/// bound): the integer-exact bounds of a cell, which can be narrower than the LP's in tables of three or
/// more dimensions. One CBC model per solve (CBC keeps no useful state between objectives).
final class IntegerProgram {
    private let lower: [Double], upper: [Double]
    private let starts: [CoinBigIndex], indices: [Int32], values: [Double]
    private let rowValues: [Double]
    private static let lock = NSLock()
    /// The bound put on a column without one.
    static let cap = 1e9

    /// Stores a program: `rowValues[r] = Σ coefficient · x[column]` over each row's entries, with
    /// `lower[c] ≤ x[c] ≤ upper[c]`, every `x` a whole number.
    init(lower: [Double], upper: [Double], rows: [[(column: Int, coefficient: Double)]], rowValues: [Double]) {
        self.lower = lower
        // An unbounded column is capped at a billion (more than any count of people): CBC's branch and bound
        // misbehaves with infinite integer bounds.
        self.upper = upper.map { $0.isFinite ? $0 : Self.cap }
        self.rowValues = rowValues
        var perColumn = [[(row: Int32, value: Double)]](repeating: [], count: lower.count)
        for (row, entries) in rows.enumerated() {
            for entry in entries { perColumn[entry.column].append((Int32(row), entry.coefficient)) }
        }
        var starts: [CoinBigIndex] = [0], indices: [Int32] = [], values: [Double] = []
        for column in perColumn {
            for entry in column {
                indices.append(entry.row)
                values.append(entry.value)
            }
            starts.append(CoinBigIndex(indices.count))
        }
        self.starts = starts
        self.indices = indices
        self.values = values
    }

    /// The least or greatest whole value of column `column`.
    /// - Parameters:
    ///   - column: the column.
    ///   - maximise: `true` for the greatest value.
    /// - Returns: the outcome.
    /// - Throws: ``DisclosureError/Code/solverFailure`` when CBC stops without an answer.
    func optimise(column: Int, maximise: Bool) throws(DisclosureError) -> LinearProgram.Outcome {
        // CBC's C interface keeps process-wide state (its parameter tables), so solves never overlap.
        Self.lock.lock()
        defer { Self.lock.unlock() }
        var objective = [Double](repeating: 0, count: lower.count)
        objective[column] = 1
        let model = Cbc_newModel()
        defer { Cbc_deleteModel(model) }
        Cbc_setLogLevel(model, 0)
        Cbc_loadProblem(model, Int32(lower.count), Int32(rowValues.count), starts, indices, values, lower, upper, objective,
                        rowValues, rowValues)
        for index in lower.indices { Cbc_setInteger(model, Int32(index)) }
        Cbc_setObjSense(model, maximise ? -1 : 1)
        _ = Cbc_solve(model)
        if Cbc_isProvenOptimal(model) != 0 {
            let value = Cbc_getObjValue(model)
            return maximise && value >= Self.cap - 0.5 ? .unbounded : .value(value)
        }
        if Cbc_isProvenInfeasible(model) != 0 { return .infeasible }
        if Cbc_isContinuousUnbounded(model) != 0 { return .unbounded }
        throw DisclosureError(.solverFailure, "the integer solver (COIN-OR CBC) stopped without an answer (status \(Cbc_status(model)), secondary status \(Cbc_secondaryStatus(model))); nothing was decided")
    }
}
