#!/usr/bin/env python3
"""Writes the small synthetic extracts bundled for `make demo` (deterministic; no real person's data).

NHS numbers are drawn from the NHS test range (999 000 0000 - 999 999 9999) with valid check digits;
UPNs are made-up with valid check letters. A few values are deliberately invalid or blank so the demo
shows validation. Run: python3 examples/make_examples.py
"""
import csv
import os
import random

rng = random.Random(2026)
HERE = os.path.dirname(os.path.abspath(__file__))
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
FORENAMES = ["Amelia", "Oliver", "Isla", "Noah", "Ava", "Leo", "Mia", "Arthur", "Freya", "Muhammad",
             "Aisha", "Jacob", "Zara", "Harry", "Sofia", "Theo", "Ella", "Oscar", "Grace", "Yusuf"]
SURNAMES = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Khan",
            "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Ali"]
POSTCODES = ["LS1 4AP", "LS6 2QD", "BD7 1DP", "HX1 1UJ", "WF1 2EB", "HD1 2TA", "LS28 6AN", "BD18 3LE"]


def nhs_number():
    while True:
        digits = [9, 9, 9] + [rng.randint(0, 9) for _ in range(6)]
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        check = 0 if check == 11 else check
        if check != 10:
            return "".join(map(str, digits + [check]))


def upn():
    body = [rng.randint(0, 9) for _ in range(12)]
    total = sum(d * n for n, d in zip(range(2, 14), body))
    return UPN_LETTERS[total % 23] + "".join(map(str, body))


children = []
for i in range(24):
    children.append({
        "nhs": nhs_number(), "upn": upn(), "forename": rng.choice(FORENAMES), "surname": rng.choice(SURNAMES),
        "dob": f"{rng.randint(2009, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "sex": rng.choice("MF"), "postcode": rng.choice(POSTCODES),
    })

with open(os.path.join(HERE, "health-extract.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")  # written the Windows way, as many exports are
    w.writerow(["health_record_id", "nhs_number", "forename", "surname", "date_of_birth", "sex", "postcode",
                "community_services", "camhs", "ae_attendance"])
    for i, c in enumerate(children[:18]):
        nhs = c["nhs"]
        nhs = f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}" if i % 3 == 0 else nhs  # NHS numbers as people type them
        if i == 5:
            nhs = nhs[:-1] + str((int(nhs[-1]) + 1) % 10)  # a typing error: check digit fails
        if i == 9:
            nhs = ""
        w.writerow([f"H{1000 + i}", nhs, c["forename"], c["surname"], c["dob"], "1" if c["sex"] == "M" else "2",
                    c["postcode"], rng.randint(0, 1), rng.randint(0, 1), rng.randint(0, 3)])

with open(os.path.join(HERE, "council-extract.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["child_id", "upn", "nhs_number", "forename", "surname", "dob", "sex", "postcode", "send", "cin",
                "notes"])
    for i, c in enumerate(children[6:]):
        nhs = c["nhs"] if i % 4 != 3 else ""  # councils hold NHS numbers for only some children
        w.writerow([f"C{500 + i}", c["upn"].lower() if i == 2 else c["upn"], nhs, c["forename"], c["surname"],
                    c["dob"], c["sex"], c["postcode"], rng.choice(["", "K", "E"]), rng.randint(0, 1),
                    'moved school, "see file"' if i == 4 else ""])

with open(os.path.join(HERE, "truth.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["child_id", "health_record_id"])
    for i in range(6, 18):  # children 6..17 are in both extracts
        w.writerow([f"C{500 + i - 6}", f"H{1000 + i}"])
