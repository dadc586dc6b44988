/// Typing errors as people make them on a UK QWERTY keyboard.
enum Typing {
    /// The four kinds of error, with how often each is chosen.
    enum Kind: CaseIterable {
        /// A letter replaced by a neighbouring key's.
        case substitution
        /// A letter left out.
        case deletion
        /// Two adjacent letters exchanged.
        case transposition
        /// A letter added: a neighbouring key's, or the previous letter doubled.
        case insertion

        static let weights = [0.35, 0.25, 0.25, 0.15]
    }

    /// The keys next to each lower-case letter (on its row, and the touching keys on the rows above
    /// and below, which are offset by a fraction of a key).
    static let neighbours: [Character: [Character]] = {
        let rows: [(letters: String, offset: Double)] = [("qwertyuiop", 0), ("asdfghjkl", 0.3), ("zxcvbnm", 0.8)]
        var keys: [(letter: Character, row: Int, x: Double)] = []
        for (row, line) in rows.enumerated() {
            for (column, letter) in line.letters.enumerated() { keys.append((letter, row, Double(column) + line.offset)) }
        }
        var table: [Character: [Character]] = [:]
        for key in keys {
            table[key.letter] = keys.filter { other in
                other.letter != key.letter && abs(other.row - key.row) <= 1 && abs(other.x - key.x) <= 1
            }.map(\.letter)
        }
        return table
    }()

    /// `name` with one typing error. The result always differs from `name`.
    /// - Parameters:
    ///   - name: a non-empty name.
    ///   - random: the generator.
    static func typo(_ name: String, using random: inout SynthRandom) -> String {
        var characters = Array(name)
        let letters = characters.indices.filter { characters[$0].isLetter }
        guard !letters.isEmpty else { return name + "a" }
        // Errors fall on a later letter more often than on the initial, which people check.
        let later = letters.count > 1 ? Array(letters.dropFirst()) : letters
        switch Kind.allCases[random.weightedIndex(Kind.weights)] {
        case .substitution:
            substitute(&characters, at: random.pick(later), using: &random)
        case .deletion:
            if letters.count >= 2 {
                characters.remove(at: random.pick(later))
            } else {
                substitute(&characters, at: letters[0], using: &random)
            }
        case .transposition:
            let places = characters.indices.dropFirst().filter { i in
                i + 1 < characters.count && characters[i].isLetter && characters[i + 1].isLetter
                    && characters[i].lowercased() != characters[i + 1].lowercased()
            }
            if places.isEmpty {
                substitute(&characters, at: random.pick(later), using: &random)
            } else {
                let i = random.pick(places)
                characters.swapAt(i, i + 1)
            }
        case .insertion:
            let after = random.pick(letters)
            let previous = characters[after].lowercased().first ?? characters[after]
            let inserted: Character
            if random.chance(0.5), let keys = neighbours[previous] {
                inserted = random.pick(keys)
            } else {
                inserted = previous
            }
            characters.insert(inserted, at: after + 1)
        }
        return String(characters)
    }

    /// Replaces the letter at `index` by a neighbouring key's letter, keeping its case; a letter with no
    /// key (`ł`, `á`) becomes its plain letter's neighbour.
    private static func substitute(_ characters: inout [Character], at index: Int, using random: inout SynthRandom) {
        let original = characters[index]
        let plain = NameVariants.withoutDiacritics(String(original)).lowercased()
        let keys = plain.count == 1 ? neighbours[Character(plain)] ?? [] : []
        var replacement = keys.isEmpty ? random.pick(Array("etaoinshrdlu")) : random.pick(keys)
        if replacement == original.lowercased().first { replacement = replacement == "e" ? "a" : "e" }
        characters[index] = original.isUppercase ? replacement.uppercased().first ?? replacement : replacement
    }
}
