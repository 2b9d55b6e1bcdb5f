"""What an import does: posts merged with the posts already known, the weeks they cover added up again from all
of them, and each week combined with its daily and hand-entered figures by one rule (:func:`combine_week`).

The week rule. A week's post count and post sums (reactions, comments, shares, saves, clicks) come from the
posts: the count of the posts known for the week and the sum of their latest lifetime figures, because the
per-post KPIs (applause, conversation and amplification rate) divide exactly these by the post count. The
account-level figures (followers, reach, impressions, video views) come from a daily series or a hand entry
when the week has one: they count what happened on the account that week, while a sum of post figures counts
a person once per post and credits later views to the week of publication. Post sums fill an account-level
figure only when nothing else gives it. A stored figure counts as coming from posts, and follows them, when it
equals what the stored posts add up to, or when the week was last written by a post export alone.

Pure: the page and the command both call :func:`plan`; nothing here reads or writes the store.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from cmplanner.importers.preview import Status, diff, merge
from cmplanner.models import METRIC_FIELDS, Platform, Post, WeekMetrics
from cmplanner.posts import PostMerge, Posts, as_posts, concat, merge_posts, weeks_from_posts

if TYPE_CHECKING:
    from cmplanner.importers.reader import Parsed

POST_FIELDS: tuple[str, ...] = ("posts", "reactions", "comments", "shares", "saves", "clicks")
"""Posts win: the count and the sums of what people did with the posts."""
ACCOUNT_FIELDS: tuple[str, ...] = ("followers", "impressions", "reach", "video_views")
"""A daily series or a hand entry wins: what happened on the account that week."""

Key = tuple[Platform, str]


def combine_week(
    from_posts: WeekMetrics | None, other: WeekMetrics | None, follows_posts: Collection[str] = ()
) -> WeekMetrics | None:
    """One week from its post-derived figures and its other figures (stored, hand-entered, daily series), by
    the week rule (see the module). ``follows_posts``: fields of ``other`` known to come from posts, which give
    way to ``from_posts``. The source is the posts' unless an account-level figure of ``other`` was kept
    against the posts' own: then ``other``'s, so a later import still sees that figure as not from posts.
    """
    if from_posts is None or other is None:
        return from_posts or other
    values: dict[str, object] = {}
    kept = False
    for name in METRIC_FIELDS:
        mine, theirs = getattr(from_posts, name), getattr(other, name)
        if name in POST_FIELDS:
            values[name] = mine if mine is not None else theirs
        elif name in ACCOUNT_FIELDS:
            if theirs is not None and name not in follows_posts:
                values[name] = theirs
                kept = kept or (mine is not None and mine != theirs)
            else:
                values[name] = mine if mine is not None else theirs
        else:
            values[name] = theirs
    source = other.source if kept else from_posts.source
    return other.model_copy(update={**values, "source": source})


@cache
def _post_shapes() -> frozenset[str]:
    from cmplanner.importers.shapes import known

    return frozenset(shape.name for shape in known() if shape.kind == "posts")


def written_by_posts(row: WeekMetrics) -> bool:
    """Whether a stored week was last written by post exports alone (``import:meta_posts_facebook``)."""
    if not row.source.startswith("import:"):
        return False
    names = row.source.removeprefix("import:").split("+")
    return all(name in _post_shapes() for name in names)


def follows_posts(
    stored: WeekMetrics | None, old: WeekMetrics | None, series: WeekMetrics | None
) -> set[str]:
    """The account-level figures of a stored week that came from posts (so the posts may replace them)."""
    if stored is None:
        return set()
    found = set()
    for name in ACCOUNT_FIELDS:
        value = getattr(stored, name)
        if value is None or (series is not None and getattr(series, name) is not None):
            continue
        if written_by_posts(stored) or (old is not None and getattr(old, name) == value):
            found.add(name)
    return found


@dataclass(frozen=True)
class Plan:
    """The weeks to write with their status (sorted by week and platform), and the posts to upsert."""

    weeks: list[tuple[WeekMetrics, Status]]
    posts: PostMerge


def _series(files: Sequence[Parsed]) -> dict[Key, WeekMetrics]:
    """The files' weekly figures from daily tables, later files winning for the figures they carry."""
    found: dict[Key, WeekMetrics] = {}
    for parsed in files:
        for row in parsed.series:
            key = (row.platform, row.week)
            found[key] = merge(found[key], row) if key in found else row
    return found


def _covers(files: Sequence[Parsed]) -> tuple[dict[Platform, set[str]], dict[Key, str]]:
    weeks: dict[Platform, set[str]] = {}
    sources: dict[Key, str] = {}
    for parsed in files:
        for platform, keys in parsed.covers.items():
            weeks.setdefault(platform, set()).update(keys)
            sources.update({(platform, week): parsed.source for week in keys})
    return weeks, sources


def week_rows(
    derived: Mapping[Key, WeekMetrics],
    series: Mapping[Key, WeekMetrics],
    stored: Mapping[Key, WeekMetrics],
    old: Mapping[Key, WeekMetrics],
) -> list[WeekMetrics]:
    """Every week an import touches, by the week rule: posts derived, the upload's daily figures, the store."""
    rows = []
    for key in sorted(derived.keys() | series.keys(), key=lambda k: (k[1], list(Platform).index(k[0]))):
        before, daily = stored.get(key), series.get(key)
        other = merge(before, daily) if before and daily else before or daily
        row = combine_week(derived.get(key), other, follows_posts(before, old.get(key), daily))
        if row is not None:
            rows.append(row)
    return rows


def plan(
    files: Sequence[Parsed],
    stored_weeks: Sequence[WeekMetrics],
    stored_posts: Sequence[Post] | Posts = (),
) -> Plan:
    """What importing ``files`` (in this order) does to a strategy with these stored weeks and posts.

    The weeks a file's posts cover are added up from every post known afterwards (stored and new, newest export
    winning), so an export that starts on a Tuesday adds its posts to the week instead of replacing it.
    """
    known = as_posts(stored_posts)
    merged = merge_posts(known, concat(parsed.posts for parsed in files))
    covers, sources = _covers(files)
    derived = {
        (row.platform, row.week): row.model_copy(update={"source": sources[(row.platform, row.week)]})
        for row in weeks_from_posts(merged.posts, covers)
    }
    old = {(r.platform, r.week): r for r in weeks_from_posts(known, covers)} if len(known) else {}
    stored = {(row.platform, row.week): row for row in stored_weeks}
    rows = week_rows(derived, _series(files), stored, old)
    return Plan(diff(rows, stored_weeks), merged)


def file_rows(parsed_posts: Posts, covers: Mapping[Platform, Collection[str]], series: Sequence[WeekMetrics],
              source: str) -> list[WeekMetrics]:  # fmt: skip
    """One file's own weekly rows (nothing stored): its posts' weeks combined with its daily figures."""
    derived = {(r.platform, r.week): r for r in weeks_from_posts(parsed_posts, covers, source=source)}
    daily = {(r.platform, r.week): r for r in series}
    return week_rows(derived, daily, {}, {})
