"""The KPI engine: aggregation of weekly rows, KPI series and tables (hand-computed)."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmplanner import kpis, metrics, periods
from cmplanner.models import Platform, WeekMetrics


def row(week: str, platform: str = "facebook", **fields: Any) -> WeekMetrics:
    return WeekMetrics(platform=Platform(platform), week=week, **fields)


# ---------------------------------------------------------------- aggregate


def test_aggregate_sums_flows_keeps_last_followers_and_averages_response_time() -> None:
    rows = [
        row("2026-W10", followers=100, posts=2, reach=300, response_time_hours=4.0),
        row("2026-W11", followers=None, posts=3, reach=None, response_time_hours=None),
        row("2026-W13", followers=130, posts=1, reach=200, response_time_hours=1.0),
        row("2026-W14", followers=999, posts=50),  # outside the period: ignored
    ]
    weeks = ["2026-W10", "2026-W11", "2026-W12", "2026-W13"]
    totals = metrics.aggregate(rows, weeks, previous=row("2026-W09", followers=90))
    assert totals["posts"] == 6  # 2 + 3 + 1
    assert totals["reach"] == 500  # 300 + 200 (W11 not logged)
    assert totals["followers"] == 130  # last logged
    assert totals["followers_start"] == 90  # the previous week's value
    assert totals["response_time_hours"] == 2.5  # (4 + 1) / 2, over the weeks logged
    assert totals["clicks"] is None  # never logged
    assert totals["impressions"] is None


def test_aggregate_start_falls_back_to_first_logged_followers() -> None:
    rows = [row("2026-W11", posts=1), row("2026-W12", followers=200), row("2026-W13", followers=210)]
    weeks = ["2026-W11", "2026-W12", "2026-W13"]
    assert metrics.aggregate(rows, weeks, None)["followers_start"] == 200
    # a previous week without followers does not count
    assert metrics.aggregate(rows, weeks, row("2026-W10", posts=4))["followers_start"] == 200


def test_aggregate_of_nothing_is_all_none() -> None:
    totals = metrics.aggregate([], ["2026-W10"], None)
    assert set(totals) >= {*metrics.SUM_FIELDS, "followers", "followers_start", "response_time_hours"}
    assert all(v is None for v in totals.values())


def test_aggregate_feeds_kpis() -> None:
    # engagement rate by reach over two weeks: (30+10+5 + 50+3+2) / (1000 + 1000) = 100 / 2000 = 5 %
    rows = [
        row("2026-W10", reach=1000, reactions=30, comments=10, shares=5),
        row("2026-W11", reach=1000, reactions=50, comments=3, shares=2),
    ]
    totals = metrics.aggregate(rows, ["2026-W10", "2026-W11"], None)
    assert kpis.value("engagement_rate_reach", totals, "facebook") == pytest.approx(5.0)


# ---------------------------------------------------------------- kpi_series


def test_kpi_series_per_kind() -> None:
    rows = [
        row("2026-W10", followers=1000, posts=2, reach=400, reactions=20, comments=0, shares=0),
        row("2026-W11", followers=1010, posts=3, reach=500, reactions=40, comments=5, shares=5),
        row("2026-W13", followers=1050, posts=0, reach=0, reactions=0, comments=0, shares=0),
        row("2026-W11", platform="instagram", followers=5, posts=99),  # another platform
    ]
    weeks = ["2026-W10", "2026-W11", "2026-W12", "2026-W13"]
    assert metrics.kpi_series(rows, "facebook", "followers", weeks) == [1000, 1010, None, 1050]
    assert metrics.kpi_series(rows, Platform.FACEBOOK, "posts", weeks) == [2, 3, None, 0]
    # W10: 20/400 = 5 %; W11: 50/500 = 10 %; W13: reach 0 → no rate
    assert metrics.kpi_series(rows, "facebook", "engagement_rate_reach", weeks) == [5.0, 10.0, None, None]
    # follower growth per week: W10 has no previous week → (1000−1000)/1000 = 0; W11: 10/1000 = 1 %;
    # W13: W12 is not logged, so it starts from its own value → 0
    growth = metrics.kpi_series(rows, "facebook", "follower_growth", weeks)
    assert growth == [0.0, pytest.approx(1.0), None, 0.0]


# ---------------------------------------------------------------- kpi_table


def test_kpi_table_by_week_month_and_quarter() -> None:
    # 2026-W40 runs Mon 28 Sep – Sun 4 Oct: its Thursday (1 Oct) puts it in October and Q4.
    # 2026-W39 (Thu 24 Sep) is September and Q3.
    rows = [
        row("2026-W39", followers=900, posts=1, impressions=100, clicks=1),
        row("2026-W40", followers=1000, posts=2, impressions=1000, clicks=10),
        row("2026-W41", followers=1100, posts=4, impressions=3000, clicks=50),
    ]
    weekly = metrics.kpi_table(rows, "facebook", "week")
    assert list(weekly.index) == ["2026-W39", "2026-W40", "2026-W41"]
    assert weekly.index.name == "period"
    assert weekly.loc["2026-W41", "click_through_rate"] == pytest.approx(50 / 3000 * 100)
    # W40 starts from W39's 900: (1000 − 900)/900 = 11.1 %
    assert weekly.loc["2026-W40", "follower_growth"] == pytest.approx(100 / 900 * 100)
    assert weekly.loc["2026-W39", "follower_growth"] == 0.0  # no previous week: its own value

    monthly = metrics.kpi_table(rows, "facebook", "month")
    assert list(monthly.index) == ["2026-09", "2026-10"]
    assert monthly.loc["2026-10", "posts"] == 6  # 2 + 4
    assert monthly.loc["2026-10", "followers"] == 1100  # last
    # clicks ÷ impressions = (10 + 50) / (1000 + 3000) = 1.5 %
    assert monthly.loc["2026-10", "click_through_rate"] == pytest.approx(1.5)
    # October starts from the week before its first week (W39): (1100 − 900)/900
    assert monthly.loc["2026-10", "follower_growth"] == pytest.approx(200 / 900 * 100)

    quarterly = metrics.kpi_table(rows, "facebook", "quarter")
    assert list(quarterly.index) == ["2026-Q3", "2026-Q4"]
    assert quarterly.loc["2026-Q4", "impressions"] == 4000
    assert quarterly.loc["2026-Q4", "follower_growth"] == pytest.approx(200 / 900 * 100)


def test_kpi_table_columns_are_the_kpis_the_data_gives() -> None:
    rows = [row("2026-W10", posts=3, shares=6), row("2026-W11", posts=1)]
    table = metrics.kpi_table(rows, "facebook", "week")
    # amplification = shares ÷ posts = 6/3 in W10; W11 has no shares
    assert list(table.columns) == ["posts", "amplification_rate"]
    assert table.loc["2026-W10", "amplification_rate"] == 2.0
    assert math.isnan(table.loc["2026-W11", "amplification_rate"])
    assert all(pd.api.types.is_float_dtype(dtype) for dtype in table.dtypes)


def test_kpi_table_empty_and_other_platform() -> None:
    assert metrics.kpi_table([], "facebook", "month").empty
    table = metrics.kpi_table([row("2026-W10", platform="x", posts=3)], "facebook", "quarter")
    assert table.empty


def test_kpi_table_instagram_counts_saves_as_engagements() -> None:
    fields: dict[str, Any] = {"reactions": 10, "comments": 2, "shares": 3, "saves": 5}
    instagram = metrics.kpi_table([row("2026-W10", platform="instagram", **fields)], "instagram")
    assert instagram.iloc[0]["engagements"] == 20  # 10 + 2 + 3 + 5
    facebook = metrics.kpi_table([row("2026-W10", **fields)], "facebook")
    assert facebook.iloc[0]["engagements"] == 15  # saves do not count


def test_new_year_week_53_belongs_to_q4_and_starts_q1() -> None:
    # 2026-W53 is Mon 28 Dec 2026 – Sun 3 Jan 2027, Thursday 31 Dec → December and 2026-Q4.
    rows = [row("2026-W53", followers=500, posts=1), row("2027-W01", followers=550, posts=2)]
    quarterly = metrics.kpi_table(rows, "facebook", "quarter")
    assert list(quarterly.index) == ["2026-Q4", "2027-Q1"]
    assert quarterly.loc["2026-Q4", "posts"] == 1
    # Q1 2027 starts from the last week of 2026: (550 − 500)/500 = 10 %
    assert quarterly.loc["2027-Q1", "follower_growth"] == pytest.approx(10.0)
    assert list(metrics.kpi_table(rows, "facebook", "month").index) == ["2026-12", "2027-01"]


# ---------------------------------------------------------------- properties

counts = st.none() | st.integers(min_value=0, max_value=10_000)


@st.composite
def week_rows(draw: st.DrawFn) -> list[WeekMetrics]:
    start = draw(st.sampled_from(["2025-W50", "2026-W01", "2026-W38", "2026-W52"]))
    offsets = draw(st.sets(st.integers(min_value=0, max_value=30), max_size=20))
    rows = []
    for offset in sorted(offsets):
        received = draw(counts)
        answered = None if received is None else draw(st.none() | st.integers(0, received))
        rows.append(
            WeekMetrics(
                platform=draw(st.sampled_from([Platform.FACEBOOK, Platform.INSTAGRAM])),
                week=periods.shift_week(start, offset),
                followers=draw(counts),
                posts=draw(counts),
                impressions=draw(counts),
                reach=draw(counts),
                reactions=draw(counts),
                comments=draw(counts),
                shares=draw(counts),
                saves=draw(counts),
                clicks=draw(counts),
                messages_received=received,
                messages_answered=answered,
                response_time_hours=draw(st.none() | st.floats(0, 100)),
                mentions=draw(counts),
                competitor_mentions=draw(counts),
            )
        )
    return rows


@settings(max_examples=60, deadline=None)
@given(rows=week_rows(), period=st.sampled_from(["week", "month", "quarter"]))
def test_kpi_table_matches_aggregate_period_by_period(rows: list[WeekMetrics], period: str) -> None:
    """The vectorised table gives what ``aggregate`` + ``kpis.value`` give for each period."""
    table = metrics.kpi_table(rows, "instagram", period)  # type: ignore[arg-type]
    own = metrics.by_week(rows, "instagram")
    weeks_of = {"week": lambda k: [k], "month": periods.month_weeks, "quarter": periods.quarter_weeks}[period]
    period_of = {"week": lambda w: w, "month": periods.month_of_week, "quarter": periods.quarter_of_week}[
        period
    ]
    assert list(table.index) == sorted({period_of(w) for w in own})
    for key in table.index:
        weeks = weeks_of(key)
        totals = metrics.aggregate(list(own.values()), weeks, own.get(periods.shift_week(weeks[0], -1)))
        for kpi_id in kpis.KPIS:
            expected = kpis.value(kpi_id, totals, "instagram")
            got = table.loc[key, kpi_id] if kpi_id in table.columns else math.nan
            if expected is None:
                assert math.isnan(got)
            else:
                assert got == pytest.approx(expected, rel=1e-9, abs=1e-12)
