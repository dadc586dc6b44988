/// One row of the synthetic council extract, `council.csv`.
public struct CouncilRecord: Sendable, Equatable {
    /// The columns of `council.csv`, in order.
    public static let header = ["child_id", "upn", "nhs_number", "forename", "surname", "dob", "sex", "postcode",
                                "council", "region", "send", "child_in_need", "looked_after", "free_school_meals"]

    /// The record's id, `C` and seven digits, in file order.
    public internal(set) var id: String
    /// The index in ``SynthDataset/children`` of the child the record is about (not written).
    public let child: Int
    /// Whether this record is a duplicate entry of a child recorded earlier on the same side (not written).
    public let isDuplicate: Bool
    /// The UPN, or blank.
    public internal(set) var upn: String
    /// The NHS number (ten digits), held for only part of the children, or blank.
    public internal(set) var nhsNumber: String
    /// The forename, or blank.
    public internal(set) var forename: String
    /// The surname, or blank.
    public internal(set) var surname: String
    /// The date of birth, `YYYY-MM-DD`, or blank.
    public internal(set) var dateOfBirth: String
    /// The sex: `M`, `F` or blank.
    public internal(set) var sex: String
    /// The postcode, or blank, or `ZZ99 3WZ` (not known).
    public internal(set) var postcode: String
    /// The code of the council holding the record.
    public let council: String
    /// The council's region.
    public let region: String
    /// SEND provision: blank, `K` or `E`.
    public let send: SENDStatus
    /// Whether the child is a child in need.
    public let childInNeed: Bool
    /// Whether the child is looked after.
    public let lookedAfter: Bool
    /// Whether the child is eligible for free school meals.
    public let freeSchoolMeals: Bool

    /// The row's fields in ``header`` order.
    public var fields: [String] {
        [id, upn, nhsNumber, forename, surname, dateOfBirth, sex, postcode, council, region, send.rawValue,
         childInNeed ? "1" : "0", lookedAfter ? "1" : "0", freeSchoolMeals ? "1" : "0"]
    }
}
