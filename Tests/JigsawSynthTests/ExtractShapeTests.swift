import Foundation
import Testing
import JigsawIdentifiers
@testable import JigsawSynth

@Suite("Extract shapes")
struct ExtractShapeTests {
    @Test("every NHS number is in the test range with a valid check digit, unique per child")
    func nhsNumbers() throws {
        let dataset = Shared.large
        var seen = Set<String>()
        for child in dataset.children {
            let (canonical, check) = NHSNumber.canonicalise(child.nhsNumber)
            #expect(check == .valid(length: 10, temporary: false))
            #expect(canonical?.hasPrefix("999") == true)
            seen.insert(child.nhsNumber)
        }
        #expect(seen.count == dataset.children.count)
        let written = dataset.health.map(\.nhsNumber) + dataset.council.map(\.nhsNumber)
        for number in written where !number.isEmpty {
            let (canonical, check) = NHSNumber.canonicalise(number)
            #expect(check == .valid(length: 10, temporary: false))
            #expect(canonical?.hasPrefix("999") == true)
        }
        #expect(dataset.health.contains { $0.nhsNumber.contains(" ") })
    }

    @Test("every UPN has a valid check letter and is permanent and unique per child")
    func upns() throws {
        let dataset = Shared.large
        var seen = Set<String>()
        for child in dataset.children where !child.upn.isEmpty {
            #expect(UniquePupilNumber.canonicalise(child.upn).check == .valid(length: 13, temporary: false))
            #expect(seen.insert(child.upn).inserted)
        }
        for record in dataset.council where !record.upn.isEmpty {
            #expect(UniquePupilNumber.canonicalise(record.upn).check == .valid(length: 13, temporary: false))
        }
        // Every school-age child has a UPN; most of the youngest do not yet.
        let reference = dataset.configuration.referenceDate
        #expect(dataset.children.allSatisfy { $0.dateOfBirth.age(on: reference) < 4 || !$0.upn.isEmpty })
        let young = dataset.children.filter { $0.dateOfBirth.age(on: reference) < 4 }
        #expect(young.filter { $0.upn.isEmpty }.count > young.count / 2)
    }

