#!/usr/bin/env python3
"""Generate crosscheck.json: an independent cross-check of shared/spec/tokens.md.

Everything here (HKDF, subkeys, fingerprints, tokens, NHS number and UPN canonicalisation and the
reason taxonomy) is written from the text of tokens.md with hmac/hashlib only, not from
jigsaw_reference.py. The reference is imported at generation time purely to compare answers: if the
two disagree on any canonical form, token or fingerprint, generation aborts and no file is written.

All identifiers are synthetic (mostly from the NHS test range 999 000 0000 - 999 999 9999, random
UPNs, invented strings). The output is deterministic for a given SEED.

    python3 make_crosscheck.py [--reference PATH/jigsaw_reference.py]
"""
import base64
import hashlib
import hmac
import importlib.util
import json
import os
import random
import sys

SEED = 20260101
HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "crosscheck.json")
GENERATOR = ("make_crosscheck.py (independent Python hmac/hashlib implementation of "
             "shared/spec/tokens.md)")

CONTEXTS = ["", "send-linkage-2026", "cin-2025", "caf\u00e9-linkage"]
OPAQUE_DOMAINS = ["child-id", "uln", "la-ref"]

# --------------------------------------------------------------------------------------------
# Cryptography (tokens.md, "Derivation")
# --------------------------------------------------------------------------------------------
SHA256_LEN = 32


def _hmac(key: bytes, message: bytes) -> bytes:
    return hmac.new(key, message, hashlib.sha256).digest()


