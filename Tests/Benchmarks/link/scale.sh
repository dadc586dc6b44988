#!/usr/bin/env bash
# Benchmark at national scale: 1,000,000 x 1,000,000 records, end to end (read, block, compare, solve,
# write) with keyed blocking keys, and the share of true pairs that survive blocking.
#   The left side is generate_records.py output; the right side is the same people recorded differently
#   (corrupt_records.py), so the truth is "same record_id". Both are encoded with the default profile
#   (its three blocking keys) and the example key, then linked with --block on all three keys.
#
#   bash Tests/Benchmarks/link/scale.sh PATH/TO/jigsaw [RECORDS]
set -euo pipefail
# Runs are recorded in one audit log under bench-output, never in the repository folder.
export JIGSAW_AUDIT_LOG="${JIGSAW_AUDIT_LOG:-$(cd "$(dirname "$0")/../../.." && pwd)/bench-output/jigsaw-audit.jsonl}"
mkdir -p "$(dirname "$JIGSAW_AUDIT_LOG")"
jigsaw="$1"
n="${2:-1000000}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/bench-output/link-scale"
mkdir -p "$out"
key="$root/keys-example/example.key"
[ -s "$out/left-$n.csv" ] || python3 "$here/../encode/generate_records.py" "$n" "$out/left-$n.csv" --seed 31
[ -s "$out/right-$n.csv" ] || python3 "$here/corrupt_records.py" "$out/left-$n.csv" "$out/right-$n.csv" --seed 32
"$jigsaw" schema init | sed -e 's/"column": "forename"/"column": "given_name"/g' -e 's/"column": "surname"/"column": "family_name"/g' \
  -e 's/"column": "date_of_birth"/"column": "dob"/' -e 's/nhs-stated-gender/school-census/' > "$out/profile.json"
measure() { python3 "$here/../tokenise/measure.py" -- "$@"; }
enc_left=$(measure "$jigsaw" encode "$out/left-$n.csv" -o "$out/left-enc.csv" --schema "$out/profile.json" --key "$key" \
  --allow-example-key --keep record_id --quiet --force)
enc_right=$(measure "$jigsaw" encode "$out/right-$n.csv" -o "$out/right-enc.csv" --schema "$out/profile.json" --key "$key" \
  --allow-example-key --keep record_id --quiet --force)
link=$(measure "$jigsaw" link --left "$out/left-enc.csv" --right "$out/right-enc.csv" -o "$out/links.csv" --threshold 0.8 \
  --block block_yob_surname_initial --block block_yob_forename_initial --block block_postcode_district_initial --force --quiet)
read -r surviving pairs < <(python3 "$here/blocking_survival.py" "$out/left-enc.csv" "$out/right-enc.csv")
linked=$(python3 -c "import csv,sys; r=csv.reader(open(sys.argv[1])); next(r); rows=list(r); print(sum(1 for x in rows if x[0]==x[1]), len(rows))" "$out/links.csv")
python3 - "$n" "$enc_left" "$enc_right" "$link" "$surviving" "$pairs" "$linked" <<'PY'
import sys
n = int(sys.argv[1]); el, er, lk = (sys.argv[i].split() for i in (2, 3, 4))
surviving, pairs = int(sys.argv[5]), int(sys.argv[6]); correct, links = map(int, sys.argv[7].split())
print(f"== {n:,} x {n:,} records, default profile, three keyed blocking keys, threshold 0.8")
print(f"encode left / right     : {float(el[0]):.1f} s / {float(er[0]):.1f} s (peak {el[1]} / {er[1]} MiB)")
print(f"link (read, block, compare, solve, write): {float(lk[0]):.1f} s, peak memory {lk[1]} MiB (target < 600 s)")
print(f"true pairs surviving blocking: {surviving:,} of {pairs:,} = {100 * surviving / pairs:.2f}% (target >= 99%)")
print(f"links: {links:,}, of which true: {correct:,} (precision {correct / max(1, links):.4f}, recall {correct / pairs:.4f})")
PY
