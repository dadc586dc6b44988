/// The built-in table of name variants: nicknames, other spellings and transliterations, and the
/// forms names take without their diacritics.
///
/// A variant is how one record may give a name that another gives differently; it is drawn only from
/// the name's entry here. Names with diacritics also have their plain form as a variant, as systems
/// that cannot store `Ł` or `á` record it.
enum NameVariants {
    /// The variants of `name`: the table's entry, then its form without diacritics if that differs
    /// and is not already listed. Empty when the name has none.
    static func variants(of name: String) -> [String] {
        var result = table[name] ?? []
        let plain = withoutDiacritics(name)
        if plain != name && !result.contains(plain) { result.append(plain) }
        return result
    }

    /// `name` with the letters of the tables' languages replaced by their plain Latin letters.
    static func withoutDiacritics(_ name: String) -> String {
        var out = ""
        out.reserveCapacity(name.utf8.count)
        for character in name {
            if let plain = plainLetters[character] { out.append(plain) } else { out.append(character) }
        }
        return out
    }

    private static let plainLetters: [Character: Character] = {
        let pairs = "ąa ćc ęe łl ńn óo śs źz żz ĄA ĆC ĘE ŁL ŃN ÓO ŚS ŹZ ŻZ áa ée íi úu ÁA ÉE ÍI ÚU ëe ïi öo üu ÖO ÜU "
            + "ăa âa îi șs țt şs ţt ȘS ȚT ŞS ėe ūu ųu įi šs žz čc ěe řr ýy ůu ďd ťt ňn ŠS ŽZ ČC ŘR ıi ğg çc ÇC "
        var table: [Character: Character] = [:]
        for pair in pairs.split(separator: " ") {
            let characters = Array(pair)
            table[characters[0]] = characters[1]
        }
        return table
    }()

