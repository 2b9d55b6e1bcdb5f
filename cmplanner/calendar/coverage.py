"""Are the planned posts enough for the goals? For the quarter's flow goals that posts drive, compare what the
posts planned for the rest of the quarter should bring with what the tracker says is still needed.

"Still needed" is the tracker's own figure: :func:`cmplanner.pacing.pace` gives the weekly amount the remaining
weeks need (``still_needed_per_week``), and the total still needed is that times the weeks remaining — the same
number the tracker, the report and the CLI show; nothing here re-derives the pace.

- ``posts`` goals: each planned post on the goal's platform brings 1.
- ``impressions``, ``reach``, ``engagements`` goals: each planned post brings the platform's average per post so
  far — the KPI's total over the last ``AVERAGE_WEEKS`` logged weeks up to the quarter's last elapsed week (into
  the previous quarter, so the first weeks have an average too) divided by the posts logged in those same weeks
  (weeks that give both). No posts logged in those weeks: no average, and the goal reads "no data".

Verdicts: ``reached`` (the tracker says so), ``enough``, ``short`` (``posts_short`` more to plan), ``no_data`` (no
still-needed figure or no average yet), ``over`` (no week of the quarter left).

The rest of the quarter is the weeks after the weeks elapsed (``pace().weeks_remaining``; the current week is one
of them), and a planned post counts there whatever its status except skipped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from cmplanner import i18n, kpis, metrics, periods
from cmplanner.models import Goal, PlannedPost, PostStatus, Strategy, WeekMetrics
from cmplanner.pacing import Pace, Status, pace

POST_DRIVEN: tuple[str, ...] = ("posts", "impressions", "reach", "engagements")
"""Flow KPIs that grow with the number of posts."""
AVERAGE_WEEKS = 13
"""Logged weeks the average per post is taken over (a quarter)."""
Verdict = Literal["reached", "enough", "short", "no_data", "over"]


@dataclass(frozen=True)
class GoalCoverage:
    goal: Goal
    pace: Pace
    needed: float | None
    """Still needed over the rest of the quarter: the tracker's still needed per week × weeks remaining."""
    per_post: float | None
    """What one post brings (1 for a posts goal; the average per post so far for the others)."""
    planned: int
    """Posts planned on the goal's platform in the rest of the quarter (not skipped)."""
    verdict: Verdict

    @property
    def expected(self) -> float | None:
        """What the planned posts should bring."""
        return None if self.per_post is None else self.planned * self.per_post

    @property
    def posts_short(self) -> int:
        """More posts to plan to bring the rest (0 when enough)."""
        if self.verdict != "short" or self.needed is None or not self.per_post:
            return 0
        return math.ceil((self.needed - (self.expected or 0.0)) / self.per_post - 1e-9)


def remaining_weeks(p: Pace) -> list[str]:
    return p.weeks[p.weeks_elapsed :]


def planned_in(posts: Sequence[PlannedPost], goal: Goal, weeks: Sequence[str]) -> int:
    """Posts on ``goal``'s platform dated in ``weeks``, skipped ones left out."""
    wanted = set(weeks)
    return sum(
        1
        for post in posts
        if post.status != PostStatus.SKIPPED
        and goal.platform in post.platforms
        and periods.week_key(post.planned_at.date()) in wanted
    )


def per_post(goal: Goal, rows: Sequence[WeekMetrics], p: Pace) -> float | None:
    """What one post brings toward ``goal``: 1 for posts, else the average per post so far (see the docstring)."""
    if goal.kpi == "posts":
        return 1.0
    last = p.weeks[p.weeks_elapsed - 1] if p.weeks_elapsed else periods.shift_week(p.weeks[0], -1)
    window = [periods.shift_week(last, -i) for i in range(AVERAGE_WEEKS)]
    own = metrics.by_week(rows, goal.platform)
    total = posts = 0.0
    for week in window:
        row = own.get(week)
        if row is None or not row.posts:
            continue
        value = kpis.value(goal.kpi, metrics.aggregate([row], [week], None), goal.platform.value)
        if value is None:
            continue
        total += value
        posts += row.posts
    return total / posts if posts else None


def goal_coverage(
    goal: Goal, posts: Sequence[PlannedPost], rows: Sequence[WeekMetrics], today: date
) -> GoalCoverage:
    """One goal (a flow KPI of ``POST_DRIVEN``) against the posts planned for the rest of its quarter."""
    p = pace(goal, rows, today)
    planned = planned_in(posts, goal, remaining_weeks(p))
    average = per_post(goal, rows, p)
    if p.status is Status.REACHED:
        return GoalCoverage(goal, p, 0.0, average, planned, "reached")
    if p.weeks_remaining == 0:
        return GoalCoverage(goal, p, None, average, planned, "over")
    if p.still_needed_per_week is None or average is None:
        return GoalCoverage(goal, p, None, average, planned, "no_data")
    needed = p.still_needed_per_week * p.weeks_remaining
    verdict: Verdict = "enough" if planned * average >= needed - 1e-9 else "short"
    return GoalCoverage(goal, p, needed, average, planned, verdict)


def coverage(
    strategy: Strategy, posts: Sequence[PlannedPost], rows: Sequence[WeekMetrics], quarter: str, today: date
) -> list[GoalCoverage]:
    """Every goal of ``quarter`` that posts drive, in the strategy's order."""
    return [
        goal_coverage(goal, posts, rows, today)
        for goal in strategy.goals
        if goal.quarter == quarter and goal.kpi in POST_DRIVEN
    ]


def summary(item: GoalCoverage, lang: str) -> str:
    """One sentence for the page: enough planned or not, in the tracker's still-needed figure."""
    if item.verdict in ("reached", "no_data", "over"):
        return i18n.t(f"calendar.coverage.{item.verdict}", lang)
    kind = "posts" if item.goal.kpi == "posts" else "amount"
    return i18n.t(
        f"calendar.coverage.{kind}_{item.verdict}",
        lang,
        planned=i18n.number(item.planned, lang),
        expected=i18n.number(item.expected, lang),
        needed=i18n.number(item.needed, lang),
        more=i18n.number(item.posts_short, lang),
    )
