#!/usr/bin/env python3
"""Share of true pairs (same record_id on both sides) that share at least one blocking key.

    python3 blocking_survival.py LEFT-ENCODED.csv RIGHT-ENCODED.csv   ->   "<surviving> <true pairs>"
"""
import csv
import sys


def keys(path):
    with open(path, newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        blocks = [i for i, name in enumerate(header) if name.startswith("block_")]
        return {row[0]: [row[i] for i in blocks] for row in rows}


left, right = keys(sys.argv[1]), keys(sys.argv[2])
surviving = sum(1 for rid, ks in left.items() if rid in right and any(a and a == b for a, b in zip(ks, right[rid])))
print(surviving, sum(1 for rid in left if rid in right))
