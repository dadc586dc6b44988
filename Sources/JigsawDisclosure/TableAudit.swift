internal import Foundation

/// One suppressed cell's feasible interval: the least and greatest count consistent with everything
/// published.
public struct AuditedCell: Sendable, Equatable {
    /// The cell's number in the grid.
    public var cell: Int
    /// The cell's codes, `dim=code, …`.
    public var codes: String
    /// The least feasible count (rounded up to a whole number).
    public var minimum: Int
    /// The greatest feasible count (rounded down), `nil` when unbounded.
    public var maximum: Int?
    /// Whether the interval meets the required protection.
    public var isProtected: Bool
}

/// The audit of a published table.
public struct AuditResult: Sendable, Equatable {
    /// Every suppressed cell (symbols, including "rounds to zero"), in cell order.
    public var cells: [AuditedCell]
    /// The cells whose interval is too narrow.
    public var disclosive: [AuditedCell] { cells.filter { !$0.isProtected } }
    /// Cells of the grid with no row in the table (unknown to a reader, not audited).
    public var absentCells: Int
    /// Additivity equations of the table.
    public var equations: Int
    /// Independent groups of unknown cells, each solved as its own linear program.
    public var components: Int
    /// The solver used.
    public var solver: String
}

/// The disclosure audit of `suppression.md`: for each suppressed cell, the least and greatest count an
/// attacker can deduce from the published values, the intervals that symbols and rounded values imply,
/// additivity along every dimension of the hierarchy, and non-negativity, by linear programming (COIN-OR
/// CLP), with the bounds rounded inward to whole numbers.
///
/// Cells whose value is known exactly are constants; every other cell (suppressed, rounded, absent) is a
/// variable within its interval. The equations split into independent components (cells linked through
/// shared equations), each solved as its own program, so a large table costs little more than its parts.
/// Fails closed: contradictory published values or a solver failure are errors, never a pass.
public enum TableAudit {
    /// Audits `table` under `rules`.
    /// - Parameters:
    ///   - table: the published table.
    ///   - rules: the attacker's knowledge and the protection required.
    ///   - only: when given, only the suppressed cells it accepts are solved for (the others are still
    ///     unknowns of the equations); for the repair loop, which needs the primary cells only.
    /// - Returns: every suppressed cell's interval (or those `only` accepts).
    /// - Throws: ``DisclosureError`` when the published values contradict each other or the solver fails.
    public static func run(_ table: PublishedTable, rules: AuditRules, only: ((Int) -> Bool)? = nil) throws(DisclosureError) -> AuditResult {
        let grid = table.grid
        let cellCount = grid.cellCount
        // Each cell's interval.
        var lower = [Int](repeating: 0, count: cellCount), upper = [Int](repeating: Int.max, count: cellCount)
        var audited = [Bool](repeating: false, count: cellCount)
        var absent = 0
        for cell in 0..<cellCount {
            let range: ClosedRange<Int>
            switch table.entries[cell] {
            case .absent:
                range = 0...Int.max
                absent += 1
            case .number(let value):
                if rules.isRounded(grid.nodes(of: cell), in: grid.hierarchy) {
                    guard let interval = rules.roundedInterval(value) else {
                        throw DisclosureError(.inconsistentTable, "the number of cell \(grid.describe(cell)) cannot be a count rounded to \(rules.roundingBase!) under these rules (not a multiple of it, or below the least rounded count \(rules.roundedMinimum)); check --round, --round-at, --exact and --rounded-minimum")
                    }
                    range = interval
                } else {
                    range = value...value
                }
            case .suppressed:
                range = rules.suppressedRange
                audited[cell] = only?(cell) ?? true
            case .low:
                range = rules.lowInterval
                audited[cell] = only?(cell) ?? true
            }
            lower[cell] = range.lowerBound
            upper[cell] = range.upperBound
        }
        let isVariable = (0..<cellCount).map { lower[$0] != upper[$0] }

        // Equations in the variables, constants moved to the right-hand side.
        struct Row { var entries: [(column: Int, coefficient: Double)]; var value: Double; var total: Int }
        let equations = grid.equations()
        var rows: [Row] = []
        var parent = Array(0..<cellCount)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for equation in equations {
            var constant = 0
            var entries: [(column: Int, coefficient: Double)] = []
            if isVariable[equation.total] { entries.append((equation.total, 1)) } else { constant += lower[equation.total] }
            for part in equation.parts {
                if isVariable[part] { entries.append((part, -1)) } else { constant -= lower[part] }
            }
            if entries.isEmpty {
                guard constant == 0 else {
                    throw DisclosureError(.inconsistentTable, "the published value of cell \(grid.describe(equation.total)) is not the sum of the published values of its parts; the table is inconsistent (check the totals, or whether its numbers are rounded: --round)")
                }
                continue
            }
            for entry in entries.dropFirst() {
                let a = find(entries[0].column), b = find(entry.column)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
            rows.append(Row(entries: entries, value: Double(-constant), total: equation.total))
        }

        // Components: the variables sharing equations, each with its rows.
        var componentOf: [Int: Int] = [:]
        var members: [[Int]] = []
        for cell in 0..<cellCount where isVariable[cell] {
            let root = find(cell)
            if let index = componentOf[root] { members[index].append(cell) } else {
                componentOf[root] = members.count
                members.append([cell])
            }
        }
        var rowsOf = [[Int]](repeating: [], count: members.count)
        for (index, row) in rows.enumerated() { rowsOf[componentOf[find(row.entries[0].column)]!].append(index) }

        var results: [AuditedCell] = []
        // Jobs: each component's suppressed cells, large components cut into one slice per core. Every job
        // loads its own copy of its component's program, so jobs run in parallel; optimal values do not
        // depend on the order of solving, so the result is the same on any number of cores.
        let componentCells = members, componentRows = rowsOf, allRows = rows, lowerBounds = lower, upperBounds = upper
        /// A component's program (its cells as columns) and each cell's column.
        @Sendable func programData(_ component: Int) -> (ProgramData, [Int: Int]) {
            let cells = componentCells[component]
            let columnOf = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1, $0) })
            return (ProgramData(
                lower: cells.map { Double(lowerBounds[$0]) },
                upper: cells.map { upperBounds[$0] == Int.max ? .infinity : Double(upperBounds[$0]) },
                rows: componentRows[component].map { allRows[$0].entries.map { (columnOf[$0.column]!, $0.coefficient) } },
                rowValues: componentRows[component].map { allRows[$0].value }), columnOf)
        }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var jobs: [(component: Int, targets: ArraySlice<Int>)] = []
        for (component, cells) in members.enumerated() {
            let targets = cells.filter { audited[$0] }
            if targets.isEmpty {
                // A component without suppressed cells still has to be feasible (rounded values that cannot add up).
                if rowsOf[component].isEmpty { continue }
                if try LinearProgram(programData(component).0).optimise(column: 0, maximise: false) == .infeasible { throw infeasible(grid, cells) }
                continue
            }
            let slices = targets.count >= 64 ? cores : 1
            let size = (targets.count + slices - 1) / slices
            for start in stride(from: 0, to: targets.count, by: size) {
                jobs.append((component, targets[start..<min(targets.count, start + size)]))
            }
        }
        let outcomes = JobOutcomes(count: jobs.count)
        let jobList = jobs
        let protection = rules.protection, protectedRange = rules.protectedRange, integer = rules.integerBounds
        DispatchQueue.concurrentPerform(iterations: jobList.count) { index in
            let job = jobList[index]
            do throws(DisclosureError) {
                let (data, columnOf) = programData(job.component)
                let program = LinearProgram(data)
                var exact: IntegerProgram?
                var found: [AuditedCell] = []
                for cell in job.targets {
                    let column = columnOf[cell]!
                    let low = try program.optimise(column: column, maximise: false)
                    let high = try program.optimise(column: column, maximise: true)
                    guard case .value(let least) = low, high != .infeasible else { throw infeasible(grid, componentCells[job.component]) }
                    var minimum = Int((least - 1e-6).rounded(.up))
                    var maximum: Int?
                    if case .value(let greatest) = high { maximum = Int((greatest + 1e-6).rounded(.down)) }
                    if integer, maximum.map({ $0 > minimum }) ?? true {
                        // Integer bounds lie within the LP's; only an LP interval wider than a point can narrow.
                        if exact == nil { exact = IntegerProgram(data) }
                        switch try exact!.optimise(column: column, maximise: false) {
                        case .value(let least): minimum = Int((least - 1e-6).rounded(.up))
                        case .infeasible: throw infeasible(grid, componentCells[job.component])
                        case .unbounded: break
                        }
                        if maximum != nil, case .value(let greatest) = try exact!.optimise(column: column, maximise: true) {
                            maximum = Int((greatest + 1e-6).rounded(.down))
                        }
                    }
                    var isProtected: Bool = switch protection {
                    case .noExactDisclosure: maximum.map { $0 > minimum } ?? true
                    case .minimumWidth(let width): maximum.map { $0 - minimum >= width } ?? true
                    }
                    // An interval wholly outside the protected small counts reveals none of them.
                    if let small = protectedRange, minimum > small.upperBound || (maximum ?? Int.max) < small.lowerBound { isProtected = true }
                    found.append(AuditedCell(cell: cell, codes: grid.describe(cell), minimum: minimum, maximum: maximum, isProtected: isProtected))
                }
                outcomes.set(index, .success(found))
            } catch {
                outcomes.set(index, .failure(error))
            }
        }
        for outcome in outcomes.all() {
            switch outcome {
            case .success(let cells): results.append(contentsOf: cells)
            case .failure(let error): throw error
            case nil: throw DisclosureError(.solverFailure, "an audit job did not finish; nothing was decided")
            }
        }
        // Cells that are suppressed but pinned by their own interval (a symbol meaning exactly one value).
        for cell in 0..<cellCount where audited[cell] && !isVariable[cell] {
            let outside = rules.protectedRange.map { lower[cell] > $0.upperBound || upper[cell] < $0.lowerBound } ?? false
            results.append(AuditedCell(cell: cell, codes: grid.describe(cell), minimum: lower[cell], maximum: upper[cell], isProtected: outside))
        }
        results.sort { $0.cell < $1.cell }
        return AuditResult(cells: results, absentCells: absent, equations: equations.count, components: members.count,
                           solver: LinearProgram.solverVersion + (rules.integerBounds ? " with integer-exact bounds (COIN-OR CBC)" : ""))
    }

    private static func infeasible(_ grid: TableGrid, _ cells: [Int]) -> DisclosureError {
        let named = cells.prefix(3).map { grid.describe($0) }.joined(separator: "; ")
        return DisclosureError(.inconsistentTable, "no non-negative counts fit the published values around \(named)\(cells.count > 3 ? " and \(cells.count - 3) more cells" : ""): the figures contradict each other, or the table was not made under the symbol, rule and rounding settings given")
    }
}

/// The results of the audit's parallel jobs, one slot per job, written under a lock.
private final class JobOutcomes: @unchecked Sendable {
    private var slots: [Result<[AuditedCell], DisclosureError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: Result<[AuditedCell], DisclosureError>) {
        lock.lock()
        slots[index] = outcome
        lock.unlock()
    }

    func all() -> [Result<[AuditedCell], DisclosureError>?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
