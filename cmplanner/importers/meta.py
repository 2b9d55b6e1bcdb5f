"""Meta Business Suite (Facebook, Instagram): post exports, daily series, and the legacy Page Insights exports."""

from __future__ import annotations

from dataclasses import replace

from cmplanner.importers import aliases
from cmplanner.importers.problems import ImportProblem
from cmplanner.importers.spec import FOLLOWER_CHANGE, Shape
from cmplanner.models import Platform

REACH_SUMMED = "import.note.reach_summed"

POSTS_FACEBOOK = Shape(
    name="meta_posts_facebook",
    platform=Platform.FACEBOOK,
    kind="posts",
    required=("publish_time", ("page_id", "page_name", "reactions_comments_shares")),
    date=("publish_time",),
    key="post_id",
    fields={
        "impressions": ("impressions", "views"),
        "reach": ("reach", "viewers"),
        "reactions": ("reactions", "likes"),
        "comments": ("comments",),
        "shares": ("shares",),
        "clicks": ("total_clicks", "link_clicks"),
        "video_views": ("views", "reels_plays"),
    },
    notes=(REACH_SUMMED,),
    texts={"permalink": ("permalink",), "text": ("description", "title"), "format": ("post_type",)},
)

POSTS_INSTAGRAM = Shape(
    name="meta_posts_instagram",
    platform=Platform.INSTAGRAM,
    kind="posts",
    required=("publish_time", ("account_id", "account_username")),
    date=("publish_time",),
    key="post_id",
    fields={
        "impressions": ("views", "impressions"),
        "reach": ("reach", "viewers"),
        "reactions": ("likes", "reactions"),
        "comments": ("comments",),
        "shares": ("shares",),
        "saves": ("saves",),
    },
    notes=(REACH_SUMMED,),
    texts={"permalink": ("permalink",), "text": ("description", "title"), "format": ("post_type",)},
)


def _daily_series(shape: Shape, title: str, label: str) -> Shape:
    """The metric and platform of a daily series, from its title line (``"Facebook follows"``)."""
    key = aliases.norm(title)
    platform = None
    for prefix, name in aliases.meta_platforms().items():
        if key.startswith(prefix):
            platform, key = Platform(name), key[len(prefix) :]
            break
    titles = aliases.meta_titles()
    if key not in titles:
        raise ImportProblem("import.meta_series_unknown", name=label, title=title or "?")
    field = titles[key]
    if field is None:
        raise ImportProblem("import.meta_series_unsupported", name=label, title=title)
    notes = {FOLLOWER_CHANGE: ("import.note.gross_follows",), "reach": ("import.note.reach_days",)}.get(
        field, ()
    )
    return replace(
        shape,
        platform=platform,
        platform_fixed=platform is not None,
        fields={field: ("primary",)},
        notes=notes,
    )


DAILY = Shape(
    name="meta_daily",
    platform=None,
    kind="days",
    required=("date", "primary"),
    date=("date",),
    fields={},
    priority=3,
    zero_days_omitted=True,
    platform_fixed=False,
    refine=_daily_series,
)

INSIGHTS_POSTS = Shape(
    name="facebook_insights_posts",
    platform=Platform.FACEBOOK,
    kind="posts",
    required=("post_id", "posted", ("lifetime_post_total_reach", "lifetime_post_total_impressions")),
    date=("posted",),
    key="post_id",
    fields={
        "impressions": ("lifetime_post_total_impressions",),
        "reach": ("lifetime_post_total_reach",),
        "reactions": ("lifetime_post_likes",),
        "comments": ("lifetime_post_comments",),
        "shares": ("lifetime_post_shares",),
        "clicks": ("lifetime_post_link_clicks",),
    },
    notes=(REACH_SUMMED,),
    texts={"permalink": ("permalink",), "text": ("description",), "format": ("post_type",)},
)

INSIGHTS_PAGE = Shape(
    name="facebook_insights_page",
    platform=Platform.FACEBOOK,
    kind="days",
    required=("date", "lifetime_total_likes"),
    date=("date",),
    fields={
        "followers": ("lifetime_total_likes",),
        "impressions": ("daily_total_impressions",),
        "reach": ("daily_total_reach",),
    },
    priority=3,
    notes=("import.note.reach_days",),
)

SHAPES: tuple[Shape, ...] = (POSTS_FACEBOOK, POSTS_INSTAGRAM, DAILY, INSIGHTS_POSTS, INSIGHTS_PAGE)
