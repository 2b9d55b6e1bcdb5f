"""Pace, forecast and status of quarterly goals: hand-computed cases and properties."""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import assume, event, given, settings
from hypothesis import strategies as st

from cmplanner import i18n, kpis, periods
from cmplanner.models import Goal, Platform, WeekMetrics
from cmplanner.pacing import (
    ACCUMULATING_RATES,
    AT_RISK_SHARE,
    Pace,
    Status,
    default_start_week,
    pace,
    weeks_elapsed,
)

# 2026-Q3 = 2026-W27 (Mon 29 Jun) … 2026-W39: 13 weeks.
# 2026-Q4 = 2026-W40 (Mon 28 Sep) … 2026-W53 (Mon 28 Dec – Sun 3 Jan 2027): 14 weeks.
# 2027-Q1 = 2027-W01 (Mon 4 Jan) … 2027-W12: 12 weeks (1 Jan 2027 is a Friday, so W53 took the first days).
Q3 = periods.quarter_weeks("2026-Q3")


def row(week: str, platform: str = "instagram", **fields: Any) -> WeekMetrics:
    return WeekMetrics(platform=Platform(platform), week=week, **fields)


def goal(
    kpi: str,
    target: float,
    baseline: float = 0.0,
    quarter: str = "2026-Q3",
    platform: str = "instagram",
    start: str | None = None,
) -> Goal:
    return Goal(
        platform=Platform(platform),
        kpi=kpi,
        quarter=quarter,
        baseline=baseline,
        target=target,
        start_week=start,
    )


def after(quarter: str, position: int) -> date:
    """The Monday after the quarter's ``position``-th week (so that week is the last complete one)."""
    return periods.week_monday(periods.quarter_weeks(quarter)[position - 1]) + timedelta(days=7)


# ---------------------------------------------------------------- weeks elapsed


def test_quarter_lengths() -> None:
    assert len(Q3) == 13
    assert len(periods.quarter_weeks("2026-Q4")) == 14
    assert len(periods.quarter_weeks("2027-Q1")) == 12


@pytest.mark.parametrize(
    ("quarter", "today", "elapsed"),
    [
        ("2026-Q3", date(2026, 6, 28), 0),  # the Sunday before
        ("2026-Q3", date(2026, 6, 29), 0),  # Monday of W27: no week complete yet
        ("2026-Q3", date(2026, 7, 5), 0),  # Sunday of W27: W27 is not over until the day ends
        ("2026-Q3", date(2026, 7, 6), 1),
        ("2026-Q3", date(2026, 9, 27), 12),
        ("2026-Q3", date(2026, 9, 28), 13),  # the quarter is over
        ("2026-Q3", date(2027, 5, 1), 13),
        ("2026-Q4", date(2027, 1, 3), 13),  # Sunday of W53, in 2027
        ("2026-Q4", date(2027, 1, 4), 14),
        ("2027-Q1", date(2027, 1, 4), 0),
        ("2027-Q1", date(2027, 1, 11), 1),
    ],
)
def test_weeks_elapsed(quarter: str, today: date, elapsed: int) -> None:
    assert weeks_elapsed(quarter, today) == elapsed


# ---------------------------------------------------------------- stock (followers)


def test_stock_slightly_behind_is_at_risk() -> None:
    # baseline 1000 → target 1260 over 13 weeks = 20 a week. Four weeks logged, today after W30 (w = 4).
    rows = [row(w, followers=f) for w, f in zip(Q3, [1015, 1030, 1050, 1070], strict=False)]
    p = pace(goal("followers", 1260, 1000), rows, date(2026, 7, 27))
    assert (p.weeks_elapsed, p.weeks_total, p.weeks_logged) == (4, 13, 4)
    assert p.actual == 1070
    assert p.expected == pytest.approx(1080)  # 1000 + 260 × 4/13
    # trend through (1,1015) (2,1030) (3,1050) (4,1070): x̄ = 2.5, ȳ = 1041.25,
    # slope = (−1.5·−26.25 + −0.5·−11.25 + 0.5·8.75 + 1.5·28.75) / (2.25+0.25+0.25+2.25) = 92.5/5 = 18.5
    assert p.forecast == pytest.approx(1070 + 18.5 * 9)  # 1236.5 < 1260
    assert p.still_needed_per_week == pytest.approx(190 / 9)  # (1260 − 1070) / 9 weeks left
    # 10 behind the pace line ≤ 10 % of the 190 still to go → at risk
    assert p.status is Status.AT_RISK
    assert p.series[0] == ("2026-W27", 1015, pytest.approx(1020), None)  # pace 1000 + 260/13
    assert p.series[3] == ("2026-W30", 1070, pytest.approx(1080), 1070)  # the forecast starts at the last log
    assert p.series[4][1] is None
    assert p.series[-1] == ("2026-W39", None, pytest.approx(1260), pytest.approx(1236.5))