    @Test("the files have the documented columns, one value per column, and no quoting")
    func headersAndColumns() throws {
        let folder = try TemporaryFolder()
        var configuration = SynthConfiguration(seed: 5, records: 400)
        configuration.councils = 12
        try SynthWriter.write(try SynthDataset(configuration: configuration), to: folder.path, overwrite: false)
        #expect(try folder.contents() == ["council.csv", "health.csv", "truth.csv"])
        let expected: [(String, [String])] = [
            ("health.csv", ["health_record_id", "nhs_number", "forename", "surname", "date_of_birth", "sex", "postcode",
                            "community_services", "camhs", "ae_attendance"]),
            ("council.csv", ["child_id", "upn", "nhs_number", "forename", "surname", "dob", "sex", "postcode", "council",
                             "region", "send", "child_in_need", "looked_after", "free_school_meals"]),
            ("truth.csv", ["child_id", "health_record_id"]),
        ]
        for (name, header) in expected {
            let bytes = try readBytes(folder.file(name))
            #expect(!bytes.contains(0x22), "\(name) needs no quoting")
            let rows = try readRows(folder.file(name))
            #expect(rows.first == header)
            #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        }
        // The health extract ends its lines as Windows exports do; the others with LF only.
        #expect(String(decoding: try readBytes(folder.file("health.csv")), as: UTF8.self).hasSuffix("\r\n"))
        #expect(!String(decoding: try readBytes(folder.file("council.csv")), as: UTF8.self).contains("\r"))
    }

    @Test("truth pairs name existing records of the same child, and every such pair is listed")
    func truthPairs() throws {
        let dataset = Shared.large
        let health = Dictionary(uniqueKeysWithValues: dataset.health.map { ($0.id, $0) })
        let council = Dictionary(uniqueKeysWithValues: dataset.council.map { ($0.id, $0) })
        #expect(health.count == dataset.health.count)
        #expect(council.count == dataset.council.count)
        var pairs = Set<String>()
        for pair in dataset.truth {
            let h = try #require(health[pair.healthRecordID])
            let c = try #require(council[pair.childID])
            #expect(h.child == c.child)
            #expect(pairs.insert(pair.childID + "," + pair.healthRecordID).inserted)
        }
        // Expected pairs: for each child, council records × health records.
        var healthPerChild = [Int](repeating: 0, count: dataset.children.count)
        for record in dataset.health { healthPerChild[record.child] += 1 }
        let expectedPairs = dataset.council.reduce(0) { $0 + healthPerChild[$1.child] }
        #expect(dataset.truth.count == expectedPairs)
        #expect(dataset.truth == dataset.truth.sorted())
        let childrenInBoth = Set(dataset.truth.map { council[$0.childID]!.child })
        #expect(childrenInBoth.count == dataset.configuration.childrenInBoth)
    }

    @Test("each extract holds the configured number of distinct children, with the configured overlap")
    func sizesAndOverlap() {
        let dataset = Shared.large
        let configuration = dataset.configuration
        #expect(Set(dataset.health.map(\.child)).count == configuration.records)
        #expect(Set(dataset.council.map(\.child)).count == configuration.records)
        #expect(configuration.childrenInBoth == 3500)
        #expect(dataset.children.count == configuration.population)
        #expect(dataset.health.filter { !$0.isDuplicate }.count == configuration.records)
        #expect(dataset.council.filter { !$0.isDuplicate }.count == configuration.records)
    }

    @Test("row order and ids do not give the links away")
    func orderIsShuffled() {
        let dataset = Shared.large
        let councilIndex = Dictionary(uniqueKeysWithValues: dataset.council.enumerated().map { ($1.id, $0) })
        let healthIndex = Dictionary(uniqueKeysWithValues: dataset.health.enumerated().map { ($1.id, $0) })
        let close = dataset.truth.filter { abs(councilIndex[$0.childID]! - healthIndex[$0.healthRecordID]!) < 10 }
        // Independent shuffles put about 20 in 5,000 rows within 10 of each other by chance.
        #expect(close.count < dataset.truth.count / 20)
    }

    @Test("children are aged 0 to 17 on the reference date, and dates are written YYYY-MM-DD")
    func ages() {
        let dataset = Shared.large
        let reference = dataset.configuration.referenceDate
        let ages = dataset.children.map { $0.dateOfBirth.age(on: reference) }
        #expect(ages.allSatisfy { (0...17).contains($0) })
        #expect(ages.contains(0) && ages.contains(17))
        for value in dataset.health.map(\.dateOfBirth) + dataset.council.map(\.dateOfBirth) where !value.isEmpty {
            #expect(SynthDate(iso: value) != nil)
        }
    }

    @Test("sex, flags, councils and regions use the documented codes")
    func codes() {
        let dataset = Shared.large
        #expect(Set(dataset.health.map(\.sex)).isSubset(of: ["1", "2", "9", ""]))
        #expect(Set(dataset.council.map(\.sex)).isSubset(of: ["M", "F", ""]))
        let flags = dataset.health.flatMap { $0.fields[7...] } + dataset.council.flatMap { $0.fields[11...] }
        #expect(Set(flags) == ["0", "1"])
        #expect(Set(dataset.council.map(\.send.rawValue)) == ["", "K", "E"])
        #expect(Set(dataset.council.map(\.council)) == ["E09000001", "E09000002", "E09000003"])
        for record in dataset.council {
            #expect(SynthCouncil.all.first { $0.code == record.council }?.region == record.region)
        }
        let share = Double(dataset.council.filter { !$0.nhsNumber.isEmpty }.count) / Double(dataset.council.count)
        #expect(isNear(share, dataset.configuration.councilNHSShare, trials: dataset.council.count))
    }

    @Test("postcodes have a valid UK format and lie in the child's council's area")
    func postcodes() {
        let dataset = Shared.large
        let councils = dataset.configuration.councilList
        for child in dataset.children {
            let compact = child.postcode.filter { $0 != " " }
            #expect(isValidPostcode(compact))
            let outward = String(child.postcode.split(separator: " ")[0])
            #expect(councils[child.council].districts.contains(outward))
        }
        for value in dataset.health.map(\.postcode) + dataset.council.map(\.postcode) where !value.isEmpty && value != "ZZ99 3WZ" {
            #expect(isValidPostcode(value.uppercased()))
        }
    }

    @Test("names are diverse: every naming tradition, diacritics, apostrophes and double-barrelled surnames")
    func names() {
        let dataset = Shared.large
        #expect(Set(dataset.children.map(\.origin)) == Set(NameOrigin.allCases))
        let british = Double(dataset.children.filter { $0.origin == .british }.count) / Double(dataset.children.count)
        #expect(isNear(british, NameOrigin.british.share, trials: dataset.children.count, sigmas: 8))
        #expect(dataset.children.contains { $0.isDoubleBarrelled && $0.surname.contains("-") })
        #expect(dataset.children.contains { $0.surname.contains("'") })
        #expect(dataset.children.contains { !$0.forename.allSatisfy(\.isASCII) })
        #expect(dataset.children.allSatisfy { !$0.forename.isEmpty && !$0.surname.isEmpty })
        // Siblings share a household's postcode; some are twins with one date of birth.
        let households = Dictionary(grouping: dataset.children, by: \.household)
        #expect(households.values.allSatisfy { Set($0.map(\.postcode)).count == 1 })
        #expect(households.values.contains { $0.count >= 2 && $0[0].dateOfBirth == $0[1].dateOfBirth })
    }

    @Test("options that cannot be met are refused with a reason")
    func badOptions() {
        var configuration = SynthConfiguration(seed: 1, records: 0)
        #expect(throws: SynthError.self) { try configuration.validate() }
        configuration.records = 10
        configuration.councils = SynthConfiguration.maximumCouncils + 1
        #expect(throws: SynthError.self) { try configuration.validate() }
        configuration.councils = 1
        configuration.rates.typo = 1.5
        #expect(throws: SynthError(.badOptions, "the typo rate must be between 0 and 1")) { try configuration.validate() }
        configuration.rates.typo = 0
        configuration.overlap = -0.1
        #expect(throws: SynthError.self) { try configuration.validate() }
        // More children than the NHS test range has numbers for.
        configuration.overlap = 0
        configuration.records = 600_000
        #expect(throws: SynthError.self) { try SynthDataset(configuration: configuration) }
        #expect(IdentifierMaker.nhsTestRangeCapacity > 900_000 && IdentifierMaker.nhsTestRangeCapacity < 1_000_000)
    }
}
