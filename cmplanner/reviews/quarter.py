"""The quarterly review (seed 004: evaluate the KPIs, revise the strategy): every goal reached or not and by how
much, next quarter's goals proposed from the achieved trend, and accepting them into the strategy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from cmplanner import kpis, metrics, periods
from cmplanner.models import Goal, PlatformPlan, Review, Strategy, WeekMetrics, new_id
from cmplanner.pacing import ACCUMULATING_RATES, Pace, Status, default_start_week, pace, weeks_elapsed
from cmplanner.tracker import GoalPace, goal_paces

if TYPE_CHECKING:
    from cmplanner.store import Edit

POSTS = "posts"
"""The KPI a plan's posts per week sets (``knowledge/kpis.json``)."""
UPLIFT = 0.10
"""How much more next quarter's proposed goals ask than the achieved trend (10 %)."""
AT_MOST_100: frozenset[str] = frozenset({"response_rate", "share_of_voice"})
"""Rates that are shares of a whole: a proposed target never passes 100 %."""

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
    goal: Goal,
    rows: Sequence[WeekMetrics],
    uplift: float = UPLIFT,
    today: date | None = None,
    plan: PlatformPlan | None = None,
) -> Goal:
    """Next quarter's version of one goal; see :func:`propose_goals` for the rule. ``plan``: the strategy's plan
    for the goal's platform, if it has one."""
    kpi = kpis.KPIS[goal.kpi]
    next_quarter = periods.shift_quarter(goal.quarter, 1)
    start = default_start_week(next_quarter, today) if today else None
    weeks_next = len(periods.quarter_weeks(next_quarter))
    if goal.kpi == POSTS and plan is not None and plan.posts_per_week > 0:
        running = [w for w in periods.quarter_weeks(next_quarter) if start is None or w >= start]
        return goal.model_copy(
            update={
                "id": new_id(),
                "quarter": next_quarter,
                "start_week": start,
                "baseline": 0.0,
                "target": float(round(plan.planned_posts(len(running)))),
            }
        )
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
    - posts on a platform of the plan: baseline 0; target = the plan's posts per week × the weeks the goal runs.
      Posting is the plan's choice, not a trend: the checklists and the calendar plan that many, and the tracker
      measures the cadence against it. To post less, change the plan's posts per week.
    - flow (other totals: impressions, …; posts on a platform not in the plan): baseline 0; target = the mean of the weeks logged × N × (1 + u), i.e. the
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
    return [
        propose_goal(goal, rows, uplift, today, strategy.plan_for(goal.platform))
        for goal in strategy.goals
        if goal.quarter == quarter
    ]


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
