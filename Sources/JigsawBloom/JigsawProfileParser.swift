internal import JigsawIdentifiers

/// Reads Jigsaw profiles (`"format": "jigsaw-profile/1"`) with the same strictness as clkhash schemas:
/// every key checked, unknown keys refused, problems named by JSON path.
enum JigsawProfileParser {
    static let formatTag = "jigsaw-profile/1"

    static func parse(_ root: JSONNode) throws(LinkageSchemaError) -> LinkageSchema {
        let object = try root.object(allowed: ["format", "description", "clkConfig", "features", "hardening", "blocking"])
        if let description = object["description"] { _ = try description.string() }
        guard let clkConfig = object["clkConfig"] else { throw root.error("has no \"clkConfig\"") }
        let (length, xorFolds, kdf, warnings) = try LinkageSchemaParser.parseClkConfig(clkConfig)
        guard let featuresNode = object["features"] else { throw root.error("has no \"features\"") }
        let nodes = try featuresNode.array()
        guard !nodes.isEmpty else { throw featuresNode.error("is empty; a schema needs at least one feature") }
        var features: [FeatureSpec] = []
        var profileFeatures: [ProfileFeature] = []
        var seen = Set<String>()
        for node in nodes {
            let (feature, profileFeature) = try parseFeature(node, hashLength: length << xorFolds)
            guard seen.insert(feature.identifier).inserted else {
                throw node.child("identifier").error("\"\(feature.identifier)\" is used by more than one feature")
            }
            features.append(feature)
            profileFeatures.append(profileFeature)
        }
        try LinkageSchemaParser.checkKeys(features: features, nodes: nodes, featuresNode: featuresNode, kdf: kdf)
        try resolveSharedKeys(nodes: nodes, features: features, profile: &profileFeatures)
        var hardening = Hardening.none
        if let hardeningNode = object["hardening"] {
            hardening = try parseHardening(hardeningNode, features: features, profile: &profileFeatures, length: length)
        }
        var profile = JigsawProfile(features: profileFeatures, hardening: hardening)
        if let blockingNode = object["blocking"] {
            profile.blocking = try parseBlocking(blockingNode, features: features)
        }
        return LinkageSchema(length: length, xorFolds: xorFolds, kdf: kdf, features: features, warnings: warnings, profile: profile)
    }

