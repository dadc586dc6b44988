#!/usr/bin/env bash
# The demonstration behind `make demo`: each step is one jigsaw command a user could type.
#   bash scripts/demo.sh PATH/TO/jigsaw
set -euo pipefail
jigsaw="${1:-jigsaw}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out=demo-output
rm -rf "$out"
mkdir -p "$out"
key=keys-example/example.key
health=examples/health-extract.csv
council=examples/council-extract.csv

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { printf '$ %s\n' "$*"; "$@"; }

# Every run below is recorded in one tamper-evident audit log (hash-chained JSON Lines).
export JIGSAW_AUDIT_LOG="$out/jigsaw-audit.jsonl"
echo "Every command below appends a record of its run to \$JIGSAW_AUDIT_LOG = $JIGSAW_AUDIT_LOG"

step "1. The shared key. Partners compare fingerprints, never secrets (this one is a published EXAMPLE key)."
show "$jigsaw" key fingerprint --key "$key"
show "$jigsaw" key fingerprint --key "$key" --context send-linkage-2026

step "2. Validate identifiers before sharing: counts by reason; line numbers go to a report, never values."
set +e
show "$jigsaw" validate "$health" --column nhs_number=nhs-number --report "$out/health-invalid.csv"
echo "(exit status $?: 1 means some values are invalid)"
show "$jigsaw" validate "$council" --column nhs_number=nhs-number --column upn=upn
echo "(exit status $?)"
set -e
echo "report of invalid values:"; cat "$out/health-invalid.csv"

step "3. The health data controller tokenises its extract: NHS numbers become keyed tokens, names and addresses are dropped."
show "$jigsaw" tokenise "$health" -o "$out/health-tokens.csv" --key "$key" --allow-example-key \
  --column nhs_number=nhs-number --drop forename --drop surname --drop date_of_birth --drop postcode
head -3 "$out/health-tokens.csv"

step "4. The council tokenises its own extract with the same key: NHS numbers and UPNs."
show "$jigsaw" tokenise "$council" -o "$out/council-tokens.csv" --key "$key" --allow-example-key \
  --column nhs_number=nhs-number --column upn=upn \
  --drop forename --drop surname --drop dob --drop postcode --drop notes
head -3 "$out/council-tokens.csv"

joined() { # rows whose NHS-number token (column 2 in health, column 3 in council) appears in both files
  awk -F, 'NR==FNR { if (FNR > 1 && $2 != "") seen[$2] = 1; next } FNR > 1 && $3 != "" && ($3 in seen)' "$1" "$2" | wc -l
}
step "5. The same NHS number gives the same token in both files, however it was typed."
echo "children whose NHS-number token appears in both files: $(joined "$out/health-tokens.csv" "$out/council-tokens.csv")"

step "6. Another context (another data-sharing agreement) gives unrelated tokens: nothing joins across contexts."
show "$jigsaw" tokenise "$health" -o "$out/health-tokens-other-context.csv" --key "$key" --allow-example-key \
  --context send-linkage-2026 --column nhs_number=nhs-number --quiet
echo "tokens for the first child:"
echo "  context \"\"                  $(sed -n 2p "$out/health-tokens.csv" | cut -d, -f2)"
echo "  context \"send-linkage-2026\" $(sed -n 2p "$out/health-tokens-other-context.csv" | cut -d, -f2)"
echo "children joined across the two contexts: $(joined "$out/health-tokens-other-context.csv" "$out/council-tokens.csv")"

step "7. Each side encodes names, date of birth, sex and postcode as Bloom-filter CLKs (default children's profile)."
echo "The two schema files differ only in column names and the sex codebook, so their fingerprints agree:"
show "$jigsaw" schema fingerprint examples/schema-health.json
show "$jigsaw" schema fingerprint examples/schema-council.json
show "$jigsaw" encode "$health" -o "$out/health-shareable.csv" --schema examples/schema-health.json \
  --key "$key" --allow-example-key --column nhs_number=nhs-number \
  --keep health_record_id --keep community_services --keep camhs --keep ae_attendance
