"""The tracker's data: every goal of a quarter with its pace, cadence compliance, and status counts for the home page.

Like a goal's pace, the plan's cadence counts from when the plan started, not from the quarter's first week
(:func:`plan_start`): a strategy made in week 9 is not "behind" on the posts of weeks 1–8.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from cmplanner import kpis, periods
from cmplanner.models import Goal, PlannedPost, Platform, PostStatus, Strategy, WeekMetrics
from cmplanner.pacing import Pace, Status, pace, start_offset, weeks_elapsed


@dataclass(frozen=True)
class GoalPace:
    goal: Goal
    pace: Pace
    benchmark: kpis.Benchmark | None
    """For engagement-rate goals: the newest benchmark computed the same way, shown as a reference line."""


@dataclass(frozen=True)
class Cadence:
    """Posts logged against the posts the plan asks for, over the weeks elapsed in the quarter."""

    platform: Platform
    planned: float
    logged: int
    weeks: int

    @property
    def share(self) -> float | None:
        return self.logged / self.planned if self.planned else None


def quarters(strategy: Strategy, today: date) -> list[str]:
    """Quarters that have goals, newest first, always including the current one."""
    found = {goal.quarter for goal in strategy.goals} | {periods.current_quarter(today)}
    return sorted(found, reverse=True)


def goal_paces(strategy: Strategy, rows: Sequence[WeekMetrics], quarter: str, today: date) -> list[GoalPace]:
    """Every goal of the quarter with its pace, in the strategy's order."""
    result = []
    for goal in strategy.goals:
        if goal.quarter != quarter:
            continue
        benches = kpis.benchmarks_for(goal.platform.value, goal.kpi)
        result.append(GoalPace(goal, pace(goal, rows, today), benches[0] if benches else None))
    return result


def plan_start(strategy: Strategy, quarter: str) -> str:
    """The week of ``quarter`` from which the plan's cadence and checklists count.

    The earliest start among the quarter's goals (a goal without a start week starts with the quarter); a
    quarter without goals counts from the week the strategy was made, or from its first week when the strategy
    is older (after the quarter: a week past it, so nothing counts). Goals rather than the creation date come first because the goals say when the plan took effect
    (a strategy copied, or written months before it was put to work, still counts from its goals).
    """
    weeks = periods.quarter_weeks(quarter)
    offsets = [start_offset(goal) for goal in strategy.goals if goal.quarter == quarter]
    if offsets:
        return weeks[min(offsets)]
    return max(periods.week_key(strategy.created_at.date()), weeks[0])  # ISO week keys sort as text


def cadence(
    strategy: Strategy,
    rows: Sequence[WeekMetrics],
    quarter: str,
    today: date,
    published: Sequence[PlannedPost] = (),
) -> list[Cadence]:
    """Per platform of the plan: posts out so far this quarter vs its posts per week × weeks elapsed, counting
    from :func:`plan_start`. A week's posts are the posts logged (or imported) for it, or the calendar's posts
    marked published in it when those are more (posts planned and put out before any export came in)."""
    first = plan_start(strategy, quarter)
    weeks = {w for w in periods.quarter_weeks(quarter)[: weeks_elapsed(quarter, today)] if w >= first}
    out: Counter[tuple[Platform, str]] = Counter(
        (platform, periods.week_key(post.planned_at.date()))
        for post in published
        if post.status == PostStatus.PUBLISHED
        for platform in post.platforms
    )
    result = []
    for plan in strategy.platforms:
        logged = {r.week: r.posts or 0 for r in rows if r.platform == plan.platform and r.week in weeks}
        posts = sum(max(logged.get(week, 0), out[(plan.platform, week)]) for week in weeks)
        result.append(Cadence(plan.platform, plan.planned_posts(len(weeks)), posts, len(weeks)))
    return result


def status_counts(strategy: Strategy, rows: Sequence[WeekMetrics], today: date) -> Counter[Status]:
    """How many of the current quarter's goals are in each status (for the strategies overview)."""
    quarter = periods.current_quarter(today)
    return Counter(item.pace.status for item in goal_paces(strategy, rows, quarter, today))
