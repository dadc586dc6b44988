#!/usr/bin/env bash
# The demonstration behind `make demo`: the whole journey on synthetic data, each step one jigsaw command a
# user could type (shown before it runs).
#   bash scripts/demo.sh PATH/TO/jigsaw
set -euo pipefail
jigsaw="${1:-jigsaw}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out=demo-output
rm -rf "$out"
mkdir -p "$out"
key=keys-example/example.key
started=$(date +%s)

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
say() { printf '%s\n' "$*"; }
show() { printf '$ %s\n' "$*"; "$@"; }

# Every run below is recorded in one tamper-evident audit log (hash-chained JSON Lines).
export JIGSAW_AUDIT_LOG="$out/jigsaw-audit.jsonl"
say "Every command below appends a record of its run to \$JIGSAW_AUDIT_LOG = $JIGSAW_AUDIT_LOG."
say "The key is the published EXAMPLE key: fine for synthetic data, refused on anything else unless --allow-example-key."

step "1. Synthetic data: a health extract and a council extract for three councils, with realistic errors and the truth."
show "$jigsaw" synth --seed 2026 --records 8000 --councils 3 -o "$out/synth" --quiet
say "   $out/synth/health.csv (NHS), $out/synth/council.csv (council), $out/synth/truth.csv (which records are the same child)"

step "2. The health data controller makes its shareable file: NHS-number tokens, CLKs of names, date of birth, sex and postcode, the record id and the service flags. Names never leave."
say "\$ $jigsaw schema init > $out/schema-health.json"
"$jigsaw" schema init > "$out/schema-health.json"
say "   (the default profile for children's records; the council edits its column names and sex codes, and both compare fingerprints)"
sed -e 's/"column": "date_of_birth"/"column": "dob"/' -e 's/nhs-stated-gender/school-census/' "$out/schema-health.json" > "$out/schema-council.json"
show "$jigsaw" encode "$out/synth/health.csv" -o "$out/health-shareable.csv" --schema "$out/schema-health.json" \
    --key "$key" --allow-example-key --column nhs_number=nhs-number \
    --keep health_record_id --keep community_services --keep camhs --keep ae_attendance
say "   Before sending, a scan proves the shareable file holds no raw identifiers (exit status 1 would stop the transfer):"
show "$jigsaw" scan "$out/health-shareable.csv"

step "3. The council encodes its own extract with the same key and schema, then links locally: exact on NHS-number tokens, then fuzzy on CLKs, carrying the health flags across."
say "   Its copy of the schema names its own columns (dob, school-census sex codes); the fingerprints must match the health side's:"
show "$jigsaw" schema fingerprint "$out/schema-health.json"
show "$jigsaw" schema fingerprint "$out/schema-council.json"
show "$jigsaw" encode "$out/synth/council.csv" -o "$out/council-shareable.csv" --schema "$out/schema-council.json" \
    --key "$key" --allow-example-key --column nhs_number=nhs-number \
    --keep child_id --keep council --keep region --keep send --keep child_in_need --keep looked_after --keep free_school_meals
show "$jigsaw" link --left "$out/council-shareable.csv" --right "$out/health-shareable.csv" -o "$out/links.csv" \
    --left-id child_id --right-id health_record_id --token nhs_number \
    --block block_yob_surname_initial --block block_yob_forename_initial --block block_postcode_district_initial \
    --threshold 0.8 --carry-left council --carry-left region --carry-left send --carry-left child_in_need \
    --carry-left looked_after --carry-left free_school_meals --carry-right camhs --carry-right community_services \
    --carry-right ae_attendance --histogram "$out/scores.svg" --unmatched "$out/unmatched.csv"

step "4. Score the links against the synthetic truth: overall, by stage and by SEND status."
show "$jigsaw" evaluate --links "$out/links.csv" --truth "$out/synth/truth.csv" --by send \
    --groups "$out/council-shareable.csv" --groups-id child_id --groups-column send

step "5. Count linked children per council, group and service (each child once: the first group and service in priority order, so totals add up), with the hierarchy council < region < England."
show "$jigsaw" aggregate "$out/links.csv" --by council,group,service -o "$out/leaves.csv" --hierarchy-output "$out/hierarchy.json"

step "6. Protect the table for publication with the DfE children-in-need preset (suppress 1-5, secondary suppression, rounding at national and regional level); the LP audit runs before anything is written. Then re-check the published table independently."
show "$jigsaw" suppress "$out/leaves.csv" --hierarchy "$out/hierarchy.json" --preset dfe-cin \
    -o "$out/published.csv" --report "$out/suppression-report.json"
show "$jigsaw" audit-table "$out/published.csv" --hierarchy "$out/hierarchy.json" --preset dfe-cin

step "7. The IG officer checks the audit log (every record unaltered, in order, every output still as written) and writes the IG report."
show "$jigsaw" audit verify "$JIGSAW_AUDIT_LOG" --check-files
say "   A copy of the log with one count changed in record 4 does not verify:"
sed '4s/"rows_read":\([0-9]*\)/"rows_read":1\1/' "$JIGSAW_AUDIT_LOG" > "$out/tampered-audit.jsonl"
say "\$ $jigsaw audit verify $out/tampered-audit.jsonl"
"$jigsaw" audit verify "$out/tampered-audit.jsonl" 2>&1 | grep -E 'chain:|error:' || true
show "$jigsaw" audit report "$JIGSAW_AUDIT_LOG" -o "$out/ig-audit-report.html" --check-files

step "8. The linkage report: links by stage, the Dice score histogram with the threshold, precision and recall by group, the linkage rate by council, the published table with its suppressions, and a link to the IG report."
show "$jigsaw" report --links "$out/links.csv" --threshold 0.8 --truth "$out/synth/truth.csv" --by send \
    --left "$out/council-shareable.csv" --left-id child_id --council-column council \
    --published "$out/published.csv" --hierarchy "$out/hierarchy.json" --symbol c \
    --ig-report "$out/ig-audit-report.html" -o "$out/index.html"

step "Done in $(( $(date +%s) - started )) s. Open $out/index.html (linkage report) and $out/ig-audit-report.html (IG report) in a browser."
say "   Shareable files: $out/health-shareable.csv, $out/council-shareable.csv (tokens and CLKs only; scanned clean)"
say "   Links: $out/links.csv; published table: $out/published.csv (report: $out/suppression-report.json, never published)"
say "   Audit log: $out/jigsaw-audit.jsonl (verify it with: jigsaw audit verify $out/jigsaw-audit.jsonl --check-files)"
