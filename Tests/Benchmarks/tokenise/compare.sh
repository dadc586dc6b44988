#!/usr/bin/env bash
# Benchmark: tokenise a generated 1,000,000-row extract with jigsaw and with a plain Python csv + hmac
# script doing the same job, in the same run; check both outputs are byte-identical; print rows/second,
# the ratio and jigsaw's peak memory (also on a 4,000,000-row file, to show memory does not grow).
#
#   bash Tests/Benchmarks/tokenise/compare.sh PATH/TO/jigsaw [ROWS]
set -euo pipefail
# Runs are recorded in one audit log under bench-output, never in the repository folder.
export JIGSAW_AUDIT_LOG="${JIGSAW_AUDIT_LOG:-$(cd "$(dirname "$0")/../../.." && pwd)/bench-output/jigsaw-audit.jsonl}"
mkdir -p "$(dirname "$JIGSAW_AUDIT_LOG")"
jigsaw="$1"
rows="${2:-1000000}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/bench-output/tokenise"
mkdir -p "$out"
key="$root/keys-example/example.key"
extract="$out/extract-$rows.csv"
[ -s "$extract" ] || python3 "$here/generate_extract.py" "$rows" "$extract" --seed 2026

measure() { python3 "$here/measure.py" -- "$@"; }
best() { sort -n | head -1; }

echo "== tokenise: $rows rows, NHS number + UPN + 3 other columns ($(du -h "$extract" | cut -f1)), $(nproc) cores"
jig_runs=()
for i in 1 2 3; do
  rm -f "$out/jigsaw.csv"
  jig_runs+=("$(measure "$jigsaw" tokenise "$extract" -o "$out/jigsaw.csv" --key "$key" --allow-example-key \
      --column nhs_number=nhs-number --column upn=upn --quiet)")
done
jig_best=$(printf '%s\n' "${jig_runs[@]}" | best)
jig_secs=${jig_best% *}
jig_mem=$(printf '%s\n' "${jig_runs[@]}" | awk '{print $2}' | sort -n | tail -1)

rm -f "$out/python.csv"
py_run=$(measure python3 "$here/python_tokenise.py" "$extract" "$out/python.csv" "$key")
py_secs=${py_run% *}

if cmp -s "$out/jigsaw.csv" "$out/python.csv"; then same="byte-identical"; else same="DIFFERENT"; fi

big="$out/extract-4x$rows.csv"
if [ ! -s "$big" ]; then
  { cat "$extract"; for _ in 2 3 4; do tail -n +2 "$extract"; done; } > "$big"
fi
rm -f "$out/jigsaw-big.csv"
big_run=$(measure "$jigsaw" tokenise "$big" -o "$out/jigsaw-big.csv" --key "$key" --allow-example-key \
    --column nhs_number=nhs-number --column upn=upn --quiet)
rm -f "$out/jigsaw-big.csv"

python3 - "$rows" "$jig_secs" "$py_secs" "$jig_mem" "${big_run#* }" "$same" <<'PY'
import sys
rows, jig, py, mem, bigmem, same = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
print(f"jigsaw tokenise : {rows / jig:>12,.0f} rows/s  ({jig:.2f} s, best of 3)")
print(f"python csv+hmac : {rows / py:>12,.0f} rows/s  ({py:.2f} s)")
print(f"ratio           : {py / jig:.1f}x  (target >= 15x)")
print(f"peak memory     : {mem} MiB on {rows:,} rows, {bigmem} MiB on {4 * rows:,} rows  (target < 64 MiB)")
print(f"outputs         : {same}")
PY
[ "$same" = "byte-identical" ]
