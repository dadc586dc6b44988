#!/usr/bin/env python3
"""F1 of a jigsaw links file at every threshold 0.50..0.99 (step 0.01), by keeping the links whose
similarity is at least the threshold.

    python3 sweep.py LINKS.csv TRUTH.csv   ->   JSON {"grid": [[t, precision, recall, f1, links], ...],
                                                     "best": [t, precision, recall, f1, links]}

For a greedy one-to-one solution without blocking this is exact: greedy takes pairs in decreasing
similarity (ties in a fixed order), so its decisions on the pairs at or above t do not depend on any pair
below t, and the links of a run at 0.5 that are >= t are the links a run at t makes. measure.sh checks
this against real reruns at 0.60..0.95.
"""
import csv
import json
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


def sweep(scored_links, truth, grid=GRID):
    """scored_links: list of (similarity, left, right). Returns the rows [t, p, r, f1, n] and the best row
    (highest F1; ties to the lower threshold)."""
    rows = []
    for t in grid:
        p, r, f1, n = scores(((a, b) for s, a, b in scored_links if s >= t), truth)
        rows.append([t, round(p, 6), round(r, 6), round(f1, 6), n])
    best = max(rows, key=lambda row: (row[3], -row[0]))
    return rows, best


def read_links(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return [(float(r["similarity"]), r["left_id"].strip(), r["right_id"].strip()) for r in reader]


def main():
    links, truth = read_links(sys.argv[1]), read_truth(sys.argv[2])
    rows, best = sweep(links, truth)
    json.dump({"grid": rows, "best": best}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
