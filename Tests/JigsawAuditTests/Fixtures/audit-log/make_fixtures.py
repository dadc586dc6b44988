#!/usr/bin/env python3
"""Independent Python fixtures for Jigsaw's tamper-evident audit log (JigsawAudit).

Written from the format description below, with Python's own `json`, `hashlib`, `base64` and the
`cryptography` package's Ed25519, not by translating Jigsaw's Swift. The Swift tests
(PythonCrossCheckTests.swift) rebuild the same records, append them with `AuditLog.append`, and require the
logs to be byte-identical to the ones written here.

    python3 make_fixtures.py               # (re)write the fixtures in this folder
    python3 make_fixtures.py --check       # regenerate in memory and compare with the files on disk
    python3 make_fixtures.py --self-test   # check verify_log.py against intact and tampered logs

Output is deterministic: fixed records, a signing key from a fixed seed, and Ed25519 (deterministic).

The audit-log format
====================

A log is UTF-8 JSON Lines: one record per line, each line ending in "\\n".

Canonical JSON. Values are strings, whole numbers (within a signed 64-bit integer), true/false, null,
lists and objects. The canonical bytes of a value are Python's

    json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")

i.e. no white space; object keys sorted by code point (the same as by their UTF-8 bytes); in strings only
`"`, `\\` and control characters U+0000-U+001F are escaped (`\\b \\f \\n \\r \\t` by name, the rest as
`\\u00xx` with lowercase hex); everything else, non-ASCII included, is written as itself in UTF-8.

Record body. A JSON object with exactly these members:

    seq       the record's number in the log, from 1
    time      a string: when the run ended, UTC, ISO 8601 with milliseconds ("2026-11-25T22:10:00.123Z");
              passed through as given
    tool      "jigsaw"
    version   the Jigsaw version, a string
    user      the user name, a string
    host      the host name, a string
    command   the command, e.g. "tokenise" or "key new"
    arguments the arguments as given, a list of strings
    cwd       the working directory, a string
    inputs    files read, a list of file objects
    outputs   files written, a list of file objects
    key       null, or {"id": s, "fingerprint": s, "context": s, "example": true|false}
    schema    null, or the linkage schema's fingerprint (a string)
    counts    an object of counts (any values above, nested freely)
    warnings  a list of strings
    outcome   "success" or "failure"
    error     null, or the error code when the outcome is "failure" (e.g. "csv.output-exists")
    prev      the previous record's hash; 64 "0"s for the first record
    signer    only in signed records: the signing key's fingerprint, the first 16 hex digits of SHA-256
              over the raw 32-byte Ed25519 public key

A file object is {"path": s, "size": n|null, "sha256": s|null, "rows": n|null} plus "kind": s only when
the file is not data (a key, a schema ...).

Line. Let BODY be the canonical bytes of the record body (which end in "}"). The record's hash is the
lowercase hex SHA-256 of BODY. The line is BODY without its final "}", then `,"hash":"<hash>"`, then,
when signed, `,"signature":"<base64>"` (standard alphabet with padding, of the 64-byte Ed25519 signature
over BODY), then "}" and "\\n". So hash and signature cover exactly BODY, which anyone can recover from a
line by cutting off those trailing members.

Chain. The first record has seq 1 and prev 64 zeros; each later record has seq one more than the one
before and prev equal to that record's hash.

Files written here
==================

records.json             the records, in order, without seq/prev/signer (the log assigns those), each with
                         a note of what it exercises
expected-unsigned.jsonl  those records chained into an unsigned log
expected-signed.jsonl    the same records chained and signed with signing-key.pem
signing-key.pem          TEST-ONLY Ed25519 private key (PKCS #8) from a fixed, published seed
signing-key.pub.pem      its public key (SubjectPublicKeyInfo)
known-discrepancies.json values whose Python canonical bytes Jigsaw's AuditValue cannot reproduce
                         (see the note in that file)
"""
import argparse
import base64
import hashlib
import json
import os
import re
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = "make_fixtures.py (independent Python json/hashlib/cryptography implementation of the audit-log format)"

# A published seed: anyone can rebuild this key, so it must never sign a real log.
SEED = hashlib.sha256(b"jigsaw audit-log TEST-ONLY signing key; never use for a real log").digest()
KEY_LABEL = (b"TEST-ONLY Ed25519 key for Jigsaw's audit-log fixtures. Its seed is published in make_fixtures.py:\n"
             b"anyone can rebuild it. Never sign a real audit log with it.\n")