def test_stock_far_behind_is_behind() -> None:
    # same goal; flat at 1010 for four weeks: 70 behind the line 1080, 250 to go (70 > 25); trend 0
    rows = [row(w, followers=1010) for w in Q3[:4]]
    p = pace(goal("followers", 1260, 1000), rows, date(2026, 7, 27))
    assert p.forecast == 1010
    assert p.status is Status.BEHIND


def test_stock_single_week_trends_from_the_baseline() -> None:
    # baseline 1000 → 1130 (10 a week); only W27 logged at 1010: trend (0,1000)→(1,1010) = 10/week
    p = pace(goal("followers", 1130, 1000), [row(Q3[0], followers=1010)], date(2026, 7, 6))
    assert p.forecast == pytest.approx(1010 + 10 * 12)  # = 1130: meets the target
    assert p.status is Status.ON_TRACK
    assert p.still_needed_per_week == pytest.approx(10)  # (1130 − 1010) / 12


def test_stock_with_a_gap() -> None:
    # W27 1010, W28 1020, W29 not logged, W30 1040: points (1,1010) (2,1020) (4,1040);
    # x̄ = 7/3, slope = Σ dx·dy / Σ dx² = (46⅔) / (4⅔) = 10 → forecast 1040 + 10 × 9 = 1130
    rows = [row(Q3[0], followers=1010), row(Q3[1], followers=1020), row(Q3[3], followers=1040)]
    p = pace(goal("followers", 1130, 1000), rows, date(2026, 7, 27))
    assert p.weeks_logged == 3
    assert p.forecast == pytest.approx(1130)
    assert [s[1] for s in p.series[:4]] == [1010, 1020, None, 1040]
    assert p.status is Status.ON_TRACK  # 1040 = 1000 + 130 × 4/13


def test_stock_reached_and_forecast_never_below_zero() -> None:
    p = pace(goal("followers", 1100, 1000), [row(Q3[0], followers=1100)], date(2026, 7, 6))
    assert (p.status, p.still_needed_per_week) == (Status.REACHED, 0.0)
    falling = [row(Q3[0], followers=100), row(Q3[1], followers=50)]  # −50 a week
    p = pace(goal("followers", 200, 100), falling, date(2026, 7, 13))
    assert p.forecast == 0.0
    assert p.status is Status.BEHIND


# ---------------------------------------------------------------- flow (posts)


def test_flow_cumulates_and_forecasts_the_recent_mean() -> None:
    # 26 posts in 13 weeks = 2 a week; logged 2, 2, 1 → 5 after three weeks, expected 26 × 3/13 = 6
    rows = [row(w, posts=n) for w, n in zip(Q3, [2, 2, 1], strict=False)]
    p = pace(goal("posts", 26), rows, date(2026, 7, 20))
    assert (p.actual, p.expected) == (5, pytest.approx(6))
    assert p.forecast == pytest.approx(5 + 5 / 3 * 10)  # mean of the last three weeks × 10 weeks left
    assert p.still_needed_per_week == pytest.approx(2.1)  # (26 − 5) / 10
    assert p.status is Status.AT_RISK  # 1 behind ≤ 10 % of 21 to go
    assert [s[1] for s in p.series[:4]] == [2, 4, 5, None]  # cumulative


def test_flow_behind() -> None:
    # 0, 0, 1 → 1 vs 6 expected: 5 behind > 10 % of 25 to go; forecast 1 + ⅓ × 10 = 4.3, far from 26
    rows = [row(w, posts=n) for w, n in zip(Q3, [0, 0, 1], strict=False)]
    assert pace(goal("posts", 26), rows, date(2026, 7, 20)).status is Status.BEHIND


