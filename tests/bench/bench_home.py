"""The home page (strategies overview) with 1 and with 100 strategies: AppTest rerun time. Prints; asserts nothing.

Target (issue 2): home with 100 strategies within 2× of home with 1.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cmplanner import demo  # noqa: E402
from cmplanner.store import Store  # noqa: E402
from tests.bench.apptime import rerun_ms  # noqa: E402

TODAY = date(2026, 11, 22)


def workspace(count: int) -> Path:
    root = Path(tempfile.mkdtemp(prefix=f"cmplanner-home-{count}-"))
    store = Store(root)
    for n in range(count):
        strategy = demo.bakery("2026-Q4")
        strategy.name = f"Client {n:03d}"
        store.save(strategy)
        store.upsert_weeks(strategy.id, demo.weeks_for("bakery", strategy, TODAY))
    return root


def main() -> None:
    one = rerun_ms("app.py", workspace(1), today=TODAY.isoformat())
    hundred = rerun_ms("app.py", workspace(100), today=TODAY.isoformat())
    ratio = hundred / one
    print(f"home, 1 strategy:     {one:7.1f} ms per rerun")
    print(
        f"home, 100 strategies: {hundred:7.1f} ms per rerun  ({ratio:.2f}× of 1; target ≤ 2×: {'met' if ratio <= 2 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