    private static func parseFeature(_ node: JSONNode, hashLength: Int) throws(LinkageSchemaError) -> (FeatureSpec, ProfileFeature) {
        let object = try node.object(allowed: ["identifier", "description", "column", "normaliser", "derive", "salted", "keysFrom", "hashing"])
        guard let identifierNode = object["identifier"] else { throw node.error("has no \"identifier\"") }
        let identifier = try identifierNode.string()
        if let description = object["description"] { _ = try description.string() }
        let column = try object["column"]?.string() ?? identifier
        var normaliser = FeatureNormaliser.none
        if let normaliserNode = object["normaliser"] { normaliser = try parseNormaliser(normaliserNode) }
        var derivation: Derivation?
        if let deriveNode = object["derive"] {
            guard let value = Derivation(rawValue: try deriveNode.string()) else {
                throw deriveNode.error("must be one of \(Derivation.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let fits: Bool = switch (value, normaliser) {
            case (.initial, .name), (.soundex, .name): true
            case (.dateParts, .dateOfBirth), (.year, .dateOfBirth): true
            case (.postcodeSector, .postcode), (.postcodeDistrict, .postcode): true
            default: false
            }
            guard fits else { throw deriveNode.error("\"\(value.rawValue)\" does not apply to this feature's normaliser") }
            derivation = value
        }
        guard let hashingNode = object["hashing"] else { throw node.error("has no \"hashing\"") }
        var hashing = try LinkageSchemaParser.parseHashing(hashingNode, length: hashLength).spec
        if hashing.missingValue != nil {
            throw hashingNode.child("missingValue").error("is for clkhash schemas; a profile's normaliser decides what is missing")
        }
        if case .name(let variants, _) = normaliser, variants, derivation == nil { hashing.splitsVariants = true }
        if derivation == .dateParts { hashing.splitsVariants = true }
        let salted = try object["salted"]?.bool() ?? false
        let format = FeatureFormat.string(StringFormat(encoding: .utf8, letterCase: "mixed", minLength: nil, maxLength: nil, pattern: nil))
        return (FeatureSpec(identifier: identifier, format: format, hashing: hashing),
                ProfileFeature(column: column, normaliser: normaliser, derivation: derivation, salted: salted))
    }

    /// Resolves each feature's `"keysFrom"` to the position of the feature it names. That feature must exist,
    /// be another one, hash with the same function, and use its own keys (no chains).
    private static func resolveSharedKeys(nodes: [JSONNode], features: [FeatureSpec],
                                          profile: inout [ProfileFeature]) throws(LinkageSchemaError) {
        let named = try nodes.map { node throws(LinkageSchemaError) -> String? in
            try node.object(allowed: nil)["keysFrom"]?.string()
        }
        for (index, name) in named.enumerated() {
            guard let name else { continue }
            let node = nodes[index].child("keysFrom")
            guard let source = features.firstIndex(where: { $0.identifier == name }) else {
                throw node.error("names \"\(name)\", which is not a feature of this profile")
            }
            guard source != index else { throw node.error("names the feature itself") }
            guard named[source] == nil else {
                throw node.error("names \"\(name)\", which itself takes its keys from another feature; name that one instead")
            }
            guard let own = features[index].hashing?.hash, let theirs = features[source].hashing?.hash,
                  own.sameFunction(as: theirs) else {
                throw node.error("names \"\(name)\", which hashes with a different function; shared keys need the same one")
            }
            profile[index].keysFrom = source
        }
    }

    private static func parseNormaliser(_ node: JSONNode) throws(LinkageSchemaError) -> FeatureNormaliser {
        let probe = try node.object(allowed: nil)
        guard let typeNode = probe["type"] else { throw node.error("has no \"type\" (none, name, forename, surname, date-of-birth, sex or postcode)") }
        switch try typeNode.string() {
        case "none":
            _ = try node.object(allowed: ["type"])
            return .none
        case "name", "surname":
            let object = try node.object(allowed: ["type", "variants"])
            return .name(variants: try object["variants"]?.bool() ?? false, dropTitles: false)
        case "forename":
            let object = try node.object(allowed: ["type", "variants"])
            return .name(variants: try object["variants"]?.bool() ?? false, dropTitles: true)
        case "date-of-birth":
            let object = try node.object(allowed: ["type", "sourceFormat", "pivotYear"])
            guard let formatNode = object["sourceFormat"] else {
                throw node.error("has no \"sourceFormat\" (one of \(DateOfBirthNormaliser.SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))); the day/month order is declared, never guessed")
            }
            guard let format = DateOfBirthNormaliser.SourceFormat(rawValue: try formatNode.string()) else {
                throw formatNode.error("must be one of \(DateOfBirthNormaliser.SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let pivot = try object["pivotYear"]?.integer(minimum: 1900)
            if format == .dayFirstTwoDigitYear && pivot == nil {
                throw node.error("needs \"pivotYear\" for two-digit years")
            }
            return .dateOfBirth(format: format, pivotYear: pivot)
        case "sex":
            let object = try node.object(allowed: ["type", "codebook"])
            guard let codebookNode = object["codebook"] else {
                throw node.error("has no \"codebook\" (one of \(SexNormaliser.Codebook.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let codebook = SexNormaliser.Codebook(rawValue: try codebookNode.string()) else {
                throw codebookNode.error("must be one of \(SexNormaliser.Codebook.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .sex(codebook: codebook)
        case "postcode":
            _ = try node.object(allowed: ["type"])
            return .postcode
        default:
            throw typeNode.error("must be none, name, forename, surname, date-of-birth, sex or postcode")
        }
    }

    private static func parseBlocking(_ node: JSONNode, features: [FeatureSpec]) throws(LinkageSchemaError) -> [BlockingKeySpec] {
        var keys: [BlockingKeySpec] = []
        var names = Set<String>()
        for item in try node.array() {
            let object = try item.object(allowed: ["name", "parts"])
            guard let nameNode = object["name"] else { throw item.error("has no \"name\"") }
            let name = try nameNode.string()
            guard !name.isEmpty, name.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }) else {
                throw nameNode.error("must be lowercase letters, digits and underscores")
            }
            guard names.insert(name).inserted else { throw nameNode.error("\"\(name)\" names two blocking keys") }
            guard let partsNode = object["parts"] else { throw item.error("has no \"parts\" (e.g. [\"date_of_birth:year\", \"surname:initial\"])") }
            var parts: [(feature: Int, part: BlockingPart)] = []
            for partNode in try partsNode.array() {
                let text = try partNode.string()
                let pieces = text.split(separator: ":", maxSplits: 1).map(String.init)
                guard let feature = features.firstIndex(where: { $0.identifier == pieces[0] }) else {
                    throw partNode.error("names no feature of this profile")
                }
                guard let part = BlockingPart(rawValue: pieces.count > 1 ? pieces[1] : "value") else {
                    throw partNode.error("takes one of \(BlockingPart.allCases.map(\.rawValue).joined(separator: ", ")) after the colon")
                }
                parts.append((feature, part))
            }
            guard !parts.isEmpty else { throw partsNode.error("is empty") }
            keys.append(BlockingKeySpec(name: name, parts: parts))
        }
        return keys
    }

    private static func parseHardening(_ node: JSONNode, features: [FeatureSpec], profile: inout [ProfileFeature], length: Int) throws(LinkageSchemaError) -> Hardening {
        let object = try node.object(allowed: ["salt", "balance", "diffusion", "blip"])
        var hardening = Hardening.none
        if let saltNode = object["salt"] {
            let salt = try saltNode.object(allowed: ["feature", "part"])
            guard let featureNode = salt["feature"] else { throw saltNode.error("has no \"feature\"") }
            let name = try featureNode.string()
            guard let index = features.firstIndex(where: { $0.identifier == name }) else {
                throw featureNode.error("names no feature of this profile")
            }
            let part = try salt["part"]?.string() ?? "value"
            guard part == "value" || part == "year" else { throw salt["part"]!.error("must be \"value\" or \"year\"") }
            if part == "year", case .dateOfBirth = profile[index].normaliser {} else if part == "year" {
                throw salt["part"]!.error("\"year\" needs a date-of-birth feature")
            }
            guard !profile[index].salted else { throw featureNode.error("the salt's own feature cannot be salted") }
            hardening.salt = SaltSource(feature: name, part: part)
        } else if let salted = profile.firstIndex(where: \.salted) {
            throw node.error("feature \"\(features[salted].identifier)\" is salted but hardening.salt is not set")
        }
        if let balance = object["balance"] { hardening.balance = try balance.bool() }
        if let diffusionNode = object["diffusion"] {
            let diffusion = try diffusionNode.object(allowed: ["t", "length"])
            guard let t = diffusion["t"] else { throw diffusionNode.error("has no \"t\" (input bits per output bit)") }
            let inputLength = hardening.balance ? 2 * length : length
            let outputLength = try diffusion["length"]?.integer(minimum: 8) ?? inputLength
            let tValue = try t.integer(minimum: 2)
            guard tValue <= min(64, inputLength) else { throw t.error("must be at most \(min(64, inputLength)) (the bits it draws from)") }
            hardening.diffusion = DiffusionSpec(t: tValue, length: outputLength)
        }
        if let blipNode = object["blip"] {
            let blip = try blipNode.object(allowed: ["flipProbability"])
            guard let probability = blip["flipProbability"] else { throw blipNode.error("has no \"flipProbability\"") }
            let value = try probability.number()
            guard value > 0, value < 0.5 else { throw probability.error("must be above 0 and below 0.5") }
            hardening.flipProbability = value
        }
        return hardening
    }
}

extension HashFunction {
    /// Whether two hash settings use the same function (BLAKE2b, or HMAC double hashing whatever its
    /// singularity rule), so that a token hashed with shared keys lands on the same bits.
    fileprivate func sameFunction(as other: HashFunction) -> Bool {
        switch (self, other) {
        case (.blake, .blake), (.doubleHash, .doubleHash): true
        default: false
        }
    }
}
