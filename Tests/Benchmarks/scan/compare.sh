#!/usr/bin/env bash
# Benchmark: `jigsaw scan` against Microsoft Presidio's pattern recognizers (the same kinds: NHS numbers with
# their check digit, UK postcodes, e-mail addresses, UK telephone numbers, dates), measured in the same run on
# the same generated file: ROWS rows (default 1,000,000, about 330 MB) of 64-hex-digit tokens and base64 CLKs
# with 24 synthetic identifiers planted on known lines (generate_files.py). Prints rows/s and MB/s for both,
# the ratio, whether each found every planted identifier, and how many other lines each flagged (false
# alarms: the file holds nothing else). Presidio is installed from PyPI into a venv under bench-output/scan.
#
#   bash Tests/Benchmarks/scan/compare.sh PATH/TO/jigsaw [ROWS]
set -euo pipefail
# Runs are recorded in one audit log under bench-output, never in the repository folder.
export JIGSAW_AUDIT_LOG="${JIGSAW_AUDIT_LOG:-$(cd "$(dirname "$0")/../../.." && pwd)/bench-output/jigsaw-audit.jsonl}"
mkdir -p "$(dirname "$JIGSAW_AUDIT_LOG")"
jigsaw="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
rows="${2:-1000000}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/bench-output/scan"
mkdir -p "$out"
file="$out/shareable-$rows.csv"
planted="$out/planted-$rows.json"
[ -s "$file" ] && [ -s "$planted" ] || python3 "$here/generate_files.py" "$rows" "$file" "$planted" --seed 2026

venv="$out/venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import presidio_analyzer' 2>/dev/null; then
  echo "installing presidio-analyzer 2.2.366 into $venv …"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check presidio-analyzer==2.2.366
fi
measure() { python3 "$here/../tokenise/measure.py" -- "$@"; }

echo "== scan: $rows rows of tokens and CLKs with 24 planted identifiers ($(du -h "$file" | cut -f1)), $(nproc) cores"
# jigsaw exits 1 when it finds something (as it must here), so the run is wrapped to accept 0 or 1.
jig_runs=()
for _ in 1 2 3; do
  jig_runs+=("$(measure sh -c '"$0" scan "$1" --reference-date 2026-06-30 --format json --quiet > "$2"; [ $? -le 1 ]' \
      "$jigsaw" "$file" "$out/jigsaw.json")")
done
jig_best=$(printf '%s\n' "${jig_runs[@]}" | sort -n | head -1)
peer_run=$(measure "$venv/bin/python" "$here/peer_presidio.py" "$file" "$out/presidio.json")

python3 - "$rows" "$file" "$planted" "$out/jigsaw.json" "$out/presidio.json" "$jig_best" "$peer_run" <<'PY'
import json, os, sys
rows, path, planted_path, jig_path, peer_path = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
jig_secs, jig_mem = (float(x) for x in sys.argv[6].split()[:2])
peer_secs, peer_mem = (float(x) for x in sys.argv[7].split()[:2])
mb = os.path.getsize(path) / 1e6
planted = json.load(open(planted_path))
jig = json.load(open(jig_path))
peer = json.load(open(peer_path))

# jigsaw: per kind, the lines it lists (every column); peer: per kind, every line it flagged.
jig_lines = {}
for f in jig["files"]:
    for column in f["columns"]:
        for finding in column["findings"]:
            jig_lines.setdefault(finding["kind"], set()).update(finding["lines"])
peer_lines = {kind: set(lines) for kind, lines in peer["findings"].items()}
planted_by_kind = {}
for p in planted:
    planted_by_kind.setdefault(p["kind"], set()).add(p["line"])

def found(lines):
    return sum(1 for p in planted if p["line"] in lines.get(p["kind"], set()))

jig_found, peer_found = found(jig_lines), found(peer_lines)
jig_false = jig["findings"] - jig_found
peer_false = {kind: len(lines - planted_by_kind.get(kind, set())) for kind, lines in peer_lines.items()}
print(f"jigsaw scan     : {rows / jig_secs:>12,.0f} rows/s {mb / jig_secs:>9,.1f} MB/s  ({jig_secs:.2f} s, best of 3, whole run; peak {jig_mem:.0f} MiB)")
print(f"presidio 2.2.366: {rows / peer_secs:>12,.0f} rows/s {mb / peer_secs:>9,.1f} MB/s  ({peer_secs:.1f} s, whole run, one process per core; peak {peer_mem:.0f} MiB)")
print(f"ratio           : {peer_secs / jig_secs:,.0f}x")
print(f"planted found   : jigsaw {jig_found}/{len(planted)}, presidio {peer_found}/{len(planted)}")
print(f"false alarms    : jigsaw {jig_false}, presidio {sum(peer_false.values()):,} lines "
      f"({', '.join(f'{k} {v:,}' for k, v in peer_false.items() if v)})")
sys.exit(0 if jig_found == len(planted) and jig_false == 0 else 1)
PY
