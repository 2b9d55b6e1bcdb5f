"""One published post as a platform's export describes it: who, when, what, and its lifetime figures so far."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import Field

from cmplanner.models.base import Count, Row
from cmplanner.models.choices import ContentFormat, Platform

POST_ID_MAX = 200
TEXT_MAX = 280
"""How much of a post's text is kept: enough to recognise it, not a copy of the account."""

POST_METRICS: tuple[str, ...] = (
    "impressions",
    "reach",
    "reactions",
    "comments",
    "shares",
    "saves",
    "clicks",
    "video_views",
)
"""The lifetime figures a post carries; each is also a weekly-log field of the same name (summed per week)."""


class Post(Row):
    """An imported post, keyed by ``(platform, post_id)``.

    The figures are lifetime totals as of ``exported_on`` and keep growing after each export, so a post is
    upserted: the newest export wins. ``None`` means the export has no such column (not zero). ``published_at``
    is the time the export writes, in the account's own time zone as the platform shows it.
    """

    platform: Platform
    post_id: Annotated[str, Field(min_length=1, max_length=POST_ID_MAX)]
    published_at: datetime
    permalink: Annotated[str, Field(max_length=2000)] | None = None
    format: ContentFormat | None = None
    """The post type the export names, when it maps onto one of the strategy's content formats."""
    text: Annotated[str, Field(max_length=TEXT_MAX)] | None = None
    """The first 280 characters of the post's text, title or description."""
    impressions: Count = None
    reach: Count = None
    reactions: Count = None
    comments: Count = None
    shares: Count = None
    saves: Count = None
    clicks: Count = None
    video_views: Count = None
    source_file: Annotated[str, Field(min_length=1, max_length=300)]
    exported_on: date
