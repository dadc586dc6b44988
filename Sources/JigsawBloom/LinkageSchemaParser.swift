internal import Foundation
internal import JigsawCrypto

/// Reads clkhash linkage schemas (version 3) strictly: every key is checked against clkhash's master
/// schema, unknown keys are refused, and each problem names its JSON path.
///
/// One clkhash quirk is kept for compatibility: clkhash reads the XOR-fold count from `xor_folds`, not
/// the documented `xorFolds`, so `xorFolds` is accepted but ignored, with a warning.
public enum LinkageSchemaParser {
    /// Parses a schema document.
    /// - Parameters:
    ///   - bytes: the JSON text.
    ///   - file: the file name for messages.
    /// - Returns: the schema.
    /// - Throws: ``LinkageSchemaError`` naming the JSON path of the first problem.
    public static func parse(_ bytes: [UInt8], file: String? = nil) throws(LinkageSchemaError) -> LinkageSchema {
        do throws(LinkageSchemaError) {
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            } catch {
                throw LinkageSchemaError(path: "$", message: "is not valid JSON (check brackets, commas and quotes; a linkage schema is one JSON object)")
            }
            return try parseDocument(JSONNode(value: object, path: "$"))
        } catch var error {
            error.file = file
            throw error
        }
    }

    static func parseDocument(_ root: JSONNode) throws(LinkageSchemaError) -> LinkageSchema {
        let probe = try root.object(allowed: nil)
        if let format = probe["format"] {
            guard try format.string() == JigsawProfileParser.formatTag else {
                throw format.error("must be \"\(JigsawProfileParser.formatTag)\" (or give a clkhash schema with \"version\": 3)")
            }
            return try JigsawProfileParser.parse(root)
        }
        let object = try root.object(allowed: ["version", "clkConfig", "features"])
        guard let version = object["version"] else { throw root.error("has no \"version\"; a clkhash linkage schema has \"version\": 3 (a Jigsaw profile has \"format\": \"\(JigsawProfileParser.formatTag)\")") }
        let versionNumber = try version.number()
        guard versionNumber == 3 else {
            let shown = versionNumber.rounded() == versionNumber ? String(Int(versionNumber)) : String(versionNumber)
            throw version.error("is \(shown); Jigsaw reads clkhash linkage schema version 3 (convert older schemas with clkhash)")
        }
        guard let clkConfig = object["clkConfig"] else { throw root.error("has no \"clkConfig\"") }
        let (length, xorFolds, kdf, warnings) = try parseClkConfig(clkConfig)
        guard let featuresNode = object["features"] else { throw root.error("has no \"features\"") }
        let featureNodes = try featuresNode.array()
        guard !featureNodes.isEmpty else { throw featuresNode.error("is empty; a schema needs at least one feature") }
        var features: [FeatureSpec] = []
        var seen = Set<String>()
        for node in featureNodes {
            let feature = try parseFeature(node, length: length << xorFolds)
            guard seen.insert(feature.identifier).inserted else {
                throw node.child("identifier").error("\"\(feature.identifier)\" is used by more than one feature")
            }
            features.append(feature)
        }
        try checkKeys(features: features, nodes: featureNodes, featuresNode: featuresNode, kdf: kdf)
        return LinkageSchema(length: length, xorFolds: xorFolds, kdf: kdf, features: features, warnings: warnings)
    }

    /// `clkConfig`: length, folds, KDF, and the warning about clkhash's ignored `xorFolds`.
    static func parseClkConfig(_ clkConfig: JSONNode) throws(LinkageSchemaError) -> (Int, Int, KeyDerivationSpec, [String]) {
        let config = try clkConfig.object(allowed: ["l", "kdf", "xor_folds", "xorFolds"])
        var warnings: [String] = []
        guard let lengthNode = config["l"] else { throw clkConfig.error("has no \"l\" (the CLK length in bits)") }
        let length = try lengthNode.integer(minimum: 1)
        var xorFolds = 0
        if let folds = config["xor_folds"] { xorFolds = try folds.integer(minimum: 0) }
        if let documented = config["xorFolds"] {
            _ = try documented.integer(minimum: 0)
            warnings.append("\(documented.path) is ignored, as clkhash 0.18.3 ignores it (it reads \"xor_folds\"); use \"xor_folds\" to fold")
        }
        guard xorFolds < 20, length << xorFolds <= 1 << 24 else {
            throw clkConfig.error("l × 2^xor_folds is larger than Jigsaw supports (16,777,216 bits)")
        }
        guard let kdfNode = config["kdf"] else { throw clkConfig.error("has no \"kdf\"") }
        return (length, xorFolds, try parseKDF(kdfNode), warnings)
    }

    /// Checks that the KDF can key every feature and that blakeHash keys fit.
    static func checkKeys(features: [FeatureSpec], nodes: [JSONNode], featuresNode: JSONNode, kdf: KeyDerivationSpec) throws(LinkageSchemaError) {
        let hashLength = kdf.hash == .sha256 ? 32 : 64
        guard 2 * features.count * kdf.keySize <= 255 * hashLength else {
            throw featuresNode.error("has \(features.count) features; with keySize \(kdf.keySize), HKDF-\(kdf.hash.rawValue) can key at most \(255 * hashLength / (2 * kdf.keySize)) (2 keys per feature, ignored ones included); lower keySize or use SHA512")
        }
        for (index, feature) in features.enumerated() {
            if case .blake = feature.hashing?.hash, kdf.keySize > 64 {
                throw nodes[index].child("hashing").child("hash").error("blakeHash takes keys of at most 64 bytes, but kdf.keySize is \(kdf.keySize)")
            }
        }
    }

    static func parseKDF(_ node: JSONNode) throws(LinkageSchemaError) -> KeyDerivationSpec {
        let object = try node.object(allowed: ["type", "hash", "salt", "info", "keySize"])
        guard let type = object["type"] else { throw node.error("has no \"type\" (only \"HKDF\" is supported)") }
        guard try type.string() == "HKDF" else { throw type.error("must be \"HKDF\"") }
        var hash = HKDF.Hash.sha256
        if let hashNode = object["hash"] {
            switch try hashNode.string() {
            case "SHA256": hash = .sha256
            case "SHA512": hash = .sha512
            default: throw hashNode.error("must be \"SHA256\" or \"SHA512\"")
            }
        }
        func base64(_ key: String) throws(LinkageSchemaError) -> [UInt8] {
            guard let child = object[key] else { return [] }
            let text = try child.string()
            guard let data = Data(base64Encoded: text) else { throw child.error("is not base64") }
            return [UInt8](data)
        }
        var keySize = 64
        if let size = object["keySize"] { keySize = try size.integer(minimum: 1) }
        return KeyDerivationSpec(hash: hash, salt: try base64("salt"), info: try base64("info"), keySize: keySize)
    }

    private static func parseFeature(_ node: JSONNode, length: Int) throws(LinkageSchemaError) -> FeatureSpec {
        let probe = try node.object(allowed: nil)
        guard let identifierNode = probe["identifier"] else { throw node.error("has no \"identifier\"") }
        let identifier = try identifierNode.string()
        if let ignored = probe["ignored"], try ignored.bool() {
            _ = try node.object(allowed: ["identifier", "ignored", "description"])
            if let description = probe["description"] { _ = try description.string() }
            return FeatureSpec(identifier: identifier, format: nil, hashing: nil)
        }
        let object = try node.object(allowed: ["identifier", "description", "ignored", "format", "hashing"])
        if let description = object["description"] { _ = try description.string() }
        guard let formatNode = object["format"] else { throw node.error("has no \"format\" (or set \"ignored\": true)") }
        guard let hashingNode = object["hashing"] else { throw node.error("has no \"hashing\" (or set \"ignored\": true)") }
        let format = try parseFormat(formatNode)
        var hashing = try parseHashing(hashingNode, length: length)
        if case .string(let string) = format { hashing.encoding = string.encoding }
        return FeatureSpec(identifier: identifier, format: format, hashing: hashing.spec)
    }

    private static func parseFormat(_ node: JSONNode) throws(LinkageSchemaError) -> FeatureFormat {
        let probe = try node.object(allowed: nil)
        guard let typeNode = probe["type"] else { throw node.error("has no \"type\" (string, integer, date or enum)") }
        switch try typeNode.string() {
        case "string":
            let object: [String: JSONNode]
            if probe["pattern"] != nil {
                object = try node.object(allowed: ["type", "encoding", "pattern", "description"])
            } else {
                object = try node.object(allowed: ["type", "encoding", "case", "minLength", "maxLength", "description"])
            }
            var format = StringFormat(encoding: .utf8, letterCase: "mixed", minLength: nil, maxLength: nil, pattern: nil)
            if let encoding = object["encoding"] {
                guard let value = TextEncoding(rawValue: try encoding.string()) else {
                    throw encoding.error("must be one of ascii, utf-8, utf-16, utf-32")
                }
                format.encoding = value
            }
            if let pattern = object["pattern"] {
                let text = try pattern.string()
                guard (try? Regex(text)) != nil else { throw pattern.error("is not a regular expression Jigsaw can compile") }
                // Patterns match code point by code point, as Python's `re` does (not by grapheme).
                format.pattern = text
            }
            if let letterCase = object["case"] {
                let text = try letterCase.string()
                guard ["upper", "lower", "mixed"].contains(text) else { throw letterCase.error("must be upper, lower or mixed") }
                format.letterCase = text
            }
            if let minLength = object["minLength"] { format.minLength = try minLength.integer(minimum: 0) }
            if let maxLength = object["maxLength"] { format.maxLength = try maxLength.integer(minimum: 1) }
            return .string(format)
        case "integer":
            let object = try node.object(allowed: ["type", "minimum", "maximum", "description"])
            return .integer(minimum: try object["minimum"]?.integer(), maximum: try object["maximum"]?.integer())
        case "date":
            let object = try node.object(allowed: ["type", "format", "description"])
            guard let formatNode = object["format"] else { throw node.error("has no \"format\" (a strptime format such as %Y-%m-%d)") }
            do {
                return .date(try DatePattern(try formatNode.string()))
            } catch {
                throw formatNode.error(error.message)
            }
        case "enum":
            let object = try node.object(allowed: ["type", "values", "description"])
            guard let valuesNode = object["values"] else { throw node.error("has no \"values\"") }
            var values = Set<String>()
            for item in try valuesNode.array() { values.insert(try item.string()) }
            return .enumeration(values)
        default:
            throw typeNode.error("must be string, integer, date or enum")
        }
    }

    struct PartialHashing {
        var spec: HashingSpec
        var encoding: TextEncoding {
            get { spec.encoding }
            set { spec.encoding = newValue }
        }
    }

    static func parseHashing(_ node: JSONNode, length: Int) throws(LinkageSchemaError) -> PartialHashing {
        let object = try node.object(allowed: ["comparison", "strategy", "hash", "missingValue"])
        guard let comparisonNode = object["comparison"] else { throw node.error("has no \"comparison\"") }
        guard let strategyNode = object["strategy"] else { throw node.error("has no \"strategy\"") }
        let comparison = try parseComparison(comparisonNode)
        let strategyObject = try strategyNode.object(allowed: ["bitsPerToken", "bitsPerFeature"])
        let strategy: InsertionStrategy
        switch (strategyObject["bitsPerToken"], strategyObject["bitsPerFeature"]) {
        case (let k?, nil):
            let value = try k.integer(minimum: 1)
            guard value <= 4_096 else { throw k.error("must be at most 4,096") }
            strategy = .bitsPerToken(value)
        case (nil, let total?):
            let value = try total.integer(minimum: 1)
            guard value <= 1 << 20 else { throw total.error("must be at most 1,048,576") }
            strategy = .bitsPerFeature(value)
        default: throw strategyNode.error("must hold exactly one of \"bitsPerToken\" and \"bitsPerFeature\"")
        }
        var hash = HashFunction.blake
        if let hashNode = object["hash"] {
            let hashObject = try hashNode.object(allowed: ["type", "prevent_singularity"])
            guard let typeNode = hashObject["type"] else { throw hashNode.error("has no \"type\" (blakeHash or doubleHash)") }
            switch try typeNode.string() {
            case "blakeHash":
                if let singular = hashObject["prevent_singularity"] {
                    throw singular.error("applies only to doubleHash; remove it or use \"type\": \"doubleHash\"")
                }
                hash = .blake
            case "doubleHash":
                hash = .doubleHash(preventSingularity: try hashObject["prevent_singularity"]?.bool() ?? false)
            default:
                throw typeNode.error("must be blakeHash or doubleHash")
            }
        }
        if case .blake = hash, length & (length - 1) != 0 {
            throw (object["hash"] ?? node).error("blakeHash needs a CLK length that is a power of two, but l × 2^xor_folds is \(length); change l or use doubleHash")
        }
        var missing: MissingValueSpec?
        if let missingNode = object["missingValue"] {
            let missingObject = try missingNode.object(allowed: ["sentinel", "replaceWith"])
            guard let sentinel = missingObject["sentinel"] else { throw missingNode.error("has no \"sentinel\"") }
            let sentinelText = try sentinel.string()
            missing = MissingValueSpec(sentinel: sentinelText, replaceWith: try missingObject["replaceWith"]?.string() ?? sentinelText)
        }
        return PartialHashing(spec: HashingSpec(comparison: comparison, strategy: strategy, hash: hash, missingValue: missing, encoding: .utf8))
    }

    private static func parseComparison(_ node: JSONNode) throws(LinkageSchemaError) -> Comparison {
        let probe = try node.object(allowed: nil)
        guard let typeNode = probe["type"] else { throw node.error("has no \"type\" (ngram, exact or numeric)") }
        switch try typeNode.string() {
        case "ngram":
            let object = try node.object(allowed: ["type", "n", "positional"])
            guard let n = object["n"] else { throw node.error("has no \"n\"") }
            return .ngram(n: try n.integer(minimum: 1), positional: try object["positional"]?.bool() ?? false)
        case "exact":
            _ = try node.object(allowed: ["type"])
            return .exact
        case "numeric":
            let object = try node.object(allowed: ["type", "thresholdDistance", "resolution", "fractional_precision"])
            guard let distanceNode = object["thresholdDistance"] else { throw node.error("has no \"thresholdDistance\"") }
            guard let resolutionNode = object["resolution"] else { throw node.error("has no \"resolution\"") }
            let distance = try distanceNode.number()
            guard distance > 0, distance < 1e12 else { throw distanceNode.error("must be greater than 0 and below 10^12") }
            let resolution = try resolutionNode.integer(minimum: 1)
            guard resolution <= 10_000 else { throw resolutionNode.error("must be at most 10,000") }
            let precision = try object["fractional_precision"]?.integer(minimum: 0) ?? 0
            guard precision <= 15 else { throw object["fractional_precision"]!.error("must be at most 15") }
            let interval = (distance * pow(10, Double(precision))).rounded(.toNearestOrEven)
            guard interval <= 1e15 else { throw distanceNode.error("is too large for fractional_precision \(precision)") }
            guard interval >= 1 else {
                throw distanceNode.error("is too small for fractional_precision \(precision) (it rounds to 0)")
            }
            return .numeric(thresholdDistance: distance, resolution: resolution, fractionalPrecision: precision)
        default:
            throw typeNode.error("must be ngram, exact or numeric")
        }
    }
}

