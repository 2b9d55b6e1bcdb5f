"""The walk's draft: what was typed in the walk and not yet applied to the strategy."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from cmplanner.models.base import Record


class Draft(Record):
    """Raw widget values (``w.<field>`` → value) and the strategy version the draft was started from.

    When the strategy changed after ``based_on`` in a field the walk edits, the draft is stale: the walk starts
    from the stored strategy instead.
    """

    based_on: int = 0
    values: dict[str, Any] = Field(default_factory=dict)
