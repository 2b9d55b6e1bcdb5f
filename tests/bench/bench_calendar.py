"""The calendar page at a busy month. Prints figures; asserts nothing.

One strategy with 7 platforms, 14 goals for the quarter, a year of weekly rows, 4 content pillars and 120 planned
posts in one month (about four a day, on one to three platforms, in every status). Prints the calendar page's
AppTest rerun time next to the tracker page's on the same strategy, measured side by side in this run. Target
(issue 12): the calendar within 1.5× of the tracker.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cmplanner import periods  # noqa: E402
from cmplanner.models import (  # noqa: E402
    ContentFormat,
    ContentPillar,
    Goal,
    PlannedPost,
    Platform,
    PlatformPlan,
    PostStatus,
    Strategy,
)
from cmplanner.store import PLANNED_POSTS, Store  # noqa: E402
from tests.bench.apptime import rerun_ms, synthetic_weeks  # noqa: E402

TODAY = date(2026, 12, 3)
MONTH = "2026-12"
QUARTER = periods.current_quarter(TODAY)
POSTS = 120
PLATFORMS = list(Platform)


def strategy() -> Strategy:
    goals = []
    for platform in PLATFORMS:
        goals.append(Goal(platform=platform, kpi="followers", quarter=QUARTER, baseline=1000, target=1300))
        goals.append(Goal(platform=platform, kpi="posts", quarter=QUARTER, target=39))
    pillars = [ContentPillar(name=f"Pillar {n}", share=25) for n in range(1, 5)]
    return Strategy(
        name="Busy month",
        status="ready",
        step=4,
        platforms=[PlatformPlan(platform=p, posts_per_week=3) for p in PLATFORMS],
        goals=goals,
        pillars=pillars,
    )


def posts(plan: Strategy) -> list[PlannedPost]:
    """120 posts over December: four a day at four times, one to three platforms each, every status."""
    found = []
    statuses = list(PostStatus)
    formats = list(ContentFormat)
    for n in range(POSTS):
        day = date(2026, 12, 1) + timedelta(days=n // 4)
        platforms = [PLATFORMS[(n + k) % len(PLATFORMS)] for k in range(1 + n % 3)]
        found.append(
            PlannedPost(
                planned_at=datetime.combine(day, time(8 + 3 * (n % 4), 0)),
                platforms=platforms,
                format=formats[n % len(formats)],
                title=f"Post {n + 1}: a working title of a believable length",
                text="A caption of a few sentences. " * 4,
                pillar_id=plan.pillars[n % 4].id,
                goal_id=plan.goals[(2 * n + 1) % len(plan.goals)].id,
                status=statuses[n % len(statuses)]
                if statuses[n % len(statuses)] != PostStatus.READY
                else PostStatus.DRAFT,
            )
        )
    return found


def workspace() -> tuple[Path, str]:
    root = Path(tempfile.mkdtemp(prefix="cmplanner-calendar-"))
    store = Store(root)
    saved = store.save(strategy())
    store.upsert_weeks(saved.id, synthetic_weeks(PLATFORMS, TODAY, 52, followers=900, growth=3))
    store.update(saved.id, lambda edit: edit.put(PLANNED_POSTS, posts(saved)))
    return root, saved.id


def main() -> None:
    root, sid = workspace()
    params = {"s": sid, "today": TODAY.isoformat()}
    tracker = rerun_ms("pages/9_tracker.py", root, **params, q=QUARTER)
    calendar = rerun_ms("pages/13_calendar.py", root, **params, month=MONTH)
    week = rerun_ms("pages/13_calendar.py", root, **params, month=MONTH, view="week", week="2026-W50")
    print(f"one strategy: 7 platforms, 14 goals, a year of weeks, {POSTS} posts planned in {MONTH}")
    print(f"tracker page:             {tracker:7.1f} ms per rerun")
    print(
        f"calendar page, month:     {calendar:7.1f} ms per rerun  ({calendar / tracker:.2f}× the tracker; target ≤ 1.5×)"
    )
    print(f"calendar page, week list: {week:7.1f} ms per rerun  ({week / tracker:.2f}× the tracker)")


if __name__ == "__main__":
    main()
