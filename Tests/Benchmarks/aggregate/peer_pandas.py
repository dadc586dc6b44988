#!/usr/bin/env python3
"""The peer: the same aggregation with pandas. Each distinct left_id once (first row), the first true group
(looked_after, child_in_need, send, free_school_meals, else none) and service (camhs, community_services,
ae_attendance, else none), counts per council × group × service, every combination (zeros included), regions
and councils sorted by code, written as `jigsaw aggregate` writes its leaves.

    python3 peer_pandas.py LINKS.csv OUT.csv
"""
import sys

import numpy as np
import pandas as pd

links, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(links, dtype=str, keep_default_na=False)
df = df.drop_duplicates("left_id", keep="first")


def flag(column):
    return df[column].str.strip(" \t").str.lower().isin(["1", "y", "yes", "true", "k", "e"])


send = ~df["send"].str.strip(" \t").str.lower().isin(["", "0", "n", "no", "false"])
groups = ["looked_after", "child_in_need", "send", "free_school_meals", "none"]
services = ["camhs", "community_services", "ae_attendance", "none"]
df["group"] = np.select([flag("looked_after"), flag("child_in_need"), send, flag("free_school_meals")], groups[:4], "none")
df["service"] = np.select([flag("camhs"), flag("community_services"), flag("ae_attendance")], services[:3], "none")
counts = df.groupby(["council", "group", "service"]).size()
geography = df[["region", "council"]].drop_duplicates().sort_values(["region", "council"])["council"]
index = pd.MultiIndex.from_product([geography, groups, services], names=["council", "group", "service"])
counts = counts.reindex(index, fill_value=0).rename("count").reset_index()
counts.to_csv(out, index=False, lineterminator="\n")
