import Foundation
import Testing
@testable import JigsawSynth

@Suite("Corruption")
struct CorruptionTests {
    @Test("each kind is applied at its knob's rate, over 5,000 children per extract", arguments: Corruption.allCases)
    func tallyMatchesKnob(kind: Corruption) {
        let dataset = Shared.large
        let tally = dataset.tally
        let rate = dataset.configuration.rates[kind]
        #expect(tally.eligible(kind) > 100)
        let observed = tally.observedRate(kind) ?? -1
        #expect(isNear(observed, rate, trials: tally.eligible(kind)), "\(kind.rawValue): \(observed) against \(rate)")
    }

    @Test("knobs set to other values are followed too")
    func otherRates() throws {
        var configuration = SynthConfiguration(seed: 77, records: 3000)
        for (i, kind) in Corruption.allCases.enumerated() { configuration.rates[kind] = [0.15, 0.6, 0.1, 0.05][i % 4] }
        let dataset = try SynthDataset(configuration: configuration)
        for kind in Corruption.allCases {
            let tally = dataset.tally
            #expect(isNear(tally.observedRate(kind) ?? -1, configuration.rates[kind], trials: tally.eligible(kind)), "\(kind.rawValue)")
        }
    }

    @Test("blank fields appear in the files at the missing-value rate")
    func missingInOutput() {
        let dataset = Shared.large
        let originals = dataset.health.filter { !$0.isDuplicate }
        let blanks = originals.filter { $0.forename.isEmpty }.count + originals.filter { $0.dateOfBirth.isEmpty }.count
        let share = Double(blanks) / Double(2 * originals.count)
        #expect(isNear(share, dataset.configuration.rates.missing, trials: 2 * originals.count))
        // A missing postcode is sometimes the "not known" pseudo-postcode.
        #expect(dataset.council.contains { $0.postcode == "ZZ99 3WZ" })
    }

    @Test("day and month are exchanged at the rate, and only where the day is 12 or less")
    func dobSwapInOutput() {
        let dataset = Shared.large
        var eligible = 0
        var swapped = 0
        for record in dataset.council where !record.isDuplicate && !record.dateOfBirth.isEmpty {
            let truth = dataset.children[record.child].dateOfBirth
            if record.dateOfBirth != truth.description {
                #expect(record.dateOfBirth == truth.transposed)
            }
            guard truth.transposed != nil else { continue }
            eligible += 1
            if record.dateOfBirth == truth.transposed { swapped += 1 }
        }
        #expect(isNear(Double(swapped) / Double(eligible), dataset.configuration.rates.dobSwap, trials: eligible))
    }

    @Test("NHS numbers are typed with spaces and records duplicated at their rates")
    func spacedAndDuplicatedInOutput() {
        let dataset = Shared.large
        let rates = dataset.configuration.rates
        let numbers = dataset.health.filter { !$0.isDuplicate && !$0.nhsNumber.isEmpty }
        let spaced = numbers.filter { $0.nhsNumber.contains(" ") }.count
        #expect(isNear(Double(spaced) / Double(numbers.count), rates.nhsSpaced, trials: numbers.count))
        let originals = dataset.health.count(where: { !$0.isDuplicate }) + dataset.council.count(where: { !$0.isDuplicate })
        let duplicates = dataset.health.count(where: \.isDuplicate) + dataset.council.count(where: \.isDuplicate)
        #expect(isNear(Double(duplicates) / Double(originals), rates.duplicate, trials: originals))
    }

    @Test("with every rate zero each record holds its child's true values")
    func clean() throws {
        let dataset = try SynthDataset(configuration: Shared.only([:], records: 1000))
        #expect(dataset.health.count == 1000 && dataset.council.count == 1000)
        #expect(dataset.truth.count == dataset.childrenInBoth)
        for record in dataset.health {
            let child = dataset.children[record.child]
            #expect(record.forename == child.forename && record.surname == child.surname)
            #expect(record.dateOfBirth == child.dateOfBirth.description && record.sex == child.sex.healthCode)
            #expect(record.postcode == child.postcode && record.nhsNumber == child.nhsNumber)
        }
        for record in dataset.council {
            let child = dataset.children[record.child]
            #expect(record.forename == child.forename && record.surname == child.surname)
            #expect(record.dateOfBirth == child.dateOfBirth.description && record.sex == child.sex.councilCode)
            #expect(record.postcode == child.postcode && record.upn == child.upn)
        }
    }

    @Test("a typing error is one substitution, deletion, transposition or insertion")
    func typoShape() throws {
        let dataset = try SynthDataset(configuration: Shared.only([.typo: 0.2]))
        var changed = 0
        for record in dataset.health {
            let child = dataset.children[record.child]
            for (written, truth) in [(record.forename, child.forename), (record.surname, child.surname)] where written != truth {
                changed += 1
                #expect(Self.isOneEdit(Array(written), Array(truth)))
            }
        }
        #expect(isNear(Double(changed) / Double(2 * dataset.health.count), 0.2, trials: 2 * dataset.health.count))
    }

