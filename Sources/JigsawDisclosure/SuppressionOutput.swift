internal import Foundation
internal import JigsawCSV

/// The files `jigsaw suppress` writes: the published table (every cell, its value or the symbol) and the
/// report that stays with the data controller.
public enum SuppressionOutput {
    /// The published table as CSV: one column per dimension, then `valueColumn`; one row per cell (leaves
    /// and totals), in hierarchy order.
    /// - Parameters:
    ///   - result: the protected table.
    ///   - symbol: the suppression symbol.
    ///   - valueColumn: the value column's name.
    /// - Returns: the CSV text.
    public static func publishedCSV(_ result: SuppressionResult, symbol: String, valueColumn: String) -> String {
        let grid = result.published.grid
        let dimensions = grid.hierarchy.dimensions
        var text = CSVFieldValue.textRow(dimensions.map(\.name) + [valueColumn])
        for cell in 0..<grid.cellCount {
            let codes = zip(dimensions, grid.nodes(of: cell)).map { $0.nodes[$1].code }
            let value: String = switch result.published.entries[cell] {
            case .number(let number): String(number)
            case .suppressed, .low, .absent: symbol
            }
            text += CSVFieldValue.textRow(codes + [value])
        }
        return text
    }

    /// The report as JSON (keys in a fixed order, so equal runs give equal bytes): method, options, preset
    /// and its source, the attacker model, departures, counts and summed value of primary and secondary
    /// suppressions, and every suppressed cell with its kind and feasible interval (never its count).
    /// - Parameters:
    ///   - result: the protected table.
    ///   - table: the true counts (for the summed values).
    ///   - settings: the rule applied.
    ///   - preset: the preset named, if any.
    ///   - tool: the tool and version.
    ///   - inputs: the input files named in the run.
    /// - Returns: the JSON text.
    public static func reportJSON(_ result: SuppressionResult, table: CountTable, settings: SuppressionSettings,
                                  preset: AuditRules.Preset?, tool: String, inputs: [String: String]) -> String {
        let grid = table.grid
        let dimensions = grid.hierarchy.dimensions
        let primary = result.kinds.filter { $0.value == .primary }.map(\.key)
        let secondary = result.kinds.filter { $0.value == .secondary }.map(\.key)
        let held = result.kinds.filter { $0.value == .held }.map(\.key)
        func levels(_ selectors: [AuditRules.LevelSelector]) -> String {
            "[" + selectors.map { "{\"dimension\": \(JSONText.quoted(dimensions[$0.dimension].name)), \"level\": \($0.level)}" }.joined(separator: ", ") + "]"
        }
        let rounding: String
        if let base = settings.roundingBase {
            switch settings.roundingScope {
            case .allExcept(let exact): rounding = "{\"base\": \(base), \"exactLevels\": \(levels(exact))}"
            case .only(let rounded): rounding = "{\"base\": \(base), \"roundedLevels\": \(levels(rounded))}"
            }
        } else {
            rounding = "null"
        }
        let protection: String = switch settings.protection {
        case .noExactDisclosure: "\"no-exact\""
        case .minimumWidth(let width): "\"width=\(width)\""
        }
        let range = result.rules.suppressedRange
        var lines: [String] = []
        lines.append("{")
        lines.append("  \"format\": \"jigsaw-suppression-report/1\",")
        lines.append("  \"tool\": \(JSONText.quoted(tool)),")
        lines.append("  \"inputs\": {" + inputs.keys.sorted().map { "\(JSONText.quoted($0)): \(JSONText.quoted(inputs[$0]!))" }.joined(separator: ", ") + "},")
        lines.append("  \"method\": \(JSONText.quoted("primary suppression by threshold; secondary suppression by an LP-driven repair loop over the whole hierarchy (candidates from the equations that pin each failing primary cell, weighted set cover, inner cells before totals), the singleton rule, and clean-up and swap passes; every output audited by linear programming (\(result.audit.solver)), bounds rounded inward")),")
        lines.append("  \"preset\": \(preset.map { JSONText.quoted($0.rawValue) } ?? "null"),")
        lines.append("  \"presetSource\": \(preset.map { JSONText.quoted(SuppressionSettings.source(of: $0)) } ?? "null"),")
        lines.append("  \"options\": {\"threshold\": \"\(settings.threshold.lowerBound)-\(settings.threshold.upperBound)\", \"zeros\": \(JSONText.quoted(settings.zeros.rawValue)), \"rounding\": \(rounding), \"exemptLevels\": \(levels(settings.exempt)), \"symbol\": \(JSONText.quoted(settings.symbol)), \"protection\": \(protection), \"integerBounds\": \(settings.integerBounds), \"singletons\": \(settings.singletons ? "\"protect\"" : "\"ignore\"")},")
        lines.append("  \"attackerModel\": {\"symbolMeans\": [\(range.lowerBound), \(range.upperBound == Int.max ? "null" : String(range.upperBound))], \"knows\": \"every published cell, the additivity of every dimension of the hierarchy, counts of 0 or more, the intervals symbols and rounded numbers imply\"},")
        lines.append("  \"departures\": [" + result.departures.map(JSONText.quoted).joined(separator: ", ") + "],")
        lines.append("  \"counts\": {\"cells\": \(grid.cellCount), \"primary\": \(primary.count), \"primaryValue\": \(primary.map { table.counts[$0] }.reduce(0, +)), \"secondary\": \(secondary.count), \"secondaryValue\": \(secondary.map { table.counts[$0] }.reduce(0, +)), \"heldFromPrevious\": \(held.count), \"repairRounds\": \(result.repairRounds), \"releasedByCleanup\": \(result.released)},")
        lines.append("  \"suppressed\": [")
        let cells = result.audit.cells
        for (index, cell) in cells.enumerated() {
            let codes = zip(dimensions, grid.nodes(of: cell.cell)).map { "\(JSONText.quoted($0.name)): \(JSONText.quoted($0.nodes[$1].code))" }.joined(separator: ", ")
            let kind = result.kinds[cell.cell]?.rawValue ?? "primary"
            lines.append("    {\"cell\": {\(codes)}, \"kind\": \"\(kind)\", \"minimum\": \(cell.minimum), \"maximum\": \(cell.maximum.map(String.init) ?? "null")}" + (index + 1 < cells.count ? "," : ""))
        }
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

}
