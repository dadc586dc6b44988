#!/usr/bin/env python3
"""The peer: clkhash 0.18.3 + anonlink 0.15.3 on the same records, with clkhash's example schema.

    python peer.py LEFT.csv RIGHT.csv SCHEMA.json SECRET_FILE TRUTH.csv [JIGSAW_LEFT.csv JIGSAW_RIGHT.csv]

LEFT/RIGHT are the records laid out for the schema (id,name,dob,sex). Encodes both with clkhash
(generate_clk_from_csv, validation on, one process), finds candidates with
anonlink.candidate_generation.find_candidate_pairs(dice_coefficient_accelerated, 0.5), and for every
threshold t in 0.50..0.99 (step 0.01) scores against TRUTH the links that anonlink.solving.greedy_solve
makes from the candidates a search at t finds. To keep the run short, one solve at 0.5 is filtered to
each t (exact for greedy, which takes pairs in decreasing similarity; see sweep.py), and real
find_candidate_pairs + greedy_solve runs at 0.6, 0.7, 0.8 and 0.9 check that. With the jigsaw
outputs given, also reports whether jigsaw encode --clkhash-secret-file made the same CLKs.

Prints JSON: {"grid": [[t, precision, recall, f1, links], ...], "best": [...], "candidates": n,
"clks_identical": true/false/null, "seconds": {...}}.
"""
import csv
import json
import os
import sys
import time

from anonlink.candidate_generation import find_candidate_pairs
from anonlink.similarities import dice_coefficient_accelerated
from anonlink.solving import greedy_solve, pairs_from_groups
from clkhash import clk
from clkhash.schema import from_json_file
from clkhash.serialization import serialize_bitarray

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep import GRID, kept, read_truth, scores  # noqa: E402

VERIFY = [0.6, 0.7, 0.8, 0.9]


def ids(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        return [row[0] for row in reader]


def encode(path, schema, secret):
    with open(path, newline="", encoding="utf-8") as f:
        return clk.generate_clk_from_csv(f, secret, schema, validate=True, header=True,
                                         progress_bar=False, max_workers=1)


def jigsaw_clks(path):
    with open(path, newline="", encoding="utf-8") as f:
        return [row["clk"] for row in csv.DictReader(f)]


def main():
    left_path, right_path, schema_path, secret_path, truth_path = sys.argv[1:6]
    jig = sys.argv[6:8]
    with open(secret_path, encoding="utf-8") as f:
        secret = f.read().rstrip("\r\n")
    with open(schema_path) as f:
        schema = from_json_file(f)
    seconds = {}
    start = time.perf_counter()
    left, right = encode(left_path, schema, secret), encode(right_path, schema, secret)
    seconds["encode"] = round(time.perf_counter() - start, 2)

    identical = None
    if len(jig) == 2:
        identical = ([serialize_bitarray(c) for c in left] == jigsaw_clks(jig[0])
                     and [serialize_bitarray(c) for c in right] == jigsaw_clks(jig[1]))

    start = time.perf_counter()
    candidates = find_candidate_pairs([left, right], dice_coefficient_accelerated, GRID[0])
    seconds["candidates"] = round(time.perf_counter() - start, 2)
    sims, dset_is, rec_is = candidates
    assert all(a >= b for a, b in zip(sims, sims[1:])), "candidates not in decreasing similarity"

    left_ids, right_ids, truth = ids(left_path), ids(right_path), read_truth(truth_path)

    def solve(cands):
        """greedy_solve -> the set of linked (left index, right index) pairs."""
        return set(pairs_from_groups(greedy_solve(cands)))

    # One greedy solve over all candidates at 0.5, filtered for each t to the links a search at t keeps
    # (sweep.kept: similarity >= t and anonlink's popcount pre-filter). Greedy takes pairs in decreasing
    # similarity, so this gives the links of a solve of the candidates at t; checked below by real
    # find_candidate_pairs + greedy_solve runs at VERIFY.
    start = time.perf_counter()
    pairs = solve(candidates)
    pop_l, pop_r = [c.count() for c in left], [c.count() for c in right]
    scored = [(2.0 * (left[i] & right[j]).count() / (pop_l[i] + pop_r[j]), i, j) for i, j in pairs]
    rows = []
    for t in GRID:
        links = [(left_ids[i], right_ids[j]) for s, i, j in scored if kept(s, pop_l[i], pop_r[j], t)]
        p, r, f1, count = scores(links, truth)
        rows.append([t, round(p, 6), round(r, 6), round(f1, 6), count])
    seconds["solve_and_score"] = round(time.perf_counter() - start, 2)
    start = time.perf_counter()
    mismatches = []
    for t in VERIFY:
        real = solve(find_candidate_pairs([left, right], dice_coefficient_accelerated, t))
        if real != {(i, j) for s, i, j in scored if kept(s, pop_l[i], pop_r[j], t)}:
            mismatches.append(t)
    seconds["verify"] = round(time.perf_counter() - start, 2)
    best = max(rows, key=lambda row: (row[3], -row[0]))
    json.dump({"grid": rows, "best": best, "candidates": len(sims), "clks_identical": identical,
               "verified_at": VERIFY, "verify_mismatches": mismatches,
               "seconds": seconds}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