    @Test("a variant comes from the built-in table, or is the name without diacritics")
    func variantShape() throws {
        let dataset = try SynthDataset(configuration: Shared.only([.variant: 1]))
        var nicknames = 0
        for record in dataset.council {
            let child = dataset.children[record.child]
            let variants = NameVariants.variants(of: child.forename)
            if variants.isEmpty {
                #expect(record.forename == child.forename)
            } else {
                #expect(variants.contains(record.forename))
                nicknames += 1
            }
        }
        #expect(nicknames > dataset.council.count / 10)
        #expect(NameVariants.variants(of: "William").contains("Bill"))
        #expect(NameVariants.variants(of: "Elizabeth").contains("Liz"))
        #expect(NameVariants.variants(of: "Mohammed").contains("Muhammad"))
        #expect(NameVariants.variants(of: "Aleksander").contains("Alexander"))
        #expect(NameVariants.variants(of: "Łukasz").contains("Lukasz"))
    }

    @Test("swapped names, double-barrelled surnames as one part, moves and formatting look as documented")
    func otherShapes() throws {
        let swapped = try SynthDataset(configuration: Shared.only([.swap: 1], records: 500))
        for record in swapped.health {
            let child = swapped.children[record.child]
            #expect(record.forename == child.surname && record.surname == child.forename)
        }

        let hyphen = try SynthDataset(configuration: Shared.only([.hyphen: 1], records: 3000))
        let doubles = hyphen.council.filter { hyphen.children[$0.child].isDoubleBarrelled }
        #expect(!doubles.isEmpty)
        for record in doubles {
            let parts = hyphen.children[record.child].surname.split(separator: "-").map(String.init)
            #expect([parts[0], parts[1], parts[0] + " " + parts[1]].contains(record.surname))
        }

        var configuration = Shared.only([.move: 1], records: 1000)
        configuration.councils = 4
        let moved = try SynthDataset(configuration: configuration)
        var elsewhere = 0
        for record in moved.council {
            let child = moved.children[record.child]
            #expect(record.postcode != child.postcode)
            #expect(isValidPostcode(record.postcode))
            let outward = String(record.postcode.split(separator: " ")[0])
            if !configuration.councilList[child.council].districts.contains(outward) { elsewhere += 1 }
        }
        #expect(isNear(Double(elsewhere) / Double(moved.council.count), 0.3, trials: moved.council.count, sigmas: 6))

        let formatted = try SynthDataset(configuration: Shared.only([.format: 1], records: 1000))
        for record in formatted.health {
            let child = formatted.children[record.child]
            #expect(record.forename.uppercased() == child.forename.uppercased())
            #expect(record.surname.uppercased() == child.surname.uppercased())
            #expect(record.postcode.uppercased().filter { $0 != " " } == child.postcode.filter { $0 != " " })
            #expect(record.forename != child.forename || record.surname != child.surname || record.postcode != child.postcode)
        }
    }

    @Test("a duplicate differs from the record it repeats in one small way")
    func duplicateShape() throws {
        let dataset = try SynthDataset(configuration: Shared.only([.duplicate: 0.5], records: 1000))
        let byChild = Dictionary(grouping: dataset.health, by: \.child)
        var duplicates = 0
        for records in byChild.values where records.count == 2 {
            duplicates += 1
            let (a, b) = (records[0].fields.dropFirst(), records[1].fields.dropFirst())
            let differing = zip(a, b).filter { $0 != $1 }.count
            #expect(differing == 1)
        }
        #expect(duplicates > 300)
        #expect(byChild.values.allSatisfy { $0.count <= 2 })
        // A child entered twice on both sides has four true pairs.
        let council = Dictionary(grouping: dataset.council, by: \.child)
        let pairsPerChild = Dictionary(grouping: dataset.truth) { pair in
            dataset.council.first { $0.id == pair.childID }!.child
        }
        for (child, pairs) in pairsPerChild {
            #expect(pairs.count == (byChild[child]?.count ?? 0) * (council[child]?.count ?? 0))
        }
    }

    /// Whether `a` becomes `b` by one substitution, deletion, insertion or transposition of neighbours.
    private static func isOneEdit(_ a: [Character], _ b: [Character]) -> Bool {
        if a.count == b.count {
            let differences = a.indices.filter { a[$0] != b[$0] }
            if differences.count == 1 { return true }
            return differences.count == 2 && differences[1] == differences[0] + 1
                && a[differences[0]] == b[differences[1]] && a[differences[1]] == b[differences[0]]
        }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        return long.indices.contains { i in Array(long[..<i] + long[(i + 1)...]) == short }
    }
}
