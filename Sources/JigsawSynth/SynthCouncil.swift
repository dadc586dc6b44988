/// One of the councils whose children `jigsaw synth` invents: a code, a region and the postcode
/// districts of its area.
///
/// The codes `E09000001` to `E09000012` have the shape of ONS local-authority codes but are labels
/// for invented areas, not the authorities that hold those codes; the postcode districts are real
/// outward codes of each region, and the inward codes are drawn at random, so a synthetic postcode
/// has a valid format but need not exist. The UPN prefix is a DfE-style three-digit local-authority
/// number used as the first digits of the UPNs the council issues.
public struct SynthCouncil: Sendable, Equatable {
    /// The council's code, `E09` and six digits.
    public let code: String
    /// The English region the area lies in.
    public let region: String
    /// The three-digit number that begins the UPNs the council issues.
    public let upnPrefix: Int
    /// The outward codes of the area's postcodes.
    public let districts: [String]

    /// The councils available, in order; `--councils K` uses the first *K*.
    public static let all: [SynthCouncil] = [
        SynthCouncil(1, "London", 211, ["E1", "E1W", "E2", "E3", "E5", "E8", "E9", "E10", "E13", "E14", "E15", "E17", "EC1V", "EC2A"]),
        SynthCouncil(2, "Yorkshire and The Humber", 383, ["LS1", "LS2", "LS4", "LS6", "LS7", "LS8", "LS9", "LS10", "LS11", "LS12", "LS13", "LS14", "LS15", "LS16", "LS17", "LS28"]),
        SynthCouncil(3, "North West", 352, ["M1", "M4", "M8", "M9", "M11", "M12", "M13", "M14", "M16", "M18", "M19", "M20", "M21", "M22", "M23", "M40"]),
        SynthCouncil(4, "West Midlands", 330, ["B5", "B6", "B7", "B8", "B9", "B10", "B11", "B12", "B13", "B14", "B16", "B18", "B19", "B20", "B21", "B23", "B29"]),
        SynthCouncil(5, "Yorkshire and The Humber", 380, ["BD1", "BD2", "BD3", "BD4", "BD5", "BD6", "BD7", "BD8", "BD9", "BD10", "BD15", "BD18"]),
        SynthCouncil(6, "East Midlands", 856, ["LE1", "LE2", "LE3", "LE4", "LE5", "LE7", "LE18", "LE19"]),
        SynthCouncil(7, "London", 206, ["N1", "N4", "N5", "N7", "N8", "N15", "N16", "N17", "N19", "N22", "NW1", "NW5", "NW6", "NW10"]),
        SynthCouncil(8, "North East", 391, ["NE1", "NE2", "NE3", "NE4", "NE5", "NE6", "NE7", "NE15"]),
        SynthCouncil(9, "South West", 801, ["BS1", "BS2", "BS3", "BS4", "BS5", "BS6", "BS7", "BS13", "BS14", "BS16"]),
        SynthCouncil(10, "East of England", 821, ["LU1", "LU2", "LU3", "LU4", "LU5"]),
        SynthCouncil(11, "North West", 341, ["L1", "L4", "L5", "L6", "L7", "L8", "L9", "L11", "L13", "L15", "L17", "L18", "L25"]),
        SynthCouncil(12, "South East", 870, ["RG1", "RG2", "RG4", "RG5", "RG6", "RG30", "RG31"]),
    ]

    private init(_ number: Int, _ region: String, _ upnPrefix: Int, _ districts: [String]) {
        code = "E09" + SynthDate.pad(number, 6)
        self.region = region
        self.upnPrefix = upnPrefix
        self.districts = districts
    }

    /// Letters a UK inward code may end in (no C, I, K, M, O or V).
    static let inwardLetters = Array("ABDEFGHJLNPQRSTUWXYZ")

    /// A random postcode in the area, `OUTWARD INWARD`.
    func postcode(using random: inout SynthRandom) -> String {
        let district = random.pick(districts)
        let sector = 1 + random.below(9)
        return "\(district) \(sector)\(random.pick(Self.inwardLetters))\(random.pick(Self.inwardLetters))"
    }
}
