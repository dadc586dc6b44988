#!/usr/bin/env python3
"""A synthetic council-level count table for the suppression benchmark: 150 councils in 9 regions within
England, 8 groups, 2 sexes (4,320 cells with totals), counts drawn so that about a fifth of the leaf cells
are 1-7 and some are zero, as in children's services tables. Deterministic for the seed.

    python3 make_table.py OUT_DIR [--councils N] [--seed S]   ->  OUT_DIR/leaves.csv, OUT_DIR/hierarchy.json
"""
import argparse
import csv
import json
import os
import random

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--councils", type=int, default=150)
parser.add_argument("--seed", type=int, default=5)
args = parser.parse_args()
rng = random.Random(args.seed)
os.makedirs(args.out, exist_ok=True)
regions = [f"R{r}" for r in range(1, 10)]
councils = {r: [] for r in regions}
for c in range(args.councils):
    councils[regions[c % len(regions)]].append(f"LA{c + 1:03d}")
groups = [f"G{g}" for g in range(1, 9)]
hierarchy = {"la": {"England": councils}, "group": {"Total": groups}, "sex": {"All": ["F", "M"]}}
with open(os.path.join(args.out, "hierarchy.json"), "w") as f:
    json.dump(hierarchy, f, indent=1)
with open(os.path.join(args.out, "leaves.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["la", "group", "sex", "count"])
    for r in regions:
        for la in councils[r]:
            size = rng.choice([20, 40, 80, 150, 300])
            for g in groups:
                share = rng.choice([0.02, 0.05, 0.1, 0.2, 0.4])
                for s in ("F", "M"):
                    w.writerow([la, g, s, max(0, int(rng.gauss(size * share / 2, 2 + size * share / 10)))])
