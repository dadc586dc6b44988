#!/usr/bin/env python3
"""Times anonlink 0.15.3's dice_coefficient_accelerated on the CLKs of two jigsaw-encoded CSV files.

    python anonlink_dice.py LEFT.csv RIGHT.csv THRESHOLD   ->   "<seconds> <candidate pairs>"

The CLK column is read by name ("clk"); filters are compared all against all, single-threaded (anonlink's
accelerated Dice does not use threads).
"""
import base64
import csv
import sys
import time

from bitarray import bitarray
from anonlink.similarities import dice_coefficient_accelerated


def filters(path):
    with open(path, newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        column = header.index("clk")
        out = []
        for row in rows:
            b = bitarray()
            b.frombytes(base64.b64decode(row[column]))
            out.append(b)
        return out


left, right = filters(sys.argv[1]), filters(sys.argv[2])
start = time.perf_counter()
sims, _ = dice_coefficient_accelerated((left, right), float(sys.argv[3]))
print(f"{time.perf_counter() - start:.3f} {len(sims)}")
