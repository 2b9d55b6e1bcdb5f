"""Monthly and quarterly reviews (seed 004): every month analyse what worked and change course; every quarter
evaluate the KPIs and revise the strategy for the next quarter.

A :class:`Review` is what the user writes (what went well, what did not, decisions, notes), one per kind and
period (``month`` / ``2026-11``, ``quarter`` / ``2026-Q4``), stored in the strategy file's ``reviews`` table.
The summaries are pure functions of a strategy, its weekly rows, the checklist ticks and the reviews:

- :func:`monthly_summary`: per platform the month's KPIs against the previous month, each goal's pace at the
  month's end (goals of the month's quarter), the goals behind; checklist completion in the month (counted from
  the plan's start, ``tracker.plan_start``); last month's decisions.
- :func:`quarterly_summary`: per goal reached or not and by how much.
- :func:`propose_goals`: next quarter's goals from the achieved trend; :func:`accept_goals` puts them into
  the strategy in one write.

For a report: :func:`latest` gives a strategy's most recent review. Changes (:func:`save`, :func:`accept_goals`)
are functions of the store's ``Edit``, applied with ``Store.update``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from cmplanner import checklists, kpis, metrics, periods
from cmplanner.checklists import ChecklistItem, Progress, Ticks
from cmplanner.models import Goal, Kind, Platform, Review, Strategy, WeekMetrics, new_id, now, period_end
from cmplanner.pacing import ACCUMULATING_RATES, Pace, Status, default_start_week, pace, weeks_elapsed
from cmplanner.store.schema import REVIEWS
from cmplanner.tracker import GoalPace, goal_paces, plan_start

if TYPE_CHECKING:
    from cmplanner.store import Edit

UPLIFT = 0.10
"""How much more next quarter's proposed goals ask than the achieved trend (10 %)."""
BEHIND: frozenset[Status] = frozenset({Status.BEHIND, Status.AT_RISK})
"""Statuses that count as "fell behind" in the monthly review."""
AT_MOST_100: frozenset[str] = frozenset({"response_rate", "share_of_voice"})
"""Rates that are shares of a whole: a proposed target never passes 100 %."""
MONTH_PERIODS: tuple[checklists.Period, ...] = ("day", "week", "month")
"""Checklist periods counted in a month's completion (quarterly tasks belong to the quarterly review)."""


def _newest_first(review: Review) -> tuple[date, bool, datetime]:
    return review.end, review.kind == "quarter", review.updated_at


# ------------------------------------------------------------------------------------------------ the records


def newest_first(reviews: Iterable[Review], kind: Kind | None = None) -> list[Review]:
    """Reviews newest period first (a quarter's review before the review of its last month), of one kind if given."""
    return sorted((r for r in reviews if kind is None or r.kind == kind), key=_newest_first, reverse=True)


def find(reviews: Iterable[Review], kind: Kind, period: str) -> Review | None:
    """The review of one month or quarter, if written."""
    return next((r for r in reviews if r.kind == kind and r.period == period), None)


def latest(reviews: Iterable[Review], kind: Kind | None = None) -> Review | None:
    """The most recent non-empty review (latest period; for the same end, the quarter's) or None."""
    return next((r for r in newest_first(reviews, kind) if not r.is_empty), None)


def save(edit: Edit, review: Review) -> Review:
    """Insert or replace the review of ``(kind, period)``; an existing one keeps its id and creation time."""
    existing = edit.get(REVIEWS, review.kind, review.period)
    saved = review.model_copy(
        update={
            "id": existing.id if existing else review.id,
            "created_at": existing.created_at if existing else review.created_at,
            "updated_at": now(),
        }
    )
    edit.put(REVIEWS, [saved])
    return saved


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


# ------------------------------------------------------------------------------------------------ quarters


@dataclass(frozen=True)
class GoalResult:
    """A goal at the end of its quarter (or so far, while it runs)."""

    item: GoalPace
    reached: bool | None
    """The tracker's status is "reached" (a rate only once the quarter is over); None without data."""
    difference: float | None
    """Actual − target in the KPI's unit (percentage points for percent KPIs); positive is above the target."""
    attained: float | None
    """Share of the goal achieved, in percent (100 = exactly reached): for a stock (actual − baseline) ÷
    (target − baseline), for a flow or follower growth actual ÷ target, for another rate actual ÷ target
    (target ÷ actual when lower is better)."""

    @property
    def goal(self) -> Goal:
        return self.item.goal

    @property
    def pace(self) -> Pace:
        return self.item.pace


@dataclass(frozen=True)
class QuarterSummary:
    quarter: str
    next_quarter: str
    weeks_elapsed: int
    weeks_total: int
    goals: list[GoalResult]
    review: Review | None

    @property
    def over(self) -> bool:
        return self.weeks_elapsed >= self.weeks_total

    @property
    def reached(self) -> list[GoalResult]:
        return [g for g in self.goals if g.reached]

    @property
    def missed(self) -> list[GoalResult]:
        return [g for g in self.goals if g.reached is False]


def _attained(goal: Goal, actual: float) -> float | None:
    kpi = kpis.KPIS[goal.kpi]
    if kpi.kind == "stock":
        span = goal.target - goal.baseline
        return (actual - goal.baseline) / span * 100 if span else None
    if kpi.kind == "flow" or goal.kpi in ACCUMULATING_RATES or kpi.higher_is_better:
        return actual / goal.target * 100 if goal.target else None
    return goal.target / actual * 100 if actual else None


def goal_result(item: GoalPace) -> GoalResult:
    actual = item.pace.actual
    if actual is None:
        return GoalResult(item, None, None, None)
    return GoalResult(
        item, item.pace.status == Status.REACHED, actual - item.goal.target, _attained(item.goal, actual)
    )


