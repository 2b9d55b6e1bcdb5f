"""Open slots: how many posts each platform still needs in an ISO week, from its cadence in the strategy.

Weeks are ISO weeks, and a week belongs to the month and quarter of its Thursday (``cmplanner.periods``), so a
month shows the weeks whose Thursday falls in it and every week lies in exactly one quarter.

Each week of a quarter asks for its share of the cadence: with c posts a week, weeks 1..k of the quarter together
ask for ⌊c·k⌋ posts, so week k's quota is ⌊c·k⌋ − ⌊c·(k−1)⌋ (2 a week: 2, 2, 2, …; 0.5 a week: 0, 1, 0, 1, …;
2.5 a week: 2, 3, 2, 3, …) and the quarter asks for ⌊c·N⌋ in all. A post counts in the week of its date on every
platform it is planned for, whatever its status except skipped. Posts planned beyond a week's quota count for the
next weeks of the same quarter (one planned early for a half-a-week cadence fills the next slot); a week that fell
short does not make later weeks ask more — catching up is the tracker's job. Nothing carries across quarters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from functools import cache
from math import floor

from cmplanner import periods
from cmplanner.models import PlannedPost, Platform, PostStatus, Strategy


@dataclass(frozen=True)
class Slot:
    """One platform in one week."""

    platform: Platform
    per_week: float
    """The plan's cadence."""
    quota: int
    """This week's share of the cadence."""
    planned: int
    """Posts planned in this week (not skipped)."""
    carried: int
    """Posts planned beyond the quota in earlier weeks of the quarter, counted in this week."""
    open: int
    """Posts still needed this week."""


@dataclass(frozen=True)
class WeekSlots:
    week: str
    quarter: str
    position: int
    """The week's number within its quarter, from 1."""
    slots: list[Slot]

    @property
    def monday(self) -> date:
        return periods.week_monday(self.week)

    @property
    def open(self) -> int:
        return sum(slot.open for slot in self.slots)


@cache
def quota(per_week: float, position: int) -> int:
    """Week ``position``'s share of a cadence of ``per_week`` posts a week (see the module docstring)."""
    rate = Fraction(per_week).limit_denominator(10_000)
    return floor(rate * position) - floor(rate * (position - 1))


def planned_per_week(posts: Sequence[PlannedPost], platform: Platform | str) -> Counter[str]:
    """Posts planned on ``platform`` per ISO week, skipped ones left out."""
    return Counter(
        periods.week_key(post.planned_at.date())
        for post in posts
        if post.status != PostStatus.SKIPPED and platform in post.platforms
    )


def quarter_slots(strategy: Strategy, posts: Sequence[PlannedPost], quarter: str) -> list[WeekSlots]:
    """Every week of ``quarter`` with each planned platform's slot, in the strategy's platform order."""
    weeks = periods.quarter_weeks(quarter)
    per_platform: dict[Platform, list[Slot]] = {}
    for plan in strategy.platforms:
        counts = planned_per_week(posts, plan.platform)
        carry = 0
        slots = []
        for position, week in enumerate(weeks, start=1):
            share = quota(plan.posts_per_week, position)
            available = counts[week] + carry
            slots.append(
                Slot(
                    platform=plan.platform,
                    per_week=plan.posts_per_week,
                    quota=share,
                    planned=counts[week],
                    carried=carry,
                    open=max(0, share - available),
                )
            )
            carry = max(0, available - share)
        per_platform[plan.platform] = slots
    return [
        WeekSlots(week, quarter, position, [slots[position - 1] for slots in per_platform.values()])
        for position, week in enumerate(weeks, start=1)
    ]


def week_slots(strategy: Strategy, posts: Sequence[PlannedPost], week: str) -> WeekSlots:
    """The slots of one ISO week (``2026-W49``)."""
    quarter = periods.quarter_of_week(week)
    return next(item for item in quarter_slots(strategy, posts, quarter) if item.week == week)


def month_slots(strategy: Strategy, posts: Sequence[PlannedPost], month: str) -> list[WeekSlots]:
    """The slots of the weeks whose Thursday falls in ``month`` (``2026-12``)."""
    weeks = periods.month_weeks(month)
    quarter = periods.quarter_of_week(weeks[0])
    return [item for item in quarter_slots(strategy, posts, quarter) if item.week in weeks]
