#!/usr/bin/env python3
"""The choice rule of measure.sh: a hardened setting is acceptable when, on every data set, its best F1
(over thresholds 0.50..0.99) is at most 0.5 F1 points (0.005) below that of the unhardened default
profile.

    python3 choose.py qualify RUNS_DIR PART...      prints the PARTs that pass on their own
    python3 choose.py passes RUNS_DIR VARIANT       exit status 0 when VARIANT passes
    python3 choose.py subsets SIZE PART...          prints every combination of SIZE parts, as a+b+c
"""
import itertools
import json
import os
import sys

DATASETS = ("synth", "febrl")
TOLERANCE = 0.005


def best_f1(runs, dataset, variant):
    with open(os.path.join(runs, f"{dataset}-{variant}", "result.json")) as f:
        return json.load(f)["best"][3]


def passes(runs, variant):
    return all(best_f1(runs, d, variant) >= best_f1(runs, d, "default") - TOLERANCE - 1e-12 for d in DATASETS)


def main():
    mode = sys.argv[1]
    if mode == "qualify":
        runs, parts = sys.argv[2], sys.argv[3:]
        print(" ".join(p for p in parts if passes(runs, p)))
    elif mode == "passes":
        sys.exit(0 if passes(sys.argv[2], sys.argv[3]) else 1)
    elif mode == "subsets":
        size, parts = int(sys.argv[2]), sys.argv[3:]
        for combo in itertools.combinations(parts, size):
            print("+".join(combo))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
