"""What an import will do to the stored weeks: merged rows and whether each is new, changed or unchanged."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Literal

from cmplanner import periods
from cmplanner.models import METRIC_FIELDS, Platform, WeekMetrics

Status = Literal["new", "changed", "unchanged"]


PAIRED = ("messages_received", "messages_answered")
"""Checked together (answered ≤ received): taken together from the update when it carries either."""


def merge(base: WeekMetrics, update: WeekMetrics) -> WeekMetrics:
    """``base`` with every figure ``update`` carries (``None`` in ``update`` keeps the base's value)."""
    values = {name: getattr(update, name) for name in METRIC_FIELDS if getattr(update, name) is not None}
    if not values:
        return base
    if any(name in values for name in PAIRED):
        values.update({name: getattr(update, name) for name in PAIRED})
    return base.model_copy(update={**values, "source": update.source})


def diff(new: Sequence[WeekMetrics], stored: Sequence[WeekMetrics]) -> list[tuple[WeekMetrics, Status]]:
    """The rows to write and what each does to the store, sorted by week and platform.

    Imported rows are merged onto the stored row of their platform and week: figures a file does not carry
    (messages, mentions, a follower count still waiting for its baseline) keep their stored value. Several new
    rows for one platform and week (several files) are merged in order, later figures winning. A row whose
    figures equal the stored ones is returned as stored, so upserting it counts as unchanged.
    """
    incoming: dict[tuple[str, str], WeekMetrics] = {}
    for row in new:
        key = (row.platform.value, row.week)
        incoming[key] = merge(incoming[key], row) if key in incoming else row
    before = {(row.platform.value, row.week): row for row in stored}
    order = list(Platform)
    result: list[tuple[WeekMetrics, Status]] = []
    for key in sorted(incoming, key=lambda k: (k[1], order.index(Platform(k[0])))):
        row, old = incoming[key], before.get(key)
        if old is None:
            result.append((row, "new"))
            continue
        merged = merge(old, row)
        same = all(getattr(merged, name) == getattr(old, name) for name in METRIC_FIELDS)
        result.append((old, "unchanged") if same else (merged, "changed"))
    return result


def suggest_baseline(platform: Platform, first_day: date, stored: Sequence[WeekMetrics]) -> int | None:
    """Followers at the end of the stored week before ``first_day``'s week, if logged: a baseline to propose."""
    week = periods.week_key(first_day - timedelta(days=first_day.weekday() + 1))
    row = next((r for r in stored if r.platform == platform and r.week == week), None)
    return row.followers if row else None