def hkdf(ikm: bytes, salt: bytes, info: bytes, length: int) -> bytes:
    """RFC 5869. Extract: PRK = HMAC(salt or HashLen zeros, IKM). Expand: T(i) = HMAC(PRK, T(i-1)|info|i)."""
    if length > 255 * SHA256_LEN:
        raise ValueError("HKDF output too long")
    prk = _hmac(salt if len(salt) > 0 else b"\x00" * SHA256_LEN, ikm)
    blocks = []
    previous = b""
    for i in range(1, (length + SHA256_LEN - 1) // SHA256_LEN + 1):
        previous = _hmac(prk, previous + info + i.to_bytes(1, "big"))
        blocks.append(previous)
    return b"".join(blocks)[:length]


def derive(secret: bytes, purpose: str, context: str) -> bytes:
    info = ("jigsaw/1/%s/%s" % (purpose, context)).encode("utf-8")
    return hkdf(secret, b"", info, 32)


def key_fingerprint(secret: bytes, context: str) -> str:
    return derive(secret, "fingerprint", context)[0:8].hex()


def make_token(secret: bytes, context: str, domain: str, canonical: str, nbytes: int) -> str:
    if nbytes < 16 or nbytes > 32:
        raise ValueError("token length out of range")
    message = domain.encode("ascii") + b":" + canonical.encode("utf-8")
    return _hmac(derive(secret, "token", context), message)[:nbytes].hex()


def self_test_hkdf():
    """RFC 5869 appendix A, test cases 1 and 3 (3 has an empty salt, as Jigsaw uses)."""
    okm1 = hkdf(b"\x0b" * 22, bytes(range(13)), bytes(range(0xF0, 0xFA)), 42)
    assert okm1.hex() == ("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                          "34007208d5b887185865"), okm1.hex()
    okm3 = hkdf(b"\x0b" * 22, b"", b"", 42)
    assert okm3.hex() == ("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                          "9d201395faa4b61a96c8"), okm3.hex()


# --------------------------------------------------------------------------------------------
# Canonical forms (tokens.md, "Canonical forms") with the reason taxonomy
# --------------------------------------------------------------------------------------------
DIGITS = "0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
UPN_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"   # 23 letters: no I, O, S


def trim(raw: str) -> str:
    """Remove U+0020 and U+0009 (only) from both ends, code point by code point."""
    start, end = 0, len(raw)
    while start < end and raw[start] in (" ", "\t"):
        start += 1
    while end > start and raw[end - 1] in (" ", "\t"):
        end -= 1
    return raw[start:end]


def nhs_check_digit(first_nine: str) -> int:
    """Modulus 11 with weights 10..2; returns 0..10 (10 means no valid number has these digits)."""
    weighted = 0
    for position, digit in enumerate(first_nine):
        weighted += (10 - position) * DIGITS.index(digit)
    return (11 - weighted % 11) % 11


def classify_nhs(raw: str):
    """(canonical or None, reason or None)."""
    s = trim(raw)
    if not s:
        return None, "blank"
    if len(s) == 12 and s[3] in (" ", "-") and s[7] == s[3]:
        s = s[0:3] + s[4:7] + s[8:12]
    for c in s:
        if c not in DIGITS:
            return None, "bad-characters"
    if len(s) != 10:
        return None, "bad-length"
    if s == s[0] * 10:
        return None, "placeholder"
    if nhs_check_digit(s[0:9]) != DIGITS.index(s[9]):   # a computed 10 never equals a digit
        return None, "check-digit"
    return s, None


def upn_value(c: str) -> int:
    return DIGITS.index(c) if c in DIGITS else UPN_ALPHABET.index(c)


def upn_check_letter(last_twelve: str) -> str:
    """Check letter for characters 2..13 (weights 2..13)."""
    total = 0
    for n, c in enumerate(last_twelve, start=2):
        total += n * upn_value(c)
    return UPN_ALPHABET[total % 23]


def classify_upn(raw: str):
    """(canonical or None, reason or None, temporary)."""
    s = trim(raw)
    if not s:
        return None, "blank", False
    if any(ord(c) > 0x7F for c in s):
        return None, "bad-characters", False
    s = "".join(chr(ord(c) - 32) if "a" <= c <= "z" else c for c in s)
    if any(c not in UPPER and c not in DIGITS for c in s):
        return None, "bad-characters", False
    if len(s) != 13:
        return None, "bad-length", False
    if (s[0] not in UPN_ALPHABET or any(c not in DIGITS for c in s[1:12])
            or (s[12] not in DIGITS and s[12] not in UPN_ALPHABET)):
        return None, "bad-characters", False
    if upn_check_letter(s[1:13]) != s[0]:
        return None, "check-letter", False
    return s, None, s[12] in UPN_ALPHABET


def classify_opaque(raw: str):
    s = trim(raw)
    return (s, None) if s else (None, "blank")


def classify(domain: str, raw: str):
    if domain == "nhs-number":
        canonical, reason = classify_nhs(raw)
        return canonical, reason, False
    if domain == "upn":
        return classify_upn(raw)
    canonical, reason = classify_opaque(raw)
    return canonical, reason, False


# --------------------------------------------------------------------------------------------
# Synthetic inputs: each generator yields (input, expected reason); expectations are asserted
# --------------------------------------------------------------------------------------------
rng = random.Random(SEED)

ARABIC_INDIC = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
FULLWIDTH = "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19"
DEVANAGARI = "\u0966\u0967\u0968\u0969\u096a\u096b\u096c\u096d\u096e\u096f"


def digits(n: int) -> str:
    return "".join(rng.choice(DIGITS) for _ in range(n))


def pad(s: str, probability: float = 0.3) -> str:
    """Surround with a random mix of spaces and tabs (sometimes on one side only)."""
    if rng.random() >= probability:
        return s
    left = "".join(rng.choice(" \t") for _ in range(rng.choice([0, 1, 1, 2, 3])))
    right = "".join(rng.choice(" \t") for _ in range(rng.choice([0, 1, 1, 2, 4])))
    if not left and not right:
        right = rng.choice([" ", "\t"])
    return left + s + right


def nhs_body(first_nine_prefix: str = "") -> str:
    """Ten digits with a correct check digit, not a placeholder."""
    while True:
        nine = first_nine_prefix + digits(9 - len(first_nine_prefix))
        check = nhs_check_digit(nine)
        if check != 10 and nine + str(check) != nine[0] * 10:
            return nine + str(check)


def nhs_test_range() -> str:
    return nhs_body("999")


def nhs_format(ten: str, style: str = None) -> str:
    style = style or rng.choice(["plain", "plain", "space", "space", "dash"])
    if style == "space":
        return "%s %s %s" % (ten[0:3], ten[3:6], ten[6:10])
    if style == "dash":
        return "%s-%s-%s" % (ten[0:3], ten[3:6], ten[6:10])
    return ten


def nhs_inputs():
    cases = []
    add = lambda raw, reason: cases.append((raw, reason))
    # the spec's own examples
    add("943 476 5919", None)
    add("9434765919", None)
    add("943-476-5919", None)
    add("9434765918", "check-digit")
    add("1111111111", "placeholder")
    # valid, mostly the NHS test range, some fully random
    for _ in range(760):
        add(pad(nhs_format(nhs_test_range())), None)
    for _ in range(160):
        add(pad(nhs_format(nhs_body())), None)
    for style in ("plain", "space", "dash"):  # whitespace-only padding variants, deliberate
        ten = nhs_test_range()
        for p in (" ", "\t", " \t ", "\t\t"):
            add(p + nhs_format(ten, style), None)
            add(nhs_format(ten, style) + p, None)
            add(p + nhs_format(ten, style) + p, None)
    # wrong check digit
    for _ in range(120):
        ten = nhs_test_range() if rng.random() < 0.8 else nhs_body()
        wrong = rng.choice([d for d in DIGITS if d != ten[9]])
        bad = ten[:9] + wrong
        if bad == bad[0] * 10:
            continue
        add(pad(nhs_format(bad)), "check-digit")
    # check digit computes to 10: every final digit is wrong
    made = 0
    while made < 60:
        nine = ("999" + digits(6)) if rng.random() < 0.7 else digits(9)
        if nhs_check_digit(nine) == 10 and nine != nine[0] * 9:
            add(pad(nhs_format(nine + rng.choice(DIGITS))), "check-digit")
            made += 1
    # placeholders (each passes modulus 11)
    for d in DIGITS:
        add(d * 10, "placeholder")
        add(pad(nhs_format(d * 10, rng.choice(["space", "dash"])), 1.0), "placeholder")
        add(nhs_format(d * 10, "space"), "placeholder")
    # wrong length in plain digits
    for n in (9, 11, 12, 9, 11, 12, 1, 5, 20):
        for _ in range(12):
            add(pad(digits(n)), "bad-length")
    for _ in range(8):  # 12 digits whose 4th and 8th characters are equal digits: not separators
        d = rng.choice(DIGITS)
        add(digits(3) + d + digits(3) + d + digits(4), "bad-length")
    # formatted but wrong length (separators remain, so they are bad characters)
    for _ in range(20):
        add(rng.choice(["%s %s %s", "%s-%s-%s"]) % (digits(3), digits(3), digits(rng.choice([3, 5]))),
            "bad-characters")
    # mixed separators
    add("943 476-5919", "bad-characters")
    add("943-476 5919", "bad-characters")
    for _ in range(30):
        ten = nhs_test_range()
        a, b = rng.choice([(" ", "-"), ("-", " "), (" ", "\t"), ("-", "\t"), ("\t", " ")])
        add(pad(ten[0:3] + a + ten[3:6] + b + ten[6:10]), "bad-characters")
    # separators in the wrong places
    for _ in range(50):
        ten = nhs_test_range()
        sep = rng.choice([" ", "-"])
        form = rng.randrange(7)
        if form == 0:
            s = ten[0:4] + sep + ten[4:7] + sep + ten[7:10]        # 4-3-3
        elif form == 1:
            s = ten[0:3] + sep + ten[3:7] + sep + ten[7:10]        # 3-4-3
        elif form == 2:
            s = ten[0:2] + sep + ten[2:6] + sep + ten[6:10]        # 2-4-4
        elif form == 3:
            s = ten[0:3] + sep + ten[3:10]                          # one separator only
        elif form == 4:
            s = ten[0:3] + sep + sep + ten[3:6] + sep + sep + ten[6:10]   # doubled
        elif form == 5:
            s = sep.join(ten[i:i + 2] for i in range(0, 10, 2))    # pairs
        else:
            s = sep + ten[0:3] + sep + ten[3:6] + ten[6:10]        # leading dash / inner space
            if sep == " ":
                s = ten[0:3] + ten[3:6] + sep + ten[6:10]
        add(pad(s), "bad-characters")
    for s in ["943.476.5919", "943/476/5919", "943_476_5919", "(943) 476 5919", "+44 943 476 5919",
              "9434765919.0", "9.434765919E9", "9.43477E+09", "'9434765919", "\"9434765919\"",
              "943 476 5919,", "943--476--5919", "943  476  5919", "NHS 9434765919",
              "943\u2013476\u20135919", "943\u2010476\u20105919", "943\u00a0476\u00a05919"]:
        add(s, "bad-characters")
    # letters
    for _ in range(40):
        ten = nhs_test_range()
        i = rng.randrange(10)
        letter = rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        add(pad(nhs_format(ten[:i] + letter + ten[i + 1:])), "bad-characters")
    for s in ["943476591X", "O434765919", "943476591l", "abcdefghij", "NHS", "unknown", "N/A", "null",
              "NULL", "-", "?", "x"]:
        add(s, "bad-characters")
    # non-ASCII digits (never folded), whole or in part
    for table in (ARABIC_INDIC, FULLWIDTH, DEVANAGARI):
        for _ in range(14):
            ten = nhs_test_range()
            folded = "".join(table[DIGITS.index(c)] for c in ten)
            add(pad(nhs_format(folded)), "bad-characters")
        for _ in range(8):
            ten = nhs_test_range()
            i = rng.randrange(10)
            add(nhs_format(ten[:i] + table[DIGITS.index(ten[i])] + ten[i + 1:]), "bad-characters")
    for _ in range(4):   # superscript and mathematical digits
        ten = nhs_test_range()
        add(ten[:9] + "\u2079" if ten[9] == "9" else ten[:9] + "\U0001d7d7", "bad-characters")
    # internal tabs and other whitespace that is not trimmed
    for _ in range(20):
        ten = nhs_test_range()
        add(ten[0:3] + "\t" + ten[3:6] + "\t" + ten[6:10], "bad-characters")
    for _ in range(6):
        ten = nhs_test_range()
        i = rng.randrange(1, 10)
        add(ten[:i] + "\t" + ten[i:], "bad-characters")
    for ws in ["\u00a0", "\u2007", "\u202f", "\u3000", "\u200b", "\ufeff", "\n", "\r", "\r\n", "\x0b",
               "\x0c", "\x00", "\u2028", "\u1680"]:
        ten = nhs_test_range()
        add(ws + ten, "bad-characters")
        add(nhs_format(ten, "space") + ws, "bad-characters")
        add(" " + ten + ws + "\t", "bad-characters")
    # combining marks: a trimmed space followed by a combining mark leaves the mark behind
    for mark in ["\u0301", "\u0308", "\u20e3"]:
        ten = nhs_test_range()
        add(ten + mark, "bad-characters")
        add(" " + mark + ten, "bad-characters")
        add(ten[:5] + mark + ten[5:], "bad-characters")
    # blank
    for s in ["", " ", "  ", "\t", "\t\t", " \t ", "\t \t", " " * 12, "\t" * 10, " \t" * 6]:
        add(s, "blank")
    return cases


def upn_body(last: str = None) -> str:
    """A valid UPN: character 13 a digit, or a letter when last == 'letter'."""
    la = rng.choice(["201", "202", "204", "301", "330", "373", "801", "806", "838", "851", "919", "936"])
    middle = la + digits(8)
    if last == "letter":
        tail = rng.choice(UPN_ALPHABET)
    elif last == "digit":
        tail = rng.choice(DIGITS)
    else:
        tail = last
    body = middle + tail
    return upn_check_letter(body) + body


def lower_variant(s: str) -> str:
    choice = rng.randrange(3)
    if choice == 0:
        return s.lower()
    if choice == 1:
        return s[0].lower() + s[1:]
    return s[:12] + s[12].lower()


def upn_inputs():
    cases = []
    add = lambda raw, reason: cases.append((raw, reason))
    # the spec's examples (vectors)
    add("H801200001001", None)
    add("g80120000101a", None)
    add("H801200001002", "check-letter")
    for _ in range(430):
        add(pad(upn_body("digit")), None)
    for _ in range(260):
        add(pad(upn_body("letter")), None)
    for _ in range(150):
        add(pad(lower_variant(upn_body(rng.choice(["digit", "letter"])))), None)
    for letter in UPN_ALPHABET:   # every temporary letter at least once
        add(upn_body(letter), None)
    for p in (" ", "\t", " \t", "\t "):
        add(p + upn_body("digit") + p, None)
        add(p + upn_body("letter"), None)
    # wrong check letter
    for _ in range(130):
        good = upn_body(rng.choice(["digit", "digit", "letter"]))
        wrong = rng.choice([c for c in UPN_ALPHABET if c != good[0]])
        bad = wrong + good[1:]
        add(pad(bad if rng.random() < 0.8 else bad.lower()), "check-letter")
    # I, O or S: never a UPN letter, first or last
    for letter in "IOSios":
        for _ in range(8):
            good = upn_body("digit")
            add(pad(good[:12] + letter), "bad-characters")
        for _ in range(5):
            good = upn_body("digit")
            add(letter + good[1:], "bad-characters")
    # other non-letter positions: digits first, letters in the middle
    for _ in range(45):
        good = upn_body(rng.choice(["digit", "letter"]))
        add(pad(rng.choice(DIGITS) + good[1:]), "bad-characters")
    for _ in range(30):
        good = upn_body("digit")
        i = rng.randrange(1, 12)
        add(good[:i] + rng.choice(UPPER + "abcdefghijklmnopqrstuvwxyz") + good[i + 1:], "bad-characters")
    for _ in range(10):   # two letters at the end
        good = upn_body("letter")
        add(good[:11] + rng.choice(UPN_ALPHABET) + good[12], "bad-characters")
    # wrong length (only letters and digits, so the length is what is wrong)
    for _ in range(70):
        good = upn_body(rng.choice(["digit", "letter"]))
        n = rng.choice([12, 14, 12, 14, 11, 15, 1, 2, 26])
        s = (good + digits(13))[:n] if n > 13 else good[:n]
        add(pad(s), "bad-length")
    for s in ["H80120000100", "H8012000010011", "A", "9", "UPN", "unknown", "H801200001001H801200001001"]:
        add(s, "bad-length")
    # non-ASCII characters
    for _ in range(60):
        good = upn_body(rng.choice(["digit", "letter"]))
        kind = rng.randrange(8)
        if kind == 0:     # fullwidth or Arabic-Indic digit in the middle
            i = rng.randrange(1, 12)
            table = rng.choice([FULLWIDTH, ARABIC_INDIC, DEVANAGARI])
            s = good[:i] + table[DIGITS.index(good[i])] + good[i + 1:]
        elif kind == 1:   # whole thing fullwidth
            s = "".join(chr(ord(c) + 0xFEE0) for c in good)
        elif kind == 2:   # Cyrillic / Greek look-alike first letter
            s = rng.choice(["\u0410", "\u0412", "\u0415", "\u041a", "\u041c", "\u041d", "\u0420",
                            "\u0422", "\u0425", "\u0391", "\u0392", "\u0395", "\u0396"]) + good[1:]
        elif kind == 3:   # accented letter
            s = rng.choice(["\u00c9", "\u00e9", "\u00c0", "\u00dc", "\u00d1"]) + good[1:]
        elif kind == 4:   # letters whose Unicode upper case is ASCII, or changes length
            s = rng.choice(["\u0131", "\u017f", "\u00df", "\ufb00", "\u212a"]) + good[1:]
        elif kind == 5:
            s = good[:12] + rng.choice(["\u0131", "\u017f", "\u00df", "\u212a", "\u00e9", "\u0101"])
        elif kind == 6:   # invisible characters
            s = rng.choice(["\ufeff", "\u200b", "\u00a0"]) + good
        else:             # combining mark after a letter
            s = good[0] + "\u0301" + good[1:]
        add(pad(s), "bad-characters")
    for s in ["H801200001001\u00a0", "\u3000H801200001001", "H801200001001\n", "\rH801200001001",
              " \u0301H801200001001", "H801200001001\u0301", "H80120000100\u0661", "\ufb00801200001001"]:
        add(s, "bad-characters")
    # internal separators and punctuation
    for _ in range(24):
        good = upn_body(rng.choice(["digit", "letter"]))
        i = rng.randrange(1, 13)
        add(pad(good[:i] + rng.choice([" ", "\t", "-", "/", ".", "_"]) + good[i:]), "bad-characters")
    for s in ["H801 200 001 001", "H-801-200-001-001", "H801200001001,", "'H801200001001", "N/A",
              "?", "H80120000100?", "\"H801200001001\""]:
        add(s, "bad-characters")
    # blank
    for s in ["", " ", "\t", "  \t  ", "\t\t\t", " " * 13]:
        add(s, "blank")
    return cases


OPAQUE_PIECES = [
    "Smith", "O'Brien", "\"quoted\"", "a,b", "x y", "  inner  spaces  ", "caf\u00e9", "cafe\u0301",
    "Stra\u00dfe", "STRASSE", "\U0001f642", "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\U0001f1ec\U0001f1e7", "\u6f22\u5b57", "\u5b66\u751f\u756a\u53f7", "\u0645\u0631\u062d\u0628\u0627",
    "\u0928\u092e\u0938\u094d\u0924\u0947", "\u00c5ngstr\u00f6m", "\u212bngstr\u00f6m", "\u00bd", "\u2460",
    "ref:42", "a:b:c", "\\back\\slash", "tab\tinside", "new\nline", "cr\rlf\r\n", "\u00a0nbsp",
    "\ufeffbom", "zero\u200bwidth", "\u0130stanbul", "\u03a3\u03bf\u03c6\u03af\u03b1", "<>&;", "%20",
    "\u0000nul", "\u10d0\u10d1", "\U0010fffd",
]


def opaque_value(domain: str) -> str:
    kind = rng.randrange(6)
    if domain == "uln" and kind < 3:
        return digits(10)                     # ULN-shaped, not validated in an opaque domain
    if domain == "child-id" and kind < 3:
        return rng.choice(["C", "CH", "c", "LA-", ""]) + digits(rng.choice([5, 6, 7, 8]))
    if domain == "la-ref" and kind < 3:
        return "E0900000%d/%d/%05d" % (rng.randrange(10), rng.choice([2024, 2025, 2026]),
                                        rng.randrange(100000))
    if kind == 3:
        return " ".join(rng.choice(OPAQUE_PIECES) for _ in range(rng.randrange(1, 4)))
    if kind == 4:
        return "".join(rng.choice(OPAQUE_PIECES) for _ in range(rng.randrange(1, 3)))
    alphabet = ("ABCXYZabcxyz0123456789 ,\"'-_:;/\u00e9\u00df\u00fc\u00f8\u6f22\U0001f642\u0301")
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40)))


