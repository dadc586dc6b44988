#!/usr/bin/env python3
"""Encode a CSV with clkhash, for comparison with jigsaw encode --format anonlink.

    python clkhash_encode.py INPUT.csv SCHEMA.json SECRET_FILE OUTPUT.json WORKERS

Uses clkhash's own CSV path (generate_clk_from_csv, with validation and header checking, as the
clkhash CLI does) and writes {"clks": [base64 CLK, ...]}. The secret is the file's text with one
trailing newline removed, as jigsaw --clkhash-secret-file reads it. WORKERS=1 runs in-process;
larger values use clkhash's process pool.
"""
import json
import sys

from clkhash import clk
from clkhash.schema import from_json_file
from clkhash.serialization import serialize_bitarray


def main():
    input_path, schema_path, secret_path, output_path, workers = sys.argv[1:6]
    with open(secret_path, encoding="utf-8") as f:
        secret = f.read()
    if secret.endswith("\n"):
        secret = secret[:-1]
    with open(schema_path) as f:
        schema = from_json_file(f)
    with open(input_path, newline="", encoding="utf-8") as f:
        clks = clk.generate_clk_from_csv(f, secret, schema, validate=True, header=True,
                                         progress_bar=False, max_workers=int(workers))
    with open(output_path, "w") as f:
        json.dump({"clks": [serialize_bitarray(c) for c in clks]}, f)


if __name__ == "__main__":
    main()
