internal import JigsawCSV
internal import JigsawCrypto
internal import JigsawTokens

/// How encoded records are written.
public enum EncodeOutputFormat: String, Sendable, CaseIterable {
    /// CSV: kept columns, tokens, then `clk` (standard base64) and `clk_schema` (the schema fingerprint).
    case csv
    /// anonlink-client's JSON: `{"clks": [base64, …], "schema_fingerprint": "…"}`.
    case anonlink
}

/// Encodes each row's CLK from its feature columns, as an ``ExtractRowExtension`` of tokenisation.
/// One per chunk.
final class ClkRowExtension: ExtractRowExtension {
    private let encoder: ClkEncoder
    private let featureColumns: [Int?]
    private let format: EncodeOutputFormat
    private let onInvalid: InvalidValuePolicy
    private let fingerprint: [UInt8]
    private let file: String
    private let messageNames: [String]
    private let countDuplicates: Bool
    private let collectFindings: Bool
    private var clk: [UInt8]
    private var problems: [FeatureProblem] = []
    private var value: [UInt8] = []
    private var values: [String]
    private let profileBuilder: ProfileRecordBuilder?
    /// Keys blocking-key texts (HMAC-SHA256 under the key file's `block` subkey); `nil` without blocking keys.
    private let blockMac: PrekeyedHMAC?
    private var blockHex: [[UInt8]] = []
    private let scratch = ByteBuffer(capacity: 1024)
    private var rawValues: [UnsafeRawBufferPointer] = []
    private var unquotedOffset: [Int]
    private var unquotedLength: [Int]

    private func invalidUTF8(column: Int, line: Int) -> CSVError {
        CSVError(.invalidUTF8, "the value is not valid UTF-8 text; re-export the file as UTF-8", file: file, line: line,
                 column: CSVRecordParser.describeColumn(column, names: messageNames))
    }
    private(set) var tally: EncodeTally
    private(set) var findings: [FeatureFinding] = []

    var replacesRow: Bool { format == .anonlink }

    init(encoder: ClkEncoder, featureColumns: [Int?], format: EncodeOutputFormat, onInvalid: InvalidValuePolicy,
         fingerprint: String, file: String, messageNames: [String], countDuplicates: Bool, collectFindings: Bool,
         blockKey: SecretBytes? = nil) {
        self.encoder = encoder
        self.featureColumns = featureColumns
        self.format = format
        self.onInvalid = onInvalid
        self.fingerprint = Array(fingerprint.utf8)
        self.file = file
        self.messageNames = messageNames
        self.countDuplicates = countDuplicates
        self.collectFindings = collectFindings
        clk = [UInt8](repeating: 0, count: encoder.byteCount)
        values = [String](repeating: "", count: featureColumns.count)
        unquotedOffset = [Int](repeating: -1, count: featureColumns.count)
        unquotedLength = [Int](repeating: 0, count: featureColumns.count)
        tally = EncodeTally(schema: encoder.schema)
        profileBuilder = encoder.schema.profile == nil ? nil : ProfileRecordBuilder(schema: encoder.schema)
        blockMac = (encoder.schema.profile?.blocking.isEmpty ?? true) ? nil : blockKey.map { key in key.withUnsafeBytes { PrekeyedHMAC(.sha256, key: $0) } }
    }