def test_flow_recent_trend_uses_the_last_four_weeks() -> None:
    # 0, 0, 0, 5, 5, 5, 5 → 20 after 7 weeks vs 26 × 7/13 = 14 expected: on track;
    # forecast = 20 + mean(5,5,5,5) × 6 = 50
    rows = [row(w, posts=n) for w, n in zip(Q3, [0, 0, 0, 5, 5, 5, 5], strict=False)]
    p = pace(goal("posts", 26), rows, after("2026-Q3", 7))
    assert p.forecast == pytest.approx(50)
    assert p.status is Status.ON_TRACK


def test_flow_reached_mid_quarter() -> None:
    rows = [row(w, impressions=10_000) for w in Q3[:3]]
    p = pace(goal("impressions", 25_000), rows, date(2026, 7, 20))
    assert (p.status, p.still_needed_per_week, p.actual) == (Status.REACHED, 0.0, 30_000)


def test_flow_in_a_14_week_quarter() -> None:
    # 2026-Q4 has 14 weeks: 140 posts = 10 a week; 7 weeks of 10 → 70 = 140 × 7/14
    weeks = periods.quarter_weeks("2026-Q4")
    rows = [row(w, posts=10) for w in weeks[:7]]
    p = pace(goal("posts", 140, quarter="2026-Q4"), rows, date(2026, 11, 16))
    assert (p.weeks_elapsed, p.weeks_total) == (7, 14)
    assert p.expected == pytest.approx(70)
    assert p.still_needed_per_week == pytest.approx(10)  # 70 / 7
    assert p.forecast == pytest.approx(140)
    assert p.status is Status.ON_TRACK


def test_flow_in_a_12_week_quarter() -> None:
    # 2027-Q1 has 12 weeks: 120 posts = 10 a week; 3 weeks of 10 → 30 = 120 × 3/12; needed 90 / 9
    weeks = periods.quarter_weeks("2027-Q1")
    p = pace(goal("posts", 120, quarter="2027-Q1"), [row(w, posts=10) for w in weeks[:3]], date(2027, 1, 25))
    assert (p.weeks_total, p.expected, p.still_needed_per_week) == (12, pytest.approx(30), pytest.approx(10))
    assert p.status is Status.ON_TRACK


def test_quarter_crossing_new_year() -> None:
    # 2026-Q4 ends with W53 (Sun 3 Jan 2027): on Sat 2 Jan 13 weeks are over, on Mon 4 Jan all 14.
    weeks = periods.quarter_weeks("2026-Q4")
    rows = [row(w, posts=10) for w in weeks]  # 140 in all
    g = goal("posts", 150, quarter="2026-Q4")
    during = pace(g, rows[:13], date(2027, 1, 2))
    assert (during.weeks_elapsed, during.actual) == (13, 130)
    assert during.expected == pytest.approx(150 * 13 / 14)  # 139.3: 130 is 9.3 behind, 20 to go → behind
    assert during.forecast == pytest.approx(140)  # 130 + 10 × 1: 10 short ≤ 10 % of 150 → at risk
    assert during.status is Status.AT_RISK
    over = pace(g, rows, date(2027, 1, 4))
    assert (over.weeks_elapsed, over.actual, over.forecast) == (14, 140, 140)
    assert over.still_needed_per_week is None  # no week left
    assert over.status is Status.AT_RISK  # missed by 10 ≤ 15
    # the next quarter starts counting from 0, and follower growth starts from W53's followers
    q1 = periods.quarter_weeks("2027-Q1")
    growth = [row("2026-W53", followers=1000), row(q1[0], followers=1010), row(q1[1], followers=1020)]
    p = pace(goal("follower_growth", 12, 5, quarter="2027-Q1"), growth, date(2027, 1, 18))
    assert p.actual == pytest.approx(2.0)  # (1020 − 1000)/1000
    assert p.expected == pytest.approx(2.0)  # accumulating: 12 × 2/12 (the baseline 5 is ignored)
    assert p.still_needed_per_week == pytest.approx(1.0)  # (12 − 2) / 10 percentage points
    assert p.status is Status.ON_TRACK


# ---------------------------------------------------------------- rates


def engagement_week(week: str, engagements: int, reach: int = 1000) -> WeekMetrics:
    return row(week, platform="facebook", reach=reach, reactions=engagements, comments=0, shares=0)


