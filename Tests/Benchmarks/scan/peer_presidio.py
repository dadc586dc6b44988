#!/usr/bin/env python3
"""The peer for the scan benchmark: Microsoft Presidio's pattern recognizers, for the kinds jigsaw scan
looks for, over the same file.

    python3 peer_presidio.py FILE OUT.json [--block-lines N] [--workers N]

Presidio's AnalyzerEngine needs a spaCy language model, which is downloaded from outside PyPI and so
cannot be installed here, and it adds NER and context scoring this comparison does not need. So the
recognizers are called directly, which is also Presidio at its fastest: NhsRecognizer (modulus 11
checked), UkPostcodeRecognizer, EmailRecognizer, PhoneRecognizer (Google's phonenumbers, region GB) and
DateRecognizer, each over blocks of 200 lines (one call per block, not per line: phonenumbers gives up
on a text after 65,535 candidate numbers, so larger blocks miss telephone numbers), in one process per core.
The e-mail recognizer's domain check (tldextract) is given its bundled public-suffix list, so nothing is
fetched from the network. Every result is mapped to its line. Writes
{"seconds": s, "rows": n, "findings": {kind: [line, ...]}} with jigsaw's kind names, never a matched value.
"""
import argparse
import bisect
import json
import multiprocessing
import time
import types

import tldextract
from presidio_analyzer.predefined_recognizers import (
    DateRecognizer,
    EmailRecognizer,
    NhsRecognizer,
    PhoneRecognizer,
    UkPostcodeRecognizer,
)
from presidio_analyzer.predefined_recognizers.generic import email_recognizer

# Offline: the public-suffix snapshot shipped inside tldextract, no download, no cache folder.
email_recognizer.tldextract = types.SimpleNamespace(extract=tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None))

RECOGNIZERS = None


def recognizers():
    global RECOGNIZERS
    if RECOGNIZERS is None:
        RECOGNIZERS = [
            (NhsRecognizer(), "UK_NHS", "nhs-number"),
            (UkPostcodeRecognizer(), "UK_POSTCODE", "postcode"),
            (EmailRecognizer(), "EMAIL_ADDRESS", "email"),
            (PhoneRecognizer(supported_regions=["GB"]), "PHONE_NUMBER", "phone"),
            (DateRecognizer(), "DATE_TIME", "date"),
        ]
    return RECOGNIZERS


def scan_block(block):
    first_line, lines = block
    text = "".join(lines)
    starts = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line)
    found = {}
    for recognizer, entity, kind in recognizers():
        for result in recognizer.analyze(text, [entity], None):
            found.setdefault(kind, set()).add(first_line + bisect.bisect_right(starts, result.start) - 1)
    return found


def blocks(path, size):
    with open(path, encoding="utf-8", errors="replace") as f:
        first_line = 1
        while True:
            lines = [line for _, line in zip(range(size), f)]
            if not lines:
                return
            yield first_line, lines
            first_line += len(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("out")
    parser.add_argument("--block-lines", type=int, default=200)
    parser.add_argument("--workers", type=int, default=multiprocessing.cpu_count())
    args = parser.parse_args()
    findings = {kind: set() for kind in ["nhs-number", "postcode", "email", "phone", "date"]}
    rows = 0
    start = time.perf_counter()
    with multiprocessing.Pool(args.workers) as pool:
        for found in pool.imap(scan_block, blocks(args.file, args.block_lines), chunksize=1):
            for kind, lines in found.items():
                findings[kind] |= lines
    with open(args.file, "rb") as f:
        rows = sum(1 for _ in f) - 1
    seconds = time.perf_counter() - start
    with open(args.out, "w") as out:
        json.dump({"seconds": seconds, "rows": rows, "findings": {k: sorted(v) for k, v in findings.items()}}, out)


if __name__ == "__main__":
    main()
