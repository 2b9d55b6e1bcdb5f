"""Open slots per ISO week from each platform's cadence, across month and quarter boundaries."""

from __future__ import annotations

import math
from datetime import date, datetime, time

from hypothesis import given
from hypothesis import strategies as st

from cmplanner import periods
from cmplanner.calendar import slots
from cmplanner.models import PlannedPost, Platform, PlatformPlan, Strategy

# 2026-Q4 = W40 (Mon 28 Sep) … W53 (Mon 28 Dec – Sun 3 Jan 2027): 14 weeks.
# December 2026 shows W49 (Mon 30 Nov, Thursday 3 Dec) … W53 (Thursday 31 Dec): positions 10–14 of Q4.
STRATEGY = Strategy(
    name="Bakkerij",
    platforms=[
        PlatformPlan(platform="instagram", posts_per_week=3),
        PlatformPlan(platform="pinterest", posts_per_week=0.5),
        PlatformPlan(platform="linkedin", posts_per_week=2.5),
    ],
)


def on(day: date, *platforms: str, status: str = "draft") -> PlannedPost:
    return PlannedPost(planned_at=datetime.combine(day, time(10)), platforms=list(platforms), status=status)


def by_platform(week: slots.WeekSlots) -> dict[Platform, slots.Slot]:
    return {slot.platform: slot for slot in week.slots}


def test_quota_spreads_a_fractional_cadence_over_the_weeks() -> None:
    assert [slots.quota(2, k) for k in range(1, 5)] == [2, 2, 2, 2]
    assert [slots.quota(0.5, k) for k in range(1, 7)] == [0, 1, 0, 1, 0, 1]
    assert [slots.quota(2.5, k) for k in range(1, 5)] == [2, 3, 2, 3]
    assert [slots.quota(0.3, k) for k in range(1, 11)] == [0, 0, 0, 1, 0, 0, 1, 0, 0, 1]
    assert slots.quota(0, 7) == 0


def test_a_month_shows_the_weeks_of_its_thursdays() -> None:
    december = slots.month_slots(STRATEGY, [], "2026-12")
    assert [w.week for w in december] == ["2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"]
    assert [w.position for w in december] == [10, 11, 12, 13, 14]
    assert december[0].monday == date(2026, 11, 30) and december[-1].quarter == "2026-Q4"
    first = by_platform(december[0])
    assert (
        first[Platform.INSTAGRAM].open,
        first[Platform.PINTEREST].open,
        first[Platform.LINKEDIN].open,
    ) == (3, 1, 3)


def test_planned_posts_fill_the_week_of_their_date_on_each_platform() -> None:
    posts = [
        on(date(2026, 11, 30), "instagram", "linkedin"),  # Monday of W49, a week of December
        on(date(2026, 12, 2), "instagram"),
        on(date(2026, 12, 3), "instagram", status="skipped"),  # does not count
        on(date(2026, 12, 6), "facebook"),  # not in the plan: no slot
    ]
    week = by_platform(slots.week_slots(STRATEGY, posts, "2026-W49"))
    assert (week[Platform.INSTAGRAM].planned, week[Platform.INSTAGRAM].open) == (2, 1)
    assert (week[Platform.LINKEDIN].quota, week[Platform.LINKEDIN].planned, week[Platform.LINKEDIN].open) == (
        3,
        1,
        2,
    )
    assert Platform.FACEBOOK not in week


def test_extra_posts_count_for_the_next_weeks_of_the_quarter_shortfalls_do_not() -> None:
    posts = [on(date(2026, 11, 24), "pinterest")]  # W48, position 9: quota 0, so it fills W49's slot
    december = slots.month_slots(STRATEGY, posts, "2026-12")
    pinterest = [by_platform(w)[Platform.PINTEREST] for w in december]
    assert [(s.quota, s.carried, s.open) for s in pinterest] == [
        (1, 1, 0),
        (0, 0, 0),
        (1, 0, 1),
        (0, 0, 0),
        (1, 0, 1),
    ]
    # Instagram planned nothing in W49: W50 still asks for 3, not 6
    assert by_platform(december[1])[Platform.INSTAGRAM].open == 3


def test_nothing_carries_across_the_quarter_boundary() -> None:
    posts = [on(date(2026, 9, 22), "pinterest"), on(date(2026, 9, 23), "pinterest")]  # W39, Q3's last week
    first_q4 = by_platform(slots.week_slots(STRATEGY, posts, "2026-W40"))[Platform.PINTEREST]
    assert (first_q4.carried, first_q4.quota, first_q4.open) == (0, 0, 0)
    second = by_platform(slots.week_slots(STRATEGY, posts, "2026-W41"))[Platform.PINTEREST]
    assert second.open == 1
    # W40 runs Mon 28 Sep – Sun 4 Oct: its Thursday is 1 October, so it is October's (and Q4's) first week
    assert slots.month_slots(STRATEGY, [], "2026-10")[0].week == "2026-W40"
    assert "2026-W40" not in [w.week for w in slots.month_slots(STRATEGY, [], "2026-09")]


@given(st.integers(min_value=0, max_value=7000), st.sampled_from(["2026-Q3", "2026-Q4", "2027-Q1"]))
def test_a_quarter_asks_for_its_cadence_times_its_weeks(hundredths: int, quarter: str) -> None:
    per_week = hundredths / 100
    weeks = periods.quarter_weeks(quarter)
    total = sum(slots.quota(per_week, k) for k in range(1, len(weeks) + 1))
    assert total == math.floor(round(per_week * len(weeks), 6))
    assert all(slots.quota(per_week, k) >= 0 for k in range(1, len(weeks) + 1))
