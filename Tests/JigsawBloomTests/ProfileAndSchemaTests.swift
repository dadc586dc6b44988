import Foundation
import JigsawCrypto
import Testing
@testable import JigsawBloom

/// Schema errors name their JSON path; the Jigsaw profile's normalisers, derivations and hardening behave
/// as documented.
struct ProfileAndSchemaTests {
    static let secret = SecretBytes(Array(repeating: UInt8(7), count: 32))

    struct BadSchema: CustomTestStringConvertible, Sendable {
        var label: String
        var json: String
        var path: String
        var testDescription: String { label }
    }

    static let feature = #"{"identifier":"name","format":{"type":"string"},"hashing":{"comparison":{"type":"ngram","n":2},"strategy":{"bitsPerToken":10}}}"#

    static let badSchemas: [BadSchema] = [
        BadSchema(label: "unknown top-level key", json: #"{"version":3,"clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[\#(feature)],"extra":1}"#, path: "$.extra"),
        BadSchema(label: "unknown hashing key", json: #"{"version":3,"clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[{"identifier":"name","format":{"type":"string"},"hashing":{"comparison":{"type":"exact"},"strategy":{"bitsPerToken":10},"wieght":2}}]}"#, path: "$.features[0].hashing.wieght"),
        BadSchema(label: "wrong type for l", json: #"{"version":3,"clkConfig":{"l":"1024","kdf":{"type":"HKDF"}},"features":[\#(feature)]}"#, path: "$.clkConfig.l"),
        BadSchema(label: "blakeHash with l not a power of two", json: #"{"version":3,"clkConfig":{"l":1000,"kdf":{"type":"HKDF"}},"features":[\#(feature)]}"#, path: "$.features[0].hashing"),
        BadSchema(label: "prevent_singularity with blakeHash", json: #"{"version":3,"clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[{"identifier":"name","format":{"type":"string"},"hashing":{"comparison":{"type":"exact"},"strategy":{"bitsPerToken":10},"hash":{"type":"blakeHash","prevent_singularity":true}}}]}"#, path: "$.features[0].hashing.hash.prevent_singularity"),
        BadSchema(label: "more features than the KDF can key", json: #"{"version":3,"clkConfig":{"l":1024,"kdf":{"type":"HKDF","keySize":64}},"features":[\#((0..<64).map { #"{"identifier":"f\#($0)","ignored":true}"# }.joined(separator: ","))]}"#, path: "$.features"),
        BadSchema(label: "two strategies", json: #"{"version":3,"clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[{"identifier":"name","format":{"type":"string"},"hashing":{"comparison":{"type":"exact"},"strategy":{"bitsPerToken":10,"bitsPerFeature":100}}}]}"#, path: "$.features[0].hashing.strategy"),
        BadSchema(label: "unsupported strptime directive", json: #"{"version":3,"clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[{"identifier":"d","format":{"type":"date","format":"%Q"},"hashing":{"comparison":{"type":"exact"},"strategy":{"bitsPerToken":10}}}]}"#, path: "$.features[0].format.format"),
        BadSchema(label: "version 2", json: #"{"version":2,"clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[\#(feature)]}"#, path: "$.version"),
        BadSchema(label: "duplicate identifiers", json: #"{"version":3,"clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[\#(feature),\#(feature)]}"#, path: "$.features[1].identifier"),
        BadSchema(label: "profile without a date source format", json: #"{"format":"jigsaw-profile/1","clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[{"identifier":"dob","normaliser":{"type":"date-of-birth"},"hashing":{"comparison":{"type":"exact"},"strategy":{"bitsPerToken":10}}}]}"#, path: "$.features[0].normaliser"),
        BadSchema(label: "profile derivation that does not fit", json: #"{"format":"jigsaw-profile/1","clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[{"identifier":"pc","normaliser":{"type":"postcode"},"derive":"soundex","hashing":{"comparison":{"type":"exact"},"strategy":{"bitsPerToken":10}}}]}"#, path: "$.features[0].derive"),
        BadSchema(label: "profile salted without a salt", json: #"{"format":"jigsaw-profile/1","clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[{"identifier":"n","normaliser":{"type":"name"},"salted":true,"hashing":{"comparison":{"type":"exact"},"strategy":{"bitsPerToken":10}}}],"hardening":{"balance":true}}"#, path: "$.hardening"),
    ]

    @Test(arguments: badSchemas)
    func schemaErrorsNameTheirPath(_ bad: BadSchema) {
        #expect {
            _ = try LinkageSchemaParser.parse(Array(bad.json.utf8), file: "s.json")
        } throws: { error in
            guard let error = error as? LinkageSchemaError else { return false }
            return error.path == bad.path && error.description.hasPrefix("s.json: \(bad.path): ")
        }
    }

    @Test func xorFoldsKeyIsIgnoredWithAWarning() throws {
        let schema = try LinkageSchemaParser.parse(Array(#"{"version":3,"clkConfig":{"l":1024,"xorFolds":1,"kdf":{"type":"HKDF"}},"features":[\#(Self.feature)]}"#.utf8))
        #expect(schema.xorFolds == 0)
        #expect(schema.warnings.count == 1)
        #expect(schema.warnings[0].contains("xor_folds"))
    }

    @Test func fingerprintIgnoresLayoutButNotSettings() throws {
        let a = try LinkageSchemaParser.parse(Array(#"{"version":3,"clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[\#(Self.feature)]}"#.utf8))
        let b = try LinkageSchemaParser.parse(Array("{\n \"features\": [\(Self.feature)],\n \"clkConfig\": {\"kdf\": {\"hash\": \"SHA256\", \"type\": \"HKDF\", \"keySize\": 64}, \"l\": 1024},\n \"version\": 3\n}".utf8))
        let c = try LinkageSchemaParser.parse(Array(#"{"version":3,"clkConfig":{"l":2048,"kdf":{"type":"HKDF"}},"features":[\#(Self.feature)]}"#.utf8))
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.fingerprint != c.fingerprint)
        #expect(a.fingerprint.count == 16)
    }

    // MARK: - Profile behaviour

    /// The hardening line of the shipped default profile (the tests below replace it to test each option).
    static let shippedHardening = #""hardening": {"balance": true, "blip": {"flipProbability": 0.02}}"#

    @Test func shippedProfileIsHardenedWithBalanceAndBlip() throws {
        #expect(DefaultSchemas.childrensProfile.contains(Self.shippedHardening))
        let schema = try LinkageSchemaParser.parse(Array(DefaultSchemas.childrensProfile.utf8))
        let hardening = try #require(schema.profile?.hardening)
        #expect(hardening.balance && hardening.flipProbability == 0.02 && hardening.salt == nil && hardening.diffusion == nil)
        #expect(schema.outputLength == 2048)
    }

    static let sharedKeyFeatures = #"{"identifier":"first","normaliser":{"type":"forename"},"hashing":{"comparison":{"type":"ngram","n":2},"strategy":{"bitsPerFeature":100}}}"#

    static let badKeysFrom: [BadSchema] = [
        BadSchema(label: "keysFrom naming no feature", json: #"{"format":"jigsaw-profile/1","clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[\#(sharedKeyFeatures),{"identifier":"last","normaliser":{"type":"surname"},"keysFrom":"frist","hashing":{"comparison":{"type":"ngram","n":2},"strategy":{"bitsPerFeature":100}}}]}"#, path: "$.features[1].keysFrom"),
        BadSchema(label: "keysFrom naming itself", json: #"{"format":"jigsaw-profile/1","clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[\#(sharedKeyFeatures),{"identifier":"last","normaliser":{"type":"surname"},"keysFrom":"last","hashing":{"comparison":{"type":"ngram","n":2},"strategy":{"bitsPerFeature":100}}}]}"#, path: "$.features[1].keysFrom"),
        BadSchema(label: "keysFrom chain", json: #"{"format":"jigsaw-profile/1","clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[\#(sharedKeyFeatures),{"identifier":"last","normaliser":{"type":"surname"},"keysFrom":"first","hashing":{"comparison":{"type":"ngram","n":2},"strategy":{"bitsPerFeature":100}}},{"identifier":"other","normaliser":{"type":"surname"},"keysFrom":"last","hashing":{"comparison":{"type":"ngram","n":2},"strategy":{"bitsPerFeature":100}}}]}"#, path: "$.features[2].keysFrom"),
        BadSchema(label: "keysFrom across hash functions", json: #"{"format":"jigsaw-profile/1","clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[\#(sharedKeyFeatures),{"identifier":"last","normaliser":{"type":"surname"},"keysFrom":"first","hashing":{"comparison":{"type":"ngram","n":2},"strategy":{"bitsPerFeature":100},"hash":{"type":"doubleHash"}}}]}"#, path: "$.features[1].keysFrom"),
        BadSchema(label: "keysFrom not a string", json: #"{"format":"jigsaw-profile/1","clkConfig":{"l":1024,"kdf":{"type":"HKDF"}},"features":[\#(sharedKeyFeatures),{"identifier":"last","normaliser":{"type":"surname"},"keysFrom":1,"hashing":{"comparison":{"type":"ngram","n":2},"strategy":{"bitsPerFeature":100}}}]}"#, path: "$.features[1].keysFrom"),
    ]

    @Test(arguments: badKeysFrom)
    func keysFromErrorsNameTheirPath(_ bad: BadSchema) {
        #expect {
            _ = try LinkageSchemaParser.parse(Array(bad.json.utf8), file: "s.json")
        } throws: { error in
            guard let error = error as? LinkageSchemaError else { return false }
            return error.path == bad.path && error.description.hasPrefix("s.json: \(bad.path): ")
        }
    }

    @Test func sharedNameKeysKeepSwappedNamesAlike() throws {
        let shared = try profile()
        #expect(shared.profile?.features[1].keysFrom == 0, "the default surname takes the forename's keys")
        let own = try LinkageSchemaParser.parse(Array(DefaultSchemas.childrensProfile
            .replacingOccurrences(of: Self.shippedHardening, with: #""hardening": {}"#)
            .replacingOccurrences(of: #", "keysFrom": "forename""#, with: "").utf8))
        #expect(own.profile?.features[1].keysFrom == nil)
        #expect(own.fingerprint != shared.fingerprint, "shared keys are part of the fingerprint")
        var plain = Self.child
        plain["surname"] = "Jones"
        var plainSwapped = plain
        plainSwapped["forename"] = "Jones"
        plainSwapped["surname"] = "Amelia"
        let withShared = try encode(shared, [plain, plainSwapped])
        let withOwn = try encode(own, [plain, plainSwapped])
        // With shared keys the same bigrams set the same bits whichever field holds them.
        // (Not all: the surname's Soundex and the two features' different bit budgets still differ.)
        #expect(dice(withShared[0], withShared[1]) > 0.85)
        #expect(dice(withOwn[0], withOwn[1]) < dice(withShared[0], withShared[1]) - 0.1)
    }

    private func profile(hardening: String = "{}", salted: Bool = false) throws -> LinkageSchema {
        let json = DefaultSchemas.childrensProfile
            .replacingOccurrences(of: Self.shippedHardening, with: #""hardening": \#(hardening)"#)
            .replacingOccurrences(of: #""identifier": "forename", "column": "forename", "normaliser": {"type": "forename"},"#,
                                  with: #""identifier": "forename", "column": "forename", "normaliser": {"type": "forename"}, "salted": \#(salted),"#)
        return try LinkageSchemaParser.parse(Array(json.utf8))
    }

    /// Encodes records given as column → value with the profile's record builder.
    private func encode(_ schema: LinkageSchema, _ records: [[String: String]]) throws -> [[UInt8]] {
        let encoder = try ClkEncoder(schema: schema, keys: try FeatureKeys(secret: Self.secret, schema: schema))
        let builder = ProfileRecordBuilder(schema: schema)
        return try records.map { record in
            var problems: [FeatureProblem] = []
            let raw = schema.profile!.features.map { record[$0.column] ?? "" }
            let (values, salt) = builder.build(raw, problems: &problems)
            var out = [UInt8](repeating: 0, count: encoder.byteCount)
            try out.withUnsafeMutableBytes { _ = try encoder.encode(values, into: $0, problems: &problems, salt: salt) }
            return out
        }
    }

    private func dice(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let both = zip(a, b).reduce(0) { $0 + ($1.0 & $1.1).nonzeroBitCount }
        let total = a.reduce(0) { $0 + $1.nonzeroBitCount } + b.reduce(0) { $0 + $1.nonzeroBitCount }
        return 2 * Double(both) / Double(total)
    }

    static let child = ["forename": "Amelia", "surname": "Smith-Jones", "date_of_birth": "2014-03-07", "sex": "2", "postcode": "LS1 4AP"]

    @Test func normalisationMakesSpellingsAgree() throws {
        let schema = try profile()
        var variant = Self.child
        variant["forename"] = "  MISS amélia "
        variant["postcode"] = "ls14ap"
        let clks = try encode(schema, [Self.child, variant])
        #expect(clks[0] == clks[1])
    }

    @Test func partsAndTranspositionsStillScore() throws {
        let schema = try profile()
        var joined = Self.child
        joined["surname"] = "Smith Jones"
        var transposed = Self.child
        transposed["date_of_birth"] = "2014-07-03"
        var stranger = Self.child
        stranger = ["forename": "Oliver", "surname": "Khan", "date_of_birth": "2009-11-21", "sex": "1", "postcode": "BD7 1DP"]
        let clks = try encode(schema, [Self.child, joined, transposed, stranger])
        #expect(dice(clks[0], clks[1]) > 0.9)
        #expect(dice(clks[0], clks[2]) > 0.85)
        #expect(dice(clks[0], clks[2]) < 1)
        #expect(dice(clks[0], clks[3]) < 0.5)
    }

    @Test func placeholdersAndUnknownCodesAreMissingOrInvalid() throws {
        let schema = try profile()
        let builder = ProfileRecordBuilder(schema: schema)
        var problems: [FeatureProblem] = []
        let raw = schema.profile!.features.map { ["forename": "Unknown", "surname": "Smith", "date_of_birth": "2014-02-30", "sex": "Q", "postcode": "ZZ99 3VZ"][$0.column] ?? "" }
        let (values, _) = builder.build(raw, problems: &problems)
        let forename = schema.features.firstIndex { $0.identifier == "forename" }!
        let postcode = schema.features.firstIndex { $0.identifier == "postcode" }!
        #expect(values[forename].isEmpty)
        #expect(values[postcode].isEmpty)
        let reasons = Dictionary(uniqueKeysWithValues: problems.map { (schema.features[$0.feature].identifier, $0.reason) })
        #expect(reasons["date_of_birth"] == .impossibleDate)
        #expect(reasons["sex"] == .unknownCode)
    }

    @Test func balancingGivesConstantWeight() throws {
        let schema = try profile(hardening: #"{"balance": true}"#)
        #expect(schema.outputLength == 2048)
        var other = Self.child
        other["forename"] = "Bartholomew-Alexander"
        for clk in try encode(schema, [Self.child, other]) {
            #expect(clk.reduce(0) { $0 + $1.nonzeroBitCount } == 1024)
        }
    }

    @Test func diffusionAndBlipAreKeyedAndDeterministic() throws {
        let plain = try encode(try profile(), [Self.child])[0]
        let diffused = try profile(hardening: #"{"diffusion": {"t": 3, "length": 512}}"#)
        #expect(diffused.outputLength == 512)
        let first = try encode(diffused, [Self.child, Self.child])
        #expect(first[0].count == 64)
        #expect(first[0] == first[1])
        let blip = try profile(hardening: #"{"blip": {"flipProbability": 0.05}}"#)
        let noisy = try encode(blip, [Self.child, Self.child])
        #expect(noisy[0] == noisy[1])
        let flipped = zip(noisy[0], plain).reduce(0) { $0 + ($1.0 ^ $1.1).nonzeroBitCount }
        #expect(flipped > 10 && flipped < 120)  // about 5% of 1,024 bits
    }

    @Test func saltingSeparatesYears() throws {
        let salted = try profile(hardening: #"{"salt": {"feature": "date_of_birth", "part": "year"}}"#, salted: true)
        let anySalted = salted.profile!.features.contains { $0.salted }
        #expect(anySalted)
        var otherYear = Self.child
        otherYear["date_of_birth"] = "2015-03-07"
        let unsalted = try profile()
        let a = try encode(salted, [Self.child, otherYear])
        let b = try encode(unsalted, [Self.child, otherYear])
        #expect(dice(a[0], a[1]) < dice(b[0], b[1]))
        #expect(salted.fingerprint != unsalted.fingerprint)
    }

    @Test func fingerprintIgnoresSourceSettings() throws {
        let a = try LinkageSchemaParser.parse(Array(DefaultSchemas.childrensProfile.utf8))
        let json = DefaultSchemas.childrensProfile
            .replacingOccurrences(of: "yyyy-mm-dd", with: "dd/mm/yyyy")
            .replacingOccurrences(of: "nhs-stated-gender", with: "school-census")
            .replacingOccurrences(of: #""column": "postcode""#, with: #""column": "home_postcode""#)
        let b = try LinkageSchemaParser.parse(Array(json.utf8))
        #expect(a.fingerprint == b.fingerprint)
    }

    @Test func surnamesKeepTitleWordsForenamesDropThem() throws {
        let schema = try profile()
        let builder = ProfileRecordBuilder(schema: schema)
        var problems: [FeatureProblem] = []
        let raw = schema.profile!.features.map { ["forename": "Mr Arthur", "surname": "Master", "date_of_birth": "2014-03-07", "sex": "1", "postcode": "LS1 4AP"][$0.column] ?? "" }
        let (values, _) = builder.build(raw, problems: &problems)
        let forename = try #require(schema.features.firstIndex { $0.identifier == "forename" })
        let surname = try #require(schema.features.firstIndex { $0.identifier == "surname" })
        #expect(values[forename] == "arthur")
        #expect(values[surname] == "master")
    }

    @Test func hardenedLengthsAreChecked() throws {
        // Diffusion may not draw more taps than there are input bits, and popcounts above l are counted.
        #expect(throws: LinkageSchemaError.self) {
            _ = try LinkageSchemaParser.parse(Array(#"{"format":"jigsaw-profile/1","clkConfig":{"l":16,"kdf":{"type":"HKDF"}},"features":[{"identifier":"n","normaliser":{"type":"name"},"hashing":{"comparison":{"type":"exact"},"strategy":{"bitsPerToken":3}}}],"hardening":{"diffusion":{"t":32}}}"#.utf8))
        }
        let balanced = try profile(hardening: #"{"balance": true, "blip": {"flipProbability": 0.1}}"#)
        var tally = EncodeTally(schema: balanced)
        tally.record(popcount: 1500, tokens: 10)
        #expect(tally.popcountHistogram.count == 2049)
    }
}
