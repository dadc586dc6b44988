/// The values one record gives for its child, before they are put into a row.
struct RecordedValues: Equatable {
    var forename: String
    var surname: String
    var dateOfBirth: String
    /// The sex in the side's coding.
    var sex: String
    var postcode: String
    /// The side's own identifier: the NHS number in the health extract, the UPN in the council's.
    var identifier: String
}

/// Makes each record of a child from the child's true values, damaging them at the configured rates,
/// and counts what it did.
struct RecordCorruptor {
    /// Which extract the records are for.
    enum Side {
        case health
        case council
    }

    /// The pseudo-postcode for "not known".
    static let postcodeNotKnown = "ZZ99 3WZ"

    let side: Side
    let rates: CorruptionRates
    let councils: [SynthCouncil]
    var random: SynthRandom
    private(set) var tally = CorruptionTally()

    init(side: Side, rates: CorruptionRates, councils: [SynthCouncil], random: SynthRandom) {
        self.side = side
        self.rates = rates
        self.councils = councils
        self.random = random
    }

    /// Draws whether a corruption applies to one eligible unit, and counts it.
    private mutating func draw(_ kind: Corruption) -> Bool {
        let applied = random.chance(rates[kind])
        tally.count(kind, applied: applied)
        return applied
    }

    /// The values of one record of `child`.
    mutating func record(of child: SynthChild) -> RecordedValues {
        var forename = child.forename
        var surname = child.surname

        let forenameVariants = NameVariants.variants(of: forename)
        if !forenameVariants.isEmpty && draw(.variant) { forename = random.pick(forenameVariants) }
        if child.isDoubleBarrelled {
            if draw(.hyphen) { surname = oneForm(ofDoubleBarrelled: surname) }
        } else {
            let surnameVariants = NameVariants.variants(of: surname)
            if !surnameVariants.isEmpty && draw(.variant) { surname = random.pick(surnameVariants) }
        }
        if draw(.typo) { forename = Typing.typo(forename, using: &random) }
        if draw(.typo) { surname = Typing.typo(surname, using: &random) }
        if draw(.swap) { swap(&forename, &surname) }

        var dateOfBirth = child.dateOfBirth.description
        if let transposed = child.dateOfBirth.transposed, draw(.dobSwap) { dateOfBirth = transposed }

        var postcode = child.postcode
        if draw(.move) { postcode = movedPostcode(from: postcode, council: child.council) }

        if draw(.format) {
            let choice = random.unit()
            if choice < 0.4 {
                surname = surname.uppercased()
            } else if choice < 0.6 {
                forename = forename.uppercased()
                surname = surname.uppercased()
            } else if choice < 0.85 {
                postcode = postcode.filter { $0 != " " }
            } else {
                postcode = postcode.lowercased()
            }
        }

        var identifier: String
        switch side {
        case .health:
            identifier = child.nhsNumber
            if draw(.nhsSpaced) { identifier = Self.spaced(identifier) }
        case .council:
            identifier = child.upn
        }
        var values = RecordedValues(
            forename: forename, surname: surname, dateOfBirth: dateOfBirth,
            sex: side == .health ? child.sex.healthCode : child.sex.councilCode,
            postcode: postcode, identifier: identifier)
        blankSomeFields(&values)
        return values
    }

    /// Whether to enter the record just made a second time; counts the draw.
    mutating func shouldDuplicate() -> Bool { draw(.duplicate) }

    /// A second record of the same child: `values` with one small difference.
    mutating func duplicate(of values: RecordedValues, child: SynthChild) -> RecordedValues {
        var copy = values
        switch random.below(5) {
        case 0:
            break
        case 1:
            let variants = NameVariants.variants(of: child.forename).filter { $0 != copy.forename }
            if !variants.isEmpty && !copy.forename.isEmpty {
                copy.forename = random.pick(variants)
                return copy
            }
        case 2:
            copy.postcode = movedPostcode(from: copy.postcode, council: child.council)
            return copy
        case 3:
            let present: [WritableKeyPath<RecordedValues, String>] =
                [\.forename, \.dateOfBirth, \.postcode, \.identifier].filter { !copy[keyPath: $0].isEmpty }
            if !present.isEmpty {
                copy[keyPath: random.pick(present)] = ""
                return copy
            }
        default:
            if !copy.surname.isEmpty && copy.surname != copy.surname.uppercased() {
                copy.surname = copy.surname.uppercased()
                return copy
            }
        }
        // A typing error in a name, or failing that another postcode.
        let names: [WritableKeyPath<RecordedValues, String>] = [\.forename, \.surname].filter { !copy[keyPath: $0].isEmpty }
        if names.isEmpty {
            copy.postcode = movedPostcode(from: copy.postcode, council: child.council)
        } else {
            let name = random.pick(names)
            copy[keyPath: name] = Typing.typo(copy[keyPath: name], using: &random)
        }
        return copy
    }

    /// One part of a double-barrelled surname (four times in five), or both parts with a space.
    private mutating func oneForm(ofDoubleBarrelled surname: String) -> String {
        let parts = surname.split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return surname }
        let choice = random.unit()
        return choice < 0.4 ? parts[0] : choice < 0.8 ? parts[1] : parts[0] + " " + parts[1]
    }

    /// Another postcode: in the same council's area seven times in ten, otherwise in another's.
    private mutating func movedPostcode(from current: String, council home: Int) -> String {
        var council = home
        if councils.count > 1 && !random.chance(0.7) {
            council = (home + 1 + random.below(councils.count - 1)) % councils.count
        }
        while true {
            let postcode = councils[council].postcode(using: &random)
            if postcode != current { return postcode }
        }
    }

    /// Blanks each field that can be missing at the missing-value rate.
    private mutating func blankSomeFields(_ values: inout RecordedValues) {
        let fields: [WritableKeyPath<RecordedValues, String>] =
            [\.forename, \.surname, \.dateOfBirth, \.sex, \.postcode, \.identifier]
        for field in fields where !values[keyPath: field].isEmpty && draw(.missing) {
            // A missing postcode is sometimes written as the "not known" pseudo-postcode.
            values[keyPath: field] = field == \.postcode && random.chance(0.25) ? Self.postcodeNotKnown : ""
        }
    }

    /// `dddddddddd` as `ddd ddd dddd`.
    static func spaced(_ number: String) -> String {
        let digits = Array(number)
        guard digits.count == 10 else { return number }
        return String(digits[0..<3]) + " " + String(digits[3..<6]) + " " + String(digits[6..<10])
    }
}
