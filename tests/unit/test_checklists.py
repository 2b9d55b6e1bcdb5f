"""Checklist tick state: period keys, progress in the current period, ticks in the store (cmplanner.checklists)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
import pytest

from cmplanner import checklists as cl
from cmplanner.checklist_items import ChecklistSettings, TaskOverride
from cmplanner.store import TICKS, Store
from tests.unit.checklist_plans import X_PIN

# ------------------------------------------------------------------------------------------- period keys


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 22), ("2026-11-22", "2026-W47", "2026-11", "2026-Q4")),
        (date(2026, 12, 31), ("2026-12-31", "2026-W53", "2026-12", "2026-Q4")),
        (date(2027, 1, 1), ("2027-01-01", "2026-W53", "2027-01", "2027-Q1")),
        (date(2027, 1, 4), ("2027-01-04", "2027-W01", "2027-01", "2027-Q1")),
        (date(2025, 12, 29), ("2025-12-29", "2026-W01", "2025-12", "2025-Q4")),
        (date(2026, 4, 1), ("2026-04-01", "2026-W14", "2026-04", "2026-Q2")),
    ],
)
def test_period_keys(day: date, expected: tuple[str, str, str, str]) -> None:
    assert tuple(cl.period_key(p, day) for p in cl.PERIODS) == expected


def test_unknown_period_is_an_error() -> None:
    with pytest.raises(ValueError):
        cl.period_key("year", date(2026, 1, 1))  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------------- ticks


def test_daily_tick_is_gone_tomorrow_weekly_tick_stays_in_the_week() -> None:
    items = cl.generate(X_PIN, ChecklistSettings())
    thursday, friday = date(2026, 12, 31), date(2027, 1, 1)  # same ISO week 2026-W53, new month/quarter
    ticks = {
        ("x.post", cl.period_key("day", thursday)): 2,
        ("x.follow", cl.period_key("week", thursday)): 10,
        ("month.analyse", cl.period_key("month", thursday)): 1,
        ("quarter.kpis", cl.period_key("quarter", thursday)): 1,
    }
    today = cl.progress(items, ticks, thursday)
    tomorrow = cl.progress(items, ticks, friday)
    assert today["day"].done == 2 and tomorrow["day"].done == 0
    assert today["week"].done == tomorrow["week"].done == 10
    assert today["month"].done == 1 and tomorrow["month"].done == 0
    assert today["quarter"].done == 1 and tomorrow["quarter"].done == 0
    assert today["day"].total == 4 + 3 + 2  # 4 period tasks, 3 posts, 2 reposts
    rows = {r.item.id: r for r in cl.items_for(items, "day", ticks, thursday)}
    assert rows["x.post"].done == 2 and not rows["x.post"].complete
    assert rows["x.post"].status("en") == "2 of 3 done"
    assert rows["x.post"].status("nl") == "2 van 3 gedaan"


def test_progress_caps_done_at_count_and_skips_disabled() -> None:
    settings = ChecklistSettings(overrides={"x.repost": TaskOverride(enabled=False)})
    items = cl.generate(X_PIN, settings)
    key = cl.period_key("day", date(2026, 11, 22))
    ticks = {("x.post", key): 9, ("x.repost", key): 2}
    assert cl.progress(items, ticks, date(2026, 11, 22))["day"] == (3, 4 + 3)


def test_ticks_round_trip_through_the_store(tmp_path: Path) -> None:
    store = Store(tmp_path)
    sid = store.create("Bakkerij").id
    monday, sunday, next_monday = date(2026, 11, 16), date(2026, 11, 22), date(2026, 11, 23)

    def tick(task: str, key: str, done: int) -> None:
        store.update(sid, lambda edit: cl.set_tick(edit, task, key, done))

    tick("x.post", cl.period_key("day", monday), 1)
    tick("x.post", cl.period_key("day", monday), 3)  # upsert, not a second row
    tick("x.follow", cl.period_key("week", monday), 4)
    docs = orjson.loads(store.path(sid).read_bytes())["checks"].values()
    assert sorted((d["task"], d["period_key"], d["done"]) for d in docs) == [
        ("x.follow", "2026-W47", 4),
        ("x.post", "2026-11-16", 3),
    ]

    def ticks(day: date) -> cl.Ticks:
        return cl.ticks(store.rows(sid, TICKS), day)

    assert ticks(monday) == {("x.post", "2026-11-16"): 3, ("x.follow", "2026-W47"): 4}
    assert ticks(sunday) == {("x.follow", "2026-W47"): 4}
    assert ticks(next_monday) == {}
    tick("x.follow", "2026-W47", 0)
    assert ticks(sunday) == {}
