#!/usr/bin/env python3
"""Writes a shareable-looking CSV for the scan benchmark: tokens and CLKs, with a few raw identifiers planted.

    python3 generate_files.py ROWS OUT.csv PLANTED.json [--seed N]

Columns: child_id, nhs_number and upn (64-hex-digit keyed tokens, as `jigsaw tokenise` leaves them), clk
(standard base64 of a 1024-bit Bloom filter, as `jigsaw encode` writes), sex, la (an ONS area code),
referral_week (a week number) and notes (blank). Everything is random from a seeded generator, so the
file is the same on every machine. Then raw identifiers, all synthetic (NHS numbers from the 999 test
range, Ofcom drama telephone numbers, example.org addresses), are planted on known lines: in the notes
column, and one left untokenised in the nhs_number column. PLANTED.json lists each plant's line and kind
(never needed to find them: the scanners are checked against it).
"""
import argparse
import base64
import json
import random

parser = argparse.ArgumentParser()
parser.add_argument("rows", type=int)
parser.add_argument("out")
parser.add_argument("planted")
parser.add_argument("--seed", type=int, default=2026)
args = parser.parse_args()
rng = random.Random(args.seed)


def nhs_number():
    while True:
        nine = "999" + "".join(rng.choice("0123456789") for _ in range(6))
        check = 11 - sum(int(d) * (10 - i) for i, d in enumerate(nine)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return nine + str(check)


plants = [
    ("nhs_number", "nhs-number", lambda: nhs_number()),
    ("notes", "nhs-number", lambda: "NHS no " + (lambda n: f"{n[:3]} {n[3:6]} {n[6:]}")(nhs_number())),
    ("notes", "postcode", lambda: "moved to LS6 2QD last year"),
    ("notes", "date", lambda: "born 04/03/2015"),
    ("notes", "email", lambda: "parent: pat.doe@example.org"),
    ("notes", "phone", lambda: "call 020 7946 0018"),
]
# Spread the plants over the file, a few of each.
every = max(1, args.rows // 24)
planted = {}
for n, i in enumerate(range(every // 2, args.rows, every)):
    planted[i] = plants[n % len(plants)]

las = ["E08000035", "E08000032", "E08000033", "E08000034", "E08000036", "E06000014"]
records = []
with open(args.out, "w", newline="") as f:
    f.write("child_id,nhs_number,upn,clk,sex,la,referral_week,notes\n")
    for i in range(args.rows):
        nhs = rng.randbytes(32).hex()
        upn = rng.randbytes(32).hex()
        clk = base64.b64encode(rng.randbytes(128)).decode()
        notes = ""
        if i in planted:
            column, kind, make = planted[i]
            value = make()
            if column == "nhs_number":
                nhs = value
            else:
                notes = value
            records.append({"line": i + 2, "kind": kind, "column": column})
        f.write(f"R{i:07d},{nhs},{upn},{clk},{rng.choice('12')},{rng.choice(las)},{rng.randint(1, 52)},{notes}\n")
with open(args.planted, "w") as f:
    json.dump(records, f, indent=1)