    func prepare(fields: [CSVField], raw: UnsafeRawBufferPointer, line: Int) throws -> Bool {
        problems.removeAll(keepingCapacity: true)
        let popcount: Int
        if let profileBuilder {
            // Profile: normalise each column value (as text), derive, salt, then encode.
            for (feature, column) in featureColumns.enumerated() {
                guard let column, column < fields.count else {
                    values[feature] = ""
                    continue
                }
                let field = fields[column]
                if value.count < field.end - field.start { value = [UInt8](repeating: 0, count: 2 * (field.end - field.start)) }
                let length = value.withUnsafeMutableBytes { CSVFieldValue.unquote(raw, field, into: $0) }
                guard let text = value.withUnsafeBytes({ String(validating: UnsafeRawBufferPointer(rebasing: $0[0..<length]), as: UTF8.self) }) else {
                    throw invalidUTF8(column: column, line: line)
                }
                values[feature] = text
            }
            let (featureValues, salt, normalised) = profileBuilder.buildWithNormalised(values, problems: &problems)
            if let blockMac {
                // Keyed blocking keys: 16 bytes of HMAC-SHA256 as hex; blank when a part is missing.
                blockHex = profileBuilder.blockingTexts(normalised).map { text in
                    guard let text else { return [] }
                    var digest = [UInt8](repeating: 0, count: 32)
                    Array(text.utf8).withUnsafeBytes { m in digest.withUnsafeMutableBytes { blockMac.authenticate(m, into: $0) } }
                    return Array(Hex.encode(Array(digest.prefix(16))).utf8)
                }
            }
            popcount = try clk.withUnsafeMutableBytes { try encoder.encode(featureValues, into: $0, problems: &problems, salt: salt) }
        } else {
            // clkhash mode: hand the raw bytes straight to the encoder; only unseen values become text.
            // Unquoted fields are read in place; quoted ones are unquoted into the scratch buffer first
            // (offsets are recorded, since the buffer may move while it grows).
            scratch.removeAll()
            for (feature, column) in featureColumns.enumerated() {
                unquotedOffset[feature] = -1
                guard let column, column < fields.count, fields[column].quoted else { continue }
                let field = fields[column]
                unquotedOffset[feature] = scratch.count
                unquotedLength[feature] = scratch.appendInPlace(maximum: field.end - field.start) { CSVFieldValue.unquote(raw, field, into: $0) }
            }
            try scratch.withUnsafeBytes { unquoted in
                rawValues.removeAll(keepingCapacity: true)
                for (feature, column) in featureColumns.enumerated() {
                    if unquotedOffset[feature] >= 0 {
                        let offset = unquotedOffset[feature]
                        rawValues.append(UnsafeRawBufferPointer(rebasing: unquoted[offset..<(offset + unquotedLength[feature])]))
                    } else if let column, column < fields.count {
                        rawValues.append(UnsafeRawBufferPointer(rebasing: raw[fields[column].start..<fields[column].end]))
                    } else {
                        rawValues.append(UnsafeRawBufferPointer(start: nil, count: 0))
                    }
                }
                try encoder.encodeRaw(rawValues, problems: &problems, salt: nil)
                rawValues.removeAll(keepingCapacity: true)
            }
            popcount = clk.withUnsafeMutableBytes { encoder.finish(into: $0) }
        }
        if let bad = problems.first(where: { $0.reason == .invalidUTF8 }) {
            throw invalidUTF8(column: featureColumns[bad.feature] ?? 0, line: line)
        }
        var dropRow = false
        for problem in problems {
            let feature = encoder.schema.features[problem.feature].identifier
            tally.features[problem.feature].invalidByReason[FeatureInvalidReason.allCases.firstIndex(of: problem.reason)!] += 1
            if collectFindings { findings.append(FeatureFinding(line: line, feature: feature, reason: problem.reason)) }
            switch onInvalid {
            case .blank: break
            case .dropRow: dropRow = true
            case .fail:
                let column = featureColumns[problem.feature].map { CSVRecordParser.describeColumn($0, names: messageNames) }
                throw TokenisationError(.invalidIdentifier, "invalid value for feature \"\(feature)\" (\(problem.reason.rawValue)); with --on-invalid fail nothing is written",
                                        file: file, line: line, column: column)
            }
        }
        if dropRow { return false }
        for problem in problems { tally.features[problem.feature].invalidWritten += 1 }
        var tokens = 0
        for (feature, count) in encoder.lastTokenCounts.enumerated() where encoder.schema.features[feature].hashing != nil {
            // A feature found invalid (here or by a profile's normaliser) is counted as invalid only.
            if problems.contains(where: { $0.feature == feature }) { continue }
            if count > 0 {
                tally.features[feature].present += 1
                tokens += count
            } else if count == 0 {
                tally.features[feature].missing += 1
            }
        }
        tally.record(popcount: popcount, tokens: tokens)
        if countDuplicates && tally.clkDigests.count < EncodeTally.digestLimit {
            var digest: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in clk { digest = (digest ^ UInt64(byte)) &* 0x100_0000_01b3 }
            tally.clkDigests.append(digest)
        }
        return true
    }

    func append(to output: ByteBuffer, delimiter: UInt8) {
        switch format {
        case .csv:
            output.append(delimiter)
            StandardBase64.append(clk, to: output)
            output.append(delimiter)
            output.append(fingerprint)
            for key in blockHex {
                output.append(delimiter)
                output.append(key)
            }
        case .anonlink:
            output.append(Self.jsonSeparator)
            StandardBase64.append(clk, to: output)
            output.append(0x22)
        }
    }

    private static let jsonSeparator: [UInt8] = Array(",\n    \"".utf8)
}
