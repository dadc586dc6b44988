"""Writes links.csv (a small links file as `jigsaw link` writes it, council and health columns carried) and
the leaf counts ChildAggregation must produce from it, computed independently with csv and Counter.

    python3 make_fixture.py      # writes links.csv, expected-council-group-service.csv, expected-service-group.csv

Each distinct left_id counts once (its first row); a child is in the first group (service) whose column is
true, in priority order, else "none". Regions and councils are sorted by code.
"""
import csv
import random
from collections import Counter

random.seed(20260107)
REGIONS = {"London": ["E09000001", "E09000033", "E09000007"], "North West": ["E08000003", "E06000008"],
           "South West": ["E06000022"]}
TRUE_WORDS = ["1", "y", "Yes", "TRUE", " 1 "]
FALSE_WORDS = ["0", "", "n", "No", "false", " 0"]
GROUPS = [("looked_after", "looked_after"), ("child_in_need", "child_in_need"), ("send", "send"),
          ("free_school_meals", "free_school_meals")]
SERVICES = [("camhs", "camhs"), ("community_services", "community_services"), ("ae_attendance", "ae_attendance")]


def flag(p):
    return random.choice(TRUE_WORDS) if random.random() < p else random.choice(FALSE_WORDS)


rows = []
for i in range(400):
    region = random.choice(sorted(REGIONS))
    council = random.choice(REGIONS[region])
    send = random.choice(["", "", "", "K", "E", "N", "k"])
    rows.append({"left_id": f"C{i:05d}", "right_id": f"H{i:05d}", "stage": random.choice(["exact:nhs_number", "fuzzy"]),
                 "similarity": "", "council": council, "region": region, "send": send,
                 "child_in_need": flag(0.08), "looked_after": flag(0.03), "free_school_meals": flag(0.2),
                 "camhs": flag(0.1), "community_services": flag(0.25), "ae_attendance": flag(0.3)})
# A child linked twice (a repeated left id): only its first row counts.
for i in (3, 77, 150):
    again = dict(rows[i])
    again["right_id"] = f"H9{i:04d}"
    again["looked_after"] = "1"
    rows.append(again)
# Every field quoted on odd rows, to exercise unquoting.
with open("links.csv", "w", newline="") as f:
    plain = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    quoted = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n", quoting=csv.QUOTE_ALL)
    plain.writeheader()
    for i, row in enumerate(rows):
        (quoted if i % 2 else plain).writerow(row)


def truthy(value, send=False):
    v = value.strip(" \t").lower()
    if v in ("", "0", "n", "no", "false"):
        return False
    if v in ("1", "y", "yes", "true", "k", "e"):
        return True
    if send:
        return True
    raise ValueError(value)


def first(row, categories, send_name=None):
    for name, column in categories:
        if truthy(row[column], send=(name == send_name)):
            return name
    return "none"


seen = set()
counter = Counter()
for row in csv.DictReader(open("links.csv", newline="")):
    if row["left_id"] in seen:
        continue
    seen.add(row["left_id"])
    counter[(row["council"], first(row, GROUPS, "send"), first(row, SERVICES))] += 1

geography = sorted((region, council) for region, councils in REGIONS.items() for council in councils)
group_codes = [name for name, _ in GROUPS] + ["none"]
service_codes = [name for name, _ in SERVICES] + ["none"]

with open("expected-council-group-service.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["council", "group", "service", "count"])
    for _, council in geography:
        for group in group_codes:
            for service in service_codes:
                writer.writerow([council, group, service, counter[(council, group, service)]])

by_service_group = Counter()
for (council, group, service), n in counter.items():
    by_service_group[(service, group)] += n
with open("expected-service-group.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["service", "group", "count"])
    for service in service_codes:
        for group in group_codes:
            writer.writerow([service, group, by_service_group[(service, group)]])
print(f"{len(seen)} children, {len(rows)} rows")
