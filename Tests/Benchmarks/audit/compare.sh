#!/usr/bin/env bash
# Benchmark: the audit log's cost and speed, each against a peer measured in the same run.
#  1. Overhead of recording a run: jigsaw tokenise on a 1,000,000-row extract with the audit log (which
#     SHA-256s the input and output) and with --no-audit-log; coreutils sha256sum over the same two files
#     is the peer for the hashing part.
#  2. audit verify on a 100,000-record log (unsigned and Ed25519-signed), against the independent Python
#     verifier (Tests/JigsawAuditTests/Fixtures/audit-log/verify_log.py: hashlib + cryptography/OpenSSL).
#  3. audit report on a 10,000-record log (HTML with its lineage diagram; no peer tool exists).
#
#   bash Tests/Benchmarks/audit/compare.sh PATH/TO/jigsaw [ROWS] [RECORDS]
set -euo pipefail
jigsaw="$1"
rows="${2:-1000000}"
records="${3:-100000}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/bench-output/audit"
mkdir -p "$out"
key="$root/keys-example/example.key"
fixtures="$root/Tests/JigsawAuditTests/Fixtures/audit-log"
extract="$root/bench-output/tokenise/extract-$rows.csv"
mkdir -p "$(dirname "$extract")"
[ -s "$extract" ] || python3 "$root/Tests/Benchmarks/tokenise/generate_extract.py" "$rows" "$extract" --seed 2026
python3 -c "import cryptography" 2>/dev/null || pip install -q cryptography
measure() { python3 "$root/Tests/Benchmarks/tokenise/measure.py" -- "$@"; }
seconds() { local best=""; for _ in 1 2 3; do local t; t=$("$@"); t=${t% *}; if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; then best=$t; fi; done; echo "$best"; }

tokenise() {
  rm -f "$out/tokens.csv"
  measure "$jigsaw" tokenise "$extract" -o "$out/tokens.csv" --key "$key" --allow-example-key \
      --column nhs_number=nhs-number --column upn=upn --quiet "$@"
}
logged() { rm -f "$out/run.jsonl"; tokenise --audit-log "$out/run.jsonl"; }
unlogged() { tokenise --no-audit-log 2>/dev/null; }

echo "== audit log overhead: tokenise $rows rows ($(du -h "$extract" | cut -f1)), $(nproc) cores"
with=$(seconds logged)
without=$(seconds unlogged)
sha=$(seconds measure sha256sum "$extract" "$out/tokens.csv")
"$jigsaw" audit verify "$out/run.jsonl" --check-files >/dev/null

echo "== audit verify: $records records"
[ -s "$out/log-$records.jsonl" ] || python3 "$here/make_log.py" "$records" "$out/log-$records.jsonl"
[ -s "$out/log-$records-signed.jsonl" ] || python3 "$here/make_log.py" "$records" "$out/log-$records-signed.jsonl" --signed
jv=$(seconds measure "$jigsaw" audit verify "$out/log-$records.jsonl")
pv=$(seconds measure python3 "$fixtures/verify_log.py" "$out/log-$records.jsonl")
jvs=$(seconds measure "$jigsaw" audit verify "$out/log-$records-signed.jsonl" --public-key "$fixtures/signing-key.pub.pem")
pvs=$(seconds measure python3 "$fixtures/verify_log.py" "$out/log-$records-signed.jsonl" --public-key "$fixtures/signing-key.pub.pem")
# Both verifiers must accept both logs, and both must reject a copy with one byte changed.
"$jigsaw" audit verify "$out/log-$records-signed.jsonl" --public-key "$fixtures/signing-key.pub.pem" >/dev/null
python3 "$fixtures/verify_log.py" "$out/log-$records-signed.jsonl" --public-key "$fixtures/signing-key.pub.pem" >/dev/null
sed '50000s/"rows_read":1000000/"rows_read":1000001/' "$out/log-$records.jsonl" > "$out/tampered.jsonl"
if "$jigsaw" audit verify "$out/tampered.jsonl" >/dev/null 2>&1; then echo "jigsaw missed the tampering" >&2; exit 1; fi
if python3 "$fixtures/verify_log.py" "$out/tampered.jsonl" >/dev/null 2>&1; then echo "python missed the tampering" >&2; exit 1; fi

echo "== audit report: 10,000 records (no peer tool makes such a report; an absolute figure)"
[ -s "$out/log-10000.jsonl" ] || python3 "$here/make_log.py" 10000 "$out/log-10000.jsonl"
rep=$(seconds measure "$jigsaw" audit report "$out/log-10000.jsonl" -o "$out/report-10000.html" --force --quiet)

python3 - "$rows" "$with" "$without" "$sha" "$records" "$jv" "$pv" "$jvs" "$pvs" "$(du -m "$out/log-$records.jsonl" | cut -f1)" "$rep" <<'PY'
import sys
rows, w, wo, sha, n, jv, pv, jvs, pvs, mb = int(sys.argv[1]), *map(float, sys.argv[2:5]), int(sys.argv[5]), *map(float, sys.argv[6:10]), sys.argv[10]
print(f"tokenise with audit log    : {w:.2f} s   without: {wo:.2f} s   overhead {w - wo:.2f} s ({100 * (w - wo) / wo:.0f}%)")
print(f"sha256sum of input+output  : {sha:.2f} s   (the peer for the hashing the log adds)")
print(f"audit verify {n:,} records ({mb} MB): jigsaw {jv:.2f} s, python verify_log.py {pv:.2f} s: {pv / jv:.1f}x")
print(f"signed (Ed25519)           : jigsaw {jvs:.2f} s, python verify_log.py {pvs:.2f} s: {pvs / jvs:.1f}x")
print("tampered copy              : rejected by both")
print(f"audit report, 10,000 runs  : {float(sys.argv[11]):.2f} s (HTML with lineage diagram)")
PY
