"""A separate process writing weeks into one strategy, for test_store_reliability.py.

Usage: ``python store_writer.py ROOT STRATEGY_ID FIRST_YEAR COUNT``. Prints ``ready``, waits for a line on stdin,
then upserts COUNT weeks one write at a time and prints each week's key once its write has returned.
"""

from __future__ import annotations

import sys

from cmplanner.models import Platform, WeekMetrics
from cmplanner.store import Store


def key(first_year: int, n: int) -> str:
    return f"{first_year + n // 52}-W{n % 52 + 1:02d}"


def main() -> None:
    root, strategy_id, first_year, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    store = Store(root)
    print("ready", flush=True)
    sys.stdin.readline()
    for n in range(count):
        week = key(first_year, n)
        store.upsert_weeks(strategy_id, [WeekMetrics(platform=Platform.YOUTUBE, week=week, posts=n)])
        print(week, flush=True)


if __name__ == "__main__":
    main()
