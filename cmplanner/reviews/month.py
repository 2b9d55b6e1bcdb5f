"""The monthly review (seed 004: analyse what worked, change course): per platform the month's KPIs against the
previous month, each goal's pace at the month's end, the goals behind, checklist completion, last month's decisions."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from cmplanner import checklists, kpis, metrics, periods
from cmplanner.checklists import ChecklistItem, Progress, Ticks
from cmplanner.models import Goal, Platform, Review, Strategy, WeekMetrics, period_end
from cmplanner.pacing import Pace, Status
from cmplanner.tracker import GoalPace, goal_paces, plan_start

if TYPE_CHECKING:
    pass


BEHIND: frozenset[Status] = frozenset({Status.BEHIND, Status.AT_RISK})
"""Statuses that count as "fell behind" in the monthly review."""
MONTH_PERIODS: tuple[checklists.Period, ...] = ("day", "week", "month")
"""Checklist periods counted in a month's completion (quarterly tasks belong to the quarterly review)."""


# ------------------------------------------------------------------------------------------------ months


@dataclass(frozen=True)
class Figure:
    """One KPI of one platform in the month and the month before (``None``: no value)."""

    kpi: str
    value: float | None
    previous: float | None

    @property
    def change(self) -> float | None:
        """This month − previous month, in the KPI's unit (percentage points for percent KPIs)."""
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def change_pct(self) -> float | None:
        """The change relative to the previous month, in percent (None when the previous month was 0)."""
        if self.change is None or not self.previous:
            return None
        return self.change / abs(self.previous) * 100

    @property
    def better(self) -> bool | None:
        """Whether the change goes the good way for this KPI (None when unchanged or unknown)."""
        if not self.change:
            return None
        return (self.change > 0) == kpis.KPIS[self.kpi].higher_is_better


@dataclass(frozen=True)
class GoalMonth:
    """A goal of the month's quarter, paced at the month's end, with its status a month earlier."""

    item: GoalPace
    previous_status: Status | None
    """At the previous month's end; None when that month is in another quarter."""

    @property
    def goal(self) -> Goal:
        return self.item.goal

    @property
    def pace(self) -> Pace:
        return self.item.pace

    @property
    def behind(self) -> bool:
        return self.pace.status in BEHIND

    @property
    def fell_behind(self) -> bool:
        """Behind (or at risk) now and not a month earlier."""
        return self.behind and self.previous_status not in BEHIND


@dataclass(frozen=True)
class PlatformMonth:
    platform: Platform
    weeks_logged: int
    """Weeks of the month with figures for this platform (flows are totals: compare with care when the
    months have different numbers of weeks logged)."""
    previous_weeks_logged: int
    figures: list[Figure]
    goals: list[GoalMonth]
    checklist: Progress
    """This platform's own checklist tasks (the general ones are in ``MonthSummary.checklist``)."""

    @property
    def behind(self) -> list[GoalMonth]:
        return [g for g in self.goals if g.behind]


@dataclass(frozen=True)
class MonthSummary:
    month: str
    previous_month: str
    quarter: str
    weeks: list[str]
    """The ISO weeks of the month (their Thursday is in the month)."""
    as_of: date
    """The day the goals are paced on: the Monday after the month's last week, or ``today`` if earlier."""
    platforms: list[PlatformMonth]
    checklist: dict[checklists.Period, Progress]
    """All enabled tasks of the day, week and month periods: units ticked against units due in the month."""
    review: Review | None
    """This month's review, if written."""
    previous_review: Review | None
    """Last month's review, if written (its decisions are what to check now)."""

    @property
    def behind(self) -> list[GoalMonth]:
        """All goals behind or at risk at the month's end, behind first."""
        found = [g for p in self.platforms for g in p.behind]
        return sorted(found, key=lambda g: g.pace.status != Status.BEHIND)

    @property
    def checklist_total(self) -> Progress:
        return Progress(
            sum(p.done for p in self.checklist.values()), sum(p.total for p in self.checklist.values())
        )

    @property
    def last_decisions(self) -> str:
        return self.previous_review.decisions if self.previous_review else ""


def month_cutoff(month: str, today: date) -> date:
    """The day to pace a month's goals on: the Monday after its last ISO week, or ``today`` if that is earlier."""
    last = periods.month_weeks(month)[-1]
    return min(today, periods.week_monday(last) + timedelta(weeks=1))


def _rows_until(rows: Sequence[WeekMetrics], week: str) -> list[WeekMetrics]:
    return [r for r in rows if r.week <= week]


def _due_keys(period: checklists.Period, month: str, until: date, since: date | None = None) -> list[str]:
    """The period keys of a month whose period has started by ``until`` and not ended before ``since``."""
    year, m = periods.parse_month(month)
    first = date(year, m, 1)
    start = max(first, since) if since else first
    if period == "day":
        last = min(until, period_end("month", month))
        return [(start + timedelta(days=i)).isoformat() for i in range((last - start).days + 1)]
    if period == "week":
        return [
            w
            for w in periods.month_weeks(month)
            if periods.week_monday(w) <= until and periods.week_monday(w) + timedelta(days=6) >= start
        ]
    return [month] if first <= until and start <= period_end("month", month) else []


def _completion(items: Sequence[ChecklistItem], ticks: Ticks, keys: Sequence[str]) -> Progress:
    done = sum(min(ticks.get((item.id, key), 0), item.count) for item in items for key in keys)
    return Progress(done, sum(item.count for item in items) * len(keys))


