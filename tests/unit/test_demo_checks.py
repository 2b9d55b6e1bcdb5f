"""The demo's checklist history: a first look at the monthly review shows a believable completion, not 0%."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cmplanner import checklists, demo, reviews
from cmplanner.store import TICKS, Store

TODAY = date(2026, 12, 2)


def test_the_demo_has_ticked_most_of_last_month_and_left_today_open(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    bakery, consultancy = demo.write_demo(store, TODAY)
    done = {}
    for strategy in (bakery, consultancy):
        rows = store.rows(strategy.id, TICKS)
        assert rows and all(r.period_key < TODAY.isoformat() for r in rows if r.period_key.count("-") == 2)
        assert not checklists.ticks(rows, TODAY)  # today's, this week's and this month's lists are open
        summary = reviews.monthly_summary(
            strategy, store.weeks(strategy.id), "2026-11", TODAY, ticks=checklists.ticks(rows)
        )
        done[strategy.name] = summary.checklist_total.fraction
    assert 0.7 < done[bakery.name] < 1.0  # most, not all
    assert 0.4 < done[consultancy.name] < done[bakery.name]  # the consultancy is the one that slips