def quarterly_summary(
    strategy: Strategy,
    rows: Sequence[WeekMetrics],
    quarter: str,
    today: date,
    *,
    reviews: Sequence[Review] = (),
) -> QuarterSummary:
    """Every goal of ``quarter`` reached or not and by how much, as it stands on ``today``."""
    weeks = periods.quarter_weeks(quarter)
    items = goal_paces(strategy, rows, quarter, today)
    elapsed = max([weeks_elapsed(quarter, today), *(item.pace.weeks_elapsed for item in items)])
    return QuarterSummary(
        quarter=quarter,
        next_quarter=periods.shift_quarter(quarter, 1),
        weeks_elapsed=elapsed,
        weeks_total=len(weeks),
        goals=[goal_result(item) for item in items],
        review=next((r for r in reviews if r.kind == "quarter" and r.period == quarter), None),
    )


def _round(kpi_id: str, value: float) -> float:
    unit = kpis.KPIS[kpi_id].unit
    return float(round(value)) if unit == "count" else round(value, 1 if unit == "hours" else 2)


def propose_goal(
    goal: Goal, rows: Sequence[WeekMetrics], uplift: float = UPLIFT, today: date | None = None
) -> Goal:
    """Next quarter's version of one goal; see :func:`propose_goals` for the rule."""
    kpi = kpis.KPIS[goal.kpi]
    next_quarter = periods.shift_quarter(goal.quarter, 1)
    start = default_start_week(next_quarter, today) if today else None
    weeks_next = len(periods.quarter_weeks(next_quarter))
    weeks = periods.quarter_weeks(goal.quarter)
    after = periods.week_monday(weeks[-1]) + timedelta(weeks=1)
    p = pace(goal, rows, after)
    carried = goal.model_copy(update={"id": new_id(), "quarter": next_quarter, "start_week": start})
    logged = [i for i, (_, actual, _, _) in enumerate(p.series, start=1) if actual is not None]
    if p.actual is None or not logged:
        return carried
    w = logged[-1] - p.start_offset  # the goal's weeks up to the last one logged
    baseline = 0.0
    if kpi.kind == "stock":
        baseline = _round(goal.kpi, p.actual)
        growth = (p.actual - goal.baseline) / w
        if growth <= 0:
            growth = (goal.target - goal.baseline) / (len(weeks) - p.start_offset)
        if growth <= 0:
            return carried
        target = baseline + growth * weeks_next * (1 + uplift)
        if kpi.unit == "count":
            target = max(target, baseline + 1)
    elif kpi.kind == "flow" or goal.kpi in ACCUMULATING_RATES:
        if kpi.kind == "flow":
            values = [v for v in metrics.kpi_series(rows, goal.platform, goal.kpi, weeks) if v is not None]
            per_week = sum(values) / len(values) if values else 0.0
        else:
            per_week = p.actual / w
        target = per_week * weeks_next * (1 + uplift)
    else:
        baseline = _round(goal.kpi, p.actual)
        target = p.actual * (1 + uplift if kpi.higher_is_better else 1 - uplift)
        if goal.kpi in AT_MOST_100:
            target = min(target, 100.0)
    target = _round(goal.kpi, target)
    if target <= 0 or target == baseline:
        return carried
    return Goal(
        platform=goal.platform,
        kpi=goal.kpi,
        quarter=next_quarter,
        baseline=baseline,
        target=target,
        note=goal.note,
        start_week=start,
    )


def propose_goals(
    strategy: Strategy,
    rows: Sequence[WeekMetrics],
    quarter: str,
    uplift: float = UPLIFT,
    today: date | None = None,
) -> list[Goal]:
    """Next quarter's goals from this quarter's achieved trend: one per goal of ``quarter``, same platform and KPI.

    With w = the quarter's weeks up to the last one logged for the KPI, N = the weeks of the next quarter and
    u = ``uplift`` (10 %):

    - stock (followers): baseline = the last value logged; target = baseline + achieved growth per week × N ×
      (1 + u), where achieved growth per week = (last value − this quarter's baseline) ÷ w. Without growth,
      the growth per week this quarter's goal planned is used instead (try again from where we are).
    - flow (posts, impressions, …): baseline 0; target = the mean of the weeks logged × N × (1 + u), i.e. the
      achieved total × (1 + u) when every week of a quarter as long as the next was logged.
    - follower growth (a rate that accumulates over the quarter): baseline 0; target = achieved ÷ w × N × (1 + u).
    - other rates: baseline = the rate achieved over the quarter; target = that rate × (1 + u), or × (1 − u)
      where lower is better (response time); shares of a whole (response rate, share of voice) at most 100 %.

    Growth is per week of the goal (from its start week). A proposal starts with its quarter when ``today`` is
    before it, else in ``today``'s week (``pacing.default_start_week``).

    Targets are rounded (counts to whole numbers, percent to 2 decimals, hours to 1). A goal without data, or
    whose rule gives no usable target (0, or equal to the baseline), is carried over unchanged. Notes are kept.
    The user edits the proposals and accepts them with :func:`accept_goals`.
    """
    return [propose_goal(goal, rows, uplift, today) for goal in strategy.goals if goal.quarter == quarter]


def accept_goals(edit: Edit, goals: Sequence[Goal]) -> None:
    """Put goals into the strategy in one write: a goal replaces the one with the same platform, KPI and quarter
    (keeping that goal's id), the others are added."""
    current = list(edit.strategy.goals)
    for goal in goals:
        key = (goal.platform, goal.kpi, goal.quarter)
        index = next((i for i, g in enumerate(current) if (g.platform, g.kpi, g.quarter) == key), None)
        if index is None:
            current.append(goal.model_copy())
        else:
            current[index] = goal.model_copy(update={"id": current[index].id})
    edit.strategy.goals = current
