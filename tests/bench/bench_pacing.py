"""Time ``kpi_table`` and ``pace`` over 5 years × 7 platforms of weekly metrics. Prints figures, asserts nothing."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date
from functools import partial

from cmplanner import metrics, periods
from cmplanner.models import Goal, Platform, WeekMetrics
from cmplanner.pacing import pace

YEARS = 5
START = "2021-W01"
PERIODS: tuple[metrics.Period, ...] = ("week", "month", "quarter")
WEEKS = [periods.shift_week(START, i) for i in range(52 * YEARS + 1)]


def sample_rows(seed: int = 1) -> list[WeekMetrics]:
    rng = random.Random(seed)
    rows = []
    for platform in Platform:
        followers = rng.randint(100, 10_000)
        for week in WEEKS:
            followers += rng.randint(-5, 40)
            reach = rng.randint(500, 20_000)
            received = rng.randint(0, 50)
            rows.append(
                WeekMetrics(
                    platform=platform,
                    week=week,
                    followers=followers,
                    posts=rng.randint(0, 10),
                    impressions=reach * 2,
                    reach=reach,
                    reactions=rng.randint(0, 500),
                    comments=rng.randint(0, 50),
                    shares=rng.randint(0, 30),
                    saves=rng.randint(0, 20),
                    clicks=rng.randint(0, 100),
                    video_views=rng.randint(0, 1000),
                    messages_received=received,
                    messages_answered=rng.randint(0, received),
                    response_time_hours=rng.uniform(0.5, 24),
                    mentions=rng.randint(0, 30),
                    competitor_mentions=rng.randint(0, 90),
                )
            )
    return rows


def all_tables(rows: list[WeekMetrics], period: metrics.Period) -> None:
    for platform in Platform:
        metrics.kpi_table(rows, platform, period)


def timed(label: str, fn: Callable[[], object], repeat: int = 3) -> None:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<60} {best * 1000:8.1f} ms")


def main() -> None:
    rows = sample_rows()
    print(f"{len(rows)} weekly rows ({YEARS} years × {len(Platform)} platforms)")
    for period in PERIODS:
        timed(f"kpi_table, {period}, all platforms", partial(all_tables, rows, period))
    quarters = sorted({periods.quarter_of_week(w) for w in WEEKS})
    goals = [
        Goal(platform=p, kpi=kpi, quarter=q, baseline=0, target=target)
        for p in Platform
        for q in quarters
        for kpi, target in (
            ("followers", 20_000),
            ("posts", 60),
            ("engagement_rate_reach", 5),
            ("response_time", 2),
        )
    ]
    today = date(2026, 1, 15)
    timed(
        f"pace, {len(goals)} goals (all quarters, 4 KPIs, 7 platforms)",
        lambda: [pace(g, rows, today) for g in goals],
    )
    one_strategy = [g for g in goals if g.quarter == periods.current_quarter(today)]
    timed(
        f"pace, {len(one_strategy)} goals of the current quarter",
        lambda: [pace(g, rows, today) for g in one_strategy],
    )


if __name__ == "__main__":
    main()
