#!/usr/bin/env python3
"""The report's figures with the Python standard library only (csv, no pandas or matplotlib): precision,
recall and F1 overall and by stage, and the fuzzy links' similarity histogram, counted by the same rules
as jigsaw (a pair listed twice counts once; a stage's recall is over all true pairs; bins 0.01 wide from a
multiple of 0.05 at or below the threshold and the least score, up to 1).

    python3 peer_report.py LINKS.csv TRUTH.csv THRESHOLD

Prints the overall and stage rows as the report's HTML table rows, and the histogram's total and counts.
"""
import csv
import math
import sys

links_path, truth_path, threshold = sys.argv[1], sys.argv[2], float(sys.argv[3])
with open(truth_path, newline="") as f:
    reader = csv.reader(f)
    next(reader)
    truth = {(row[0].strip(), row[1].strip()) for row in reader if row[0].strip() and row[1].strip()}
listed, found, stages, order, scores = set(), set(), {}, [], []
with open(links_path, newline="") as f:
    reader = csv.DictReader(f)
    for row in reader:
        pair = (row["left_id"].strip(), row["right_id"].strip())
        stage = row["stage"].strip()
        if stage == "fuzzy":
            scores.append(float(row["similarity"]))
        if pair in listed:
            continue
        listed.add(pair)
        if stage not in stages:
            stages[stage] = [0, 0]
            order.append(stage)
        if pair in truth:
            found.add(pair)
            stages[stage][0] += 1
        else:
            stages[stage][1] += 1


def ratio(a, b):
    return "–" if b == 0 else f"{a / b:.4f}"


def n(value):
    return f"{value:,}"


tp, fp, fn = len(found), len(listed) - len(found), len(truth) - len(found)
cells = [n(tp + fp), n(len(truth)), n(tp), n(fp), n(fn), ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn)]
print("<tr>" + "".join(f'<td class="num">{c}</td>' for c in cells) + "</tr>")
cumulative = 0
for stage in order:
    s_tp, s_fp = stages[stage]
    cumulative += s_tp
    s_fn = len(truth) - s_tp
    cells = [n(s_tp + s_fp), n(s_tp), n(s_fp), ratio(s_tp, s_tp + s_fp), ratio(s_tp, len(truth)), ratio(cumulative, len(truth)),
             ratio(2 * s_tp, 2 * s_tp + s_fp + s_fn)]
    print(f'<tr><th scope="row">{stage}</th>' + "".join(f'<td class="num">{c}</td>' for c in cells) + "</tr>")
least = min([s for s in scores if math.isfinite(s)] + [threshold, 0.95])
lower = max(0.0, math.floor(least * 20 + 1e-9) / 20)
bins = max(1, round((1 - lower) * 100))
counts = [0] * bins
for s in scores:
    q = (s - lower) / (1 - lower) * bins
    k = round(q) if abs(q - round(q)) < 1e-9 else math.floor(q)
    counts[min(max(k, 0), bins - 1)] += 1
print(f"histogram {len(scores)} {' '.join(map(str, counts))}")
