"""Time to build the PDF report of a strategy with 12 goals and a year of weeks. Prints figures; asserts nothing.

Target (issue 6): under 2 s. Printed: the first build in this process (it also starts vl-convert's chart engine,
once per process), then the median of 5 builds with the chart caches cleared each time (what a download costs
once the engine runs), and the HTML file for comparison.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cmplanner import periods, reports  # noqa: E402
from cmplanner.models import (  # noqa: E402
    AgeBand,
    BusinessProfile,
    Goal,
    Persona,
    Platform,
    PlatformPlan,
    Strategy,
    WeekMetrics,
)
from cmplanner.reports import charts as report_charts  # noqa: E402
from cmplanner.store import Store  # noqa: E402
from tests.bench.apptime import synthetic_weeks  # noqa: E402

TODAY = date(2026, 11, 22)
QUARTER = periods.current_quarter(TODAY)
PLATFORMS = [Platform.FACEBOOK, Platform.INSTAGRAM, Platform.LINKEDIN, Platform.TIKTOK]
KPIS = [("followers", 1000, 1400), ("posts", 0, 39), ("impressions", 0, 60000)]
TARGET_S = 2.0


def strategy() -> Strategy:
    goals = [
        Goal(platform=p, kpi=kpi, quarter=QUARTER, baseline=base, target=target)
        for p in PLATFORMS
        for kpi, base, target in KPIS
    ]
    return Strategy(
        name="Bench Client",
        status="ready",
        step=4,
        profile=BusinessProfile(name="Bench Client", sector="Retail", hours_per_week=12),
        personas=[Persona(name="Persona", age_bands=[AgeBand.A30_49])],
        platforms=[PlatformPlan(platform=p, posts_per_week=3) for p in PLATFORMS],
        goals=goals,
    )


def weeks() -> list[WeekMetrics]:
    return synthetic_weeks(PLATFORMS, TODAY, 52, followers=800, growth=12)


def build(store: Store, sid: str, fmt: str) -> tuple[float, int]:
    report_charts._render.cache_clear()
    report_charts._TEMPLATES.clear()
    start = time.perf_counter()
    data, _ = reports.build(store, sid, fmt, reports.options(lang="en", client="Client", today=TODAY))
    return time.perf_counter() - start, len(data)


def main() -> None:
    store = Store(Path(tempfile.mkdtemp(prefix="cmplanner-report-")))
    s = store.save(strategy())
    rows = weeks()
    store.upsert_weeks(s.id, rows)
    print(
        f"strategy: {len(s.goals)} goals in {QUARTER}, {len(rows)} weekly rows (52 weeks × {len(PLATFORMS)} platforms)"
    )
    first, size = build(store, s.id, "pdf")
    print(
        f"PDF, first build in this process (starts the chart engine): {first:5.2f} s  ({size / 1000:.0f} kB)"
    )
    pdf = statistics.median(build(store, s.id, "pdf")[0] for _ in range(5))
    print(
        f"PDF, median of 5 builds (chart caches cleared):            {pdf:5.2f} s  (target < {TARGET_S:.0f} s)"
    )
    html = statistics.median(build(store, s.id, "html")[0] for _ in range(5))
    print(f"HTML, median of 5 builds (chart caches cleared):           {html:5.2f} s")


if __name__ == "__main__":
    main()
