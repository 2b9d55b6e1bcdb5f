"""The user's tuning of the generated checklists (saved with the strategy) and the ticks of done tasks."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import Field, field_validator

from cmplanner.models.base import Record, Row
from cmplanner.models.choices import Platform

Period = Literal["day", "week", "month", "quarter"]
PERIODS: tuple[Period, ...] = ("day", "week", "month", "quarter")
Minutes = Annotated[float, Field(ge=0, le=480)]
Times = Annotated[int, Field(ge=1, le=1000)]


class TaskOverride(Record):
    """The user's changes to one task; ``None`` keeps the generated value."""

    enabled: bool | None = None
    count: Times | None = None
    period: Period | None = None
    minutes: Minutes | None = None


def _custom_id() -> str:
    return f"custom.{uuid.uuid4().hex[:12]}"


class CustomTask(Record):
    """A task the user added, with their own label (not translated)."""

    id: str = Field(default_factory=_custom_id)
    label: Annotated[str, Field(min_length=1, max_length=120)]
    period: Period = "week"
    count: Times = 1
    minutes: Minutes = 15.0
    platform: str | None = None
    enabled: bool = True

    @field_validator("platform")
    @classmethod
    def _platform(cls, v: str | None) -> str | None:
        return None if v in (None, "") else Platform(v).value


class ChecklistSettings(Record):
    """Per-strategy tuning of the generated checklists."""

    overrides: dict[str, TaskOverride] = {}
    custom: list[CustomTask] = []

    def override(self, task_id: str) -> TaskOverride:
        return self.overrides.get(task_id) or TaskOverride()


class Tick(Row):
    """Units of one task done in one period (``2026-11-22``, ``2026-W47``, ``2026-11`` or ``2026-Q4``)."""

    task: Annotated[str, Field(min_length=1, max_length=200)]
    period_key: Annotated[str, Field(pattern=r"^\d{4}-(\d{2}-\d{2}|W\d{2}|\d{2}|Q[1-4])$")]
    done: Annotated[int, Field(ge=1, le=1000)]
