#!/usr/bin/env bash
# The suggested threshold on synthetic extracts it was not tuned on: `jigsaw synth` with other seeds,
# overlaps and error rates, encoded with the default profile (`jigsaw schema init`) and the example key,
# linked on CLKs only (no tokens, no blocking) down to 0.5 with --histogram. Prints, per extract, the
# suggestion and its basis, F1 at the suggestion (from `jigsaw evaluate` on a run at that threshold) and
# the best F1 over 0.50..0.99 (sweep.py on the run at 0.5).
#
#   bash Tests/Benchmarks/quality/holdout.sh PATH/TO/jigsaw
set -euo pipefail
# Runs are recorded in one audit log under bench-output, never in the repository folder.
export JIGSAW_AUDIT_LOG="${JIGSAW_AUDIT_LOG:-$(cd "$(dirname "$0")/../../.." && pwd)/bench-output/jigsaw-audit.jsonl}"
mkdir -p "$(dirname "$JIGSAW_AUDIT_LOG")"
jigsaw="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/bench-output/quality-holdout"
key="$root/keys-example/example.key"
mkdir -p "$out"
"$jigsaw" schema init > "$out/health.json"
sed -e 's/{"identifier": "date_of_birth", "column": "date_of_birth",/{"identifier": "date_of_birth", "column": "dob",/' \
    -e 's/"codebook": "nhs-stated-gender"/"codebook": "school-census"/' "$out/health.json" > "$out/council.json"
printf '| extract | `jigsaw synth` options | suggested | basis | F1 at suggested | best F1 (threshold) |\n|---|---|---:|---|---:|---:|\n'
run() { # NAME SYNTH-OPTIONS...
  local name=$1 dir="$out/$1"; shift
  "$jigsaw" synth --records 5000 -o "$dir" --force --quiet "$@"
  "$jigsaw" encode "$dir/council.csv" -o "$dir/left.csv" --schema "$out/council.json" --key "$key" --allow-example-key \
      --keep child_id --quiet --force 2> /dev/null
  "$jigsaw" encode "$dir/health.csv" -o "$dir/right.csv" --schema "$out/health.json" --key "$key" --allow-example-key \
      --keep health_record_id --quiet --force 2> /dev/null
  "$jigsaw" link --left "$dir/left.csv" --right "$dir/right.csv" -o "$dir/link-0.50.csv" --left-id child_id \
      --right-id health_record_id --threshold 0.5 --histogram "$dir/histogram.svg" --force 2> "$dir/link-0.50.txt"
  local line suggested basis
  line=$(grep 'suggested threshold:' "$dir/link-0.50.txt" || true)
  suggested=$(sed -n 's/.*suggested threshold: \([0-9.]*\).*/\1/p' <<< "$line")
  case "$line" in *valley*) basis=valley ;; *non-match*) basis="second-best 90th percentile" ;; *) basis=none ;; esac
  "$jigsaw" link --left "$dir/left.csv" --right "$dir/right.csv" -o "$dir/link-suggested.csv" --left-id child_id \
      --right-id health_record_id --threshold "${suggested:-0.8}" --force --quiet
  local f1 best
  f1=$("$jigsaw" evaluate --links "$dir/link-suggested.csv" --truth "$dir/truth.csv" --format csv --quiet | awk -F, '$1=="overall"{printf "%.2f", 100*$11}')
  best=$(python3 "$here/sweep.py" "$dir/link-0.50.csv" "$dir/truth.csv" "$dir/left.csv" child_id "$dir/right.csv" health_record_id \
      | python3 -c 'import json,sys; b=json.load(sys.stdin)["best"]; print(f"{100*b[3]:.2f} ({b[0]:.2f})")')
  printf '| %s | `%s` | %s | %s | %s | %s |\n' "$name" "$*" "${suggested:-none (0.8 used)}" "$basis" "$f1" "$best"
}
run seed-7 --seed 7
run overlap-95 --seed 8 --overlap 0.95
run overlap-30 --seed 9 --overlap 0.3
run heavy-errors --seed 10 --typo-rate 0.1 --move-rate 0.2 --missing-rate 0.05 --swap-rate 0.03
run few-councils --seed 11 --councils 1 --overlap 0.7
