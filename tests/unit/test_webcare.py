"""Webcare: messages answered and how fast, against the sourced expectation or the strategy's own goal."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from cmplanner import webcare
from cmplanner.demo import bakery
from cmplanner.models import Platform, Strategy, WeekMetrics
from cmplanner.webcare import Verdict

QUARTER = "2026-Q1"
TODAY = date(2026, 3, 11)  # a Wednesday: the last complete week is 2026-W10


@pytest.fixture
def strategy() -> Strategy:
    return bakery(QUARTER)  # Facebook and Instagram, no webcare goals


def row(platform: str, week: str, **values: Any) -> WeekMetrics:
    return WeekMetrics(platform=platform, week=week, **values)


ROWS = [
    row("instagram", "2025-W50", messages_received=10, messages_answered=9, response_time_hours=5.0),
    row("instagram", "2026-W06", messages_received=5, messages_answered=5, response_time_hours=1.0),
    row("instagram", "2026-W10", messages_received=12, messages_answered=12, response_time_hours=2.0),
    row("facebook", "2026-W10", messages_received=8, messages_answered=6, response_time_hours=6.5),
]


@pytest.mark.parametrize(
    ("value", "bar", "higher", "verdict"),
    [
        (100, 100, True, Verdict.MEETS),
        (90, 100, True, Verdict.CLOSE),  # within 10 % of the bar: the tracker's "at risk" margin
        (89.9, 100, True, Verdict.MISSES),
        (24, 24, False, Verdict.MEETS),
        (26.4, 24, False, Verdict.CLOSE),
        (26.5, 24, False, Verdict.MISSES),
        (None, 24, False, Verdict.NO_DATA),
    ],
)
def test_a_figure_meets_comes_close_to_or_misses_its_bar(
    value: float | None, bar: float, higher: bool, verdict: Verdict
) -> None:
    assert webcare.judge(value, bar, higher) is verdict


def test_without_goals_the_bars_are_the_sourced_expectations(strategy: Strategy) -> None:
    time = webcare.goal_bar(strategy, Platform.INSTAGRAM, QUARTER, "response_time")
    assert (time.value, time.source, time.year, time.goal) == (24, "arise2017", 2017, None)
    rate = webcare.goal_bar(strategy, Platform.INSTAGRAM, QUARTER, "response_rate")
    assert (rate.value, rate.source) == (100, "seed004")
    assert webcare.bar_text(time, "nl") == "mensen verwachten binnen 24 u een antwoord (Arise, 2017)"


def test_last_week_per_platform(strategy: Strategy) -> None:
    facebook, instagram = webcare.last_week(strategy, ROWS, TODAY)
    assert (instagram.period, instagram.rate, instagram.hours) == ("2026-W10", 100, 2.0)
    assert instagram.rate_verdict is Verdict.MEETS and instagram.time_verdict is Verdict.MEETS
    # 6 of 8 = 75 %: 25 points below 100 % is more than the 10 % margin
    assert facebook.rate == 75 and facebook.rate_verdict is Verdict.MISSES
    assert webcare.row_texts(instagram, "en") == [
        "Instagram",
        "12 of 12",
        "100% · meets",
        "100% answered: not answering a message is like not picking up the phone (BeesBoost)",
        "2.0 h · meets",
        "people expect an answer within 24 h (Arise, 2017)",
    ]
    assert webcare.headers("nl")[2] == "Antwoordpercentage"


def test_all_platforms_together_weigh_the_response_time_by_messages_answered(strategy: Strategy) -> None:
    together = webcare.combined(webcare.last_week(strategy, ROWS, TODAY), "2026-W10")
    # 12 + 6 of 12 + 8 = 18 of 20 = 90 %; (2.0 h × 12 + 6.5 h × 6) ÷ 18 = 3.5 h
    assert (together.answered, together.received, together.rate) == (18, 20, 90)
    assert together.hours == pytest.approx(3.5)
    assert together.rate_verdict is Verdict.CLOSE


def test_the_daily_checklist_line(strategy: Strategy) -> None:
    assert webcare.CHECKLIST_TASK == "day.messages"
    assert webcare.checklist_text(strategy, ROWS, TODAY, "en") == (
        "Last week: 18 of 20 answered (90%), average 3.5 h — people expect an answer within 24 h (Arise, 2017)."
    )
    assert webcare.checklist_text(strategy, ROWS, TODAY, "nl") == (
        "Vorige week: 18 van 20 beantwoord (90%), gemiddeld 3,5 u — mensen verwachten binnen 24 u een antwoord "
        "(Arise, 2017)."
    )
    quiet = [row("instagram", "2026-W10", messages_received=0, messages_answered=0)]
    assert webcare.checklist_text(strategy, quiet, TODAY, "en") == "Last week no messages came in."
    assert webcare.checklist_text(strategy, [], TODAY, "en").startswith(
        "Last week's messages are not logged yet"
    )


def test_webcare_goals_are_ordinary_goals_and_become_the_bars(strategy: Strategy) -> None:
    changed, errors = webcare.with_goals(
        strategy, Platform.INSTAGRAM, QUARTER, ROWS, rate=95, hours=4, lang="en"
    )
    assert errors == []
    goals = [(g.kpi, g.baseline, g.target) for g in changed.goals if g.kpi in webcare.KPIS]
    # baselines: the previous quarter (2025-W50): 9 of 10 = 90 %, 5.0 h
    assert goals == [("response_rate", 90.0, 95), ("response_time", 5.0, 4)]
    again, _ = webcare.with_goals(changed, Platform.INSTAGRAM, QUARTER, ROWS, rate=None, hours=3, lang="en")
    assert [(g.kpi, g.target) for g in again.goals if g.kpi in webcare.KPIS] == [("response_time", 3)]
    assert len(strategy.goals) == 4  # the original is left as it was
    # the whole week is now judged against the strictest goal among the platforms that logged messages
    line = webcare.checklist_text(changed, ROWS, TODAY, "en")
    assert line.endswith("— your goal: an answer within 4 h.")


def test_webcare_goals_refuse_what_cannot_be_aimed_for(strategy: Strategy) -> None:
    same, errors = webcare.with_goals(
        strategy, Platform.INSTAGRAM, QUARTER, ROWS, rate=0, hours=400, lang="en"
    )
    assert same is strategy
    assert errors == [
        "Response rate goal: 0% is not a share of the messages. Enter a percentage above 0 and at most 100.",
        "Response time goal: 400 hours is not a response time to aim for. "
        "Enter the hours within which you want to answer (more than 0, at most two weeks).",
    ]


def test_the_monthly_trend_for_the_review(strategy: Strategy) -> None:
    january, february, march = webcare.monthly_trend(strategy, ROWS, "2026-03")
    assert [m.period for m in (january, february, march)] == ["2026-01", "2026-02", "2026-03"]
    assert january.received is None and february.rate == 100 and march.rate == 90
    assert webcare.month_text([january, february, march], "en") == (
        "March: 18 of 20 answered (90%), average 3.5 h. Before: February 100% (1.0 h)."
    )
    assert webcare.month_text([january, february, march], "nl") == (
        "Maart: 18 van 20 beantwoord (90%), gemiddeld 3,5 u. Daarvoor: februari 100% (1,0 u)."
    )
    only_facebook = webcare.monthly_trend(strategy, ROWS, "2026-03", Platform.FACEBOOK, count=1)
    assert [(c.platform, c.rate) for c in only_facebook] == [(Platform.FACEBOOK, 75)]


def test_every_figure_carries_its_source_and_year() -> None:
    sources = webcare.sources()
    for item in webcare.expectations() + webcare.businesses():
        assert item.source in sources
        assert item.year == sources[item.source]["year"]
    assert [e.id for e in webcare.expectations()][:2] == ["arise_day", "arise_hour"]  # newest first
    assert (
        webcare.cite("hubspot_response", None, "en") == "HubSpot"
    )  # the page is undated: no year is made up
