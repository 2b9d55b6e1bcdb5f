"""The month grid and the week list as the page draws them: which weeks and days, which posts and dates where, and
each week's open slots within its own quarter."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from cmplanner import demo
from cmplanner.calendar import demo as calendar_demo
from cmplanner.calendar.grid import grid_weeks, month_grid, week_list
from cmplanner.models import PlannedPost, Platform, PlatformPlan, Strategy


@pytest.fixture(scope="module")
def plan() -> calendar_demo.DemoCalendar:
    return calendar_demo.december(demo.bakery("2026-Q4"), 2026)


@pytest.mark.parametrize(
    ("month", "weeks"),
    [
        # 1 December 2026 is a Tuesday, 31 December a Thursday: W49 starts Monday 30 November, W53 ends 3 January
        ("2026-12", ["2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"]),
        # 1 February 2026 is a Sunday (in W05, from Monday 26 January), 28 February a Saturday (W09)
        ("2026-02", ["2026-W05", "2026-W06", "2026-W07", "2026-W08", "2026-W09"]),
        # June 2026 starts on a Monday and ends on a Tuesday
        ("2026-06", ["2026-W23", "2026-W24", "2026-W25", "2026-W26", "2026-W27"]),
    ],
)
def test_the_grid_holds_every_week_with_a_day_of_the_month(month: str, weeks: list[str]) -> None:
    assert grid_weeks(month) == weeks


def test_days_posts_and_dates_land_where_the_page_draws_them(plan: calendar_demo.DemoCalendar) -> None:
    grid = month_grid(plan.strategy, plan.posts, "2026-12", "en")
    first = grid.weeks[0]
    assert [d.day for d in first.days] == [date(2026, 11, 30)] + [date(2026, 12, n) for n in range(1, 7)]
    assert [d.in_month for d in first.days] == [False] + [True] * 6
    tuesday = first.days[1]
    assert [p.title for p in tuesday.posts] == ["Kerstbestellingen zijn open"]
    saturday = first.days[5]
    assert [(m.item.name, m.named) for m in saturday.dates] == [
        ("Kerstbestellingen", False),  # the campaign runs on, unnamed in the middle of a row
        ("Sinterklaas", True),
    ]
    assert [(m.item.name, m.named) for m in tuesday.dates] == [("Kerstbestellingen", True)]  # its first day
    monday_w50 = grid.weeks[1].days[0]
    assert [(m.item.name, m.named) for m in monday_w50.dates] == [
        ("Kerstbestellingen", True)
    ]  # a row's start
    last = grid.weeks[-1]
    assert [d.day for d in last.days][-1] == date(2027, 1, 3)
    assert "New Year's Day" in [m.item.name for m in last.days[4].dates]


def test_each_week_says_what_it_still_needs(plan: calendar_demo.DemoCalendar) -> None:
    grid = month_grid(plan.strategy, plan.posts, "2026-12", "en")
    # see calendar.demo: the third week open on both platforms, Instagram's last
    assert [week.open for week in grid.weeks] == [0, 0, 2, 0, 1]


def test_slots_are_counted_in_each_weeks_own_quarter() -> None:
    strategy = Strategy(name="S", platforms=[PlatformPlan(platform=Platform.INSTAGRAM, posts_per_week=1)])
    # two posts in W53 of 2026 (Q4): the extra one does not carry into W01 of 2027 (Q1)
    posts = [
        PlannedPost(planned_at=datetime(2026, 12, 29, 9), platforms=[Platform.INSTAGRAM]),
        PlannedPost(planned_at=datetime(2026, 12, 30, 9), platforms=[Platform.INSTAGRAM]),
    ]
    grid = month_grid(strategy, posts, "2027-01", "en")
    assert [week.week for week in grid.weeks][:2] == ["2026-W53", "2027-W01"]
    assert [week.open for week in grid.weeks] == [0, 1, 1, 1, 1]


def test_the_week_list_goes_per_platform_and_keeps_platforms_no_longer_planned() -> None:
    strategy = Strategy(
        name="S",
        platforms=[
            PlatformPlan(platform=Platform.INSTAGRAM, posts_per_week=3),
            PlatformPlan(platform=Platform.FACEBOOK, posts_per_week=2),
        ],
    )
    late = PlannedPost(planned_at=datetime(2026, 12, 10, 18), platforms=[Platform.INSTAGRAM], title="Late")
    early = PlannedPost(
        planned_at=datetime(2026, 12, 8, 8), platforms=[Platform.INSTAGRAM, Platform.TIKTOK], title="Early"
    )
    elsewhere = PlannedPost(
        planned_at=datetime(2026, 12, 15, 8), platforms=[Platform.FACEBOOK], title="Next week"
    )
    items = week_list(strategy, [late, early, elsewhere], "2026-W50")
    assert [item.platform for item in items] == [Platform.INSTAGRAM, Platform.FACEBOOK, Platform.TIKTOK]
    instagram, facebook, tiktok = items
    assert [p.title for p in instagram.posts] == ["Early", "Late"]
    assert instagram.slot is not None and (instagram.slot.quota, instagram.slot.open) == (3, 1)
    assert facebook.posts == [] and facebook.slot is not None and facebook.slot.open == 2
    assert tiktok.slot is None and [p.title for p in tiktok.posts] == ["Early"]
