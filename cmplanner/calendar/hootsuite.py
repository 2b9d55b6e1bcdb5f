"""Bulk-scheduling files for Hootsuite's bulk composer (paid plans): one CSV per social profile.

The format, from Hootsuite's help page "Schedule posts in bulk" (https://help.hootsuite.com/s/article/bulk-schedule),
as users describe it consistently (e.g. https://kim-iverson-headlee.blogspot.com/2016/08/the-business-of-writing-using-hootsuite.html,
http://jycalcano.blogspot.com/2015/07/post-8-hootsuite-bulk-messaging.html, http://gussetbeard.com/bulk-update-algo/):

- a CSV without a header row, three columns: A the date and time, B the message, C an optional link;
- the date and time in the format chosen on upload, ``dd/mm/yyyy hh:mm`` or ``mm/dd/yyyy hh:mm``, 24-hour clock;
- at most 350 messages a file;
- times on 5-minute steps (ending in 0 or 5), at least 10 minutes after the upload, one message per time slot;
- the social profile is chosen on upload, so one file per profile.

What this module does with a plan that does not fit: posts not in the chosen statuses (default: ready) are left
out; a post too close to ``now`` or in the past is left out; a time between steps is moved to the next step, and a
slot already taken to the next free one; a post without text is left out (the message is required); more than 350
posts make several files. Every such change is reported as a :class:`Problem`. Messages are formula-safe
(``exports.escape_text``), so a text that starts with ``@``, ``-``, ``+`` or ``=`` gets a leading apostrophe: that is
reported too, because Hootsuite would post the apostrophe.

Meta Business Suite's bulk upload works from a template the tool itself hands out; no public source confirms its
columns, so there is no file for it here: the plain CSV (``table``) can be mapped onto its template by hand.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from cmplanner.calendar.problems import Problem, Term
from cmplanner.exports import escape_text, slug
from cmplanner.models import PlannedPost, Platform, PostStatus, Strategy

HELP_PAGE = "https://help.hootsuite.com/s/article/bulk-schedule"
MAX_ROWS = 350
STEP = timedelta(minutes=5)
LEAD = timedelta(minutes=10)
DateOrder = Literal["dmy", "mdy"]
DATE_FORMATS: dict[str, str] = {"dmy": "%d/%m/%Y %H:%M", "mdy": "%m/%d/%Y %H:%M"}


@dataclass(frozen=True)
class BulkFile:
    platform: Platform
    part: int
    name: str
    data: bytes
    rows: int


@dataclass(frozen=True)
class BulkExport:
    files: list[BulkFile]
    problems: list[Problem] = field(default_factory=list)


def next_step(moment: datetime) -> datetime:
    """``moment`` rounded up to the next 5-minute step (unchanged when it is on one)."""
    base = moment.replace(second=0, microsecond=0)
    if base != moment:
        base += timedelta(minutes=1)
    return base + timedelta(minutes=(-base.minute) % 5)


def _rows(
    posts: Sequence[PlannedPost], platform: Platform, now: datetime, problems: list[Problem]
) -> list[tuple[datetime, str, str]]:
    rows: list[tuple[datetime, str, str]] = []
    taken: set[datetime] = set()
    name = Term(f"platform.{platform.value}")
    for post in posts:
        label = post.label or post.id[:8]
        if post.planned_at < now + LEAD:
            problems.append(Problem("calendar.hootsuite.too_soon", {"post": label, "when": post.planned_at}))
            continue
        if not post.text:
            problems.append(Problem("calendar.hootsuite.no_text", {"post": label, "platform": name}))
            continue
        slot = next_step(post.planned_at)
        while slot in taken:
            slot += STEP
        taken.add(slot)
        if slot != post.planned_at:
            problems.append(
                Problem(
                    "calendar.hootsuite.moved",
                    {"post": label, "when": post.planned_at, "to": slot, "platform": name},
                )
            )
        message = escape_text(post.text)
        if message != post.text:
            problems.append(Problem("calendar.hootsuite.apostrophe", {"post": label}))
        rows.append((slot, message, post.link))
    return rows


def _csv(rows: Sequence[tuple[datetime, str, str]], date_format: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for slot, message, link in rows:
        writer.writerow([slot.strftime(date_format), message, link])
    return out.getvalue().encode("utf-8")


def hootsuite_files(
    strategy: Strategy,
    posts: Sequence[PlannedPost],
    now: datetime,
    date_order: DateOrder = "dmy",
    statuses: Collection[PostStatus] = (PostStatus.READY,),
) -> BulkExport:
    """One file per platform (and per 350 posts) of the posts in ``statuses``; ``now`` is local time.

    ``date_order`` is the date format chosen in Hootsuite's upload form: ``dmy`` (dd/mm/yyyy) or ``mdy``.
    """
    date_format = DATE_FORMATS[date_order]
    chosen = sorted((p for p in posts if p.status in statuses), key=lambda p: (p.planned_at, p.id))
    problems: list[Problem] = []
    files = []
    stem = slug(strategy.name)
    for platform in Platform:
        own = [post for post in chosen if platform in post.platforms]
        if not own:
            continue
        rows = _rows(own, platform, now.replace(tzinfo=None), problems)
        parts = [rows[i : i + MAX_ROWS] for i in range(0, len(rows), MAX_ROWS)]
        if len(parts) > 1:
            problems.append(
                Problem(
                    "calendar.hootsuite.split",
                    {"platform": Term(f"platform.{platform.value}"), "n": len(parts)},
                )
            )
        for number, part in enumerate(parts, start=1):
            suffix = f"-{number}" if len(parts) > 1 else ""
            name = f"{stem}-hootsuite-{platform.value}{suffix}.csv"
            files.append(BulkFile(platform, number, name, _csv(part, date_format), len(part)))
    if not files:
        problems.append(Problem("calendar.hootsuite.empty"))
    return BulkExport(files, problems)
