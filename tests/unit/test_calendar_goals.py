"""The month's mix per pillar and goal, and whether the planned posts are enough for the quarter's goals
(the still-needed figure is the tracker's)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest

from cmplanner import periods, tracker
from cmplanner.calendar import coverage, mix
from cmplanner.models import ContentPillar, Goal, PlannedPost, Platform, PlatformPlan, Strategy, WeekMetrics

Q3 = periods.quarter_weeks("2026-Q3")  # W27 (Mon 29 Jun) … W39: 13 weeks
TODAY = periods.week_monday(Q3[5])  # Monday 3 Aug, the start of W32: 5 weeks are complete (W27–W31), 8 remain


def row(week: str, platform: str, **fields: Any) -> WeekMetrics:
    return WeekMetrics(platform=Platform(platform), week=week, **fields)


def posts_on(
    week: str, platform: str | list[str], n: int, status: str = "draft", **extra: Any
) -> list[PlannedPost]:
    monday = periods.week_monday(week)
    chosen = platform if isinstance(platform, list) else [platform]
    return [
        PlannedPost(
            planned_at=datetime.combine(monday + timedelta(days=i % 7), time(9)),
            platforms=chosen,
            status=status,
            **extra,
        )
        for i in range(n)
    ]


POSTS_GOAL = Goal(id="g-posts", platform="facebook", kpi="posts", quarter="2026-Q3", target=26)
IMPRESSIONS_GOAL = Goal(id="g-imp", platform="instagram", kpi="impressions", quarter="2026-Q3", target=20000)
RATE_GOAL = Goal(
    id="g-rate",
    platform="instagram",
    kpi="engagement_rate_followers",
    quarter="2026-Q3",
    baseline=1,
    target=2,
)
STRATEGY = Strategy(
    name="Bakkerij",
    platforms=[PlatformPlan(platform="facebook"), PlatformPlan(platform="instagram")],
    goals=[POSTS_GOAL, IMPRESSIONS_GOAL, RATE_GOAL],
    pillars=[
        ContentPillar(id="p-oven", name="Oven", share=50),
        ContentPillar(id="p-team", name="Team", share=30),
    ],
)
ROWS = [
    *[row(week, "facebook", posts=2) for week in Q3[:5]],
    *[row(week, "instagram", posts=3, impressions=900) for week in Q3[:5]],
    row(periods.shift_week(Q3[0], -1), "instagram", posts=2, impressions=1000),  # W26, last quarter
]


def test_today_leaves_five_weeks_elapsed() -> None:
    assert periods.last_complete_week(TODAY) == Q3[4]


def test_posts_goal_still_needed_is_the_trackers() -> None:
    planned = [
        *posts_on(Q3[4], "facebook", 3),  # W31: elapsed, does not count
        *posts_on(Q3[5], "facebook", 4),
        *posts_on(Q3[7], ["facebook", "instagram"], 5),
        *posts_on(Q3[9], "facebook", 3),
        *posts_on(Q3[9], "facebook", 1, status="skipped"),
        *posts_on(Q3[10], "instagram", 2),
    ]
    item = coverage.goal_coverage(POSTS_GOAL, planned, ROWS, TODAY)
    tracked = tracker.goal_paces(STRATEGY, ROWS, "2026-Q3", TODAY)[0].pace
    # actual 10 after 5 weeks; (26 − 10) / 8 weeks = 2 a week, 16 in all
    assert tracked.still_needed_per_week == 2.0 and tracked.weeks_remaining == 8
    assert item.needed == tracked.still_needed_per_week * tracked.weeks_remaining == 16
    assert (item.planned, item.per_post, item.expected, item.verdict, item.posts_short) == (
        12,
        1.0,
        12,
        "short",
        4,
    )
    assert (
        coverage.summary(item, "en")
        == "12 posts planned for the rest of the quarter, 16 still needed: plan 4 more."
    )
    assert coverage.summary(item, "nl") == (
        "12 posts gepland voor de rest van het kwartaal, er zijn er nog 16 nodig: plan er nog 4."
    )


def test_impressions_goal_through_the_average_per_post_so_far() -> None:
    planned = posts_on(Q3[6], "instagram", 40)
    item = coverage.goal_coverage(IMPRESSIONS_GOAL, planned, ROWS, TODAY)
    tracked = tracker.goal_paces(STRATEGY, ROWS, "2026-Q3", TODAY)[1].pace
    # actual 4,500 (W26 is last quarter's); (20,000 − 4,500) / 8 = 1,937.5 a week, 15,500 in all
    assert item.needed == tracked.still_needed_per_week * tracked.weeks_remaining == 15500
    # average per post over the logged weeks, W26 included: (4,500 + 1,000) / (15 + 2)
    assert item.per_post == pytest.approx(5500 / 17)
    assert item.expected == pytest.approx(40 * 5500 / 17)  # ≈ 12,941
    assert item.verdict == "short" and item.posts_short == 8  # ⌈(15,500 − 12,941.2) / 323.5⌉
    enough = coverage.goal_coverage(IMPRESSIONS_GOAL, posts_on(Q3[6], "instagram", 48), ROWS, TODAY)
    assert enough.verdict == "enough" and enough.posts_short == 0
    assert coverage.summary(enough, "en") == (
        "Enough planned: 48 posts should bring about 15,529, and 15,500 is still needed this quarter."
    )


def test_reached_no_data_and_over() -> None:
    reached = Goal(platform="facebook", kpi="posts", quarter="2026-Q3", target=8)
    assert coverage.goal_coverage(reached, [], ROWS, TODAY).verdict == "reached"
    nothing = Goal(platform="linkedin", kpi="impressions", quarter="2026-Q3", target=100)
    item = coverage.goal_coverage(nothing, posts_on(Q3[8], "linkedin", 3), ROWS, TODAY)
    assert (item.verdict, item.needed, item.per_post, item.planned) == ("no_data", None, None, 3)
    assert coverage.summary(item, "en") == "Too little data to tell yet: log a few weeks with posts first."
    over = coverage.goal_coverage(POSTS_GOAL, [], ROWS, date(2026, 10, 5))
    assert over.verdict == "over"


def test_only_flow_goals_that_posts_drive_are_covered() -> None:
    found = coverage.coverage(STRATEGY, [], ROWS, "2026-Q3", TODAY)
    assert [item.goal.id for item in found] == ["g-posts", "g-imp"]
    assert coverage.coverage(STRATEGY, [], ROWS, "2026-Q4", TODAY) == []


# ---------------------------------------------------------------- month mix


def test_month_mix_per_pillar_and_goal() -> None:
    oven = {"pillar_id": "p-oven", "goal_id": "g-posts"}
    posts = [
        *posts_on("2026-W49", ["instagram", "facebook"], 3, **oven),  # Mon 30 Nov – Wed 2 Dec
        *posts_on("2026-W50", "instagram", 2, pillar_id="p-team", goal_id="g-imp"),
        *posts_on("2026-W50", "instagram", 1, pillar_id="gone"),  # a pillar no longer in the strategy
        *posts_on("2026-W51", "instagram", 2, status="skipped", pillar_id="p-team"),
    ]
    found = mix.month_mix(STRATEGY, posts, "2026-12")
    assert found.posts == 5  # 30 November is November's; skipped posts do not count; 3 platforms count once
    oven_share, team, none = found.pillars
    assert (oven_share.name, oven_share.posts, oven_share.share, oven_share.planned_share) == (
        "Oven",
        2,
        40.0,
        50.0,
    )
    assert oven_share.difference == -10.0
    assert (team.posts, team.share, team.difference) == (2, 40.0, 10.0)
    assert (none.pillar_id, none.posts, none.share, none.planned_share, none.difference) == (
        None,
        1,
        20.0,
        None,
        None,
    )
    assert [(g.goal.id if g.goal else None, g.posts) for g in found.goals] == [
        ("g-posts", 2),
        ("g-imp", 2),
        (None, 1),
    ]


def test_an_empty_month_has_pillars_without_shares() -> None:
    found = mix.month_mix(STRATEGY, [], "2026-12")
    assert found.posts == 0 and [p.share for p in found.pillars] == [None, None] and found.goals == []
