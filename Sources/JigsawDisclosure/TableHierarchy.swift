/// One dimension of a table (council, group, service, …) and its tree of codes, from leaves up to one root
/// total.
public struct TableDimension: Sendable, Equatable {
    /// A code of the dimension.
    public struct Node: Sendable, Equatable {
        /// The code, as written in the hierarchy file and the tables.
        public var code: String
        /// The parent's position, `nil` for the root.
        public var parent: Int?
        /// The children's positions, in file order (empty for a leaf).
        public var children: [Int]
        /// 0 for the root, 1 for its children, and so on.
        public var level: Int
        /// Whether the code has no children.
        public var isLeaf: Bool { children.isEmpty }
    }

    /// The dimension's name: the table column holding its codes.
    public var name: String
    /// The codes in pre-order (root first, then each subtree in file order).
    public var nodes: [Node]
    private var positions: [String: Int]

    /// Creates a dimension from its nodes in pre-order.
    /// - Parameters:
    ///   - name: the column name.
    ///   - nodes: the nodes, root first; codes must be unique.
    public init(name: String, nodes: [Node]) {
        self.name = name
        self.nodes = nodes
        positions = Dictionary(nodes.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The position of `code`, or `nil` when the dimension has no such code.
    /// - Parameter code: a code.
    /// - Returns: its position in ``nodes``.
    public func position(of code: String) -> Int? { positions[code] }

    /// The deepest level (0 when the dimension is a single code).
    public var depth: Int { nodes.map(\.level).max() ?? 0 }
}

/// The hierarchies of a table's dimensions (1 to 4), read from a JSON file such as
/// `{"la": {"England": {"R1": ["LA01", "LA02"], "R2": ["LA03"]}}, "group": {"Total": ["G1", "G2", "G3"]}}`:
/// each dimension's name maps to an object with exactly one root code; a code maps to a list of leaf codes
/// or to an object of sub-trees. A code may appear only once in its dimension.
public struct TableHierarchy: Sendable, Equatable {
    /// The dimensions, in file order.
    public var dimensions: [TableDimension]

    /// The most dimensions a table may have.
    public static let maximumDimensions = 4

    /// Creates a hierarchy from its dimensions.
    /// - Parameter dimensions: the dimensions.
    public init(dimensions: [TableDimension]) {
        self.dimensions = dimensions
    }

    /// The dimension called `name`, if any.
    /// - Parameter name: a dimension's name.
    /// - Returns: its position.
    public func dimension(named name: String) -> Int? { dimensions.firstIndex { $0.name == name } }

    /// Reads a hierarchy file's bytes.
    /// - Parameters:
    ///   - bytes: the file's content (UTF-8 JSON).
    ///   - file: the path, for messages.
    /// - Returns: the hierarchy.
    /// - Throws: ``DisclosureError`` naming the line, column and JSON path of the first problem.
    public static func parse(_ bytes: [UInt8], file: String) throws(DisclosureError) -> TableHierarchy {
        var reader = OrderedJSONReader(bytes: bytes, file: file)
        let root = try reader.document()
        guard case .object(let members) = root.value else {
            throw reader.error(at: root, "must be a JSON object mapping each dimension's name to its tree of codes")
        }
        guard !members.isEmpty, members.count <= maximumDimensions else {
            throw reader.error(at: root, "must have 1 to \(maximumDimensions) dimensions; it has \(members.count)")
        }
        var dimensions: [TableDimension] = []
        var names = Set<String>()
        for member in members {
            let path = "$." + member.key
            guard names.insert(member.key).inserted else {
                throw reader.error(at: member.keyNode, "\(path): the dimension \"\(member.key)\" is given twice", code: .duplicateCode)
            }
            guard case .object(let roots) = member.value.value, roots.count == 1, let top = roots.first else {
                throw reader.error(at: member.value, "\(path): must be an object with exactly one root code (the dimension's total), e.g. {\"England\": {…}}")
            }
            var nodes: [TableDimension.Node] = []
            var seen: [String: String] = [:]
            func add(_ code: String, at node: OrderedJSONReader.Located, path: String, parent: Int?, level: Int) throws(DisclosureError) -> Int {
                guard !code.isEmpty else { throw reader.error(at: node, "\(path): a code cannot be empty") }
                if let earlier = seen[code] {
                    throw reader.error(at: node, "\(path): the code \"\(code)\" is used twice in dimension \"\(member.key)\" (first at \(earlier)); each code may appear once", code: .duplicateCode)
                }
                seen[code] = path
                nodes.append(TableDimension.Node(code: code, parent: parent, children: [], level: level))
                let index = nodes.count - 1
                if let parent { nodes[parent].children.append(index) }
                return index
            }
            func walk(_ code: String, keyNode: OrderedJSONReader.Located, value: OrderedJSONReader.Located, path: String,
                      parent: Int?, level: Int) throws(DisclosureError) {
                let index = try add(code, at: keyNode, path: path, parent: parent, level: level)
                switch value.value {
                case .array(let leaves):
                    guard !leaves.isEmpty else { throw reader.error(at: value, "\(path): a list of codes cannot be empty") }
                    for (position, leaf) in leaves.enumerated() {
                        guard case .string(let leafCode) = leaf.value else {
                            throw reader.error(at: leaf, "\(path)[\(position)]: must be a code in quotes")
                        }
                        _ = try add(leafCode, at: leaf, path: "\(path)[\(position)]", parent: index, level: level + 1)
                    }
                case .object(let children):
                    guard !children.isEmpty else { throw reader.error(at: value, "\(path): an object of sub-trees cannot be empty") }
                    for child in children {
                        try walk(child.key, keyNode: child.keyNode, value: child.value, path: "\(path).\(child.key)", parent: index, level: level + 1)
                    }
                case .string:
                    throw reader.error(at: value, "\(path): must be a list of codes or an object of sub-trees, not a single string")
                }
            }
            try walk(top.key, keyNode: top.keyNode, value: top.value, path: "\(path).\(top.key)", parent: nil, level: 0)
            dimensions.append(TableDimension(name: member.key, nodes: nodes))
        }
        return TableHierarchy(dimensions: dimensions)
    }
}

/// A JSON reader that keeps object members in file order, reports duplicate keys, and knows each value's
/// line and column.
///
/// Written here because Foundation's `JSONSerialization` loses member order and silently keeps one of two
/// equal keys, and a hierarchy file needs both: the order is the publication order, and a code given twice
/// must be an error. Only objects, arrays and strings are accepted (a hierarchy holds nothing else).
struct OrderedJSONReader {
    /// A value with its position.
    struct Located {
        var value: Value
        var line: Int
        var column: Int
    }

    /// An object member.
    struct Member {
        var key: String
        var keyNode: Located
        var value: Located
    }

    /// The accepted JSON values.
    indirect enum Value {
        case object([Member])
        case array([Located])
        case string(String)
    }

    private let bytes: [UInt8]
    private let file: String
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3; lineStart = 3 }
    }

