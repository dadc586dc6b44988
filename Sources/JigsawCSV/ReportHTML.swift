/// What Jigsaw's self-contained HTML reports share: escaping, number formatting and the base style sheet, so
/// that the IG audit report (JigsawAudit) and the linkage report (JigsawLinkage) escape text the same way
/// and look like one product.
///
/// It lives here because JigsawCSV is the one module both renderers import (their pages are written with
/// ``AtomicOutputFile`` too), and it is `package`, not `public`: it is not a general HTML library.
package enum ReportHTML {
    /// Escapes `text` for HTML and SVG text and attribute values (`&`, `<`, `>`, `"`, `'`), and replaces
    /// characters XML does not allow (C0 controls other than tab and line feed) by U+FFFD.
    package static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The rules every report starts from: NHS colours, type, headings, the contents bar, facts lists,
    /// tables, figures, the footer, and A4 printing. Each report appends its own rules after these.
    package static let baseStyleSheet = """
        :root { --ink: #212b32; --muted: #4c6272; --line: #d8dde0; --pale: #f0f4f5; --blue: #005eb8; --red: #d5281b; --amber: #ffb81c; --green: #007f3b; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0 auto; max-width: 1240px; padding: 24px 28px 40px; color: var(--ink); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        h1 { margin: 0; font-size: 26px; color: var(--blue); }
        h2 { margin: 34px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--blue); font-size: 20px; }
        h3 { margin: 22px 0 8px; font-size: 16px; }
        p { margin: 6px 0 10px; }
        a { color: var(--blue); }
        .subtitle { margin: 4px 0 8px; color: var(--muted); }
        nav ul { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; padding: 0; list-style: none; font-size: 13px; }
        .mono { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 0.9em; }
        .muted { color: var(--muted); }
        .block { display: block; }
        .note { display: block; margin-top: 2px; color: var(--muted); font-size: 12.5px; }
        .ok { color: var(--green); font-weight: 600; }
        .bad { color: var(--red); font-weight: 600; }
        .warn { color: #8a5a00; font-weight: 600; }
        .none { color: var(--muted); font-style: italic; }
        .facts { display: grid; grid-template-columns: 190px 1fr; margin: 0; border-top: 1px solid var(--line); }
        .facts div { display: contents; }
        .facts dt, .facts dd { margin: 0; padding: 5px 8px; border-bottom: 1px solid var(--line); }
        .facts dt { font-weight: 600; background: var(--pale); }
        table { width: 100%; margin: 6px 0 14px; border-collapse: collapse; font-size: 12.5px; }
        th, td { padding: 4px 6px; border: 1px solid var(--line); text-align: left; vertical-align: top; }
        thead th { background: var(--pale); }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 8px 0 12px; }
        footer { margin-top: 36px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          nav { display: none; }
          a { color: inherit; text-decoration: none; }
          h2, h3 { break-after: avoid; }
          tr, li, .facts div { break-inside: avoid; }
          table { font-size: 8.5pt; }
        }

        """
}
