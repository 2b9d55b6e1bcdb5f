"""The plan's recurring tasks: checklist items generated from a strategy (seed 004) and the user's tuning.

A checklist item is one recurring task: ``count`` times per ``period`` (day, week, month, quarter),
``minutes`` each. Minutes of the built-in tasks are assumptions (no sourced figure exists) and are
flagged as such until the user edits them. The user's tuning (``ChecklistSettings``) is a field of the
strategy and lives in ``models``; :func:`tune` turns an edited task table back into settings.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cmplanner import i18n
from cmplanner import platforms as kb
from cmplanner.models import PERIODS, ChecklistSettings, CustomTask, Period, Strategy, TaskOverride
from cmplanner.platforms import PER_WEEK, Task

__all__ = [
    "PERIODS",
    "ChecklistItem",
    "ChecklistSettings",
    "CustomTask",
    "Period",
    "TaskOverride",
    "cadence_label",
    "generate",
    "nice_cadence",
    "period_label",
    "platform_name",
    "prepublish",
    "tune",
]


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
        return self.count * PER_WEEK[self.period]

    @property
    def hours_per_week(self) -> float:
        """Hours in an average week (0 when switched off)."""
        return self.per_week * self.minutes / 60 if self.enabled else 0.0


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
    exact = per_week / PER_WEEK[preferred]
    if exact >= 1 and abs(exact - round(exact)) < 1e-6:
        return round(exact), preferred
    for period in ("week", "month"):
        if per_week / PER_WEEK[period] >= 1 - 1e-6:
            return _round(per_week / PER_WEEK[period]), period
    return max(1, _round(per_week / PER_WEEK["quarter"])), "quarter"


def _round(x: float) -> int:
    return math.floor(x + 0.5)


def _item(task: Task, platform: str | None, posts_per_week: float | None, o: TaskOverride) -> ChecklistItem:
    period: Period = o.period or task.period
    count = task.count
    if task.posts and posts_per_week is not None:
        if o.period is None:
            count, period = nice_cadence(posts_per_week, period)
        else:  # the user chose the period: count the posts in it
            count = max(1, _round(posts_per_week / PER_WEEK[period])) if posts_per_week > 0 else 0
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
    ``settings`` defaults to ``strategy.checklist``.
    """
    if settings is None:
        settings = strategy.checklist
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


def tune(strategy: Strategy, rows: Iterable[dict[str, Any]]) -> ChecklistSettings:
    """Settings from an edited task table (``id, enabled, period, count, minutes`` per row, ``label`` for own tasks):
    an override is kept only where a row differs from the generated, untuned task."""
    defaults = {item.id: item for item in generate(strategy, ChecklistSettings())}
    current = strategy.checklist
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
