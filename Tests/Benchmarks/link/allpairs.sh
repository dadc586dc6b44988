#!/usr/bin/env bash
# All pairs with the default profile: 100,000 x 100,000 records encoded with `jigsaw schema init` (balanced
# 2,048-bit CLKs with BLIP, so every CLK has the same popcount and the popcount bound prunes nothing), linked
# with no blocking at 0.8. Same generated records as scale.sh (the right side the same people recorded
# differently, so the truth is "same record_id").
#
#   bash Tests/Benchmarks/link/allpairs.sh PATH/TO/jigsaw [RECORDS]
set -euo pipefail
# Runs are recorded in one audit log under bench-output, never in the repository folder.
export JIGSAW_AUDIT_LOG="${JIGSAW_AUDIT_LOG:-$(cd "$(dirname "$0")/../../.." && pwd)/bench-output/jigsaw-audit.jsonl}"
mkdir -p "$(dirname "$JIGSAW_AUDIT_LOG")"
jigsaw="$1"
n="${2:-100000}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/bench-output/link-allpairs"
mkdir -p "$out"
key="$root/keys-example/example.key"
[ -s "$out/left-$n.csv" ] || python3 "$here/../encode/generate_records.py" "$n" "$out/left-$n.csv" --seed 31
[ -s "$out/right-$n.csv" ] || python3 "$here/corrupt_records.py" "$out/left-$n.csv" "$out/right-$n.csv" --seed 32
"$jigsaw" schema init | sed -e 's/"column": "forename"/"column": "given_name"/g' -e 's/"column": "surname"/"column": "family_name"/g' \
  -e 's/"column": "date_of_birth"/"column": "dob"/' -e 's/nhs-stated-gender/school-census/' > "$out/profile.json"
measure() { python3 "$here/../tokenise/measure.py" -- "$@"; }
for side in left right; do
  "$jigsaw" encode "$out/$side-$n.csv" -o "$out/$side-enc.csv" --schema "$out/profile.json" --key "$key" \
    --allow-example-key --keep record_id --quiet --force 2> /dev/null
done
link=$(measure "$jigsaw" link --left "$out/left-enc.csv" --right "$out/right-enc.csv" -o "$out/links.csv" --threshold 0.8 --force --quiet)
linked=$(python3 -c "import csv,sys; r=csv.reader(open(sys.argv[1])); next(r); rows=list(r); print(sum(1 for x in rows if x[0]==x[1]), len(rows))" "$out/links.csv")
python3 - "$n" "$link" "$linked" <<'PY'
import sys
n = int(sys.argv[1]); seconds, peak = sys.argv[2].split()[:2]; correct, links = map(int, sys.argv[3].split())
rate = n * n / float(seconds) / 1e6
print(f"== {n:,} x {n:,} records, default profile (2,048-bit balanced CLKs), all pairs, threshold 0.8")
print(f"link (read, compare, solve, write): {float(seconds):.1f} s ({rate:,.0f} M comparisons/s), peak memory {peak} MiB (target < 30 s)")
print(f"links: {links:,}, of which true: {correct:,} (precision {correct / max(1, links):.4f}, recall {correct / n:.4f})")
PY
