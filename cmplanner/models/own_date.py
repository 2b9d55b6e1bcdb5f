"""One of the user's own dates (an event, a launch, a campaign period) that the calendar shows beside the public ones."""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from cmplanner.models.base import Name, Record, Text, new_id


class OwnDate(Record):
    """One of the user's own dates: a day (``end`` empty) or a period such as a campaign."""

    id: str = Field(default_factory=new_id)
    title: Name
    start: date
    end: date | None = None
    note: Text = ""

    @model_validator(mode="after")
    def _order(self) -> OwnDate:
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError("end_before_start", "the end is before the start")
        return self

    @property
    def last(self) -> date:
        """The last day of the date or period."""
        return self.end or self.start
