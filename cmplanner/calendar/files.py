"""A planned month as the files it goes out as, one function for the page's download panel and the command line:
the approval document (PDF or one HTML file), the posts as ``.ics``, as a plain CSV, and Hootsuite's bulk CSV
(one per platform). Meta Business Suite's bulk upload has no public format (see ``hootsuite``): there is no file
for it, and :data:`NO_META` says what to use instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from cmplanner import i18n, periods
from cmplanner.calendar import approval, approval_html, approval_pdf, hootsuite, ics, table
from cmplanner.calendar.labels import language
from cmplanner.calendar.problems import Problem
from cmplanner.exports import slug
from cmplanner.models import PlannedPost, Strategy

FORMATS: dict[str, str] = {
    "pdf": "application/pdf",
    "html": "text/html",
    "ics": "text/calendar",
    "csv": "text/csv",
    "hootsuite": "text/csv",
}
"""Every format a month can be written as, with its MIME type."""
NO_META = "calendar.files.no_meta"
"""Why there is no Meta file, and what to use instead (an i18n key)."""


@dataclass(frozen=True)
class MonthFile:
    name: str
    data: bytes
    mime: str
    part: str = ""
    """Which of several files this is (Hootsuite: ``instagram``, ``instagram-2``); empty for a single file."""


@dataclass(frozen=True)
class MonthFiles:
    files: list[MonthFile]
    problems: list[Problem] = field(default_factory=list)
    """What changed or was left out on the way (Hootsuite's rules)."""


def in_month(posts: Sequence[PlannedPost], month: str) -> list[PlannedPost]:
    """Every post dated in ``month``, skipped ones too (a calendar app shows them as cancelled), by time."""
    periods.parse_month(month)
    return sorted(
        (p for p in posts if periods.month_key(p.planned_at.date()) == month),
        key=lambda p: (p.planned_at, p.id),
    )


def file_name(strategy: Strategy, month: str, fmt: str, lang: str | None = None) -> str:
    """The name of the month's file in ``fmt`` (Hootsuite's are named per platform: see ``hootsuite``)."""
    lang = language(strategy, lang)
    if fmt in ("pdf", "html"):
        return f"{approval.file_stem(strategy, month, lang)}.{fmt}"
    return f"{slug(strategy.name)}-{i18n.t('calendar.files.stem', lang)}-{month}.{fmt}"


def month_files(
    strategy: Strategy,
    posts: Sequence[PlannedPost],
    month: str,
    fmt: str,
    *,
    lang: str | None = None,
    accent: str | None = None,
    client: str = "",
    author: str = "",
    today: date | None = None,
    now: datetime | None = None,
    date_order: hootsuite.DateOrder = "dmy",
) -> MonthFiles:
    """The month's posts in ``fmt`` (see :data:`FORMATS`); ValueError for another format.

    ``lang``: the strategy's language unless given; ``accent``, ``client``, ``author``: the approval document's
    branding and cover (``ReportError`` for an accent that is not ``#RRGGBB``); ``now``: Hootsuite's "at least ten
    minutes ahead"; ``date_order``: the date format chosen in Hootsuite's upload form.
    """
    if fmt not in FORMATS:
        raise ValueError(f"no such calendar format: {fmt!r} (choose from {', '.join(FORMATS)})")
    lang = language(strategy, lang)
    chosen = in_month(posts, month)
    if fmt in ("pdf", "html"):
        doc = approval.approval(strategy, posts, month, lang, accent, client, author, today)
        data = approval_pdf.render(doc) if fmt == "pdf" else approval_html.render(doc).encode("utf-8")
        return MonthFiles([MonthFile(doc.filename(fmt), data, FORMATS[fmt])])
    if fmt == "ics":
        return MonthFiles(
            [
                MonthFile(
                    file_name(strategy, month, fmt, lang), ics.posts_ics(strategy, chosen, lang), FORMATS[fmt]
                )
            ]
        )
    if fmt == "csv":
        return MonthFiles(
            [
                MonthFile(
                    file_name(strategy, month, fmt, lang), table.posts_csv(strategy, chosen), FORMATS[fmt]
                )
            ]
        )
    bulk = hootsuite.hootsuite_files(strategy, chosen, now or datetime.now(), date_order)
    parts = [f"{f.platform.value}-{f.part}" if f.part > 1 else f.platform.value for f in bulk.files]
    return MonthFiles(
        [MonthFile(f.name, f.data, FORMATS[fmt], part) for f, part in zip(bulk.files, parts, strict=True)],
        bulk.problems,
    )
