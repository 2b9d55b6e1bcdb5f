"""YouTube Studio (Advanced mode → Export): ``Table data.csv`` per video, ``Chart data.csv`` per day and video,
``Totals.csv`` per day for the channel — in the zip download or alone. The ``Total`` row is dropped.
"""

from __future__ import annotations

from cmplanner.importers.spec import FOLLOWER_CHANGE, Shape
from cmplanner.models import Platform

TABLE = Shape(
    name="youtube_table",
    platform=Platform.YOUTUBE,
    kind="posts",
    required=("content", "video_publish_time"),
    date=("video_publish_time",),
    key="content",
    fields={
        "video_views": ("views",),
        "impressions": ("impressions",),
        "reactions": ("likes",),
        "comments": ("comments",),
        "shares": ("shares",),
    },
    texts={"text": ("video_title",)},
)

CHART = Shape(
    name="youtube_chart",
    platform=Platform.YOUTUBE,
    kind="days",
    required=("date", "content", "views"),
    date=("date",),
    key="content",
    fields={"video_views": ("views",)},
    priority=2,
)

TOTALS = Shape(
    name="youtube_totals",
    platform=Platform.YOUTUBE,
    kind="days",
    required=("date", ("views", "watch_time", "subscribers")),
    date=("date",),
    fields={
        "video_views": ("views",),
        "impressions": ("impressions",),
        "reactions": ("likes",),
        "comments": ("comments",),
        "shares": ("shares",),
        FOLLOWER_CHANGE: ("subscribers",),  # net subscribers gained that day
    },
    priority=3,
    platform_fixed=False,  # "Date, Views" could come from anywhere: the user may say otherwise
    allowed=frozenset(
        {
            "date",
            "views",
            "watch_time",
            "subscribers",
            "impressions",
            "impressions_ctr",
            "average_view_duration",
            "likes",
            "comments",
            "shares",
        }
    ),
)

SHAPES: tuple[Shape, ...] = (TABLE, CHART, TOTALS)