GENESIS = "0" * 64
INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1
TIME_FORMAT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\Z")


# ---------------------------------------------------------------------------------------------------------
# The format
# ---------------------------------------------------------------------------------------------------------

def check_value(value, where="value"):
    """Refuses anything the format does not allow (floats, integers outside 64 bits, non-string keys)."""
    if value is None or isinstance(value, (bool, str)):
        return
    if isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            raise ValueError("%s: %d is outside a signed 64-bit integer" % (where, value))
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            check_value(item, "%s[%d]" % (where, i))
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError("%s: key %r is not a string" % (where, key))
            check_value(item, "%s.%s" % (where, key))
        return
    raise ValueError("%s: %r is not an audit value" % (where, value))


def canonical(value):
    check_value(value)
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def fingerprint(raw_public_key):
    return hashlib.sha256(raw_public_key).hexdigest()[:16]


def body_for(record, seq, prev, signer):
    body = dict(record)
    body["seq"] = seq
    body["tool"] = "jigsaw"
    body["prev"] = prev
    if signer is not None:
        body["signer"] = signer
    return body


def log_line(body, private_key):
    """The log line for `body` (ending in a newline) and the record's hash."""
    data = canonical(body)
    assert data.endswith(b"}")
    digest = hashlib.sha256(data).hexdigest()
    line = data[:-1] + b',"hash":"' + digest.encode("ascii") + b'"'
    if private_key is not None:
        signature = private_key.sign(data)
        line += b',"signature":"' + base64.b64encode(signature) + b'"'
    return line + b"}\n", digest


def write_log(records, private_key=None):
    """Chains `records` (bodies without seq/tool/prev/signer) into a log, signing each when a key is given."""
    signer = None
    if private_key is not None:
        signer = fingerprint(private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))
    out = []
    prev = GENESIS
    for seq, record in enumerate(records, start=1):
        line, prev = log_line(body_for(record, seq, prev, signer), private_key)
        out.append(line)
    return b"".join(out)


def signing_key():
    return Ed25519PrivateKey.from_private_bytes(SEED)


# ---------------------------------------------------------------------------------------------------------
# The records
# ---------------------------------------------------------------------------------------------------------

def file_record(path, size=None, sha256=None, rows=None, kind=None):
    value = {"path": path, "size": size, "sha256": sha256, "rows": rows}
    if kind is not None:
        value["kind"] = kind
    return value