def test_rate_is_compared_with_its_target_directly() -> None:
    # 45/1000 = 4.5 %, 55/1000 = 5.5 % → over the weeks logged 100/2000 = 5 % = target
    rows = [engagement_week(Q3[0], 45), engagement_week(Q3[1], 55)]
    p = pace(goal("engagement_rate_reach", 5, 3, platform="facebook"), rows, date(2026, 7, 13))
    assert (p.actual, p.expected, p.forecast) == (pytest.approx(5), 5, pytest.approx(5))
    assert p.status is Status.ON_TRACK  # not REACHED: the quarter is not over
    assert p.still_needed_per_week == pytest.approx(5)  # 5 + (5 − 5) × 2/11
    assert [s[1] for s in p.series[:3]] == [pytest.approx(4.5), pytest.approx(5), None]  # running rate


@pytest.mark.parametrize(
    ("per_week", "status"),
    [(50, Status.REACHED), (46, Status.AT_RISK), (45, Status.AT_RISK), (44, Status.BEHIND)],
)
def test_rate_at_quarter_end(per_week: int, status: Status) -> None:
    # 4.6 % is 0.4 short of 5 %: within 10 % × 5 = 0.5 → at risk; 4.4 % is 0.6 short → behind
    rows = [engagement_week(w, per_week) for w in Q3]
    p = pace(goal("engagement_rate_reach", 5, 3, platform="facebook"), rows, date(2026, 10, 1))
    assert p.weeks_elapsed == 13
    assert p.forecast == p.actual  # after the quarter the forecast is the outcome
    assert p.status is status


def test_rate_recent_weeks_forecast() -> None:
    # 2, 2, 2, 2, 6, 6, 6, 6 % → over 8 weeks 32/8 = 4 %, the last four weeks 6 % ≥ 5 % → on track
    rows = [engagement_week(w, e) for w, e in zip(Q3, [20, 20, 20, 20, 60, 60, 60, 60], strict=False)]
    p = pace(goal("engagement_rate_reach", 5, 3, platform="facebook"), rows, after("2026-Q3", 8))
    assert (p.actual, p.forecast) == (pytest.approx(4), pytest.approx(6))
    assert p.status is Status.ON_TRACK
    assert p.still_needed_per_week == pytest.approx(5 + 1 * 8 / 5)  # 6.6 % over the 5 weeks left


def test_response_time_goes_down() -> None:
    g = goal("response_time", 2, 6)
    assert not kpis.KPIS["response_time"].higher_is_better
    # mean(3, 2, 1) = 2 h ≤ 2 h → on track (reached only at quarter end)
    rows = [row(w, response_time_hours=h) for w, h in zip(Q3, [3.0, 2.0, 1.0], strict=False)]
    assert pace(g, rows, date(2026, 7, 20)).status is Status.ON_TRACK
    # 3 h, 3 h: 1 h over (> 10 % × 2) → behind; the remaining 11 weeks must average 2 + (2 − 3) × 2/11
    p = pace(g, [row(w, response_time_hours=3.0) for w in Q3[:2]], date(2026, 7, 13))
    assert p.status is Status.BEHIND
    assert p.still_needed_per_week == pytest.approx(2 - 2 / 11)
    # 2.1 h: 0.1 over ≤ 0.2 → at risk
    p = pace(g, [row(w, response_time_hours=2.1) for w in Q3[:2]], date(2026, 7, 13))
    assert p.status is Status.AT_RISK
    # the whole quarter at 1.5 h → reached
    assert pace(g, [row(w, response_time_hours=1.5) for w in Q3], date(2026, 10, 1)).status is Status.REACHED
    # 30 h in 2 weeks → would need a negative time: out of reach
    assert (
        pace(g, [row(w, response_time_hours=30.0) for w in Q3[:2]], date(2026, 7, 13)).still_needed_per_week
        is None
    )


def test_accumulating_rates() -> None:
    assert sorted(ACCUMULATING_RATES) == ["follower_growth"]


# ---------------------------------------------------------------- no data


def test_no_data() -> None:
    g = goal("followers", 1200, 1000)
    for rows in (
        [],
        [row(Q3[0], platform="x", followers=1100)],  # another platform
        [row(Q3[0], posts=3)],  # other figures only
        [row("2026-W26", followers=1100)],  # the previous quarter
    ):
        p = pace(g, rows, date(2026, 8, 3))
        assert p.status is Status.NO_DATA
        assert (p.actual, p.forecast, p.still_needed_per_week, p.weeks_logged) == (None, None, None, 0)
        assert p.weeks_elapsed == 5
        assert p.series[0][1:] == (None, pytest.approx(1000 + 200 / 13), None)


