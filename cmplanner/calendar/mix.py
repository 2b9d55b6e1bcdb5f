"""The month's mix: how the month's planned posts spread over the content pillars (against the plan's shares)
and over the goals they serve.

A post counts once, whatever the number of platforms it goes out on (it is one piece of content), in the
calendar month of its date; skipped posts do not count. A post whose pillar or goal is no longer in the strategy
counts as having none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from cmplanner import periods
from cmplanner.models import Goal, PlannedPost, PostStatus, Strategy


@dataclass(frozen=True)
class PillarShare:
    pillar_id: str | None
    """None: the posts without a (known) pillar."""
    name: str
    """The pillar's name; empty for the posts without one."""
    posts: int
    share: float | None
    """Percent of the month's posts; None when the month has none."""
    planned_share: float | None
    """The plan's percent for the pillar; None for the posts without one."""

    @property
    def difference(self) -> float | None:
        """Percentage points above (+) or below (−) the plan."""
        if self.share is None or self.planned_share is None:
            return None
        return self.share - self.planned_share


@dataclass(frozen=True)
class GoalCount:
    goal: Goal | None
    """None: the posts that serve no (known) goal."""
    posts: int


@dataclass(frozen=True)
class MonthMix:
    month: str
    posts: int
    pillars: list[PillarShare]
    """Every pillar of the strategy in its order (also those without posts), then the posts without one."""
    goals: list[GoalCount]
    """The goals with posts this month, in the strategy's order, then the posts without one."""


def month_posts(posts: Sequence[PlannedPost], month: str) -> list[PlannedPost]:
    """The posts dated in calendar month ``month`` (``2026-12``), skipped ones left out, by date."""
    found = [
        p for p in posts if periods.month_key(p.planned_at.date()) == month and p.status != PostStatus.SKIPPED
    ]
    return sorted(found, key=lambda p: p.planned_at)


def month_mix(strategy: Strategy, posts: Sequence[PlannedPost], month: str) -> MonthMix:
    """The month's posts per pillar and per goal; see the module docstring for what counts."""
    periods.parse_month(month)
    chosen = month_posts(posts, month)
    total = len(chosen)
    pillar_ids = {pillar.id for pillar in strategy.pillars}
    goal_ids = {goal.id for goal in strategy.goals}
    per_pillar = Counter(p.pillar_id if p.pillar_id in pillar_ids else None for p in chosen)
    per_goal = Counter(p.goal_id if p.goal_id in goal_ids else None for p in chosen)

    def share(n: int) -> float | None:
        return 100 * n / total if total else None

    pillars = [
        PillarShare(pillar.id, pillar.name, per_pillar[pillar.id], share(per_pillar[pillar.id]), pillar.share)
        for pillar in strategy.pillars
    ]
    if per_pillar[None]:
        pillars.append(PillarShare(None, "", per_pillar[None], share(per_pillar[None]), None))
    goals = [GoalCount(goal, per_goal[goal.id]) for goal in strategy.goals if per_goal[goal.id]]
    if per_goal[None]:
        goals.append(GoalCount(None, per_goal[None]))
    return MonthMix(month, total, pillars, goals)
