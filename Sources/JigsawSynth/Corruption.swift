/// A kind of damage `jigsaw synth` does to the values it writes, as real extracts have it.
///
/// Each kind has a rate in ``CorruptionRates``, applied independently to every record it can apply to
/// (its *unit*: a record, or one field of a record), on each side. The health and council records of
/// one child are damaged independently, from the child's true values.
public enum Corruption: String, CaseIterable, Sendable, Comparable {
    /// A nickname or other spelling of a forename or surname from the built-in table (William → Bill,
    /// Mohammed → Muhammad, Aleksander → Alexander, O'Brien → OBrien), or the name without its
    /// diacritics (Łukasz → Lukasz). Unit: a name field whose value has a variant (a double-barrelled
    /// surname is left to ``hyphen``).
    case variant
    /// A double-barrelled surname recorded as one of its parts (Smith-Khan → Smith or Khan), or with a
    /// space for the hyphen. Unit: a record of a child with a double-barrelled surname.
    case hyphen
    /// One typing error in a name: a keyboard-neighbour substitution, a deletion, a transposition of
    /// adjacent letters or an insertion. Unit: a name field (forename or surname).
    case typo
    /// Forename and surname recorded the wrong way round. Unit: a record.
    case swap
    /// Day and month of the date of birth exchanged, as when a day-first date is read month-first.
    /// Unit: a record whose day of birth is 12 or less and differs from its month.
    case dobSwap = "dob-swap"
    /// A different postcode from the child's current one: another in the same council's area (seven
    /// times in ten) or in another council's area. Unit: a record.
    case move
    /// Formatting that normalisation must undo: names in capitals, a postcode without its space or in
    /// lower case. Unit: a record.
    case format
    /// A value left blank (a postcode sometimes written as the pseudo-postcode `ZZ99 3WZ`, "not
    /// known"). Unit: each of forename, surname, date of birth, sex and postcode, and the NHS number
    /// in the health extract or the UPN in the council extract, when present.
    case missing
    /// The NHS number typed with spaces, `ddd ddd dddd`. Unit: a health record with an NHS number.
    case nhsSpaced = "nhs-spaced"
    /// The record entered twice: a second record of the same child, on the same side, with one small
    /// difference (a typing error, a name variant, another postcode, a blank field or capitals).
    /// Unit: a record (a duplicate is never duplicated again).
    case duplicate

    /// What the rate applies to, for summaries: e.g. "per name field".
    public var unit: String {
        switch self {
        case .variant: "per name with a variant"
        case .hyphen: "per double-barrelled surname"
        case .typo: "per name field"
        case .swap, .move, .format, .duplicate: "per record"
        case .dobSwap: "per record with day <= 12, day != month"
        case .missing: "per field"
        case .nhsSpaced: "per health NHS number"
        }
    }

    /// Orders kinds as declared, for stable reports.
    public static func < (lhs: Corruption, rhs: Corruption) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
