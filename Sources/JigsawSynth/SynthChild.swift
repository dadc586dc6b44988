/// One synthetic child as they really are: the true values every record of them is made from.
///
/// Nothing here is a real person's data: NHS numbers are drawn from the NHS test range
/// (999 000 0000 to 999 999 9999), UPNs are made up with valid check letters, and names are common
/// names put together at random.
public struct SynthChild: Sendable, Equatable {
    /// The NHS number, ten digits with a valid check digit, unique in the population.
    public let nhsNumber: String
    /// The UPN, thirteen characters with a valid check letter, unique; empty for the younger children
    /// not yet given one.
    public let upn: String
    /// The forename as registered.
    public let forename: String
    /// The surname as registered (double-barrelled ones joined by a hyphen).
    public let surname: String
    /// Whether the surname is double-barrelled (`Smith-Khan`), as opposed to one name with a hyphen
    /// in it (`Al-Hashimi`).
    public let isDoubleBarrelled: Bool
    /// The tradition the surname comes from.
    public let origin: NameOrigin
    /// The date of birth.
    public let dateOfBirth: SynthDate
    /// The sex.
    public let sex: SynthSex
    /// The current postcode, `OUTWARD INWARD`.
    public let postcode: String
    /// The index in the configuration's councils of the council whose area the child lives in.
    public let council: Int
    /// The household the child belongs to; siblings (twins among them) share one, with its postcode
    /// and usually its surname.
    public let household: Int
    /// Whether the child appears in the health extract.
    public let inHealth: Bool
    /// Whether the child appears in the council extract.
    public let inCouncil: Bool
    /// Whether the council holds the child's NHS number (meaningful when ``inCouncil``).
    public let councilHasNHSNumber: Bool
    /// SEND provision.
    public let send: SENDStatus
    /// Whether the child is a child in need.
    public let childInNeed: Bool
    /// Whether the child is looked after.
    public let lookedAfter: Bool
    /// Whether the child is eligible for free school meals (school-age children only).
    public let freeSchoolMeals: Bool
    /// Whether the child used community health services.
    public let communityServices: Bool
    /// Whether the child was seen by child and adolescent mental health services.
    public let camhs: Bool
    /// Whether the child attended an accident and emergency department.
    public let aeAttendance: Bool
}