def month_checklist(
    items: Sequence[ChecklistItem],
    ticks: Ticks,
    month: str,
    today: date,
    platform: str | None = None,
    since: date | None = None,
) -> dict[checklists.Period, Progress]:
    """Checklist completion in a month, per period: units ticked against units due up to ``today``.

    Due: each daily task ``count`` times per day of the month up to today (inclusive); each weekly task per ISO
    week of the month (Thursday rule) begun by today; each monthly task once. ``platform``: only that
    platform's tasks (default: every task). ``since``: the day the plan started (``tracker.plan_start``'s
    Monday): days and weeks that ended before it are not due, and the month only if it has not ended by then.
    """
    result: dict[checklists.Period, Progress] = {}
    for period in MONTH_PERIODS:
        chosen = [
            i
            for i in items
            if i.enabled and i.period == period and (platform is None or i.platform == platform)
        ]
        result[period] = _completion(chosen, ticks, _due_keys(period, month, today, since))
    return result


def _figures(rows: Sequence[WeekMetrics], platform: Platform, month: str, previous: str) -> list[Figure]:
    """The platform's KPIs in ``month`` and ``previous`` (those with a value in either)."""
    table = metrics.kpi_table(rows, platform, "month")

    def cell(key: str, kpi_id: str) -> float | None:
        if key not in table.index:
            return None
        value = float(table.at[key, kpi_id])
        return None if math.isnan(value) else value

    figures = [Figure(str(k), cell(month, str(k)), cell(previous, str(k))) for k in table.columns]
    return [f for f in figures if f.value is not None or f.previous is not None]


def _plan_platforms(strategy: Strategy) -> list[Platform]:
    """The plan's platforms, then platforms that only have goals."""
    found = [plan.platform for plan in strategy.platforms]
    return found + [p for p in dict.fromkeys(g.platform for g in strategy.goals) if p not in found]


def monthly_summary(
    strategy: Strategy,
    rows: Sequence[WeekMetrics],
    month: str,
    today: date,
    *,
    ticks: Ticks | None = None,
    reviews: Sequence[Review] = (),
) -> MonthSummary:
    """The monthly review of ``month`` (``2026-11``) as it stands on ``today``.

    ``ticks``: the strategy's checklist ticks (``checklists.ticks``); ``reviews``: its reviews.
    Figures are ``metrics.kpi_table`` per month; goals are those of the month's quarter, paced with the weeks up
    to the month's last week on :func:`month_cutoff`.
    """
    weeks = periods.month_weeks(month)
    previous_month = periods.shift_month(month, -1)
    quarter = periods.quarter_of_week(weeks[0])
    as_of = month_cutoff(month, today)
    paced = goal_paces(strategy, _rows_until(rows, weeks[-1]), quarter, as_of)
    before: dict[str, Status] = {}
    previous_weeks = periods.month_weeks(previous_month)
    if periods.quarter_of_week(previous_weeks[0]) == quarter:
        cutoff = month_cutoff(previous_month, today)
        for item in goal_paces(strategy, _rows_until(rows, previous_weeks[-1]), quarter, cutoff):
            before[item.goal.id] = item.pace.status
    items = checklists.generate(strategy)
    ticks = ticks or {}
    last_day = min(today, period_end("month", month))
    since = periods.week_monday(plan_start(strategy, quarter))
    platforms = []
    for platform in _plan_platforms(strategy):
        progress = month_checklist(items, ticks, month, last_day, platform.value, since)
        platforms.append(
            PlatformMonth(
                platform=platform,
                weeks_logged=sum(1 for r in rows if r.platform == platform and r.week in weeks),
                previous_weeks_logged=sum(
                    1 for r in rows if r.platform == platform and r.week in previous_weeks
                ),
                figures=_figures(rows, platform, month, previous_month),
                goals=[
                    GoalMonth(item, before.get(item.goal.id))
                    for item in paced
                    if item.goal.platform == platform
                ],
                checklist=Progress(
                    sum(p.done for p in progress.values()), sum(p.total for p in progress.values())
                ),
            )
        )
    by_period = {(r.kind, r.period): r for r in reviews}
    return MonthSummary(
        month=month,
        previous_month=previous_month,
        quarter=quarter,
        weeks=weeks,
        as_of=as_of,
        platforms=platforms,
        checklist=month_checklist(items, ticks, month, last_day, since=since),
        review=by_period.get(("month", month)),
        previous_review=by_period.get(("month", previous_month)),
    )


def months(strategy: Strategy, rows: Sequence[WeekMetrics], today: date, limit: int = 36) -> list[str]:
    """Months to review, newest first: from the first logged week or goal up to the current month."""
    current = periods.month_key(today)
    starts = [periods.month_of_week(r.week) for r in rows]
    starts += [periods.month_of_week(periods.quarter_weeks(g.quarter)[0]) for g in strategy.goals]
    first = max(min([current, *starts]), periods.shift_month(current, 1 - limit))
    found = [current]
    while found[-1] > first:
        found.append(periods.shift_month(found[-1], -1))
    return found


def default_month(today: date) -> str:
    """The month a review is most likely about: the month of the last complete week."""
    return periods.month_of_week(periods.last_complete_week(today))


def default_quarter(today: date) -> str:
    """The quarter a review is most likely about: the quarter of the last complete week."""
    return periods.quarter_of_week(periods.last_complete_week(today))
