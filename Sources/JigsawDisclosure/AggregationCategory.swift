/// One category of the `group` or `service` dimension: its code in the table, the linked file's column
/// that says whether a child belongs to it, and how that column is read.
///
/// Categories are listed in priority order. A child belongs to the **first** category whose column holds
/// a true value, and to `none` when no column does, so each child is counted exactly once and every total
/// is the sum of its parts (the DfE "highest level of need" convention of the children-in-need census).
public struct AggregationCategory: Sendable, Equatable {
    /// How a column's values are read.
    public enum Rule: Sendable, Equatable {
        /// A yes/no flag: `1`, `y`, `yes`, `true`, `K`, `E` are true; blank, `0`, `n`, `no`, `false` are false
        /// (ASCII case ignored, spaces and tabs at either end removed); anything else is an error.
        case flag
        /// A SEND provision column: blank, `0`, `N`, `no` and `false` mean none; any other value (`K` SEN
        /// support, `E` EHC plan, older codes such as `S`) means the child has special educational needs.
        case sendStatus
    }

    /// The category's code in the table and the hierarchy, such as `looked_after`.
    public var name: String
    /// The linked file's column read for it.
    public var column: String
    /// How the column's values are read.
    public var rule: Rule

    /// Creates a category.
    /// - Parameters:
    ///   - name: the code written in the table.
    ///   - column: the column read.
    ///   - rule: how its values are read (a yes/no flag unless said otherwise).
    public init(name: String, column: String, rule: Rule = .flag) {
        self.name = name
        self.column = column
        self.rule = rule
    }

    /// The council groups in DfE priority order: looked after, child in need, SEND (SEN support or EHC plan),
    /// free school meals.
    public static let councilGroups: [AggregationCategory] = [
        AggregationCategory(name: "looked_after", column: "looked_after"),
        AggregationCategory(name: "child_in_need", column: "child_in_need"),
        AggregationCategory(name: "send", column: "send", rule: .sendStatus),
        AggregationCategory(name: "free_school_meals", column: "free_school_meals"),
    ]

    /// The health services in priority order: CAMHS, community services, A&E attendance.
    public static let healthServices: [AggregationCategory] = [
        AggregationCategory(name: "camhs", column: "camhs"),
        AggregationCategory(name: "community_services", column: "community_services"),
        AggregationCategory(name: "ae_attendance", column: "ae_attendance"),
    ]

    /// The code of the category for children in none of the listed ones.
    public static let noneCode = "none"

    /// Reads one value by this category's rule.
    /// - Parameter bytes: the field's value (unquoted); spaces and tabs at either end are ignored.
    /// - Returns: whether the child belongs to the category, or `nil` when the value is not one the rule
    ///   knows.
    /// - Complexity: O(*n*) in the value's length; no allocation.
    @inlinable
    public func reads(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        Self.read(bytes, rule: rule)
    }

    /// Reads one value by `rule` (see ``Rule``).
    /// - Parameters:
    ///   - bytes: the field's value.
    ///   - rule: the rule.
    /// - Returns: true, false, or `nil` for a value the rule does not know.
    /// - Complexity: O(*n*) in the value's length; no allocation.
    @inlinable
    public static func read(_ bytes: UnsafeRawBufferPointer, rule: Rule) -> Bool? {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        let length = end - start
        if length == 0 { return false }
        guard length <= 5 else { return nil }
        // Pack the lower-cased ASCII letters into one integer and compare with the known words.
        var word: UInt64 = 0
        for i in start..<end {
            var byte = bytes[i]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            word = word << 8 | UInt64(byte)
        }
        switch word {
        case Words.zero, Words.n, Words.no, Words.false_: return false
        case Words.one, Words.y, Words.yes, Words.true_, Words.k, Words.e: return true
        // SEND provision codes of the school census: S (statement) and A, P (older School Action codes).
        case Words.s, Words.a, Words.p: return rule == .sendStatus ? true : nil
        // Anything else — "None", "NA", "null" among them — is refused rather than guessed at.
        default: return nil
        }
    }

    /// The known words, lower case, packed big-endian into integers.
    @usableFromInline
    enum Words {
        @usableFromInline static let zero = pack("0"), one = pack("1")
        @usableFromInline static let n = pack("n"), no = pack("no"), false_ = pack("false")
        @usableFromInline static let y = pack("y"), yes = pack("yes"), true_ = pack("true")
        @usableFromInline static let k = pack("k"), e = pack("e")
        @usableFromInline static let s = pack("s"), a = pack("a"), p = pack("p")

        static func pack(_ text: String) -> UInt64 { text.utf8.reduce(0) { $0 << 8 | UInt64($1) } }
    }
}
