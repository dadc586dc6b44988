internal import Foundation
internal import JigsawIdentifiers

/// Turns a record's raw column values into a profile's feature values: normalise, derive, and find the
/// record's salt. Missing values become empty (they set no bits); invalid ones are reported by feature.
struct ProfileRecordBuilder {
    private let profile: JigsawProfile
    private let forenames = NameNormaliser(dropTitles: true)
    private let names = NameNormaliser(dropTitles: false)
    private let postcodes = PostcodeNormaliser()
    private let datesOfBirth: [DateOfBirthNormaliser?]
    private let sexes: [SexNormaliser?]
    private let saltFeature: Int?
    private static let separator = "\u{1F}"

    init(schema: LinkageSchema, today: Date = Date()) {
        let profile = schema.profile!
        self.profile = profile
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: today)
        let now = (year: parts.year!, month: parts.month!, day: parts.day!)
        datesOfBirth = profile.features.map { feature in
            if case .dateOfBirth(let format, let pivot) = feature.normaliser {
                return DateOfBirthNormaliser(format: format, pivotYear: pivot, today: now)
            }
            return nil
        }
        sexes = profile.features.map { feature in
            if case .sex(let codebook) = feature.normaliser { return SexNormaliser(codebook: codebook) }
            return nil
        }
        saltFeature = profile.hardening.salt.flatMap { salt in schema.features.firstIndex { $0.identifier == salt.feature } }
    }

    private static func reason(_ failure: NormalisationFailure) -> FeatureInvalidReason {
        switch failure {
        case .unknownCode: .unknownCode
        case .badFormat: .badFormat
        case .impossibleDate: .impossibleDate
        case .futureDate: .futureDate
        case .tooLong: .tooLong
        }
    }

    private func normalise(_ index: Int, _ raw: String) -> NormalisedValue {
        switch profile.features[index].normaliser {
        case .none:
            let trimmed = raw.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            return trimmed.isEmpty ? .missing(.blank) : .value(trimmed)
        case .name(_, let dropTitles): return dropTitles ? forenames.normalise(raw) : names.normalise(raw)
        case .dateOfBirth: return datesOfBirth[index]!.normalise(raw)
        case .sex: return sexes[index]!.normalise(raw)
        case .postcode: return postcodes.normalise(raw)
        }
    }

    /// Builds the feature values for one record.
    /// - Parameters:
    ///   - raw: each feature's raw column value, in schema order.
    ///   - problems: receives invalid features.
    /// - Returns: the feature values and the record's salt.
    func build(_ raw: [String], problems: inout [FeatureProblem]) -> (values: [String], salt: [UInt8]?) {
        let (values, salt, _) = buildWithNormalised(raw, problems: &problems)
        return (values, salt)
    }

    /// The blocking keys' plain texts for a record (parts joined by U+001F), or `nil` for a key with a
    /// missing part; the caller keys them before they leave the process.
    func blockingTexts(_ normalised: [String?]) -> [String?] {
        profile.blocking.map { key in
            var parts: [String] = []
            for (feature, part) in key.parts {
                guard let value = normalised[feature], !value.isEmpty else { return nil }
                let piece: String? = switch part {
                case .value: value
                case .year: String(value.prefix(4))
                case .initial: NameNormaliser.initial(of: value)
                case .district: PostcodeNormaliser.district(of: value)
                case .sector: PostcodeNormaliser.sector(of: value)
                }
                guard let piece, !piece.isEmpty else { return nil }
                parts.append(piece)
            }
            return "block:\(key.name):" + parts.joined(separator: Self.separator)
        }
    }

    /// Builds the feature values, the salt, and each feature's normalised value (before derivation).
    func buildWithNormalised(_ raw: [String], problems: inout [FeatureProblem]) -> (values: [String], salt: [UInt8]?, normalised: [String?]) {
        var normalisedValues = [String?](repeating: nil, count: raw.count)
        var values = [String](repeating: "", count: raw.count)
        var salt: [UInt8]?
        for index in raw.indices {
            let normalised: String
            switch normalise(index, raw[index]) {
            case .value(let value): normalised = value
            case .missing: continue
            case .invalid(let failure):
                problems.append(FeatureProblem(feature: index, reason: Self.reason(failure)))
                continue
            }
            normalisedValues[index] = normalised
            if index == saltFeature, let source = profile.hardening.salt {
                let text = source.part == "year" ? String(normalised.prefix(4)) : normalised
                salt = Array(text.utf8)
            }
            let feature = profile.features[index]
            switch (feature.derivation, feature.normaliser) {
            case (nil, .name(let variants, _)):
                values[index] = variants ? NameNormaliser.variants(of: normalised).joined(separator: Self.separator) : normalised
            case (nil, _):
                values[index] = normalised
            case (.initial?, _):
                values[index] = NameNormaliser.initial(of: normalised) ?? ""
            case (.soundex?, _):
                values[index] = Soundex.code(normalised) ?? ""
            case (.dateParts?, _):
                if let parts = DateOfBirthNormaliser.parts(of: normalised) {
                    values[index] = ["y" + parts.year, "m" + parts.month, "d" + parts.day, parts.month, parts.day].joined(separator: Self.separator)
                }
            case (.year?, _):
                values[index] = String(normalised.prefix(4))
            case (.postcodeSector?, _):
                values[index] = PostcodeNormaliser.sector(of: normalised) ?? ""
            case (.postcodeDistrict?, _):
                values[index] = PostcodeNormaliser.district(of: normalised) ?? ""
            }
        }
        return (values, salt, normalisedValues)
    }
}
