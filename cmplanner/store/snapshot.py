"""A strategy file as one read saw it: every table validated, the version it had."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from pydantic import BaseModel

from cmplanner.models import Strategy, WeekMetrics
from cmplanner.store import changes, schema
from cmplanner.store.schema import METRICS, STRATEGY, Table

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Snapshot:
    """One version of a strategy file. Rows are frozen models; ``strategy`` hands out a copy to change."""

    version: int
    tables: Mapping[str, list[Any]] = field(repr=False)
    meta: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @property
    def strategy(self) -> Strategy:
        stored: Strategy = self.tables[STRATEGY.name][0]
        copy = stored.model_copy(deep=True)
        copy.version = self.version
        copy.mark_loaded(STRATEGY.dump(stored))
        return copy

    def changed_since(self, version: int, keys: Iterable[str]) -> changes.Clash | None:
        """What writes after ``version`` changed of ``keys`` (``strategy.goals``, ``metrics:*``, …), with the time of
        the last such write; None when nothing."""
        return changes.clash(self.meta, version, self.version, keys)

    @cached_property
    def weeks(self) -> list[WeekMetrics]:
        """The weekly metrics sorted by (week, platform), sorted once per version."""
        return sorted(self.tables.get(METRICS.name, []), key=lambda m: (m.week, m.platform.value))

    def rows(self, table: Table[M]) -> list[M]:
        return list(self.tables.get(table.name, []))

    def one(self, table: Table[M]) -> M | None:
        rows = self.tables.get(table.name) or []
        return rows[0] if rows else None


def load(data: dict[str, Any]) -> Snapshot:
    """A file dict (shape-checked, migrated) validated into a snapshot; ``schema.BadRecord`` names what is wrong."""
    tables = schema.validate(data)
    return Snapshot(schema.version_of(data), tables, schema.meta(data))
