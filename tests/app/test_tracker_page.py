"""Tracker page: status table, a card per goal with chart, empty states, Dutch."""

from __future__ import annotations

from datetime import date

from cmplanner import demo
from cmplanner.store import Store
from tests.app.helpers import no_exception, open_page, texts


def test_tracker_shows_status_per_goal_with_charts(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    at = open_page("pages/9_tracker.py", bakery.id, today="2026-11-22")
    no_exception(at)
    shown = texts(at)
    for label in ("Reached", "On track", "Behind"):
        assert label in shown
    assert "Still needed per week" in shown
    assert len(at.get("vega_lite_chart")) == len(bakery.goals)
    assert "Facebook: 7 of 14 planned posts in 7 weeks" in shown


def test_logging_a_week_moves_the_tracker(store: Store) -> None:
    from cmplanner.models import Goal, Platform, PlatformPlan, WeekMetrics

    strategy = store.create("Kapper Kim")
    strategy.platforms = [PlatformPlan(platform=Platform.INSTAGRAM)]
    strategy.goals = [
        Goal(platform=Platform.INSTAGRAM, kpi="followers", quarter="2026-Q4", baseline=100, target=240)
    ]
    store.save(strategy)
    at = open_page("pages/9_tracker.py", strategy.id, today="2026-10-08")
    assert "No data" in texts(at)
    store.upsert_weeks(
        strategy.id, [WeekMetrics(platform=Platform.INSTAGRAM, week="2026-W40", followers=130)]
    )
    at = open_page("pages/9_tracker.py", strategy.id, today="2026-10-08")
    no_exception(at)
    assert "On track" in texts(at)  # 130 after week 1 of 14 where the pace line says 110


def test_no_goals_explains_what_to_do(store: Store) -> None:
    strategy = store.create("Nieuw")
    at = open_page("pages/9_tracker.py", strategy.id)
    no_exception(at)
    assert "no goals yet" in texts(at)


def test_tracker_in_dutch(store: Store) -> None:
    bakery, _ = demo.write_demo(store, date(2026, 11, 22))
    at = open_page("pages/9_tracker.py", bakery.id, locale="nl-NL", today="2026-11-22")
    assert at.title[0].value == "Voortgang"
    assert "Op schema" in texts(at) and "Nog nodig per week" in texts(at)


def test_home_counts_goals_on_track_and_behind(store: Store) -> None:
    demo.write_demo(store, date(2026, 11, 22))
    at = open_page("app.py", today="2026-11-22")
    no_exception(at)
    assert "1 behind" in texts(at) and "1 at risk" in texts(at)
