#!/usr/bin/env python3
"""Collect one run of measure.sh (a data set and an encoding variant) into a result JSON.

    python3 collect.py RUN_DIR DATASET VARIANT   ->   RUN_DIR/result.json (also printed)

RUN_DIR holds link-0.50.txt (jigsaw link's stderr at threshold 0.5 with --histogram), sweep.json
(sweep.py on link-0.50.csv), eval-suggested.csv and eval-T.csv for the coarse reruns (jigsaw evaluate
--format csv). The "suggested" threshold is parsed from "suggested threshold: X"; when link suggests none,
0.8 is used and "suggested" is null.
"""
import csv
import glob
import json
import os
import re
import sys


def overall(path):
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["section"] == "overall":
                num = lambda k: float(row[k]) if row[k] not in ("", "–") else 0.0
                return {"precision": num("precision"), "recall": num("recall"), "f1": num("f1"),
                        "links": int(row["links"]), "true_pairs": int(row["true_pairs"])}
    raise SystemExit(f"{path}: no overall row")


def suggested(stderr_path):
    with open(stderr_path, encoding="utf-8") as f:
        m = re.search(r"suggested threshold: ([0-9.]+)", f.read())
    return float(m.group(1)) if m else None


def main():
    run, dataset, variant = sys.argv[1:4]
    with open(os.path.join(run, "sweep.json")) as f:
        sweep = json.load(f)
    grid = {row[0]: row for row in sweep["grid"]}
    coarse, mismatches = [], []
    for path in sorted(glob.glob(os.path.join(run, "eval-0.*.csv"))):
        t = float(os.path.basename(path)[5:-4])
        e = overall(path)
        coarse.append([t, e["precision"], e["recall"], e["f1"], e["links"]])
        g = grid.get(round(t, 2))
        if g is not None and (abs(g[3] - e["f1"]) > 1e-6 or g[4] != e["links"]):
            mismatches.append({"threshold": t, "rerun": [e["f1"], e["links"]], "filtered": [g[3], g[4]]})
    s = suggested(os.path.join(run, "link-0.50.txt"))
    at = overall(os.path.join(run, "eval-suggested.csv"))
    best_coarse = max(coarse, key=lambda r: (r[3], -r[0])) if coarse else None
    result = {
        "dataset": dataset, "variant": variant,
        "suggested": s, "threshold_used": s if s is not None else 0.8,
        "at_suggested": at,
        "best": sweep["best"],            # [t, precision, recall, f1, links] over 0.50..0.99, filtered
        "best_rerun": best_coarse,        # the best of the real reruns at 0.60..0.95 and the suggested threshold
        "coarse": coarse,
        "filter_vs_rerun_mismatches": mismatches,
        "grid": sweep["grid"],
    }
    if at["f1"] > (best_coarse[3] if best_coarse else -1):
        result["best_rerun"] = [result["threshold_used"], at["precision"], at["recall"], at["f1"], at["links"]]
    with open(os.path.join(run, "result.json"), "w") as f:
        json.dump(result, f, indent=1)
    print(f"  {dataset:5} {variant:22} suggested {s if s is not None else 'none (0.8 used)'}: "
          f"F1 {at['f1']:.4f} (P {at['precision']:.4f}, R {at['recall']:.4f}); "
          f"best F1 {sweep['best'][3]:.4f} at {sweep['best'][0]:.2f}"
          + (f"; {len(mismatches)} filter/rerun MISMATCHES" if mismatches else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
