/// Schemas that ship with Jigsaw.
public enum DefaultSchemas {
    /// The default Jigsaw profile for children's records: forename, surname (with the parts of
    /// double-barrelled names) hashed with the forename's keys so that swapped names still agree, surname
    /// Soundex, date of birth as separate parts, sex, and postcode with its sector and district. Source settings (`column`, the date's `sourceFormat`, the sex `codebook`)
    /// describe each partner's extract and may differ between partners without changing the fingerprint.
    /// Three keyed blocking keys (year of birth with surname initial; year of birth with forename
    /// initial; postcode district with forename initial) let `jigsaw link --block` compare only plausible
    /// pairs. They are deliberately coarse: anyone holding the key can test guesses against a keyed value,
    /// and a coarse value (a year and a letter) reveals far less than a full date of birth would. The weights
    /// (40 bits per date part among them) and the hardening (balanced filters and BLIP with flip probability
    /// 0.02, the most hardening that keeps F1 within 0.5 points of the unhardened profile) were chosen by the
    /// measurements in `docs/linkage-quality.md`; each hardening option can be switched off in `hardening`.
    public static let childrensProfile = #"""
    {
      "format": "jigsaw-profile/1",
      "description": "Jigsaw default profile for children's records (names, date of birth, sex, postcode)",
      "clkConfig": {
        "l": 1024,
        "kdf": {"type": "HKDF", "hash": "SHA256", "keySize": 64}
      },
      "features": [
        {"identifier": "forename", "column": "forename", "normaliser": {"type": "forename"},
         "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerFeature": 120}, "hash": {"type": "blakeHash"}}},
        {"identifier": "surname", "column": "surname", "normaliser": {"type": "surname", "variants": true}, "keysFrom": "forename",
         "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerFeature": 160}, "hash": {"type": "blakeHash"}}},
        {"identifier": "surname_soundex", "column": "surname", "normaliser": {"type": "surname"}, "derive": "soundex",
         "hashing": {"comparison": {"type": "exact"}, "strategy": {"bitsPerToken": 20}, "hash": {"type": "blakeHash"}}},
        {"identifier": "date_of_birth", "column": "date_of_birth",
         "normaliser": {"type": "date-of-birth", "sourceFormat": "yyyy-mm-dd"}, "derive": "date-parts",
         "hashing": {"comparison": {"type": "exact"}, "strategy": {"bitsPerToken": 40}, "hash": {"type": "blakeHash"}}},
        {"identifier": "sex", "column": "sex", "normaliser": {"type": "sex", "codebook": "nhs-stated-gender"},
         "hashing": {"comparison": {"type": "exact"}, "strategy": {"bitsPerToken": 30}, "hash": {"type": "blakeHash"}}},
        {"identifier": "postcode", "column": "postcode", "normaliser": {"type": "postcode"},
         "hashing": {"comparison": {"type": "ngram", "n": 2}, "strategy": {"bitsPerFeature": 80}, "hash": {"type": "blakeHash"}}},
        {"identifier": "postcode_sector", "column": "postcode", "normaliser": {"type": "postcode"}, "derive": "postcode-sector",
         "hashing": {"comparison": {"type": "exact"}, "strategy": {"bitsPerToken": 20}, "hash": {"type": "blakeHash"}}},
        {"identifier": "postcode_district", "column": "postcode", "normaliser": {"type": "postcode"}, "derive": "postcode-district",
         "hashing": {"comparison": {"type": "exact"}, "strategy": {"bitsPerToken": 20}, "hash": {"type": "blakeHash"}}}
      ],
      "blocking": [
        {"name": "yob_surname_initial", "parts": ["date_of_birth:year", "surname:initial"]},
        {"name": "yob_forename_initial", "parts": ["date_of_birth:year", "forename:initial"]},
        {"name": "postcode_district_initial", "parts": ["postcode:district", "forename:initial"]}
      ],
      "hardening": {"balance": true, "blip": {"flipProbability": 0.02}}
    }
    """#
}