def test_before_the_quarter() -> None:
    g = goal("followers", 1200, 1000)
    p = pace(g, [], date(2026, 6, 1))
    assert (p.weeks_elapsed, p.expected, p.status) == (0, 1000, Status.NO_DATA)
    # a week logged ahead of the calendar counts (an import on the Monday of the first week)
    p = pace(g, [row(Q3[0], followers=1020)], date(2026, 6, 29))
    assert p.weeks_elapsed == 1
    assert p.status is Status.ON_TRACK


def test_status_labels_in_both_languages() -> None:
    for status in Status:
        for lang in ("en", "nl"):
            assert i18n.has(f"status.{status}", lang)
            assert i18n.has(f"status.{status}.help", lang)
    dutch = {s: i18n.t(f"status.{s}", "nl") for s in Status}
    assert dutch == {
        Status.REACHED: "bereikt",
        Status.ON_TRACK: "op schema",
        Status.AT_RISK: "risico",
        Status.BEHIND: "achter",
        Status.NO_DATA: "geen gegevens",
    }


# ---------------------------------------------------------------- properties

quarters = st.one_of(
    st.sampled_from(["2026-Q3", "2026-Q4", "2027-Q1"]),
    st.builds(lambda y, q: f"{y}-Q{q}", st.integers(2020, 2035), st.integers(1, 4)),
)


@st.composite
def on_pace(draw: st.DrawFn) -> tuple[Goal, list[WeekMetrics], date, int]:
    """A goal and weeks that follow its pace line exactly, up to a drawn week."""
    quarter = draw(quarters)
    offset = draw(st.integers(0, len(periods.quarter_weeks(quarter)) - 1))
    start = periods.quarter_weeks(quarter)[offset] if offset or draw(st.booleans()) else None
    weeks = periods.quarter_weeks(quarter)[offset:]  # the goal's weeks
    n = len(weeks)
    upto = draw(st.integers(1, n))
    kind = draw(st.sampled_from(["stock", "flow", "response_time", "response_rate"]))
    step = draw(st.integers(1, 1000))
    if kind == "stock":  # baseline + step a week; gaps allowed
        base = draw(st.integers(0, 100_000))
        g = goal("followers", base + step * n, base, quarter, start=start)
        logged = draw(st.sets(st.integers(1, max(1, upto - 1)))) | {upto}
        rows = [row(weeks[i - 1], followers=base + step * i) for i in sorted(logged)]
    elif kind == "flow":
        baseline = draw(st.integers(0, 10_000).filter(lambda b: b != step * n))  # a goal must move
        g = goal("reach", step * n, baseline, quarter, start=start)
        rows = [row(w, reach=step) for w in weeks[:upto]]
    elif kind == "response_time":  # every logged week exactly at the target
        hours = draw(st.floats(0.1, 48))
        g = goal("response_time", hours, hours + 1, quarter, start=start)
        logged = draw(st.sets(st.integers(1, max(1, upto - 1)))) | {upto}
        rows = [row(weeks[i - 1], response_time_hours=hours) for i in sorted(logged)]
    else:  # answered ÷ received exactly at the target
        received = draw(st.integers(1, 200))
        answered = draw(st.integers(1, received))
        g = goal("response_rate", 100 * answered / received, 0, quarter, start=start)
        rows = [
            row(w, messages_received=received * m, messages_answered=answered * m)
            for m, w in enumerate(weeks[:upto], start=1)
        ]
    # weeks before the goal's start, far off its pace line, count neither for nor against it
    early = periods.quarter_weeks(quarter)[: max(0, offset - 1)]
    rows += [row(w, followers=0, reach=10**6, response_time_hours=500.0, messages_received=9) for w in early]
    return g, rows, after(quarter, offset + upto), upto


@settings(max_examples=150, deadline=None)
@given(case=on_pace())
def test_following_the_pace_line_is_on_track(case: tuple[Goal, list[WeekMetrics], date, int]) -> None:
    """From the goal's start week on (a goal set late in the quarter is paced over the weeks it has)."""
    g, rows, today, upto = case
    p = pace(g, rows, today)
    assert p.weeks_counted == upto and p.weeks_elapsed == p.start_offset + upto
    assert all(actual is None for _, actual, _, _ in p.series[: p.start_offset])
    if upto == p.weeks_total - p.start_offset:
        assert p.status is Status.REACHED  # the pace line ends at the target
    else:
        assert p.status is Status.ON_TRACK


