#!/usr/bin/env python3
"""F1 of a jigsaw links file at every threshold 0.50..0.99 (step 0.01), by keeping the links that a
search at that threshold would have found.

    python3 sweep.py LINKS.csv TRUTH.csv LEFT.csv LEFT_ID RIGHT.csv RIGHT_ID
        ->   JSON {"grid": [[t, precision, recall, f1, links], ...], "best": [t, precision, recall, f1, links]}

LEFT.csv and RIGHT.csv are the encoded files that were linked (ids and a clk column): their popcounts are
needed because a search at t keeps a pair when its Dice similarity s >= t and, as anonlink 0.15.3's
accelerated kernel does (and jigsaw link copies), |a - b| <= trunc(2a (1/t - 1)) for the popcounts a
(left) and b (right); the second test can drop a pair whose similarity equals t exactly.

For a greedy one-to-one solution without blocking, filtering a run at 0.5 this way gives the links of a
run at t: greedy takes pairs in decreasing similarity (ties in a fixed order), so its decisions on the
pairs at or above t do not depend on any pair below t. measure.sh checks this against real reruns at
0.60..0.95 and reports any difference.
"""
import base64
import csv
import json
import math
import sys

GRID = [round(0.50 + 0.01 * i, 2) for i in range(50)]


def read_truth(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        return {(r[0].strip(), r[1].strip()) for r in rows if r and r[0].strip() and r[1].strip()}


def scores(links, truth):
    """links: iterable of (left, right). Returns (precision, recall, f1, n)."""
    links = set(links)
    tp = len(links & truth)
    fp, fn = len(links) - tp, len(truth) - tp
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return precision, recall, f1, len(links)


def kept(s, a, b, t):
    """Whether a search at threshold t keeps a pair of similarity s and popcounts a (left), b (right)."""
    return s >= t and abs(a - b) <= math.trunc(float(2 * a) * (1.0 / t - 1.0))


def sweep(scored_links, truth, grid=GRID):
    """scored_links: list of (similarity, left, right, left popcount, right popcount). Returns the rows
    [t, p, r, f1, n] and the best row (highest F1; ties to the lower threshold)."""
    rows = []
    for t in grid:
        p, r, f1, n = scores(((l, r) for s, l, r, a, b in scored_links if kept(s, a, b, t)), truth)
        rows.append([t, round(p, 6), round(r, 6), round(f1, 6), n])
    best = max(rows, key=lambda row: (row[3], -row[0]))
    return rows, best


def popcounts(path, id_column):
    with open(path, newline="", encoding="utf-8") as f:
        return {r[id_column].strip(): bin(int.from_bytes(base64.b64decode(r["clk"]), "big")).count("1")
                for r in csv.DictReader(f)}


def read_links(path, left_pop, right_pop):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return [(float(r["similarity"]), r["left_id"].strip(), r["right_id"].strip(),
                 left_pop[r["left_id"].strip()], right_pop[r["right_id"].strip()]) for r in reader]


def main():
    links_path, truth_path, left_path, left_id, right_path, right_id = sys.argv[1:7]
    links = read_links(links_path, popcounts(left_path, left_id), popcounts(right_path, right_id))
    truth = read_truth(truth_path)
    rows, best = sweep(links, truth)
    json.dump({"grid": rows, "best": best}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
