#!/usr/bin/env python3
"""Independent check of `jigsaw suppress` outputs: random tables (2-D, 3-D, hierarchical, sparse), each
protected by `jigsaw suppress`, and every output audited here with SciPy's linprog (HiGHS), which shares
no code with Jigsaw (equations built from the hierarchy file, bounds from the published values).

    python3 make_fixtures.py PATH/TO/jigsaw > fixtures.json      (SciPy 1.17.1; deterministic)

Each case records the hierarchy, the leaf counts, the suppress options, the published CSV jigsaw wrote,
and SciPy's verdict: every primary cell's interval (from the report's kinds) and whether it is protected.
The Swift test re-runs the suppressor on the same inputs and requires the same published table, so the
committed verdict applies to what the code produces.
"""
import csv
import io
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

SHAPES = {
    "2d": {"r": {"RT": ["R1", "R2", "R3", "R4"]}, "c": {"CT": ["C1", "C2", "C3", "C4"]}},
    "2d-hier": {"la": {"E": {"N": ["L1", "L2", "L3"], "S": ["L4", "L5"]}}, "g": {"T": ["G1", "G2", "G3"]}},
    "3d": {"la": {"E": {"N": ["L1", "L2"], "S": ["L3", "L4"]}}, "g": {"T": ["G1", "G2"]}, "s": {"A": ["F", "M"]}},
}
SETTINGS = [
    ["--threshold", "1-4"],
    ["--threshold", "1-4", "--zeros", "primary", "--round", "5"],
    ["--threshold", "1-5", "--round", "10", "--round-at", "DIM0=0"],
    ["--threshold", "1-3", "--protection", "width=3"],
]


def nodes(tree):
    out = []

    def walk(code, sub, level):
        kids = list(sub) if isinstance(sub, (dict, list)) else []
        out.append((code, kids, level))
        if isinstance(sub, dict):
            for k, v in sub.items():
                walk(k, v, level + 1)
        elif isinstance(sub, list):
            for leaf in sub:
                out.append((leaf, [], level + 1))

    (root, sub), = tree.items()
    walk(root, sub, 0)
    return out


def audit(hierarchy, published_csv, symbol_range, rounding, rounded_min, zeros_exact, round_levels):
    dims = list(hierarchy)
    info = {d: {c: (kids, lvl) for c, kids, lvl in nodes(hierarchy[d])} for d in dims}
    rows = list(csv.reader(io.StringIO(published_csv)))[1:]
    cells = [tuple(r[:-1]) for r in rows]
    idx = {c: i for i, c in enumerate(cells)}
    bounds, suppressed = [], []
    for r in rows:
        cell, v = tuple(r[:-1]), r[-1]
        if not v.lstrip("-").isdigit():
            bounds.append((symbol_range[0], symbol_range[1]))
            suppressed.append(idx[cell])
            continue
        n = int(v)
        rounded = bool(rounding) and (round_levels is None or any(
            info[d][cell[k]][1] == lvl for k, d in enumerate(dims) for (dd, lvl) in round_levels if dd == d))
        if not rounded or (n == 0 and zeros_exact):
            bounds.append((n, n))
        else:
            lo, hi = max(0, n - rounding // 2), n + (rounding + 1) // 2 - 1
            if n > 0:
                lo = max(lo, rounded_min)
            bounds.append((lo, hi))
    a_rows = []
    for cell in cells:
        for k, d in enumerate(dims):
            kids = info[d][cell[k]][0]
            if kids:
                row = np.zeros(len(cells))
                row[idx[cell]] = 1
                for c in kids:
                    row[idx[cell[:k] + (c,) + cell[k + 1:]]] -= 1
                a_rows.append(row)
    a = np.array(a_rows)
    out = {}
    for i in suppressed:
        c = np.zeros(len(cells))
        c[i] = 1
        mn = linprog(c, A_eq=a, b_eq=np.zeros(len(a_rows)), bounds=bounds, method="highs")
        mx = linprog(-c, A_eq=a, b_eq=np.zeros(len(a_rows)), bounds=bounds, method="highs")
        assert mn.status == 0 and mx.status in (0, 3), (mn.message, mx.message)
        out[",".join(cells[i])] = [math.ceil(mn.fun - 1e-6), None if mx.status == 3 else math.floor(-mx.fun + 1e-6)]
    return out


def main():
    jigsaw = os.path.abspath(sys.argv[1])
    rng = random.Random(4242)
    cases = []
    for index in range(24):
        shape = ["2d", "2d-hier", "3d"][index % 3]
        options = [o.replace("DIM0", list(SHAPES[shape])[0]) for o in SETTINGS[(index // 3) % len(SETTINGS)]]
        hierarchy = SHAPES[shape]
        dims = list(hierarchy)
        leaves = {d: [c for c, kids, _ in nodes(hierarchy[d]) if not kids] for d in dims}
        sparse = index % 2 == 1
        counts = {}
        for combo in itertools.product(*(leaves[d] for d in dims)):
            counts[combo] = 0 if sparse and rng.random() < 0.4 else rng.choice([0, 1, 2, 3, 4, 5, 8, 12, 20, 35])
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "h.json"), "w") as f:
                json.dump(hierarchy, f)
            leaves_csv = ",".join(dims) + ",count\n" + "".join(",".join(k) + f",{v}\n" for k, v in counts.items())
            with open(os.path.join(tmp, "leaves.csv"), "w") as f:
                f.write(leaves_csv)
            run = subprocess.run([jigsaw, "suppress", "leaves.csv", "--hierarchy", "h.json", "-o", "out.csv", "--report", "r.json",
                                  "--quiet"] + options, cwd=tmp, capture_output=True, text=True)
            if run.returncode != 0:
                cases.append({"name": f"case-{index}", "hierarchy": hierarchy, "dimensions": dims, "leaves": leaves_csv,
                              "options": options, "status": run.returncode})
                continue
            published = open(os.path.join(tmp, "out.csv")).read()
            report = json.load(open(os.path.join(tmp, "r.json")))
        threshold = [int(x) for x in options[options.index("--threshold") + 1].split("-")]
        zeros_primary = "--zeros" in options and options[options.index("--zeros") + 1] == "primary"
        rounding = int(options[options.index("--round") + 1]) if "--round" in options else 0
        round_levels = None
        if "--round-at" in options:
            d, lvl = options[options.index("--round-at") + 1].split("=")
            round_levels = [(d, int(lvl))]
        # The reading of the symbol that jigsaw's report states (never looser than "any count of 0 or more").
        symbol_range = tuple(report["attackerModel"]["symbolMeans"])
        intervals = audit(hierarchy, published, symbol_range, rounding, threshold[1] + 1 if rounding else 0, not zeros_primary, round_levels)
        width = int(options[options.index("--protection") + 1].split("=")[1]) if "--protection" in options else 1
        small = (0 if zeros_primary else threshold[0], threshold[1])
        verdict = {}
        for cell in report["suppressed"]:
            if cell["kind"] != "primary":
                continue
            key = ",".join(cell["cell"][d] for d in dims)
            lo, hi = intervals[key]
            outside = lo > small[1] or (hi is not None and hi < small[0])
            verdict[key] = {"interval": [lo, hi], "protected": outside or hi is None or hi - lo >= width}
        cases.append({"name": f"case-{index}-{shape}", "hierarchy": hierarchy, "dimensions": dims, "leaves": leaves_csv,
                      "options": options, "status": 0, "published": published, "primary": verdict})
    print(json.dumps({"generator": "make_fixtures.py: jigsaw suppress, audited with SciPy linprog (HiGHS)", "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
