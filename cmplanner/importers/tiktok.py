"""TikTok Studio: the overview (older and newer), follower history, audience and the per-video lists, in the zip
download or alone.

Older files write days without a year (``September 25``, ``8 de marzo``); the year comes from the file name, the
videos' ids, or the export date (see ``years``). Newer ones write ``2025/10/31``.
"""

from __future__ import annotations

from cmplanner.importers.spec import FOLLOWER_CHANGE, Shape
from cmplanner.models import Platform

OVERVIEW = Shape(
    name="tiktok_overview",
    platform=Platform.TIKTOK,
    kind="days",
    required=("date", "video_views", "profile_views"),
    date=("date",),
    fields={
        "video_views": ("video_views",),
        "reach": ("reached_audience",),  # newer files: people reached that day
        "reactions": ("likes",),
        "comments": ("comments",),  # below 0 on a day more comments were deleted than written
        "shares": ("shares",),
        FOLLOWER_CHANGE: ("net_growth", ("new_followers", "-lost_followers")),
    },
    priority=3,
    notes=("import.note.reach_days",),
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

AUDIENCE = Shape(
    name="tiktok_audience",
    platform=Platform.TIKTOK,
    kind="days",
    required=("date", "new_followers", "total_followers"),
    date=("date",),
    fields={
        "followers": ("total_followers",),  # here the cumulative total ("--" when TikTok does not know it)
        "reach": ("reached_audience",),
        FOLLOWER_CHANGE: (("new_followers", "-lost_followers"), "new_followers"),
    },
    priority=3,
    notes=("import.note.reach_days",),
)

CONTENT = Shape(
    name="tiktok_content",
    platform=Platform.TIKTOK,
    kind="posts",
    required=("post_time", ("total_views", "video_views"), ("video_link", "video_title")),
    date=("post_time",),
    key="video_link",
    fields={
        "video_views": ("total_views", "video_views"),
        "reactions": ("total_likes", "likes"),
        "comments": ("total_comments", "comments"),
        "shares": ("total_shares", "shares"),
        "saves": ("add_to_favorites",),
    },
    texts={"permalink": ("video_link",), "text": ("video_title",)},
    default_format="short_video",
    id_time=True,
)

SHAPES: tuple[Shape, ...] = (OVERVIEW, FOLLOWER_HISTORY, AUDIENCE, CONTENT)
