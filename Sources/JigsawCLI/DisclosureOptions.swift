internal import Foundation
internal import JigsawDisclosure

/// Option parsing shared by `suppress` and `audit-table`: the hierarchy file, the geography dimension,
/// `DIM=LEVEL` selectors, `LO-HI` ranges and the protection requirement.
enum DisclosureOptions {
    /// Reads and checks the hierarchy file and the grid of its cells.
    static func grid(hierarchy path: String) throws -> TableGrid {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(status: .inputOutput, message: "\(path): cannot read the hierarchy file")
        }
        return try TableGrid(hierarchy: TableHierarchy.parse(Array(bytes), file: path))
    }

    /// The position of the `--geography` dimension (the first dimension when not given).
    static func geography(_ name: String?, in tree: TableHierarchy) throws -> Int {
        guard let name else { return 0 }
        guard let index = tree.dimension(named: name) else {
            throw CommandFailure.usage("--geography: the hierarchy has no dimension \"\(name)\" (it has \(tree.dimensions.map(\.name).joined(separator: ", ")))")
        }
        return index
    }

    /// `DIM=LEVEL` arguments of `option` as level selectors.
    static func levels(_ values: [String], option: String, in tree: TableHierarchy) throws -> [AuditRules.LevelSelector] {
        try values.map { text in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let dimension = tree.dimension(named: parts[0]), let level = Int(parts[1]), level >= 0,
                  level <= tree.dimensions[dimension].depth else {
                throw CommandFailure.usage("\(option) expects DIM=LEVEL with a dimension of the hierarchy (\(tree.dimensions.map(\.name).joined(separator: ", "))) and a level from 0 (its root) to its depth")
            }
            return AuditRules.LevelSelector(dimension: dimension, level: level)
        }
    }

    /// A `LO-HI` argument of `option` with `least ≤ LO ≤ HI`.
    static func range(_ text: String, option: String, least: Int, usage: String) throws -> ClosedRange<Int> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let low = parts[0], let high = parts[1], low >= least, high >= low else {
            throw CommandFailure.usage("\(option) expects \(usage)")
        }
        return low...high
    }

    /// A `--protection` argument: `no-exact`, `width=W`, or (when `plainWidth` is given) `width` for that width.
    static func protection(_ text: String, plainWidth: Int?) throws -> AuditRules.Protection {
        if text == "no-exact" { return .noExactDisclosure }
        if text == "width", let plainWidth { return .minimumWidth(plainWidth) }
        if text.hasPrefix("width="), let width = Int(text.dropFirst(6)), width >= 1 { return .minimumWidth(width) }
        throw CommandFailure.usage(plainWidth == nil ? "--protection must be no-exact or width=W with W a whole number of 1 or more"
                                   : "--protection must be no-exact, width, or width=W with W a whole number of 1 or more")
    }
}
