internal import JigsawCSV

/// Text helpers shared by the report's renderers: escaping for HTML and Markdown, numbers, times, file
/// names, and wrapping long names into a box.
///
/// Every string that comes from a log (paths, ids, arguments, messages) is user-controlled, so it passes
/// through ``html(_:)`` or ``markdown(_:)`` on its way out, never straight into the output.
enum AuditReportText {
    /// Escapes `text` for HTML and SVG text and attribute values (`&`, `<`, `>`, `"`, `'`), and replaces
    /// characters XML does not allow (C0 controls other than tab and line feed) by U+FFFD.
    static func html(_ text: String) -> String { ReportHTML.escaped(text) }

    /// Escapes `text` for Markdown prose and table cells: backslash before every character Markdown could
    /// read as markup (an underscore between two letters or digits cannot start emphasis, so it is left
    /// alone), `&`, `<` and `>` as entities so no raw HTML reaches a renderer, and line breaks as spaces.
    static func markdown(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\r", "\t": out += " "
            case "\\", "`", "*", "[", "]", "|", "#", "~", "!", "{", "}":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "_":
                let inWord = i > 0 && i + 1 < scalars.count && isWordCharacter(scalars[i - 1]) && isWordCharacter(scalars[i + 1])
                if !inWord { out += "\\" }
                out += "_"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// `1234567` as `1,234,567`.
    static func count(_ value: Int) -> String { DigitGrouping.grouped(value) }

    /// `1 run`, `2 runs`.
    static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count(value)) \(value == 1 ? noun : plural ?? noun + "s")"
    }

    /// A record's time (`2026-11-25T22:10:00.123Z`) as `2026-11-25 22:10:00`, or the text as it is when it
    /// is not in that form.
    static func time(_ iso: String) -> String {
        let characters = Array(iso)
        guard characters.count >= 19, characters[10] == "T", characters.last == "Z" else { return iso }
        return String(characters[0..<10]) + " " + String(characters[11..<19])
    }

    /// The last component of a path (`-` stays `-`).
    static func fileName(_ path: String) -> String {
        guard path != "-" else { return path }
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        let name = String(trimmed[trimmed.index(after: slash)...])
        return name.isEmpty ? trimmed : name
    }

    /// The last two components of a path (`partner-a/tokens.csv`), to tell apart files of the same name.
    static func shortPath(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return parts.suffix(2).joined(separator: "/")
    }

    /// A command's arguments as one line, quoting the ones a shell would split or lose.
    static func arguments(_ arguments: [String]) -> String {
        arguments.map { argument in
            let plain = !argument.isEmpty && argument.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./=:,@+%^".unicodeScalars.contains(scalar)
            }
            return plain ? argument : "'" + argument.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
        }.joined(separator: " ")
    }

    /// `text` cut in the middle to at most `width` characters, keeping its start and its end (where a file's
    /// date and extension usually are).
    static func middleEllipsis(_ text: String, width: Int) -> String {
        guard text.count > width, width >= 3 else { return text }
        let keep = width - 1
        let head = keep / 2
        return String(text.prefix(head)) + "…" + String(text.suffix(keep - head))
    }

    /// Breaks `name` into at most two lines of at most `width` characters, after a `_`, `-`, `.`, `/` or
    /// space where possible (the break that makes the lines most even), shortening the second line in the
    /// middle when the name is longer still.
    static func wrap(_ name: String, width: Int) -> [String] {
        let characters = Array(name)
        guard characters.count > width else { return [name] }
        let separators: Set<Character> = ["_", "-", ".", "/", " "]
        // Break positions: after a separator, within the first line's width.
        let breaks = (1...width).filter { separators.contains(characters[$0 - 1]) }
        let fitting = breaks.filter { characters.count - $0 <= width }
        let balanced = fitting.min { a, b in
            let (spanA, spanB) = (max(a, characters.count - a), max(b, characters.count - b))
            return spanA != spanB ? spanA < spanB : a > b
        }
        let cut = balanced ?? breaks.last(where: { $0 >= width / 2 }) ?? width
        let first = String(characters[..<cut])
        let rest = String(characters[cut...])
        return [first, middleEllipsis(rest, width: width)]
    }
}