    func error(at node: Located, _ message: String, code: DisclosureError.Code = .badHierarchy) -> DisclosureError {
        DisclosureError(code, message, file: file, line: node.line, column: String(node.column))
    }

    private func errorHere(_ message: String) -> DisclosureError {
        DisclosureError(.badHierarchy, message, file: file, line: line, column: String(offset - lineStart + 1))
    }

    mutating func document() throws(DisclosureError) -> Located {
        let value = try parseValue()
        skipSpace()
        guard offset == bytes.count else { throw errorHere("unexpected text after the JSON value") }
        return value
    }

    private mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0D: offset += 1
            case 0x0A:
                offset += 1
                line += 1
                lineStart = offset
            default: return
            }
        }
    }

    private mutating func parseValue() throws(DisclosureError) -> Located {
        skipSpace()
        guard offset < bytes.count else { throw errorHere("the JSON ends too early") }
        let here = (line: line, column: offset - lineStart + 1)
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            offset += 1
            var members: [Member] = []
            var keys = Set<String>()
            skipSpace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
                offset += 1
                return Located(value: .object([]), line: here.line, column: here.column)
            }
            while true {
                skipSpace()
                let keyNode = try parseValue()
                guard case .string(let key) = keyNode.value else { throw error(at: keyNode, "an object key must be a string in quotes") }
                guard keys.insert(key).inserted else {
                    throw error(at: keyNode, "the key \"\(key)\" appears twice in one object; each code may appear once", code: .duplicateCode)
                }
                skipSpace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw errorHere("expected ':' after an object key") }
                offset += 1
                let value = try parseValue()
                members.append(Member(key: key, keyNode: keyNode, value: value))
                skipSpace()
                guard offset < bytes.count else { throw errorHere("the JSON ends inside an object") }
                if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
                if bytes[offset] == UInt8(ascii: "}") { offset += 1; break }
                throw errorHere("expected ',' or '}' in an object")
            }
            return Located(value: .object(members), line: here.line, column: here.column)
        case UInt8(ascii: "["):
            offset += 1
            var elements: [Located] = []
            skipSpace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
                offset += 1
                return Located(value: .array([]), line: here.line, column: here.column)
            }
            while true {
                elements.append(try parseValue())
                skipSpace()
                guard offset < bytes.count else { throw errorHere("the JSON ends inside a list") }
                if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
                if bytes[offset] == UInt8(ascii: "]") { offset += 1; break }
                throw errorHere("expected ',' or ']' in a list")
            }
            return Located(value: .array(elements), line: here.line, column: here.column)
        case UInt8(ascii: "\""):
            return Located(value: .string(try parseString()), line: here.line, column: here.column)
        default:
            throw errorHere("expected an object, a list or a string in quotes (numbers, true, false and null have no place in a hierarchy)")
        }
    }

    private mutating func parseString() throws(DisclosureError) -> String {
        offset += 1
        var out: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                guard let text = String(validating: out, as: UTF8.self) else { throw errorHere("a string is not valid UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                guard offset + 1 < bytes.count else { throw errorHere("the JSON ends inside a string") }
                let escape = bytes[offset + 1]
                offset += 2
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    guard offset + 4 <= bytes.count, let text = String(validating: bytes[offset..<(offset + 4)], as: UTF8.self),
                          let scalarValue = UInt32(text, radix: 16), let scalar = Unicode.Scalar(scalarValue) else {
                        throw errorHere("a \\u escape needs four hexadecimal digits of a character outside the surrogate range")
                    }
                    offset += 4
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw errorHere("unknown escape in a string")
                }
            case 0x0A, 0x0D:
                throw errorHere("a string cannot span lines")
            default:
                if byte < 0x20 { throw errorHere("a control character inside a string must be escaped") }
                out.append(byte)
                offset += 1
            }
        }
        throw errorHere("the JSON ends inside a string")
    }
}
