#!/usr/bin/env python3
"""Write a synthetic extract for the tokenise benchmark (no real personal data).

    python3 generate_extract.py ROWS OUTPUT.csv [--seed S]

Columns: record_id,nhs_number,upn,la_code,note
  nhs_number  ~90% valid (NHS test range 999 000 0000 - 999 999 9999, as dddddddddd, ddd ddd dddd,
              ddd-ddd-dddd, sometimes padded with spaces or tabs), ~5% invalid, ~5% blank
  upn         ~85% valid (some temporary, some lower case), ~5% invalid, ~10% blank
  note        free text, sometimes with commas, double quotes or an embedded newline, sometimes empty
Deterministic for a given seed.
"""
import argparse
import csv
import random

UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
LA_NUMBERS = ["201", "202", "204", "206", "301", "330", "373", "801", "806", "838", "851", "919", "936"]
NOTE_WORDS = ("transfer from another school referral received review due plan agreed in year admission "
              "moved address parent contacted EHCP annual review SEN support assessment pending social "
              "care notified letter sent home visit").split()
NOTE_EXTRAS = ['see "notes" tab', "mum, dad and carer", 'flag "urgent"', "ref 12/34, page 5",
               "caf\u00e9 club, Tues", "line one\nline two", "said \"ok\", then left", "n/a"]


def nhs_check(nine):
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1)))
    return (11 - total % 11) % 11      # 10 means no valid check digit


def valid_nhs(rng):
    while True:
        nine = "999%06d" % rng.randrange(1000000)
        check = nhs_check(nine)
        if check != 10 and nine != "999999999":    # 9999999999 is the "unknown" placeholder
            return nine + str(check)


def format_nhs(rng, ten):
    r = rng.random()
    if r < 0.50:
        return ten
    if r < 0.80:
        return "%s %s %s" % (ten[:3], ten[3:6], ten[6:])
    if r < 0.90:
        return "%s-%s-%s" % (ten[:3], ten[3:6], ten[6:])
    return rng.choice([" ", "\t", "  "]) + ten + rng.choice(["", " ", "\t"])


def invalid_nhs(rng):
    ten = valid_nhs(rng)
    kind = rng.randrange(6)
    if kind == 0:                       # wrong check digit
        return ten[:9] + str((int(ten[9]) + rng.randrange(1, 10)) % 10)
    if kind == 1:
        return "9999999999"             # placeholder for "unknown"
    if kind == 2:
        return ten[:9]                  # too short
    if kind == 3:
        return ten[:4] + "O" + ten[5:]  # letter O for zero
    if kind == 4:
        return "%s %s-%s" % (ten[:3], ten[3:6], ten[6:])   # mixed separators
    return ten + ".0"                   # spreadsheet damage


def valid_upn(rng):
    body = rng.choice(LA_NUMBERS) + "%08d" % rng.randrange(100000000)
    last = rng.choice(UPN_LETTERS) if rng.random() < 0.08 else str(rng.randrange(10))
    tail = body + last
    total = 0
    for n, c in enumerate(tail, start=2):
        total += n * (int(c) if c.isdigit() else UPN_LETTERS.index(c))
    upn = UPN_LETTERS[total % 23] + tail
    r = rng.random()
    if r < 0.05:
        return upn.lower()
    if r < 0.08:
        return " " + upn + " "
    return upn


def invalid_upn(rng):
    upn = valid_upn(rng).strip().upper()
    kind = rng.randrange(4)
    if kind == 0:                       # wrong check letter
        return rng.choice([c for c in UPN_LETTERS if c != upn[0]]) + upn[1:]
    if kind == 1:
        return upn[:12]                 # too short
    if kind == 2:
        return upn[:12] + "O"           # O is never a UPN letter
    return "0" + upn[1:]                # digit in first position


def note(rng):
    r = rng.random()
    if r < 0.30:
        return ""
    words = " ".join(rng.choice(NOTE_WORDS) for _ in range(rng.randrange(2, 9)))
    if r < 0.80:
        return words[0].upper() + words[1:]
    if r < 0.90:
        return words + ", " + rng.choice(NOTE_WORDS)
    return words + "; " + rng.choice(NOTE_EXTRAS)


def rows(count, rng):
    for i in range(count):
        r = rng.random()
        if r < 0.90:
            nhs = format_nhs(rng, valid_nhs(rng))
        elif r < 0.95:
            nhs = invalid_nhs(rng)
        else:
            nhs = "" if rng.random() < 0.9 else " "
        r = rng.random()
        if r < 0.85:
            upn = valid_upn(rng)
        elif r < 0.90:
            upn = invalid_upn(rng)
        else:
            upn = ""
        yield ("R%08d" % (i + 1), nhs, upn, "E0900000%d" % rng.randrange(10), note(rng))


def main():
    parser = argparse.ArgumentParser(description="Write a synthetic extract for the tokenise benchmark.")
    parser.add_argument("rows", type=int)
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.output, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(["record_id", "nhs_number", "upn", "la_code", "note"])
        writer.writerows(rows(args.rows, rng))


if __name__ == "__main__":
    main()
