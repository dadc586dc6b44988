/// One row of the synthetic health extract, `health.csv`.
public struct HealthRecord: Sendable, Equatable {
    /// The columns of `health.csv`, in order.
    public static let header = ["health_record_id", "nhs_number", "forename", "surname", "date_of_birth", "sex",
                                "postcode", "community_services", "camhs", "ae_attendance"]

    /// The record's id, `H` and seven digits, in file order.
    public internal(set) var id: String
    /// The index in ``SynthDataset/children`` of the child the record is about (not written).
    public let child: Int
    /// Whether this record is a duplicate entry of a child recorded earlier on the same side (not written).
    public let isDuplicate: Bool
    /// The NHS number as typed: ten digits, sometimes `ddd ddd dddd`, or blank.
    public internal(set) var nhsNumber: String
    /// The forename, or blank.
    public internal(set) var forename: String
    /// The surname, or blank.
    public internal(set) var surname: String
    /// The date of birth, `YYYY-MM-DD`, or blank.
    public internal(set) var dateOfBirth: String
    /// The sex: `1`, `2`, `9` (indeterminate) or blank.
    public internal(set) var sex: String
    /// The postcode, or blank, or `ZZ99 3WZ` (not known).
    public internal(set) var postcode: String
    /// Whether the child used community health services.
    public let communityServices: Bool
    /// Whether the child was seen by CAMHS.
    public let camhs: Bool
    /// Whether the child attended A&E.
    public let aeAttendance: Bool

    /// The row's fields in ``header`` order.
    public var fields: [String] {
        [id, nhsNumber, forename, surname, dateOfBirth, sex, postcode,
         communityServices ? "1" : "0", camhs ? "1" : "0", aeAttendance ? "1" : "0"]
    }
}
