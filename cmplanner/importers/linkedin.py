"""LinkedIn company pages: the content workbook (sheets ``All posts`` and ``Metrics``) and the followers workbook.

The real files are BIFF ``.xls`` (newer ones ``.xlsx``) with a description in row 1 and the headers in row 2.
"""

from __future__ import annotations

from cmplanner.importers.spec import FOLLOWER_CHANGE, Shape
from cmplanner.models import Platform

CONTENT = Shape(
    name="linkedin_content",
    platform=Platform.LINKEDIN,
    kind="posts",
    required=("created_date", ("post_link", "post_title"), "impressions"),
    date=("created_date",),
    key="post_link",
    fields={
        "impressions": ("impressions",),
        "video_views": ("linkedin_views",),
        "clicks": ("clicks",),
        "reactions": ("likes",),
        "comments": ("comments",),
        "shares": ("reposts",),
    },
    texts={"permalink": ("post_link",), "text": ("post_title",), "format": ("content_type",)},
    variant="post_type",  # Organic, Sponsored, Total: a boosted post is listed once per audience
)

METRICS = Shape(
    name="linkedin_metrics",
    platform=Platform.LINKEDIN,
    kind="days",
    required=("date", "impressions_total"),
    date=("date",),
    fields={
        "impressions": ("impressions_total",),
        "clicks": ("clicks_total",),
        "reactions": ("reactions_total",),
        "comments": ("comments_total",),
        "shares": ("reposts_total",),
    },
    priority=3,
)

FOLLOWERS = Shape(
    name="linkedin_followers",
    platform=Platform.LINKEDIN,
    kind="days",
    required=("date", "total_followers", ("organic_followers", "sponsored_followers")),
    date=("date",),
    fields={FOLLOWER_CHANGE: ("total_followers",)},  # "Total followers" = new followers that day
    priority=3,
)

SHAPES: tuple[Shape, ...] = (CONTENT, METRICS, FOLLOWERS)