    /// Nicknames and other spellings, from the form the child was registered with.
    private static let table: [String: [String]] = [
        // Forenames: English nicknames.
        "William": ["Bill", "Will", "Billy", "Liam"],
        "Elizabeth": ["Beth", "Liz", "Lizzie", "Elisabeth"],
        "Katherine": ["Kate", "Katie", "Catherine", "Kathryn"],
        "James": ["Jim", "Jamie", "Jimmy"],
        "Thomas": ["Tom", "Tommy"],
        "Daniel": ["Dan", "Danny"],
        "Matthew": ["Matt", "Mathew"],
        "Joseph": ["Joe", "Joey"],
        "Samuel": ["Sam", "Sammy"],
        "Benjamin": ["Ben", "Benji"],
        "Jacob": ["Jake"],
        "Oliver": ["Ollie", "Olly"],
        "Alexander": ["Alex", "Xander", "Alexandr"],
        "Edward": ["Ed", "Eddie", "Ted"],
        "Henry": ["Harry", "Hal"],
        "Theodore": ["Theo", "Teddy"],
        "Frederick": ["Fred", "Freddie"],
        "Joshua": ["Josh"],
        "Charlotte": ["Charlie", "Lottie"],
        "Olivia": ["Liv", "Livvy"],
        "Isabella": ["Bella", "Izzy", "Isabel"],
        "Abigail": ["Abbie", "Abby"],
        "Jessica": ["Jess", "Jessie"],
        "Rebecca": ["Becky", "Becca"],
        "Sophia": ["Sofia", "Sophie"],
        "Amelia": ["Millie", "Emilia"],
        "Eleanor": ["Ellie", "Elenor"],
        "Florence": ["Flo", "Florrie"],
        "Matilda": ["Tilly", "Mathilda"],
        "Hannah": ["Hanna"],
        "Megan": ["Meg", "Meghan"],
        "Michael": ["Mike", "Mikey"],
        "Patrick": ["Paddy", "Pat"],
        "Kathleen": ["Kath", "Cathleen"],
        "Bridget": ["Bridie", "Brigid"],
        "Rhys": ["Reece", "Rees"],
        "Callum": ["Calum"],
        "Jayden": ["Jaden", "Jaiden"],
        "Jaxon": ["Jackson"],
        // Irish forenames: anglicised spellings.
        "Siobhán": ["Shivaun"],
        "Seán": ["Shaun", "Shawn"],
        "Niamh": ["Neve", "Neave"],
        "Aoife": ["Eva", "Eefa"],
        "Ciarán": ["Kieran"],
        "Caoimhe": ["Keeva"],
        "Saoirse": ["Seersha"],
        "Pádraig": ["Patrick"],
        // Arabic-origin forenames: transliterations.
        "Mohammed": ["Muhammad", "Mohammad", "Mohamed", "Muhammed"],
        "Muhammad": ["Mohammed", "Mohammad", "Muhammed"],
        "Mohammad": ["Mohammed", "Muhammad"],
        "Mohamed": ["Mohammed", "Mohamud"],
        "Fatima": ["Fatimah", "Fatema"],
        "Aisha": ["Ayesha", "Aysha", "Aishah"],
        "Yusuf": ["Yousuf", "Yousef", "Youssef"],
        "Yousef": ["Yusuf", "Youssef"],
        "Ibrahim": ["Ebrahim", "Ibraheem"],
        "Hussain": ["Hussein", "Husain"],
        "Zainab": ["Zaynab", "Zenab"],
        "Maryam": ["Mariam", "Mariyam"],
        "Khadija": ["Khadijah", "Khadeeja"],
        "Zakariya": ["Zakaria", "Zachariah"],
        "Abdullah": ["Abdulla"],
        "Abdirahman": ["Abdi"],
        "Abdullahi": ["Abdi"],
        "Ahmed": ["Ahmad"],
        "Ahmad": ["Ahmed"],
        "Hamza": ["Hamzah"],
        "Zayn": ["Zain", "Zane"],
        "Ayaan": ["Ayan"],
        "Rayyan": ["Rayan"],
        "Yasmin": ["Yasmine", "Jasmine"],
        "Layla": ["Laila", "Leila"],
        "Noor": ["Nur"],
        // West African forenames: the short forms families use.
        "Oluwaseun": ["Seun"],
        "Oluwatobi": ["Tobi"],
        "Chukwuemeka": ["Emeka"],
        "Adebayo": ["Bayo"],
        "Oluwadamilare": ["Dami", "Damilare"],
        "Ifeoluwa": ["Ife"],
        "Temitope": ["Tope", "Temi"],
        "Ayomide": ["Ayo"],
        // Eastern European forenames: English equivalents and diminutives.
        "Aleksander": ["Alexander", "Aleks", "Olek"],
        "Aleksandra": ["Alexandra", "Ola"],
        "Jakub": ["Jacob", "Kuba"],
        "Szymon": ["Simon"],
        "Wojciech": ["Wojtek"],
        "Łukasz": ["Luke"],
        "Małgorzata": ["Gosia"],
        "Katarzyna": ["Kasia", "Katherine"],
        "Zofia": ["Sofia", "Zosia"],
        "Wiktoria": ["Victoria"],
        "Oliwia": ["Olivia"],
        "Franciszek": ["Franek"],
        "Mateusz": ["Matthew"],
        "Andrei": ["Andrey", "Andrew"],
        "Mihai": ["Michael"],
        "Ioana": ["Joanna"],
        "Nikolai": ["Nikolay"],
        // East Asian given names: written as one word or hyphenated.
        "Yi Ning": ["Yining", "Yi-Ning"],
        "Jia Hui": ["Jiahui", "Jia-Hui"],
        "Yu Xuan": ["Yuxuan", "Yu-Xuan"],
        "Zhi Hao": ["Zhihao", "Zhi-Hao"],
        "Ngoc Anh": ["Ngocanh"],
        // Surnames.
        "O'Brien": ["OBrien", "O Brien", "Obrien"],
        "O'Connor": ["OConnor", "O Connor"],
        "O'Sullivan": ["OSullivan", "O Sullivan"],
        "O'Neill": ["ONeill", "O Neill", "O'Neil"],
        "MacDonald": ["McDonald", "Macdonald"],
        "McKenzie": ["MacKenzie", "Mckenzie"],
        "McCarthy": ["MacCarthy", "Mccarthy"],
        "Chaudhry": ["Chaudhary", "Choudhury", "Chaudry"],
        "Chowdhury": ["Choudhury", "Chaudhury"],
        "Hussein": ["Hussain", "Husein"],
        "Rahman": ["Rehman"],
        "Sheikh": ["Shaikh", "Shaik"],
        "Mahmood": ["Mahmud", "Mehmood"],
        "Qureshi": ["Quraishi", "Kureshi"],
        "Hossain": ["Hussain", "Hosain"],
        "Mohamud": ["Mohamed", "Mahamud"],
        "Al-Hashimi": ["Al Hashimi", "Alhashimi", "Hashimi"],
        "Al-Rashid": ["Al Rashid", "Alrashid", "Rashid"],
        "Nguyen": ["Nguyễn"],
        "Pryce": ["Price"],
        "Llewellyn": ["Llewelyn", "Lewellyn"],
        "Ivanov": ["Ivanoff"],
    ]
}