def opaque_inputs(domain: str):
    cases = []
    add = lambda raw, reason: cases.append((raw, reason))
    for _ in range(300):
        v = opaque_value(domain)
        if not trim(v):
            continue
        if v != trim(v):
            add(v, None)
        else:
            add(pad(v, 0.35), None)
    # the same characters as an NHS number or UPN: different token in another domain
    add("9434765919", None)
    add("943 476 5919", None)
    add("H801200001001", None)
    # case, normalisation form and trimming are significant exactly as stated
    for v in ["ABC123", "abc123", "caf\u00e9", "cafe\u0301", "\u212b", "\u00c5", " \u0301abc",
              "abc \u0301", "\t\u00a0x\u00a0\t", "x\n", "\r\nx", "  a  b  ", "\ta\tb\t", "A" * 300,
              "\u00e9" * 100, "\U0001f642" * 50, "\"\"", ",", "\"", "'", "\\", "null", "0", "-"]:
        add(v, None)
    for s in ["", " ", "\t", "  ", " \t\t ", "\t" * 5]:
        add(s, "blank")
    return cases


# --------------------------------------------------------------------------------------------
# Assembly and cross-check
# --------------------------------------------------------------------------------------------
def load_reference(argv):
    candidates = []
    if "--reference" in argv:
        candidates.append(argv[argv.index("--reference") + 1])
    if os.environ.get("JIGSAW_REFERENCE"):
        candidates.append(os.environ["JIGSAW_REFERENCE"])
    candidates.append(os.path.join(HERE, "..", "..", "..", "..", "shared", "spec", "jigsaw_reference.py"))
    candidates.append("/work/shared/spec/jigsaw_reference.py")
    for path in candidates:
        if os.path.isfile(path):
            spec = importlib.util.spec_from_file_location("jigsaw_reference", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module, os.path.normpath(path)
    sys.exit("make_crosscheck.py: cannot find jigsaw_reference.py (use --reference PATH)")


def pick_token_bytes() -> int:
    return 32 if rng.random() < 0.8 else rng.choice([16, 20, 24, 31])


def main(argv):
    self_test_hkdf()
    reference, reference_path = load_reference(argv)

    spec_secret = bytes(range(32))
    secrets = [rng.randbytes(32), rng.randbytes(48), spec_secret]

    # the spec's published example and vectors, computed independently
    assert make_token(spec_secret, "", "nhs-number", "9434765919", 32) == \
        "3faa2baff80a217ea7b8de0dcb7efaee247ca63708bf2c42fe3b1d7f9c671039"
    vectors_path = os.path.join(os.path.dirname(reference_path), "vectors.json")
    if os.path.isfile(vectors_path):
        with open(vectors_path, encoding="utf-8") as f:
            vectors = json.load(f)
        assert key_fingerprint(spec_secret, "") == vectors["fingerprint"]
        assert key_fingerprint(spec_secret, "send-linkage-2026") == vectors["fingerprint_send-linkage-2026"]
        assert derive(spec_secret, "token", "").hex() == vectors["token_subkey_hex"]
        for v in vectors["cases"]:
            canonical, _, _ = classify(v["domain"], v["input"])
            assert canonical == v["canonical"], v
            token = None if canonical is None else make_token(spec_secret, v["context"], v["domain"], canonical, 32)
            assert token == v["token"], v

    keys = []
    for secret in secrets:
        fingerprints = {}
        for context in CONTEXTS:
            fingerprints[context] = key_fingerprint(secret, context)
            assert fingerprints[context] == reference.fingerprint(secret, context), (secret.hex(), context)
        keys.append({"secret_base64": base64.b64encode(secret).decode("ascii"), "fingerprints": fingerprints})
    assert len({fp for k in keys for fp in k["fingerprints"].values()}) == len(keys) * len(CONTEXTS)

    generated = [("nhs-number", raw, reason) for raw, reason in nhs_inputs()]
    generated += [("upn", raw, reason) for raw, reason in upn_inputs()]
    for domain in OPAQUE_DOMAINS:
        generated += [(domain, raw, reason) for raw, reason in opaque_inputs(domain)]

    spec_examples = {("nhs-number", "943 476 5919"), ("nhs-number", "9434765919"), ("nhs-number", "943-476-5919"),
                     ("nhs-number", "9434765918"), ("nhs-number", "1111111111"), ("upn", "H801200001001"),
                     ("upn", "g80120000101a"), ("upn", "H801200001002")}
    cases = []
    for domain, raw, expected_reason in generated:
        if (domain, raw) in spec_examples:   # the spec's examples: its key, the empty context, full tokens
            spec_examples.discard((domain, raw))
            key_index, context, nbytes = 2, "", 32
        elif domain in OPAQUE_DOMAINS and raw in ("9434765919", "943 476 5919", "H801200001001"):
            key_index, context, nbytes = 2, "", 32   # same key and context: only the domain differs
        else:
            key_index = rng.choice([0, 0, 1, 1, 2])
            context = rng.choice(CONTEXTS)
            nbytes = pick_token_bytes()
        canonical, reason, temporary = classify(domain, raw)
        if reason != expected_reason:
            sys.exit("generator/classifier disagree on %r in %s: expected %r, got %r"
                     % (raw, domain, expected_reason, reason))
        secret = secrets[key_index]
        token = None if canonical is None else make_token(secret, context, domain, canonical, nbytes)

        # independent cross-check against the reference implementation
        if domain == "nhs-number":
            ref_canonical = reference.nhs_canonical(raw)
        elif domain == "upn":
            ref_canonical = reference.upn_canonical(raw)
        else:
            ref_canonical = canonical   # the reference has no opaque-domain rule; tokens still compared
        if ref_canonical != canonical:
            sys.exit("canonical mismatch with reference for %r in %s: ours %r, reference %r"
                     % (raw, domain, canonical, ref_canonical))
        if canonical is not None:
            ref_token = reference.token(secret, domain, canonical, context, nbytes)
            if ref_token != token:
                sys.exit("token mismatch with reference for %r in %s" % (raw, domain))
            assert len(token) == 2 * nbytes
        cases.append({"key": key_index, "domain": domain, "input": raw, "context": context,
                      "token_bytes": nbytes, "canonical": canonical, "reason": reason,
                      "temporary": temporary, "token": token})

    # write: one key or case per line, ASCII only (non-ASCII and invisible characters escaped)
    dump = lambda obj: json.dumps(obj, ensure_ascii=True)
    lines = ["{", "  \"generator\": %s," % dump(GENERATOR), "  \"keys\": ["]
    lines += ["    " + dump(k) + ("," if i < len(keys) - 1 else "") for i, k in enumerate(keys)]
    lines += ["  ],", "  \"cases\": ["]
    lines += ["    " + dump(c) + ("," if i < len(cases) - 1 else "") for i, c in enumerate(cases)]
    lines += ["  ]", "}"]
    text = "\n".join(lines) + "\n"
    assert json.loads(text)["cases"] == cases
    with open(OUTPUT, "w", encoding="ascii", newline="\n") as f:
        f.write(text)

    counts = {}
    for c in cases:
        label = c["reason"] or ("valid-temporary" if c["temporary"] else "valid")
        counts.setdefault(c["domain"], {}).setdefault(label, 0)
        counts[c["domain"]][label] += 1
    print("wrote %s: %d cases, %d bytes" % (OUTPUT, len(cases), len(text)))
    for domain in sorted(counts):
        print("  %-11s %s" % (domain, ", ".join("%s %d" % kv for kv in sorted(counts[domain].items()))))


if __name__ == "__main__":
    main(sys.argv[1:])
