"""The plan's hours a week, against the hours the business has, and the changes that would make it fit.

One figure, one function: :func:`plan_hours` is the plan's hours a week — every enabled checklist item of the
strategy (seed 004's daily, weekly, monthly and quarterly routines, each chosen platform's cadence tasks and the
user's own tasks), with the user's checklist tuning. The walk's platform step and review, the strategy document,
the recommendations' effort reasoning and the checklists all read it (through :func:`workload` or
:func:`platform_hours`), so they cannot disagree. Task durations are assumptions the user can edit.

When the plan does not fit, :func:`workload` suggests changes, grouped by what they are:

- fewer platforms: drop whole platforms (the smallest one that closes the gap, else the biggest, repeated; at
  least one platform stays; platforms in ``protect`` — the recommended ones — only when no other can go);
- lower cadences: halve the cadence of the task that saves most, or the smallest step that closes the gap,
  spread over the tasks in rounds, never below once a month; answering messages is never lowered;
- both: only when neither closes the gap on its own — the platform drops, then cadence changes on what is left.

Each change carries the hours it saves; :func:`apply` turns changes into checklist settings.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from typing import Literal

from cmplanner import i18n
from cmplanner import platforms as kb
from cmplanner.checklist_items import ChecklistItem, cadence_label, generate, platform_name
from cmplanner.models import (
    PERIODS,
    ChecklistSettings,
    Period,
    Platform,
    PlatformPlan,
    Strategy,
    TaskOverride,
)
from cmplanner.platforms import PER_WEEK

ESSENTIAL: frozenset[str] = frozenset({"day.messages"})
"""Tasks never suggested for a lower cadence: not answering a message is like not picking up the phone."""
EPSILON = 1e-9
Kind = Literal["fewer_platforms", "lower_cadences", "both"]


def total_hours(items: Iterable[ChecklistItem]) -> float:
    """Hours a week of the enabled items."""
    return math.fsum(item.hours_per_week for item in items)


def plan_hours(strategy: Strategy) -> float:
    """The plan's hours a week: routines + platform tasks + own tasks, with the strategy's checklist tuning."""
    return total_hours(generate(strategy))


def platform_hours(
    strategy: Strategy, platform: Platform | str, posts_per_week: float | None = None
) -> float:
    """What one platform adds to :func:`plan_hours` of ``strategy`` (chosen there or not).

    Its cadence uses ``posts_per_week`` if given, else the strategy's plan for it, else the platform's default.
    """
    platform = Platform(platform)
    others = [plan for plan in strategy.platforms if plan.platform != platform]
    plan = strategy.plan_for(platform) or PlatformPlan(
        platform=platform, posts_per_week=float(kb.get(platform).default_posts_per_week)
    )
    if posts_per_week is not None:
        plan = plan.model_copy(update={"posts_per_week": posts_per_week})
    without = strategy.model_copy(update={"platforms": others})
    return plan_hours(strategy.model_copy(update={"platforms": [*others, plan]})) - plan_hours(without)


def routine_hours(strategy: Strategy) -> float:
    """The plan's hours without any platform: the routines and the user's general tasks."""
    return plan_hours(strategy.model_copy(update={"platforms": []}))


@dataclass(frozen=True)
class Change:
    """One change to the plan: drop a platform's tasks, or lower one task's cadence."""

    kind: Literal["drop_platform", "lower"]
    hours_saved: float
    platform: str | None = None
    task_ids: tuple[str, ...] = ()
    count: int | None = None
    period: Period | None = None
    item: ChecklistItem | None = None
    """For ``lower``: the item as it was before the change."""

    def text(self, lang: str) -> str:
        """``Drop Pinterest: saves 1.1 hours a week``, or a lower cadence with the hours it saves."""
        hours = i18n.number(self.hours_saved, lang, 1)
        if self.kind == "drop_platform":
            return i18n.t(
                "checklists.change.drop", lang, platform=platform_name(self.platform or "", lang), hours=hours
            )
        assert self.item is not None and self.count is not None and self.period is not None
        return i18n.t(
            "checklists.change.lower",
            lang,
            task=replace(self.item, count=1).title(lang),
            old=cadence_label(self.item.count, self.item.period, lang),
            new=cadence_label(self.count, self.period, lang),
            hours=hours,
        )


@dataclass(frozen=True)
class Suggestion:
    """A set of changes that together close the gap (``fits`` says whether they do)."""

    kind: Kind
    changes: tuple[Change, ...]
    hours_saved: float
    fits: bool

    def text(self, lang: str) -> str:
        return i18n.t(f"workload.suggest.{self.kind}", lang)

    @property
    def drops(self) -> tuple[Change, ...]:
        """The platforms to drop."""
        return tuple(c for c in self.changes if c.kind == "drop_platform")

    @property
    def lowers(self) -> tuple[Change, ...]:
        """The cadences to lower."""
        return tuple(c for c in self.changes if c.kind == "lower")

    @property
    def platforms(self) -> tuple[str, ...]:
        """The platforms this suggestion drops."""
        return tuple(c.platform for c in self.drops if c.platform)


@dataclass(frozen=True)
class Workload:
    hours: float
    """The plan's hours a week (:func:`plan_hours`)."""
    available: float
    by_platform: dict[str | None, float]
    """Hours per platform; ``None``: the routines and the user's general tasks."""
    by_period: dict[Period, float]
    suggestions: tuple[Suggestion, ...]

    @property
    def fits(self) -> bool:
        return self.hours <= self.available + EPSILON

    @property
    def over(self) -> float:
        """Hours a week above what is available (0 when it fits)."""
        return max(0.0, self.hours - self.available)

    @property
    def routines(self) -> float:
        """Hours of the tasks that belong to no platform."""
        return self.by_platform.get(None, 0.0)

    def text(self, lang: str) -> str:
        """``The plan takes 9.0 hours a week (4.7 for the platforms, 4.3 for the routines) but you have 4.0 …``."""
        key = "workload.fits" if self.fits else "workload.over"
        return i18n.t(
            key,
            lang,
            hours=i18n.number(self.hours, lang, 1),
            platforms=i18n.number(self.hours - self.routines, lang, 1),
            routines=i18n.number(self.routines, lang, 1),
            available=i18n.number(self.available, lang, 1),
            over=i18n.number(self.over, lang, 1),
        )


