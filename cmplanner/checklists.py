"""Checklist tick state: which task is done in the current day, week, month and quarter.

Period keys: a day is ``2026-11-22``, a week the ISO week ``2026-W47``, a month ``2026-11`` and a
quarter the *calendar* quarter of the day, ``2026-Q4``. Checklists reset with the calendar (1 January
starts a new quarter list even inside ISO week 2026-W53); weekly metrics use the ISO week's Thursday
instead (see ``periods``).

Tick state lives in the strategy file's ``checks`` table (``models.Tick``), one row per (task, period key). A tick
therefore only counts in its own period: a task ticked today is open again tomorrow, a weekly one stays ticked all
week.

The rest of the checklists live in modules named for their job: the plan's tasks (``checklist_items``), its
hours and what would make it fit (``workload``), the calendar file (``checklist_calendar``) and the printable
page (``checklist_sheet``). Their names are re-exported here for callers written before the split.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from cmplanner import i18n, periods
from cmplanner.checklist_items import (
    PERIODS,
    ChecklistItem,
    ChecklistSettings,
    CustomTask,
    Period,
    TaskOverride,
    cadence_label,
    generate,
    nice_cadence,
    period_label,
    platform_name,
    prepublish,
    tune,
)
from cmplanner.models import Tick
from cmplanner.store.schema import TICKS
from cmplanner.workload import ESSENTIAL, Change, Suggestion, Workload, apply, cost_text, outsourced_cost

if TYPE_CHECKING:
    from cmplanner.store import Edit

__all__ = [
    "ESSENTIAL",
    "PERIODS",
    "Change",
    "ChecklistItem",
    "ChecklistSettings",
    "CustomTask",
    "Period",
    "Suggestion",
    "TaskOverride",
    "Workload",
    "apply",
    "cadence_label",
    "cost_text",
    "generate",
    "nice_cadence",
    "outsourced_cost",
    "period_label",
    "platform_name",
    "prepublish",
    "tune",
]


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