@settings(max_examples=150, deadline=None)
@given(
    quarter=quarters,
    amounts=st.lists(st.integers(0, 10_000), min_size=1, max_size=14),
    share=st.floats(0.01, 1.0),
    stock=st.booleans(),
)
def test_reaching_the_target_is_reached(quarter: str, amounts: list[int], share: float, stock: bool) -> None:
    weeks = periods.quarter_weeks(quarter)
    amounts = amounts[: len(weeks)]
    today = after(quarter, len(amounts))
    if stock:  # the latest value is at or above the target
        target = max(1.0, amounts[-1] * share)
        assume(target <= amounts[-1])
        g = goal("followers", target, target + 1, quarter)  # even a target below the baseline
        rows = [row(w, followers=a) for w, a in zip(weeks, amounts, strict=False)]
    else:  # the sum so far is at or above the target
        target = max(1.0, sum(amounts) * share)
        assume(target <= sum(amounts))
        g = goal("clicks", target, 0, quarter)
        rows = [row(w, clicks=a) for w, a in zip(weeks, amounts, strict=False)]
    p = pace(g, rows, today)
    assert p.status is Status.REACHED
    assert p.still_needed_per_week == 0


@settings(max_examples=60, deadline=None)
@given(quarter=quarters, hours=st.lists(st.floats(0, 5), min_size=1), target=st.floats(5, 100))
def test_a_rate_met_over_the_whole_quarter_is_reached(
    quarter: str, hours: list[float], target: float
) -> None:
    weeks = periods.quarter_weeks(quarter)
    rows = [row(w, response_time_hours=hours[i % len(hours)]) for i, w in enumerate(weeks)]
    p = pace(goal("response_time", target, target + 1, quarter), rows, after(quarter, len(weeks)))
    assert p.status is Status.REACHED


@st.composite
def any_case(draw: st.DrawFn, kpi_ids: list[str] | None = None) -> tuple[Goal, list[WeekMetrics], date]:
    """Any goal, any non-negative weeks (gaps, other platforms, around the quarter), any day near it."""
    quarter = draw(quarters)
    weeks = periods.quarter_weeks(quarter)
    kpi_id = draw(st.sampled_from(kpi_ids or sorted(kpis.KPIS)))
    baseline = draw(st.floats(0, 1e6))
    target = draw(st.floats(0, 1e6).filter(lambda t: t != baseline))
    start = draw(st.none() | st.sampled_from(weeks))
    g = goal(kpi_id, target, baseline, quarter, draw(st.sampled_from(["instagram", "facebook"])), start)
    count = st.none() | st.integers(0, 10**6)
    rows = []
    for offset in sorted(draw(st.sets(st.integers(-2, len(weeks) + 1), max_size=len(weeks) + 4))):
        received = draw(count)
        rows.append(
            WeekMetrics(
                platform=draw(st.sampled_from([Platform.INSTAGRAM, Platform.FACEBOOK])),
                week=periods.shift_week(weeks[0], offset),
                followers=draw(count),
                posts=draw(count),
                impressions=draw(count),
                reach=draw(count),
                reactions=draw(count),
                comments=draw(count),
                shares=draw(count),
                saves=draw(count),
                clicks=draw(count),
                video_views=draw(count),
                messages_received=received,
                messages_answered=None if received is None else draw(st.none() | st.integers(0, received)),
                response_time_hours=draw(st.none() | st.floats(0, 1000)),
                mentions=draw(count),
                competitor_mentions=draw(count),
            )
        )
    today = periods.week_monday(weeks[0]) + timedelta(days=draw(st.integers(-30, 7 * len(weeks) + 30)))
    return g, rows, today


def check(p: Pace) -> None:
    n = p.weeks_total
    assert n in (12, 13, 14) and len(p.weeks) == len(p.series) == n
    assert 0 <= p.weeks_elapsed <= n and 0 <= p.weeks_logged <= n - p.start_offset
    assert 0 <= p.weeks_counted <= n - p.start_offset and p.weeks_remaining <= n - p.start_offset
    assert all(actual is None and forecast is None for _, actual, _, forecast in p.series[: p.start_offset])
    assert (p.status is Status.NO_DATA) == (p.actual is None)
    if p.status is Status.REACHED:
        assert p.still_needed_per_week == 0
    for value in (p.actual, p.expected, p.forecast, p.still_needed_per_week):
        assert value is None or math.isfinite(value)


