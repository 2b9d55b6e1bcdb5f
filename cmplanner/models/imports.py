"""What an import remembers per strategy and platform: the generic import's column mapping and a follower baseline."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from cmplanner.models.base import Row
from cmplanner.models.choices import Platform


class Baseline(Row):
    """Followers on the day before ``first_day`` (the first day of the file it was given for)."""

    followers: Annotated[int, Field(ge=0)]
    first_day: date


class ImportMemory(Row):
    """One platform's remembered mapping (column header → target field) and baseline; ``None``: not remembered."""

    platform: Platform
    mapping: dict[str, str] | None = None
    baseline: Baseline | None = None
