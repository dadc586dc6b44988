/// A synthetic child's sex, and how each extract codes it.
public enum SynthSex: String, Sendable, CaseIterable {
    /// Male.
    case male = "M"
    /// Female.
    case female = "F"
    /// Indeterminate (about one child in 2,000): the health extract codes it 9, the council's school
    /// census coding has no code for it and leaves it blank.
    case indeterminate = "I"

    /// The NHS Data Dictionary "person stated gender" code: 1, 2 or 9.
    public var healthCode: String {
        switch self {
        case .male: "1"
        case .female: "2"
        case .indeterminate: "9"
        }
    }

    /// The school census code: M, F, or blank for indeterminate.
    public var councilCode: String {
        switch self {
        case .male: "M"
        case .female: "F"
        case .indeterminate: ""
        }
    }
}
