"""The test suite's wall time: ``make test``'s pytest run (unit, AppTest and browser tests), timed as a whole.

Run: ``python tests/bench/bench_suite.py``. Prints the wall time, the tests per layer and the slowest tests; asserts
nothing. Under ``CI=true`` the browser tests must run (they fail, not skip, without a browser).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=8"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "CI": os.environ.get("CI", "true")},
    )
    wall = time.perf_counter() - start
    lines = done.stdout.splitlines()
    summary = next((line for line in reversed(lines) if re.search(r"\d+ (passed|failed)", line)), "?")
    slow = [line for line in lines if re.match(r"^\d+\.\d+s (call|setup)", line)]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"suite: {wall:.0f} s wall ({os.cpu_count()} CPUs, load {load:.1f}) — {summary.strip('= ')}")
    for line in slow:
        print(f"  {line}")
    if done.returncode:
        print(done.stdout[-3000:])
        sys.exit(done.returncode)


if __name__ == "__main__":
    main()
