"""Recurring checklists generated from a strategy (seed 004), their tick state, workload and exports.

A checklist item is one recurring task: ``count`` times per ``period`` (day, week, month, quarter),
``minutes`` each. Minutes of the built-in tasks are assumptions (no sourced figure exists) and are
flagged as such until the user edits them.

Period keys: a day is ``2026-11-22``, a week the ISO week ``2026-W47``, a month ``2026-11`` and a
quarter the *calendar* quarter of the day, ``2026-Q4``. Checklists reset with the calendar (1 January
starts a new quarter list even inside ISO week 2026-W53); weekly metrics use the ISO week's Thursday
instead (see ``periods``).

Tick state lives in the strategy file's ``checks`` table (``models.Tick``), one row per (task, period key). A tick therefore only counts in its own period:
a task ticked today is open again tomorrow, a weekly one stays ticked all week.

The user's tuning (``ChecklistSettings``) is a field of the strategy and lives in ``models``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from cmplanner import i18n, periods
from cmplanner import platforms as kb
from cmplanner.models import PERIODS, ChecklistSettings, CustomTask, Period, Strategy, TaskOverride, Tick
from cmplanner.platforms import PER_WEEK, Task
from cmplanner.store.schema import TICKS

if TYPE_CHECKING:
    from cmplanner.store import Edit

__all__ = ["PERIODS", "ChecklistSettings", "CustomTask", "Period", "TaskOverride"]
ESSENTIAL: frozenset[str] = frozenset({"day.messages"})
"""Tasks never suggested for a lower cadence: not answering a message is like not picking up the phone."""
EPSILON = 1e-9


# ------------------------------------------------------------------------------------------ generation


@dataclass(frozen=True)
class ChecklistItem:
    """One recurring task of the plan, after tuning."""

    id: str
    period: Period
    count: int
    minutes: float
    label_key: str | None = None
    label: str | None = None
    platform: str | None = None
    enabled: bool = True
    minutes_assumed: bool = True
    posts: bool = False
    custom: bool = False
    source: str = "seed004"

    def text(self, lang: str) -> str:
        """The task's label in ``lang`` (a custom task's own label as typed)."""
        return self.label if self.label is not None else i18n.t(self.label_key or self.id, lang)

    def title(self, lang: str) -> str:
        """Label with platform and count, e.g. ``X (Twitter): Post on X (3×)``."""
        text = self.text(lang) + (f" ({self.count}×)" if self.count > 1 else "")
        if self.platform:
            text = i18n.t(
                "checklists.on_platform", lang, platform=platform_name(self.platform, lang), task=text
            )
        return text

    @property
    def per_week(self) -> float:
        """Times done in an average week."""
        return self.count * _per_week(self.period)

    @property
    def hours_per_week(self) -> float:
        """Hours in an average week (0 when switched off)."""
        return self.per_week * self.minutes / 60 if self.enabled else 0.0


def _per_week(period: Period) -> float:
    return PER_WEEK[period]


def platform_name(platform: str, lang: str) -> str:
    return i18n.t(f"platform.{platform}", lang)


def period_label(period: Period, lang: str) -> str:
    """``Today`` / ``This week`` / ``This month`` / ``This quarter``."""
    return i18n.t(f"checklists.period.{period}", lang)


def cadence_label(count: int, period: Period, lang: str) -> str:
    """``3× a day``."""
    return i18n.t(f"checklists.cadence.{period}", lang, count=count)


def nice_cadence(per_week: float, preferred: Period) -> tuple[int, Period]:
    """A whole count per period for a weekly rate: 21/week → (3, day) if ``preferred`` is day.

    Keeps ``preferred`` when the rate is a whole number there, else the largest period that gives at
    least one whole time: weeks (rounded), else months, else quarters (at least once).
    """
    if per_week <= 0:
        return 0, preferred
    exact = per_week / _per_week(preferred)
    if exact >= 1 and abs(exact - round(exact)) < 1e-6:
        return round(exact), preferred
    for period in ("week", "month"):
        if per_week / _per_week(period) >= 1 - 1e-6:
            return _round(per_week / _per_week(period)), period
    return max(1, _round(per_week / _per_week("quarter"))), "quarter"


def _round(x: float) -> int:
    return math.floor(x + 0.5)


def _item(task: Task, platform: str | None, posts_per_week: float | None, o: TaskOverride) -> ChecklistItem:
    period: Period = o.period or task.period
    count = task.count
    if task.posts and posts_per_week is not None:
        if o.period is None:
            count, period = nice_cadence(posts_per_week, period)
        else:  # the user chose the period: count the posts in it
            count = max(1, _round(posts_per_week / _per_week(period))) if posts_per_week > 0 else 0
    if o.count is not None:
        count = o.count
    enabled = count > 0 if o.enabled is None else o.enabled
    return ChecklistItem(
        id=task.id,
        label_key=f"task.{task.id}",
        platform=platform,
        period=period,
        count=count,
        minutes=task.minutes if o.minutes is None else o.minutes,
        minutes_assumed=o.minutes is None,
        enabled=enabled,
        posts=task.posts,
        source=task.source,
    )


def generate(strategy: Strategy, settings: ChecklistSettings | None = None) -> list[ChecklistItem]:
    """All checklist items of a strategy: seed 004's period tasks, each chosen platform's cadence tasks
    (the posting task's count follows the plan's posts per week) and the user's own tasks, tuned.

    Switched-off tasks are included with ``enabled=False`` so the page can switch them back on.
    ``settings`` defaults to ``strategy.checklist`` when the strategy has that field.
    """
    if settings is None:
        settings = getattr(strategy, "checklist", None) or ChecklistSettings()
    items = [_item(task, None, None, settings.override(task.id)) for task in kb.period_tasks()]
    chosen = [plan.platform.value for plan in strategy.platforms]
    for plan in strategy.platforms:
        for task in kb.get(plan.platform).tasks:
            items.append(_item(task, plan.platform.value, plan.posts_per_week, settings.override(task.id)))
    for custom in settings.custom:
        if custom.platform is not None and custom.platform not in chosen:
            continue
        o = settings.override(custom.id)
        items.append(
            ChecklistItem(
                id=custom.id,
                label=custom.label,
                platform=custom.platform,
                period=o.period or custom.period,
                count=o.count or custom.count,
                minutes=custom.minutes if o.minutes is None else o.minutes,
                minutes_assumed=False,
                enabled=custom.enabled if o.enabled is None else o.enabled,
                custom=True,
                source="user",
            )
        )
    return items


def prepublish(lang: str) -> list[str]:
    """Seed 000's questions to ask before publishing a post (shown beside the posting tasks)."""
    return [i18n.t(f"check.{key}", lang) for key in kb.prepublish_check()]


