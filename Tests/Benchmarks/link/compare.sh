#!/usr/bin/env bash
# Benchmark: Dice linkage of CLKs with jigsaw and with anonlink 0.15.3 in the same run.
#  1. N x N (default 20,000) all pairs at threshold 0.8: anonlink's accelerated Dice (single-threaded) and
#     `jigsaw link --no-fuzzy`-free fuzzy stage pinned to one core (taskset) and on all cores; comparisons per
#     second, the per-core ratio, and the candidate-pair counts (which must agree).
#  2. 100,000 x 100,000 all pairs at 0.8 with jigsaw on all cores (target: under 30 s).
#
#   bash Tests/Benchmarks/link/compare.sh PATH/TO/jigsaw [N]
set -euo pipefail
# Runs are recorded in one audit log under bench-output, never in the repository folder.
export JIGSAW_AUDIT_LOG="${JIGSAW_AUDIT_LOG:-$(cd "$(dirname "$0")/../../.." && pwd)/bench-output/jigsaw-audit.jsonl}"
mkdir -p "$(dirname "$JIGSAW_AUDIT_LOG")"
jigsaw="$1"
n="${2:-20000}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/bench-output/link"
venv="$root/bench-output/clkhash-venv"
mkdir -p "$out"
if ! "$venv/bin/python" -c 'import anonlink, clkhash' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check clkhash==0.18.3 anonlink==0.15.3
fi
"$venv/bin/python" -c 'import anonlink' 2>/dev/null || "$venv/bin/python" -m pip install --quiet anonlink==0.15.3

secret="$out/secret.txt"
(umask 077; printf '%s\n' 'jigsaw link benchmark secret, not for real data' > "$secret")
chmod 600 "$secret"
schema="$here/../encode/schema.json"
for side in left right; do
  seed=$([ "$side" = left ] && echo 101 || echo 202)
  csv="$out/$side-100000.csv"
  [ -s "$csv" ] || python3 "$here/../encode/generate_records.py" 100000 "$csv" --seed "$seed"
  [ -s "$out/$side-100000-clk.csv" ] || "$jigsaw" encode "$csv" -o "$out/$side-100000-clk.csv" --schema "$schema" \
      --clkhash-secret-file "$secret" --keep record_id --quiet --force
  head -n $((n + 1)) "$out/$side-100000-clk.csv" > "$out/$side-$n-clk.csv"
done

candidates() { grep -o 'fuzzy: [0-9,]* match[a-z]* ([0-9,]* candidate' "$1" | sed 's/.*(\([0-9,]*\) candidate/\1/' | tr -d ,; }
seconds() { grep -o 'candidate pairs, [0-9.]* s' "$1" | sed 's/.*pairs, \([0-9.]*\) s/\1/'; }

echo "== Dice, $n x $n CLKs of 1,024 bits, threshold 0.8, $(nproc) cores"
read -r anon_secs anon_pairs < <("$venv/bin/python" "$here/anonlink_dice.py" "$out/left-$n-clk.csv" "$out/right-$n-clk.csv" 0.8)
taskset -c 0 "$jigsaw" link --left "$out/left-$n-clk.csv" --right "$out/right-$n-clk.csv" -o "$out/links-1core.csv" \
    --threshold 0.8 --force 2> "$out/link-1core.txt"
"$jigsaw" link --left "$out/left-$n-clk.csv" --right "$out/right-$n-clk.csv" -o "$out/links.csv" \
    --threshold 0.8 --force 2> "$out/link.txt"
one=$(seconds "$out/link-1core.txt"); all=$(seconds "$out/link.txt")
pairs_one=$(candidates "$out/link-1core.txt"); pairs_all=$(candidates "$out/link.txt")

echo "== all pairs, 100,000 x 100,000 CLKs, threshold 0.8"
python3 "$here/../tokenise/measure.py" -- "$jigsaw" link --left "$out/left-100000-clk.csv" --right "$out/right-100000-clk.csv" \
    -o "$out/links-100k.csv" --threshold 0.8 --force --quiet > "$out/big.txt"

python3 - "$n" "$anon_secs" "$anon_pairs" "$one" "$all" "$pairs_one" "$pairs_all" "$(cat "$out/big.txt")" <<'PY'
import sys
n, anon, anon_pairs, one, both, p1, p2, big = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), sys.argv[8].split()
comparisons = n * n
print(f"anonlink 0.15.3 (1 core)  : {comparisons / anon / 1e6:8.1f} M comparisons/s  ({anon:.2f} s, {anon_pairs} candidate pairs)")
print(f"jigsaw link, 1 core       : {comparisons / one / 1e6:8.1f} M comparisons/s  ({one:.2f} s, {p1} candidate pairs)")
print(f"jigsaw link, all cores    : {comparisons / both / 1e6:8.1f} M comparisons/s  ({both:.2f} s, {p2} candidate pairs)")
print(f"per-core ratio            : {anon / one:.1f}x anonlink (target >= 3x); scaling to all cores {one / both:.2f}x")
print(f"candidate pairs           : {'equal' if anon_pairs == p1 == p2 else 'DIFFERENT'}")
print(f"100,000 x 100,000 at 0.8  : {float(big[0]):.1f} s wall, peak memory {big[1]} MiB (target < 30 s)")
PY
