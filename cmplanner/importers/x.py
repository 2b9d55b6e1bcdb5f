"""X (Twitter): the content export, the daily account overview and the legacy tweet activity export. X has no reach."""

from __future__ import annotations

from cmplanner.importers.spec import FOLLOWER_CHANGE, Shape
from cmplanner.models import Platform

CONTENT = Shape(
    name="x_content",
    platform=Platform.X,
    kind="posts",
    required=("post_id", "date", ("post_text", "post_link"), "impressions"),
    date=("date",),
    key="post_id",
    fields={
        "impressions": ("impressions",),
        "reactions": ("likes",),
        "comments": ("replies",),
        "shares": (("reposts", "shares"), "reposts"),
        "saves": ("bookmarks",),
        "clicks": ("url_clicks",),
    },
    texts={"permalink": ("post_link",), "text": ("post_text",)},
)

OVERVIEW = Shape(
    name="x_overview",
    platform=Platform.X,
    kind="days",
    required=("date", "create_post", ("new_follows", "unfollows")),
    date=("date",),
    fields={
        "posts": ("create_post",),
        "impressions": ("impressions",),
        "reactions": ("likes",),
        "comments": ("replies",),
        "shares": (("reposts", "shares"), "reposts"),
        "saves": ("bookmarks",),
        "video_views": ("video_views",),
        FOLLOWER_CHANGE: (("new_follows", "-unfollows"),),
    },
    priority=3,
)

TWEET_ACTIVITY = Shape(
    name="x_tweet_activity",
    platform=Platform.X,
    kind="posts",
    required=("tweet_id", "time", "impressions"),
    date=("time",),
    key="tweet_id",
    fields={
        "impressions": ("impressions",),
        "reactions": ("likes",),
        "comments": ("replies",),
        "shares": ("retweets",),
        "clicks": ("url_clicks",),
    },
    texts={"permalink": ("permalink",), "text": ("post_text",)},
)

SHAPES: tuple[Shape, ...] = (CONTENT, OVERVIEW, TWEET_ACTIVITY)
