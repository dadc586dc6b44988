#!/usr/bin/env python3
"""Check a Jigsaw audit log without Jigsaw: the hash chain, every record's hash and, given the signer's
public key, every record's Ed25519 signature.

Written from the log format (see make_fixtures.py in this folder for the full description), not from
Jigsaw's source. Needs only Python 3's standard library, plus the `cryptography` package when a public
key is given.

    python3 verify_log.py LOG [--public-key KEY.pub.pem] [--anchor HASH ...] [--canonical] [--all]

Exit status 0 and `OK: ...` when the log is intact; 1 and `BROKEN: line N: ...` naming the first break
(with --all, every break) otherwise; 2 when the log or the key cannot be read.

The checks, line by line (a line is the bytes up to a newline):

- the log ends in a newline (otherwise its last line is torn: a write was cut off or the file truncated);
- the line is `{BODY-MEMBERS,"hash":"<64 lowercase hex>"}` or
  `{BODY-MEMBERS,"hash":"<64 lowercase hex>","signature":"<base64>"}`, and `{BODY-MEMBERS}` is a JSON
  object with an integer `seq` and a string `prev`;
- SHA-256 of the body bytes `{BODY-MEMBERS}`, exactly as they appear in the line, is the stored hash;
- `seq` is one more than the previous readable record's (1 for the first): nothing removed or reordered;
- `prev` is the previous record's stored hash (64 zeros for the first);
- with a public key: the record has a signature, its `signer` is the key's fingerprint (first 16 hex
  digits of SHA-256 of the raw 32-byte public key) and the signature is valid Ed25519 over the body bytes;
- with --canonical: the body is byte for byte its own canonical JSON (Python's
  `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`);
- each --anchor (a record hash noted down earlier) is still the hash of some record in the log.
"""
import argparse
import base64
import binascii
import hashlib
import json
import re
import sys

GENESIS = "0" * 64
HASH_MARKER = b',"hash":"'
SIGNATURE_PREFIX = b',"signature":"'
HEX64 = re.compile(rb"[0-9a-f]{64}\Z")


class Problem:
    """One break in the log. `kind` uses the same names as `jigsaw audit verify`."""

    def __init__(self, kind, line, message, seq=None):
        self.kind = kind
        self.line = line
        self.seq = seq
        self.message = message

    def __repr__(self):
        return "Problem(%r, line=%r, seq=%r)" % (self.kind, self.line, self.seq)

    def __str__(self):
        where = "line %d: " % self.line if self.line is not None else ""
        return "%s%s [%s]" % (where, self.message, self.kind)


class Entry:
    """A readable line: the parsed body, the body's bytes, the stored hash and the signature (or None)."""

    def __init__(self, line, body_bytes, body, stored_hash, signature):
        self.line = line
        self.body_bytes = body_bytes
        self.body = body
        self.stored_hash = stored_hash
        self.signature = signature


def canonical_json(value):
    """The canonical serialisation the record hash is taken over."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def fingerprint(raw_public_key):
    """A signer's fingerprint: the first 16 hex digits of SHA-256 over the raw 32-byte Ed25519 key."""
    return hashlib.sha256(raw_public_key).hexdigest()[:16]


