#!/usr/bin/env bash
# Suppression and audit benchmark. A synthetic council × group × sex table (make_table.py): `jigsaw suppress`
# under each UK preset on the full 4,320-cell table (time, suppressions), then the audit of a smaller table
# (45 councils, 1,485 cells) by `jigsaw audit-table` against the same audit written directly with SciPy's
# linprog (HiGHS) (peer_audit.py), checking that every suppressed cell's interval agrees; and the suppressed value
# against the brute-force optimum on small tables (optimum.py).
#
#   bash Tests/Benchmarks/suppress/compare.sh PATH/TO/jigsaw
set -euo pipefail
# Runs are recorded in one audit log under bench-output, never in the repository folder.
export JIGSAW_AUDIT_LOG="${JIGSAW_AUDIT_LOG:-$(cd "$(dirname "$0")/../../.." && pwd)/bench-output/jigsaw-audit.jsonl}"
mkdir -p "$(dirname "$JIGSAW_AUDIT_LOG")"
jigsaw="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/bench-output/suppress"
mkdir -p "$out"
measure() { python3 "$here/../tokenise/measure.py" -- "$@"; }
python3 "$here/make_table.py" "$out/full"
python3 "$here/make_table.py" "$out/small" --councils 45 --seed 6
echo "== jigsaw suppress, 4,320 cells (150 councils in 9 regions × 8 groups × 2 sexes, with totals)"
for preset in nhs dfe-cin ons-10-5; do
  m=$(measure "$jigsaw" suppress "$out/full/leaves.csv" --hierarchy "$out/full/hierarchy.json" -o "$out/full/published-$preset.csv" \
      --report "$out/full/report-$preset.json" --preset "$preset" --force --quiet)
  # Read as the report says: under a rule without secondary suppression, a departure lets the symbol stand for any count.
  rule=$(python3 -c 'import json,sys; print("any" if json.load(open(sys.argv[1]))["departures"] else "")' "$out/full/report-$preset.json")
  "$jigsaw" audit-table "$out/full/published-$preset.csv" --hierarchy "$out/full/hierarchy.json" --preset "$preset" ${rule:+--rule "$rule"} --quiet > /dev/null
  python3 - "$preset" "$m" "$out/full/report-$preset.json" <<'PY'
import json, sys
preset, (seconds, peak) = sys.argv[1], sys.argv[2].split()[:2]
c = json.load(open(sys.argv[3]))["counts"]
print(f"{preset:9s}: {float(seconds):5.1f} s, peak {peak} MiB; primary {c['primary']} (value {c['primaryValue']}), "
      f"secondary {c['secondary']} (value {c['secondaryValue']}); output passes audit-table --preset {preset}")
PY
done
echo "== audit of a 1,485-cell table (45 councils) published under ons-10-5: jigsaw audit-table vs SciPy linprog (HiGHS)"
"$jigsaw" suppress "$out/small/leaves.csv" --hierarchy "$out/small/hierarchy.json" -o "$out/small/published.csv" \
    --report "$out/small/report.json" --preset ons-10-5 --force --quiet
j=$(measure "$jigsaw" audit-table "$out/small/published.csv" --hierarchy "$out/small/hierarchy.json" --preset ons-10-5 --all --format csv --quiet)
"$jigsaw" audit-table "$out/small/published.csv" --hierarchy "$out/small/hierarchy.json" --preset ons-10-5 --all --format csv --quiet > "$out/small/jigsaw-intervals.csv"
python3 "$here/peer_audit.py" "$out/small/published.csv" "$out/small/hierarchy.json" --symbol '[c]' --round 5 --rounded-min 10 > "$out/small/peer.json"
python3 - "$j" "$out/small/jigsaw-intervals.csv" "$out/small/peer.json" <<'PY'
import csv, json, sys
seconds = float(sys.argv[1].split()[0])
ours = {}
with open(sys.argv[2]) as f:
    r = csv.reader(f); header = next(r); n = header.index("minimum")
    for row in r:
        ours[",".join(row[:n])] = [int(row[n]), int(row[n + 1]) if row[n + 1] else None]
peer = json.load(open(sys.argv[3]))
same = ours == peer["intervals"]
print(f"suppressed cells: {len(ours)}; intervals identical: {same}")
print(f"jigsaw audit-table: {seconds:.2f} s (whole run, 2 cores); SciPy linprog (HiGHS): {peer['seconds']:.2f} s (LP solves only); "
      f"ratio {peer['seconds'] / seconds:.1f}x")
sys.exit(0 if same else 1)
PY
echo "== suppressed value against the brute-force optimum, 20 small tables (4 x 3 with margins, threshold 1-4)"
python3 "$here/optimum.py" "$jigsaw" 20
