internal import ArgumentParser
internal import JigsawAudit
internal import Foundation
internal import JigsawSynth

/// `jigsaw synth`: write two overlapping synthetic extracts and the truth linking them.
struct SynthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write synthetic health and council extracts that overlap, with the true links, for testing and demonstration.",
        discussion: """
            Writes health.csv (health_record_id, nhs_number, forename, surname, date_of_birth, sex 1/2/9, postcode, community_services, camhs, ae_attendance), council.csv (child_id, upn, nhs_number for only part of the children, forename, surname, dob, sex M/F, postcode, council, region, send, child_in_need, looked_after, free_school_meals) and truth.csv (child_id, health_record_id for every pair of records of the same child) into the output folder, creating it if needed. Each extract holds --records distinct children, --overlap of them in both, aged 0 to 17 on --reference-date, plus duplicate records. No real person's data: NHS numbers come from the NHS test range (999 000 0000 to 999 999 9999), UPNs are invented with valid check letters, council codes E09000001 onwards label invented areas. The same seed and options give byte-identical files.

            Each record is made from its child's true values and damaged at the --*-rate knobs, each a probability per unit: variant (nickname or other spelling, per name that has one in the built-in table), hyphen (double-barrelled surname recorded as one part, per such surname), typo (per name field), swap (forename and surname exchanged, per record), dob-swap (day and month exchanged, per record with day <= 12 and day != month), move (another postcode, per record), format (capitals, postcode without its space or in lower case, per record), missing (blank, per field), nhs-spaced (NHS number typed ddd ddd dddd, per health record) and duplicate (the record entered twice with one small difference, per record). --clean sets every rate not given to 0. Counts and the rates used are printed on standard error.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The seed; the same seed and options give the same files.", valueName: "n"))
    var seed: UInt64

    @Option(name: .long, help: ArgumentHelp("Distinct children in each extract, before duplicate records.", valueName: "n"))
    var records: Int

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder to write health.csv, council.csv and truth.csv into (created if missing).", valueName: "folder"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("How many councils the children live in, 1 to \(SynthConfiguration.maximumCouncils).", valueName: "k"))
    var councils: Int = 3

    @Option(name: .long, help: ArgumentHelp("The share of each extract's children also in the other, 0 to 1.", valueName: "f"))
    var overlap: Double = 0.7

    @Option(name: .long, help: ArgumentHelp("The day ages are reckoned on, YYYY-MM-DD.", valueName: "date"))
    var referenceDate: String = SynthDate.defaultReference.description

    @Option(name: .long, help: ArgumentHelp("The share of council records holding an NHS number, 0 to 1.", valueName: "f"))
    var councilNHSShare: Double = 0.6

    @OptionGroup(title: "Corruption rates") var rates: SynthRateOptions

    @Flag(name: .long, help: "Replace health.csv, council.csv and truth.csv if they exist.")
    var force = false

    @Flag(name: .long, help: "No summary on standard error.")
    var quiet = false

    func validate() throws {
        guard records >= 1 else { throw ValidationError("--records must be at least 1") }
        guard (1...SynthConfiguration.maximumCouncils).contains(councils) else {
            throw ValidationError("--councils must be between 1 and \(SynthConfiguration.maximumCouncils)")
        }
        guard (0...1).contains(overlap) else { throw ValidationError("--overlap must be between 0 and 1") }
        guard (0...1).contains(councilNHSShare) else { throw ValidationError("--council-nhs-share must be between 0 and 1") }
        guard SynthDate(iso: referenceDate) != nil else { throw ValidationError("--reference-date must be a date in the form YYYY-MM-DD") }
        try rates.validate()
    }

    @OptionGroup var auditLogOptions: AuditLogOptions

    func run() async throws {
        try await auditLogOptions.record("synth", output: output, quiet: quiet) { try await perform($0) }
    }

    private func perform(_ audit: AuditRun) async throws {
        var configuration = SynthConfiguration(seed: seed, records: records)
        configuration.councils = councils
        configuration.overlap = overlap
        configuration.councilNHSShare = councilNHSShare
        configuration.referenceDate = SynthDate(iso: referenceDate) ?? .defaultReference
        configuration.rates = rates.rates
        let dataset: SynthDataset
        do {
            dataset = try SynthDataset(configuration: configuration)
            try SynthWriter.write(dataset, to: output, overwrite: force)
        } catch let error as SynthError {
            throw error.code == .badOptions
                ? CommandFailure.usage(error.description)
                : CommandFailure(status: .inputOutput, message: error.description)
        }
        for file in [SynthWriter.healthFile, SynthWriter.councilFile, SynthWriter.truthFile] {
            audit.wrote(output + "/" + file, kind: "synthetic")
        }
        audit.count("health_records", dataset.health.count)
        audit.count("council_records", dataset.council.count)
        audit.count("true_pairs", dataset.truth.count)
        if !quiet { Console.err(summary(dataset)) }
    }

    /// The summary printed on standard error: counts per file, true pairs, and the rates used.
    private func summary(_ dataset: SynthDataset) -> String {
        let configuration = dataset.configuration
        let healthDuplicates = dataset.health.count(where: \.isDuplicate)
        let councilDuplicates = dataset.council.count(where: \.isDuplicate)
        let councilNHS = dataset.council.count { !$0.nhsNumber.isEmpty }
        let councilUPN = dataset.council.count { !$0.upn.isEmpty }
        let places = configuration.councilList.map { "\($0.code) (\($0.region))" }.joined(separator: ", ")
        var lines = [
            "jigsaw synth: seed \(configuration.seed), \(Console.count(configuration.population, "child", plural: "children")) aged 0-17 on \(configuration.referenceDate), \(Console.count(configuration.councils, "council")): \(places)",
            "  \(SynthWriter.healthFile): \(Console.count(dataset.health.count, "record")) of \(Console.count(configuration.records)) children (\(Console.count(healthDuplicates, "duplicate")))",
            "  \(SynthWriter.councilFile): \(Console.count(dataset.council.count, "record")) of \(Console.count(configuration.records)) children (\(Console.count(councilDuplicates, "duplicate"))), \(Console.count(councilNHS)) with an NHS number, \(Console.count(councilUPN)) with a UPN",
            "  \(SynthWriter.truthFile): \(Console.count(dataset.truth.count, "true pair")) for \(Console.count(dataset.childrenInBoth)) children in both extracts (overlap \(threeDecimals(configuration.overlap)))",
            "  corruption rates (knob; applied / eligible in both extracts):",
        ]
        let tally = dataset.tally
        for kind in Corruption.allCases {
            let name = kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
            let rate = threeDecimals(configuration.rates[kind])
            let unit = kind.unit.padding(toLength: 40, withPad: " ", startingAt: 0)
            lines.append("    \(name) \(rate) \(unit) \(Console.count(tally.applied(kind))) / \(Console.count(tally.eligible(kind)))")
        }
        lines.append("  written to \(output)")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A rate from 0 to 1 with three decimals, `0.030`.
private func threeDecimals(_ value: Double) -> String { String(format: "%.3f", value) }

/// The corruption-rate knobs of `jigsaw synth`, each a probability from 0 to 1.
struct SynthRateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Nickname or other spelling, per name with a variant (default \(Self.defaultText(.variant))).", valueName: "p"))
    var variantRate: Double?

    @Option(name: .long, help: ArgumentHelp("Double-barrelled surname recorded as one part, per such surname (default \(Self.defaultText(.hyphen))).", valueName: "p"))
    var hyphenRate: Double?

    @Option(name: .long, help: ArgumentHelp("A typing error, per name field (default \(Self.defaultText(.typo))).", valueName: "p"))
    var typoRate: Double?

    @Option(name: .long, help: ArgumentHelp("Forename and surname exchanged, per record (default \(Self.defaultText(.swap))).", valueName: "p"))
    var swapRate: Double?

    @Option(name: .long, help: ArgumentHelp("Day and month of birth exchanged, per record with day <= 12 (default \(Self.defaultText(.dobSwap))).", valueName: "p"))
    var dobSwapRate: Double?

    @Option(name: .long, help: ArgumentHelp("Another postcode, in the same area or another, per record (default \(Self.defaultText(.move))).", valueName: "p"))
    var moveRate: Double?

    @Option(name: .long, help: ArgumentHelp("Capitals or an unspaced or lower-case postcode, per record (default \(Self.defaultText(.format))).", valueName: "p"))
    var formatRate: Double?

    @Option(name: .long, help: ArgumentHelp("A blank value, per field (default \(Self.defaultText(.missing))).", valueName: "p"))
    var missingRate: Double?

    @Option(name: .long, help: ArgumentHelp("NHS number typed as ddd ddd dddd, per health record (default \(Self.defaultText(.nhsSpaced))).", valueName: "p"))
    var nhsSpacedRate: Double?

    @Option(name: .long, help: ArgumentHelp("The record entered twice with a small difference, per record (default \(Self.defaultText(.duplicate))).", valueName: "p"))
    var duplicateRate: Double?

    @Flag(name: .long, help: "Set every rate not given to 0: each record holds its child's true values.")
    var clean = false

    private var given: [(Corruption, Double?)] {
        [(.variant, variantRate), (.hyphen, hyphenRate), (.typo, typoRate), (.swap, swapRate), (.dobSwap, dobSwapRate),
         (.move, moveRate), (.format, formatRate), (.missing, missingRate), (.nhsSpaced, nhsSpacedRate),
         (.duplicate, duplicateRate)]
    }

    func validate() throws {
        for case let (kind, rate?) in given where !(0...1).contains(rate) {
            throw ValidationError("--\(kind.rawValue)-rate must be between 0 and 1")
        }
    }

    /// The rates: those given, and the defaults (or 0 with `--clean`) for the rest.
    var rates: CorruptionRates {
        var rates = clean ? CorruptionRates.none : CorruptionRates()
        for case let (kind, rate?) in given { rates[kind] = rate }
        return rates
    }

    private static func defaultText(_ kind: Corruption) -> String { threeDecimals(CorruptionRates()[kind]) }
}
