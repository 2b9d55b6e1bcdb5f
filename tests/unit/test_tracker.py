"""Tracker data and charts: goals of a quarter with their pace, cadence compliance, status counts, chart layers."""

from __future__ import annotations

from datetime import UTC, date, datetime

from cmplanner import charts, demo, tracker
from cmplanner.pacing import Status

TODAY = date(2026, 11, 22)  # the last complete week is 2026-W46, week 7 of 2026-Q4's 14


def test_demo_workspace_shows_every_status() -> None:
    seen = set()
    for kind, build in (("bakery", demo.bakery), ("consultancy", demo.consultancy)):
        strategy = build("2026-Q4")
        rows = demo.weeks_for(kind, strategy, TODAY)
        seen |= {item.pace.status for item in tracker.goal_paces(strategy, rows, "2026-Q4", TODAY)}
    assert seen == set(Status)


def test_cadence_compares_posts_logged_with_the_plan() -> None:
    strategy = demo.bakery("2026-Q4")
    rows = demo.weeks_for("bakery", strategy, TODAY)
    facebook, instagram = tracker.cadence(strategy, rows, "2026-Q4", TODAY)
    # Facebook: 2 posts a week planned × 7 weeks = 14; the demo logs 1 a week
    assert (facebook.planned, facebook.logged, facebook.weeks) == (14, 7, 7)
    assert facebook.share == 0.5
    assert instagram.planned == 21


def test_quarters_include_the_current_one_newest_first() -> None:
    strategy = demo.bakery("2026-Q3")
    assert tracker.quarters(strategy, TODAY) == ["2026-Q4", "2026-Q3"]


def test_status_counts_for_the_home_page() -> None:
    strategy = demo.bakery("2026-Q4")
    counts = tracker.status_counts(strategy, demo.weeks_for("bakery", strategy, TODAY), TODAY)
    assert sum(counts.values()) == len(strategy.goals)
    assert counts[Status.BEHIND] == 1  # Facebook posts: 1 a week where 2 are needed


def test_engagement_rate_goal_chart_has_a_benchmark_line_and_forecast() -> None:
    strategy = demo.bakery("2026-Q4")
    rows = demo.weeks_for("bakery", strategy, TODAY)
    item = next(
        i for i in tracker.goal_paces(strategy, rows, "2026-Q4", TODAY) if i.goal.kpi.startswith("engagement")
    )
    assert item.benchmark is not None and item.benchmark.source.startswith("rivaliq")
    labels = dict(actual="A", pace="P", forecast="F", target="T", benchmark="B", week="W", value="V")
    spec = charts.goal_chart(item, labels).to_dict()
    rules = [layer for layer in spec["layer"] if layer["mark"]["type"] == "rule"]
    assert rules, "target and benchmark are drawn as rules"
    frame = charts.goal_frame(item)
    assert set(frame["line"]) == {"actual", "pace", "forecast"}
    assert len(frame[frame["line"] == "pace"]) == 14


def test_cadence_counts_from_the_goals_start_not_the_quarters() -> None:
    strategy = demo.bakery("2026-Q4")
    rows = demo.weeks_for("bakery", strategy, TODAY)
    # the goals were set in week 5 of the quarter (2026-W44): weeks 5, 6 and 7 count
    strategy.goals = [g.model_copy(update={"start_week": "2026-W44"}) for g in strategy.goals]
    assert tracker.plan_start(strategy, "2026-Q4") == "2026-W44"
    facebook, _ = tracker.cadence(strategy, rows, "2026-Q4", TODAY)
    assert (facebook.planned, facebook.logged, facebook.weeks) == (6, 3, 3)
    # the earliest goal wins
    strategy.goals[0] = strategy.goals[0].model_copy(update={"start_week": "2026-W42"})
    assert tracker.plan_start(strategy, "2026-Q4") == "2026-W42"


def test_a_quarter_without_goals_counts_from_the_strategys_creation() -> None:
    full = demo.bakery("2026-Q4")
    rows = demo.weeks_for("bakery", full, TODAY)
    strategy = full.model_copy(update={"goals": []})
    strategy.created_at = datetime(2026, 11, 4, 10, 0, tzinfo=UTC)  # Wednesday of 2026-W45
    assert tracker.plan_start(strategy, "2026-Q4") == "2026-W45"
    assert tracker.plan_start(strategy, "2027-Q1") == "2027-W01"  # made before that quarter
    assert tracker.plan_start(strategy, "2026-Q3") == "2026-W45"  # after it: no week of 2026-Q3 counts
    facebook, _ = tracker.cadence(strategy, rows, "2026-Q4", TODAY)
    assert facebook.weeks == 2  # W45 and W46
