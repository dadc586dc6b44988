#!/usr/bin/env python3
"""Writes a synthetic links CSV as `jigsaw link --carry-left … --carry-right …` writes it: left_id, right_id,
stage, similarity, council, region, send, child_in_need, looked_after, free_school_meals, camhs,
community_services, ae_attendance. 150 councils in 9 regions; about 0.1% of rows repeat an earlier left_id.

    python3 make_links.py ROWS OUT.csv [--seed N]
"""
import argparse
import random

parser = argparse.ArgumentParser()
parser.add_argument("rows", type=int)
parser.add_argument("out")
parser.add_argument("--seed", type=int, default=2026)
args = parser.parse_args()
rng = random.Random(args.seed)
regions = ["E12000001", "E12000002", "E12000003", "E12000004", "E12000005", "E12000006", "E12000007", "E12000008", "E12000009"]
councils = [(f"E{6 + i % 3:02d}{i:06d}", regions[i % 9]) for i in range(150)]
with open(args.out, "w") as f:
    f.write("left_id,right_id,stage,similarity,council,region,send,child_in_need,looked_after,free_school_meals,"
            "camhs,community_services,ae_attendance\n")
    rows = []
    r = rng.random
    for i in range(args.rows):
        left = f"C{rng.randrange(i)}" if i > 10 and r() < 0.001 else f"C{i}"
        council, region = councils[rng.randrange(150)]
        send = "" if r() < 0.8 else ("K" if r() < 0.8 else "E")
        stage, similarity = ("exact:nhs_number", "") if r() < 0.75 else ("fuzzy", f"{0.8 + 0.2 * r():.4f}")
        flags = ",".join("1" if r() < p else "0" for p in (0.05, 0.01, 0.2, 0.08, 0.2, 0.3))
        rows.append(f"{left},H{i},{stage},{similarity},{council},{region},{send},{flags}\n")
        if len(rows) == 10000:
            f.writelines(rows)
            rows.clear()
    f.writelines(rows)
