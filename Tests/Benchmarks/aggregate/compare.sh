#!/usr/bin/env bash
# Aggregation benchmark: a 1,000,000-row links file (make_links.py; 150 councils in 9 regions, about 0.1% of
# rows repeating a child id) counted by council × group × service with `jigsaw aggregate` and with a pandas
# peer doing the same priority assignment (peer_pandas.py); the two leaf files must be identical. Prints
# rows per second for each and the ratio. pandas is installed (once) into bench-output/pandas-venv if the
# system Python lacks it.
#
#   bash Tests/Benchmarks/aggregate/compare.sh PATH/TO/jigsaw [ROWS]
set -euo pipefail
# Runs are recorded in one audit log under bench-output, never in the repository folder.
export JIGSAW_AUDIT_LOG="${JIGSAW_AUDIT_LOG:-$(cd "$(dirname "$0")/../../.." && pwd)/bench-output/jigsaw-audit.jsonl}"
mkdir -p "$(dirname "$JIGSAW_AUDIT_LOG")"
jigsaw="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
rows="${2:-1000000}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/bench-output/aggregate"
mkdir -p "$out"
measure() { python3 "$here/../tokenise/measure.py" -- "$@"; }

python=python3
if ! python3 -c 'import pandas' 2>/dev/null; then
  venv="$root/bench-output/pandas-venv"
  if ! "$venv/bin/python" -c 'import pandas' 2>/dev/null; then
    echo "== creating $venv with pandas"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pandas
  fi
  python="$venv/bin/python"
fi

links="$out/links-$rows.csv"
[ -s "$links" ] || python3 "$here/make_links.py" "$rows" "$links"
echo "== $rows rows ($(du -m "$links" | cut -f1) MB), pandas $("$python" -c 'import pandas; print(pandas.__version__)')"

best() { sort -n | head -1; }
jig=$(for _ in 1 2 3; do measure "$jigsaw" aggregate "$links" --by council,group,service -o "$out/leaves-jigsaw.csv" \
        --hierarchy-output "$out/hierarchy.json" --force --quiet; done | best)
peer=$(for _ in 1 2 3; do measure "$python" "$here/peer_pandas.py" "$links" "$out/leaves-pandas.csv"; done | best)
cmp -s "$out/leaves-jigsaw.csv" "$out/leaves-pandas.csv" || { echo "leaves differ: $out/leaves-jigsaw.csv $out/leaves-pandas.csv"; exit 1; }
echo "leaves identical ($(($(wc -l < "$out/leaves-jigsaw.csv") - 1)) cells)"
python3 - "$rows" "$jig" "$peer" <<'PY'
import sys
rows = int(sys.argv[1])
(js, jm), (ps, pm) = (map(float, sys.argv[2].split()[:2]), map(float, sys.argv[3].split()[:2]))
print(f"jigsaw aggregate  {js:7.3f} s  {rows / js:12,.0f} rows/s  peak {jm:7.1f} MiB")
print(f"pandas groupby    {ps:7.3f} s  {rows / ps:12,.0f} rows/s  peak {pm:7.1f} MiB")
print(f"ratio (pandas time / jigsaw time): {ps / js:.1f}x")
PY
