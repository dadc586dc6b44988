#!/usr/bin/env python3
"""Suppression quality against the brute-force optimum on small tables.

    python3 optimum.py PATH/TO/jigsaw [TABLES]

For each of TABLES seeded random 4 x 3 tables with margins (20 cells; threshold 1-4, zeros published),
runs `jigsaw suppress --threshold 1-4 --singletons ignore` (the optimum below does not model singletons), then finds the cheapest set of secondary cells by trying every
set in increasing order of total count until one passes an audit written here with SciPy's linprog
(HiGHS): every primary cell's feasible interval wider than one value. Prints each table's suppressed
value (primary + secondary) for jigsaw and the optimum, and the ratio.
"""
import itertools
import json
import math
import os
import random
import subprocess
import sys
import tempfile

import numpy as np
from scipy.optimize import linprog

ROWS, COLS = ["R1", "R2", "R3", "R4"], ["C1", "C2", "C3"]
cells = [(r, c) for r in ROWS + ["RT"] for c in COLS + ["CT"]]
idx = {c: i for i, c in enumerate(cells)}
eqs = []
for r in ROWS + ["RT"]:
    row = np.zeros(len(cells)); row[idx[(r, "CT")]] = 1
    for c in COLS: row[idx[(r, c)]] -= 1
    eqs.append(row)
for c in COLS + ["CT"]:
    row = np.zeros(len(cells)); row[idx[("RT", c)]] = 1
    for r in ROWS: row[idx[(r, c)]] -= 1
    eqs.append(row)
A = np.array(eqs)


def protected(values, hidden, primaries):
    bounds = [(0, None) if i in hidden else (values[i], values[i]) for i in range(len(cells))]
    for p in primaries:
        c = np.zeros(len(cells)); c[p] = 1
        lo = linprog(c, A_eq=A, b_eq=np.zeros(len(eqs)), bounds=bounds, method="highs")
        hi = linprog(-c, A_eq=A, b_eq=np.zeros(len(eqs)), bounds=bounds, method="highs")
        if hi.status == 3:
            continue
        if math.floor(-hi.fun + 1e-6) <= math.ceil(lo.fun - 1e-6):
            return False
    return True


def main():
    jigsaw = os.path.abspath(sys.argv[1])
    tables = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    rng = random.Random(77)
    ratios = []
    print("table | primary cells | jigsaw suppressed value (secondary cells) | optimum suppressed value (secondary cells) | ratio")
    for t in range(tables):
        leaves = {(r, c): rng.choice([1, 2, 3, 5, 7, 9, 12, 15, 20, 30]) for r in ROWS for c in COLS}
        values = [0] * len(cells)
        for (r, c), v in leaves.items():
            for rr in (r, "RT"):
                for cc in (c, "CT"):
                    values[idx[(rr, cc)]] += v
        with tempfile.TemporaryDirectory() as tmp:
            json.dump({"r": {"RT": ROWS}, "c": {"CT": COLS}}, open(os.path.join(tmp, "h.json"), "w"))
            with open(os.path.join(tmp, "leaves.csv"), "w") as f:
                f.write("r,c,count\n" + "".join(f"{r},{c},{v}\n" for (r, c), v in leaves.items()))
            subprocess.run([jigsaw, "suppress", "leaves.csv", "--hierarchy", "h.json", "-o", "out.csv", "--report", "r.json",
                            "--threshold", "1-4", "--singletons", "ignore", "--quiet"], cwd=tmp, check=True)
            report = json.load(open(os.path.join(tmp, "r.json")))
        primaries = [idx[(c["cell"]["r"], c["cell"]["c"])] for c in report["suppressed"] if c["kind"] == "primary"]
        jig_secondary = [idx[(c["cell"]["r"], c["cell"]["c"])] for c in report["suppressed"] if c["kind"] == "secondary"]
        primary_value = sum(values[p] for p in primaries)
        jig_value = primary_value + sum(values[s] for s in jig_secondary)
        candidates = [i for i in range(len(cells)) if i not in primaries]
        best = None
        limit = sum(values[s] for s in jig_secondary)
        options = []
        for k in range(0, len(jig_secondary) + 1):
            for combo in itertools.combinations(candidates, k):
                cost = sum(values[i] for i in combo)
                if cost <= limit:
                    options.append((cost, combo))
        options.sort()
        for cost, combo in options:
            if protected(values, set(primaries) | set(combo), primaries):
                best = (cost, combo)
                break
        opt_value = primary_value + best[0]
        ratio = jig_value / opt_value if opt_value else 1.0
        ratios.append(ratio)
        print(f"{t + 1:5d} | {len(primaries):13d} | {jig_value:7d} ({len(jig_secondary)}) | {opt_value:7d} ({len(best[1])}) | {ratio:.3f}")
    print(f"mean ratio {sum(ratios) / len(ratios):.3f}, worst {max(ratios):.3f} (target: within 1.20)")


if __name__ == "__main__":
    main()
