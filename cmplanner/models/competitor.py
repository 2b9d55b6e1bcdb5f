"""Competitors: who they are (part of the strategy) and what their public profiles showed in one ISO week.

What anyone can see on a public profile is followers, posts and the likes and comments under those posts, so
that is all a competitor week holds (DOMAIN.md, "Competitors"); a note says what stood out that week.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from cmplanner.models.base import Count, IsoWeek, Name, Record, Row, ShortText, Text, new_id
from cmplanner.models.choices import Platform

Note = Annotated[str, Field(max_length=280)]
"""A week's note ("launched a loyalty card"): a table cell, so a post's length at most."""

COMPETITOR_FIELDS: tuple[str, ...] = ("followers", "posts", "likes", "comments")
"""The figures of a competitor week, in the order an editor shows them."""


class Competitor(Record):
    """A competitor the strategy keeps an eye on (seed 004: what they post, their statistics).

    ``handles`` holds the account per platform (``@bakkerijvanderlinden`` or a profile address); the platforms
    it names are the ones whose figures are logged. ``watch`` says what to look out for.
    """

    id: str = Field(default_factory=new_id)
    name: Name
    website: ShortText = ""
    handles: dict[Platform, ShortText] = {}
    watch: Text = ""

    @field_validator("website")
    @classmethod
    def _website(cls, value: str) -> str:
        if any(ch.isspace() for ch in value):
            raise PydanticCustomError("website_format", "a web address has no spaces")
        return value

    @property
    def platforms(self) -> list[Platform]:
        """The platforms this competitor is followed on, in the usual platform order."""
        return [platform for platform in Platform if platform in self.handles]


class CompetitorWeek(Row):
    """One competitor's public figures on one platform for one ISO week. ``None`` means not logged."""

    competitor: Annotated[str, Field(min_length=1)]
    platform: Platform
    week: IsoWeek
    followers: Count = None
    posts: Count = None
    likes: Count = None
    comments: Count = None
    note: Note = ""
    source: ShortText = "manual"

    @property
    def key(self) -> tuple[str, Platform, str]:
        """What identifies the row in its table: (competitor, platform, week)."""
        return self.competitor, self.platform, self.week
