"""The report's "next month's plan": the posts planned in the calendar for the month after the one the report looks
back on, as a table (date, platforms, format, post, status). A strategy that does not use the calendar gets no such
section."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cmplanner import i18n, periods, reviews
from cmplanner import presentation as shown
from cmplanner.calendar.labels import format_name, platform_names, post_name, status_name
from cmplanner.calendar.mix import month_posts
from cmplanner.models import PlannedPost
from cmplanner.reports.inputs import inert
from cmplanner.reports.model import PlanRow, PlanView

TITLE_CHARS = 70
"""Characters of a post's title or first words in the table."""


def _clip(text: str) -> str:
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rstrip() + "…"


def next_month(posts: Sequence[PlannedPost], today: date, lang: str) -> PlanView | None:
    """The plan of the month after the one the report looks back on (skipped posts left out), or None when nothing
    is planned at all.

    The report's "which posts worked" is the last complete month (``reviews.default_month``: November for a report
    made on 2 December), so the plan is the month that follows it — December, the month the client is about to
    see — not the month after the report's date.
    """
    if not posts:
        return None
    month = periods.shift_month(reviews.default_month(today), 1)
    name = shown.month_label(month, lang)
    rows = [
        PlanRow(
            when=f"{i18n.day(post.planned_at, lang, 'EEE d MMM')} {post.planned_at:%H:%M}",
            platforms=", ".join(platform_names(post, lang)),
            format=format_name(post.format, lang),
            title=_clip(inert(post_name(post, lang))),
            status=status_name(post.status, lang),
        )
        for post in month_posts(posts, month)
    ]
    return PlanView(
        title=i18n.t("report.plan.title", lang, month=name),
        intro=i18n.tn("report.plan.intro", lang, len(rows), month=name),
        columns=[
            i18n.t(f"report.plan.col.{key}", lang)
            for key in ("when", "platforms", "format", "post", "status")
        ],
        rows=rows,
        empty=i18n.t("report.plan.empty", lang, month=name),
    )
