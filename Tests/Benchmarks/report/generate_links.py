#!/usr/bin/env python3
"""Writes a links file (as jigsaw link writes it) and a truth file for the report benchmark.

    python3 generate_links.py LINKS N OUT_LINKS.csv OUT_TRUTH.csv [--seed S]

About 60% of links are exact:nhs_number joins (similarity 1.0), the rest fuzzy with a Dice score between
0.75 and 1; about 2% of fuzzy links are wrong. The truth holds every right link and 5% more true pairs
that no link names. A carried `send` column (blank, E or K) lets the report group by it.
"""
import argparse
import random

parser = argparse.ArgumentParser()
parser.add_argument("count", type=int)
parser.add_argument("links")
parser.add_argument("truth")
parser.add_argument("--seed", type=int, default=2026)
args = parser.parse_args()
rng = random.Random(args.seed)
with open(args.links, "w", newline="") as links, open(args.truth, "w", newline="") as truth:
    links.write("left_id,right_id,stage,similarity,send\n")
    truth.write("child_id,health_record_id\n")
    for i in range(args.count):
        left, right = f"C{i:08d}", f"H{i:08d}"
        send = rng.choice(("", "", "", "E", "K"))
        if rng.random() < 0.6:
            links.write(f"{left},{right},exact:nhs_number,1.0,{send}\n")
            truth.write(f"{left},{right}\n")
            continue
        score = min(1.0, 0.75 + rng.betavariate(5, 1.5) * 0.25)
        if rng.random() < 0.02:
            links.write(f"{left},H{(i + 7) % args.count:08d}-x,fuzzy,{score!r},{send}\n")
        else:
            links.write(f"{left},{right},fuzzy,{score!r},{send}\n")
        truth.write(f"{left},{right}\n")
    for i in range(args.count // 20):
        truth.write(f"U{i:08d},V{i:08d}\n")