# ------------------------------------------------------------------------------------- periods, ticks


def period_key(period: Period, day: date) -> str:
    """The key of the period that contains ``day``: ``2026-11-22``, ``2026-W47``, ``2026-11``, ``2026-Q4``."""
    if period == "day":
        return day.isoformat()
    if period == "week":
        return periods.week_key(day)
    if period == "month":
        return periods.month_key(day)
    if period == "quarter":
        return periods.quarter_key(day)
    raise ValueError(f"unknown period: {period!r}")


Ticks = dict[tuple[str, str], int]
"""(task id, period key) → units done."""


class Progress(NamedTuple):
    done: int
    total: int

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass(frozen=True)
class Row:
    """An item as it stands in the current period."""

    item: ChecklistItem
    period_key: str
    done: int

    @property
    def complete(self) -> bool:
        return self.done >= self.item.count

    def status(self, lang: str) -> str:
        """``2 of 3 done``."""
        return i18n.t("checklists.done", lang, done=self.done, count=self.item.count)


def items_for(items: Iterable[ChecklistItem], period: Period, ticks: Ticks, today: date) -> list[Row]:
    """The enabled items of one period with what is done in the period containing ``today``."""
    key = period_key(period, today)
    return [
        Row(item, key, min(ticks.get((item.id, key), 0), item.count))
        for item in items
        if item.enabled and item.period == period
    ]


def progress(items: Iterable[ChecklistItem], ticks: Ticks, today: date) -> dict[Period, Progress]:
    """Units done and units due per period, counting only ticks of the periods containing ``today``."""
    items = list(items)
    result: dict[Period, Progress] = {}
    for period in PERIODS:
        rows = items_for(items, period, ticks, today)
        result[period] = Progress(sum(r.done for r in rows), sum(r.item.count for r in rows))
    return result


def current_keys(today: date) -> dict[Period, str]:
    return {period: period_key(period, today) for period in PERIODS}


def ticks(rows: Iterable[Tick], today: date | None = None) -> Ticks:
    """Stored ticks as (task id, period key) → units done; only those of the periods containing ``today`` if given."""
    keys = set(current_keys(today).values()) if today is not None else None
    return {(r.task, r.period_key): r.done for r in rows if keys is None or r.period_key in keys}


