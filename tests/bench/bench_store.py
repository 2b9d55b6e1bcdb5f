"""Store speed at 1k and 10k metrics records in one strategy file. Prints figures; asserts no time.

Run: ``python tests/bench/bench_store.py``.
- write = one ``upsert_weeks`` of one changed row: the one read-modify-write (lock, read, change, atomic write with
  fsync); target ≤ 20 ms at 10k records;
- read = a store opening the file for the first time (parse and validate every record), as a page or command does;
  "locked read" = the same inside the write lock, to show what reads save by not taking it (and not waiting for it);
- cached = ``get()`` of an unchanged file; raw write and raw parse for reference.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import orjson

from cmplanner.models import Platform, WeekMetrics
from cmplanner.store import Store, write_atomic

RUNS = 15
TARGET_WRITE_10K_MS = 20.0


def rows(count: int) -> list[WeekMetrics]:
    platforms = list(Platform)
    return [
        WeekMetrics(
            platform=platforms[n % len(platforms)],
            week=f"{1000 + n // (52 * len(platforms))}-W{(n // len(platforms)) % 52 + 1:02d}",
            followers=1000 + n,
            posts=3,
            impressions=12_000 + n,
            reach=8_000,
            reactions=250,
            comments=12,
            shares=4,
            clicks=30,
        )
        for n in range(count)
    ]


def median_ms(action: Callable[[int], object]) -> float:
    times = []
    for run in range(RUNS):
        start = time.perf_counter()
        action(run)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def locked_read(root: Path, sid: str) -> object:
    fresh = Store(root)
    with fresh.locked([sid]):
        return fresh.weeks(sid)


def bench(root: Path, count: int) -> dict[str, float]:
    store = Store(root)
    sid = store.create(f"Bench {count}").id
    store.upsert_weeks(sid, rows(count))
    assert len(store.weeks(sid)) == count
    path = store.path(sid)
    payload = path.read_bytes()
    first = rows(1)[0]
    return {
        "file MB": len(payload) / 1e6,
        "write ms": median_ms(lambda run: store.upsert_weeks(sid, [first.model_copy(update={"posts": run})])),
        "read ms": median_ms(lambda run: Store(root).weeks(sid)),
        "locked read ms": median_ms(lambda run: locked_read(root, sid)),
        "cached ms": median_ms(lambda run: store.get(sid)),
        "raw write ms": median_ms(lambda run: write_atomic(path, payload)),
        "raw parse ms": median_ms(lambda run: orjson.loads(payload)),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        results = {count: bench(Path(tmp) / str(count), count) for count in (1_000, 10_000)}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"store bench: median of {RUNS} runs, one strategy file ({os.cpu_count()} CPUs, load {load:.1f})")
    print(f"{'records':>8} " + " ".join(f"{name:>13}" for name in results[1_000]))
    for count, figures in results.items():
        print(f"{count:>8} " + " ".join(f"{value:>13.2f}" for value in figures.values()))
    write = results[10_000]["write ms"]
    verdict = "meets" if write <= TARGET_WRITE_10K_MS else "MISSES"
    print(f"write at 10k: {write:.1f} ms — {verdict} the target of ≤ {TARGET_WRITE_10K_MS:.0f} ms")
    read, locked = results[10_000]["read ms"], results[10_000]["locked read ms"]
    print(
        f"read at 10k: {read:.1f} ms without the write lock, {locked:.1f} ms inside it ({locked / read:.2f}×)"
    )


if __name__ == "__main__":
    main()