/// A value inside a parsed JSON document, with its path for messages.
struct JSONNode {
    let value: Any
    let path: String

    func error(_ message: String) -> LinkageSchemaError {
        LinkageSchemaError(path: path, message: message)
    }

    func child(_ key: String) -> JSONNode { JSONNode(value: NSNull(), path: "\(path).\(key)") }

    /// The object's members, refusing keys outside `allowed` (when given).
    func object(allowed: Set<String>?) throws(LinkageSchemaError) -> [String: JSONNode] {
        guard let dictionary = value as? [String: Any] else { throw error("must be a JSON object") }
        var out: [String: JSONNode] = [:]
        for key in dictionary.keys.sorted() {
            if let allowed, !allowed.contains(key) {
                throw LinkageSchemaError(path: "\(path).\(key)", message: "is not a known key here (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
            out[key] = JSONNode(value: dictionary[key]!, path: "\(path).\(key)")
        }
        return out
    }

    func array() throws(LinkageSchemaError) -> [JSONNode] {
        guard let items = value as? [Any] else { throw error("must be a JSON array") }
        return items.enumerated().map { JSONNode(value: $0.element, path: "\(path)[\($0.offset)]") }
    }

    private var isBool: Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    func string() throws(LinkageSchemaError) -> String {
        guard let text = value as? String, !(value is NSNumber) else { throw error("must be a string") }
        return text
    }

    func bool() throws(LinkageSchemaError) -> Bool {
        guard isBool, let number = value as? NSNumber else { throw error("must be true or false") }
        return number.boolValue
    }

    func number() throws(LinkageSchemaError) -> Double {
        guard !isBool, let number = value as? NSNumber, !(value is String) else { throw error("must be a number") }
        return number.doubleValue
    }

    func integer(minimum: Int? = nil) throws(LinkageSchemaError) -> Int {
        let number = try self.number()
        guard number.rounded() == number, abs(number) < 9.0e15 else { throw error("must be a whole number") }
        let integer = Int(number)
        if let minimum, integer < minimum { throw error("must be at least \(minimum)") }
        return integer
    }
}
