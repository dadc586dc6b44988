#!/usr/bin/env python3
"""Write a large, valid Jigsaw audit log for the verify benchmark: N records shaped like real `tokenise`,
`encode` and `link` records, chained (and signed with the fixtures' test-only key when asked) by the
independent Python writer in Tests/JigsawAuditTests/Fixtures/audit-log/make_fixtures.py.

    python3 make_log.py N OUT.jsonl [--signed]
"""
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "JigsawAuditTests" / "Fixtures" / "audit-log"))
import make_fixtures as fx  # noqa: E402


def main():
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    key = fx.signing_key() if "--signed" in sys.argv else None
    commands = ["tokenise", "encode", "link"]
    records = []
    for i in range(count):
        command = commands[i % 3]
        source = f"/data/extracts/extract-{i:06d}.csv"
        output = f"/data/share/{command}-{i:06d}.csv"
        records.append(fx.record(
            f"2026-11-25T{(i // 3600) % 24:02d}:{(i // 60) % 60:02d}:{i % 60:02d}.000Z", command,
            [command, source, "-o", output, "--column", "nhs_number=nhs-number", "--key", "/keys/agreement.key"], "/data",
            inputs=[fx.file_record(source, 104_857_600 + i, hashlib.sha256(source.encode()).hexdigest(), 1_000_000)],
            outputs=[fx.file_record(output, 98_566_144 + i, hashlib.sha256(output.encode()).hexdigest(), 1_000_000)],
            key={"id": "nhs-la-send-2026", "fingerprint": "5ca999ef64e4990c", "context": "send", "example": False},
            schema="01a7dd03fcf184e3" if command == "encode" else None,
            counts={"rows_read": 1_000_000, "rows_written": 1_000_000, "columns": {"nhs_number": {
                "valid": 998_000 + i % 1000, "invalid": 2000 - i % 1000, "blank": 0, "domain": "nhs-number",
                "invalid_by_reason": {"check-digit": 1500, "length": 500 - i % 500}}}}))
    out.write_bytes(fx.write_log(records, key))


if __name__ == "__main__":
    main()
