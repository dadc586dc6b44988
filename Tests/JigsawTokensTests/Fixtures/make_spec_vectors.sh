#!/usr/bin/env bash
# Regenerates spec-vectors.json from the normative reference implementation (shared/spec/tokens.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python3 "$here/../../../../shared/spec/jigsaw_reference.py" vectors > "$here/spec-vectors.json"