def record(time, command, arguments, cwd, *, version="0.1.0", user="analyst", host="ig-laptop", inputs=(), outputs=(),
           key=None, schema=None, counts=None, warnings=(), error=None):
    return {
        "time": time, "version": version, "user": user, "host": host, "command": command,
        "arguments": list(arguments), "cwd": cwd, "inputs": list(inputs), "outputs": list(outputs),
        "key": key, "schema": schema, "counts": dict(counts or {}), "warnings": list(warnings),
        "outcome": "failure" if error is not None else "success", "error": error,
    }


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def records():
    """(note, record) pairs, in log order."""
    key = {"id": "nhs-la-send-2026", "fingerprint": "c871aef19d082197", "context": "send-linkage-2026", "example": False}
    out = []

    out.append(("tokenise over accented paths (\u00e9, \u00fc, \u00df, NFC and NFD), key and schema fingerprints, nested counts", record(
        "2026-11-25T22:10:00.123Z", "tokenise",
        ["Sch\u00fcler/\u00e9l\u00e8ves.csv", "--schema", "sch\u00e9ma.json", "-o", "Stra\u00dfe/pseudonymis\u00e9.csv",
         "cafe\u0301-decomposed.csv", "\u212bngstr\u00f6m-sign.csv"],
        "/srv/donn\u00e9es/\u00e9quipe",
        inputs=[file_record("/srv/donn\u00e9es/\u00e9quipe/Sch\u00fcler/\u00e9l\u00e8ves.csv", 48213, sha("eleves"), 1200),
                file_record("/srv/donn\u00e9es/\u00e9quipe/sch\u00e9ma.json", 912, sha("schema"), None, "schema")],
        outputs=[file_record("/srv/donn\u00e9es/\u00e9quipe/Stra\u00dfe/pseudonymis\u00e9.csv", 96001, sha("tokens"), 1200)],
        key=key, schema="5f0c3e19a2b7d4e8",
        counts={"rows": 1200, "tokens": 2391,
                "invalid": {"nhs-number": {"check-digit": 4, "length": 2, "non-digit": 1}, "date-of-birth": {"future": 1}}},
    )))

    out.append(("CJK, Hangul, Arabic and emoji (outside the BMP) in paths, user, host and counts keys", record(
        "2026-11-25T22:11:07.004Z", "match",
        ["\u5b66\u751f\u540d\u7c3f.csv", "\ud559\uc0dd.csv", "\U0001F4CA reports/\U0001F680 links.csv", "\u0645\u0644\u0641.csv"],
        "/\u30c7\u30fc\u30bf/\u6bd4\u8f03",
        user="\u5c71\u7530", host="\u30b5\u30fc\u30d0\u30fc-\U0001F5A5",
        inputs=[file_record("/\u30c7\u30fc\u30bf/\u6bd4\u8f03/\u5b66\u751f\u540d\u7c3f.csv", 1024, sha("a"), 10),
                file_record("/\u30c7\u30fc\u30bf/\u6bd4\u8f03/\ud559\uc0dd.csv", 2048, sha("b"), 20)],
        outputs=[file_record("/\u30c7\u30fc\u30bf/\u6bd4\u8f03/\U0001F4CA reports/\U0001F680 links.csv", 333, sha("c"), 7)],
        counts={"links": 7, "\u30ea\u30f3\u30af": 7, "\U0001F517": 7, "\u0631\u0648\u0627\u0628\u0637": 7},
    )))

    out.append(("quotes, backslashes, every escaped control character, DEL, U+2028/2029, BOM, '/', and text that looks like the trailing hash/signature members", record(
        "2026-11-25T22:12:00.000Z", "suppress",
        ['he said "hi"', "C:\\Users\\analyst\\file.csv", "\\\\server\\share\\", "\\\"", "line one\nline two", "tab\there",
         "cr\rlf\r\n", "\b\f", "\u0000", "\u0001\u0002\u001f", "\u007f", "\u2028\u2029", "\ufeffbom", "</script>", "a/b",
         ',"hash":"' + "0" * 64 + '"}', ',"signature":"AAAA"}', "}", "{", "\u00a0nbsp\u00a0"],
        "/data/quo\"te\\d",
        warnings=["a \"quoted\" warning\nwith a second line", "\t"],
        counts={"cells": 48, "suppressed": {"primary": 3, "secondary": 5}},
    )))

    out.append(("empty strings everywhere a string may be, and an empty-string counts key", record(
        "2026-11-25T22:13:00.999Z", "", ["", "", "-"], "",
        version="", user="", host="",
        inputs=[file_record("", 0, "", 0)], outputs=[file_record("-")],
        key={"id": "", "fingerprint": "", "context": "", "example": False}, schema="",
        counts={"": 0, "empty": ""}, warnings=[""],
    )))

    out.append(("counts keys that need sorting: case, punctuation, digits, prefixes, Latin-1, Greek, CJK, halfwidth (U+FF71) vs emoji (UTF-16 order would differ), U+212B unnormalised, nested", record(
        "2026-11-25T22:14:30.500Z", "audit-table", ["table.csv", "--hierarchy", "geo.csv"], "/data",
        inputs=[file_record("/data/table.csv", 5000, sha("table"), 40),
                file_record("/data/geo.csv", 300, sha("geo"), 12, "hierarchy")],
        counts={
            "Zebra": 1, "apple": 2, "Apple": 3, "_under": 4, "a": 5, "ab": 6, "abc": 7, "a-b": 8, "a b": 9, "a.b": 10,
            "\u00e9": 11, "e": 12, "z": 13, "\u00df": 14, "\u65e5\u672c": 15, "\U0001F600": 16, "\uff71": 17, "~": 18,
            "\u03a9": 19, "10": 20, "9": 21, "1": 22, "\u212b": 23,
            "invalid": {"check": 1, "check-digit": 2, "checkdigit": 3, "check_digit": 4, "check digit": 5, "Check": 6},
            "nested": {"b": {"d": {"f": 1, "e": 2}, "c": []}, "a": {}},
            "stages": [{"stage": "exact", "links": 5, "Stage": "x"}, {"links": 2, "stage": "fuzzy"}],
        },
    )))

    out.append(("integers: zero, negatives, 2^31, 2^32, 2^53 and 2^53 + 1 (not exact in a double), Int64 max and min; sizes at the limits", record(
        "2026-11-25T22:15:00.001Z", "synth", ["--rows", "9007199254740993", "--seed", "-1"], "/tmp",
        inputs=[file_record("/tmp/huge.csv", INT64_MAX, sha("huge"), 9007199254740993)],
        outputs=[file_record("/tmp/big.csv", 2 ** 53, sha("big"), 0)],
        counts={"zero": 0, "minus-one": -1, "negative": -42, "2^31": 2 ** 31, "2^32": 2 ** 32, "-2^31-1": -(2 ** 31) - 1,
                "2^53": 2 ** 53, "2^53+1": 2 ** 53 + 1, "-2^53": -(2 ** 53), "-2^53-1": -(2 ** 53) - 1,
                "int64-max": INT64_MAX, "int64-min": INT64_MIN, "int64-max-1": INT64_MAX - 1, "list": [INT64_MIN, -1, 0, 1, INT64_MAX]},
    )))

    out.append(("a failure: error code, null key and schema, warnings, empty outputs", record(
        "2026-11-25T22:16:00.250Z", "tokenise", ["extract.csv", "-o", "exists.csv"], "/data",
        inputs=[file_record("/data/extract.csv", 120, sha("extract"), 3)],
        warnings=["the output exists; a file is never overwritten"],
        error="csv.output-exists",
    )))

    out.append(("booleans, nulls, empty list and empty object inside counts; an example key", record(
        "2026-11-25T22:17:00.000Z", "bloom", ["tokens.csv", "--dry-run"], "/data",
        inputs=[file_record("/data/tokens.csv", 777, sha("tokens2"), 9)],
        key={"id": "example-key", "fingerprint": "0123456789abcdef", "context": "", "example": True},
        counts={"dry-run": True, "complete": False, "skipped": None, "empty-list": [], "empty-object": {},
                "mixed": [True, False, None, "x", 1, [], {}, [[]], {"k": [None]}]},
        warnings=["an example key was used: its tokens must not be shared"],
    )))

    out.append(("no inputs, no outputs, empty counts and warnings", record(
        "2026-11-25T22:18:00.000Z", "audit verify", [], "/", counts={},
    )))

    out.append(("files with null size, sha256 and rows, and kinds (key, signing-key, report, standard input/output)", record(
        "2026-11-25T22:19:00.010Z", "key new", ["--id", "nhs-la-send-2026", "-o", "/secure/keys/k.key"], "/secure",
        inputs=[file_record("-"), file_record("/secure/keys/audit.pem", None, None, None, "signing-key"),
                file_record("/secure/keys/old.key", 190, None, None, "key")],
        outputs=[file_record("/secure/keys/k.key", None, None, None, "key"), file_record("-", None, None, None, "report"),
                 file_record("/secure/report.txt", 12, sha("report"), None, "report")],
        key=key,
    )))

    out.append(("a long argument (5,000 characters, multi-byte) and many warnings", record(
        "2026-11-25T22:20:00.000Z", "link", ["x" * 2000 + "\u00e9" * 1000 + "\U0001F600" * 1000 + "\u5b57" * 1000], "/data",
        counts={"pairs": 123456789},
        warnings=["warning %d: \u00e9\"\\" % i for i in range(20)],
    )))

    out.append(("a last ordinary record (so tampering tests have records on both sides)", record(
        "2026-11-26T00:00:00.000Z", "tokenise", ["a.csv", "-o", "b.csv"], "/data",
        inputs=[file_record("/data/a.csv", 10, sha("a.csv"), 1)],
        outputs=[file_record("/data/b.csv", 20, sha("b.csv"), 1)],
        key=key, counts={"rows": 1, "tokens": 1},
    )))

    for note, rec in out:
        check_value(rec, note)
        assert TIME_FORMAT.match(rec["time"]), rec["time"]
    return out


