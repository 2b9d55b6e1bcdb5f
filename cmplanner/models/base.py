"""What every record shares: the base model, ids and clocks, and the field types that carry their own rules.

A leaf: imports nothing of cmplanner but ``periods``, so any module can use these types without a cycle.
Field names double as i18n keys (``field.<name>``) so validation messages can name the field in the user's
language; see ``cmplanner.i18n.explain``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from cmplanner import periods


def new_id() -> str:
    return uuid.uuid4().hex


def now() -> datetime:
    return datetime.now(UTC)


class Record(BaseModel):
    """A stored record: text trimmed, unknown keys ignored, assignments validated."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore", validate_assignment=True)


class Row(BaseModel):
    """A stored record that is never changed in place (a table row): frozen, so a cached read cannot be altered."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore", frozen=True)


def _check(parse: object, kind: str, example: str) -> AfterValidator:
    def check(value: str) -> str:
        try:
            parse(value)  # type: ignore[operator]
        except ValueError:
            raise PydanticCustomError(f"{kind}_format", f"expected {example}") from None
        return value

    return AfterValidator(check)


IsoWeek = Annotated[str, _check(periods.parse_week, "week", "an ISO week such as 2026-W47")]
Quarter = Annotated[str, _check(periods.parse_quarter, "quarter", "a quarter such as 2026-Q4")]
Month = Annotated[str, _check(periods.parse_month, "month", "a month such as 2026-11")]

Name = Annotated[str, Field(min_length=1, max_length=80)]
Text = Annotated[str, Field(max_length=2000)]
ShortText = Annotated[str, Field(max_length=120)]
Count = Annotated[int | None, Field(ge=0)]
