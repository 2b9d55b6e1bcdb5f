"""A post planned in the publication calendar (seed 004: "update the publication calendar").

One record is one piece of content: the same text and visual going out on one or more platforms. The client
approves it once, seed 000's questions are answered about it once, and it moves through one status; so a
post planned on three platforms is one record with three platforms, not three copies that drift apart.
When a platform needs its own text, :func:`cmplanner.calendar.edits.duplicate` makes a copy for it in one
action. What differs per platform is only what happened after publishing: each platform's published post is
its own imported record, so the links to them are kept per platform (:class:`PostLink`).

``planned_at`` is local wall-clock time without a time zone (the time the user means to post, wherever the
laptop is); matching with imported posts converts their times to local time first.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from cmplanner.models.base import Row, ShortText, Text, new_id, now
from cmplanner.models.choices import ContentFormat, Platform

PostText = Annotated[str, Field(max_length=5000)]
"""A caption: longer than most notes (LinkedIn allows 3,000 characters, Instagram 2,200)."""
Url = Annotated[str, Field(max_length=2000)]


class PostStatus(StrEnum):
    """Where a planned post stands: idea → draft → ready → published, or skipped."""

    IDEA = "idea"
    DRAFT = "draft"
    READY = "ready"
    PUBLISHED = "published"
    SKIPPED = "skipped"


class CheckAnswer(Row):
    """One of seed 000's questions for one post: answered (``yes``), or ``not_relevant`` with the reason why.

    ``note`` is the answer in a few words (optional) or, for ``not_relevant``, the reason (required).
    """

    answer: Literal["yes", "not_relevant"] = "yes"
    note: Text = ""

    @model_validator(mode="after")
    def _reason(self) -> CheckAnswer:
        if self.answer == "not_relevant" and not self.note:
            raise PydanticCustomError("reason_required", "say why the question is not relevant")
        return self


def _check_url(value: str) -> str:
    if value and not value.lower().startswith(("http://", "https://")):
        raise PydanticCustomError("link_format", "a web address starting with https://")
    return value


class PostLink(Row):
    """What a planned post became on one platform: the imported post's id, or its permalink until it is imported."""

    platform: Platform
    post_id: ShortText = ""
    permalink: Url = ""

    @field_validator("permalink")
    @classmethod
    def _permalink(cls, v: str) -> str:
        return _check_url(v)

    @model_validator(mode="after")
    def _something(self) -> PostLink:
        if not (self.post_id or self.permalink):
            raise PydanticCustomError("link_empty", "a post id or a permalink")
        return self


class PlannedPost(Row):
    """One planned post; see the module docstring for why one record covers all its platforms."""

    id: str = Field(default_factory=new_id)
    planned_at: datetime
    platforms: Annotated[list[Platform], Field(min_length=1)]
    format: ContentFormat = ContentFormat.PHOTO
    title: ShortText = ""
    """A working title for the calendar cell; the caption is ``text``."""
    text: PostText = ""
    link: Url = ""
    """The address the post points to (a web shop, an article), not the post's own permalink."""
    visual: Text = ""
    """What the photo or video shows, or where the file is: the media note."""
    pillar_id: str | None = None
    goal_id: str | None = None
    status: PostStatus = PostStatus.IDEA
    checks: dict[str, CheckAnswer] = {}
    """Seed 000's questions by id (``platforms.prepublish_check()``); a question not in here is unanswered."""
    links: list[PostLink] = []
    """At most one per platform, each for one of ``platforms``."""
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)

    @field_validator("planned_at")
    @classmethod
    def _local(cls, v: datetime) -> datetime:
        if v.tzinfo is not None:
            raise PydanticCustomError("naive_datetime", "a local date and time without a time zone")
        return v.replace(second=0, microsecond=0)

    @field_validator("platforms")
    @classmethod
    def _unique(cls, v: list[Platform]) -> list[Platform]:
        return list(dict.fromkeys(v))

    @field_validator("link")
    @classmethod
    def _link(cls, v: str) -> str:
        return _check_url(v)

    @model_validator(mode="after")
    def _links(self) -> PlannedPost:
        seen = [link.platform for link in self.links]
        if len(seen) != len(set(seen)) or not set(seen) <= set(self.platforms):
            raise PydanticCustomError("link_platform", "one link per platform of the post")
        return self

    def link_for(self, platform: Platform | str) -> PostLink | None:
        return next((link for link in self.links if link.platform == platform), None)

    @property
    def label(self) -> str:
        """The title, else the caption's first line: what a calendar cell or a file shows as the post's name."""
        first = self.text.strip().splitlines()[0] if self.text.strip() else ""
        return self.title or first[:120]
