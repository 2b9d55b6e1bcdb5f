"""The sample bakery's imported posts: every post behind its logged weeks, so the monthly review can say which posts
worked, and the results of the December posts the calendar marks published. Pure: the demo command stores them.

Each logged week's posts share out that week's figures exactly (the posts of a week add up to the week), with a
pattern a reader can spot: Saturday-morning carousels do best, weekday-evening photos least.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from cmplanner import periods
from cmplanner.calendar.demo import DemoImportedPost
from cmplanner.models import ContentFormat, Platform, Post, WeekMetrics

FB, IG = Platform.FACEBOOK, Platform.INSTAGRAM
SLOTS: dict[Platform, tuple[tuple[int, time, ContentFormat, float, float], ...]] = {
    # (weekday, time, format, share of the week's engagement, share of its reach and impressions)
    IG: (
        (5, time(9, 15), ContentFormat.CAROUSEL, 0.52, 0.36),
        (3, time(12, 30), ContentFormat.SHORT_VIDEO, 0.30, 0.34),
        (1, time(19, 45), ContentFormat.PHOTO, 0.18, 0.30),
    ),
    FB: (
        (5, time(8, 45), ContentFormat.PHOTO, 0.65, 0.55),
        (2, time(20, 0), ContentFormat.LINK, 0.35, 0.45),
    ),
}
TEXTS = (
    "Zaterdag = krentenbollendag! Vers uit de oven vanaf 7 uur.",
    "Zo maken we ons zuurdesembrood: 36 uur geduld en een beetje liefde.",
    "Nieuw in de vitrine: appeltaart met kaneel van boer Jansen uit Houten.",
    "Om 5 uur 's ochtends begint Sanne met het eerste deeg. Achter de schermen bij De Korenschoof.",
    "Bestel je kerststol op tijd: via de website of in de winkel.",
    "Dank je wel, basisschool De Regenboog, voor de mooie tekeningen!",
    "Proef de nieuwe speltcroissant: zaterdag gratis bij je koffie.",
)
SITE = {IG: "https://www.instagram.com/p/", FB: "https://www.facebook.com/korenschoof/posts/"}
HISTORY_WEEKS = 9
"""Weeks of posts before the last logged one (two months: the review's month and the one before)."""


def _split(total: int | None, shares: Sequence[float]) -> list[int | None]:
    """``total`` shared out in whole numbers that add up to it exactly (the last share takes the rest)."""
    if total is None:
        return [None] * len(shares)
    weight = sum(shares)
    parts = [int(total * share / weight) for share in shares[:-1]]
    return [*parts, total - sum(parts)]


def _week_posts(row: WeekMetrics, exported: date, number: int) -> list[Post]:
    slots = SLOTS[row.platform][: row.posts or 0]
    if not slots:
        return []
    monday = periods.week_monday(row.week)
    engagement = [s[3] for s in slots]
    audience = [s[4] for s in slots]
    figures = {
        "reactions": _split(row.reactions, engagement),
        "comments": _split(row.comments, engagement),
        "shares": _split(row.shares, engagement),
        "saves": _split(row.saves, engagement),
        "clicks": _split(row.clicks, audience),
        "impressions": _split(row.impressions, audience),
        "reach": _split(row.reach, audience),
    }
    posts = []
    for n, (weekday, at, fmt, _, _) in enumerate(slots):
        post_id = f"{row.week.replace('-W', 'w')}{row.platform.value[:2]}{n}"
        posts.append(
            Post(
                platform=row.platform,
                post_id=post_id,
                published_at=datetime.combine(monday + timedelta(days=weekday), at),
                permalink=SITE[row.platform] + post_id,
                format=fmt,
                text=TEXTS[(number + n) % len(TEXTS)],
                source_file="demo-export.csv",
                exported_on=exported,
                **{name: values[n] for name, values in figures.items()},
            )
        )
    return posts


def logged_posts(rows: Sequence[WeekMetrics], today: date, taken: Sequence[Post] = ()) -> list[Post]:
    """The posts behind the last :data:`HISTORY_WEEKS` logged weeks of each platform (not the weeks that already
    hold ``taken`` posts: the calendar's published ones)."""
    busy = {periods.week_key(post.published_at.date()) for post in taken}
    weeks = [week for week in sorted({row.week for row in rows})[-HISTORY_WEEKS:] if week not in busy]
    chosen = [row for row in rows if row.week in weeks and row.platform in SLOTS]
    return [post for number, row in enumerate(chosen) for post in _week_posts(row, today, number)]


def published(imported: Sequence[DemoImportedPost], today: date) -> list[Post]:
    """The results of the calendar's published December posts (only those already out on ``today``)."""
    result = []
    for number, stand_in in enumerate(imported):
        if stand_in.published_at.date() > today:
            continue
        reach = 380 + 45 * (number % 4)
        result.append(
            Post(
                platform=stand_in.platform,
                post_id=stand_in.post_id,
                published_at=stand_in.published_at,
                permalink=stand_in.permalink,
                reach=reach,
                impressions=int(reach * 1.4),
                reactions=24 + 6 * (number % 3),
                comments=3 + number % 4,
                shares=1 + number % 2,
                saves=2 if stand_in.platform == IG else None,
                source_file="demo-export.csv",
                exported_on=today,
            )
        )
    return result
