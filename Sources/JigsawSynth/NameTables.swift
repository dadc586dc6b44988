/// The names synthetic children are given, by ``NameOrigin``. Common names of each tradition, none
/// belonging to a particular person. A surname written `Male/Female` takes the form for the child's
/// sex.
enum NameTables {
    struct Pool {
        var girls: [String]
        var boys: [String]
        var surnames: [String]
    }

    static func pool(_ origin: NameOrigin) -> Pool { pools[origin.index] }

    /// The surname for a child of `sex`, from a table entry that may be `Male/Female`.
    static func surname(_ entry: String, sex: SynthSex) -> String {
        guard let slash = entry.firstIndex(of: "/") else { return entry }
        return sex == .female ? String(entry[entry.index(after: slash)...]) : String(entry[..<slash])
    }

    private static let pools: [Pool] = NameOrigin.allCases.map(makePool)

    private static func makePool(_ origin: NameOrigin) -> Pool {
        switch origin {
        case .british:
            Pool(
                girls: ["Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace",
                        "Freya", "Willow", "Florence", "Emily", "Ella", "Poppy", "Evie", "Charlotte", "Elizabeth",
                        "Katherine", "Jessica", "Abigail", "Rebecca", "Chloë", "Zoë", "Daisy", "Phoebe", "Ruby",
                        "Matilda", "Harper", "Sienna", "Eleanor", "Megan", "Hannah", "Niamh"],
                boys: ["Oliver", "George", "Noah", "Arthur", "Leo", "Harry", "Oscar", "Archie", "Henry", "Theodore",
                       "Freddie", "Jack", "Charlie", "Thomas", "William", "James", "Alfie", "Jacob", "Joshua", "Edward",
                       "Samuel", "Benjamin", "Daniel", "Matthew", "Joseph", "Alexander", "Tyler", "Reggie", "Jayden",
                       "Kai", "Jaxon", "Lewis", "Rhys", "Callum", "Dylan", "Elijah"],
                surnames: ["Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
                           "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes",
                           "Green", "Hall", "Lewis", "Harris", "Clarke", "Wood", "Turner", "Martin", "Cooper", "Hill",
                           "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
                           "James", "Scott", "Phillips", "Watson", "Parker", "Price", "Bennett", "Young", "Griffiths",
                           "Mitchell", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murray",
                           "Campbell", "Francis", "Grant", "MacDonald", "McKenzie", "Stewart", "Pryce", "Llewellyn"])
        case .irish:
            Pool(
                girls: ["Aoife", "Niamh", "Siobhán", "Saoirse", "Ciara", "Róisín", "Orla", "Caoimhe", "Sinéad",
                        "Clodagh", "Aisling", "Mairéad", "Gráinne", "Bridget", "Kathleen"],
                boys: ["Seán", "Ciarán", "Oisín", "Cian", "Darragh", "Conor", "Patrick", "Eoin", "Cillian", "Tadhg",
                       "Rory", "Declan", "Pádraig", "Michael", "John"],
                surnames: ["Murphy", "Kelly", "O'Brien", "O'Connor", "O'Sullivan", "Walsh", "Byrne", "Ryan", "O'Neill",
                           "Doyle", "McCarthy", "Gallagher", "Kennedy", "Lynch", "Quinn", "McDonagh", "Connors",
                           "Brennan", "Fitzgerald", "Maguire"])
        case .southAsian:
            Pool(
                girls: ["Aisha", "Fatima", "Maryam", "Zainab", "Hafsa", "Inaya", "Anaya", "Aleena", "Amira", "Hania",
                        "Priya", "Ananya", "Simran", "Harleen", "Jasleen", "Navya", "Riya", "Sana", "Khadija", "Nusrat",
                        "Tasnim", "Sumaiya", "Mehreen"],
                boys: ["Mohammed", "Muhammad", "Ayaan", "Ibrahim", "Yusuf", "Zayn", "Hamza", "Musa", "Ali", "Abdullah",
                       "Rayyan", "Arjun", "Aarav", "Vihaan", "Harjot", "Rohan", "Ishaan", "Hussain", "Bilal", "Imran",
                       "Zakariya", "Ahmed", "Arham"],
                surnames: ["Khan", "Hussain", "Ahmed", "Ali", "Patel", "Begum", "Shah", "Akhtar", "Iqbal", "Mahmood",
                           "Rahman", "Islam", "Uddin", "Chaudhry", "Sheikh", "Butt", "Malik", "Mirza", "Singh/Kaur",
                           "Sharma", "Gupta", "Mistry", "Parmar", "Chowdhury", "Miah", "Hossain", "Rashid", "Qureshi",
                           "Javed", "Sandhu", "Gill"])
        case .african:
            Pool(
                girls: ["Precious", "Blessing", "Favour", "Chioma", "Adaeze", "Amara", "Ifeoluwa", "Temitope", "Abena",
                        "Ama", "Akosua", "Hodan", "Ifrah", "Hibo", "Fatima", "Mercy", "Esther", "Deborah", "Oluwaseun",
                        "Tendai", "Mariama", "Isatu"],
                boys: ["Oluwaseun", "Oluwatobi", "Chukwuemeka", "Adebayo", "Oluwadamilare", "David", "Daniel",
                       "Emmanuel", "Samuel", "Kwame", "Kofi", "Kwabena", "Yaw", "Abdirahman", "Abdullahi", "Mohamed",
                       "Mahad", "Ayomide", "Tinashe", "Tendai", "Elijah", "Joshua"],
                surnames: ["Okafor", "Adeyemi", "Okonkwo", "Adebayo", "Adeleke", "Oladipo", "Olawale", "Eze", "Nwosu",
                           "Obi", "Mensah", "Boateng", "Asante", "Owusu", "Osei", "Appiah", "Darko", "Mohamud", "Abdi",
                           "Hassan", "Farah", "Warsame", "Yusuf", "Moyo", "Ncube", "Dube", "Kamara", "Sesay", "Bangura",
                           "Conteh"])
        case .easternEuropean:
            Pool(
                girls: ["Zofia", "Zuzanna", "Julia", "Maja", "Hanna", "Lena", "Oliwia", "Wiktoria", "Małgorzata",
                        "Aleksandra", "Katarzyna", "Natalia", "Ioana", "Maria", "Elena", "Andreea", "Gabija", "Emilija",
                        "Ugnė", "Nikola", "Tereza", "Desislava"],
                boys: ["Jakub", "Szymon", "Antoni", "Filip", "Jan", "Aleksander", "Franciszek", "Wojciech", "Kacper",
                       "Łukasz", "Mateusz", "Andrei", "Mihai", "Ionuț", "Luca", "Matas", "Lukas", "Dominykas", "Marek",
                       "Tomáš", "Georgi", "Nikolai"],
                surnames: ["Nowak", "Kowalski/Kowalska", "Wiśniewski/Wiśniewska", "Wójcik", "Kowalczyk",
                           "Kamiński/Kamińska", "Lewandowski/Lewandowska", "Zieliński/Zielińska",
                           "Szymański/Szymańska", "Woźniak", "Dąbrowski/Dąbrowska", "Popescu", "Ionescu", "Popa", "Radu",
                           "Stan", "Dumitru", "Kazlauskas/Kazlauskaitė", "Petrauskas/Petrauskaitė",
                           "Jankauskas/Jankauskaitė", "Horváth", "Novák/Nováková", "Dvořák/Dvořáková",
                           "Ivanov/Ivanova", "Dimitrov/Dimitrova", "Balogh"])
        case .eastAsian:
            Pool(
                girls: ["Mei", "Xinyi", "Yi Ning", "Jia Hui", "Wen", "Yan", "Linh", "Ngoc Anh", "Thu", "Hana", "Chloe",
                        "Grace"],
                boys: ["Wei", "Jun", "Hao", "Yu Xuan", "Zhi Hao", "Minh", "Duc", "Tuan", "Ethan", "Ryan", "Kenji",
                       "Jayden"],
                surnames: ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Lin", "Chan",
                           "Wong", "Cheung", "Lam", "Ng", "Nguyen", "Tran", "Pham", "Le", "Kim", "Park"])
        case .middleEastern:
            Pool(
                girls: ["Maryam", "Noor", "Layla", "Sara", "Yasmin", "Zahra", "Rania", "Lina", "Hiba", "Dilan", "Elif",
                        "Zeynep", "Ecrin", "Shilan", "Fatemeh"],
                boys: ["Omar", "Ahmad", "Yousef", "Karim", "Ali", "Hassan", "Mustafa", "Kerem", "Emir", "Yusuf", "Aras",
                       "Rebaz", "Hamza", "Mohammad", "Adam"],
                surnames: ["Al-Hashimi", "Al-Rashid", "Haddad", "Khalil", "Nasser", "Saleh", "Mansour", "Aziz",
                           "Hussein", "Abdullah", "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Ahmadi",
                           "Mohammadi", "Rahimi", "Karimi", "Hosseini"])
        }
    }
}

extension NameOrigin {
    /// The origin's position in `allCases`.
    var index: Int {
        switch self {
        case .british: 0
        case .irish: 1
        case .southAsian: 2
        case .african: 3
        case .easternEuropean: 4
        case .eastAsian: 5
        case .middleEastern: 6
        }
    }
}
