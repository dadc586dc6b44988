/// The linkage report's published table: a cross-table for a table of two dimensions (the first down, the
/// second across), otherwise one row per cell; totals in bold, codes indented by their level, and every
/// suppressed cell showing the symbol on a hatched background with an accessible label.
enum LinkageReportTable {
    static func render(_ table: LinkageReport.PublishedCells) -> String {
        table.dimensions.count == 2 ? crossTable(table) : longTable(table)
    }

    private static func crossTable(_ table: LinkageReport.PublishedCells) -> String {
        let (down, across) = (table.dimensions[0], table.dimensions[1])
        var values: [[Int]: LinkageReport.PublishedCells.Value] = [:]
        for cell in table.cells { values[cell.positions] = cell.value }
        var out = "<table class=\"published\">\n<caption class=\"visually-hidden\">\(e(down.name)) down, \(e(across.name)) across</caption>\n"
        out += "<thead><tr><th scope=\"col\">\(e(down.name)) \\ \(e(across.name))</th>"
        for (j, code) in across.codes.enumerated() {
            out += "<th scope=\"col\" class=\"num\(across.levels[j] == 0 ? " total" : "")\">\(e(code))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (i, code) in down.codes.enumerated() {
            out += "<tr>" + rowHeader(code, level: down.levels[i])
            for j in across.codes.indices {
                out += cell(values[[i, j]] ?? .absent, symbol: table.symbol, total: down.levels[i] == 0 || across.levels[j] == 0)
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    private static func longTable(_ table: LinkageReport.PublishedCells) -> String {
        var out = "<table class=\"published\">\n<thead><tr>"
        for dimension in table.dimensions { out += "<th scope=\"col\">\(e(dimension.name))</th>" }
        out += "<th scope=\"col\" class=\"num\">Published</th></tr></thead>\n<tbody>\n"
        for entry in table.cells {
            out += "<tr>"
            var total = false
            for (k, dimension) in table.dimensions.enumerated() {
                let position = entry.positions[k]
                total = total || dimension.levels[position] == 0
                out += k == 0 ? rowHeader(dimension.codes[position], level: dimension.levels[position])
                    : "<td>\(e(dimension.codes[position]))</td>"
            }
            out += cell(entry.value, symbol: table.symbol, total: total) + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    private static func rowHeader(_ code: String, level: Int) -> String {
        let indent = level == 0 ? "" : " style=\"padding-left: \(6 + 16 * min(level, 4))px\""
        return "<th scope=\"row\"\(level == 0 ? " class=\"total\"" : "")\(indent)>\(e(code))</th>"
    }

    private static func cell(_ value: LinkageReport.PublishedCells.Value, symbol: String, total: Bool) -> String {
        let weight = total ? " total" : ""
        switch value {
        case .number(let n): return "<td class=\"num\(weight)\">\(LinkageReportHTML.count(n))</td>"
        case .suppressed: return "<td class=\"num suppressed\(weight)\" title=\"suppressed\">\(e(symbol))<span class=\"visually-hidden\"> (suppressed)</span></td>"
        case .low: return "<td class=\"num low\(weight)\" title=\"rounds to zero\">low</td>"
        case .absent: return "<td class=\"num muted\" title=\"not published\">–</td>"
        }
    }

    private static func e(_ text: String) -> String { LinkageReportHTML.e(text) }
}

