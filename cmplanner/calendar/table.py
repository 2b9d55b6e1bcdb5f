"""The planned posts as a plain CSV that any scheduling tool or spreadsheet can map: one row per post and
platform, with the columns ``COLUMNS``.

Values are stable, not translated, so a mapping made once keeps working: ``date`` as ``yyyy-mm-dd``, ``time`` as
``HH:MM`` (local, 24-hour), ``platform`` and ``status`` as their ids (``instagram``, ``ready``). The text columns are
the user's own words, made formula-safe with ``exports.escape_text`` (a leading apostrophe before ``=``, ``+``,
``-``, ``@``). UTF-8 with a byte-order mark so spreadsheets pick the encoding, comma-separated, a header row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from cmplanner.calendar.labels import pillar_name
from cmplanner.exports import escape_text
from cmplanner.models import PlannedPost, Strategy

COLUMNS: tuple[str, ...] = ("date", "time", "platform", "text", "link", "media_note", "status", "pillar")


def posts_rows(strategy: Strategy, posts: Sequence[PlannedPost]) -> list[dict[str, str]]:
    """One dict per post and platform (by date and time, then the post's platform order), keys ``COLUMNS``."""
    rows = []
    for post in sorted(posts, key=lambda p: (p.planned_at, p.id)):
        for platform in post.platforms:
            rows.append(
                {
                    "date": post.planned_at.strftime("%Y-%m-%d"),
                    "time": post.planned_at.strftime("%H:%M"),
                    "platform": platform.value,
                    "text": post.text,
                    "link": post.link,
                    "media_note": post.visual,
                    "status": post.status.value,
                    "pillar": pillar_name(strategy, post),
                }
            )
    return rows


def posts_csv(strategy: Strategy, posts: Sequence[PlannedPost]) -> bytes:
    """The posts as CSV bytes (see the module docstring)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in posts_rows(strategy, posts):
        writer.writerow([escape_text(row[name]) for name in COLUMNS])
    return out.getvalue().encode("utf-8-sig")
