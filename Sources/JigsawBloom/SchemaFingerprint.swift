internal import JigsawCrypto
internal import JigsawTokens

extension LinkageSchema {
    /// A canonical text of everything that decides the bits: one line per setting, defaults written out,
    /// keys in a fixed order. Two schema files that encode identically have the same canonical text,
    /// whatever their key order, white space or omitted defaults.
    public var canonicalText: String {
        var lines = [profile == nil ? "jigsaw-linkage-schema-canonical/1" : "jigsaw-profile-canonical/1", "l=\(length)", "xor_folds=\(xorFolds)",
                     "kdf=HKDF-\(kdf.hash.rawValue);salt=\(Hex.encode(kdf.salt));info=\(Hex.encode(kdf.info));keySize=\(kdf.keySize)"]
        for (position, feature) in features.enumerated() {
            var line = "feature=\(feature.identifier.debugDescription)"
            guard let format = feature.format, let hashing = feature.hashing else {
                lines.append(line + ";ignored")
                continue
            }
            switch format {
            case .string(let rules):
                line += ";string;encoding=\(rules.encoding.rawValue)"
                if let pattern = rules.pattern {
                    line += ";pattern=\(pattern.debugDescription)"
                } else {
                    line += ";case=\(rules.letterCase);min=\(rules.minLength.map(String.init) ?? "-");max=\(rules.maxLength.map(String.init) ?? "-")"
                }
            case .integer(let minimum, let maximum):
                line += ";integer;min=\(minimum.map(String.init) ?? "-");max=\(maximum.map(String.init) ?? "-")"
            case .date(let pattern):
                line += ";date;format=\(pattern.format.debugDescription)"
            case .enumeration(let values):
                line += ";enum;values=\(values.sorted().map(\.debugDescription).joined(separator: ","))"
            }
            switch hashing.comparison {
            case .ngram(let n, let positional): line += ";ngram;n=\(n);positional=\(positional)"
            case .exact: line += ";exact"
            case .numeric(let distance, let resolution, let precision):
                line += ";numeric;thresholdDistance=\(distance);resolution=\(resolution);fractional_precision=\(precision)"
            }
            switch hashing.strategy {
            case .bitsPerToken(let k): line += ";bitsPerToken=\(k)"
            case .bitsPerFeature(let total): line += ";bitsPerFeature=\(total)"
            }
            switch hashing.hash {
            case .blake: line += ";blakeHash"
            case .doubleHash(let singular): line += ";doubleHash;prevent_singularity=\(singular)"
            }
            if let missing = hashing.missingValue {
                line += ";missing=\(missing.sentinel.debugDescription)->\(missing.replaceWith.debugDescription)"
            }
            if let profile {
                // Only what shapes the normalised value: not the column, source format or codebook,
                // which describe each partner's own extract.
                let feature = profile.features[position]
                let normaliser: String = switch feature.normaliser {
                case .none: "none"
                case .name(let variants, let dropTitles): (dropTitles ? "forename" : "name") + (variants ? "+variants" : "")
                case .dateOfBirth: "date-of-birth"
                case .sex: "sex"
                case .postcode: "postcode"
                }
                line += ";normaliser=\(normaliser);derive=\(feature.derivation?.rawValue ?? "-");salted=\(feature.salted)"
                if let source = feature.keysFrom { line += ";keysFrom=\(source)" }
            }
            lines.append(line)
        }
        for key in profile?.blocking ?? [] {
            lines.append("blocking=\(key.name):" + key.parts.map { "\($0.feature).\($0.part.rawValue)" }.joined(separator: "+"))
        }
        if let hardening = profile?.hardening {
            var line = "hardening"
            if let salt = hardening.salt { line += ";salt=\(salt.feature.debugDescription):\(salt.part)" }
            if hardening.balance { line += ";balance" }
            if let diffusion = hardening.diffusion { line += ";diffusion=t\(diffusion.t),length\(diffusion.length)" }
            if let probability = hardening.flipProbability { line += ";blip=\(probability)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// 16 lowercase hex digits identifying how this schema encodes: the first 8 bytes of the SHA-256 of
    /// ``canonicalText``. Partners compare it before exchanging files; every encoded output records it.
    public var fingerprint: String {
        let digest = SHA256Digest.hash(Array(canonicalText.utf8))
        return Hex.encode(Array(digest.prefix(8)))
    }
}
