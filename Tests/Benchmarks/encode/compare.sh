#!/usr/bin/env bash
# Benchmark: encode generated synthetic person records as CLKs with jigsaw and with clkhash 0.18.3
# (1 and 2 worker processes), in the same run, on the same records, schema and secret; check that
# the CLKs are byte-identical; print records/second, the ratio against clkhash's better figure and
# jigsaw's peak memory.
#
#   bash Tests/Benchmarks/encode/compare.sh PATH/TO/jigsaw [RECORDS]
#
# clkhash is installed (once) into bench-output/clkhash-venv with pip. Times are wall-clock for the
# whole process (start-up, reading the CSV, writing the JSON) for both tools.
set -euo pipefail
# Runs are recorded in one audit log under bench-output, never in the repository folder.
export JIGSAW_AUDIT_LOG="${JIGSAW_AUDIT_LOG:-$(cd "$(dirname "$0")/../../.." && pwd)/bench-output/jigsaw-audit.jsonl}"
mkdir -p "$(dirname "$JIGSAW_AUDIT_LOG")"
jigsaw="$1"
records="${2:-100000}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/bench-output/encode"
venv="$root/bench-output/clkhash-venv"
mkdir -p "$out"
schema="$here/schema.json"

if ! "$venv/bin/python" -c 'import sys, clkhash; sys.exit(clkhash.__version__ != "0.18.3")' 2>/dev/null; then
  echo "== creating $venv with clkhash 0.18.3"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check clkhash==0.18.3
fi

csv="$out/records-$records.csv"
[ -s "$csv" ] || python3 "$here/generate_records.py" "$records" "$csv" --seed 2026

secret="$out/clkhash-secret.txt"
rm -f "$secret"
(umask 077; printf '%s\n' 'jigsaw encode benchmark secret, not for real data' > "$secret")
chmod 600 "$secret"

measure() { python3 "$here/../tokenise/measure.py" -- "$@"; }
best() { sort -n | head -1; }

echo "== encode: $records records, 5 features, l=1024 ($(du -h "$csv" | cut -f1)), $(nproc) cores"
jig_runs=()
for i in 1 2 3; do
  rm -f "$out/jigsaw.json"
  jig_runs+=("$(measure "$jigsaw" encode "$csv" -o "$out/jigsaw.json" --schema "$schema" \
      --clkhash-secret-file "$secret" --format anonlink --quiet --force)")
done
jig_best=$(printf '%s\n' "${jig_runs[@]}" | best)
jig_secs=${jig_best% *}
jig_mem=$(printf '%s\n' "${jig_runs[@]}" | awk '{print $2}' | sort -n | tail -1)

clk_secs=()
for workers in 1 2; do
  rm -f "$out/clkhash-$workers.json"
  run=$(measure "$venv/bin/python" "$here/clkhash_encode.py" "$csv" "$schema" "$secret" \
      "$out/clkhash-$workers.json" "$workers")
  clk_secs+=("${run% *}")
done

same=$(python3 - "$out/jigsaw.json" "$out/clkhash-1.json" "$out/clkhash-2.json" <<'PY'
import json, sys
jig = json.load(open(sys.argv[1]))["clks"]
for path in sys.argv[2:]:
    ref = json.load(open(path))["clks"]
    if jig != ref:
        first = next((i for i, (a, b) in enumerate(zip(jig, ref)) if a != b), min(len(jig), len(ref)))
        print(f"DIFFERENT (vs {path.rsplit('/', 1)[-1]}: {len(jig)} vs {len(ref)} CLKs, first difference at record index {first})")
        break
else:
    print("byte-identical")
PY
)

python3 - "$records" "$jig_secs" "${clk_secs[0]}" "${clk_secs[1]}" "$jig_mem" "$same" <<'PY'
import sys
n, jig, c1, c2, mem, same = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6]
print(f"jigsaw encode         : {n / jig:>10,.0f} records/s  ({jig:.2f} s, best of 3)")
print(f"clkhash 0.18.3, 1 proc: {n / c1:>10,.0f} records/s  ({c1:.2f} s)")
print(f"clkhash 0.18.3, 2 proc: {n / c2:>10,.0f} records/s  ({c2:.2f} s)")
print(f"ratio                 : {min(c1, c2) / jig:.1f}x clkhash's better figure  (target >= 25x)")
print(f"peak memory           : {mem} MiB on {n:,} records")
print(f"outputs (clks)        : {same}")
PY
[ "$same" = "byte-identical" ]
