"""TikTok Studio: Overview and FollowerHistory (in the zip download or alone), and the content export (?).

Dates have no year (``September 25``); the year comes from the export date (see ``dates.resolve_years``).
"""

from __future__ import annotations

from cmplanner.importers.spec import Shape
from cmplanner.models import Platform

OVERVIEW = Shape(
    name="tiktok_overview",
    platform=Platform.TIKTOK,
    kind="days",
    required=("date", "video_views", "profile_views"),
    date=("date",),
    fields={
        "video_views": ("video_views",),
        "reactions": ("likes",),
        "comments": ("comments",),
        "shares": ("shares",),
    },
    priority=3,
)

FOLLOWER_HISTORY = Shape(
    name="tiktok_follower_history",
    platform=Platform.TIKTOK,
    kind="days",
    required=("date", "followers", "follower_difference"),
    date=("date",),
    fields={"followers": ("followers",)},  # the cumulative total
    priority=3,
)

CONTENT = Shape(
    name="tiktok_content",
    platform=Platform.TIKTOK,
    kind="posts",
    required=("post_time", "total_views", ("video_link", "video_title")),
    date=("post_time",),
    key="video_link",
    fields={
        "video_views": ("total_views",),
        "reactions": ("total_likes",),
        "comments": ("total_comments",),
        "shares": ("total_shares",),
    },
)

SHAPES: tuple[Shape, ...] = (OVERVIEW, FOLLOWER_HISTORY, CONTENT)
