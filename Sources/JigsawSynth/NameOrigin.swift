/// The naming tradition a synthetic child's names are drawn from.
///
/// The shares are round figures of the mix of names among children in English cities, so that
/// linkage quality can be looked at by the kind of name, a known source of bias in UK
/// education–health linkage. Some children (about one in twelve) have a forename from another
/// tradition than their surname.
public enum NameOrigin: String, CaseIterable, Sendable {
    /// English, Scottish, Welsh and Caribbean-British names.
    case british
    /// Irish names, some with fadas (Siobhán) or apostrophes (O'Brien).
    case irish
    /// Pakistani, Indian, Bangladeshi and Sikh names.
    case southAsian = "south-asian"
    /// West and East African names (Nigerian, Ghanaian, Somali, Zimbabwean, Sierra Leonean).
    case african
    /// Polish, Romanian, Lithuanian, Czech, Slovak and Bulgarian names, with their diacritics and
    /// gendered surnames (Kowalski, Kowalska).
    case easternEuropean = "eastern-european"
    /// Chinese, Hong Kong and Vietnamese names, some given names written as two words.
    case eastAsian = "east-asian"
    /// Arabic, Turkish, Kurdish and Persian names.
    case middleEastern = "middle-eastern"

    /// The share of children whose surname comes from this tradition.
    public var share: Double {
        switch self {
        case .british: 0.63
        case .irish: 0.03
        case .southAsian: 0.13
        case .african: 0.07
        case .easternEuropean: 0.07
        case .eastAsian: 0.02
        case .middleEastern: 0.05
        }
    }
}
