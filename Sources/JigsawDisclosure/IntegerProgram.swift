internal import CJigsawLP
internal import Foundation

/// The same programs as ``LinearProgram`` with every column integer, solved by COIN-OR CBC (branch and
/// bound): the integer-exact bounds of a cell, which can be narrower than the LP's in tables of three or
/// more dimensions. One CBC model per solve (CBC keeps no useful state between objectives).
final class IntegerProgram {
    private let data: ProgramData
    /// Upper bounds with an unbounded column capped at a billion (more than any count of people): CBC's
    /// branch and bound misbehaves with infinite integer bounds.
    private let upper: [Double]
    private static let lock = NSLock()
    /// The bound put on a column without one.
    static let cap = 1e9

    /// Stores a program; every column is a whole number.
    /// - Parameter data: the columns, rows and bounds.
    init(_ data: ProgramData) {
        self.data = data
        upper = data.upper.map { $0.isFinite ? $0 : Self.cap }
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
        var objective = [Double](repeating: 0, count: data.lower.count)
        objective[column] = 1
        let model = Cbc_newModel()
        defer { Cbc_deleteModel(model) }
        Cbc_setLogLevel(model, 0)
        Cbc_loadProblem(model, Int32(data.lower.count), Int32(data.rowValues.count), data.starts, data.rows, data.values, data.lower,
                        upper, objective, data.rowValues, data.rowValues)
        for index in data.lower.indices { Cbc_setInteger(model, Int32(index)) }
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