def known_discrepancies():
    """Values Python serialises that Jigsaw's AuditValue cannot hold, so cannot reproduce."""
    cases = [
        ("an object with two keys that are canonically equivalent but different code points "
         "(\"\u00e9\" U+00E9 and \"e\u0301\" U+0065 U+0301): Python keeps both; a Swift Dictionary<String, _> "
         "treats them as one key (String == is canonical equivalence)",
         {"\u00e9": 1, "e\u0301": 2}),
        ("the same with the angstrom sign U+212B, U+00C5 and A + U+030A, all canonically equivalent",
         {"\u212b": 1, "\u00c5": 2, "A\u030a": 3}),
    ]
    return [{"about": about, "python_canonical": canonical(value).decode("utf-8")} for about, value in cases]


# ---------------------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------------------

def pretty(value):
    """Readable JSON for records.json (it is parsed, not compared byte for byte)."""
    return (json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def build():
    """Every fixture file's name and bytes."""
    key = signing_key()
    raw_public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    pairs = records()
    bodies = [rec for _, rec in pairs]
    unsigned = write_log(bodies)
    signed = write_log(bodies, key)
    hashes_unsigned = [json.loads(line)["hash"] for line in unsigned.splitlines()]
    hashes_signed = [json.loads(line)["hash"] for line in signed.splitlines()]
    private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    public_pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    document = {
        "generator": GENERATOR,
        "format": "each record is a log record body without seq, tool, prev and signer, which the log assigns; "
                  "expected-*.jsonl are these records appended in order",
        "signer": fingerprint(raw_public),
        "records": [{"about": note, "record": rec, "hash_unsigned": hu, "hash_signed": hs}
                    for (note, rec), hu, hs in zip(pairs, hashes_unsigned, hashes_signed)],
    }
    discrepancies = {
        "generator": GENERATOR,
        "about": "Python json.dumps(v, sort_keys=True, separators=(',', ':'), ensure_ascii=False) of objects whose keys "
                 "are distinct strings but canonically equivalent Unicode. AuditValue.object is a Swift "
                 "[String: AuditValue], whose keys compare by canonical equivalence, so it cannot hold such an "
                 "object, and decoding this JSON into it keeps one member. Not a bug in Jigsaw's writer for any value "
                 "it can hold; a limit of what it can hold.",
        "cases": known_discrepancies(),
    }
    return {
        "records.json": pretty(document),
        "expected-unsigned.jsonl": unsigned,
        "expected-signed.jsonl": signed,
        "signing-key.pem": KEY_LABEL + private_pem,
        "signing-key.pub.pem": public_pem,
        "known-discrepancies.json": pretty(discrepancies),
    }


def write_all(files):
    for name, data in files.items():
        with open(os.path.join(HERE, name), "wb") as handle:
            handle.write(data)
        print("wrote %s (%d bytes)" % (name, len(data)))


def check_all(files):
    stale = []
    for name, data in files.items():
        path = os.path.join(HERE, name)
        if not os.path.exists(path) or open(path, "rb").read() != data:
            stale.append(name)
    if stale:
        print("stale or missing: %s (run make_fixtures.py)" % ", ".join(stale), file=sys.stderr)
        return 1
    print("all %d fixture files match a fresh generation" % len(files))
    return 0


# ---------------------------------------------------------------------------------------------------------
# Self-test: verify_log.py against intact and tampered logs
# ---------------------------------------------------------------------------------------------------------

def self_test():
    sys.path.insert(0, HERE)
    import verify_log
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey as Key

    files = build()
    unsigned = files["expected-unsigned.jsonl"]
    signed = files["expected-signed.jsonl"]
    public = verify_log.load_public_key(files["signing-key.pub.pem"])
    other = Key.from_private_bytes(hashlib.sha256(b"another test-only key").digest())
    failures = []
    count = [0]

    def expect(condition, what):
        count[0] += 1
        if not condition:
            failures.append(what)

    def first(data, key=None, anchors=()):
        entries, problems = verify_log.verify(data, key, anchors)
        return problems[0] if problems else None

    def lines(data):
        return data.split(b"\n")[:-1]

    def join(parts):
        return b"".join(part + b"\n" for part in parts)

    # The format as described, checked on the generated logs.
    for data, is_signed in ((unsigned, False), (signed, True)):
        prev = GENESIS
        for number, line in enumerate(lines(data), start=1):
            parsed = json.loads(line)
            body = {k: v for k, v in parsed.items() if k not in ("hash", "signature")}
            body_bytes = canonical(body)
            expect(hashlib.sha256(body_bytes).hexdigest() == parsed["hash"], "hash of line %d" % number)
            expect(body["seq"] == number and body["prev"] == prev, "chain at line %d" % number)
            expect(("signature" in parsed) == is_signed and ("signer" in body) == is_signed, "signature members at line %d" % number)
            expect(line.startswith(body_bytes[:-1] + b',"hash":"'), "body is a prefix of line %d" % number)
            prev = parsed["hash"]

    # Intact logs verify, with and without the key, and canonically.
    expect(verify_log.verify(unsigned)[1] == [], "unsigned log intact")
    expect(verify_log.verify(signed)[1] == [], "signed log intact without a key")
    expect(verify_log.verify(signed, public)[1] == [], "signed log intact with its key")
    expect(verify_log.verify(unsigned, canonical=True)[1] == [], "unsigned log canonical")
    expect(verify_log.verify(signed, public, canonical=True)[1] == [], "signed log canonical")
    head = json.loads(lines(unsigned)[-1])["hash"]
    expect(verify_log.verify(unsigned, anchors=[head])[1] == [], "head anchor found")

    for name, data, key in (("unsigned", unsigned, None), ("signed", signed, public)):
        all_lines = lines(data)
        n = len(all_lines)

        # Edit one byte: a digit in record 6's counts.
        edited = list(all_lines)
        edited[5] = edited[5].replace(b'"zero":0', b'"zero":1', 1)
        expect(edited[5] != all_lines[5], "%s: edit applied" % name)
        p = first(join(edited), key)
        expect(p is not None and (p.kind, p.line) == ("hash-mismatch", 6), "%s: edited byte -> %r" % (name, p))

        # Edit a record and recompute its hash (without the signing key): the next record's prev breaks, and
        # with the key the edited record's signature breaks first.
        body_end = edited[5].rfind(b',"hash":"')
        body = edited[5][:body_end] + b"}"
        forged = body[:-1] + b',"hash":"' + hashlib.sha256(body).hexdigest().encode() + b'"' + edited[5][body_end + 9 + 64 + 1:]
        rehashed = list(all_lines)
        rehashed[5] = forged
        p = first(join(rehashed), key)
        want = ("bad-signature", 6) if key is not None else ("chain", 7)
        expect(p is not None and (p.kind, p.line) == want, "%s: edited and rehashed -> %r, want %r" % (name, p, want))

        # Delete a record from the middle.
        deleted = all_lines[:3] + all_lines[4:]
        p = first(join(deleted), key)
        expect(p is not None and (p.kind, p.line, p.seq) == ("sequence", 4, 5), "%s: deleted -> %r" % (name, p))

        # Delete the first record.
        p = first(join(all_lines[1:]), key)
        expect(p is not None and (p.kind, p.line) == ("sequence", 1), "%s: first deleted -> %r" % (name, p))

        # Swap two records.
        swapped = list(all_lines)
        swapped[2], swapped[3] = swapped[3], swapped[2]
        p = first(join(swapped), key)
        expect(p is not None and (p.kind, p.line, p.seq) == ("sequence", 3, 4), "%s: swapped -> %r" % (name, p))

        # Truncate mid-line (a torn write), and cut only the final newline.
        p = first(data[:len(data) - 40], key)
        expect(p is not None and (p.kind, p.line) == ("torn-line", n), "%s: truncated mid-line -> %r" % (name, p))
        p = first(data[:-1], key)
        expect(p is not None and (p.kind, p.line) == ("torn-line", n), "%s: final newline cut -> %r" % (name, p))

        # Truncate whole records from the end: undetectable without an anchor, detected with one.
        shortened = join(all_lines[:-2])
        expect(first(shortened, key) is None, "%s: whole-record truncation is invisible without an anchor" % name)
        anchor = json.loads(all_lines[-1])["hash"]
        p = first(shortened, key, [anchor])
        expect(p is not None and p.kind == "anchor-missing", "%s: truncation with anchor -> %r" % (name, p))

        # A blank line and a line of junk.
        p = first(join(all_lines[:2] + [b""] + all_lines[2:]), key)
        expect(p is not None and (p.kind, p.line) == ("unreadable", 3), "%s: blank line -> %r" % (name, p))

        # Uppercase hex in a stored hash.
        upper = list(all_lines)
        at = upper[0].rfind(b',"hash":"') + 9
        upper[0] = upper[0][:at] + upper[0][at:at + 64].upper() + upper[0][at + 64:]
        if upper[0] != all_lines[0]:
            p = first(join(upper), key)
            expect(p is not None and (p.kind, p.line) == ("unreadable", 1), "%s: uppercase hash -> %r" % (name, p))

        # Every single-byte change anywhere in the log breaks it (with the key for the signed log).
        step = 1 if key is None else 5
        missed = []
        for position in range(0, len(data), step):
            changed = bytearray(data)
            changed[position] ^= 0x01 if changed[position] != 0x0B else 0x02
            if first(bytes(changed), key) is None:
                missed.append(position)
        expect(not missed, "%s: single-byte changes not detected at %r" % (name, missed[:10]))

    # Signature attacks on the signed log.
    all_lines = lines(signed)
    stripped = list(all_lines)
    cut = stripped[4].rfind(b',"signature":"')
    stripped[4] = stripped[4][:cut] + b"}"
    p = first(join(stripped), public)
    expect(p is not None and (p.kind, p.line) == ("unsigned", 5), "signature removed -> %r" % p)
    expect(first(join(stripped)) is None, "signature removed is invisible without a key (the hash still matches)")
    p = first(unsigned, public)
    expect(p is not None and (p.kind, p.line) == ("unsigned", 1), "unsigned log with a key -> %r" % p)
    p = first(write_log([rec for _, rec in records()], other), public)
    expect(p is not None and (p.kind, p.line) == ("bad-signature", 1), "log signed by another key -> %r" % p)
    resigned = list(all_lines)
    body_end = resigned[4].rfind(b',"hash":"')
    body = resigned[4][:body_end] + b"}"
    resigned[4] = resigned[4][:resigned[4].rfind(b',"signature":"')] + b',"signature":"' + base64.b64encode(other.sign(body)) + b'"}'
    p = first(join(resigned), public)
    expect(p is not None and (p.kind, p.line) == ("bad-signature", 5), "record re-signed by another key -> %r" % p)

    # The CLI: exit codes and the first break.
    import contextlib
    import io
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        def run(data, *arguments):
            path = os.path.join(folder, "log.jsonl")
            with open(path, "wb") as handle:
                handle.write(data)
            out = io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
                status = verify_log.main([path] + list(arguments))
            return status, out.getvalue()
        pub = os.path.join(folder, "key.pub.pem")
        with open(pub, "wb") as handle:
            handle.write(files["signing-key.pub.pem"])
        status, text = run(signed, "--public-key", pub)
        expect(status == 0 and text.startswith("OK: 12 records (12 signed)"), "CLI intact -> %d %r" % (status, text))
        status, text = run(join(all_lines[:3] + all_lines[4:]), "--public-key", pub)
        expect(status == 1 and text.startswith("BROKEN: line 4: record 5 should be record 4"), "CLI deleted -> %d %r" % (status, text))

    # The Python canonical form itself, on cases the format description singles out.
    expect(canonical({"b": 1, "a": [True, None, "\u00e9\n\u0001\"\\/"]}) == b'{"a":[true,null,"\xc3\xa9\\n\\u0001\\"\\\\/"],"b":1}',
           "canonical bytes of a small example")
    expect(canonical({"\uff71": 1, "\U0001F600": 2}) == '{"\uff71":1,"\U0001F600":2}'.encode("utf-8"),
           "code-point (not UTF-16) key order")
    for bad in (1.5, 2 ** 63, -(2 ** 63) - 1, {1: 2}, b"x"):
        try:
            canonical(bad)
            expect(False, "refused %r" % (bad,))
        except ValueError:
            expect(True, "")

    for failure in failures:
        print("FAIL: %s" % failure)
    print("%d checks, %d failed" % (count[0], len(failures)))
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare a fresh generation with the files on disk")
    parser.add_argument("--self-test", action="store_true", help="check verify_log.py against intact and tampered logs")
    options = parser.parse_args()
    if options.self_test:
        return self_test()
    files = build()
    if options.check:
        return check_all(files)
    write_all(files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
