"""Which posts worked (seed 004: "analyse what worked"): a month's best and weakest imported posts per platform by a
KPI the user picks, and what each group has in common (format, weekday, time of day).

A post's KPI is the catalogue's formula (``kpis.value``) over the post's own lifetime figures, as if the post were a
period with one post in it: engagement rate by reach = (reactions + comments + shares, + saves on Instagram) ÷ reach.
A month holds the posts published in its ISO weeks (a week belongs to the month of its Thursday, as the monthly
review's figures do). Pure: no store, no Streamlit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from cmplanner import kpis, periods
from cmplanner.models import POST_METRICS, PlannedPost, Platform, Post, PostStatus

POST_KPIS: tuple[str, ...] = (
    "engagement_rate_reach",
    "engagement_rate_impressions",
    "engagements",
    "reach",
    "impressions",
    "clicks",
    "click_through_rate",
    "virality_rate",
    "video_views",
)
"""KPIs that can be computed for one post (those that need followers or weeks cannot)."""
DEFAULT_KPI = "engagement_rate_reach"
TOP = 3
"""Posts in each group: the best and the weakest three (fewer when the month has fewer than six)."""
HOURS: tuple[tuple[str, int, int], ...] = (
    ("night", 0, 6),
    ("morning", 6, 12),
    ("afternoon", 12, 18),
    ("evening", 18, 24),
)
"""Times of day (start hour inclusive, end hour exclusive)."""


def post_value(post: Post, kpi: str) -> float | None:
    """The KPI for one post (None when a figure it needs is not in the export, or a divisor is 0)."""
    totals: dict[str, float | None] = {name: getattr(post, name) for name in POST_METRICS}
    totals["posts"] = 1
    return kpis.value(kpi, totals, post.platform.value)


def time_of_day(post: Post) -> str:
    hour = post.published_at.hour
    return next(name for name, start, end in HOURS if start <= hour < end)


@dataclass(frozen=True)
class Ranked:
    post: Post
    value: float


@dataclass(frozen=True)
class Shared:
    """What most posts of a group have in common (None where they do not agree)."""

    format: str | None = None
    weekday: int | None = None
    """0 = Monday."""
    time: str | None = None
    """``morning`` … (see :data:`HOURS`)."""

    @property
    def anything(self) -> bool:
        return any(value is not None for value in (self.format, self.weekday, self.time))


def _most(values: Iterable[object]) -> object | None:
    """The value more than half of the posts share, if any."""
    found = list(values)
    if not found:
        return None
    value, count = Counter(found).most_common(1)[0]
    return value if count * 2 > len(found) and value is not None else None


def shared(posts: Sequence[Post]) -> Shared:
    if len(posts) < 2:
        return Shared()
    fmt = _most(p.format.value if p.format else None for p in posts)
    weekday = _most(p.published_at.weekday() for p in posts)
    time = _most(time_of_day(p) for p in posts)
    return Shared(
        format=str(fmt) if fmt is not None else None,
        weekday=int(weekday) if isinstance(weekday, int) else None,
        time=str(time) if time is not None else None,
    )


@dataclass(frozen=True)
class PlatformPosts:
    """One platform's posts of the month, ranked by the KPI."""

    platform: Platform
    kpi: str
    posts: int
    """Posts of the month on this platform."""
    ranked: int
    """Of those, the posts the KPI could be computed for."""
    best: list[Ranked]
    weakest: list[Ranked]

    @property
    def best_share(self) -> Shared:
        return shared([r.post for r in self.best])

    @property
    def weakest_share(self) -> Shared:
        return shared([r.post for r in self.weakest])


def in_month(posts: Iterable[Post], month: str) -> list[Post]:
    """The posts published in the ISO weeks of ``month`` (``2026-11``)."""
    weeks = set(periods.month_weeks(month))
    return [p for p in posts if periods.week_key(p.published_at.date()) in weeks]


def which_worked(
    posts: Iterable[Post],
    month: str,
    kpi: str = DEFAULT_KPI,
    platforms: Sequence[Platform] = (),
    top: int = TOP,
) -> list[PlatformPosts]:
    """Per platform (``platforms`` first, in their order, then any other with posts): the month's best and weakest
    posts by ``kpi``, highest first for the best and lowest first for the weakest (ties: the earlier post first).

    The two groups never share a post: with n ranked posts each holds at most ``n // 2`` (the best one post when
    there is only one)."""
    if kpi not in POST_KPIS:
        raise ValueError(f"{kpi} cannot be computed for one post")
    month_posts = in_month(posts, month)
    order = list(
        dict.fromkeys([*platforms, *sorted({p.platform for p in month_posts}, key=list(Platform).index)])
    )
    better: Callable[[float], float] = (lambda v: -v) if kpis.KPIS[kpi].higher_is_better else (lambda v: v)
    result = []
    for platform in order:
        mine = [p for p in month_posts if p.platform == platform]
        if not mine:
            continue
        values = [(p, post_value(p, kpi)) for p in mine]
        ranked = sorted(
            (Ranked(p, v) for p, v in values if v is not None),
            key=lambda r: (better(r.value), r.post.published_at),
        )
        size = min(top, len(ranked) // 2) if len(ranked) > 1 else len(ranked)
        weakest = sorted(ranked[len(ranked) - size :], key=lambda r: (-better(r.value), r.post.published_at))
        best = ranked[:size] if len(ranked) > 1 else ranked
        result.append(
            PlatformPosts(platform, kpi, len(mine), len(ranked), best, weakest if len(ranked) > 1 else [])
        )
    return result


def share_text(share: Shared, lang: str) -> str:
    """``Carousels · on Saturday · in the morning`` (what a group has in common), or an empty text."""
    from babel.dates import get_day_names

    from cmplanner import i18n

    parts = []
    if share.format is not None:
        parts.append(i18n.t(f"format.{share.format}", lang))
    if share.weekday is not None:
        day = get_day_names("wide", locale=i18n.LOCALES[lang])[share.weekday]
        parts.append(i18n.t("posts.on_day", lang, day=day))
    if share.time is not None:
        parts.append(i18n.t(f"posts.time.{share.time}", lang))
    return " · ".join(parts)


@dataclass(frozen=True)
class PlanCount:
    """One platform's month in the calendar: posts planned (not skipped), published, and measured (linked to an
    imported post, so their figures are known)."""

    platform: Platform
    planned: int
    published: int
    measured: int


def planned_published_measured(
    platforms: Sequence[Platform], planned: Sequence[PlannedPost], imported: Iterable[Post], month: str
) -> list[PlanCount]:
    """Per platform of the plan, the calendar month's planned, published and measured posts (none: no row)."""
    from cmplanner.calendar.mix import month_posts

    known = {(p.platform, p.post_id) for p in imported}
    chosen = month_posts(planned, month)
    result = []
    for platform in platforms:
        mine = [post for post in chosen if platform in post.platforms]
        if not mine:
            continue
        out = [post for post in mine if post.status == PostStatus.PUBLISHED]
        measured = [
            post
            for post in out
            if (link := post.link_for(platform)) is not None and (platform, link.post_id) in known
        ]
        result.append(PlanCount(platform, len(mine), len(out), len(measured)))
    return result
