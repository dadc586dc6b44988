#!/usr/bin/env python3
"""Tokenise NHS numbers and UPNs in a CSV with plain Python (csv + hmac): the benchmark's peer for jigsaw.

    python3 python_tokenise.py INPUT.csv OUTPUT.csv KEYFILE

Follows shared/spec/tokens.md: the token key is HKDF-SHA256(secret, salt "", info "jigsaw/1/token/"),
and a token is HMAC-SHA256(key, "nhs-number:" + canonical) or ("upn:" + canonical) in lowercase hex.
The nhs_number and upn columns are replaced by tokens; blank or invalid values become empty strings.
All other columns are copied unchanged.
"""
import base64
import csv
import hashlib
import hmac
import json
import re
import sys

KEY_FIELDS = {"format", "id", "secret", "created", "example", "description"}
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # no I, O or S


def load_secret(path):
    with open(path, encoding="utf-8") as f:
        key = json.load(f)
    unknown = set(key) - KEY_FIELDS
    if unknown:
        raise SystemExit(f"{path}: unknown key file fields: {', '.join(sorted(unknown))}")
    if key.get("format") != "jigsaw-key/1" or "id" not in key or "secret" not in key:
        raise SystemExit(f"{path}: not a jigsaw-key/1 key file")
    secret = base64.b64decode(key["secret"], validate=True)
    if len(secret) < 32:
        raise SystemExit(f"{path}: secret is shorter than 32 bytes")
    return secret


def hkdf_sha256(secret, info, length=32):
    prk = hmac.new(bytes(32), secret, hashlib.sha256).digest()   # empty salt = 32 zero bytes
    output, block, counter = b"", b"", 1
    while len(output) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        output += block
        counter += 1
    return output[:length]


# ddd ddd dddd, ddd-ddd-dddd or dddddddddd, ASCII digits only (re.ASCII: \d must not match other scripts)
NHS_NUMBER = re.compile(r"(\d{3})([ -]?)(\d{3})\2(\d{4})", re.ASCII)
UPN = re.compile(r"[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]", re.ASCII)


def canonical_nhs_number(value):
    """The 10 digits of a valid NHS number, or None."""
    match = NHS_NUMBER.fullmatch(value.strip(" \t"))
    if not match:
        return None
    digits = match.group(1) + match.group(3) + match.group(4)
    if len(set(digits)) == 1:           # 0000000000 ... 9999999999 are placeholders
        return None
    remainder = sum(int(d) * weight for d, weight in zip(digits, range(10, 1, -1))) % 11
    check = 11 - remainder
    if check == 11:
        check = 0
    if check == 10 or check != int(digits[9]):
        return None
    return digits


def upn_value(character):
    return int(character) if character.isdigit() else UPN_LETTERS.index(character)


def canonical_upn(value):
    """The upper-cased 13 characters of a valid UPN (permanent or temporary), or None."""
    value = value.strip(" \t")
    if not value.isascii():
        return None
    value = value.upper()
    if not UPN.fullmatch(value):
        return None
    total = sum(upn_value(c) * n for n, c in enumerate(value[1:], start=2))
    if value[0] != UPN_LETTERS[total % 23]:
        return None
    return value


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    input_path, output_path, key_path = sys.argv[1:]
    token_key = hkdf_sha256(load_secret(key_path), b"jigsaw/1/token/")

    columns = {"nhs_number": ("nhs-number", canonical_nhs_number), "upn": ("upn", canonical_upn)}
    counts = {name: {"tokens": 0, "invalid": 0, "blank": 0} for name in columns}
    rows = 0

    with open(input_path, newline="", encoding="utf-8") as infile, \
            open(output_path, "w", newline="", encoding="utf-8") as outfile:
        reader = csv.reader(infile)
        writer = csv.writer(outfile, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        header = next(reader)
        writer.writerow(header)
        targets = []
        for name, (domain, canonicalise) in columns.items():
            if name not in header:
                raise SystemExit(f"{input_path}: no column {name}")
            targets.append((header.index(name), name, domain, canonicalise))

        for row in reader:
            for index, name, domain, canonicalise in targets:
                value = row[index]
                if value.strip(" \t") == "":
                    counts[name]["blank"] += 1
                    row[index] = ""
                    continue
                canonical = canonicalise(value)
                if canonical is None:
                    counts[name]["invalid"] += 1
                    row[index] = ""
                    continue
                message = f"{domain}:{canonical}".encode("utf-8")
                row[index] = hmac.new(token_key, message, hashlib.sha256).hexdigest()
                counts[name]["tokens"] += 1
            writer.writerow(row)
            rows += 1

    print(f"rows: {rows}", file=sys.stderr)
    for name, c in counts.items():
        print(f"{name}: tokens {c['tokens']}, invalid {c['invalid']}, blank {c['blank']}", file=sys.stderr)


if __name__ == "__main__":
    main()