@settings(max_examples=300, deadline=None)
@given(case=any_case())
def test_never_raises(case: tuple[Goal, list[WeekMetrics], date]) -> None:
    p = pace(*case)
    check(p)
    event(f"status {p.status}")


@settings(max_examples=150, deadline=None)
@given(
    quarter=quarters,
    kpi_id=st.sampled_from(["followers", "posts", "impressions", "clicks", "video_views"]),
    amounts=st.dictionaries(st.integers(0, 13), st.integers(0, 10_000), min_size=1),  # gaps allowed
    target=st.floats(1, 1e6),
    day=st.integers(0, 90),
)
def test_still_needed_closes_the_gap(
    quarter: str, kpi_id: str, amounts: dict[int, int], target: float, day: int
) -> None:
    """still needed × remaining weeks + actual = target (flows and stocks, while not reached)."""
    weeks = periods.quarter_weeks(quarter)
    rows = [
        WeekMetrics(platform=Platform.INSTAGRAM, week=weeks[i], **{kpi_id: a})
        for i, a in amounts.items()
        if i < len(weeks)
    ]
    assume(rows)
    p = pace(goal(kpi_id, target, 0, quarter), rows, periods.week_monday(weeks[0]) + timedelta(days=day))
    check(p)
    assert p.actual is not None
    if p.status is Status.REACHED:
        assert p.actual >= target and p.still_needed_per_week == 0
    elif p.weeks_remaining == 0:
        assert p.still_needed_per_week is None
    else:
        assert p.still_needed_per_week is not None
        total = p.still_needed_per_week * p.weeks_remaining + p.actual
        assert total == pytest.approx(target, rel=1e-9)


@st.composite
def near_pace(draw: st.DrawFn) -> tuple[Goal, list[WeekMetrics], date]:
    """Weeks scattered around the pace line (±30 %), with gaps: every status shows up."""
    quarter = draw(quarters)
    weeks = periods.quarter_weeks(quarter)
    n = len(weeks)
    kpi_id = draw(st.sampled_from(["followers", "posts", "response_time"]))
    baseline = draw(st.integers(0, 5000))
    target = draw(st.integers(1, 5000))
    if kpi_id == "followers":  # grows
        target += baseline
    elif kpi_id == "response_time":  # goes down
        baseline += target + 1
    else:  # a flow's baseline (last quarter's total) plays no part
        baseline = 0
    g = goal(kpi_id, target, baseline, quarter)
    rows = []
    for i in sorted(draw(st.sets(st.integers(1, n), min_size=1))):
        noise = 1 + draw(st.floats(-0.3, 0.3))
        if kpi_id == "followers":
            rows.append(row(weeks[i - 1], followers=round((baseline + (target - baseline) * i / n) * noise)))
        elif kpi_id == "posts":
            rows.append(row(weeks[i - 1], posts=round(target / n * noise)))
        else:
            rows.append(row(weeks[i - 1], response_time_hours=target * noise))
    today = periods.week_monday(weeks[0]) + timedelta(days=draw(st.integers(0, 7 * n + 7)))
    return g, rows, today


def scaled(g: Goal, rows: list[WeekMetrics], factor: int) -> tuple[Goal, list[WeekMetrics]]:
    figures = [
        r.model_copy(
            update={
                f: (v * factor if (v := getattr(r, f)) is not None else None)
                for f in r.model_dump(exclude={"platform", "week", "source"})
            }
        )
        for r in rows
    ]
    return g.model_copy(update={"baseline": g.baseline * factor, "target": g.target * factor}), figures


@settings(max_examples=200, deadline=None)
@given(
    case=near_pace()
    | any_case(["followers", "posts", "reach", "engagements", "video_views", "response_time"]),
    power=st.integers(1, 12),
)
def test_scaling_keeps_the_status(case: tuple[Goal, list[WeekMetrics], date], power: int) -> None:
    """Multiplying every figure, the baseline and the target by a constant changes no status."""
    g, rows, today = case
    factor = 2**power  # a power of two scales floats exactly
    before = pace(g, rows, today)
    after_ = pace(*scaled(g, rows, factor), today)
    event(f"status {before.status}")
    assert after_.status is before.status
    for a, b in [
        (after_.actual, before.actual),
        (after_.expected, before.expected),
        (after_.forecast, before.forecast),
        (after_.still_needed_per_week, before.still_needed_per_week),
    ]:
        assert (a is None) == (b is None)
        if a is not None and b is not None:
            assert a == pytest.approx(b * factor)


