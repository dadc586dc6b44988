#!/usr/bin/env python3
"""Runs a command and prints its wall-clock seconds and peak resident memory (MiB) as one line.

    python3 measure.py -- COMMAND ARGS...   ->   "<seconds> <peak MiB>"

Peak memory is the child's ru_maxrss, so it covers the whole process, not only its heap.
"""
import resource
import subprocess
import sys
import time

args = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else sys.argv[1:]
start = time.perf_counter()
completed = subprocess.run(args, stdout=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
if completed.returncode != 0:
    sys.exit(f"measure.py: {args[0]} exited with status {completed.returncode}")
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{elapsed:.3f} {peak_kib / 1024:.1f}")
