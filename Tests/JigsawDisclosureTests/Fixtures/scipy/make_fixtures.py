#!/usr/bin/env python3
"""Independent cross-check of `TableAudit`: random hierarchical tables, random suppression patterns, and
each suppressed cell's feasible interval computed with SciPy's linprog (HiGHS), written as JSON fixtures.

    python3 make_fixtures.py > fixtures.json      (SciPy 1.17.1; deterministic for the seed below)

Each case gives a hierarchy (as in `jigsaw audit-table --hierarchy`), the published rows (codes, then a
whole number or "[c]"), and for every suppressed cell its interval [min, max] (max null when unbounded),
with the bounds rounded inward as TableAudit does. The attacker model is the default one: numbers exact,
"[c]" any count of 0 or more, additivity along every dimension, counts >= 0. This script shares no code
with Jigsaw: it builds the equations from the hierarchy itself.
"""
import itertools
import json
import math
import random

import numpy as np
from scipy.optimize import linprog


def tree_nodes(tree):
    """Pre-order (code, children codes) of {"root": subtree}."""
    out = []

    def walk(code, sub):
        children = list(sub.keys()) if isinstance(sub, dict) else list(sub)
        out.append((code, children))
        if isinstance(sub, dict):
            for child, grand in sub.items():
                walk(child, grand)
        else:
            for leaf in sub:
                out.append((leaf, []))

    (root, sub), = tree.items()
    walk(root, sub)
    return out


def make_case(rng, index):
    dims = {}
    shapes = rng.choice(["2d", "2d-hier", "3d"])
    if shapes == "2d":
        dims["row"] = {"RT": [f"R{i}" for i in range(1, rng.randint(3, 5))]}
        dims["col"] = {"CT": [f"C{i}" for i in range(1, rng.randint(3, 5))]}
    elif shapes == "2d-hier":
        dims["la"] = {"E": {"N": ["L1", "L2", "L3"], "S": ["L4", "L5"]}}
        dims["grp"] = {"T": ["G1", "G2", "G3"]}
    else:
        dims["la"] = {"E": {"N": ["L1", "L2"], "S": ["L3", "L4"]}}
        dims["grp"] = {"T": ["G1", "G2"]}
        dims["sex"] = {"A": ["F", "M"]}
    nodes = {d: tree_nodes(t) for d, t in dims.items()}
    names = list(dims)
    children = {d: dict(nodes[d]) for d in names}
    leaves = {d: [c for c, ch in nodes[d] if not ch] for d in names}

    def leaf_set(d, code):
        ch = children[d][code]
        return [code] if not ch else [x for c in ch for x in leaf_set(d, c)]

    leaf_value = {combo: rng.choice([0, 1, 2, 3, 5, 8, 13, 21, 40]) for combo in itertools.product(*(leaves[d] for d in names))}
    cells = list(itertools.product(*([c for c, _ in nodes[d]] for d in names)))
    value = {}
    for cell in cells:
        value[cell] = sum(leaf_value[combo] for combo in itertools.product(*(leaf_set(d, c) for d, c in zip(names, cell))))
    rate = rng.choice([0.3, 0.5, 0.7])
    suppressed = {cell for cell in cells if rng.random() < rate}
    # Equations: total = sum of children, along every dimension.
    idx = {cell: i for i, cell in enumerate(cells)}
    rows = []
    for cell in cells:
        for k, d in enumerate(names):
            ch = children[d][cell[k]]
            if ch:
                row = np.zeros(len(cells))
                row[idx[cell]] = 1
                for c in ch:
                    row[idx[cell[:k] + (c,) + cell[k + 1:]]] -= 1
                rows.append(row)
    a_eq = np.array(rows)
    b_eq = np.zeros(len(rows))
    bounds = [(0, None) if cell in suppressed else (value[cell], value[cell]) for cell in cells]
    intervals = {}
    for cell in sorted(suppressed, key=lambda c: idx[c]):
        c = np.zeros(len(cells))
        c[idx[cell]] = 1
        lo = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        hi = linprog(-c, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        assert lo.status == 0, lo.message
        minimum = math.ceil(lo.fun - 1e-6)
        maximum = None if hi.status == 3 else math.floor(-hi.fun + 1e-6)
        assert hi.status in (0, 3), hi.message
        intervals[",".join(cell)] = [minimum, maximum]
    published = [list(cell) + ["[c]" if cell in suppressed else str(value[cell])] for cell in cells]
    return {"name": f"case-{index}-{shapes}", "hierarchy": dims, "dimensions": names, "rows": published,
            "intervals": intervals}


def main():
    rng = random.Random(20261125)
    cases = [make_case(rng, i) for i in range(40)]
    print(json.dumps({"generator": "make_fixtures.py, SciPy linprog (HiGHS)", "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