def load_public_key(pem_bytes):
    """Reads a PEM `-----BEGIN PUBLIC KEY-----` Ed25519 key (text before the BEGIN line is ignored)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    begin = pem_bytes.find(b"-----BEGIN")
    key = serialization.load_pem_public_key(pem_bytes[begin if begin >= 0 else 0:])
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def raw_public_key(key):
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def parse_line(data, number):
    """Splits one line (without its newline) into an Entry, or raises ValueError saying why it cannot."""
    if not data.endswith(b"}"):
        raise ValueError("does not end in '}'")
    start = data.rfind(HASH_MARKER)
    if start < 0:
        raise ValueError('has no "hash" member at its end')
    hash_start = start + len(HASH_MARKER)
    stored = data[hash_start:hash_start + 64]
    if not HEX64.match(stored) or data[hash_start + 64:hash_start + 65] != b'"':
        raise ValueError("its hash is not 64 lowercase hex digits")
    rest = data[hash_start + 65:]
    signature = None
    if rest != b"}":
        if not (rest.startswith(SIGNATURE_PREFIX) and rest.endswith(b'"}') and len(rest) > len(SIGNATURE_PREFIX) + 2):
            raise ValueError("has unexpected text after the hash")
        try:
            signature = base64.b64decode(rest[len(SIGNATURE_PREFIX):-2], validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("its signature is not base64")
    body_bytes = data[:start] + b"}"
    try:
        body = json.loads(body_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ValueError("its body is not JSON")
    if not isinstance(body, dict):
        raise ValueError("its body is not a JSON object")
    if type(body.get("seq")) is not int:
        raise ValueError('its "seq" is missing or not an integer')
    if not isinstance(body.get("prev"), str):
        raise ValueError('its "prev" is missing or not a string')
    return Entry(number, body_bytes, body, stored.decode("ascii"), signature)


def verify(data, public_key=None, anchors=(), canonical=False):
    """Checks a whole log held in memory.

    Returns (entries, problems): the readable records and every break found, in file order (anchors last).
    `public_key` is a cryptography Ed25519PublicKey, or None to skip signatures.
    """
    problems = []
    entries = []
    signer = fingerprint(raw_public_key(public_key)) if public_key is not None else None
    previous_seq, previous_hash = 0, GENESIS
    lines = data.split(b"\n")
    complete, torn = lines[:-1], lines[-1]
    for index, line in enumerate(complete, start=1):
        try:
            entry = parse_line(line, index)
        except ValueError as error:
            problems.append(Problem("unreadable", index, "is not a Jigsaw audit record: %s" % error))
            continue
        seq = entry.body["seq"]
        name = "record %d" % seq
        computed = hashlib.sha256(entry.body_bytes).hexdigest()
        if computed != entry.stored_hash:
            problems.append(Problem("hash-mismatch", index, "%s has been altered: its content does not match its hash" % name, seq))
        elif seq != previous_seq + 1:
            problems.append(Problem("sequence", index, "%s should be record %d: records were removed or reordered before it"
                                    % (name, previous_seq + 1), seq))
        elif entry.body["prev"] != previous_hash:
            problems.append(Problem("chain", index, "%s does not chain to the record before it (its \"prev\" is not that record's hash)"
                                    % name, seq))
        elif public_key is not None and entry.signature is None:
            problems.append(Problem("unsigned", index, "%s is not signed, but a signature by key %s was required" % (name, signer), seq))
        elif public_key is not None and not _signature_ok(public_key, signer, entry):
            problems.append(Problem("bad-signature", index, "%s has no valid signature by key %s" % (name, signer), seq))
        elif canonical and canonical_json(entry.body) != entry.body_bytes:
            problems.append(Problem("not-canonical", index, "%s is not written in canonical JSON" % name, seq))
        previous_seq, previous_hash = seq, entry.stored_hash
        entries.append(entry)
    if torn:
        problems.append(Problem("torn-line", len(complete) + 1,
                                "is incomplete (no newline at the end of the log): a write was cut off or the log was truncated"))
    for anchor in anchors:
        if not any(entry.stored_hash == anchor.lower() for entry in entries):
            problems.append(Problem("anchor-missing", None, "no record has the hash %s noted earlier: records were removed from "
                                    "the end of the log, or it is another log" % anchor))
    return entries, problems


def _signature_ok(public_key, signer, entry):
    from cryptography.exceptions import InvalidSignature

    if entry.body.get("signer") != signer:
        return False
    try:
        public_key.verify(entry.signature, entry.body_bytes)
        return True
    except InvalidSignature:
        return False


def main(argv=None):
    parser = argparse.ArgumentParser(description="Check a Jigsaw audit log's hash chain and signatures without Jigsaw.")
    parser.add_argument("log", help="the audit log (JSON Lines)")
    parser.add_argument("--public-key", metavar="PEM", help="the signer's Ed25519 public key; every record must be signed by it")
    parser.add_argument("--anchor", metavar="HASH", action="append", default=[], help="a record hash noted earlier that must still be in the log")
    parser.add_argument("--canonical", action="store_true", help="also require every body to be in canonical JSON")
    parser.add_argument("--all", action="store_true", help="print every break, not only the first")
    options = parser.parse_args(argv)
    try:
        with open(options.log, "rb") as handle:
            data = handle.read()
        key = None
        if options.public_key:
            with open(options.public_key, "rb") as handle:
                key = load_public_key(handle.read())
    except (OSError, ValueError) as error:
        print("verify_log.py: %s" % error, file=sys.stderr)
        return 2
    entries, problems = verify(data, key, options.anchor, options.canonical)
    if problems:
        for problem in problems if options.all else problems[:1]:
            print("BROKEN: %s" % problem)
        return 1
    signed = sum(1 for entry in entries if entry.signature is not None)
    head = "; head record %d, hash %s" % (entries[-1].body["seq"], entries[-1].stored_hash) if entries else ""
    checked = ", signatures checked against key %s" % fingerprint(raw_public_key(key)) if key is not None else ""
    print("OK: %d records (%d signed)%s%s" % (len(entries), signed, checked, head))
    return 0


if __name__ == "__main__":
    sys.exit(main())