def set_tick(edit: Edit, task_id: str, key: str, done: int) -> None:
    """Record ``done`` units of a task in one period (0 removes the tick)."""
    if done <= 0:
        edit.remove(TICKS, [(task_id, key)])
    else:
        edit.put(TICKS, [Tick(task=task_id, period_key=key, done=min(int(done), 1000))])


# -------------------------------------------------------------------------------------------- workload


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

    kind: Literal["fewer_platforms", "lower_cadences"]
    changes: tuple[Change, ...]
    hours_saved: float
    fits: bool

    def text(self, lang: str) -> str:
        return i18n.t(f"checklists.suggest.{self.kind}", lang)


@dataclass(frozen=True)
class Workload:
    hours: float
    available: float
    by_platform: dict[str | None, float]
    by_period: dict[Period, float]
    suggestions: tuple[Suggestion, ...]

    @property
    def fits(self) -> bool:
        return self.hours <= self.available + EPSILON

    @property
    def over(self) -> float:
        """Hours a week above what is available (0 when it fits)."""
        return max(0.0, self.hours - self.available)

    def text(self, lang: str) -> str:
        key = "checklists.fits" if self.fits else "checklists.over"
        return i18n.t(
            key,
            lang,
            hours=i18n.number(self.hours, lang, 1),
            available=i18n.number(self.available, lang, 1),
            over=i18n.number(self.over, lang, 1),
        )


def lower_cadence(count: int, period: Period) -> tuple[int, Period] | None:
    """The next lower cadence: about half as often, never below once a month (None when already there)."""
    per_week = count * _per_week(period)
    floor = _per_week("month")
    if per_week <= floor + EPSILON:
        return None
    target = per_week / 2
    candidates: list[tuple[int, Period]] = [(n, "day") for n in range(1, count + 1)]
    candidates += [(n, "week") for n in range(1, 14)] + [(n, "month") for n in range(1, 4)]
    fitting = [(n, p) for n, p in candidates if n * _per_week(p) <= target + EPSILON]
    if not fitting:
        return 1, "month"
    order = {period: 0, "day": 1, "week": 2, "month": 3}
    return max(fitting, key=lambda c: (round(c[0] * _per_week(c[1]), 9), -order[c[1]]))


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


def _fewer_platforms(items: list[ChecklistItem], gap: float) -> Suggestion:
    """Drop platforms (keeping at least one), then lower the remaining cadences if that is not enough."""
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
        drop = _pick(drops, gap - saved)
        changes.append(drop)
        saved += drop.hours_saved
        items = [replace(i, enabled=False) if i.id in drop.task_ids else i for i in items]
    if gap - saved > EPSILON:
        items, lowered, more = _lower_until(items, gap - saved)
        changes += lowered
        saved += more
    return Suggestion("fewer_platforms", tuple(changes), saved, gap - saved <= EPSILON)


def _by_platform(items: Iterable[ChecklistItem]) -> dict[str | None, float]:
    result: dict[str | None, float] = {}
    for item in items:
        result[item.platform] = result.get(item.platform, 0.0) + item.hours_per_week
    return result


def workload(items: Iterable[ChecklistItem], hours_available: float) -> Workload:
    """Hours a week of the enabled items against the hours available, with suggestions when over.

    Two suggestions when the plan does not fit: fewer platforms (drop the smallest platform that closes
    the gap, else the biggest and repeat; at least one platform stays) and lower cadences (halve the
    cadence that saves most, or the smallest step that closes the gap, repeatedly; answering messages is
    never lowered). Each change carries the hours it saves; ``apply`` turns them into settings.
    """
    items = list(items)
    hours = sum(i.hours_per_week for i in items)
    by_period = {p: sum(i.hours_per_week for i in items if i.period == p) for p in PERIODS}
    gap = hours - hours_available
    suggestions: list[Suggestion] = []
    if gap > EPSILON:
        if sum(1 for p, h in _by_platform(items).items() if p is not None and h > 0) > 1:
            suggestions.append(_fewer_platforms(items, gap))
        _, lowered, saved = _lower_until(items, gap)
        if lowered:
            suggestions.append(Suggestion("lower_cadences", tuple(lowered), saved, gap - saved <= EPSILON))
    return Workload(hours, hours_available, _by_platform(items), by_period, tuple(suggestions))


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


# --------------------------------------------------------------------------------------------- exports

RRULES: dict[Period, dict[str, Any]] = {
    "day": {"freq": "daily"},
    "week": {"freq": "weekly"},
    "month": {"freq": "monthly"},
    "quarter": {"freq": "monthly", "interval": 3},
}


