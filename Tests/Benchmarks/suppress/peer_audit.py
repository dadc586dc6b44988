#!/usr/bin/env python3
"""The peer for the audit benchmark: the same attacker-model audit written directly with SciPy's linprog
(HiGHS), one LP per bound, on a published table and its hierarchy. Shares no code with Jigsaw.

    python3 peer_audit.py PUBLISHED.csv HIERARCHY.json --symbol S --range LO HI|inf --round B
        [--exact DIM=LEVEL] [--rounded-min N] [--zeros-exact]
    -> JSON {"seconds": s, "intervals": {"code,code,...": [min, max|null]}} on standard output
"""
import argparse
import csv
import json
import math
import time

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import lil_matrix

p = argparse.ArgumentParser()
p.add_argument("published")
p.add_argument("hierarchy")
p.add_argument("--symbol", default="[c]")
p.add_argument("--range", nargs=2, default=["0", "inf"])
p.add_argument("--round", type=int, default=0)
p.add_argument("--exact", action="append", default=[])
p.add_argument("--rounded-min", type=int, default=0)
p.add_argument("--zeros-exact", action="store_true")
a = p.parse_args()

with open(a.hierarchy) as f:
    tree = json.load(f)
dims = list(tree)
children, level = {}, {}
for d in dims:
    children[d], level[d] = {}, {}
    (root, sub), = tree[d].items()

    def walk(code, sub, depth, d=d):
        level[d][code] = depth
        kids = list(sub) if isinstance(sub, (dict, list)) else []
        children[d][code] = kids
        if isinstance(sub, dict):
            for k, v in sub.items():
                walk(k, v, depth + 1)
        else:
            for leaf in sub:
                level[d][leaf] = depth + 1
                children[d][leaf] = []

    walk(root, sub, 0)
exact_levels = [(x.split("=")[0], int(x.split("=")[1])) for x in a.exact]
lo_sym = int(a.range[0])
hi_sym = math.inf if a.range[1] == "inf" else int(a.range[1])

cells, bounds = [], []
with open(a.published, newline="") as f:
    r = csv.DictReader(f)
    value_col = [c for c in r.fieldnames if c not in dims][0]
    for row in r:
        cell = tuple(row[d] for d in dims)
        v = row[value_col].strip()
        if v == a.symbol:
            b = (lo_sym, None if hi_sym == math.inf else hi_sym, True)
        else:
            n = int(v)
            rounded = a.round and not any(level[d][cell[dims.index(d)]] == lv for d, lv in exact_levels)
            if not rounded or (n == 0 and a.zeros_exact):
                b = (n, n, False)
            else:
                low, high = max(0, n - a.round // 2), n + (a.round + 1) // 2 - 1
                if n > 0:
                    low = max(low, a.rounded_min)
                b = (low, high, False)
        cells.append(cell)
        bounds.append(b)
idx = {c: i for i, c in enumerate(cells)}
rows = []
for cell in cells:
    for k, d in enumerate(dims):
        kids = children[d][cell[k]]
        if kids:
            rows.append([(idx[cell], 1)] + [(idx[cell[:k] + (c,) + cell[k + 1:]], -1) for c in kids])
A = lil_matrix((len(rows), len(cells)))
for i, row in enumerate(rows):
    for j, coef in row:
        A[i, j] = coef
A = A.tocsr()
b_eq = np.zeros(len(rows))
lp_bounds = [(lo, hi) for lo, hi, _ in bounds]
start = time.perf_counter()
intervals = {}
for i, (lo, hi, suppressed) in enumerate(bounds):
    if not suppressed:
        continue
    c = np.zeros(len(cells))
    c[i] = 1
    mn = linprog(c, A_eq=A, b_eq=b_eq, bounds=lp_bounds, method="highs")
    mx = linprog(-c, A_eq=A, b_eq=b_eq, bounds=lp_bounds, method="highs")
    assert mn.status == 0, mn.message
    intervals[",".join(cells[i])] = [math.ceil(mn.fun - 1e-6), None if mx.status == 3 else math.floor(-mx.fun + 1e-6)]
print(json.dumps({"seconds": time.perf_counter() - start, "intervals": intervals}))
