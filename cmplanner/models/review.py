"""What the user writes in a monthly or quarterly review (seed 004: analyse, decide, revise)."""

from __future__ import annotations

import calendar
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from cmplanner import periods
from cmplanner.models.base import Row, new_id, now

Kind = Literal["month", "quarter"]
ReviewText = Annotated[str, Field(max_length=5000)]


def period_end(kind: Kind, period: str) -> date:
    """The last calendar day of a month (``2026-11``) or quarter (``2026-Q4``)."""
    if kind == "month":
        year, month = periods.parse_month(period)
    else:
        year, q = periods.parse_quarter(period)
        month = 3 * q
    return date(year, month, calendar.monthrange(year, month)[1])


class Review(Row):
    """One review per kind and period (``month`` / ``2026-11``, ``quarter`` / ``2026-Q4``)."""

    id: str = Field(default_factory=new_id)
    kind: Kind
    period: str
    """``2026-11`` for a month, ``2026-Q4`` for a quarter."""
    went_well: ReviewText = ""
    went_badly: ReviewText = ""
    decisions: ReviewText = ""
    notes: ReviewText = ""
    """For a quarter: notes on the revised strategy."""
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)

    @field_validator("period")
    @classmethod
    def _period(cls, v: str, info: ValidationInfo) -> str:
        try:
            if info.data.get("kind") == "quarter":
                periods.parse_quarter(v)
            else:
                periods.parse_month(v)
        except ValueError:
            raise PydanticCustomError(
                "period_format", "expected a month such as 2026-11 or a quarter such as 2026-Q4"
            ) from None
        return v

    @property
    def end(self) -> date:
        """The last day of the period (calendar month or calendar quarter)."""
        return period_end(self.kind, self.period)

    @property
    def is_empty(self) -> bool:
        return not (self.went_well or self.went_badly or self.decisions or self.notes)