def lower_cadence(count: int, period: Period) -> tuple[int, Period] | None:
    """The next lower cadence: about half as often, never below once a month (None when already there)."""
    per_week = count * PER_WEEK[period]
    floor = PER_WEEK["month"]
    if per_week <= floor + EPSILON:
        return None
    target = per_week / 2
    candidates: list[tuple[int, Period]] = [(n, "day") for n in range(1, count + 1)]
    candidates += [(n, "week") for n in range(1, 14)] + [(n, "month") for n in range(1, 4)]
    fitting = [(n, p) for n, p in candidates if n * PER_WEEK[p] <= target + EPSILON]
    if not fitting:
        return 1, "month"
    order = {period: 0, "day": 1, "week": 2, "month": 3}
    return max(fitting, key=lambda c: (round(c[0] * PER_WEEK[c[1]], 9), -order[c[1]]))


def _pick(candidates: list[Change], gap: float) -> Change:
    """The smallest change that closes ``gap`` on its own, else the biggest one."""
    closing = [c for c in candidates if c.hours_saved >= gap - EPSILON]
    if closing:
        return min(closing, key=lambda c: c.hours_saved)
    return max(candidates, key=lambda c: c.hours_saved)


def _lower_steps(items: list[ChecklistItem]) -> list[Change]:
    steps = []
    for item in items:
        if not item.enabled or item.id in ESSENTIAL or item.hours_per_week <= 0:
            continue
        lower = lower_cadence(item.count, item.period)
        if lower is None:
            continue
        saved = item.hours_per_week - replace(item, count=lower[0], period=lower[1]).hours_per_week
        steps.append(Change("lower", saved, item.platform, (item.id,), lower[0], lower[1], item))
    return steps


def _lower_until(items: list[ChecklistItem], gap: float) -> tuple[list[ChecklistItem], list[Change], float]:
    """Lower cadences until ``gap`` hours are saved or nothing can be lowered.

    Works in rounds: each task is lowered at most one step per round, so the cuts are spread over the
    tasks instead of one task being cut to the bone.
    """
    changes: dict[str, Change] = {}
    saved = 0.0
    this_round: set[str] = set()
    while gap - saved > EPSILON:
        steps = [s for s in _lower_steps(items) if s.task_ids[0] not in this_round]
        if not steps:
            if not this_round:
                break
            this_round = set()
            continue
        step = _pick(steps, gap - saved)
        saved += step.hours_saved
        task_id = step.task_ids[0]
        this_round.add(task_id)
        before = changes.get(task_id)
        changes[task_id] = replace(
            step,
            hours_saved=step.hours_saved + (before.hours_saved if before else 0.0),
            item=before.item if before else step.item,
        )
        assert step.count is not None and step.period is not None
        items = [replace(i, count=step.count, period=step.period) if i.id == task_id else i for i in items]
    return items, list(changes.values()), saved


