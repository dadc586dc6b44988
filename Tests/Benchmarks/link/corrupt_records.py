#!/usr/bin/env python3
"""Derive a second extract from generate_records.py output: the same people, recorded differently.

    python3 corrupt_records.py IN.csv OUT.csv [--seed S]

Each record keeps its record_id (so the truth is "same id"), then: a typing error in a name (5%), the day
and month of birth swapped where the day is 12 or less (2%), a different postcode (5%), a missing postcode
(2%), a missing family name (1%); the rows are shuffled. Deterministic for a seed; standard library only.
"""
import argparse
import csv
import random

parser = argparse.ArgumentParser()
parser.add_argument("input")
parser.add_argument("output")
parser.add_argument("--seed", type=int, default=7)
args = parser.parse_args()
rng = random.Random(args.seed)
letters = "abcdefghijklmnopqrstuvwxyz"

with open(args.input, newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    rows = list(reader)
col = {name: i for i, name in enumerate(header)}


def typo(name):
    if len(name) < 3:
        return name
    i = rng.randrange(1, len(name) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return name[:i] + rng.choice(letters) + name[i + 1:]
    if kind == 1:
        return name[:i] + name[i + 1:]
    return name[:i] + name[i + 1] + name[i] + name[i + 2:]


postcodes = [r[col["postcode"]] for r in rows if r[col["postcode"]]]
for r in rows:
    if rng.random() < 0.05:
        field = rng.choice(["given_name", "family_name"])
        r[col[field]] = typo(r[col[field]])
    dob = r[col["dob"]]
    if dob and rng.random() < 0.02:
        y, m, d = dob.split("-")
        if int(d) <= 12 and d != m:
            r[col["dob"]] = f"{y}-{d}-{m}"
    if rng.random() < 0.05:
        r[col["postcode"]] = rng.choice(postcodes)
    elif rng.random() < 0.02:
        r[col["postcode"]] = ""
    if rng.random() < 0.01:
        r[col["family_name"]] = ""
rng.shuffle(rows)
with open(args.output, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
