"""Which imported post is which planned post, once it is published.

Two ways, in this order:

1. **Permalink**: a planned post whose link for a platform holds the published post's permalink (pasted by the
   user) but no post id yet gets the imported post with that exact permalink (spaces and a trailing ``/`` aside).
2. **Platform and time**: a planned post with no link yet for a platform gets the imported post on that platform
   published closest to its planned time, within ``window`` (default ``WINDOW``). Closest pairs are taken first,
   and each imported post and each (planned post, platform) is used once.

Imported posts already linked to a planned post, and skipped planned posts, take no part. Imported times with a
time zone are turned into local wall-clock time first (``tz``; default: this computer's zone), because planned
times are local. :func:`apply_matches` writes the links into the planned posts; a post that has a link for each
of its platforms is published.

Any record with ``platform``, ``post_id``, ``published_at`` and ``permalink`` can be matched (:class:`ImportedPost`);
the imported posts' own model is another module's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Literal, Protocol

from cmplanner.calendar.status import updated
from cmplanner.models import PlannedPost, Platform, PostLink, PostStatus

WINDOW = timedelta(hours=3)
"""How far from its planned time a post may have gone out and still be matched by time."""


class ImportedPost(Protocol):
    """What matching needs of an imported post."""

    @property
    def platform(self) -> Platform | str: ...

    @property
    def post_id(self) -> str: ...

    @property
    def published_at(self) -> datetime: ...

    @property
    def permalink(self) -> str | None: ...


@dataclass(frozen=True)
class Match:
    planned_id: str
    platform: Platform
    post_id: str
    permalink: str
    published_at: datetime
    """Local wall-clock time."""
    by: Literal["permalink", "time"]
    minutes_off: int
    """How far from the planned time it went out (0 for a permalink match on time)."""


def local_time(moment: datetime, tz: tzinfo | None = None) -> datetime:
    """``moment`` as local wall-clock time without a zone (a naive time is taken as local already)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(tz).replace(tzinfo=None)


def same_permalink(a: str | None, b: str | None) -> bool:
    def norm(url: str | None) -> str:
        return (url or "").strip().rstrip("/")

    return bool(norm(a)) and norm(a) == norm(b)


def _key(platform: Platform | str, post_id: str) -> tuple[Platform, str]:
    return Platform(platform), post_id


def match_published(
    planned: Sequence[PlannedPost],
    imported: Sequence[ImportedPost],
    window: timedelta = WINDOW,
    tz: tzinfo | None = None,
) -> list[Match]:
    """Matches between ``planned`` posts and ``imported`` ones; see the module docstring for the rules."""
    linked = {_key(link.platform, link.post_id) for post in planned for link in post.links if link.post_id}
    free = {_key(item.platform, item.post_id): item for item in imported}
    free = {key: item for key, item in free.items() if key not in linked}
    active = [post for post in planned if post.status != PostStatus.SKIPPED]
    matches: list[Match] = []
    used: set[tuple[Platform, str]] = set()

    def take(
        post: PlannedPost, key: tuple[Platform, str], item: ImportedPost, by: Literal["permalink", "time"]
    ) -> None:
        when = local_time(item.published_at, tz)
        minutes = round(abs((when - post.planned_at).total_seconds()) / 60)
        matches.append(Match(post.id, key[0], key[1], item.permalink or "", when, by, minutes))
        used.add(key)

    for post in active:
        for link in post.links:
            if link.post_id or not link.permalink:
                continue
            found = next(
                (
                    (key, item)
                    for key, item in free.items()
                    if key[0] == link.platform
                    and key not in used
                    and same_permalink(item.permalink, link.permalink)
                ),
                None,
            )
            if found:
                take(post, found[0], found[1], "permalink")

    pairs = []
    for post in active:
        for platform in post.platforms:
            if post.link_for(platform) is not None:
                continue
            for key, item in free.items():
                if key[0] != platform or key in used:
                    continue
                off = abs(local_time(item.published_at, tz) - post.planned_at)
                if off <= window:
                    pairs.append((off, post.planned_at, post.id, platform, key))
    by_id = {post.id: post for post in active}
    claimed: set[tuple[str, Platform]] = set()
    for _, _, post_id, platform, key in sorted(pairs, key=lambda pair: pair[:4]):
        if key in used or (post_id, platform) in claimed:
            continue
        claimed.add((post_id, platform))
        take(by_id[post_id], key, free[key], "time")
    return matches


def apply_matches(
    planned: Sequence[PlannedPost], matches: Sequence[Match], when: datetime | None = None
) -> list[PlannedPost]:
    """The planned posts that ``matches`` change, with their links set; a post linked on every platform is published."""
    per_post: dict[str, list[Match]] = {}
    for match in matches:
        per_post.setdefault(match.planned_id, []).append(match)
    changed = []
    for post in planned:
        found = per_post.get(post.id)
        if not found:
            continue
        links = {link.platform: link for link in post.links}
        for match in found:
            previous = links.get(match.platform)
            permalink = match.permalink or (previous.permalink if previous else "")
            links[match.platform] = PostLink(
                platform=match.platform, post_id=match.post_id, permalink=permalink
            )
        ordered = [links[p] for p in post.platforms if p in links]
        status = PostStatus.PUBLISHED if len(ordered) == len(post.platforms) else post.status
        changed.append(updated(post, when, links=ordered, status=status))
    return changed
