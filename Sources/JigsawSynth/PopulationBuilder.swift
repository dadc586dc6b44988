/// Invents the population: households of children with their true identities and flags.
///
/// Children live in households of one to four (siblings share the postcode and usually the surname;
/// about one household in twenty with two or more children has twins, who also share the date of
/// birth). Each child is in the health extract only, the council extract only, or both, at random
/// and independently of their household.
enum PopulationBuilder {
    /// Random streams, one per part of the generation, so changing one knob leaves the rest alone.
    enum Stream: UInt64 {
        case population = 1
        case nhsNumbers
        case membership
        case councilNHS
        case healthRecords
        case councilRecords
        case healthOrder
        case councilOrder
    }

    private static let householdSizeWeights = [0.45, 0.35, 0.14, 0.06]
    private static let twinChance = 0.05
    private static let indeterminateChance = 0.0005
    private static let otherForenameChance = 0.08
    private static let doubleBarrelledChance = 0.04
    private static let sharedSurnameChance = 0.85

    private enum Membership {
        case both
        case healthOnly
        case councilOnly
    }

    private struct Household {
        var council: Int
        var postcode: String
        var origin: NameOrigin
        /// The surname table entry (maybe `Male/Female`), or two for a double-barrelled surname.
        var surname: [String]
        var lowIncome: Bool
    }

    static func children(for configuration: SynthConfiguration) -> [SynthChild] {
        let seed = configuration.seed
        let count = configuration.population
        let both = configuration.childrenInBoth
        let councils = configuration.councilList
        let reference = configuration.referenceDate

        var random = SynthRandom(seed: seed, stream: Stream.population.rawValue)
        var numberRandom = SynthRandom(seed: seed, stream: Stream.nhsNumbers.rawValue)
        var membershipRandom = SynthRandom(seed: seed, stream: Stream.membership.rawValue)
        var councilNHSRandom = SynthRandom(seed: seed, stream: Stream.councilNHS.rawValue)

        let nhsNumbers = IdentifierMaker.nhsNumbers(count: count, using: &numberRandom)
        var membership = [Membership](repeating: .both, count: both)
        membership += [Membership](repeating: .healthOnly, count: configuration.records - both)
        membership += [Membership](repeating: .councilOnly, count: configuration.records - both)
        membershipRandom.shuffle(&membership)

        var identifiers = IdentifierMaker()
        let latestBirth = reference.dayNumber
        let earliestBirth = earliestBirthDay(reference: reference)
        let originWeights = NameOrigin.allCases.map(\.share)

        var children: [SynthChild] = []
        children.reserveCapacity(count)
        var householdNumber = 0
        while children.count < count {
            let size = min(1 + random.weightedIndex(householdSizeWeights), count - children.count)
            let council = random.below(councils.count)
            let origin = NameOrigin.allCases[random.weightedIndex(originWeights)]
            var household = Household(
                council: council, postcode: councils[council].postcode(using: &random), origin: origin,
                surname: [random.pick(NameTables.pool(origin).surnames)], lowIncome: random.chance(0.24))
            if random.chance(doubleBarrelledChance) {
                let otherOrigin = random.chance(0.6) ? .british : origin
                var second = random.pick(NameTables.pool(otherOrigin).surnames)
                while second == household.surname[0] { second = random.pick(NameTables.pool(otherOrigin).surnames) }
                household.surname.append(second)
            }
            var siblings: [(forename: String, dateOfBirth: SynthDate)] = []
            for place in 0..<size {
                let sex: SynthSex = random.chance(indeterminateChance) ? .indeterminate
                    : random.chance(0.512) ? .male : .female
                let dateOfBirth = place == 1 && random.chance(twinChance)
                    ? siblings[0].dateOfBirth
                    : SynthDate(dayNumber: earliestBirth + random.below(latestBirth - earliestBirth + 1))
                var forename = Self.forename(sex: sex, origin: origin, using: &random)
                for _ in 0..<3 where siblings.contains(where: { $0.forename == forename }) {
                    forename = Self.forename(sex: sex, origin: origin, using: &random)
                }
                siblings.append((forename, dateOfBirth))
                let surnameEntries = place == 0 || random.chance(sharedSurnameChance)
                    ? household.surname : [random.pick(NameTables.pool(origin).surnames)]
                let surname = surnameEntries.map { NameTables.surname($0, sex: sex) }.joined(separator: "-")

                let age = dateOfBirth.age(on: reference)
                let upn = age >= 4 || random.chance(0.3)
                    ? identifiers.upn(prefix: councils[council].upnPrefix, yearIssued: min(dateOfBirth.year + 4, reference.year), using: &random)
                    : ""
                let schoolAge = age >= 4
                let sendDraw = random.unit()
                let send: SENDStatus = sendDraw < (schoolAge ? 0.045 : 0.01) ? .plan
                    : sendDraw < (schoolAge ? 0.175 : 0.03) ? .support : .none
                let lookedAfter = random.chance(0.007)
                let childInNeed = lookedAfter || random.chance(0.03)
                let communityServices = random.chance(send == .none ? 0.2 : 0.4)
                let camhs = random.chance(!schoolAge ? 0.01 : childInNeed ? 0.25 : send == .none ? 0.05 : 0.15)
                let aeAttendance = random.chance(0.25)

                let role = membership[children.count]
                children.append(SynthChild(
                    nhsNumber: nhsNumbers[children.count], upn: upn, forename: forename, surname: surname,
                    isDoubleBarrelled: household.surname.count == 2 && surnameEntries.count == 2, origin: origin,
                    dateOfBirth: dateOfBirth, sex: sex, postcode: household.postcode, council: council,
                    household: householdNumber, inHealth: role != .councilOnly, inCouncil: role != .healthOnly,
                    councilHasNHSNumber: councilNHSRandom.chance(configuration.councilNHSShare),
                    send: send, childInNeed: childInNeed, lookedAfter: lookedAfter,
                    freeSchoolMeals: schoolAge && household.lowIncome, communityServices: communityServices,
                    camhs: camhs, aeAttendance: aeAttendance))
            }
            householdNumber += 1
        }
        return children
    }

    /// The first day of birth of a child aged at most 17 on `reference`: the day after the 18th
    /// birthday of someone born 18 years before it.
    static func earliestBirthDay(reference: SynthDate) -> Int {
        let day = min(reference.day, SynthDate.daysIn(month: reference.month, year: reference.year - 18))
        return SynthDate(year: reference.year - 18, month: reference.month, day: day)!.dayNumber + 1
    }

    private static func forename(sex: SynthSex, origin: NameOrigin, using random: inout SynthRandom) -> String {
        let source = random.chance(otherForenameChance)
            ? NameOrigin.allCases[random.weightedIndex(NameOrigin.allCases.map(\.share))] : origin
        let pool = NameTables.pool(source)
        switch sex {
        case .male: return random.pick(pool.boys)
        case .female: return random.pick(pool.girls)
        case .indeterminate: return random.pick(random.chance(0.5) ? pool.boys : pool.girls)
        }
    }
}
