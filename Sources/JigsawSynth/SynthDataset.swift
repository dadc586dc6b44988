/// Two overlapping synthetic extracts, a health partner's and a council's, and the truth linking them.
///
/// Generation is deterministic: the same ``SynthConfiguration`` gives the same dataset on any machine.
/// The population is invented first (see ``SynthChild``), then each extract's records are made from
/// the children's true values and damaged independently at the configured ``CorruptionRates``. Each
/// extract is shuffled on its own and its ids given in file order, so neither ids nor row order say
/// which records belong together. Records of one child on the same side (duplicates) are scattered
/// through the file like any others.
public struct SynthDataset: Sendable {
    /// The configuration the dataset was made from.
    public let configuration: SynthConfiguration
    /// The population, the truth behind both extracts.
    public let children: [SynthChild]
    /// The health extract's rows, in file order.
    public let health: [HealthRecord]
    /// The council extract's rows, in file order.
    public let council: [CouncilRecord]
    /// Every true pair, sorted by council id then health id (see ``TruthPair``).
    public let truth: [TruthPair]
    /// What was done to the health extract.
    public let healthTally: CorruptionTally
    /// What was done to the council extract.
    public let councilTally: CorruptionTally

    /// Generates the dataset.
    /// - Parameter configuration: the seed, sizes and rates.
    /// - Throws: ``SynthError`` with `.badOptions` when the configuration is invalid.
    /// - Complexity: O(*n*) in the population, plus sorting the truth.
    public init(configuration: SynthConfiguration) throws(SynthError) {
        try configuration.validate()
        self.configuration = configuration
        let children = PopulationBuilder.children(for: configuration)
        self.children = children
        let seed = configuration.seed
        let councils = configuration.councilList

        var healthCorruptor = RecordCorruptor(
            side: .health, rates: configuration.rates, councils: councils,
            random: SynthRandom(seed: seed, stream: PopulationBuilder.Stream.healthRecords.rawValue))
        var councilCorruptor = RecordCorruptor(
            side: .council, rates: configuration.rates, councils: councils,
            random: SynthRandom(seed: seed, stream: PopulationBuilder.Stream.councilRecords.rawValue))
        var health: [HealthRecord] = []
        var council: [CouncilRecord] = []
        health.reserveCapacity(configuration.records + configuration.records / 8)
        council.reserveCapacity(configuration.records + configuration.records / 8)

        for (index, child) in children.enumerated() {
            if child.inHealth {
                let values = healthCorruptor.record(of: child)
                health.append(Self.healthRecord(values, child: child, index: index, duplicate: false))
                if healthCorruptor.shouldDuplicate() {
                    let second = healthCorruptor.duplicate(of: values, child: child)
                    health.append(Self.healthRecord(second, child: child, index: index, duplicate: true))
                }
            }
            if child.inCouncil {
                let values = councilCorruptor.record(of: child)
                let place = councils[child.council]
                council.append(Self.councilRecord(values, child: child, index: index, council: place, duplicate: false))
                if councilCorruptor.shouldDuplicate() {
                    let second = councilCorruptor.duplicate(of: values, child: child)
                    council.append(Self.councilRecord(second, child: child, index: index, council: place, duplicate: true))
                }
            }
        }

        var healthOrder = SynthRandom(seed: seed, stream: PopulationBuilder.Stream.healthOrder.rawValue)
        var councilOrder = SynthRandom(seed: seed, stream: PopulationBuilder.Stream.councilOrder.rawValue)
        healthOrder.shuffle(&health)
        councilOrder.shuffle(&council)
        for i in health.indices { health[i].id = "H" + SynthDate.pad(i + 1, 7) }
        for i in council.indices { council[i].id = "C" + SynthDate.pad(i + 1, 7) }

        // Pair every council record of a child in both extracts with every health record of the child.
        var healthIDs = [[Int]](repeating: [], count: children.count)
        for (i, record) in health.enumerated() where children[record.child].inCouncil {
            healthIDs[record.child].append(i)
        }
        var truth: [TruthPair] = []
        truth.reserveCapacity(configuration.childrenInBoth + configuration.childrenInBoth / 8)
        for record in council {
            for i in healthIDs[record.child] {
                truth.append(TruthPair(childID: record.id, healthRecordID: health[i].id))
            }
        }
        truth.sort()

        self.health = health
        self.council = council
        self.truth = truth
        healthTally = healthCorruptor.tally
        councilTally = councilCorruptor.tally
    }

    /// What was done to both extracts together.
    public var tally: CorruptionTally { healthTally.merged(with: councilTally) }

    /// The number of children in both extracts.
    public var childrenInBoth: Int { configuration.childrenInBoth }

    private static func healthRecord(_ values: RecordedValues, child: SynthChild, index: Int, duplicate: Bool) -> HealthRecord {
        HealthRecord(
            id: "", child: index, isDuplicate: duplicate, nhsNumber: values.identifier, forename: values.forename,
            surname: values.surname, dateOfBirth: values.dateOfBirth, sex: values.sex, postcode: values.postcode,
            communityServices: child.communityServices, camhs: child.camhs, aeAttendance: child.aeAttendance)
    }

    private static func councilRecord(
        _ values: RecordedValues, child: SynthChild, index: Int, council: SynthCouncil, duplicate: Bool
    ) -> CouncilRecord {
        CouncilRecord(
            id: "", child: index, isDuplicate: duplicate, upn: values.identifier,
            nhsNumber: child.councilHasNHSNumber ? child.nhsNumber : "", forename: values.forename,
            surname: values.surname, dateOfBirth: values.dateOfBirth, sex: values.sex, postcode: values.postcode,
            council: council.code, region: council.region, send: child.send, childInNeed: child.childInNeed,
            lookedAfter: child.lookedAfter, freeSchoolMeals: child.freeSchoolMeals)
    }
}