def to_ics(items: Iterable[ChecklistItem], lang: str, start: date, scope: str = "") -> bytes:
    """An iCalendar file with one recurring VEVENT per enabled task.

    Events of a period follow each other from 09:00 (floating local time) on ``start``; monthly and
    quarterly ones start on the 1st of the next month when ``start`` is after the 28th, so every month has
    the day. The duration is count × minutes. UIDs are ``<scope>.<task id>@cmplanner`` (pass the
    strategy id as ``scope``), so a re-import updates the events instead of duplicating them.
    """
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//cmplanner//checklists//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", i18n.t("checklists.calendar_name", lang))
    stamp = datetime.now(UTC).replace(microsecond=0)
    cursor: dict[Period, datetime] = {}
    questions = "\n".join(f"- {q}" for q in prepublish(lang))
    for item in items:
        if not item.enabled or item.count <= 0:
            continue
        day = start
        if item.period in ("month", "quarter") and day.day > 28:
            day = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
        begin = cursor.get(item.period, datetime.combine(day, time(9, 0)))
        length = timedelta(minutes=max(1.0, item.count * item.minutes))
        cursor[item.period] = begin + length
        notes = [cadence_label(item.count, item.period, lang)]
        if item.minutes_assumed:
            notes.append(i18n.t("checklists.assumption", lang))
        if item.posts:
            notes.append(f"{i18n.t('checklists.prepublish', lang)}\n{questions}")
        event = Event()
        event.add("uid", f"{scope + '.' if scope else ''}{item.id}@cmplanner")
        event.add("dtstamp", stamp)
        event.add("summary", item.title(lang))
        event.add("description", "\n\n".join(notes))
        event.add("dtstart", begin)
        event.add("duration", length)
        event.add("rrule", RRULES[item.period])
        if item.platform:
            event.add("categories", [platform_name(item.platform, lang)])
        cal.add_component(event)
    return cal.to_ical()


def printable(items: Iterable[ChecklistItem], lang: str) -> str:
    """A Markdown list grouped by period with checkboxes, estimated minutes and seed 000's check."""
    items = [i for i in items if i.enabled]
    lines = [f"# {i18n.t('checklists.title', lang)}", ""]
    for period in PERIODS:
        group = [i for i in items if i.period == period]
        if not group:
            continue
        lines += [f"## {i18n.t(f'checklists.list.{period}', lang)}", ""]
        for item in group:
            minutes = i18n.t("checklists.minutes_each", lang, minutes=i18n.number(item.minutes, lang))
            lines.append(f"- [ ] {item.title(lang)} — {minutes}")
        lines.append("")
    lines += [f"## {i18n.t('checklists.prepublish', lang)}", ""]
    lines += [f"- [ ] {q}" for q in prepublish(lang)]
    total = sum(i.hours_per_week for i in items)
    lines += ["", i18n.t("checklists.total", lang, hours=i18n.number(total, lang, 1))]
    if any(i.minutes_assumed for i in items):
        lines.append(i18n.t("checklists.assumption", lang))
    return "\n".join(lines) + "\n"


def tune(strategy: Strategy, rows: Iterable[dict[str, Any]]) -> ChecklistSettings:
    """Settings from an edited task table (``id, enabled, period, count, minutes`` per row, ``label`` for own tasks):
    an override is kept only where a row differs from the generated, untuned task."""
    defaults = {item.id: item for item in generate(strategy, ChecklistSettings())}
    current = getattr(strategy, "checklist", None) or ChecklistSettings()
    custom = {task.id: task for task in current.custom}
    overrides: dict[str, TaskOverride] = {}
    for row in rows:
        task_id = row["id"]
        if task_id in custom:
            custom[task_id] = custom[task_id].model_copy(
                update={
                    k: row[k]
                    for k in ("enabled", "period", "count", "minutes", "label")
                    if row.get(k) is not None
                }
            )
            continue
        base = defaults.get(task_id)
        if base is None:
            continue
        o = TaskOverride(
            enabled=None if row["enabled"] == base.enabled else bool(row["enabled"]),
            period=None if row["period"] == base.period else row["period"],
            count=None if int(row["count"]) == base.count else int(row["count"]),
            minutes=None if float(row["minutes"]) == base.minutes else float(row["minutes"]),
        )
        if o != TaskOverride():
            overrides[task_id] = o
    return ChecklistSettings(overrides=overrides, custom=list(custom.values()))
