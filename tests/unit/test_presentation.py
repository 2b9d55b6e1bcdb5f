"""How figures read (``cmplanner.presentation``): hand-computed texts in English and Dutch, and the one status palette
that the pages and both report formats use."""

from __future__ import annotations

import re

import pytest

from cmplanner import presentation as shown
from cmplanner.models import Goal, Platform
from cmplanner.pacing import Pace, Status
from cmplanner.tracker import Cadence, GoalPace


def item(
    kpi: str = "followers",
    status: Status = Status.ON_TRACK,
    actual: float | None = 1070,
    needed: float | None = 190 / 9,
    elapsed: int = 5,
    logged: int = 4,
) -> GoalPace:
    goal = Goal(platform=Platform.INSTAGRAM, kpi=kpi, quarter="2026-Q4", baseline=1000, target=1260)
    pace = Pace(
        goal_id=goal.id,
        weeks=[],
        weeks_elapsed=elapsed,
        weeks_total=14,
        actual=actual,
        expected=1070,
        forecast=1250,
        still_needed_per_week=needed,
        status=status,
        series=[],
        weeks_logged=logged,
    )
    return GoalPace(goal, pace, None)


@pytest.mark.parametrize(
    ("kpi", "value", "en", "nl"),
    [
        ("followers", 12345.6, "12,346", "12.346"),
        ("followers", 2.5, "2.5", "2,5"),  # small fractions keep one decimal
        ("posts", 7.0, "7", "7"),
        ("engagement_rate_followers", 2.456, "2.46%", "2,46%"),
        ("response_time", 3.25, "3.2 h", "3,2 u"),
        ("response_time", None, "–", "–"),
        ("followers", None, "–", "–"),
    ],
)
def test_kpi_values_in_their_unit(kpi: str, value: float | None, en: str, nl: str) -> None:
    assert shown.kpi_value(kpi, value, "en") == en
    assert shown.kpi_value(kpi, value, "nl") == nl


def test_changes_carry_a_sign_and_rates_change_by_points() -> None:
    assert shown.kpi_change("followers", 49, "en") == "+49"
    assert shown.kpi_change("followers", -3, "nl") == "−3"
    assert shown.kpi_change("engagement_rate_followers", -0.21, "en") == "−0.21 pp"
    assert shown.kpi_change("engagement_rate_followers", 0.001, "en") == "±0.00 pp"
    assert shown.kpi_change("posts", None, "en") == "–"


def test_goal_name_status_and_counts() -> None:
    goal = item().goal
    assert shown.goal_name(goal, "en") == "Instagram · Followers"
    assert shown.goal_name(goal, "nl") == "Instagram · Volgers"
    assert shown.status_label(Status.ON_TRACK, "en") == "On track"
    assert shown.status_label(Status.ON_TRACK, "nl") == "Op schema"
    assert shown.status_name(Status.AT_RISK, "en") == "at risk"  # inside a sentence
    assert shown.status_count(Status.BEHIND, 3, "nl") == "3 achter"


def test_still_needed_in_a_sentence_and_as_a_figure() -> None:
    on_track = item()  # (1260 − 1070) / 9 weeks left = 21.1 a week
    assert shown.still_needed(on_track, "en") == "21 net new per week until the end of the quarter"
    assert shown.still_needed(on_track, "nl") == "21 netto erbij per week tot het eind van het kwartaal"
    assert shown.needed_amount(on_track, "en") == "21"
    reached = item(status=Status.REACHED, actual=1300, needed=0.0)
    assert shown.still_needed(reached, "en") == "nothing: the target has been reached"
    assert (shown.needed_amount(reached, "en"), shown.needed_amount(reached, "nl")) == ("none", "niets")
    over = item(status=Status.BEHIND, needed=None, elapsed=14)
    assert shown.still_needed(over, "en") == "the quarter is over"
    assert shown.needed_amount(over, "en") == "–"
    never_logged = item(status=Status.NO_DATA, actual=None, needed=None, elapsed=14, logged=0)
    assert shown.still_needed(never_logged, "en") == "–"
    rate = item(kpi="engagement_rate_followers", needed=2.5)
    assert shown.still_needed(rate, "nl") == "gemiddeld 2,50% over de resterende weken"


def test_captions_labels_and_cadence() -> None:
    assert shown.weeks_caption(item().pace, "en") == "Week 5 of 14 · 4 of 5 weeks logged"
    assert shown.chart_labels("followers", "nl")["value"] == "Volgers"
    assert shown.chart_labels("engagement_rate_followers", "en")["value"] == "%"
    facebook = Cadence(Platform.FACEBOOK, planned=14, logged=7, weeks=7)
    assert shown.cadence_line(facebook, "en") == "Facebook: 7 of 14 planned posts in 7 weeks · 50%"
    assert shown.cadence_cell(facebook, "nl") == "7 van 14 · 50%"
    nothing_planned = Cadence(Platform.FACEBOOK, planned=0, logged=2, weeks=7)
    assert shown.cadence_cell(nothing_planned, "en") == "2 of 0"
    assert shown.posts_per_week(1, "en") == "1 post a week"
    assert shown.posts_per_week(2.5, "nl") == "2,5 posts per week"
    assert shown.month_label("2026-11", "en") == "November 2026"
    assert shown.month_label("2026-11", "nl") == "november 2026"
    assert shown.kpi_kind("followers", "en") == "Level"


def test_every_status_has_one_style_used_by_pages_and_reports() -> None:
    from cmplanner.reports import html
    from cmplanner.ui.tracker import status_cell

    assert set(shown.STATUS_STYLES) == set(Status)
    assert len({s.background for s in shown.STATUS_STYLES.values()}) == len(Status)
    css = html._style(_report_stub())
    for status, style in shown.STATUS_STYLES.items():
        rule = re.search(rf"\.s-{status.value} \{{ background: (#\w+); color: (#\w+); \}}", css)
        assert rule is not None and rule.groups() == (style.background, style.text)
        assert status_cell(status) == f"background-color: {style.background}; color: {style.text}"


def _report_stub():  # noqa: ANN202 - only the fields the stylesheet reads
    from types import SimpleNamespace

    return SimpleNamespace(accent="#2E6F6B", on_accent="#FFFFFF")
