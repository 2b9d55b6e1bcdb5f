"""The month and the week as the calendar page draws them, computed once from the records (no Streamlit here).

The month grid runs Monday to Sunday over the ISO weeks that hold a day of the month (so the first and last rows
may show days of the months around it), each day with its posts (by time, skipped ones too: the page shows them
struck through) and the relevant dates that fall on it, each week with its open slots (``slots``: the week's share
of each platform's cadence, for the quarter the week belongs to). A period of the user's own (a campaign) is
named on its first day and at the start of every week row it spans, so a three-week campaign does not fill every
cell with its name.

The week list is the same week per platform: the week's slot and the posts planned on that platform.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from cmplanner import periods
from cmplanner.calendar.dates import RelevantDate, month_range, strategy_dates
from cmplanner.calendar.slots import Slot, WeekSlots, quarter_slots
from cmplanner.models import PlannedPost, Platform, Strategy


@dataclass(frozen=True)
class DayDate:
    """A relevant date as one day shows it: ``named`` when the day shows its name (not a period's middle)."""

    item: RelevantDate
    named: bool


@dataclass(frozen=True)
class Day:
    day: date
    in_month: bool
    posts: list[PlannedPost]
    """The day's posts by time (and id, so the order is stable)."""
    dates: list[DayDate]


@dataclass(frozen=True)
class Week:
    week: str
    days: list[Day]
    slots: WeekSlots

    @property
    def open(self) -> int:
        """Posts still needed this week over all platforms."""
        return self.slots.open


@dataclass(frozen=True)
class MonthGrid:
    month: str
    weeks: list[Week]

    @property
    def first(self) -> date:
        return month_range(self.month)[0]


@dataclass(frozen=True)
class PlatformWeek:
    """One platform in one week: its slot (None for a platform no longer in the plan) and its posts by time."""

    platform: Platform
    slot: Slot | None
    posts: list[PlannedPost]


def _order(post: PlannedPost) -> tuple[date, str, str]:
    return (post.planned_at.date(), post.planned_at.strftime("%H:%M"), post.id)


def weeks_slots(
    strategy: Strategy, posts: Sequence[PlannedPost], weeks: Sequence[str]
) -> dict[str, WeekSlots]:
    """The slots of ``weeks``, each computed within its own quarter (a grid can span two)."""
    found: dict[str, WeekSlots] = {}
    for quarter in dict.fromkeys(periods.quarter_of_week(week) for week in weeks):
        for item in quarter_slots(strategy, posts, quarter):
            if item.week in weeks:
                found[item.week] = item
    return found


def grid_weeks(month: str) -> list[str]:
    """The ISO weeks holding a day of ``month``, in order."""
    return periods.week_span(*month_range(month))


def month_grid(strategy: Strategy, posts: Sequence[PlannedPost], month: str, lang: str) -> MonthGrid:
    """The grid of ``month`` (``2026-12``): see the module docstring."""
    first, last = month_range(month)
    weeks = grid_weeks(month)
    start = periods.week_monday(weeks[0])
    end = periods.week_monday(weeks[-1]) + timedelta(days=6)
    per_day: dict[date, list[PlannedPost]] = {}
    for post in sorted(posts, key=_order):
        day = post.planned_at.date()
        if start <= day <= end:
            per_day.setdefault(day, []).append(post)
    relevant = strategy_dates(strategy, start, end, lang)
    slots = weeks_slots(strategy, posts, weeks)
    rows = []
    for week in weeks:
        monday = periods.week_monday(week)
        days = []
        for offset in range(7):
            day = monday + timedelta(days=offset)
            marks = [
                DayDate(item, named=day == item.day or offset == 0)
                for item in relevant
                if item.day <= day <= item.last
            ]
            days.append(Day(day, first <= day <= last, per_day.get(day, []), marks))
        rows.append(Week(week, days, slots[week]))
    return MonthGrid(month, rows)


def week_list(strategy: Strategy, posts: Sequence[PlannedPost], week: str) -> list[PlatformWeek]:
    """``week`` per platform: the plan's platforms in its order, then any other platform a post of the week is
    planned on (a platform dropped from the plan keeps showing its posts)."""
    monday = periods.week_monday(week)
    sunday = monday + timedelta(days=6)
    own = sorted((p for p in posts if monday <= p.planned_at.date() <= sunday), key=_order)
    slots = {slot.platform: slot for slot in weeks_slots(strategy, posts, [week])[week].slots}
    order = [plan.platform for plan in strategy.platforms]
    order += [
        platform
        for platform in Platform
        if platform not in order and any(platform in p.platforms for p in own)
    ]
    return [
        PlatformWeek(platform, slots.get(platform), [p for p in own if platform in p.platforms])
        for platform in order
    ]
