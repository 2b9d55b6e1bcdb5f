"""A content pillar: a theme the posts return to, with the share of the posts it should get (part of the strategy)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from cmplanner.models.base import Name, Record, Text, new_id


class ContentPillar(Record):
    """A theme the posts return to (e.g. "behind the scenes"), with the share of the posts it should get."""

    id: str = Field(default_factory=new_id)
    name: Name
    covers: Text = ""
    """What the pillar is about, in a sentence or two."""
    share: Annotated[float, Field(ge=0, le=100)] = 0.0
    """Percent of the posts."""
