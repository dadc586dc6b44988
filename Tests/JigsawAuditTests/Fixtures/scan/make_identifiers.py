#!/usr/bin/env python3
"""Writes identifiers.json: synthetic identifiers, each with the kind `jigsaw scan` must report (or null).

An implementation independent of Jigsaw's Swift code: NHS numbers by modulus 11 (from the NHS Data
Dictionary's description), UPNs by the DfE check-letter rule, postcodes against the government regex,
dates with Python's calendar. Every value is made up: NHS numbers from the 999 test range, e-mail
addresses at example.org/example.com (RFC 2606), telephone numbers from Ofcom's drama ranges.

    python3 make_identifiers.py > identifiers.json
"""
import datetime
import json
import random
import re

REFERENCE_DATE = datetime.date(2026, 6, 30)
rng = random.Random(2026)


def nhs_check(nine):
    total = sum(int(d) * (10 - i) for i, d in enumerate(nine))
    check = 11 - total % 11
    return 0 if check == 11 else check  # 10 means "no valid number"


def nhs_numbers(count):
    found = []
    while len(found) < count:
        nine = "999" + "".join(rng.choice("0123456789") for _ in range(6))
        check = nhs_check(nine)
        if check != 10:
            found.append(nine + str(check))
    return found


UPN_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn(temporary):
    body = "".join(rng.choice("0123456789") for _ in range(11))
    last = rng.choice(UPN_ALPHABET) if temporary else rng.choice("0123456789")
    values = [int(c) for c in body] + [UPN_ALPHABET.index(last) if temporary else int(last)]
    total = sum(v * n for v, n in zip(values, range(2, 14)))
    return UPN_ALPHABET[total % 23] + body + last


POSTCODE = re.compile(r"^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-Z]? ?[0-9][ABD-HJLNP-UW-Z]{2})$", re.I)

cases = []


def add(kind, text, expected, note):
    cases.append({"kind": kind, "text": text, "expected": expected, "note": note})


for n in nhs_numbers(4):
    add("nhs-number", n, "nhs-number", "ten digits")
    add("nhs-number", f"{n[:3]} {n[3:6]} {n[6:]}", "nhs-number", "3-3-4 with spaces")
    add("nhs-number", f"{n[:3]}-{n[3:6]}-{n[6:]}", "nhs-number", "3-3-4 with hyphens")
    wrong = n[:9] + str((int(n[9]) + 1) % 10)
    add("nhs-number", wrong, None, "check digit fails")
    add("nhs-number", f"{n[:3]} {n[3:6]}-{n[6:]}", None, "mixed separators")
    add("nhs-number", n + "7", None, "eleven digits")
# A nine-digit prefix whose check would be 10: never a valid number.
while True:
    nine = "999" + "".join(rng.choice("0123456789") for _ in range(6))
    if nhs_check(nine) == 10:
        add("nhs-number", nine + "0", None, "check would be 10")
        break
add("nhs-number", "4444444444", None, "placeholder: one digit repeated")

for temporary in (False, True, False):
    value = upn(temporary)
    add("upn", value, "upn", "temporary UPN" if temporary else "permanent UPN")
    add("upn", value.lower(), "upn", "lower case")
    wrong = UPN_ALPHABET[(UPN_ALPHABET.index(value[0]) + 1) % 23] + value[1:]
    add("upn", wrong, None, "check letter fails")

for text in ["LS1 4AP", "ls14ap", "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A1BB", "W1A 0AX", "GIR 0AA", "bd18 3le"]:
    assert POSTCODE.match(text), text
    add("postcode", text, "postcode", "valid format")
for text in ["LS1 4CP", "QA1 1AA", "LS1 4AI", "LS1 AAP", "LS123 4AP"]:
    assert not POSTCODE.match(text), text
    add("postcode", text, None, "not a postcode")
add("postcode", "ZZ99 3VZ", None, "NHS pseudo-postcode (no fixed abode)")


def real_date(y, m, d):
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def plausible_birth(day):
    earliest = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - 120)
    return day is not None and earliest <= day <= REFERENCE_DATE


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
for y, m, d in [(2015, 3, 4), (2010, 12, 31), (1950, 1, 1), (2026, 6, 30), (2012, 2, 29)]:
    day = real_date(y, m, d)
    assert plausible_birth(day)
    add("date", f"{y:04d}-{m:02d}-{d:02d}", "date", "YYYY-MM-DD")
    add("date", f"{d:02d}/{m:02d}/{y:04d}", "date", "DD/MM/YYYY")
    add("date", f"{d:02d}-{m:02d}-{y:04d}", "date", "DD-MM-YYYY")
    add("date", f"{d:02d}.{m:02d}.{y:04d}", "date", "DD.MM.YYYY")
    add("date", f"{d}/{m}/{y}", "date", "D/M/YYYY")
    add("date", f"{d} {MONTHS[m - 1]} {y}", "date", "D Month YYYY")
    add("date", f"{d:02d}-{MONTHS[m - 1][:3].upper()}-{y}", "date", "DD-MON-YYYY")
add("date", "05/25/2010", "date", "MM/DD/YYYY (a US-style date is still a date)")
for y, m, d, why in [(2015, 2, 30, "no such day"), (2015, 4, 31, "no such day"), (2013, 2, 29, "not a leap year"),
                     (2026, 7, 1, "in the future"), (2031, 1, 1, "in the future"), (1900, 5, 5, "over 120 years ago"),
                     (2015, 13, 1, "no such month")]:
    assert not plausible_birth(real_date(y, m, d)), (y, m, d)
    add("date", f"{y:04d}-{m:02d}-{d:02d}", None, why)
add("date", "31/02/2015", None, "no such day either way round")
add("date", "2015-03-04T10:15:00", "date", "ISO date with a time")

for text in ["pat.doe@example.org", "first.last+tag@mail.example.co.uk", "J_SMITH99@example.com"]:
    add("email", text, "email", "address")
for text in ["pat.doe@example", "@example.org", "pat.doe@.org"]:
    add("email", text, None, "not an address")

for text in ["07700 900123", "07700900123", "+44 7700 900123", "+447700900123", "07700-900-123", "020 7946 0000",
             "(020) 7946 0000", "0161 496 0000", "+44 (0)161 496 0000", "0113-496-0999", "+44 20 7946 0999"]:
    add("phone", text, "phone", "UK number")
for text in ["07700 90012", "0770090012345", "00000 000000"]:
    add("phone", text, None, "wrong number of digits or no area code")

print(json.dumps({"reference_date": REFERENCE_DATE.isoformat(), "cases": cases}, indent=1))