show "$jigsaw" encode "$council" -o "$out/council-shareable.csv" --schema examples/schema-council.json \
  --key "$key" --allow-example-key --column nhs_number=nhs-number --column upn=upn \
  --keep child_id --keep send --keep cin --describe
echo "the shareable health file holds ids, flags, tokens and CLKs, and no names, dates or postcodes:"
head -2 "$out/health-shareable.csv" | cut -c1-160

step "7b. Before sending, each side scans its shareable file for raw identifiers (exit status 1 would stop the transfer)."
show "$jigsaw" scan "$out/health-shareable.csv" "$out/council-shareable.csv"
echo "The raw extract, by contrast, is full of them (kinds, counts and line numbers; never the values):"
echo '$ '"$jigsaw scan $health"
"$jigsaw" scan "$health" 2>&1 | head -12 || true

step "8. The council links the two shareable files locally: exact on NHS-number tokens, then Dice on CLKs, one-to-one."
show "$jigsaw" link --left "$out/council-shareable.csv" --right "$out/health-shareable.csv" -o "$out/links.csv" \
  --left-id child_id --right-id health_record_id --token nhs_number --threshold 0.8 \
  --carry-left send --carry-right camhs --unmatched "$out/unmatched.csv" --histogram "$out/scores.svg"
head -4 "$out/links.csv" | cut -c1-120

step "9. Score the links against the synthetic truth, overall, by stage and by SEND group."
show "$jigsaw" evaluate --links "$out/links.csv" --truth examples/truth.csv --by send

step "10. Publishing counts: the NHS rule alone (suppress 1-7, round the rest) can give a small count away. The audit finds it:"
echo '$ '"$jigsaw audit-table examples/suppression/nhs-published.csv --hierarchy examples/suppression/hierarchy.json --preset nhs"
"$jigsaw" audit-table examples/suppression/nhs-published.csv --hierarchy examples/suppression/hierarchy.json --preset nhs \
  || echo "(exit status $?: the table must not be published as it is)"

step "11. jigsaw suppress protects the same counts across the whole hierarchy and audits the result before writing it."
show "$jigsaw" suppress examples/suppression/leaves.csv --hierarchy examples/suppression/hierarchy.json \
  -o "$out/published-counts.csv" --report "$out/suppression-report.json" --preset nhs
show "$jigsaw" audit-table "$out/published-counts.csv" --hierarchy examples/suppression/hierarchy.json --preset nhs --rule any

step "12. The IG officer checks the audit log: every record unaltered, in order, and every output still as written."
show "$jigsaw" audit verify "$JIGSAW_AUDIT_LOG" --check-files
echo
echo "A copy of the log with one count changed in record 5 does not verify:"
sed '5s/"rows_read":\([0-9]*\)/"rows_read":1\1/' "$JIGSAW_AUDIT_LOG" > "$out/tampered-audit.jsonl"
echo '$ '"$jigsaw audit verify $out/tampered-audit.jsonl"
"$jigsaw" audit verify "$out/tampered-audit.jsonl" 2>&1 | grep -E 'chain:|error:' || true

step "13. The IG report: warnings, a lineage diagram of every file, the timeline, key and schema fingerprints, counts."
show "$jigsaw" audit report "$JIGSAW_AUDIT_LOG" -o "$out/ig-audit-report.html" --check-files

step "14. The linkage report: links by stage, the Dice histogram, precision/recall by SEND group, the published table, a link to the IG report."
show "$jigsaw" report --links "$out/links.csv" -o "$out/index.html" --threshold 0.8 \
  --truth examples/truth.csv --by send --published "$out/published-counts.csv" \
  --hierarchy examples/suppression/hierarchy.json --symbol '*' --ig-report "$out/ig-audit-report.html"

step "Done. Outputs are in $out/ (open $out/index.html and $out/ig-audit-report.html in a browser)."