def _by_platform(items: Iterable[ChecklistItem]) -> dict[str | None, float]:
    result: dict[str | None, float] = {}
    for item in items:
        result[item.platform] = result.get(item.platform, 0.0) + item.hours_per_week
    return result


def _drop_until(
    items: list[ChecklistItem], gap: float, protect: Collection[str]
) -> tuple[list[ChecklistItem], list[Change], float]:
    """Drop platforms until ``gap`` hours are saved; at least one platform stays, protected ones go last."""
    changes: list[Change] = []
    saved = 0.0
    while gap - saved > EPSILON:
        hours = _by_platform(items)
        drops = [
            Change("drop_platform", h, p, tuple(i.id for i in items if i.platform == p and i.enabled))
            for p, h in hours.items()
            if p is not None and h > 0
        ]
        if len(drops) <= 1:
            break
        drop = _pick([d for d in drops if d.platform not in protect] or drops, gap - saved)
        changes.append(drop)
        saved += drop.hours_saved
        items = [replace(i, enabled=False) if i.id in drop.task_ids else i for i in items]
    return items, changes, saved


def suggestions(items: list[ChecklistItem], gap: float, protect: Collection[str] = ()) -> list[Suggestion]:
    """The suggestions of the module docstring for a plan ``gap`` hours a week over (none when it fits)."""
    if gap <= EPSILON:
        return []
    result: list[Suggestion] = []
    left, dropped, saved_drops = _drop_until(items, gap, protect)
    if dropped:
        result.append(
            Suggestion("fewer_platforms", tuple(dropped), saved_drops, gap - saved_drops <= EPSILON)
        )
    _, lowered, saved_lower = _lower_until(items, gap)
    if lowered:
        result.append(Suggestion("lower_cadences", tuple(lowered), saved_lower, gap - saved_lower <= EPSILON))
    if dropped and not any(s.fits for s in result):
        _, more, saved_more = _lower_until(left, gap - saved_drops)
        if more:
            saved = saved_drops + saved_more
            result.append(Suggestion("both", (*dropped, *more), saved, gap - saved <= EPSILON))
    return result


def workload(strategy: Strategy, protect: Collection[str] = ()) -> Workload:
    """The plan's hours a week (:func:`plan_hours`) against the profile's hours, with suggestions when over.

    ``protect``: platforms to keep if any other can be dropped (the recommended ones).
    """
    items = generate(strategy)
    hours = plan_hours(strategy)
    available = strategy.profile.hours_per_week if strategy.profile else 0.0
    by_period = {p: total_hours(i for i in items if i.period == p) for p in PERIODS}
    found = suggestions(items, hours - available, protect)
    return Workload(hours, available, _by_platform(items), by_period, tuple(found))


def apply(settings: ChecklistSettings, changes: Iterable[Change]) -> ChecklistSettings:
    """New settings with the changes applied (a dropped platform's tasks are switched off).

    For a posting task the lead may prefer to change the plan's posts per week instead.
    """
    overrides = {k: v.model_copy() for k, v in settings.overrides.items()}
    for change in changes:
        for task_id in change.task_ids:
            o = overrides.get(task_id) or TaskOverride()
            if change.kind == "drop_platform":
                o.enabled = False
            else:
                o.count, o.period = change.count, change.period
            overrides[task_id] = o
    return settings.model_copy(update={"overrides": overrides})


def outsourced_cost(hours_per_week: float) -> tuple[float, str]:
    """What the hours would cost a month if outsourced, and the source key of the reference figure.

    Reference: a community manager costs on average €2,000 gross a month (cidj.com, quoted in seed
    004) for a full-time month of ``hours_per_month`` hours (151.67 = 35 h × 52 ÷ 12, an assumption in
    ``knowledge/tasks.json``).
    """
    ref = kb.community_manager_cost()
    hours_per_month = hours_per_week * 52 / 12
    return ref["eur_gross_per_month"] * hours_per_month / ref["hours_per_month"], ref["source"]


def cost_text(hours_per_week: float, lang: str) -> str:
    """The outsourcing sentence with its reference figure, assumption and source."""
    ref = kb.community_manager_cost()
    eur, source = outsourced_cost(hours_per_week)
    return i18n.t(
        "checklists.cost",
        lang,
        hours=i18n.number(hours_per_week, lang, 1),
        eur=i18n.number(eur, lang),
        reference=i18n.number(ref["eur_gross_per_month"], lang),
        full=i18n.number(ref["hours_per_month"], lang),
        source=i18n.t(f"source.{source}", lang),
    )
