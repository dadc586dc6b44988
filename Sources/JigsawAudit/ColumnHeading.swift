/// What a CSV column's header says about its values: that they are people's names or addresses, or
/// that they are dates (so an eight-digit `YYYYMMDD` counts as one).
///
/// Headers are compared after lower-casing and removing `_`, `-`, `.` and spaces, so `First Name`,
/// `first_name`, `FIRST-NAME` and `FirstName` are all `firstname`; date headers are also split into
/// words at those characters and where a small letter meets a capital (`DateOfBirth`).
struct ColumnHeading: Sendable, Equatable {
    /// `.name` or `.address` when the header says so.
    var kind: ScanKind?
    /// Whether the header says the column holds dates.
    var holdsDates: Bool

    /// Parts of a header that mean a person's name wherever they appear in it.
    static let nameParts = ["forename", "surname", "firstname", "lastname", "givenname", "familyname", "middlename",
                            "fullname", "maidenname", "preferredname", "birthname", "christianname", "knownas"]
    /// Whole headers that are abbreviations of a name field.
    static let nameAbbreviations = ["fname", "lname", "sname", "mname", "fnames", "lnames", "sur", "forenames", "given", "family"]
    /// Whole headers that are postal-address fields without the word "address".
    static let addressWords = ["street", "streetname", "housenumber", "houseno", "housename", "town", "addressline", "premises"]
    /// Who a `…name` header can be about: `name`, `child_name`, `patient name`, `MotherName` are names, while
    /// `school_name`, `la_name` or `file_name` are not.
    static let people = ["", "child", "childs", "pupil", "pupils", "patient", "patients", "person", "persons", "student",
                         "mother", "mothers", "father", "fathers", "parent", "parents", "carer", "carers", "guardian",
                         "contact", "baby", "client", "clients", "resident", "applicant", "member", "sibling", "youngperson",
                         "individual", "customer", "subject", "serviceuser", "nextofkin", "nok", "kin"]
    /// Parts that mean an address, and the address-like headers that are not postal addresses.
    static let addressParts = ["address", "addr"]
    static let notPostal = ["emailaddress", "email", "ipaddress", "macaddress", "webaddress", "urladdress", "addressee"]
    /// Words that mean the column holds dates.
    static let dateWords = ["dob", "date", "dates", "birth", "birthdate", "birthday", "dateofbirth", "born", "dt"]
    /// Words ending in "date" that are not about dates.
    static let notDates = ["candidate", "validate", "mandate", "accommodate", "consolidate", "liquidate"]

    /// Classifies a header name.
    /// - Parameter header: the name as written in the header line.
    init(_ header: String) {
        let words = Self.words(header)
        let joined = words.joined()
        let trimmed = String(joined.reversed().drop(while: { $0.isNumber }).reversed())
        if Self.nameParts.contains(where: { joined.contains($0) }) || Self.nameAbbreviations.contains(trimmed)
            || Self.people.contains(where: { trimmed == $0 + "name" || trimmed == $0 + "names" })
            || (words.first == "name" && words.count > 2 && words[1] == "of" && Self.people.contains(words[2])) {
            kind = .name
        } else if (Self.addressParts.contains(where: { joined.contains($0) }) && !Self.notPostal.contains(where: { joined.contains($0) }))
            || Self.addressWords.contains(trimmed) {
            kind = .address
        } else {
            kind = nil
        }
        // `D.O.B` splits into d, o, b: the joined form catches abbreviations written with full stops.
        holdsDates = Self.dateWords.contains(joined) || words.contains { word in
            Self.dateWords.contains(word) || ((word.hasSuffix("date") || word.hasPrefix("date")) && !Self.notDates.contains(word))
        }
    }

    /// The header's words, lower-cased: split at `_`, `-`, `.`, spaces and other punctuation, and where a
    /// small letter meets a capital.
    static func words(_ header: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in header {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase && previousWasLower && !current.isEmpty {
                words.append(current)
                current = ""
            }
            current += character.lowercased()
            previousWasLower = character.isLowercase
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