def test_at_risk_share_is_ten_percent() -> None:
    assert AT_RISK_SHARE == 0.10


# ---------------------------------------------------------------- the goal's start

# 2026-Q4: W40 … W53 (14 weeks); W48 is its 9th week (Mon 23 – Sun 29 Nov 2026), W49 its 10th.


def test_a_goal_set_in_week_9_starts_its_pace_line_there() -> None:
    late = goal("followers", 1600, 1000, "2026-Q4", start="2026-W48")
    rows = [row("2026-W48", followers=1100)]
    monday = date(2026, 11, 30)  # W48 is the last complete week
    p = pace(late, rows, monday)
    # N = 6 goal weeks (W48…W53), w = 1: expected 1000 + 600 × 1/6 = 1100
    assert (p.start_offset, p.weeks_elapsed, p.weeks_counted, p.weeks_remaining) == (8, 9, 1, 5)
    assert p.expected == pytest.approx(1100)
    assert p.status is Status.ON_TRACK
    # the trend runs from the baseline at the start: 100 a week, 1100 + 5 × 100 = 1600
    assert p.forecast == pytest.approx(1600)
    assert p.still_needed_per_week == pytest.approx(100)  # (1600 − 1100) ÷ 5
    assert p.series[:8] == [(w, None, 1000.0, None) for w in periods.quarter_weeks("2026-Q4")[:8]]
    assert p.series[8] == ("2026-W48", 1100, pytest.approx(1100), pytest.approx(1100))
    # the same goal counted from the quarter's first week: expected 1000 + 600 × 9/14 = 1385.7, behind
    whole = pace(late.model_copy(update={"start_week": None}), rows, monday)
    assert whole.expected == pytest.approx(1000 + 600 * 9 / 14)
    assert whole.status is Status.BEHIND


def test_a_late_flow_goal_counts_only_its_own_weeks() -> None:
    late = goal("posts", 12, 0, "2026-Q4", start="2026-W48")
    rows = [row("2026-W45", posts=5), row("2026-W48", posts=2), row("2026-W49", posts=2)]
    p = pace(late, rows, date(2026, 12, 7))  # W49 complete: w = 2 of N = 6
    assert p.actual == 4  # W45's 5 posts came before the goal
    assert p.expected == pytest.approx(12 * 2 / 6)
    assert p.status is Status.ON_TRACK
    assert p.still_needed_per_week == pytest.approx((12 - 4) / 4)
    assert p.weeks_logged == 2


def test_a_late_rate_goal_ignores_the_weeks_before_it() -> None:
    late = goal("response_rate", 90, 0, "2026-Q4", start="2026-W48")
    rows = [
        row("2026-W44", messages_received=10, messages_answered=0),
        row("2026-W48", messages_received=10, messages_answered=9),
    ]
    assert pace(late, rows, date(2026, 11, 30)).actual == pytest.approx(90)
    whole = pace(late.model_copy(update={"start_week": None}), rows, date(2026, 11, 30))
    assert whole.actual == pytest.approx(45)  # (0 + 9) ÷ (10 + 10)


def test_before_its_start_week_a_goal_has_nothing_elapsed() -> None:
    late = goal("posts", 12, 0, "2026-Q4", start="2026-W48")
    p = pace(late, [], date(2026, 11, 18))  # Wednesday of W47
    assert p.weeks_counted == 0 and p.weeks_remaining == 6
    assert p.status is Status.NO_DATA


@pytest.mark.parametrize(
    ("quarter", "today", "start"),
    [
        ("2026-Q4", date(2026, 12, 1), "2026-W49"),  # set during the quarter: that week
        ("2027-Q1", date(2026, 12, 1), None),  # set before the quarter: its first week
        ("2026-Q4", date(2027, 1, 1), "2026-W53"),  # Friday 1 January 2027 is in 2026-W53, still 2026-Q4
        ("2026-Q3", date(2026, 12, 1), None),
    ],
)
def test_default_start_week(quarter: str, today: date, start: str | None) -> None:
    assert default_start_week(quarter, today) == start
